// Search in the browser (issue 5): the repository's site built and served
// statically under /cchc/, as on the department's server, and by
// `kiemchung serve`; queries typed without tone marks; the page without
// JavaScript. Run with `node --test` from this folder after `cargo build`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, buildSite, launch, serveStatic, startServe } from './lib.mjs';

let tmp;
let site;
let browser;

before(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'kiemchung-search-'));
  buildSite(ROOT, path.join(tmp, 'public'), ['--today', '2024-01-01']);
  site = await serveStatic(path.join(tmp, 'public'), '/cchc/');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Opens `url`, types `query` into the header's search box, returns the page and its first result. */
async function searchFrom(url, query) {
  const page = await browser.newPage();
  const outside = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1:')) outside.push(r.url());
  });
  await page.goto(url);
  const box = page.getByRole('searchbox', { name: 'Tìm kiếm' });
  await box.pressSequentially(query);
  const first = page.getByRole('list', { name: 'Kết quả tìm kiếm' }).getByRole('listitem').first();
  await first.waitFor();
  return { page, box, first, outside };
}

const CASES = [
  {
    query: 'chinh quyen so',
    title: 'Xây dựng chính quyền điện tử, chính quyền số',
    kind: 'Lĩnh vực · 2022',
    href: '/cchc/2022/7/',
  },
  {
    query: '55/tb',
    title: 'Thông báo số 55/TB-SKHCN',
    kind: 'Tin tức CCHC · 2023',
    href: '/cchc/tin-tuc/thong-bao-55-tb-skhcn-2023/',
  },
  {
    query: 'trung tam thong tin',
    title: 'Trung tâm Thông tin và Ứng dụng',
    kind: 'Đơn vị',
    href: '/cchc/don-vi/trung-tam-ttud/',
  },
];

for (const c of CASES) {
  test(`typing "${c.query}" without tone marks finds ${c.title} first`, async () => {
    const { page, first, outside } = await searchFrom(site.url, c.query);
    const title = await first.locator('.search-title').innerText();
    assert.ok(title.includes(c.title), `first result: ${title}`);
    assert.equal(await first.locator('.search-meta').innerText(), c.kind);
    assert.equal(await first.locator('a').getAttribute('href'), c.href);
    // The match is marked, in the original spelling.
    const marks = await page.locator('.search-results mark').allInnerTexts();
    assert.ok(marks.length > 0, 'nothing marked');
    const status = await page.locator('#tim-kiem-trang-thai').innerText();
    assert.match(status, /^\d+ kết quả/);
    assert.equal(await page.locator('#tim-kiem-trang-thai').getAttribute('aria-live'), 'polite');
    assert.deepEqual(outside, []);
    await page.close();
  });
}

test('marks follow what was typed, with tone marks restored', async () => {
  const { page } = await searchFrom(site.url, 'chinh quyen so');
  const marks = await page.locator('.search-results li').first().locator('.search-title mark').allInnerTexts();
  assert.deepEqual(marks, ['chính', 'quyền', 'chính', 'quyền', 'số']);
  await page.close();
});

test('keyboard: arrows move through the results, Escape closes, Enter opens one', async () => {
  const node = `${site.url}2022/2-1/`;
  const { page, box } = await searchFrom(node, '55/tb');
  const results = page.getByRole('list', { name: 'Kết quả tìm kiếm' });
  const focused = () => page.evaluate(() => document.activeElement.getAttribute('href') ?? document.activeElement.id);
  await box.press('ArrowDown');
  assert.equal(await focused(), '/cchc/tin-tuc/thong-bao-55-tb-skhcn-2023/');
  await page.keyboard.press('ArrowDown');
  assert.notEqual(await focused(), '/cchc/tin-tuc/thong-bao-55-tb-skhcn-2023/');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'tim-kiem-o');
  await page.keyboard.press('Escape');
  assert.equal(await results.isVisible(), false);
  assert.equal(await box.inputValue(), '55/tb');
  await box.press('ArrowDown');
  assert.equal(await results.isVisible(), true);
  await Promise.all([page.waitForURL('**/tin-tuc/thong-bao-55-tb-skhcn-2023/'), page.keyboard.press('Enter')]);
  await page.close();
});

test('Enter in the box opens the first result', async () => {
  const { page, box } = await searchFrom(site.url, 'trung tam thong tin');
  await Promise.all([page.waitForURL('**/don-vi/trung-tam-ttud/'), box.press('Enter')]);
  await page.close();
});

test('no accessibility violations (axe-core) with the results open', async () => {
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const { page, box } = await searchFrom(site.url, 'chinh quyen');
  await box.press('ArrowDown');
  await page.addScriptTag({ content: axe });
  const violations = await page.evaluate(async () =>
    // The search box and its results only: the rest of the page is issue 8's a11y test.
    (await window.axe.run('.site-search')).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  );
  assert.deepEqual(violations, []);
  await page.close();
});

test('a query with no result says so', async () => {
  const page = await browser.newPage();
  await page.goto(site.url);
  const box = page.getByRole('searchbox', { name: 'Tìm kiếm' });
  await box.pressSequentially('zzzz qqqq');
  await page.getByText('Không có kết quả cho “zzzz qqqq”').waitFor();
  assert.equal(await page.locator('#tim-kiem-ket-qua').isVisible(), false);
  await page.close();
});

test('kiemchung serve: the same search works in the live preview', async () => {
  const serve = await startServe(ROOT, ['--today', '2024-01-01']);
  try {
    const { page, first } = await searchFrom(serve.url, 'chinh quyen so');
    assert.equal(await first.locator('a').getAttribute('href'), '/cchc/2022/7/');
    await page.close();
  } finally {
    await serve.close();
  }
});

test('without JavaScript the box is a link to a page listing every node and document', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.url}2022/`);
  assert.equal(await page.getByRole('searchbox').count(), 0);
  const link = page.locator('header').getByRole('link', { name: 'Tìm kiếm' });
  await Promise.all([page.waitForURL('**/cchc/tim-kiem/'), link.click()]);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Tìm kiếm');
  const expect = [
    ['7 Xây dựng chính quyền điện tử, chính quyền số', '/cchc/2022/7/'],
    ['Thông báo số 55/TB-SKHCN', '/cchc/tin-tuc/thong-bao-55-tb-skhcn-2023/'],
    ['Trung tâm Thông tin và Ứng dụng', '/cchc/don-vi/trung-tam-ttud/'],
    ['3859/QĐ-UBND', '/cchc/van-ban/#vb-3859-qd-ubnd-2022'],
  ];
  for (const [text, href] of expect) {
    const a = page.locator('main a', { hasText: text }).first();
    assert.equal(await a.getAttribute('href'), href, text);
  }
  // The document link lands on its row of the documents page.
  await page.locator('main a', { hasText: '3859/QĐ-UBND' }).first().click();
  await page.waitForURL('**/van-ban/#vb-3859-qd-ubnd-2022');
  assert.ok((await page.locator('#vb-3859-qd-ubnd-2022').innerText()).includes('3859/QĐ-UBND'));
  await context.close();
});
