### files: reading the site's files (E0xx).

## E001: a text file is UTF-8.
E001-utf16 = this file is UTF-16 (it begins with a UTF-16 byte order mark); expected UTF-8
E001-utf16-help = open it and save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8; in Word: Save As → Plain Text → Unicode (UTF-8))
E001-not-utf8 = this file is not UTF-8 (invalid byte { $byte } at line { $line }, column { $column })
E001-not-utf8-looks-like = this file is not UTF-8 (invalid byte { $byte } at line { $line }, column { $column }); it looks like { $encoding }
E001-convert-help = open it and save it as UTF-8 (in Word: Save As → Plain Text → Unicode (UTF-8); in Notepad: Save As → Encoding: UTF-8); or convert it with UniKey's converter (Ctrl+Shift+F6: source { $encoding }, destination Unicode); if the text still looks wrong, try the other legacy encodings (TCVN3 (ABC), VNI, Windows-1258) as the source
E001-convert-unknown-help = it may be in TCVN3 (ABC), VNI or Windows-1258; open it and save it as UTF-8 (in Word: Save As → Plain Text → Unicode (UTF-8); in Notepad: Save As → Encoding: UTF-8); or convert it with UniKey's converter (Ctrl+Shift+F6: source the file's encoding, destination Unicode)

## E002: a text file holds no NUL byte.
E002-nul = this file holds a NUL byte (0x00) at line { $line }, column { $column }; expected text
E002-nul-help = a text file never holds NUL bytes: this may be a binary file (a Word document, a PDF) named .md, or a file saved as UTF-16; save it as plain text in UTF-8

## E003: a text file is at most 10 MB.
E003-too-large = this file is { $size } MB; kiemchung reads text files (Markdown, site.toml, templates) of at most { $max } MB

## E004: a file of the site can be read.
E004-unreadable = cannot read: { $error }

## E005, E006: links stay inside the site and lead somewhere.
E005-link-outside = this is a link to { $target }, outside the site folder; links are followed only inside the site
E005-link-outside-help = copy the file or folder into the site instead of linking to it
E006-link-loop = this link makes a loop: it leads back to { $folder }, which contains it

## E007, E008: the site folder has site.toml and content/.
E007-no-site-toml = no site.toml in { $folder }
E007-no-site-toml-help = run kiemchung in the site folder, or give it with --root DIR
E008-no-content = no content/ folder in { $folder }
