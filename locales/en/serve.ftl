### serve: the overlay shown over the page when a rebuild fails, and what
### the terminal says while previewing.

overlay-title = The build failed: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}
overlay-lead = Showing the last good build; save a fix and this page reloads.
overlay-warnings = { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
overlay-hide = Hide
overlay-more = … and { $count } more in the terminal.

## The terminal while previewing.
serve-serving = Serving { $url }
serve-all-interfaces = {"  "}listening on all interfaces: reviewers on the network use this machine's address, port { $port }
serve-watching = {"  "}watching site.toml, content/, static/ and themes/; Ctrl-C to stop
serve-watching-polling = {"  "}watching site.toml, content/, static/ and themes/ (polling); Ctrl-C to stop
serve-stopped = Stopped.
serve-built = { $clock } build { $build }{ $changed }: { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
} ({ $files } files) in { $ms } ms, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
serve-failed = { $clock } build { $build }{ $changed } failed in { $ms } ms: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}; { $keep }
serve-keeps-last-good = still serving the last good build
serve-nothing-good-yet = no good build to serve yet
serve-changed-nothing = {""}
serve-changed-one = {" "}({ $path })
serve-changed-more = {" "}({ $path } and { $more } more)
serve-path = { $path }
serve-rescan = rescan
serve-no-nodelay = cannot set TCP_NODELAY, responses may be slower: { $error }
serve-cannot-answer = cannot answer a request: { $error }
serve-watch-trouble = watching files: { $detail }
