### import: the criteria table (E9xx); each refusal names its cell.

## E901 to E904: the file is a table kiemchung reads.
E901-not-a-table = cần một bảng tính: tệp có đuôi .xlsx, .xls, .ods hoặc .csv
E901-not-a-table-help = nếu bảng đang nằm trong Word: hãy sao chép sang Excel hoặc LibreOffice Calc rồi lưu thành .xlsx
E902-unreadable = không đọc được tệp này như một bảng tính: { $detail }
E902-unreadable-help = hãy mở tệp bằng Excel hoặc LibreOffice Calc rồi lưu lại thành .xlsx
E903-too-big = trang tính lớn hơn mức một bảng tiêu chí có thể có: hơn { $rows } dòng hoặc { $cols } cột
E903-too-big-help = hãy sao chép riêng bảng tiêu chí sang một trang tính mới
E904-bad-csv = không đọc được tệp CSV: { $detail }

## E905, E906: the table has its header row, and rows below it.
E905-no-header = không tìm thấy dòng tiêu đề của bảng
E905-no-header-help = đã tìm trong { $rows } dòng đầu của { $count ->
    [1] trang tính
   *[other] các trang tính
} { $sheets } một cột số thứ tự (STT, TT hoặc Mã), một cột tên (Lĩnh vực, Tiêu chí, Tiêu chí thành phần hoặc Nội dung) và một cột điểm tối đa (Điểm tối đa), viết có dấu hay không dấu, trên một hoặc hai dòng
E905-no-header-closest-help = đã tìm trong { $rows } dòng đầu của { $count ->
    [1] trang tính
   *[other] các trang tính
} { $sheets } một cột số thứ tự (STT, TT hoặc Mã), một cột tên (Lĩnh vực, Tiêu chí, Tiêu chí thành phần hoặc Nội dung) và một cột điểm tối đa (Điểm tối đa), viết có dấu hay không dấu, trên một hoặc hai dòng; gần nhất là dòng của ô { $cell }, nhưng chỉ có { $found }
import-number-column = cột số thứ tự
import-title-column = cột tên
import-max-column = cột điểm tối đa
import-and = { $first } và { $rest }
import-nothing = không có gì
E906-no-rows = không có tiêu chí nào dưới dòng tiêu đề này: cần các dòng có số thứ tự (I, 1, 1.1…), tên và điểm tối đa

## E907, E908: every item has a maximum that is a number, and a title.
E907-max-not-a-number = điểm tối đa của { $id }, `{ $value }`, không phải là một số: { $detail }
E907-max-not-a-number-help = hãy ghi điểm tối đa như 2, 1,5 hoặc 0,25 (nhiều nhất ba chữ số thập phân)
E907-max-not-a-value = điểm tối đa của { $id } là { $what }, không phải là một số
E907-max-not-a-value-help = hãy định dạng ô là số hoặc văn bản, rồi ghi điểm tối đa, ví dụ 1,5
E907-no-max = { $id } chưa có điểm tối đa (Điểm tối đa)
E907-no-max-help = mỗi lĩnh vực, tiêu chí và tiêu chí thành phần đều cần có điểm tối đa
import-cell-date = một ngày tháng
import-cell-duration = một khoảng thời gian
import-cell-not-finite = một giá trị không phải số hữu hạn
import-cell-bool = giá trị đúng/sai { $value }
import-cell-error = giá trị lỗi { $value }
E908-no-title = { $id } chưa có tên

## E909 to E912: the numbers make one tree.
E909-bad-id = `{ $value }` không phải là một số thứ tự của bảng
E909-bad-id-help = lĩnh vực đánh số La Mã (I, II…), tiêu chí đánh số 1, 1.1, 1.1.1; dòng hướng dẫn chấm điểm thì không có số, hoặc bắt đầu bằng a), b), - hay +
E910-duplicate-id = { $id } xuất hiện hai lần: lần đầu ở { $first }
E910-duplicate-id-help = mỗi lĩnh vực và mỗi tiêu chí có một số thứ tự riêng
E911-missing-parent = bảng không có mục cha { $parent } của { $id }
E911-missing-parent-help = hãy thêm dòng của { $parent } ở phía trên, hoặc sửa lại số thứ tự
E912-outside-area = { $id } nằm dưới lĩnh vực { $area } ({ $area_cell }), nhưng không bắt đầu bằng { $area }.
E912-outside-area-help = hãy đánh số các tiêu chí của một lĩnh vực là 1, 2… (hoặc tất cả bắt đầu bằng số của lĩnh vực)

