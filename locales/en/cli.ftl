### cli
### The command line's help: `kiemchung --help`, `kiemchung build --help`…
### cli-<command> describes a command, cli-<command>-<option> one of its
### options, cli-arg-<option> an option several commands share.

cli-about = Builds the CCHC (PAR index) evidence site: scores, evidence, gaps.
cli-arg-help = Print this help
cli-arg-version = Print the version
cli-arg-lang = The language of messages: vi (Vietnamese) or en (English); by default KIEMCHUNG_LANG, then site.toml's `language`
cli-arg-root = The site folder (with site.toml)
cli-arg-today = The date task states are computed against (YYYY-MM-DD or d/m/yyyy); by default SOURCE_DATE_EPOCH, else today in the site's time zone

cli-build = Build the site into the output folder (public/ by default)
cli-build-output = Where to write the site; relative to the current folder
cli-build-base_url = Replace site.toml's base_url, e.g. for a staging server
cli-build-review = Build the reviewers' preview (warnings, source files, drafts and what is internal, marked) instead of the public site; written to review/ unless --output says otherwise
cli-build-force = Replace an output folder that kiemchung did not write, deleting what it holds (never the site's own folders or the home folder)
cli-build-no_wait = Fail at once, instead of waiting, when another build is writing the same output folder

cli-check = Read and check everything, write nothing
cli-check-strict = Fail on warnings too
cli-check-format = How to print the result: text (for people) or json (for tools)

cli-report = Print the gap report of a year: points lost, items without evidence, appraisal changes, units and tasks
cli-report-year = The year; the latest scored year by default
cli-report-format = How to print the report: text, json or csv

cli-serve = Preview the site for reviewers (or, with --public, as published): build in memory, serve it, rebuild on every change and reload open pages
cli-serve-bind = The address to listen on; 0.0.0.0 lets others on the network see it
cli-serve-port = The port; 0 picks a free one (printed in the URL)
cli-serve-poll = Poll for changes instead of file system events (WSL2 /mnt, Docker mounts, network drives)
cli-serve-public = Preview exactly what `build` publishes, instead of the reviewers' site

cli-dossier = Draft a year's documents: the self-assessment report and the results notice (.docx), and the evidence package (.zip)
cli-dossier-year = The year
cli-dossier-output = The folder to write them into; ho-so/ in the site folder by default
cli-dossier-today = The date the documents are drafted on (YYYY-MM-DD or d/m/yyyy); by default SOURCE_DATE_EPOCH, else today in the site's time zone

cli-new = Start a criterion or a year from a correct file
cli-new-criterion = content/<year>/…/<id>.md, beside its parent's file
cli-new-criterion-year = The year
cli-new-criterion-id = The criterion's id, e.g. 1.2.3
cli-new-criterion-title = The criterion's title
cli-new-criterion-max = Its maximum (điểm tối đa); 0 when not given
cli-new-criterion-unit = The responsible unit's id from site.toml
cli-new-year = content/<year>/_index.md, optionally with the tree of another year
cli-new-year-year = The year
cli-new-year-from = Copy this year's tree, with scores and evidence emptied

cli-import = Start a year (or update its titles and maxima) from the official criteria table: .xlsx, .xls, .ods or .csv
cli-import-year = The year to write (content/<year>/)
cli-import-file = The table (Bộ chỉ số): .xlsx, .xls, .ods or .csv
cli-import-sheet = The sheet to read; by default the first one with the table's header
cli-import-dry_run = Say what would be added, changed and removed, and write nothing
cli-value-file = FILE
cli-value-sheet = SHEET

cli-schema = Write the JSON Schemas of the front matter and site.toml, which editors use to check files as they are typed
cli-schema-output = Where to write them; schemas/ in the site folder by default, where the files `new` and `import` write point

cli-explain = Explain an error or warning code: the rule, why it exists, and an example of the fix; without a code, list every code
cli-explain-code = The code to explain, e.g. W501

cli-help = Print the help of the program or of a command
cli-help-command = The command whose help to print, e.g. build

## Placeholders in the usage line.
cli-value-root = DIR
cli-value-output = DIR
cli-value-base_url = URL
cli-value-today = DATE
cli-value-year = YEAR
cli-value-from = YEAR
cli-value-bind = ADDR
cli-value-port = PORT
cli-value-code = CODE
cli-value-command = COMMAND
cli-value-id = ID
cli-value-title = TITLE
cli-value-max = SCORE
cli-value-unit = UNIT
cli-value-lang = LANG
cli-value-format = FORMAT

## The words clap writes in the help.
cli-word-usage = Usage:
cli-word-commands = Commands:
cli-word-arguments = Arguments:
cli-word-options = Options:
cli-word-options-placeholder = [OPTIONS]
cli-word-command-placeholder = <COMMAND>
cli-word-default = [default: {""}
cli-word-possible = [possible values: {""}

## Usage errors (exit code 2).
cli-error-unknown-argument = unexpected argument `{ $arg }`
cli-error-unknown-command = there is no command `{ $command }`
cli-error-invalid-value = `{ $value }` is not a value of { $arg }; possible values: { $valid }
cli-error-bad-value = invalid value `{ $value }` for { $arg }: { $why }
cli-error-missing = missing { $args }
cli-error-missing-command = missing the command (build, check, serve…)
cli-error-conflict = { $arg } cannot be used with an option already given
cli-error-unexpected = unexpected value `{ $value }`
cli-more = For more information: kiemchung --help (or kiemchung <command> --help)
cli-bad-bind = `{ $value }` is not an IP address (e.g. 127.0.0.1, 0.0.0.0, ::1)
