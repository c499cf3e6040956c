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
