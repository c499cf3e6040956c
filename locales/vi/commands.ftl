### commands: the commands and the output folder (E8xx, W8xx).

## E801: a file or folder could not be read or written; `error` is what
## the system said.
E801-read = không đọc được { $path }: { $error }
E801-write = không ghi được { $path }: { $error }
E801-create = không tạo được tệp { $path }: { $error }
E801-create-folder = không tạo được thư mục { $path }: { $error }
E801-sync-folder = không lưu hẳn được thư mục { $path } xuống ổ đĩa: { $error }
E801-replace = không thay được { $path }: { $error }
E801-copy = không sao chép được { $path }: { $error }
E801-remove = không xóa được { $path }: { $error }
E801-move-aside = không chuyển tạm được { $path } sang chỗ khác: { $error }
E801-restore = không khôi phục được { $path }: { $error }
E801-open-lock = không mở được tệp khóa { $path }: { $error }
E801-lock = không khóa được { $path }: { $error }
E801-write-lock = không ghi được tệp khóa { $path }: { $error }
E801-stopped = đã dừng vì một tệp trước đó không ghi được

## E802: the disk is full; what is known of the space.
E802-disk-full = ổ đĩa đã đầy: { $error }
E802-disk-full-file = { $error }: ổ đĩa đã đầy
E802-disk-full-help = hãy giải phóng bớt dung lượng trên ổ đĩa đó, hoặc tạo site vào một thư mục trên ổ đĩa khác bằng --output
note-site-needs = site mới cần tổng cộng { $size }
note-had-written = lúc ổ đĩa đầy, lần build này đã ghi được { $size } và còn cần thêm
note-free-at-start = khi bắt đầu build, ổ đĩa đó còn trống { $size }
note-previous-kept = site trước đó, vẫn được giữ nguyên, chiếm { $size }
size-bytes = { $n } B
size-kb = { $n } kB
size-mb = { $n } MB
size-gb = { $n } GB

## E803: one build at a time writes an output folder.
E803-busy = { $who } đang ghi vào { $folder }
E803-busy-help = hãy chạy lại khi lần build kia xong, hoặc bỏ --no-wait để chờ nó
another-build = một lần build khác
another-build-pid = một lần build khác (pid { $pid })
folder-named = { $folder }
the-output-folder = thư mục kết quả

## E804: the output folder is never one of the site's or the user's.
E804-site-folder = { $folder } là thư mục của site (nơi có site.toml): mỗi lần build thay toàn bộ thư mục kết quả, nên sẽ xóa mất site
E804-holds-site = { $folder } là thư mục chứa thư mục của site: mỗi lần build thay toàn bộ thư mục kết quả, nên sẽ xóa mất site
E804-sources = { $folder } là thư mục { $sources }/ của site: mỗi lần build thay toàn bộ thư mục kết quả, nên sẽ xóa mất các tệp của chính site
E804-inside-sources = { $folder } nằm trong thư mục { $sources }/ của site: mỗi lần build thay toàn bộ thư mục kết quả, nên sẽ xóa mất các tệp của chính site
E804-home = { $folder } là thư mục cá nhân (home) của bạn: mỗi lần build thay toàn bộ thư mục kết quả, nên sẽ xóa mất những gì trong đó
E804-holds-home = { $folder } là thư mục chứa thư mục cá nhân (home) của bạn: mỗi lần build thay toàn bộ thư mục kết quả, nên sẽ xóa mất những gì trong đó
E804-current = { $folder } là thư mục hiện tại, hoặc chứa thư mục hiện tại: mỗi lần build thay toàn bộ thư mục kết quả, nên sẽ xóa mất những gì trong đó
E804-dossier-inside = { $folder } nằm trong thư mục { $sources }/ của site; không được ghi hồ sơ vào đó
help-choose-own-folder = hãy chọn một thư mục kết quả riêng, ví dụ thư mục mặc định public/ trong thư mục site; chưa có gì bị thay đổi

## E805: the output folder is a folder, not a link or a file.
E805-symlink = { $folder } là một liên kết tượng trưng (symbolic link, trỏ tới { $target }); mỗi lần build thay toàn bộ thư mục kết quả và không đi theo liên kết
E805-file = { $folder } là một tệp, không phải thư mục
E805-no-longer-folder = { $folder } không còn là một thư mục
help-give-folder-itself = hãy ghi chính thư mục đó sau --output; chưa có gì bị thay đổi
help-choose-a-folder = hãy chọn một thư mục bằng --output; chưa có gì bị thay đổi
help-choose-another-folder = hãy chọn một thư mục khác bằng --output; chưa có gì bị thay đổi

