// The year report printed to PDF on A4, as the CCHC desk prints it: the
// page count, no page left blank, and nothing cut: laid out at the printable
// width with the print styles, no element sticks out and no table hides
// columns in a scrolling box, and every criterion's title and score in the
// page is in the PDF's text. The PDFs are written to target/screenshots/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launch } from './lib.mjs';
import { buildAndServe, screenshotDir } from './sites.mjs';

// A4 with style.css's @page margins (14 mm × 12 mm): 186 mm × 269 mm, in CSS px.
const MM = 96 / 25.4;
const PRINT_WIDTH = Math.floor(186 * MM);
const PRINT_HEIGHT = Math.floor(269 * MM);

let site, reviewers, browser;
before(async () => {
  site = await buildAndServe('repo');
  reviewers = await buildAndServe('reviewers');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await reviewers?.close();
});

/** Pages of a PDF: pdfinfo's count, checked against the page objects in its bytes. */
function pdfPages(file, bytes) {
  const objects = (bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
  assert.equal(pages, objects, 'pdfinfo and the page objects agree');
  return pages;
}

const squash = (s) => s.replace(/\s+/g, '').normalize('NFC');
// Words without the punctuation around them ("8 / 8" may come out of the PDF as "8/8", so "/" separates too); NFKC undoes ligatures (ﬁ) in the PDF's text.
const norm = (w) => w.normalize('NFKC').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
function wordCounts(text) {
  const counts = new Map();
  for (const w of text.split(/[\s/]+/).map(norm).filter(Boolean)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

async function printed(t, server, rel, name, maxPages) {
  const page = await browser.newPage({ viewport: { width: PRINT_WIDTH, height: PRINT_HEIGHT } });
  try {
    await page.goto(server.url + rel);
    await page.emulateMedia({ media: 'print' });
    const layout = await page.evaluate(() => {
      const vw = document.documentElement.clientWidth;
      const visible = (e) => e.getClientRects().length > 0;
      const sticking = [...document.body.querySelectorAll('*')]
        .filter((e) => visible(e) && e.getBoundingClientRect().right > vw + 1)
        .map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''} (${Math.round(e.getBoundingClientRect().right)} px)`);
      const clipped = [...document.body.querySelectorAll('*')]
        .filter((e) => {
          const s = getComputedStyle(e);
          return visible(e) && s.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1;
        })
        .map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''} (${e.scrollWidth} px in ${e.clientWidth} px)`);
      const rows = [...document.querySelectorAll('main tbody th[scope=row]')]
        .filter(visible)
        .map((th) => th.innerText.replace('⚠', '').replace('Có cảnh báo', '').trim());
      const h1 = document.querySelector('main h1').innerText;
      // The text a reader sees, in print (innerText leaves out what print styles hide).
      const words = document.body.innerText;
      return { width: document.scrollingElement.scrollWidth, vw, sticking, clipped, rows, h1, words };
    });
    assert.ok(layout.width <= layout.vw, `the printed page is ${layout.width} px wide in ${layout.vw} px`);
    assert.deepEqual(layout.sticking, [], 'elements wider than the printable area');
    assert.deepEqual(layout.clipped, [], 'content hidden in a scrolling box when printed');
    assert.ok(layout.rows.length >= 5, `the report has rows (${layout.rows.length})`);

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const file = path.join(screenshotDir(), `${name}.pdf`);
    writeFileSync(file, pdf);
    const pages = pdfPages(file, pdf);
    t.diagnostic(`${rel}: ${pages} A4 pages`);
    assert.ok(pages >= 1 && pages <= maxPages, `${pages} pages (at most ${maxPages} expected)`);

    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const perPage = text.split('\f').slice(0, pages);
    perPage.forEach((p, i) => assert.ok(p.trim().length > 50, `page ${i + 1} of ${pages} is blank`));
    // The page size is A4 (595 × 842 pt).
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    assert.match(info, /^Page size:.*\(A4\)$/m);
    assert.ok(squash(perPage[0]).includes(squash(layout.h1)), 'the title is on page 1');
    // Nothing cut: every word on the screen is in the PDF as often (a column
    // or a line cut off at a page's edge would lose its words).
    const inPdf = wordCounts(text);
    const missing = [...wordCounts(layout.words)].filter(([w, n]) => (inPdf.get(w) ?? 0) < n).map(([w, n]) => `${w} (${n} on screen, ${inPdf.get(w) ?? 0} in the PDF)`);
    assert.deepEqual(missing, [], 'words of the page missing from the PDF');
    // The last words of the page are on the last sheet: nothing was pushed off the end.
    const tail = [...wordCounts(layout.words.split(/\s+/).slice(-8).join(' ')).keys()];
    const last = wordCounts(perPage[pages - 1]);
    assert.ok(tail.length && tail.every((w) => last.has(w)), `the page's last words (${tail.join(' ')}) end the PDF`);
    return { all: squash(text), pages, text };
  } finally {
    await page.close();
  }
}

test('the 2022 print view (/2022/in/) on A4', async (t) => {
  const { all } = await printed(t, site, '2022/in/', 'repo-print-2022', 6);
  for (const figure of ['87,303', '12,697']) assert.ok(all.includes(figure), `${figure} printed`);
});

test('the 2022 gap report (/2022/bao-cao/) printed on A4', async (t) => {
  await printed(t, site, '2022/bao-cao/', 'repo-report-2022', 8);
});

test('the reviewers’ print view, with tasks and warnings, on A4', async (t) => {
  await printed(t, reviewers, '2022/in/', 'reviewers-print-2022', 8);
});
