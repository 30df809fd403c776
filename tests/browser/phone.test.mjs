// The public site on a citizen's phone: end dates people can trust, no page that
// scrolls sideways at 320, 375 or 1280 px at normal and largest text size, ways to
// reach the office, each page's own last change, and photos sized for a phone.
// Built from a copy of the demo site with a real-sized phone photo (over 3 MB,
// made here in Chromium) added to an activity item.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, copySite, serve, walk, launchBrowser } from './site.mjs';

const BUDGET = 150 * 1024;
const ACTIVITY = '/news/2026-11-18-elderly-screening/';
const PHOTO = 'phone-photo.jpg';

let copy;
let site;
let server;
let browser;

/** A 4032×3024 photo-like JPEG (sky, ground, sensor noise), as a phone takes it. */
async function phonePhoto() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 4032;
    canvas.height = 3024;
    const g = canvas.getContext('2d');
    const sky = g.createLinearGradient(0, 0, 0, 3024);
    sky.addColorStop(0, '#6fa8dc');
    sky.addColorStop(0.55, '#dfe9f3');
    sky.addColorStop(0.56, '#6b8e23');
    sky.addColorStop(1, '#3b5d1a');
    g.fillStyle = sky;
    g.fillRect(0, 0, 4032, 3024);
    const image = g.getImageData(0, 0, 4032, 3024);
    let seed = 7;
    for (let i = 0; i < image.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const n = (seed % 41) - 20;
      image.data[i] += n;
      image.data[i + 1] += n;
      image.data[i + 2] += n;
    }
    g.putImageData(image, 0, 0);
    return canvas.toDataURL('image/jpeg', 0.92).split(',')[1];
  });
  await context.close();
  return Buffer.from(base64, 'base64');
}

before(async () => {
  browser = await launchBrowser();
  copy = copySite();
  const bundle = join(copy.root, 'content', 'news', '2026-11-18-elderly-screening');
  writeFileSync(join(bundle, PHOTO), await phonePhoto());
  // The photo opens the text, so it is in the first view of a phone.
  const index = join(bundle, 'index.md');
  const text = readFileSync(index, 'utf8').replace(/\+\+\+\n\n/, `+++\n\n![ผู้สูงอายุรอคิวคัดกรองหน้าศาลาอเนกประสงค์](${PHOTO})\n\n`);
  writeFileSync(index, text);
  server = await serve();
  site = buildSite(`${server.origin}/`, copy.root);
  server.setRoot(site.out);
});

after(async () => {
  await browser?.close();
  await server?.close();
  site?.cleanup();
  copy?.cleanup();
});

async function open(viewport, font = 0) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  if (font) await context.addInitScript((f) => localStorage.setItem('khaosan-display', JSON.stringify({ font: f })), font);
  await context.route('**/*', (route) => (new URL(route.request().url()).origin === server.origin ? route.continue() : route.abort()));
  const page = await context.newPage();
  return { context, page };
}

async function load(page, path) {
  const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return response;
}

describe('1. end dates are the last day shown', () => {
  test('Thai and English item pages and the publication record', async () => {
    const { context, page } = await open({ width: 375, height: 812 });
    try {
      // expires = 2026-12-09 (00:00): applicants may apply until 8 December.
      await load(page, '/news/2026-11-24-job-driver/');
      const dates = await page.locator('.item-dates').textContent();
      assert.match(dates, /เผยแพร่ถึง\s+8 ธันวาคม 2569/);
      assert.doesNotMatch(dates, /9 ธันวาคม/);
      assert.match(await page.locator('.meta').textContent(), /เผยแพร่ถึง\s*8 ธันวาคม 2569/);
      await load(page, '/records/news/2026-11-24-job-driver/');
      assert.match(await page.locator('main').textContent(), /ถึง 8 ธันวาคม 2569/);
      // expires = 2027-01-01: until 31 December 2026.
      await load(page, '/en/news/2026-11-20-flu-vaccine/');
      assert.match(await page.locator('.item-dates').textContent(), /Published until\s+31 December 2026/);
    } finally {
      await context.close();
    }
  });
});

describe('2. nothing scrolls sideways', () => {
  for (const width of [320, 375, 1280]) {
    for (const [sizeName, font] of [['normal', 0], ['largest', 3]]) {
      test(`every page at ${width}px, ${sizeName} text`, async () => {
        const pages = walk(site.out).filter((f) => f.endsWith('.html') && !f.startsWith('static/'));
        const { context, page } = await open({ width, height: 800 }, font);
        const wide = [];
        try {
          for (const file of pages) {
            const path = `/${file.replace(/index\.html$/, '')}`;
            await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
            await page.evaluate(() => document.fonts.ready.then(() => undefined));
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            if (overflow > 0) wide.push(`${decodeURIComponent(path)} by ${overflow}px`);
          }
        } finally {
          await context.close();
        }
        assert.deepEqual(wide, [], `${wide.length} of ${pages.length} pages scroll sideways`);
      });
    }
  }

  test('a wide table scrolls in its own labelled, focusable box', async () => {
    const { context, page } = await open({ width: 375, height: 812 });
    try {
      await load(page, '/news/2026-11-10-procurement-result-2569-10/');
      const box = page.locator('.table-wrap').first();
      assert.equal(await box.evaluate((el) => el.tagName), 'SECTION', 'a named section: a region landmark');
      assert.match(await box.getAttribute('aria-label'), /ตารางที่ 1/);
      assert.equal(await box.getAttribute('tabindex'), '0');
      const { scroll, client } = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      assert.ok(scroll > client, `the table is wider than the phone (${scroll} > ${client}) and scrolls inside its box`);
    } finally {
      await context.close();
    }
  });

  test('Thai headings break only between words', async () => {
    const html = readFileSync(join(site.out, 'about', 'executives', 'index.html'), 'utf8');
    assert.match(html, /<h1>ทำเนียบ<wbr>ผู้บริหาร<\/h1>/);
  });
});

