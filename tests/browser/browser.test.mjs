// The default theme in headless Chromium: accessibility (axe-core, WCAG 2.0/2.1 A and
// AA), keyboard use of the display controls, first-view transfer size, no request to
// another host, no cookies; screenshots for the README with SCREENSHOTS=1.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildSite, serve, REPO, launchBrowser } from './site.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BUDGET = 150 * 1024;
const WIDTHS = { mobile: { width: 375, height: 812 }, desktop: { width: 1280, height: 900 } };

/** The pages the issue names, in Thai and English. */
const PAGES = [
  { name: 'home', th: '/', en: '/en/' },
  { name: 'section', th: '/news/', en: '/en/about/' },
  { name: 'item with attachments', th: '/news/2026-11-24-job-driver/', en: '/en/news/2026-11-20-flu-vaccine/' },
  { name: 'tag', th: `/tags/${encodeURIComponent('รับสมัครงาน')}/`, en: '/en/tags/policy/' },
  { name: 'site map', th: '/site-map/', en: '/en/site-map/' },
  { name: 'statistics', th: '/statistics/', en: '/en/statistics/' },
  { name: 'ITA/OIA index', th: '/standards/', en: '/en/standards/' },
  // The record is the ministry's Thai form (with English glosses), for every item.
  { name: 'publication record', th: '/records/news/2026-11-24-job-driver/' },
  { name: '404', th: '/no-such-page/', en: '/en/no-such-page/' },
];

let site;
let server;
let browser;
const sizes = [];

before(async () => {
  server = await serve();
  site = buildSite(`${server.origin}/`);
  server.setRoot(site.out);
  browser = await launchBrowser();
});

after(async () => {
  if (sizes.length) {
    console.log('\nfirst-view transfer (HTML, CSS, JS, fonts, images), bytes:');
    for (const s of sizes) console.log(`  ${String(s.bytes).padStart(7)}  ${s.lang} ${s.width}px ${s.name} (${s.requests} requests)`);
  }
  await browser?.close();
  await server?.close();
  site?.cleanup();
});

/** A fresh context (empty cache and storage) that records every request. */
async function openPage(viewport, options = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, ...options });
  const page = await context.newPage();
  const foreign = [];
  const finished = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== server.origin && url.protocol !== 'data:') {
      foreign.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  page.on('requestfinished', (request) => finished.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)));
  return { context, page, foreign, finished };
}

async function load(page, path) {
  const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return response;
}

function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`).join('\n')}`).join('\n');
}

async function axe(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), AXE_TAGS);
}

for (const [widthName, viewport] of Object.entries(WIDTHS)) {
  for (const lang of ['th', 'en']) {
    describe(`${lang} pages at ${viewport.width}px`, () => {
      for (const spec of PAGES.filter((p) => p[lang])) {
        test(`${spec.name}: no axe violation, under ${BUDGET / 1024} KB, no other host`, async () => {
          const { context, page, foreign, finished } = await openPage(viewport);
          try {
            const response = await load(page, spec[lang]);
            assert.equal(response.status(), spec.name === '404' ? 404 : 200, `status of ${spec[lang]}`);
            const bytes = (await Promise.all(finished)).reduce((a, b) => a + b, 0);
            sizes.push({ name: spec.name, lang, width: viewport.width, bytes, requests: finished.length });
            assert.deepEqual(foreign, [], 'requests to other hosts');
            assert.ok(bytes < BUDGET, `${spec[lang]} transferred ${bytes} bytes, over ${BUDGET}`);
            assert.deepEqual(await context.cookies(), [], 'no cookies');
            const result = await axe(page);
            assert.equal(result.violations.length, 0, describeViolations(result.violations));
            assert.equal(await page.getAttribute('html', 'lang'), spec.name === '404' ? 'th' : lang, 'one 404 page, in Thai with English inside');
            if (widthName === 'mobile') {
              const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
              assert.ok(overflow <= 0, `${spec[lang]} scrolls sideways by ${overflow}px at 375px`);
            }
          } finally {
            await context.close();
          }
        });
      }
    });
  }
}

