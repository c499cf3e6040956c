### theme

## The page serve shows in place of one that could not be made.
error-page-title = Lỗi mẫu trang

## Templates of the theme (E7xx): for the web team.
E701-template = lỗi mẫu trang: { $detail }{ $within }
E702-template-undefined = mẫu trang dùng một biến hoặc thuộc tính không có: { $detail }{ $within } (mẫu trang kiểm tra chặt, không bỏ qua tên sai)
template-within = {" "}(trong { $places })

## E703: the theme site.toml names is a folder of themes/.
E703-no-theme = theme `{ $theme }`: không có thư mục themes/{ $theme }/
E703-no-theme-help = xóa dòng `theme` để dùng giao diện mặc định có sẵn
