### terminal

## How a diagnostic is labelled in the terminal: `lỗi[E401]: …`.
label-error = lỗi
label-warning = cảnh báo
label-help = gợi ý
label-note = ghi chú

## kiemchung explain
explain-list = Các mã lỗi (E) và cảnh báo (W):
explain-list-more = Xem giải thích một mã: kiemchung explain MÃ (ví dụ: kiemchung explain W501).
explain-unknown = không có mã `{ $code }`

## What the commands say when they are done, or could not be.
site-has-errors = site có { $errors } lỗi
table-cell = { $cell }: { $message }
build-done = Đã tạo { $pages } trang ({ $files } tệp) từ { $inputs } tệp Markdown vào { $folder } trong { $seconds } giây: { $years } năm, { $warnings } cảnh báo
build-failed = không tạo được site: { $errors } lỗi, { $warnings } cảnh báo; { $left }
build-waiting = Đang chờ một lần build khác ghi vào { $folder }…
build-waiting-pid = Đang chờ một lần build khác (pid { $pid }) ghi vào { $folder }…
left-as-it-was = { $folder } vẫn được giữ nguyên như trước
left-nothing-written = chưa ghi gì vào { $folder }
left-not-replaced = lần build này không thay { $folder }
check-ok = kiểm tra đạt: { $errors } lỗi, { $warnings } cảnh báo
check-failed = kiểm tra không đạt: { $errors } lỗi, { $warnings } cảnh báo
report-site-has-errors = site có { $errors } lỗi ({ $warnings } cảnh báo); hãy sửa trước (kiemchung check)
dossier-done = Đã soạn { $documents } văn bản của năm { $year } từ site công bố
created = đã tạo { $path }
wrote = đã ghi { $path }
unchanged = không đổi { $path }
note-schema = dòng đầu của mỗi tệp mới ghi tên JSON Schema của nó ({ $path }) để trình soạn thảo gợi ý; hãy tạo tệp đó bằng `kiemchung schema`
note-written-before = { $files } tệp liệt kê ở trên đã được ghi trọn vẹn trước lỗi này; ngoài ra không có gì bị thay đổi
