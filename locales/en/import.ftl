### import: the criteria table (E9xx); each refusal names its cell.

## E901 to E904: the file is a table kiemchung reads.
E901-not-a-table = expected a spreadsheet: a file ending in .xlsx, .xls, .ods or .csv
E901-not-a-table-help = a table in Word: copy it into Excel or LibreOffice Calc and save it as .xlsx
E902-unreadable = cannot read the file as a spreadsheet: { $detail }
E902-unreadable-help = open it in Excel or LibreOffice Calc and save it again as .xlsx
E903-too-big = the sheet is larger than a criteria table can be: more than { $rows } rows or { $cols } columns
E903-too-big-help = copy the criteria table alone into a new sheet
E904-bad-csv = cannot read the CSV file: { $detail }

## E905, E906: the table has its header row, and rows below it.
E905-no-header = cannot find the table's header row
E905-no-header-help = looked in the first { $rows } rows of { $count ->
    [one] sheet
   *[other] sheets
} { $sheets } for a number column (STT, TT or Mã), a title column (Lĩnh vực, Tiêu chí, Tiêu chí thành phần or Nội dung) and a maximum column (Điểm tối đa), with or without tone marks, in one row or two
E905-no-header-closest-help = looked in the first { $rows } rows of { $count ->
    [one] sheet
   *[other] sheets
} { $sheets } for a number column (STT, TT or Mã), a title column (Lĩnh vực, Tiêu chí, Tiêu chí thành phần or Nội dung) and a maximum column (Điểm tối đa), with or without tone marks, in one row or two; the closest was the row of { $cell }, with { $found } only
import-number-column = a number column
import-title-column = a title column
import-max-column = a maximum column
import-and = { $first } and { $rest }
import-nothing = nothing
E906-no-rows = there is no criterion below this header: expected rows with a number (I, 1, 1.1…), a title and a maximum

## E907, E908: every item has a maximum that is a number, and a title.
E907-max-not-a-number = the maximum of { $id }, `{ $value }`, is not a number: { $detail }
E907-max-not-a-number-help = write the maximum as 2, 1,5 or 0.25 (at most three decimals)
E907-max-not-a-value = the maximum of { $id } is { $what }, not a number
E907-max-not-a-value-help = format the cell as a number or as text, and write the maximum, e.g. 1,5
E907-no-max = { $id } has no maximum (Điểm tối đa)
E907-no-max-help = every area, criterion and sub-criterion needs its maximum
import-cell-date = a date
import-cell-duration = a duration
import-cell-not-finite = not a finite number
import-cell-bool = the truth value { $value }
import-cell-error = the error value { $value }
E908-no-title = { $id } has no title

## E909 to E912: the numbers make one tree.
E909-bad-id = `{ $value }` is not a number of the table
E909-bad-id-help = expected a roman numeral for an area (I, II…), or 1, 1.1, 1.1.1; a scoring guide's row has no number, or a), b), - or +
E910-duplicate-id = { $id } is given twice: first at { $first }
E910-duplicate-id-help = each area and criterion has its own number
E911-missing-parent = { $id } has no parent { $parent } in the table
E911-missing-parent-help = add the row of { $parent } above it, or correct the number
E912-outside-area = { $id } is under area { $area } ({ $area_cell }), but does not start with { $area }.
E912-outside-area-help = number the criteria of an area 1, 2… (or all from the area's number)

## E913 to E915: the maxima add up.
E913-children-exceed = the criteria under { $id } have maxima adding up to { $sum }, more than its maximum { $max }
E913-children-exceed-help = under { $id }: { $children }
E914-areas-total = the areas' maxima add up to { $sum }, but the assessment's maximum is { $max } ({ $of })
E914-areas-total-help = areas: { $areas }
E915-totals-disagree = this total row gives { $this }, but the one at { $first } gives { $that }
import-item = { $id } { $max } ({ $cell })
import-items = { $first }, { $rest }
import-max-default = the default 100: neither the table nor content/{ $year }/_index.md gives another
import-max-total-row = the total row, { $cell }
import-max-index = content/{ $year }/_index.md

## E916: the sheet asked for is in the file.
E916-no-sheet = there is no sheet `{ $sheet }`
E916-no-sheet-help = its sheets: { $sheets }

## E917 to E922: what is on disk lets the import write.
E917-folder-without-index = content/{ $year } exists but has no _index.md; nothing was written: delete the folder, or give it its _index.md (kiemchung new year writes one), and import again
E918-year-has-errors = content/{ $year } has errors; fix these files first (run kiemchung check), nothing was written: { $files }
E919-would-fail-check = with the table's titles and maxima, content/{ $year } would not pass check (above, in the files as they would be); nothing was written
E920-changed-meanwhile = { $path } changed while the table was being imported; run the import again
E921-cannot-edit = { $path }: cannot change `{ $field }:` without touching anything else in the file (write it as one line, `{ $field }: …`); nothing was written
E922-already-exists = { $path } already exists, and holds none of the year's criteria; nothing was written: rename or move that file and import again

## What the import says it did, and notes that do not stop it.
import-read = read the table at { $cell }: { $areas ->
    [one] { $areas } area
   *[other] { $areas } areas
}, { $criteria ->
    [one] { $criteria } criterion
   *[other] { $criteria } criteria
}, maximum { $max }
import-added = added   { $path }
import-changed = changed { $path }: { $what }
import-removed = removed { $path } ({ $id } is not in the table; the file is kept, delete it if it must go)
import-counts = { $added } added, { $changed } changed, { $removed } removed
import-dry-run = dry run: nothing was written ({ $counts } without --dry-run)
import-nothing-to-write = nothing to write: the year already has the table's titles and maxima ({ $counts })
import-done = imported: { $counts }
import-title-change = title { $was } → { $now }
import-max-change = max { $was } → { $now }
import-not-itemised = { $cell }: the criteria under { $id } add up to { $sum } of its { $max }; the { $left } left is shown as not itemised (chưa chia chi tiết)
import-unknown-unit = { $cell }: `{ $unit }` is not a unit of site.toml (its id or its name); no unit written for that criterion
import-scores-not-imported = { $cell }: the self-scores (Điểm tự đánh giá) are not imported; scores are written in the criteria's files
import-row-not-read = { $first }: a row without a number after an empty row was not read
import-rows-not-read = { $first } to { $last }: rows without a number after an empty row were not read
import-other-errors = the site has { $count ->
    [one] { $count } other error
   *[other] { $count } other errors
} that this import did not cause (run kiemchung check)
