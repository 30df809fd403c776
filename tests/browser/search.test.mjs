// Site search in headless Chromium on the demo site: Thai and English queries with
// their expected first result, every normalisation case, withheld items' words
// finding nothing, data-state, the transfer budgets, keyboard and axe on /search/.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildSite, serve, launchBrowser } from './site.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** Raw bytes of every file the search fetches: script, index, data (issue budgets). */
const FIRST_QUERY_BUDGET = 60 * 1024;
const LATER_QUERY_BUDGET = 10 * 1024;

/** [query, expected first result] on the Thai site; each case of the normalisation too. */
const THAI = [
  ['ไข้เลือดออก', '/manuals/dengue-outbreak-response/'],
  ['โรคไข้เลือดออก', '/manuals/dengue-outbreak-response/'], // the compound itself
  ['สาธารณ', null], // a prefix of สาธารณสุข: something is found
  ['จัดซื้อจัดจ้าง', '/news/2026-11-10-procurement-result-2569-10/'],
  ['จัดซื้อ จัดจ้าง', '/news/2026-11-10-procurement-result-2569-10/'], // split by the reader
  ['จัดซื้อจัด จ้าง', '/news/2026-11-10-procurement-result-2569-10/'], // split oddly
  ['สขร.1', '/news/2026-11-10-procurement-result-2569-10/'],
  ['สขร1', '/news/2026-11-10-procurement-result-2569-10/'],
  ['สขร.๑', '/news/2026-11-10-procurement-result-2569-10/'],
  ['เเบบ สขร.1', '/news/2026-11-10-procurement-result-2569-10/'], // เเ typed for แ
  ['ตุลาคม ๒๕๖๙', '/news/2026-11-10-procurement-result-2569-10/'],
  ['ตุลาคม 2569', '/news/2026-11-10-procurement-result-2569-10/'],
  ['อสม.', '/news/2026-11-18-elderly-screening/'],
  ['อสม', '/news/2026-11-18-elderly-screening/'],
  ['รพ.สต.', null],
  ['รพสต', null],
  ['ไข้\u200Bเลือด\u200Cออก', '/manuals/dengue-outbreak-response/'], // zero-width characters
  ['วัคซีนไข้หวัดใหญ่', '/knowledge/flu-vaccine-risk-groups/'],
  ['PM2.5', '/news/2026-11-25-pm25-alert/'],
  ['pm2.5 ฝุ่น', '/news/2026-11-25-pm25-alert/'],
  ['BE FAST', '/knowledge/stroke-be-fast/'],
  ['be fast', '/knowledge/stroke-be-fast/'],
  ['ลูกโซ่ความเย็น', '/manuals/vaccine-cold-chain/'],
  ['พนักงานขับรถยนต์', '/news/2026-11-24-job-driver/'],
  ['ข่าวประชาสัมพันธ์', null],
];
const ENGLISH = [
  ['flu vaccination', '/en/news/2026-11-20-flu-vaccine/'],
  ['FLU VACCINATIONS', '/en/news/2026-11-20-flu-vaccine/'], // case and plural
  ['flú vaccinátion', '/en/news/2026-11-20-flu-vaccine/'], // diacritics folded
];
/** Words only withheld items (expired, future, unapproved) have. */
const WITHHELD = ['ไข้ฉี่หนู', 'ฮีตสโตรก', 'เอดส์', 'เอชไอวี', 'ผู้ช่วยเจ้าหน้าที่สาธารณสุข'];

let site;
let server;
let browser;
const report = [];

before(async () => {
  server = await serve();
  site = buildSite(`${server.origin}/`);
  server.setRoot(site.out);
  browser = await launchBrowser();
});

after(async () => {
  if (report.length) {
    console.log('\nsearch: bytes fetched per query (script, index, data); ms from page load (first) or keystroke (later) to data-state=done:');
    for (const r of report) console.log(`  ${String(r.bytes).padStart(6)} B ${String(r.ms).padStart(4)} ms  ${r.kind.padEnd(5)} ${r.query} → ${r.first ?? '(none)'} (${r.count})`);
  }
  await browser?.close();
  await server?.close();
  site?.cleanup();
});

/** A fresh page (empty cache) that counts the body bytes of search requests. */
async function openSearch(path) {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  const counter = { bytes: 0, foreign: [] };
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== server.origin) {
      counter.foreign.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/search-index/') || /\/static\/js\/search\./.test(url.pathname)) {
      try { counter.bytes += (await response.body()).length; } catch { /* aborted */ }
    }
  });
  await page.goto(`${server.origin}${path}`, { waitUntil: 'domcontentloaded' });
  return { context, page, counter };
}

