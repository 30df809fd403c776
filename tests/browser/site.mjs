// Builds the embedded site with the khaosan binary and serves it on 127.0.0.1.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, existsSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, extname, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** Debian's chromium, headless, with the flags this machine's closed network needs. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

export const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '..', '..');
/** The build clock of every test run, so the embedded site is always the same. */
export const NOW = '2026-11-26T12:00:00+07:00';
/** Paths whose links are not checked (none: every internal link must resolve). */
export const LINK_CHECK_IGNORES = [];

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.pdf': 'application/pdf', '.json': 'application/json',
};

function binary() {
  const candidates = [process.env.KHAOSAN_BIN, join(REPO, 'target', 'debug', 'khaosan'), join(REPO, 'target', 'release', 'khaosan')];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error('no khaosan binary: run `cargo build` or set KHAOSAN_BIN');
  return found;
}

/** Builds the repository's site for `baseUrl` into a new temporary folder. */
export function buildSite(baseUrl, root = REPO) {
  const work = mkdtempSync(join(tmpdir(), 'khaosan-browser-'));
  const out = join(work, 'public');
  execFileSync(binary(), ['build', '--root', root, '--out', out, '--now', NOW, '--base-url', baseUrl,
    '--report', join(work, 'report.json')], { stdio: ['ignore', 'ignore', 'inherit'] });
  return { work, out, cleanup: () => rmSync(work, { recursive: true, force: true }) };
}

/** A copy of the repository's site (not its git history) in a temporary folder, to add files to. */
export function copySite() {
  const root = mkdtempSync(join(tmpdir(), 'khaosan-site-'));
  for (const name of ['site.toml', 'checklist.toml', 'content', 'approvals', 'themes']) {
    if (existsSync(join(REPO, name))) cpSync(join(REPO, name), join(root, name), { recursive: true });
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Every file below `dir`, as paths relative to it with `/` separators. */
export function walk(dir, prefix = '') {
  const files = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) files.push(...walk(full, `${prefix}${name}/`));
    else files.push(`${prefix}${name}`);
  }
  return files;
}

/** The file a site path is served from, or null. */
export function fileFor(root, urlPath) {
  let path;
  try { path = decodeURIComponent(urlPath.split(/[?#]/)[0]); } catch { return null; }
  if (path.includes('\0')) return null;
  let full = resolve(root, `.${path}`);
  if (full !== root && !full.startsWith(root + sep)) return null;
  if (existsSync(full) && statSync(full).isDirectory()) full = join(full, 'index.html');
  return existsSync(full) && statSync(full).isFile() ? full : null;
}

function isDir(root, urlPath) {
  const file = fileFor(root, urlPath);
  return file !== null && file.endsWith(`${sep}index.html`) && !urlPath.endsWith('index.html');
}

/** A static server like GitHub Pages: index.html for folders, 404.html for the rest. */
export function serve() {
  const state = { root: null };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.endsWith('/') && state.root && isDir(state.root, url.pathname)) {
      res.writeHead(301, { Location: `${url.pathname}/` });
      res.end();
      return;
    }
    const file = state.root && fileFor(state.root, url.pathname);
    const status = file ? 200 : 404;
    const body = file ? readFileSync(file) : readFileSync(join(state.root, '404.html'));
    res.writeHead(status, { 'Content-Type': TYPES[file ? extname(file) : '.html'] || 'application/octet-stream', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolveServer) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolveServer({
        server, port, origin: `http://127.0.0.1:${port}`,
        setRoot: (root) => { state.root = root; },
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}
