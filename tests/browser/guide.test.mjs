// The screenshots of the staff's and reviewers' guides (docs/huong-dan.md,
// docs/huong-dan-ra-soat.md), taken from the real site in `kiemchung serve`
// as staff see it: the preview's pages, the "Việc cần làm" and codes pages,
// and the error overlay over a criterion whose front matter is broken.
//
// They are written to target/screenshots/guide/; with UPDATE_GUIDE=1 also
// into docs/anh/, where the guides show them. Every picture a guide shows
// must be one this file takes, so a guide cannot point at a picture that no
// longer exists or that nothing can remake.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, launch, startServe } from './lib.mjs';

const OUT = path.join(ROOT, 'target/screenshots/guide');
const DOCS = path.join(ROOT, 'docs/anh');
const GUIDES = ['docs/huong-dan.md', 'docs/huong-dan-ra-soat.md'];
const SRC = 'content/2022/1-chi-dao-dieu-hanh/1.1.md';

/** The pictures this file takes: name → [path under the site, what to do first]. */
const SHOTS = {
  'xem-truoc-trang-chu': [''],
  'xem-truoc-nam': ['2022/'],
  'xem-truoc-tieu-chi': ['2022/1-1/'],
  'viec-can-lam': ['viec-can-lam/'],
  'ma-loi': ['ma-loi/'],
  'bao-cao-diem-chua-dat': ['2022/bao-cao/'],
};

let dir, serve, browser, page;
const taken = new Set();

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kiemchung-guide-'));
  for (const part of ['site.toml', 'content', 'static', 'themes']) {
    const from = path.join(ROOT, part);
    if (existsSync(from)) cpSync(from, path.join(dir, part), { recursive: true });
  }
  mkdirSync(OUT, { recursive: true });
  serve = await startServe(dir, ['--today', '2023-06-01']);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(15_000);
});

after(async () => {
  await browser?.close();
  await serve?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function shoot(name) {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  taken.add(name);
  if (process.env.UPDATE_GUIDE === '1') {
    mkdirSync(DOCS, { recursive: true });
    cpSync(file, path.join(DOCS, `${name}.png`));
  }
}

test('the preview pages the guides show', async () => {
  for (const [name, [where]] of Object.entries(SHOTS)) {
    const res = await page.goto(`${serve.url}${where}`);
    assert.equal(res.status(), 200, `${where} answers`);
    // The review site says what it is, on every page.
    assert.ok(await page.locator('.review-banner').isVisible(), `${where}: the review banner`);
    await shoot(name);
  }
});

test('the overlay over a criterion whose front matter is broken, in Vietnamese', async () => {
  await page.goto(`${serve.url}2022/1-1/`);
  const file = path.join(dir, SRC);
  const good = readFileSync(file, 'utf8');
  // A self-score above the criterion's maximum (2).
  writeFileSync(file, good.replace('max: 2\n', 'max: 2\nself_score: 2.5\n'));
  await page.locator('#kiemchung-overlay').waitFor({ state: 'visible', timeout: 10_000 });
  const overlay = await page.locator('#kiemchung-overlay').innerText();
  assert.ok(overlay.includes('Lỗi khi tạo trang'), overlay);
  assert.match(overlay, /lỗi\[E\d{3}\]: /, overlay);
  assert.ok(overlay.includes(`${SRC}:`), overlay);
  await shoot('loi-tren-trang');
  writeFileSync(file, good);
  await page.locator('#kiemchung-overlay').waitFor({ state: 'detached', timeout: 10_000 });
});

test('every picture of the guides is one this file takes', () => {
  for (const guide of GUIDES) {
    const text = readFileSync(path.join(ROOT, guide), 'utf8');
    const shown = [...text.matchAll(/\]\(anh\/([\w-]+)\.png\)/g)].map((m) => m[1]);
    assert.ok(shown.length > 0, `${guide} shows pictures`);
    for (const name of shown) {
      assert.ok(taken.has(name), `${guide} shows anh/${name}.png, which guide.test.mjs does not take`);
      assert.ok(existsSync(path.join(DOCS, `${name}.png`)), `docs/anh/${name}.png exists (UPDATE_GUIDE=1 node --test guide.test.mjs)`);
    }
  }
});
