// Every page of the embedded site, without a browser: html-validate reports no
// error, every internal link and asset resolves, and no page loads anything from
// another host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { buildSite, walk, fileFor, HERE, LINK_CHECK_IGNORES } from './site.mjs';

const ORIGIN = 'http://127.0.0.1:8808';
let site;
let pages;

before(() => {
  site = buildSite(`${ORIGIN}/`);
  pages = walk(site.out).filter((f) => f.endsWith('.html'));
});
after(() => site?.cleanup());

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text) => text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, e) => (e[0] !== '#'
  ? NAMED[e] ?? all
  : String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))));
const attributes = (html, names) => [...html.matchAll(new RegExp(`\\s(?:${names})="([^"]*)"`, 'g'))].map((m) => decode(m[1]));

test('html-validate reports no error on any page', async () => {
  assert.ok(pages.length > 100, `the embedded site has many pages (${pages.length})`);
  const validator = new HtmlValidate(new FileSystemConfigLoader({ extends: [] }));
  const config = join(HERE, '.htmlvalidate.json');
  const problems = [];
  for (const page of pages) {
    const html = readFileSync(join(site.out, page), 'utf8');
    const report = await validator.validateString(html, page, JSON.parse(readFileSync(config, 'utf8')));
    for (const result of report.results) {
      for (const m of result.messages) {
        if (m.severity === 2) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
  }
  assert.deepEqual(problems.slice(0, 200), [], `${problems.length} html-validate errors`);
});

test('every internal link, image, stylesheet and script resolves', () => {
  const broken = [];
  let checked = 0;
  for (const page of pages) {
    const html = readFileSync(join(site.out, page), 'utf8');
    for (let url of attributes(html, 'href|src')) {
      if (url.startsWith(ORIGIN)) url = url.slice(ORIGIN.length);
      if (!url.startsWith('/') || url.startsWith('//')) continue;
      const path = url.split(/[?#]/)[0];
      if (LINK_CHECK_IGNORES.some((p) => path.startsWith(p))) continue;
      checked += 1;
      if (!fileFor(site.out, path)) broken.push(`${page} → ${url}`);
    }
  }
  assert.ok(checked > pages.length * 10, `checked ${checked} links`);
  assert.deepEqual(broken, []);
});

test('no page loads a stylesheet, script, font, image or frame from another host', () => {
  const foreign = [];
  for (const page of pages) {
    const html = readFileSync(join(site.out, page), 'utf8');
    for (const tag of html.matchAll(/<(script|img|iframe|link|source|video|audio|embed|object)\b[^>]*>/g)) {
      const element = tag[0];
      if (/^<link/.test(element) && !/rel="(stylesheet|preload|icon|modulepreload|manifest)"/.test(element)) continue;
      for (const url of attributes(element, 'href|src|srcset|data')) {
        if (/^(https?:)?\/\//.test(url) && !url.startsWith(ORIGIN)) foreign.push(`${page}: ${element}`);
      }
    }
  }
  for (const css of walk(site.out).filter((f) => f.endsWith('.css'))) {
    for (const m of readFileSync(join(site.out, css), 'utf8').matchAll(/url\(\s*["']?([^"')]+)/g)) {
      if (/^(https?:)?\/\//.test(m[1])) foreign.push(`${css}: ${m[1]}`);
    }
  }
  assert.deepEqual(foreign, []);
});

test('pages carry canonical and OpenGraph URLs of the site', () => {
  for (const page of pages.filter((p) => p !== '404.html')) {
    const html = readFileSync(join(site.out, page), 'utf8');
    const canonical = html.match(/<link rel="canonical" href="([^"]+)">/);
    assert.ok(canonical, `${page} has a canonical link`);
    assert.ok(canonical[1].startsWith(`${ORIGIN}/`), `${page}: ${canonical[1]}`);
    assert.match(html, /<meta property="og:url" content="http:\/\/127\.0\.0\.1:8808\//, page);
    assert.match(html, /<meta property="og:title" content="[^"]+">/, page);
  }
});