describe('display modes pass axe too', () => {
  for (const mode of [{ contrast: true }, { contrast: true, font: 3 }]) {
    test(`home and item with ${JSON.stringify(mode)}`, async () => {
      const { context, page } = await openPage(WIDTHS.desktop);
      try {
        await context.addInitScript((saved) => localStorage.setItem('khaosan-display', saved), JSON.stringify(mode));
        for (const path of ['/', '/news/2026-11-24-job-driver/']) {
          await load(page, path);
          assert.equal(await page.getAttribute('html', 'data-contrast'), 'high');
          const result = await axe(page);
          assert.equal(result.violations.length, 0, `${path}: ${describeViolations(result.violations)}`);
        }
      } finally {
        await context.close();
      }
    });
  }
});

/** Presses Tab until `selector` has focus; fails after `limit` presses. */
async function tabTo(page, selector, limit = 40) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

const rootFontSize = (page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

describe('display controls by keyboard alone', () => {
  for (const [widthName, viewport] of Object.entries(WIDTHS)) {
    test(`font size, contrast and grayscale persist across pages (${widthName})`, async () => {
      const { context, page } = await openPage(viewport);
      try {
        await load(page, '/');
        await page.keyboard.press('Tab');
        assert.ok(await page.evaluate(() => document.activeElement.classList.contains('skip')), 'first Tab reaches the skip link');
        const skipBox = await page.locator('.skip').boundingBox();
        assert.ok(skipBox && skipBox.y >= 0, 'skip link is visible when focused');

        const normal = await rootFontSize(page);
        // On phones the display controls fold behind one button.
        const unfold = async () => {
          if (widthName !== 'mobile') return;
          await tabTo(page, '.display-toggle');
          await page.keyboard.press('Enter');
          assert.equal(await page.getAttribute('.display-toggle', 'aria-expanded'), 'true');
        };
        await unfold();
        await tabTo(page, '[data-font="up"]');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter');
        const larger = await rootFontSize(page);
        assert.ok(larger > normal, `ก+ makes text larger (${normal} → ${larger})`);
        assert.match(await page.locator('[data-status]').textContent(), /\d+%/);

        await tabTo(page, '[data-toggle="contrast"]');
        await page.keyboard.press('Space');
        assert.equal(await page.getAttribute('[data-toggle="contrast"]', 'aria-pressed'), 'true');
        assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(0, 0, 0)');

        await tabTo(page, '[data-toggle="gray"]');
        await page.keyboard.press('Enter');
        assert.equal(await page.getAttribute('[data-toggle="gray"]', 'aria-pressed'), 'true');
        assert.match(await page.evaluate(() => getComputedStyle(document.documentElement).filter), /grayscale/);

        // Follow a link by keyboard to another page: the settings are still there.
        await page.keyboard.press('Shift+Tab');
        await tabTo(page, '.lang-switch');
        await Promise.all([page.waitForURL(`${server.origin}/en/`), page.keyboard.press('Enter')]);
        assert.equal(await rootFontSize(page), larger, 'text size persists');
        assert.equal(await page.getAttribute('html', 'data-contrast'), 'high');
        assert.equal(await page.getAttribute('html', 'data-gray'), 'on');
        assert.equal(await page.getAttribute('[data-toggle="contrast"]', 'aria-pressed'), 'true');
        assert.equal(await page.getAttribute('[data-toggle="gray"]', 'aria-pressed'), 'true');

        await load(page, '/news/');
        assert.equal(await rootFontSize(page), larger, 'text size persists on a third page');
        await unfold();
        await tabTo(page, '[data-font="reset"]');
        await page.keyboard.press('Enter');
        assert.equal(await rootFontSize(page), normal, 'ก restores the normal size');
        await tabTo(page, '[data-toggle="contrast"]');
        await page.keyboard.press('Enter');
        await tabTo(page, '[data-toggle="gray"]');
        await page.keyboard.press('Enter');
        assert.equal(await page.getAttribute('html', 'data-contrast'), null);
        assert.equal(await page.getAttribute('html', 'data-gray'), null);
        assert.deepEqual(await context.cookies(), [], 'settings are kept without cookies');
      } finally {
        await context.close();
      }
    });
  }

  test('menu button opens the main menu by keyboard at 375px', async () => {
    const { context, page } = await openPage(WIDTHS.mobile);
    try {
      await load(page, '/');
      assert.equal(await page.locator('#menu').isVisible(), false, 'menu is folded on phones');
      await tabTo(page, '.menu-toggle');
      await page.keyboard.press('Enter');
      assert.equal(await page.getAttribute('.menu-toggle', 'aria-expanded'), 'true');
      assert.equal(await page.locator('#menu').isVisible(), true);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.closest('#menu') !== null), true, 'next Tab enters the menu');
    } finally {
      await context.close();
    }
  });

  test('without JavaScript the menu is open and the controls are hidden', async () => {
    const { context, page } = await openPage(WIDTHS.mobile, { javaScriptEnabled: false });
    try {
      await load(page, '/');
      assert.equal(await page.locator('#menu').isVisible(), true);
      assert.equal(await page.locator('#display-controls').isVisible(), false);
      assert.equal(await page.locator('.menu-toggle').isVisible(), false);
    } finally {
      await context.close();
    }
  });
});

