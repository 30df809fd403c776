// The browser's search normalisation and tokens against the table the Rust index is
// tested with (src/search/cases.json), so index and query always agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { REPO } from './site.mjs';

const cases = JSON.parse(readFileSync(join(REPO, 'src/search/cases.json'), 'utf8'));
const context = { TextEncoder, URL, URLSearchParams };
context.globalThis = context;
vm.runInNewContext(readFileSync(join(REPO, 'themes/default/static/js/search.js'), 'utf8'), context);
const search = context.khaosanSearch;

test('normalisation matches the shared table', () => {
  assert.ok(cases.normalize.length >= 15);
  for (const [input, expected] of cases.normalize) {
    assert.equal(search.normalize(input), expected, `normalize(${JSON.stringify(input)})`);
  }
});

test('plural fold matches the shared table', () => {
  for (const [input, expected] of cases.stem) assert.equal(search.stem(input), expected, input);
});

test('Thai terms are looked up by their bigrams', () => {
  assert.deepEqual(Array.from(search.bigrams('ไข้')), ['ไข', 'ข้']);
  assert.deepEqual(Array.from(search.chunks(search.normalize('รพ.สต. บ้านดู่, COVID-19'))), ['รพสต', 'บ้านดู่', 'covid', '19']);
  assert.equal(search.queryGrams('โรคไข้เลือดออก').length, 7);
  assert.deepEqual(Array.from(search.chunks('ต่างๆ กรุงเทพฯ')), ['ต่าง', 'กรุงเทพ']);
});

test('ids decode from gaps and from bitmaps as Rust encodes them', () => {
  assert.deepEqual(Array.from(search.decodeIds('AAA')), [0, 1, 2]);
  assert.deepEqual(Array.from(search.decodeIds('oB')), [40]);
  const even = Array.from({ length: 50 }, (_, i) => i * 2);
  // Rust's encode_ids of the even ids below 100, among 100 documents.
  assert.deepEqual(Array.from(search.decodeIds('!' + 'V'.repeat(16) + 'BQ')), even);
});

test('shards are FNV-1a of the UTF-8 bytes', () => {
  // FNV-1a("a") = 0xe40c292c.
  assert.equal(search.shardOf('a', 0x10000), 0x292c);
});

test('matched words are marked in the original text', () => {
  assert.equal(search.mark('ประชุม อสม. ที่ รพ.สต.', ['อสม', 'รพสต']), 'ประชุม <mark>อสม</mark>. ที่ <mark>รพ.สต</mark>.');
  assert.equal(search.mark('ปี ๒๕๖๙ <b>', ['2569']), 'ปี <mark>๒๕๖๙</mark> &lt;b&gt;');
  assert.equal(search.mark('Café', ['cafe']), '<mark>Café</mark>');
});
