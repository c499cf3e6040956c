### serve: the overlay shown over the page when a rebuild fails, and what
### the terminal says while previewing.

overlay-title = Lỗi khi tạo trang: { $errors } lỗi
overlay-lead = Trang đang hiển thị bản tạo tốt gần nhất. Sửa lỗi rồi lưu tệp, trang sẽ tự tải lại.
overlay-warnings = { $warnings } cảnh báo
overlay-hide = Ẩn
overlay-more = … và { $count } mục nữa trong cửa sổ dòng lệnh.