describe('evidence pages for assessors and executives', () => {
  test('/standards/ at 375px: short with groups closed, official codes, fiscal year, groups open by keyboard', async () => {
    const { context, page } = await openPage(WIDTHS.mobile);
    try {
      await load(page, '/standards/');
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      console.log(`/standards/ at 375px with groups closed: ${height}px tall`);
      assert.ok(height < 6000, `/standards/ is ${height}px tall at 375px with its groups closed`);
      assert.ok(await page.locator('details.standards-family').count() >= 3, 'one group per standard');
      assert.equal(await page.locator('details.standards-family[open]').count(), 0, 'groups start closed');
      assert.match(await page.locator('.standards-year').innerText(), /2570/);
      const codes = await page.locator('.standards-code').allTextContents();
      for (const code of ['O1', 'O22', 'MOIT 4']) assert.ok(codes.includes(code), `code ${code} shown`);
      await page.locator('#standard-ita > summary').focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('#standard-ita').getAttribute('open'), '', 'Enter opens a group');
      assert.ok(await page.locator('#oit-o1').isVisible(), 'its items show');
      const result = await axe(page);
      assert.equal(result.violations.length, 0, describeViolations(result.violations));
    } finally {
      await context.close();
    }
  });

  for (const lang of ['th', 'en']) {
    test(`/statistics/ (${lang}): charts with accessible names and the numbers in tables`, async () => {
      const { context, page, foreign } = await openPage(WIDTHS.mobile);
      try {
        await load(page, lang === 'th' ? '/statistics/' : '/en/statistics/');
        const charts = page.locator('svg.chart[role="img"]');
        assert.equal(await charts.count(), 2, 'a visits chart and a survey chart');
        for (const chart of await charts.all()) {
          const name = await chart.evaluate((el) => el.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
          assert.ok(name.trim().length > 20, `chart has an accessible name: ${name}`);
        }
        assert.ok(await page.locator('.stats-table').count() >= 2, 'tables beside the charts');
        assert.ok(await page.locator('.stats-table tbody tr').count() >= 3, 'rows of numbers');
        assert.deepEqual(foreign, [], 'nothing from another host');
        const result = await axe(page);
        assert.equal(result.violations.length, 0, describeViolations(result.violations));
      } finally {
        await context.close();
      }
    });
  }
});

if (process.env.SCREENSHOTS) {
  test('screenshots for the README', async () => {
    const dir = join(REPO, 'docs', 'screenshots');
    mkdirSync(dir, { recursive: true });
    const shots = [
      ['desktop-th.png', WIDTHS.desktop, '/'],
      ['mobile-th.png', WIDTHS.mobile, '/'],
      ['desktop-en.png', WIDTHS.desktop, '/en/'],
      ['mobile-en.png', WIDTHS.mobile, '/en/'],
      ['item-desktop-th.png', WIDTHS.desktop, '/news/2026-11-24-job-driver/'],
      ['item-mobile-th.png', WIDTHS.mobile, '/news/2026-11-24-job-driver/'],
      ['procurement-desktop-th.png', WIDTHS.desktop, '/news/2026-11-10-procurement-result-2569-10/', '.table-wrap'],
      ['procurement-mobile-th.png', WIDTHS.mobile, '/news/2026-11-10-procurement-result-2569-10/', '.table-wrap'],
    ];
    for (const [file, viewport, path, scrollTo] of shots) {
      const { context, page } = await openPage(viewport);
      try {
        await load(page, path);
        if (scrollTo) await page.locator(scrollTo).first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await page.screenshot({ path: join(dir, file) });
      } finally {
        await context.close();
      }
    }
  });
}
