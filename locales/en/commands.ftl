### commands: the commands and the output folder (E8xx, W8xx).

## E801: a file or folder could not be read or written; `error` is what
## the system said.
E801-read = cannot read { $path }: { $error }
E801-write = cannot write { $path }: { $error }
E801-create = cannot create { $path }: { $error }
E801-create-folder = cannot create folder { $path }: { $error }
E801-sync-folder = cannot sync folder { $path }: { $error }
E801-replace = cannot replace { $path }: { $error }
E801-copy = cannot copy { $path }: { $error }
E801-remove = cannot remove { $path }: { $error }
E801-move-aside = cannot move aside { $path }: { $error }
E801-restore = cannot restore { $path }: { $error }
E801-open-lock = cannot open the lock file { $path }: { $error }
E801-lock = cannot lock { $path }: { $error }
E801-write-lock = cannot write the lock file { $path }: { $error }
E801-stopped = stopped after an earlier file could not be written

## E802: the disk is full; what is known of the space.
E802-disk-full = the disk is full: { $error }
E802-disk-full-file = { $error }: the disk is full
E802-disk-full-help = free some space on that disk, or build into a folder on another disk with --output
note-site-needs = the new site needs { $size } in all
note-had-written = the build had written { $size } when the disk was full, and needed more
note-free-at-start = { $size } was free on that disk when the build started
note-previous-kept = the previous site, which was kept, takes { $size }
size-bytes = { $n } B
size-kb = { $n } kB
size-mb = { $n } MB
size-gb = { $n } GB

## E803: one build at a time writes an output folder.
E803-busy = { $who } is writing { $folder } now
E803-busy-help = run again when it has finished, or without --no-wait to wait for it
another-build = another build
another-build-pid = another build (pid { $pid })
folder-named = { $folder }
the-output-folder = the output folder

## E804: the output folder is never one of the site's or the user's.
E804-site-folder = { $folder } is the site folder, which holds site.toml: a build replaces its output folder whole, and would delete the site
E804-holds-site = { $folder } is a folder that holds the site folder: a build replaces its output folder whole, and would delete the site
E804-sources = { $folder } is the site's { $sources }/ folder: a build replaces its output folder whole, and would delete the site's own files
E804-inside-sources = { $folder } is inside the site's { $sources }/ folder: a build replaces its output folder whole, and would delete the site's own files
E804-home = { $folder } is your home folder: a build replaces its output folder whole, and would delete what it holds
E804-holds-home = { $folder } is a folder that holds your home folder: a build replaces its output folder whole, and would delete what it holds
E804-current = { $folder } is the current folder, or holds it: a build replaces its output folder whole, and would delete what it holds
E804-dossier-inside = { $folder } is inside the site's { $sources }/ folder, which the documents may not be written into
help-choose-own-folder = choose an output folder of its own, such as the default public/ in the site folder; nothing was changed

## E805: the output folder is a folder, not a link or a file.
E805-symlink = { $folder } is a symbolic link (to { $target }); a build replaces its output folder whole and does not follow links
E805-file = { $folder } is a file, not a folder
E805-no-longer-folder = { $folder } is no longer a folder
help-give-folder-itself = give the folder itself with --output; nothing was changed
help-choose-a-folder = choose a folder with --output; nothing was changed
help-choose-another-folder = choose another folder with --output; nothing was changed

## E806: a folder kiemchung did not write is not replaced without --force.
E806-unreadable = cannot read { $folder }: { $error }
E806-not-empty = { $folder } is not empty and was not written by kiemchung ({ $names }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
}): a build replaces its output folder whole, and would delete them
E806-earlier-help = it looks like the output of an earlier kiemchung, which did not mark its folders: remove it, or build once with --force, which replaces it; nothing was changed
E806-not-empty-help = choose another folder, or empty this one (--force replaces it anyway, deleting these files); nothing was changed

## E807: an output file could not be made; `detail` says why.
E807-output = cannot make { $path }: { $detail }
output-xlsx = writing the Excel workbook: { $detail }
output-docx = cannot write the document: { $detail }
output-package = cannot write the package: { $detail }
output-package-read = cannot read { $path }: { $error }
output-index = cannot make the index workbook: { $detail }
output-no-year = there is no public assessment for { $year }
output-year-range = year { $year } out of range
output-written-not-kept = this page was written to disk and is not kept in memory

## E808: the year asked for is one of the site's.
E808-no-year = no assessment for { $year }; the site has: { $years }
E808-no-year-none = no assessment for { $year }; the site has: none
E808-no-assessment = no assessment; the site has: none
E808-no-public-year = there is no public assessment for { $year }; the site has: { $years }
E808-no-public-year-none = there is no public assessment for { $year }; the site has: none

## E809 to E812: serve.
E809-no-site = there is no site to serve
E810-bind = cannot listen on { $addr }: { $error }
E810-bind-in-use-help = another program (perhaps another `kiemchung serve`) is using port { $port }; choose another with --port, e.g. --port { $next }, or --port 0 for any free port
E810-bind-help = choose another address with --bind or another port with --port (ports below 1024 need privileges; --port 0 picks a free one)
E811-watch = cannot watch { $root } for changes: { $detail }
E812-server = cannot start the server: { $detail }
E812-ctrl-c = cannot start the server: cannot handle Ctrl-C: { $detail }

## E813, W814: dossier.
E813-nothing-to-draft = { $year } has no criteria yet: there is nothing to draft
W814-package-large = the evidence package holds { $size } of files, more than { $max } MB ([documents] max_package_mb)
W814-package-large-help = a scanned document can often be saved smaller (lower resolution, grey levels)
note-file-size = { $name }: { $size }

## E815: a copied file never replaces a generated one.
E815-replaces-generated = this file would replace the generated /{ $path }; rename or remove it

## W816: the previous site could not be removed after the swap.
W816-old-site-left = { $error }; the new site is in place, and the next build removes what is left

## E817: SOURCE_DATE_EPOCH is a number of seconds.
E817-source-date-epoch = SOURCE_DATE_EPOCH: `{ $value }` is not a number of seconds since 1970

## E818: a bug of kiemchung, caught by serve.
E818-internal = internal error while building (please report it): { $detail }

## E820 to E823: new.
E820-bad-id = id: { $detail }
E820-no-title = --title: give the criterion's name
E820-bad-max = --max: { $detail }
E821-not-a-year = { $year } is not a four-digit year
E822-no-year = there is no assessment for { $year }: create it first with `kiemchung new year { $year }`
E822-no-parent = { $id } needs its parent { $parent }, which no file of { $year } gives: create it first with `kiemchung new criterion { $year } { $parent } --title "…"`
E822-no-from-year = --from { $from }: there is no content/{ $from }/_index.md
E822-from-has-errors = --from { $from }: fix these files first (run kiemchung check): { $files }
E823-id-exists = id { $id } already exists in { $file }; nothing was written
E823-file-exists = { $path } already exists; nothing was written
E823-appeared-meanwhile = { $path } appeared meanwhile; nothing was written
