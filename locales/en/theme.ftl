### theme

## The page serve shows in place of one that could not be made.
error-page-title = Template error

## Templates of the theme (E7xx): for the web team.
E701-template = template error: { $detail }{ $within }
E702-template-undefined = template error: { $detail }{ $within } (a variable or attribute that does not exist; templates are strict)
template-within = {" "}(in { $places })

## E703: the theme site.toml names is a folder of themes/.
E703-no-theme = theme `{ $theme }`: there is no folder themes/{ $theme }/
E703-no-theme-help = remove `theme` to use the built-in default theme
