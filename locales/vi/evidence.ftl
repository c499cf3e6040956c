### evidence

## W501: a score with no evidence. The review site's "Việc cần làm" page
## lists those that are explained too, with this message.
W501-explained = Có điểm ({ $score }) nhưng không có tài liệu kiểm chứng; giải trình: «{ $explanation }».
W501-explained-help = Bổ sung tài liệu kiểm chứng vào `evidence:`: khi thẩm định, không có tài liệu thì không có điểm.

## W501: the check's warning, for one that is not explained.
W501-no-evidence = tiêu chí { $id } có điểm { $score } nhưng không có tài liệu kiểm chứng và không có giải trình
W501-no-evidence-help = bổ sung tài liệu kiểm chứng vào `evidence:`, hoặc ghi lý do vào `explanation:`

## W502: evidence dated after the results were published.
W502-after-decision = tài liệu «{ $title }» ban hành ngày { $date }, sau ngày của quyết định công bố kết quả ({ $limit })
W502-after-year = tài liệu «{ $title }» ban hành ngày { $date }, sau khi năm đánh giá đã kết thúc ({ $limit })

## W503: document numbers. $problem is one of the docnum phrases.
W503-not-a-number = số, ký hiệu văn bản không đúng dạng: { $problem }
W503-d-for-dj = `{ $written }` trong `{ $number }` có lẽ là `{ $code }` ({ $name }) bị gõ chữ D thay cho chữ Đ; số, ký hiệu vẫn được giữ như đã ghi
W503-issuer-d-for-dj = `{ $written }` trong `{ $number }` có lẽ là `{ $code }` bị gõ chữ D thay cho chữ Đ; số, ký hiệu vẫn được giữ như đã ghi
W503-help = ghi đúng như trên văn bản, ví dụ 55/TB-SKHCN, 3859/QĐ-UBND hoặc 30/2020/NĐ-CP

## Why a text is not a document number (src/base/docnum).
docnum-nothing = cần số, ký hiệu văn bản như 55/TB-SKHCN, 30/2020/NĐ-CP hoặc 1629/SNV-CCHC&PC, nhưng đang để trống
docnum-expected = cần số, ký hiệu văn bản như 55/TB-SKHCN, 30/2020/NĐ-CP hoặc 1629/SNV-CCHC&PC, nhưng gặp `{ $found }`
docnum-no-code = `{ $found }` có số nhưng thiếu ký hiệu phía sau; cần dạng số/ký hiệu như 55/TB-SKHCN, 30/2020/NĐ-CP hoặc 1629/SNV-CCHC&PC
docnum-slashes = `{ $found }` có { $count } dấu gạch chéo; cần dạng số/ký hiệu hoặc số/năm/ký hiệu như 55/TB-SKHCN, 30/2020/NĐ-CP hoặc 1629/SNV-CCHC&PC
docnum-no-number = `{ $found }` không có số trước dấu / đầu tiên; cần dạng như 55/TB-SKHCN, 30/2020/NĐ-CP hoặc 1629/SNV-CCHC&PC
docnum-not-digits = `{ $found }`: số `{ $number }` chỉ được gồm chữ số; cần dạng như 55/TB-SKHCN, 30/2020/NĐ-CP hoặc 1629/SNV-CCHC&PC
docnum-too-long = `{ $found }`: số `{ $number }` quá dài
docnum-zero = `{ $found }`: số văn bản không thể là 0
docnum-empty-year = `{ $found }` không có gì giữa hai dấu gạch chéo; cần dạng số/ký hiệu hoặc số/năm/ký hiệu (30/2020/NĐ-CP)
docnum-bad-year = `{ $found }`: `{ $year }` giữa hai dấu gạch chéo phải là năm gồm 4 chữ số, như 30/2020/NĐ-CP
docnum-implausible-year = `{ $found }`: { $year } không thể là năm ban hành của một văn bản
docnum-ends-after-slash = `{ $found }` kết thúc ngay sau dấu gạch chéo; cần ký hiệu loại văn bản và cơ quan ban hành, như 55/TB-SKHCN
docnum-empty-code = `{ $found }` có một ký hiệu trống quanh dấu gạch nối; cần ký hiệu như TB-SKHCN
docnum-code-space = `{ $found }`: ký hiệu `{ $code }` có dấu cách; cần ký hiệu như TB-SKHCN
docnum-code-char = `{ $found }`: ký hiệu `{ $code }` có ký tự `{ $char }`; chỉ được dùng chữ cái, chữ số hoặc &
docnum-code-edge = `{ $found }`: ký hiệu `{ $code }` bắt đầu hoặc kết thúc bằng `&` hoặc `.`
docnum-code-digits = `{ $found }`: `{ $code }` phải là ký hiệu có chữ cái (như TB, SKHCN), không chỉ gồm chữ số
docnum-no-issuer = `{ $found }` có loại văn bản { $kind } ({ $name }) nhưng thiếu cơ quan ban hành; cần dạng { $kind }-CƠ QUAN, như 55/TB-SKHCN

