### serve: the overlay shown over the page when a rebuild fails, and what
### the terminal says while previewing.

overlay-title = Lỗi khi tạo trang: { $errors } lỗi
overlay-lead = Trang đang hiển thị bản tạo tốt gần nhất. Sửa lỗi rồi lưu tệp, trang sẽ tự tải lại.
overlay-warnings = { $warnings } cảnh báo
overlay-hide = Ẩn
overlay-more = … và { $count } mục nữa trong cửa sổ dòng lệnh.

## The terminal while previewing.
serve-serving = Đang phục vụ bản xem trước tại { $url }
serve-all-interfaces = {"  "}đang nhận kết nối trên mọi giao diện mạng: người rà soát trong mạng dùng địa chỉ của máy này, cổng { $port }
serve-watching = {"  "}đang theo dõi site.toml, content/, static/ và themes/; nhấn Ctrl-C để dừng
serve-watching-polling = {"  "}đang theo dõi site.toml, content/, static/ và themes/ (kiểm tra định kỳ); nhấn Ctrl-C để dừng
serve-stopped = Đã dừng.
serve-built = { $clock } lần build { $build }{ $changed }: { $pages } trang ({ $files } tệp) trong { $ms } ms, { $warnings } cảnh báo
serve-failed = { $clock } lần build { $build }{ $changed } không thành công sau { $ms } ms: { $errors } lỗi, { $warnings } cảnh báo; { $keep }
serve-keeps-last-good = vẫn hiển thị bản tạo tốt gần nhất
serve-nothing-good-yet = chưa có bản tạo tốt nào để hiển thị
serve-changed-nothing = {""}
serve-changed-one = {" "}({ $path })
serve-changed-more = {" "}({ $path } và { $more } tệp khác)
serve-path = { $path }
serve-rescan = quét lại toàn bộ
serve-no-nodelay = không đặt được TCP_NODELAY, trang có thể phản hồi chậm hơn: { $error }
serve-cannot-answer = không trả lời được một yêu cầu: { $error }
serve-watch-trouble = lỗi khi theo dõi tệp: { $detail }