## E913 to E915: the maxima add up.
E913-children-exceed = tổng điểm tối đa của các tiêu chí thuộc { $id } là { $sum }, lớn hơn điểm tối đa { $max } của nó
E913-children-exceed-help = thuộc { $id }: { $children }
E914-areas-total = tổng điểm tối đa của các lĩnh vực là { $sum }, nhưng điểm tối đa của cả năm là { $max } ({ $of })
E914-areas-total-help = các lĩnh vực: { $areas }
E915-totals-disagree = dòng tổng này ghi { $this }, nhưng dòng tổng ở { $first } ghi { $that }
import-item = { $id } { $max } ({ $cell })
import-items = { $first }, { $rest }
import-max-default = mức mặc định 100: cả bảng lẫn content/{ $year }/_index.md đều không ghi mức khác
import-max-total-row = dòng tổng, { $cell }
import-max-index = content/{ $year }/_index.md

## E916: the sheet asked for is in the file.
E916-no-sheet = không có trang tính `{ $sheet }`
E916-no-sheet-help = các trang tính của tệp: { $sheets }

## E917 to E922: what is on disk lets the import write.
E917-folder-without-index = đã có thư mục content/{ $year } nhưng không có _index.md; chưa ghi gì: hãy xóa thư mục đó, hoặc tạo _index.md cho nó (lệnh kiemchung new year sẽ tạo), rồi nhập lại
E918-year-has-errors = content/{ $year } đang có lỗi; hãy sửa các tệp này trước (chạy kiemchung check), chưa ghi gì: { $files }
E919-would-fail-check = với tên và điểm tối đa trong bảng, content/{ $year } sẽ không qua được bước kiểm tra (xem các lỗi ở trên, trong các tệp như khi được ghi); chưa ghi gì
E920-changed-meanwhile = { $path } đã bị thay đổi trong lúc đang nhập bảng; hãy chạy lại lệnh nhập
E921-cannot-edit = { $path }: không sửa được `{ $field }:` mà không động tới phần khác của tệp (hãy viết trên một dòng, `{ $field }: …`); chưa ghi gì
E922-already-exists = { $path } đã có, và không chứa tiêu chí nào của năm; chưa ghi gì: hãy đổi tên hoặc chuyển tệp đó đi rồi nhập lại

## What the import says it did, and notes that do not stop it.
import-read = đã đọc bảng tại { $cell }: { $areas } lĩnh vực, { $criteria } tiêu chí, điểm tối đa { $max }
import-added = thêm   { $path }
import-changed = sửa    { $path }: { $what }
import-removed = thiếu  { $path } ({ $id } không có trong bảng; tệp vẫn được giữ, hãy tự xóa nếu thật sự cần bỏ)
import-counts = thêm { $added }, sửa { $changed }, thiếu { $removed }
import-dry-run = chạy thử: chưa ghi gì (nếu bỏ --dry-run: { $counts })
import-nothing-to-write = không có gì để ghi: năm này đã có đúng tên và điểm tối đa như trong bảng ({ $counts })
import-done = đã nhập: { $counts }
import-title-change = tên { $was } → { $now }
import-max-change = điểm tối đa { $was } → { $now }
import-not-itemised = { $cell }: các tiêu chí thuộc { $id } cộng lại được { $sum } trên { $max } điểm; { $left } điểm còn lại được ghi là «chưa chia chi tiết»
import-unknown-unit = { $cell }: `{ $unit }` không phải là một đơn vị trong site.toml (theo mã hoặc theo tên); tiêu chí đó không được ghi đơn vị
import-scores-not-imported = { $cell }: điểm tự đánh giá không được nhập; điểm được ghi trong tệp của từng tiêu chí
import-row-not-read = { $first }: một dòng không có số thứ tự, nằm sau một dòng trống, không được đọc
import-rows-not-read = { $first } đến { $last }: các dòng không có số thứ tự, nằm sau một dòng trống, không được đọc
import-other-errors = site còn { $count } lỗi khác không do lần nhập này gây ra (chạy kiemchung check)
