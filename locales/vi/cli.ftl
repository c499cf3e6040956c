### cli
### The command line's help: `kiemchung --help`, `kiemchung build --help`…
### cli-<command> describes a command, cli-<command>-<option> one of its
### options, cli-arg-<option> an option several commands share.

cli-about = Tạo trang tài liệu kiểm chứng Chỉ số CCHC: điểm số, tài liệu kiểm chứng, điểm chưa đạt.
cli-arg-help = In hướng dẫn này
cli-arg-version = In số phiên bản
cli-arg-lang = Ngôn ngữ của thông báo: vi (tiếng Việt) hoặc en (tiếng Anh); mặc định theo biến KIEMCHUNG_LANG, rồi theo `language` trong site.toml
cli-arg-root = Thư mục của site (có tệp site.toml)
cli-arg-today = Ngày dùng để tính hạn của nhiệm vụ (YYYY-MM-DD hoặc d/m/yyyy); mặc định là SOURCE_DATE_EPOCH, nếu không có thì là hôm nay theo múi giờ của site

cli-build = Tạo site vào thư mục kết quả (mặc định public/)
cli-build-output = Thư mục ghi site; tính từ thư mục hiện tại
cli-build-base_url = Thay base_url của site.toml, ví dụ cho máy chủ thử nghiệm
cli-build-review = Tạo bản xem trước cho người rà soát (có cảnh báo, tệp nguồn, bản nháp và nội dung nội bộ, có đánh dấu) thay cho site công bố; ghi vào review/ nếu --output không nói khác
cli-build-force = Thay một thư mục kết quả không do kiemchung tạo, xóa những gì trong đó (không bao giờ xóa thư mục của chính site hay thư mục nhà)
cli-build-no_wait = Dừng ngay, thay vì chờ, khi một lần build khác đang ghi vào cùng thư mục kết quả

cli-check = Đọc và kiểm tra mọi tệp, không ghi gì
cli-check-strict = Coi cảnh báo cũng là lỗi
cli-check-format = Cách in kết quả: text (cho người đọc) hoặc json (cho công cụ)

cli-report = In báo cáo điểm chưa đạt của một năm: điểm bị mất, mục chưa có tài liệu kiểm chứng, thay đổi khi thẩm định, đơn vị và nhiệm vụ
cli-report-year = Năm cần báo cáo; mặc định là năm gần nhất có điểm
cli-report-format = Cách in báo cáo: text, json hoặc csv

cli-serve = Xem trước site cho người rà soát (hoặc, với --public, đúng như bản công bố): tạo trong bộ nhớ, phục vụ qua trình duyệt, tạo lại khi có thay đổi và tự tải lại trang đang mở
cli-serve-bind = Địa chỉ lắng nghe; 0.0.0.0 cho phép máy khác trong mạng xem
cli-serve-port = Cổng; 0 để tự chọn một cổng trống (in ra trong địa chỉ)
cli-serve-poll = Dò thay đổi định kỳ thay vì nhận sự kiện của hệ thống tệp (WSL2 /mnt, thư mục gắn vào Docker, ổ mạng)
cli-serve-public = Xem trước đúng những gì `build` công bố, thay cho bản của người rà soát

cli-dossier = Soạn hồ sơ của một năm: báo cáo tự đánh giá và thông báo kết quả (.docx), bộ tài liệu kiểm chứng (.zip)
cli-dossier-year = Năm của hồ sơ
cli-dossier-output = Thư mục ghi hồ sơ; mặc định là ho-so/ trong thư mục của site
cli-dossier-today = Ngày soạn văn bản (YYYY-MM-DD hoặc d/m/yyyy); mặc định là SOURCE_DATE_EPOCH, nếu không có thì là hôm nay theo múi giờ của site

