// Shared helpers for the browser tests (docs/browser-tests.md).
//
// Every *.test.mjs file here imports from this module; its exports are a
// contract between test files written by different people, so keep their
// names and signatures as they are.

import { spawn, spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** Absolute path of the repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The kiemchung binary: $KIEMCHUNG_BIN, else <$CARGO_TARGET_DIR or ROOT/target>/debug/kiemchung. */
export const BIN =
  process.env.KIEMCHUNG_BIN ||
  path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target'), 'debug', 'kiemchung');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian's Chromium ($CHROMIUM, else /usr/bin/chromium), headless, driven by
 * playwright-core. The profile is fresh: playwright's launch() creates a new
 * temporary --user-data-dir for every browser and deletes it on close (it
 * refuses a --user-data-dir argument, which would make the profile shared).
 */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * Runs `BIN build --root <root> --output <out> ...args` synchronously and
 * returns its stdout; throws with the exit status and stderr on failure.
 */
export function buildSite(root, out, args = []) {
  const r = spawnSync(BIN, ['build', '--root', root, '--output', out, ...args], {
    encoding: 'utf8',
  });
  if (r.error) throw new Error(`cannot run ${BIN}: ${r.error.message} (run cargo build first)`);
  if (r.status !== 0) {
    throw new Error(`kiemchung build --root ${root} failed (exit ${r.status}):\n${r.stderr}`);
  }
  return r.stdout;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.woff2': 'font/woff2',
};

async function fileAt(p) {
  try {
    const s = await stat(p);
    return s.isFile() ? p : s.isDirectory() ? fileAt(path.join(p, 'index.html')) : null;
  } catch {
    return null;
  }
}

/**
 * A plain static server on 127.0.0.1 (a free port) serving `dir` under
 * `basePath`, as the department's web server does: a folder answers with its
 * index.html, a folder without its trailing slash is redirected to it, and
 * any other path answers 404 with the site's own 404.html. Resolves to
 * {url, close()}; url ends with basePath.
 */
export async function serveStatic(dir, basePath = '/') {
  const root = path.resolve(dir);
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const server = http.createServer(async (req, res) => {
    const send = async (status, file, headers = {}) => {
      const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      res.writeHead(status, { 'content-type': type, ...headers });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    };
    const notFound = async () => {
      const page = await fileAt(path.join(root, '404.html'));
      if (page) return send(404, page);
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('404');
    };
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400);
      return res.end();
    }
    if (pathname === base.slice(0, -1)) {
      res.writeHead(301, { location: base });
      return res.end();
    }
    if (!pathname.startsWith(base)) return notFound();
    const target = path.resolve(root, `.${pathname.slice(base.length - 1)}`);
    if (target !== root && !target.startsWith(root + path.sep)) return notFound();
    const file = await fileAt(target);
    // A file asked for as a folder (`a.pdf/`) is not there, as on any web server.
    if (!file || (file === target && pathname.endsWith('/'))) return notFound();
    if (file !== target && !pathname.endsWith('/')) {
      res.writeHead(301, { location: `${pathname}/` });
      return res.end();
    }
    return send(200, file);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/**
 * Runs `BIN serve --root <root> --port 0 ...args` and resolves to
 * {url, close()} once it has printed `Serving <url>`; rejects with its
 * output if it exits or stays silent for 60 s. close() stops it with SIGINT
 * (its Ctrl-C path) and waits for it to exit.
 */
export async function startServe(root, args = []) {
  const child = spawn(BIN, ['serve', '--root', root, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => {
    err += d;
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kiemchung serve did not announce its URL in 60 s:\n${out}${err}`));
    }, 60_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      // The first URL serve prints, whatever its language ("Serving …").
      const m = /(https?:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${BIN}: ${e.message} (run cargo build first)`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kiemchung serve exited (${code}) before serving:\n${out}${err}`));
    });
  });
  return {
    url,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
        const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(t);
      }
    },
  };
}
