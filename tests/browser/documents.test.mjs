// The documents `kiemchung dossier` drafts open in LibreOffice as the desk
// opens them: each converts headless to PDF, on A4, with the expected
// number of pages and no text past the margins of Nghị định 30/2020/NĐ-CP
// (left 30 mm, right 15 mm); its first page is a screenshot in
// target/screenshots/. Needs `soffice` (libreoffice-writer-nogui), poppler
// and a Times New Roman metric font (fonts-liberation), which .ci/run installs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BIN, ROOT } from './lib.mjs';
import { screenshotDir } from './sites.mjs';

const MM = 72 / 25.4;
let tmp;

before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'kiemchung-dossier-'));
  execFileSync(BIN, ['dossier', '2022', '--root', ROOT, '--today', '2024-01-01', '--output', tmp]);
  execFileSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${tmp}/lo-profile`, '--convert-to', 'pdf', '--outdir', tmp,
      path.join(tmp, 'thong-bao-ket-qua-2022.docx'), path.join(tmp, 'bao-cao-tu-danh-gia-2022.docx')],
    { stdio: 'ignore', timeout: 180_000 },
  );
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

for (const [name, pages] of [['thong-bao-ket-qua-2022', 3], ['bao-cao-tu-danh-gia-2022', 2]]) {
  test(`${name}.docx converts to an A4 PDF of ${pages} pages, all text within the margins`, () => {
    const pdf = path.join(tmp, `${name}.pdf`);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    assert.match(info, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    assert.equal(Number(/Pages:\s+(\d+)/.exec(info)[1]), pages, info);
    // Every word's box lies between the left and the right margin.
    const boxes = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
    const words = [...boxes.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)];
    assert.ok(words.length > 200, `${words.length} words`);
    for (const [, xMin, xMax, word] of words) {
      assert.ok(Number(xMin) >= 30 * MM - 1, `«${word}» starts at ${xMin} pt, left of the margin`);
      assert.ok(Number(xMax) <= 595.3 - 15 * MM + 1, `«${word}» ends at ${xMax} pt, right of the margin`);
    }
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    // The first page, as the desk sees it.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(tmp, `${name}-page`)]);
    const png = readdirSync(tmp).find((f) => f.startsWith(`${name}-page`) && f.endsWith('.png'));
    renameSync(path.join(tmp, png), path.join(screenshotDir(), `dossier-${name}.png`));
  });
}