describe('4. reaching the office', () => {
  test('complaint and contact in the menu, corruption apart, hours, tap-to-call, QR codes, map', async () => {
    const { context, page } = await open({ width: 375, height: 812 });
    try {
      await load(page, '/');
      const menu = page.locator('#menu');
      const complaint = await menu.locator('a', { hasText: 'ร้องเรียน' }).getAttribute('href');
      assert.equal(complaint, '/services/complaint-form/');
      assert.equal(await menu.locator('a', { hasText: 'ติดต่อเรา' }).getAttribute('href'), '/about/contact/');
      const corruption = await page.locator('.footer a', { hasText: 'ทุจริต' }).getAttribute('href');
      assert.notEqual(corruption, complaint, 'corruption complaints are kept apart');
      assert.match(await page.locator('.footer .hours').textContent(), /เวลาทำการ\s+วันจันทร์/);
      for (const tel of ['tel:053721234', 'tel:1669', 'tel:1422']) {
        assert.equal(await page.locator(`.footer a[href="${tel}"]`).count(), 1, tel);
      }
      const qr = page.locator('.footer svg.qr');
      assert.equal(await qr.count(), 2, 'LINE and Facebook QR codes');
      assert.match(await qr.first().getAttribute('aria-label'), /LINE/);
      const map = page.locator('.footer .map img');
      assert.match(await map.getAttribute('src'), /^\/about\/contact\/map-360w\.jpg$/);
      assert.match(await page.locator('.footer .map a').getAttribute('href'), /openstreetmap/);
      await load(page, '/about/contact/');
      assert.equal(await page.locator('main a[href="tel:1669"]').count(), 1);
      assert.equal(await page.locator('main a[href="tel:+6653721234,104"]').count(), 1, 'extension dials after the call');
    } finally {
      await context.close();
    }
  });
});

describe("5. each page's own last change", () => {
  test('the footer shows the item\'s `updated`, not the build time', async () => {
    const { context, page } = await open({ width: 1280, height: 900 });
    try {
      await load(page, '/about/contact/');
      const built = page.locator('.footer .built time');
      assert.equal(await built.getAttribute('datetime'), '2026-11-20T10:00:00+07:00');
      assert.equal(await built.textContent(), '20 พฤศจิกายน 2569 เวลา 10.00 น.');
      await load(page, '/news/2026-11-24-job-driver/');
      assert.equal(await page.locator('.footer .built time').textContent(), '24 พฤศจิกายน 2569 เวลา 10.00 น.');
      await load(page, '/en/news/2026-11-20-flu-vaccine/');
      assert.doesNotMatch(await page.locator('.footer .built').textContent(), /26 November 2026, 12:00/, 'not the build time');
    } finally {
      await context.close();
    }
  });
});

describe('7. photos sized for a phone', () => {
  test(`a ${PHOTO} of over 3 MB reaches a 375px phone small, in a first view under ${BUDGET / 1024} KB`, async () => {
    const original = statSync(join(site.out, 'news', '2026-11-18-elderly-screening', PHOTO)).size;
    assert.ok(original >= 3 * 1024 * 1024, `the test photo is a real phone size (${original} bytes)`);
    const { context, page } = await open({ width: 375, height: 812 });
    const requested = [];
    const sizes = [];
    page.on('requestfinished', (r) => {
      requested.push(new URL(r.url()).pathname);
      sizes.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
    });
    try {
      await load(page, ACTIVITY);
      const img = page.locator(`.body img[src*="phone-photo"]`);
      assert.equal(await img.getAttribute('loading'), 'lazy');
      assert.equal(await img.getAttribute('width'), '1280');
      assert.equal(await img.getAttribute('height'), '960');
      assert.match(await img.getAttribute('srcset'), /phone-photo-360w\.jpg 360w, .*phone-photo-720w\.jpg 720w, .*phone-photo-1280w\.jpg 1280w/);
      assert.ok(await img.evaluate((el) => el.complete && el.naturalWidth > 0), 'the photo is shown');
      const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      console.log(`first view of ${ACTIVITY} at 375px with a ${original}-byte photo: ${bytes} bytes`);
      assert.ok(!requested.some((p) => p.endsWith(`/${PHOTO}`)), 'the original is never fetched');
      assert.ok(bytes < BUDGET, `${bytes} bytes`);
      // The activity gallery: the item's other photos as thumbnails.
      const thumbs = page.locator('.gallery img');
      assert.ok(await thumbs.count() >= 1, 'gallery thumbnails');
      assert.equal(await thumbs.first().getAttribute('loading'), 'lazy');
      assert.ok(await thumbs.first().getAttribute('width'));
    } finally {
      await context.close();
    }
  });
});