## W504: one document cited differently. $what is one of the cited
## phrases; $citations a list of citation phrases.
W504-cited-differently = văn bản số { $number } được dẫn với { $what } khác nhau
cited-dates-titles = ngày ban hành và trích yếu
cited-dates = ngày ban hành
cited-titles = trích yếu
W504-cited-differently-help = các lần dẫn: { $citations }
citation = { $file }:{ $line } «{ $title }»
citation-dated = { $file }:{ $line } «{ $title }» ngày { $date }
citations-list = { $first }; { $rest }

## E505, E506: an evidence entry. $field is `evidence` or `decision`.
E505-no-title = `{ $field }`: mỗi tài liệu cần có `title:` (tên hoặc trích yếu của tài liệu)
E505-no-reference = `{ $field }`: cần ghi tệp tài liệu `file:`, địa chỉ web `url:` hoặc ít nhất số, ký hiệu `number:`
E506-bad-url = `{ $field }`: địa chỉ `{ $url }` phải bắt đầu bằng http:// hoặc https:// (tài liệu lưu trong trang web thì ghi ở `file:`)

## E507–E510: evidence files.
E507-file-missing = không có tệp tài liệu kiểm chứng { $file } (đã tìm { $path })
E507-file-missing-help = kiểm tra lại tên tệp; đường dẫn được tính từ thư mục chứa tệp Markdown
E507-static-missing = không có tệp tài liệu kiểm chứng { $file }: tệp ghi bắt đầu bằng / được tìm trong thư mục static/, nhưng không có static/{ $path }
E507-static-missing-help = đặt tài liệu vào static/ hoặc cạnh tệp Markdown, rồi ghi đường dẫn tương đối của nó
E508-not-a-site-path = tệp tài liệu kiểm chứng { $file } là { $why }; cần một đường dẫn bên trong thư mục trang web
E508-not-a-site-path-help = chép tài liệu vào thư mục trang web (cạnh tệp Markdown) và ghi đường dẫn tương đối, ví dụ `file: bc-120.pdf`; địa chỉ trang web khác thì ghi ở `url: https://…`
site-path-drive = một đường dẫn trên ổ đĩa của máy tính (C:\…)
site-path-network = một đường dẫn trong mạng nội bộ
site-path-url = một địa chỉ web, không phải tệp của trang web
site-path-control = không phải tên tệp (có ký tự điều khiển)
E508-leaves-site = tệp tài liệu kiểm chứng { $file } nằm ngoài thư mục trang web; cần một đường dẫn bên trong thư mục này
E508-hidden = tệp tài liệu kiểm chứng { $file } là tệp ẩn hoặc tệp tạm ({ $path }); loại tệp này không bao giờ được đăng
E508-link-outside = tệp tài liệu kiểm chứng { $file } là liên kết tới một tệp nằm ngoài thư mục trang web; hãy chép tài liệu vào thư mục trang web
E509-internal-in-static = tệp tài liệu nội bộ { $file } nằm trong static/, thư mục được đăng nguyên trạng lên trang công khai
E509-internal-in-static-help = để tài liệu nội bộ cạnh tệp Markdown của nó, trong content/
E510-copy-clash = tệp tài liệu kiểm chứng { $file } sẽ được chép tới /{ $path }, nơi đã có một tệp khác; hãy đổi tên một trong hai tệp
