// The smallest end-to-end check: the repository's own site, built and served
// under /cchc/ as the department's server does, opens in Chromium as a
// Vietnamese page with the site's title.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, buildSite, launch, serveStatic } from './lib.mjs';

let out, server, browser;

before(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'kiemchung-smoke-'));
  buildSite(ROOT, out);
  server = await serveStatic(out, '/cchc/');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

test('home page opens in Vietnamese with the site title', async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  const res = await page.goto(server.url);
  assert.equal(res.status(), 200);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  const siteTitle = /^title\s*=\s*"([^"]*)"/m.exec(readFileSync(path.join(ROOT, 'site.toml'), 'utf8'))[1];
  assert.equal(await page.title(), siteTitle);
  assert.ok(await page.locator('main h1').count(), 'the home page has a main heading');
  await page.close();
});
