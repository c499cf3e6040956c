### config: site.toml (E1xx).

## E101: base_url is an absolute http(s) address; also --base-url, and
## the preview's origin.
E101-base-url = base_url: { $detail }
E101-base-url-option = --base-url: { $detail }
E101-base-url-origin = địa chỉ xem trước: { $detail }
base-url-no-scheme = `{ $url }` không bắt đầu bằng http:// hoặc https://; cần một địa chỉ đầy đủ, ví dụ https://example.gov.vn/cchc/
base-url-no-host = `{ $url }` thiếu tên miền; cần một địa chỉ đầy đủ, ví dụ https://example.gov.vn/cchc/
base-url-bad-path = `{ $url }`: phần đường dẫn không được chứa dấu ?, dấu # hay dấu cách; cần một địa chỉ đầy đủ, ví dụ https://example.gov.vn/cchc/

## E102: site.toml is TOML; the detail is the TOML reader's.
E102-syntax = site.toml viết chưa đúng quy tắc TOML: { $detail }

## E103: every key is one site.toml knows.
E103-unknown-key = trường `{ $name }` không dùng được ở đây; { $count ->
    [1] chỉ dùng được trường { $expected }
   *[other] chỉ dùng được các trường { $expected }
}

## E104: the required keys are there.
E104-missing-key = thiếu trường `{ $name }`; cần một dòng như `{ $example }`

## E105, E106: the theme and the time zone name what exists.
E105-theme = theme: `{ $name }` không phải là tên một thư mục trong themes/
E106-timezone = timezone: `{ $name }` không phải là tên một múi giờ
E106-timezone-help = hãy ghi tên múi giờ theo danh sách IANA, ví dụ `timezone = "{ $example }"`

## E107, E108: unit ids are slugs, each declared once.
E107-unit-id = mã đơn vị `{ $id }` chỉ được gồm chữ thường không dấu (a–z), chữ số và dấu gạch ngang
E108-unit-twice = mã đơn vị `{ $id }` được khai báo hai lần
help-try = thử `{ $name }`

## E109: [documents] publish names the documents kiemchung makes.
E109-publish = documents.publish: `{ $name }` không phải một trong report, notice, package