## E806: a folder kiemchung did not write is not replaced without --force.
E806-unreadable = không đọc được { $folder }: { $error }
E806-not-empty = { $folder } không trống và không do kiemchung tạo ra ({ $names }{ $more ->
    [0] {""}
   *[other] {" "}và { $more } mục khác
}): mỗi lần build thay toàn bộ thư mục kết quả, nên sẽ xóa mất những tệp này
E806-earlier-help = có vẻ đây là kết quả của một phiên bản kiemchung cũ, chưa đánh dấu thư mục do nó tạo ra: hãy xóa thư mục này, hoặc build một lần với --force để thay nó; chưa có gì bị thay đổi
E806-not-empty-help = hãy chọn thư mục khác, hoặc làm trống thư mục này (--force vẫn thay nó, xóa các tệp này); chưa có gì bị thay đổi

## E807: an output file could not be made; `detail` says why.
E807-output = không tạo được { $path }: { $detail }
output-xlsx = lỗi khi ghi bảng tính Excel: { $detail }
output-docx = không ghi được văn bản: { $detail }
output-package = không ghi được gói hồ sơ: { $detail }
output-package-read = không đọc được { $path }: { $error }
output-index = không tạo được bảng danh mục tài liệu: { $detail }
output-no-year = site công bố không có Chỉ số CCHC năm { $year }
output-year-range = năm { $year } nằm ngoài khoảng cho phép
output-written-not-kept = trang này đã được ghi ra ổ đĩa và không còn được giữ trong bộ nhớ

## E808: the year asked for is one of the site's.
E808-no-year = site không có Chỉ số CCHC năm { $year }; các năm đang có: { $years }
E808-no-year-none = site không có Chỉ số CCHC năm { $year }; site chưa có năm nào
E808-no-assessment = site chưa có Chỉ số CCHC của năm nào
E808-no-public-year = site công bố không có Chỉ số CCHC năm { $year }; các năm đang có: { $years }
E808-no-public-year-none = site công bố không có Chỉ số CCHC năm { $year }; site chưa có năm nào

## E809 to E812: serve.
E809-no-site = không có site nào để xem trước
E810-bind = không mở được địa chỉ { $addr } cho bản xem trước: { $error }
E810-bind-in-use-help = một chương trình khác (có thể là một `kiemchung serve` khác) đang dùng cổng { $port }; hãy chọn cổng khác bằng --port, ví dụ --port { $next }, hoặc --port 0 để tự chọn một cổng còn trống
E810-bind-help = hãy chọn địa chỉ khác bằng --bind hoặc cổng khác bằng --port (cổng dưới 1024 cần quyền quản trị; --port 0 tự chọn một cổng còn trống)
E811-watch = không theo dõi được các thay đổi trong { $root }: { $detail }
E812-server = không khởi động được máy chủ xem trước: { $detail }
E812-ctrl-c = không khởi động được máy chủ xem trước: không bắt được phím Ctrl-C: { $detail }

## E813, W814: dossier.
E813-nothing-to-draft = năm { $year } chưa có tiêu chí nào: chưa có gì để soạn hồ sơ
W814-package-large = gói tài liệu kiểm chứng nặng { $size }, vượt quá { $max } MB (`max_package_mb` trong [documents])
W814-package-large-help = tài liệu scan thường có thể lưu nhỏ hơn (giảm độ phân giải, dùng thang màu xám)
note-file-size = { $name }: { $size }

## E815: a copied file never replaces a generated one.
E815-replaces-generated = tệp này sẽ thay mất tệp /{ $path } do kiemchung tạo ra; hãy đổi tên hoặc xóa nó

## W816: the previous site could not be removed after the swap.
W816-old-site-left = { $error }; site mới đã được đặt vào chỗ, lần build sau sẽ xóa phần còn sót lại

## E817: SOURCE_DATE_EPOCH is a number of seconds.
E817-source-date-epoch = SOURCE_DATE_EPOCH: `{ $value }` không phải là số giây tính từ năm 1970

## E818: a bug of kiemchung, caught by serve.
E818-internal = lỗi nội bộ của kiemchung khi tạo site (xin báo lại cho người phát triển): { $detail }

## E820 to E823: new.
E820-bad-id = id: { $detail }
E820-no-title = --title: hãy ghi tên tiêu chí
E820-bad-max = --max: { $detail }
E821-not-a-year = { $year } không phải là một năm có bốn chữ số
E822-no-year = chưa có Chỉ số CCHC năm { $year }: hãy tạo năm đó trước bằng `kiemchung new year { $year }`
E822-no-parent = tiêu chí { $id } cần tiêu chí cha { $parent }, nhưng chưa tệp nào của năm { $year } có tiêu chí này: hãy tạo trước bằng `kiemchung new criterion { $year } { $parent } --title "…"`
E822-no-from-year = --from { $from }: không có tệp content/{ $from }/_index.md
E822-from-has-errors = --from { $from }: hãy sửa các tệp này trước (chạy kiemchung check): { $files }
E823-id-exists = id { $id } đã có trong { $file }; chưa ghi gì
E823-file-exists = { $path } đã có; chưa ghi gì
E823-appeared-meanwhile = { $path } vừa xuất hiện trong lúc chuẩn bị ghi; chưa ghi gì