cli-new = Bắt đầu một tiêu chí hoặc một năm từ một tệp đúng mẫu
cli-new-criterion = Tạo content/<năm>/…/<mã>.md, cạnh tệp của mục cha
cli-new-criterion-year = Năm đánh giá
cli-new-criterion-id = Mã tiêu chí, ví dụ 1.2.3
cli-new-criterion-title = Tên tiêu chí
cli-new-criterion-max = Điểm tối đa; 0 nếu không ghi
cli-new-criterion-unit = Mã đơn vị phụ trách, như khai trong site.toml
cli-new-year = Tạo content/<năm>/_index.md, có thể chép cây tiêu chí của một năm khác
cli-new-year-year = Năm đánh giá
cli-new-year-from = Chép cây tiêu chí của năm này, bỏ trống điểm và tài liệu kiểm chứng

cli-import = Bắt đầu một năm (hoặc cập nhật tên và điểm tối đa của nó) từ bảng tiêu chí chính thức: .xlsx, .xls, .ods hoặc .csv
cli-import-year = Năm cần ghi (content/<năm>/)
cli-import-file = Bảng tiêu chí (Bộ chỉ số): .xlsx, .xls, .ods hoặc .csv
cli-import-sheet = Trang tính cần đọc; mặc định là trang đầu tiên có dòng tiêu đề của bảng
cli-import-dry_run = Chỉ in những gì sẽ thêm, sửa và bỏ, không ghi gì
cli-value-file = TỆP
cli-value-sheet = TRANG_TÍNH

cli-schema = Ghi JSON Schema của front matter và site.toml, để trình soạn thảo kiểm tra tệp ngay khi gõ
cli-schema-output = Thư mục ghi; mặc định là schemas/ trong thư mục của site, nơi các tệp do new và import tạo trỏ tới

cli-explain = Giải thích một mã lỗi hoặc cảnh báo: quy tắc, lý do và ví dụ cách sửa; không ghi mã thì liệt kê mọi mã
cli-explain-code = Mã cần giải thích, ví dụ W501

cli-help = In hướng dẫn của chương trình hoặc của một lệnh
cli-help-command = Lệnh cần xem hướng dẫn, ví dụ build

## Placeholders in the usage line.
cli-value-root = THƯ_MỤC
cli-value-output = THƯ_MỤC
cli-value-base_url = URL
cli-value-today = NGÀY
cli-value-year = NĂM
cli-value-from = NĂM
cli-value-bind = ĐỊA_CHỈ
cli-value-port = CỔNG
cli-value-code = MÃ
cli-value-command = LỆNH
cli-value-id = MÃ_TIÊU_CHÍ
cli-value-title = TÊN
cli-value-max = ĐIỂM
cli-value-unit = ĐƠN_VỊ
cli-value-lang = NGÔN_NGỮ
cli-value-format = CÁCH_IN

## The words clap writes in the help.
cli-word-usage = Cách dùng:
cli-word-commands = Lệnh:
cli-word-arguments = Tham số:
cli-word-options = Tùy chọn:
cli-word-options-placeholder = [TÙY_CHỌN]
cli-word-command-placeholder = <LỆNH>
cli-word-default = [mặc định: {""}
cli-word-possible = [giá trị: {""}

## Usage errors (exit code 2).
cli-error-unknown-argument = không có tùy chọn `{ $arg }`
cli-error-unknown-command = không có lệnh `{ $command }`
cli-error-invalid-value = `{ $value }` không phải giá trị của { $arg }; các giá trị có thể: { $valid }
cli-error-bad-value = giá trị `{ $value }` của { $arg } không hợp lệ: { $why }
cli-error-missing = thiếu { $args }
cli-error-missing-command = thiếu tên lệnh (build, check, serve…)
cli-error-conflict = không dùng được { $arg } cùng với tùy chọn đã ghi
cli-error-unexpected = không cần giá trị `{ $value }` ở đây
cli-more = Xem hướng dẫn: kiemchung --help (hoặc kiemchung <lệnh> --help)
cli-bad-bind = `{ $value }` không phải địa chỉ IP (ví dụ 127.0.0.1, 0.0.0.0, ::1)
