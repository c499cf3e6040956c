### Shared phrases: what the system says about files, hints used by
### several messages, and the messages the catalog's own tests format.

io-not-found = không tìm thấy tệp hoặc thư mục
io-permission-denied = không có quyền truy cập
io-already-exists = đã có tệp hoặc thư mục cùng tên
io-storage-full = ổ đĩa đã đầy
io-read-only = ổ đĩa chỉ cho phép đọc
io-is-a-directory = đây là một thư mục, không phải tệp
io-not-a-directory = đây là một tệp, không phải thư mục
io-directory-not-empty = thư mục không trống
io-file-too-large = tệp quá lớn
io-addr-in-use = địa chỉ đang được một chương trình khác sử dụng
io-addr-not-available = địa chỉ không có trên máy này
io-invalid-data = dữ liệu không hợp lệ

help-did-you-mean = có phải ý bạn là `{ $name }`?

test-figures = { $score } · { $count } · { $year } · { $date }
test-errors = { $count } lỗi
test-io = Không đọc được tệp: { $error }
