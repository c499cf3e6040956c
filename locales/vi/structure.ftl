### The criteria tree and paths (E3xx): ids, parents, folders, URLs.

## Why a text is not an id: put into E301-bad-id, and into the messages
## of `kiemchung new`.
id-nothing = cần một số hiệu gồm các số cách nhau bằng dấu chấm, như 1, 1.2 hoặc 1.2.3, nhưng đang để trống
id-expected = cần một số hiệu gồm các số cách nhau bằng dấu chấm, như 1, 1.2 hoặc 1.2.3, nhưng gặp `{ $found }`
id-leading-zero = `{ $found }`: mỗi phần của số hiệu ghi không có số 0 ở đầu (1.2, không phải 1.02)
id-too-large = `{ $found }`: số { $part } quá lớn

E301-bad-id = `id` (số hiệu tiêu chí): { $problem }
E302-duplicate-id = số hiệu { $id } đã được dùng ở tệp { $other } (dòng { $line }); trong một năm, mỗi số hiệu chỉ được dùng một lần
E303-no-parent = tiêu chí { $id } không có tiêu chí cấp trên: trong năm { $year } không có tệp nào ghi số hiệu { $parent }
E303-no-parent-help = tạo một tệp có `id: "{ $parent }"` (lệnh: kiemchung new criterion { $year } { $parent } --title "…")

## E304: a folder of content/ without its _index.md.
E304-year-without-index = thư mục content/{ $year }/ có tiêu chí ({ $first }, …) nhưng không có tệp _index.md của kỳ đánh giá
E304-year-without-index-help = tạo tệp content/{ $year }/_index.md có `title:` (lệnh: kiemchung new year { $year })
E304-section-without-index = thư mục content/{ $section }/ có trang nhưng không có tệp _index.md
E304-section-without-index-help = tạo tệp content/{ $section }/_index.md, ít nhất có dòng `title:`

## E305: two things at one URL. $other is a file or one of the
## url-owner phrases.
E305-reserved-section = tên chuyên mục `{ $section }` trùng với phần dành riêng của trang web ({ $reserved }); hãy đổi tên thư mục
E305-page-url-taken = trang này có cùng địa chỉ /{ $url } với { $other }
E305-section-url-taken = chuyên mục này có cùng địa chỉ /{ $url }/ với { $other }; hãy đổi tên thư mục của chuyên mục
E305-rename-one-help = đổi tên một trong hai tệp, hoặc ghi cho trang một `slug:` khác
E305-rename-help = đổi tên tệp, hoặc ghi cho trang một `slug:` khác
url-owner-site = các trang riêng của trang web
url-owner-assessment = trang kỳ đánh giá { $file }
url-owner-section = chuyên mục { $file }

E306-empty-slug = `slug:` cần có chữ cái hoặc chữ số để làm địa chỉ của trang

E307-page-in-subfolder = trang của chuyên mục `{ $section }` phải nằm ngay cạnh content/{ $section }/_index.md, không nằm trong thư mục con
E307-not-under-content = tệp không nằm trong thư mục content/
