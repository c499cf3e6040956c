// `kiemchung serve` as a writer uses it, in the browser: with a page open,
// saving the Markdown updates the page by itself within 2 s; breaking the
// front matter shows the error overlay (the file and line) over the last
// good content; fixing it takes the overlay away.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, launch, startServe } from './lib.mjs';

const SRC = 'content/2022/1.1.md';
const LIVE_MS = 2000;

let dir, serve, browser, page, original;

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kiemchung-serve-'));
  cpSync(path.join(ROOT, 'tests/fixtures/serve-site'), dir, { recursive: true });
  original = readFileSync(path.join(dir, SRC), 'utf8');
  serve = await startServe(dir);
  browser = await launch();
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  const res = await page.goto(`${serve.url}2022/1-1/`);
  assert.equal(res.status(), 200);
});

after(async () => {
  await browser?.close();
  await serve?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Saves the criterion's file (written whole, as an editor does). */
function save(text) {
  writeFileSync(path.join(dir, SRC), text);
  return Date.now();
}

/**
 * Polls the open page until `check(state)` holds, where state is what the
 * page shows now; survives the reloads serve triggers. Returns the time it
 * held, or throws with the last state after `ms`.
 */
async function until(check, ms, what) {
  const deadline = Date.now() + ms;
  let state;
  for (;;) {
    try {
      state = await page.evaluate(() => {
        const o = document.getElementById('kiemchung-overlay');
        return {
          main: document.querySelector('main')?.innerText ?? '',
          overlay: o ? o.innerText : null,
        };
      });
      if (check(state)) return Date.now();
    } catch {
      // The page is reloading; ask again.
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not within ${ms} ms; the page shows ${JSON.stringify(state)}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('the page shows the saved Markdown by itself within 2 s', async (t) => {
  assert.match(await page.locator('main').innerText(), /Nội dung ban đầu của tiêu chí 1\.1\./);
  const good = original.replace('Nội dung ban đầu của tiêu chí 1.1.', 'Nội dung đã sửa lần một, xem ngay trong trình duyệt.');
  const saved = save(good);
  const shown = await until((s) => s.main.includes('Nội dung đã sửa lần một'), LIVE_MS, 'the edit');
  t.diagnostic(`updated ${shown - saved} ms after the save`);
  // The front matter too, not only the text: a new title.
  const saved2 = save(good.replace('title: "Kế hoạch cải cách hành chính"', 'title: "Kế hoạch CCHC năm 2022"'));
  const shown2 = await until((s) => s.main.includes('1.1 Kế hoạch CCHC năm 2022\n'), LIVE_MS, 'the new title');
  t.diagnostic(`title updated ${shown2 - saved2} ms after the save`);
});

test('broken front matter: the overlay names the file and line, the last good page stays', async () => {
  const good = readFileSync(path.join(dir, SRC), 'utf8');
  const broken = good.replace('score: 4.5', 'score: năm');
  assert.notEqual(broken, good);
  const line = broken.split('\n').findIndex((l) => l.startsWith('score: năm')) + 1;
  save(broken);
  await until((s) => s.overlay !== null, LIVE_MS, 'the overlay');
  const overlay = await page.locator('#kiemchung-overlay').innerText();
  assert.ok(overlay.includes(`${SRC}:${line}:`), `the overlay names ${SRC}:${line}: ${overlay}`);
  assert.ok(overlay.includes('score: năm'), 'the overlay quotes the broken line');
  // In the staff's language (the site's language is vi): the heading, the
  // label with the rule's code, and the message itself.
  assert.ok(overlay.includes('Lỗi khi tạo trang: 1 lỗi'), `the overlay's heading is Vietnamese: ${overlay}`);
  assert.match(overlay, /lỗi\[E\d{3}\]: /, 'the label and the code');
  assert.ok(!/\berror\b|\bexpected\b/i.test(overlay), `no English in the overlay: ${overlay}`);
  assert.ok(await page.locator('#kiemchung-overlay').isVisible(), 'the overlay is visible');
  // Under it, the last good content.
  const main = await page.locator('main').innerText();
  assert.ok(main.includes('Nội dung đã sửa lần một'), 'the last good text is still there');
  assert.ok(main.includes('1.1 Kế hoạch CCHC năm 2022\n'), 'the last good title is still there');
  assert.match(main, /4,5 \(75%\)/);
  assert.equal(await page.getByRole('alertdialog').count(), 1, 'the overlay is an alert dialog for screen readers');
});

test('fixing the front matter takes the overlay away', async (t) => {
  const broken = readFileSync(path.join(dir, SRC), 'utf8');
  const saved = save(broken.replace('score: năm', 'score: 4.5').replace('lần một', 'lần hai'));
  const shown = await until(
    (s) => s.overlay === null && s.main.includes('Nội dung đã sửa lần hai'),
    LIVE_MS,
    'the fix',
  );
  t.diagnostic(`fixed page shown ${shown - saved} ms after the save`);
  assert.equal(await page.locator('#kiemchung-overlay').count(), 0);
});
