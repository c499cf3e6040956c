### Front matter (E2xx): the block of fields between the two `---` lines
### at the top of a content file, and the form of its values.

## E201: the block itself.
E201-missing = expected front matter: the file must begin with a line `---`, then fields such as `title:`, then a line `---`
E201-unclosed = the front matter opened on line 1 is never closed; expected a line `---` after the fields
E201-empty = the front matter is empty; expected fields such as `title:`

## E202: not YAML. $detail is the YAML reader's own words, in English.
E202-yaml-syntax = the front matter is not valid YAML: { $detail }
E202-yaml-syntax-help = write one `field: value` per line; put text that holds `: `, ` #`, brackets or quotes in double quotes, and close every quote and bracket
E202-unreadable = the front matter cannot be read: { $detail }

## E203, E204: fields the kind of file does not have, or must have.
## $expected is the list of the fields it has.
E203-unknown-field = unknown field `{ $field }`, expected one of { $expected }
E204-missing-field = missing field `{ $field }`: every file of this kind must give `{ $field }:`

## E205: a value of the wrong shape.
E205-not-a-single-value = expected a single value here (a number, a date or a text), not a list or a mapping
E205-nothing = expected a text here, found nothing; write it after the colon
E205-not-a-list = expected a list here: each entry on its own line, starting with `- `
E205-not-fields = expected fields here (`title: …` lines), not a single value
E205-empty-title = title: expected the criterion's name, found nothing

E206-duplicate-field = the field `{ $field }` is given twice; keep one

## E207: the limits against alias bombs and deep nesting; $limit is one
## of the frontmatter-limit phrases.
E207-too-large = the front matter is too large or too deeply nested: { $limit }
E207-too-large-help = front matter holds a few fields and lists; write values out instead of repeating them with YAML anchors and aliases (`&name`, `*name`), and nest lists at most a few levels deep
frontmatter-limit-depth = values nested more than { $depth } levels deep
frontmatter-limit-aliases = more than { $count } YAML aliases or anchors
frontmatter-limit-values = more than { $count } values
frontmatter-limit-alias-bomb = YAML aliases that expand to more than { $count } values (an alias bomb)
frontmatter-limit-alias-depth = YAML aliases nested more than { $depth } levels deep
frontmatter-limit-documents = more than one YAML document (a line `...` or `---` inside the block)
frontmatter-limit-other = a limit of the YAML reader: { $detail }

## E208: dates. $problem is one of the date phrases, which `--today`
## uses too.
E208-bad-date = { $field }: { $problem }
date-expected = expected a date as YYYY-MM-DD (2023-04-26) or d/m/yyyy (26/4/2023), found `{ $found }`
date-no-month = `{ $found }`: there is no month { $month }; expected a date as YYYY-MM-DD (2023-04-26) or d/m/yyyy (26/4/2023)
date-no-day = `{ $found }`: there is no day { $day } in month { $month } of { $year }

## E209: yes/no, whole numbers and choices.
E209-not-true-false = { $field }: expected true or false, found `{ $found }`
E209-not-natural = { $field }: expected a whole number ≥ 0, found `{ $found }`
E209-not-whole = { $field }: expected a whole number, found `{ $found }`
E209-not-positive = { $field }: expected a whole number ≥ 1
E209-sort-by = sort_by: expected date, title or weight, found `{ $found }`

## E210: the body's internal blocks.
E210-unclosed-internal = an internal block (`::: noi-bo`) is opened here and never closed
E210-unclosed-internal-help = end it with a line holding only `:::`
