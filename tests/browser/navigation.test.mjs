// A reader's path through the built site, by clicking the links the pages
// show: home → the assessment → an area → a criterion → its evidence file;
// a unit's page; the documents index; and an unknown address, which the
// static server answers with the site's own 404 page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch } from './lib.mjs';
import { buildAndServe } from './sites.mjs';

let site, repo, browser, page;

before(async () => {
  site = await buildAndServe('fixture');
  repo = await buildAndServe('repo');
  browser = await launch();
  page = await browser.newPage();
  // A missing element fails the test in 10 s rather than 30.
  page.setDefaultTimeout(10_000);
});

after(async () => {
  await browser?.close();
  await site?.close();
  await repo?.close();
});

const h1 = () => page.locator('main h1').innerText();

async function click(link) {
  assert.equal(await link.count(), 1, `exactly one link ${link}`);
  const target = new URL(await link.getAttribute('href'), page.url()).href;
  await link.click();
  await page.waitForURL(target);
}

test('home → assessment → area → criterion → evidence file', async () => {
  const res = await page.goto(site.url);
  assert.equal(res.status(), 200);
  assert.equal(await h1(), 'Cải cách hành chính');

  await click(page.getByRole('main').getByRole('link', { name: 'Xem toàn bộ kết quả năm 2022' }));
  assert.equal(new URL(page.url()).pathname, '/cchc/2022/');
  assert.equal(await h1(), 'Chỉ số CCHC năm 2022');

  // The tree table links each area by its title.
  await click(
    page.locator('table.nodes').getByRole('link', { name: 'Công tác chỉ đạo điều hành cải cách hành chính', exact: true }),
  );
  assert.equal(new URL(page.url()).pathname, '/cchc/2022/1/');
  assert.match(await h1(), /Công tác chỉ đạo điều hành cải cách hành chính/);
  // The breadcrumbs lead back up.
  const crumbs = page.getByRole('navigation', { name: 'Đường dẫn' });
  assert.equal(await crumbs.getByRole('link', { name: 'Trang chủ' }).getAttribute('href'), '/cchc/');

  await click(page.locator('table.nodes').getByRole('link', { name: 'Ban hành kế hoạch CCHC năm', exact: true }));
  assert.equal(new URL(page.url()).pathname, '/cchc/2022/1-2/');
  assert.match(await h1(), /^1\.2\s+Ban hành kế hoạch CCHC năm$/);

  // The evidence table: the plan's row links the file copied beside the page.
  const row = page.locator('table.evidence tbody tr', { hasText: 'Kế hoạch cải cách hành chính năm 2022' });
  assert.equal(await row.count(), 1);
  const link = row.getByRole('link', { name: 'Tải tệp' });
  const href = await link.getAttribute('href');
  assert.ok(href, 'the evidence has a link');
  const file = await page.request.get(new URL(href, page.url()).href);
  assert.equal(file.status(), 200, `evidence link ${href}`);
  assert.equal(file.headers()['content-type'], 'application/pdf');
  assert.equal((await file.body()).subarray(0, 5).toString(), '%PDF-');
});

test('the real site: home → 2022 → area → criterion', async () => {
  await page.goto(repo.url);
  await click(page.getByRole('heading', { name: 'Chỉ số CCHC năm 2022' }).getByRole('link'));
  assert.equal(new URL(page.url()).pathname, '/cchc/2022/');
  assert.match(await page.getByRole('main').innerText(), /87,303/);
  await click(page.locator('table.nodes').getByRole('link', { name: 'Cải cách thể chế', exact: true }));
  assert.equal(new URL(page.url()).pathname, '/cchc/2022/2/');
  const child = page.locator('table.nodes tbody th[scope=row] a').first();
  const title = await child.innerText();
  await click(child);
  assert.match(new URL(page.url()).pathname, /^\/cchc\/2022\/2-\d+\/$/);
  assert.match(await h1(), new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
});

test('a unit page from the units list', async () => {
  await page.goto(site.url);
  await click(page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Đơn vị' }));
  assert.equal(new URL(page.url()).pathname, '/cchc/don-vi/');
  await click(page.getByRole('main').getByRole('link', { name: 'Văn phòng Sở' }));
  assert.equal(new URL(page.url()).pathname, '/cchc/don-vi/van-phong/');
  assert.equal(await h1(), 'Văn phòng Sở');
  // Its criteria link back into the tree.
  const crit = page.getByRole('main').getByRole('link', { name: 'Ban hành kế hoạch CCHC năm' });
  assert.ok((await crit.count()) >= 1, 'the unit page lists criterion 1.2');
  assert.equal(await crit.first().getAttribute('href'), '/cchc/2022/1-2/');
});

test('the documents index lists the cited documents and where they are cited', async () => {
  await page.goto(site.url);
  await click(page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Văn bản' }));
  assert.equal(new URL(page.url()).pathname, '/cchc/van-ban/');
  assert.equal(await h1(), 'Văn bản, tài liệu kiểm chứng');
  const row = page.locator('table.documents tbody tr', { hasText: 'Kế hoạch cải cách hành chính năm 2022' });
  assert.ok((await row.count()) >= 1, 'the plan is listed');
  const cites = row.first().getByRole('link');
  const hrefs = await cites.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.includes('/cchc/2022/1-2/'), `the plan's row links criterion 1.2 (got ${hrefs})`);
});

test('an unknown address answers 404 with the site’s page, whose links work', async () => {
  const res = await page.goto(`${site.url}khong-co/trang/nay/`);
  assert.equal(res.status(), 404);
  assert.equal(await h1(), 'Không tìm thấy trang');
  // Styled although it is served at a deeper path than its own.
  const bg = await page.locator('header.site-header').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(bg, 'rgb(11, 83, 148)', 'style.css is loaded on the 404 page');
  await click(page.getByRole('link', { name: 'Về trang chủ' }));
  assert.equal(new URL(page.url()).pathname, '/cchc/');
  assert.equal(await h1(), 'Cải cách hành chính');
});
