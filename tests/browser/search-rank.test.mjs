// Folding and ranking of themes/default/static/search.js, without a browser:
// the script is imported as a module. Run with `node --test` from this folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const source = readFileSync(path.join(ROOT, 'themes/default/static/search.js'), 'utf8');
// A data: URL, so that Node reads the file as a module whatever its folder says.
const s = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);

const entry = (kind, number, title, text = '', year = 2022) => [kind, '', number, title, year, `/cchc/${title}/`, text];
const list = (...items) => s.entries({ v: 1, items });
const titles = (found) => found.map((f) => f.entry.title);

test('folding follows the table shared with src/vi.rs', () => {
  const table = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/search/fold.json'), 'utf8'));
  assert.ok(table.cases.length >= 144 + 30);
  for (const c of table.cases) assert.equal(s.fold(c.in), c.out, `${JSON.stringify(c.in)} (${c.note || ''})`);
});

test('folding keeps the length of the text it marks', () => {
  const text = 'Thông báo số 55/TB-SKHCN về Đường';
  const { folded, map } = s.foldWithMap(text.normalize('NFD'));
  assert.equal(folded, 'thong bao so 55/tb-skhcn ve duong');
  assert.equal(map.length, folded.length + 1);
});

test('a query with tone marks puts exact matches first', () => {
  const l = list(entry('node', '', 'Dương'), entry('node', '', 'Đường'), entry('node', '', 'Đương'));
  assert.deepEqual(titles(s.search(l, 'đường')), ['Đường', 'Dương', 'Đương']);
  assert.deepEqual(titles(s.search(l, 'dương')).slice(0, 1), ['Dương']);
  // Without marks every form matches, in order of the other criteria.
  assert.equal(s.search(l, 'duong').length, 3);
  assert.equal(s.parseQuery('duong').marked, false);
  assert.equal(s.parseQuery('Đường').marked, true);
  assert.equal(s.parseQuery('DUONG').marked, false);
});

test('an exact match in the text beats a folded match in the title', () => {
  const l = list(entry('node', '', 'Dương', 'không liên quan'), entry('page', '', 'Tin tức', 'sửa đường nội bộ'));
  assert.deepEqual(titles(s.search(l, 'đường')), ['Tin tức', 'Dương']);
  assert.deepEqual(titles(s.search(l, 'duong')), ['Dương', 'Tin tức']);
});

test('titles and numbers come before the text', () => {
  const l = list(
    entry('page', '', 'Tin tức', 'Lĩnh vực cải cách thể chế năm nay'),
    entry('node', '2', 'Cải cách thể chế'),
  );
  assert.deepEqual(titles(s.search(l, 'cai cach the che')), ['Cải cách thể chế', 'Tin tức']);
  assert.deepEqual(titles(s.search(l, 'the che')), ['Cải cách thể chế', 'Tin tức']);
});

test('every word must be found', () => {
  const l = list(entry('node', '7', 'Xây dựng chính quyền điện tử, chính quyền số'), entry('node', '1', 'Chính quyền'));
  assert.deepEqual(titles(s.search(l, 'chinh quyen so')), ['Xây dựng chính quyền điện tử, chính quyền số']);
  assert.deepEqual(s.search(l, 'chinh quyen xyz'), []);
  assert.deepEqual(s.search(l, '   '), []);
});

test('document numbers and ids are searchable as typed', () => {
  const l = list(
    entry('document', '3859/QĐ-UBND', 'Công bố Chỉ số CCHC năm 2022'),
    entry('page', '', 'Thông báo số 55/TB-SKHCN về kết quả', '', 2023),
    entry('node', '1.2.1', 'Tiêu chí thành phần'),
    entry('node', '11.2', 'Tiêu chí khác'),
    entry('node', '1.2', 'Tiêu chí'),
  );
  for (const q of ['3859/QĐ-UBND', '3859/qđ-ubnd', '3859', 'qd-ubnd', 'QD-UBND', '3859/qd']) {
    assert.equal(s.search(l, q)[0]?.entry.number, '3859/QĐ-UBND', q);
  }
  assert.equal(s.search(l, '55/tb')[0].entry.title, 'Thông báo số 55/TB-SKHCN về kết quả');
  assert.equal(s.search(l, '55/TB-SKHCN')[0].entry.title, 'Thông báo số 55/TB-SKHCN về kết quả');
  assert.deepEqual(s.search(l, '1.2').map((f) => f.entry.number), ['1.2', '1.2.1', '11.2']);
});

test('the latest year first when all else is equal', () => {
  const l = list(entry('node', '1', 'Chỉ đạo điều hành', '', 2021), entry('node', '1', 'Chỉ đạo điều hành', '', 2022));
  assert.deepEqual(s.search(l, 'chi dao').map((f) => f.entry.year), [2022, 2021]);
});

test('matches are marked in the original text, around the first match', () => {
  const parts = s.highlight('Xây dựng chính quyền điện tử, chính quyền số', 'quyen so');
  assert.deepEqual(parts.filter((p) => p.mark).map((p) => p.text), ['quyền', 'quyền', 'số']);
  assert.equal(parts.map((p) => p.text).join(''), 'Xây dựng chính quyền điện tử, chính quyền số');
  const long = `${'Mở đầu dài dòng. '.repeat(30)}Kết quả: Đường truyền số liệu ổn định. ${'Phần cuối. '.repeat(30)}`;
  const cut = s.highlight(long, 'duong truyen', 80);
  const text = cut.map((p) => p.text).join('');
  assert.ok(text.startsWith('…') && text.endsWith('…'), text);
  assert.ok(text.length <= 80 + 2, text);
  assert.deepEqual(cut.filter((p) => p.mark).map((p) => p.text), ['Đường', 'truyền']);
});

test('labels are Vietnamese', () => {
  const l = s.entries({ v: 1, items: [['unit', '', '', 'Văn phòng Sở', null, '/cchc/don-vi/van-phong/', ''], ['node', 'Lĩnh vực', '7', 'Xây dựng', 2022, '/x/', '']] });
  assert.equal(l[0].label, 'Đơn vị');
  assert.equal(l[1].label, 'Lĩnh vực');
  assert.throws(() => s.entries({ items: [] }));
});
