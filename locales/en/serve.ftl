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