async function results(page) {
  await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached' });
  return page.$$eval('#search-results a', (links) => links.map((a) => new URL(a.href).pathname));
}

/** Types `query` into the page's box and waits for its results. */
async function typeQuery(page, query) {
  await page.$eval('#search-results', (el) => { el.dataset.state = 'typing'; });
  // Time in the page from the keystroke (the input event) to data-state="done".
  await page.evaluate(() => {
    const list = document.getElementById('search-results');
    window.searchMs = null;
    const started = performance.now();
    const observer = new MutationObserver(() => {
      if (list.dataset.state === 'done') { window.searchMs = Math.round(performance.now() - started); observer.disconnect(); }
    });
    observer.observe(list, { attributes: true, attributeFilter: ['data-state'] });
  });
  await page.fill('#search-q', query);
  return results(page);
}

function check(kind, query, expected, found, bytes, ms) {
  report.push({ kind, query, first: found[0], count: found.length, bytes, ms });
  if (expected) assert.equal(decodeURI(found[0] ?? ''), expected, `first result for ${query}`);
  else assert.ok(found.length > 0, `something found for ${query}`);
}

describe('search on the demo site', () => {
  for (const [lang, path, cases] of [['th', '/search/', THAI], ['en', '/en/search/', ENGLISH]]) {
    test(`${lang}: first query from the address, later queries typed, within budgets`, async () => {
      const [first, ...rest] = cases;
      const { context, page, counter } = await openSearch(`${path}?q=${encodeURIComponent(first[0])}`);
      const started = Date.now();
      const found = await results(page);
      check('first', first[0], first[1], found, counter.bytes, Date.now() - started);
      assert.ok(counter.bytes <= FIRST_QUERY_BUDGET, `first query fetched ${counter.bytes} bytes`);
      assert.equal(await page.inputValue('#search-q'), first[0], 'the box shows the query');
      for (const [query, expected] of rest) {
        counter.bytes = 0;
        const later = await typeQuery(page, query);
        check('later', query, expected, later, counter.bytes, await page.evaluate(() => window.searchMs));
        assert.ok(counter.bytes <= LATER_QUERY_BUDGET, `${query} fetched ${counter.bytes} bytes`);
        assert.ok(new URL(page.url()).searchParams.get('q') === query, 'the address follows the query');
      }
      assert.deepEqual(counter.foreign, [], 'nothing from another host');
      await context.close();
    });
  }

  test('withheld items are never found', async () => {
    const { context, page } = await openSearch('/search/');
    await results(page); // done with no query
    for (const word of WITHHELD) {
      const found = await typeQuery(page, word);
      report.push({ kind: 'none', query: word, first: found[0], count: found.length, bytes: 0, ms: 0 });
      assert.deepEqual(found, [], `${word} finds nothing`);
      assert.match(await page.textContent('#search-status'), /ไม่พบ/);
    }
    await context.close();
  });

  test('matched words are marked; the count is announced; section and B.E. date shown', async () => {
    const { context, page } = await openSearch(`/search/?q=${encodeURIComponent('สขร.๑')}`);
    await results(page);
    assert.equal(await page.getAttribute('#search-status', 'aria-live'), 'polite');
    assert.match(await page.textContent('#search-status'), /พบ \d+ รายการ/);
    const first = page.locator('#search-results li').first();
    assert.match(await first.locator('a mark').first().textContent(), /สขร\.1/);
    assert.match(await first.locator('.search-meta').textContent(), /ข่าวประชาสัมพันธ์ · \d+ \S+ 25\d\d/);
    await context.close();
  });

  test('the header box searches from any page, by keyboard', async () => {
    const { context, page } = await openSearch('/news/');
    await page.focus('#site-search-q');
    await page.keyboard.type('วัคซีน');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    const found = await results(page);
    assert.ok(found.length > 0);
    await page.keyboard.press('Tab');
    await context.close();
  });

  test('/search/ has no axe violation, with and without results', async () => {
    for (const path of ['/search/', `/search/?q=${encodeURIComponent('ไข้เลือดออก')}`, '/en/search/?q=flu', `/search/?q=${encodeURIComponent('ไม่มีคำนี้แน่นอน')}`]) {
      const { context, page } = await openSearch(path);
      await results(page);
      await page.addScriptTag({ content: AXE_SOURCE });
      const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], path);
      await context.close();
    }
  });

  test('without JavaScript the page says so and links the site map', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/?q=x`);
    const html = await page.content();
    assert.match(html, /<noscript>[\s\S]*JavaScript[\s\S]*href="\/site-map\/"/);
    await context.close();
  });
});
