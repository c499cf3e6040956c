### terminal

## How a diagnostic is labelled in the terminal: `error[E401]: …`.
label-error = error
label-warning = warning
label-help = help
label-note = note

## kiemchung explain
explain-list = The error (E) and warning (W) codes:
explain-list-more = To read one code's explanation: kiemchung explain CODE (for example: kiemchung explain W501).
explain-unknown = there is no code `{ $code }`

## What the commands say when they are done, or could not be.
site-has-errors = the site has { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}
table-cell = { $cell }: { $message }
build-done = Built { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
} ({ $files } files) from { $inputs } Markdown files into { $folder } in { $seconds } s: { $years ->
    [one] { $years } year
   *[other] { $years } years
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
build-failed = could not build: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}; { $left }
build-waiting = Waiting for another build writing into { $folder }…
build-waiting-pid = Waiting for another build (pid { $pid }) writing into { $folder }…
left-as-it-was = { $folder } was left as it was
left-nothing-written = nothing was written to { $folder }
left-not-replaced = { $folder } was not replaced by this build
check-ok = check ok: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
check-failed = check failed: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
report-site-has-errors = the site has { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
} ({ $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}); fix them first (kiemchung check)
dossier-done = Drafted { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
} for { $year } from the public site
created = created { $path }
wrote = wrote { $path }
unchanged = unchanged { $path }
note-schema = the new files name their JSON Schema ({ $path }) on their first line, for editors; write it with `kiemchung schema`
note-written-before = { $files ->
    [one] the { $files } file listed above was written whole before it; nothing else was changed
   *[other] the { $files } files listed above were written whole before it; nothing else was changed
}
