### Front matter (E2xx): the block of fields between the two `---` lines
### at the top of a content file, and the form of its values.

## E201: the block itself.
E201-missing = thiếu front matter: tệp phải bắt đầu bằng một dòng `---`, tiếp theo là các trường như `title:`, rồi đến một dòng `---`
E201-unclosed = front matter mở ở dòng 1 nhưng không được đóng; cần một dòng `---` sau các trường
E201-empty = front matter đang trống; cần có các trường như `title:`

## E202: not YAML. $detail is the YAML reader's own words, in English.
E202-yaml-syntax = front matter viết sai cú pháp YAML (chi tiết kỹ thuật: { $detail })
E202-yaml-syntax-help = mỗi dòng ghi một `trường: giá trị`; đoạn chữ có chứa `: `, ` #`, dấu ngoặc hoặc dấu nháy thì đặt trong dấu nháy kép, và đóng mọi dấu nháy, dấu ngoặc đã mở
E202-unreadable = không đọc được front matter (chi tiết kỹ thuật: { $detail })

## E203, E204: fields the kind of file does not have, or must have.
## $expected is the list of the fields it has.
E203-unknown-field = loại tệp này không có trường `{ $field }`; các trường được dùng: { $expected }
E204-missing-field = thiếu trường `{ $field }`: mọi tệp loại này đều phải ghi `{ $field }:`

## E205: a value of the wrong shape.
E205-not-a-single-value = ở đây cần một giá trị đơn (một số, một ngày hoặc một đoạn chữ), không phải một danh sách hay một nhóm trường
E205-nothing = ở đây cần một đoạn chữ nhưng đang để trống; hãy ghi nội dung ngay sau dấu hai chấm
E205-not-a-list = ở đây cần một danh sách: mỗi mục một dòng, bắt đầu bằng `- `
E205-not-fields = ở đây cần các trường (các dòng như `title: …`), không phải một giá trị đơn
E205-empty-title = `title:` đang để trống; cần ghi tên tiêu chí

E206-duplicate-field = trường `{ $field }` được ghi hai lần; chỉ giữ lại một

## E207: the limits against alias bombs and deep nesting; $limit is one
## of the frontmatter-limit phrases.
E207-too-large = front matter quá lớn hoặc lồng nhau quá sâu: { $limit }
E207-too-large-help = front matter chỉ gồm một số trường và danh sách; hãy ghi thẳng từng giá trị thay vì lặp lại bằng neo và bí danh YAML (`&tên`, `*tên`), và chỉ lồng danh sách vài cấp
frontmatter-limit-depth = các giá trị lồng nhau quá { $depth } cấp
frontmatter-limit-aliases = hơn { $count } neo hoặc bí danh YAML
frontmatter-limit-values = hơn { $count } giá trị
frontmatter-limit-alias-bomb = các bí danh YAML bung ra thành hơn { $count } giá trị (kiểu tấn công «bom bí danh»)
frontmatter-limit-alias-depth = các bí danh YAML lồng nhau quá { $depth } cấp
frontmatter-limit-documents = có hơn một tài liệu YAML (một dòng `...` hoặc `---` nằm giữa khối)
frontmatter-limit-other = vượt một giới hạn của bộ đọc YAML ({ $detail })

## E208: dates. $problem is one of the date phrases, which `--today`
## uses too.
E208-bad-date = `{ $field }`: { $problem }
date-expected = cần một ngày dạng YYYY-MM-DD (2023-04-26) hoặc ngày/tháng/năm (26/4/2023), nhưng gặp `{ $found }`
date-no-month = `{ $found }`: không có tháng { $month }; cần một ngày dạng YYYY-MM-DD (2023-04-26) hoặc ngày/tháng/năm (26/4/2023)
date-no-day = `{ $found }`: tháng { $month } năm { $year } không có ngày { $day }

## E209: yes/no, whole numbers and choices.
E209-not-true-false = `{ $field }`: cần ghi `true` (có) hoặc `false` (không), nhưng gặp `{ $found }`
E209-not-natural = `{ $field }`: cần một số nguyên từ 0 trở lên, nhưng gặp `{ $found }`
E209-not-whole = `{ $field }`: cần một số nguyên, nhưng gặp `{ $found }`
E209-not-positive = `{ $field }`: cần một số nguyên từ 1 trở lên
E209-sort-by = `sort_by`: cần ghi `date` (theo ngày), `title` (theo tiêu đề) hoặc `weight` (theo thứ tự tự đặt), nhưng gặp `{ $found }`

## E210: the body's internal blocks.
E210-unclosed-internal = khối nội bộ (`::: noi-bo`) mở ở đây nhưng không được đóng
E210-unclosed-internal-help = kết thúc khối bằng một dòng chỉ có `:::`
