// Two sites from one content tree (docs/format.md, "Audiences"): on the
// reviewers' site every page carries the banner, on screen and in print; on
// the public site no page shows a warning, a source path or anything marked
// internal. Both built from the repository's own content.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, buildSite, launch, serveStatic } from './lib.mjs';
import { htmlFiles } from './sites.mjs';

const BANNER = 'Bản xem trước nội bộ — không công bố';
let dirs = [], servers = {}, browser;

before(async () => {
  for (const [name, args] of [['public', []], ['review', ['--review']]]) {
    const out = mkdtempSync(path.join(os.tmpdir(), `kiemchung-${name}-`));
    dirs.push(out);
    buildSite(ROOT, out, args);
    servers[name] = { out, ...(await serveStatic(out, '/cchc/')) };
  }
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const s of Object.values(servers)) await s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The site-relative URL of every page of a built site. */
function pages(out) {
  return htmlFiles(out)
    .map((f) => path.relative(out, f).replace(/\\/g, '/').replace(/index\.html$/, ''))
    .filter((p) => p !== '404.html');
}

test('every page of the review site shows the banner, on screen and in print', async () => {
  const { out, url } = servers.review;
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  const list = pages(out);
  assert.ok(list.length > 20, `review pages: ${list.length}`);
  for (const p of list) {
    await page.goto(url + p);
    const banner = page.locator('.review-banner');
    assert.ok(await banner.isVisible(), `no visible banner on ${p}`);
    assert.match(await banner.innerText(), new RegExp(BANNER));
  }
  // Printed, it is still there.
  await page.emulateMedia({ media: 'print' });
  for (const p of ['2022/', '2022/in/', '2022/1-1/', 'viec-can-lam/']) {
    await page.goto(url + p);
    assert.ok(await page.locator('.review-banner').isVisible(), `no banner on ${p} in print`);
  }
  await page.close();
});

test('no public page shows a warning, a source path or an internal part', async () => {
  const { out, url } = servers.public;
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  const list = pages(out);
  for (const p of list) {
    await page.goto(url + p);
    const text = await page.locator('body').innerText();
    for (const needle of [BANNER, 'Cảnh báo', 'Tệp nguồn', 'content/', 'Nội bộ', 'Việc cần làm', 'Cần đối chiếu']) {
      assert.ok(!text.includes(needle), `${needle} on the public ${p}`);
    }
    assert.equal(await page.locator('.review-banner, .noi-bo, .badge.internal, .has-warning').count(), 0, p);
  }
  // The criterion whose notes are internal still shows its public text.
  await page.goto(url + '2022/1-1/');
  assert.match(await page.locator('main').innerText(), /34\/40 nhiệm vụ đúng hạn/);
  // The same page for reviewers has the note, marked.
  await page.goto(servers.review.url + '2022/1-1/');
  assert.match(await page.locator('.noi-bo').innerText(), /cần bổ sung bản kết xuất/);
  await page.close();
  assert.ok(readFileSync(path.join(out, 'sitemap.xml'), 'utf8').includes('/cchc/2022/'));
});
