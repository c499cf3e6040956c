### files: reading the site's files (E0xx).

## E001: a text file is UTF-8.
E001-utf16 = tệp này được lưu theo bảng mã UTF-16 (bắt đầu bằng dấu thứ tự byte của UTF-16); kiemchung cần tệp theo bảng mã UTF-8
E001-utf16-help = mở tệp và lưu lại theo UTF-8 (trong Notepad: Save As → Encoding: UTF-8; trong Word: Save As → Plain Text → Unicode (UTF-8))
E001-not-utf8 = tệp này không theo bảng mã UTF-8 (byte không hợp lệ { $byte } ở dòng { $line }, cột { $column })
E001-not-utf8-looks-like = tệp này không theo bảng mã UTF-8 (byte không hợp lệ { $byte } ở dòng { $line }, cột { $column }); có vẻ tệp dùng bảng mã { $encoding }
E001-convert-help = mở tệp và lưu lại theo UTF-8 (trong Word: Save As → Plain Text → Unicode (UTF-8); trong Notepad: Save As → Encoding: UTF-8); hoặc chuyển mã bằng công cụ chuyển mã của UniKey (Ctrl+Shift+F6: nguồn { $encoding }, đích Unicode); nếu chữ vẫn sai, hãy thử chọn nguồn là một bảng mã cũ khác (TCVN3 (ABC), VNI, Windows-1258)
E001-convert-unknown-help = tệp có thể theo bảng mã TCVN3 (ABC), VNI hoặc Windows-1258; mở tệp và lưu lại theo UTF-8 (trong Word: Save As → Plain Text → Unicode (UTF-8); trong Notepad: Save As → Encoding: UTF-8); hoặc chuyển mã bằng công cụ chuyển mã của UniKey (Ctrl+Shift+F6: nguồn là bảng mã của tệp, đích Unicode)

## E002: a text file holds no NUL byte.
E002-nul = tệp này chứa byte NUL (0x00) ở dòng { $line }, cột { $column }; kiemchung cần một tệp văn bản
E002-nul-help = tệp văn bản không bao giờ chứa byte NUL: có thể đây là một tệp khác (tài liệu Word, PDF) bị đặt tên đuôi .md, hoặc một tệp lưu theo UTF-16; hãy lưu lại dưới dạng văn bản thuần (Plain Text) theo UTF-8

## E003: a text file is at most 10 MB.
E003-too-large = tệp này nặng { $size } MB; kiemchung chỉ đọc tệp văn bản (Markdown, site.toml, mẫu trang) nặng tối đa { $max } MB

## E004: a file of the site can be read.
E004-unreadable = không đọc được tệp: { $error }

## E005, E006: links stay inside the site and lead somewhere.
E005-link-outside = đây là một liên kết (link) tới { $target }, nằm ngoài thư mục site; kiemchung chỉ đi theo liên kết bên trong thư mục site
E005-link-outside-help = hãy sao chép tệp hoặc thư mục vào trong site thay vì tạo liên kết tới nó
E006-link-loop = liên kết này tạo thành vòng lặp: nó dẫn ngược về { $folder }, là thư mục chứa chính nó

## E007, E008: the site folder has site.toml and content/.
E007-no-site-toml = không có tệp site.toml trong { $folder }
E007-no-site-toml-help = hãy chạy kiemchung trong thư mục site, hoặc chỉ rõ thư mục đó bằng --root THƯ_MỤC
E008-no-content = không có thư mục content/ trong { $folder }
