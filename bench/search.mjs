// Search bench: khaosan's search and Pagefind (the anchor) on the same built site
// and the same queries in headless Chromium. Prints, for each engine, passes,
// recall, top-1 and bytes per query (raw bytes of every file the search fetched).
//
//   node bench/search.mjs SITE_SOURCE BUILT_SITE     (bench/search.sh runs it)
//
// Ground truth: a query's relevant items are the live items whose normalised title
// and text contain every query term (normalised as khaosan does, the reading of a
// person who typed it): Thai terms anywhere, Latin words and numbers as whole words. A query passes when its first result is right (the
// expected item, or any relevant item), its first ten results are all relevant,
// and it finds min(10, relevant) items; recall is relevant items among the first
// ten over min(10, relevant). Withheld words must find nothing.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');
const require = createRequire(join(REPO, 'tests/browser/package.json'));
const { chromium } = require('playwright-core');
const { serve } = await import(join(REPO, 'tests/browser/site.mjs'));

const [source, built] = process.argv.slice(2);
const ctx = { TextEncoder, URL, URLSearchParams };
ctx.globalThis = ctx;
vm.runInNewContext(readFileSync(join(REPO, 'themes/default/static/js/search.js'), 'utf8'), ctx);
const { normalize, chunks } = ctx.khaosanSearch;

// Live items: path → url and normalised text.
const expected = JSON.parse(readFileSync(join(source, 'expected.json'), 'utf8'));
const items = expected.published.filter((p) => !/\.en\.md$/.test(p)).map((path) => {
  const text = readFileSync(join(source, path), 'utf8');
  const [, front = '', body = text] = text.match(/^\+\+\+\n([\s\S]*?)\n\+\+\+\n([\s\S]*)$/) || [];
  const title = (front.match(/^title = "(.*)"$/m) || [])[1] || '';
  const m = path.match(/^content\/([^/]+)\/(.+?)(\/index)?\.md$/);
  return { url: `/${m[1]}/${m[2]}/`, title, text: normalize(`${title}\n${body.replace(/[*_#|`>-]/g, ' ')}`) };
});
const byNumber = (n) => items.find((i) => new RegExp(`^ประกาศ ${n} `).test(i.title));

/** [query, expected first result url or null]. */
const picks = [222, 1326, 574, 1693, 318].map(byNumber).filter(Boolean);
const QUERIES = [
  ...picks.map((i) => [i.title.split(' ').slice(0, 2).join(' '), i.url]),
  ...picks.slice(0, 3).map((i) => [i.title.split(' ').slice(0, 2).join(' ').replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[d]), i.url]),
  ['ไข้หวัดใหญ่', null], ['ไข้เลือดออก', null], ['จัดซื้อจัดจ้าง', null], ['จัดซื้อ จัดจ้าง', null],
  ['สาธารณ', null], ['อาสาสมัครสาธารณสุข', null], ['วัสดุการแพทย์', null], ['ยุงลาย', null],
  ['เเผนปฏิบัติราชการ', null], ['แผนปฏิบัติราชการ', null], ['ความดันโลหิตสูง', null],
  ['พ.ศ. ๒๕๔๐', null], ['พศ 2540', null], ['ผู้ชนะการเสนอราคา', null], ['คลินิกหมอครอบครัว', null],
  ['dengue prevention', null], ['vaccination schedule', null], ['district health office', null],
  ['public notice', null], ['ข้อมูลข่าวสาร', null],
];
const WITHHELD = [expected.canary_prefix || 'CANARY'];

/** Thai terms anywhere (no spaces in Thai); Latin words and numbers whole (222 is not in 1222), plurals too. */
function matcher(term) {
  if (/[\u0E00-\u0E7F]/.test(term)) return (text) => text.includes(term);
  const re = new RegExp(`(^|[^\\p{L}\\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(s|es)?($|[^\\p{L}\\p{N}])`, 'u');
  return (text) => re.test(text);
}

function relevant(query) {
  const tests = chunks(normalize(query)).map(matcher);
  return new Set(items.filter((i) => tests.every((t) => t(i.text))).map((i) => i.url));
}

const server = await serve();
server.setRoot(resolve(built));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });

const ENGINES = {
  khaosan: {
    counts: (path) => path.startsWith('/search-index/') || /^\/static\/js\/search\./.test(path),
    async open(page) { await page.goto(`${server.origin}/search/`); await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached' }); },
    async query(page, q) {
      await page.$eval('#search-results', (el) => { el.dataset.state = 'typing'; });
      await page.fill('#search-q', q);
      await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached' });
      return page.$$eval('#search-results a', (as) => as.map((a) => decodeURI(new URL(a.href).pathname)));
    },
  },
  pagefind: {
    counts: (path) => path.startsWith('/pagefind/'),
    async open(page) { await page.goto(`${server.origin}/404.html`); },
    async query(page, q) {
      return page.evaluate(async (query) => {
        window.pf = window.pf || await import('/pagefind/pagefind.js');
        const search = await window.pf.search(query);
        const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
        return data.map((d) => decodeURI(new URL(d.url, location.href).pathname).replace(/index\.html$/, ''));
      }, q);
    },
  },
};

for (const [name, engine] of Object.entries(ENGINES)) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  page.on('response', async (r) => {
    if (engine.counts(new URL(r.url()).pathname)) { try { bytes += (await r.body()).length; } catch { /* */ } }
  });
  await engine.open(page);
  let passes = 0, recall = 0, top1 = 0, first = null;
  const perQuery = [];
  for (const [q, want] of QUERIES) {
    if (first !== null) bytes = 0; // the first query counts the script and all it loaded
    const got = (await engine.query(page, q)).slice(0, 10);
    await page.waitForTimeout(50); // let the last response bodies be counted
    const rel = relevant(q);
    const need = Math.min(10, rel.size);
    const hits = got.filter((u) => rel.has(u)).length;
    const okFirst = want ? got[0] === want : rel.has(got[0]);
    const pass = okFirst && hits === got.length && got.length >= need;
    passes += pass; top1 += okFirst; recall += need ? hits / need : 1;
    if (first === null) first = bytes;
    perQuery.push(bytes);
    if (process.env.VERBOSE) console.log(`${name}\t${pass ? 'pass' : 'FAIL'}\t${bytes}\t${q}\t${got[0]}\t${hits}/${need}`);
  }
  let leaks = 0;
  for (const w of WITHHELD) leaks += (await engine.query(page, w)).length;
  const later = perQuery.slice(1);
  console.log(`${name.padEnd(9)} passes ${passes}/${QUERIES.length}  recall ${(recall / QUERIES.length).toFixed(2)}  top-1 ${top1}/${QUERIES.length}  ` +
    `bytes: first query ${first}, later median ${later.sort((a, b) => a - b)[later.length >> 1]}, later max ${Math.max(...later)}  results for a withheld-only word ${leaks}`);
  await context.close();
}
await browser.close();
await server.close();
