### evidence

## W501: a score with no evidence. The review site's "Việc cần làm" page
## lists those that are explained too, with this message.
W501-explained = Scored ({ $score }) but with no evidence; explanation: «{ $explanation }».
W501-explained-help = Add the documents under `evidence:`: at appraisal, no evidence means no points.

## W501: the check's warning, for one that is not explained.
W501-no-evidence = { $id } is scored { $score } but has no evidence and no explanation (không có tài liệu kiểm chứng)
W501-no-evidence-help = add the documents under `evidence:`, or say why under `explanation:`

## W502: evidence dated after the results were published.
W502-after-decision = evidence «{ $title }» is dated { $date }, after the date of the decision that published the results ({ $limit })
W502-after-year = evidence «{ $title }» is dated { $date }, after the end of the assessed year ({ $limit })

## W503: document numbers. $problem is one of the docnum phrases.
W503-not-a-number = not a document number: { $problem }
W503-d-for-dj = `{ $written }` in `{ $number }` is probably `{ $code }` ({ $name }) typed with D instead of Đ; the number is kept as written
W503-issuer-d-for-dj = `{ $written }` in `{ $number }` is probably `{ $code }` typed with D instead of Đ; the number is kept as written
W503-help = write it as on the document, e.g. 55/TB-SKHCN, 3859/QĐ-UBND or 30/2020/NĐ-CP

## Why a text is not a document number (src/base/docnum).
docnum-nothing = expected a document number such as 55/TB-SKHCN, 30/2020/NĐ-CP or 1629/SNV-CCHC&PC, found nothing
docnum-expected = expected a document number such as 55/TB-SKHCN, 30/2020/NĐ-CP or 1629/SNV-CCHC&PC, found `{ $found }`
docnum-no-code = `{ $found }` has a number but no code after it; expected number/code such as 55/TB-SKHCN, 30/2020/NĐ-CP or 1629/SNV-CCHC&PC
docnum-slashes = `{ $found }` has { $count } slashes; expected number/code or number/year/code such as 55/TB-SKHCN, 30/2020/NĐ-CP or 1629/SNV-CCHC&PC
docnum-no-number = `{ $found }` has no number before the first /; expected such as 55/TB-SKHCN, 30/2020/NĐ-CP or 1629/SNV-CCHC&PC
docnum-not-digits = `{ $found }`: the number `{ $number }` should be digits only; expected such as 55/TB-SKHCN, 30/2020/NĐ-CP or 1629/SNV-CCHC&PC
docnum-too-long = `{ $found }`: the number `{ $number }` is too long
docnum-zero = `{ $found }`: the number cannot be 0
docnum-empty-year = `{ $found }` has nothing between two slashes; expected number/code or number/year/code (30/2020/NĐ-CP)
docnum-bad-year = `{ $found }`: `{ $year }` between the slashes should be a year of 4 digits, as in 30/2020/NĐ-CP
docnum-implausible-year = `{ $found }`: { $year } is not a plausible year for a document
docnum-ends-after-slash = `{ $found }` ends after the slash; expected the type and issuer codes, as in 55/TB-SKHCN
docnum-empty-code = `{ $found }` has an empty code around a hyphen; expected codes such as TB-SKHCN
docnum-code-space = `{ $found }`: the code `{ $code }` contains a space; expected codes such as TB-SKHCN
docnum-code-char = `{ $found }`: the code `{ $code }` contains `{ $char }`; expected letters, digits or &
docnum-code-edge = `{ $found }`: the code `{ $code }` starts or ends with `&` or `.`
docnum-code-digits = `{ $found }`: `{ $code }` should be a code with letters (TB, SKHCN), not only digits
docnum-no-issuer = `{ $found }` gives the type { $kind } ({ $name }) but no issuer; expected { $kind }-ISSUER, as in 55/TB-SKHCN

## W504: one document cited differently. $what is one of the cited
## phrases; $citations a list of citation phrases.
W504-cited-differently = document { $number } is cited with { $what }
cited-dates-titles = different dates and titles
cited-dates = different dates
cited-titles = different titles
W504-cited-differently-help = citations: { $citations }
citation = { $file }:{ $line } «{ $title }»
citation-dated = { $file }:{ $line } «{ $title }» { $date }
citations-list = { $first }; { $rest }

## E505, E506: an evidence entry. $field is `evidence` or `decision`.
E505-no-title = { $field }: every entry needs a `title:`
E505-no-reference = { $field }: give the document's `file:`, its `url:` or at least its `number:`
E506-bad-url = { $field }: url `{ $url }` must start with http:// or https:// (use `file:` for a document of the site)

## E507–E510: evidence files.
E507-file-missing = evidence file { $file } does not exist (looked for { $path })
E507-file-missing-help = check the file name; paths are relative to the Markdown file
E507-static-missing = evidence file { $file } does not exist: a file starting with / is looked up in static/, and static/{ $path } is missing
E507-static-missing-help = put the document in static/ or beside the Markdown file and write its relative path
E508-not-a-site-path = evidence file { $file } is { $why }; expected a path inside the site folder
E508-not-a-site-path-help = copy the document into the site (beside the Markdown file) and write its relative path, e.g. `file: bc-120.pdf`; a web address goes under `url: https://…`
site-path-drive = a path on a computer's drive (C:\…)
site-path-network = a network path
site-path-url = a URL, not a file of the site
site-path-control = not a file name (it holds control characters)
E508-leaves-site = evidence file { $file } leaves the site folder; expected a path inside it
E508-hidden = evidence file { $file } is a hidden or temporary file ({ $path }); it is never published
E508-link-outside = evidence file { $file } is a link to a file outside the site folder; copy the document into the site
E509-internal-in-static = internal evidence file { $file } is in static/, which is published as it is
E509-internal-in-static-help = keep an internal document beside its Markdown file under content/
E510-copy-clash = evidence file { $file } would be copied to /{ $path }, where another file already goes; rename one of them
