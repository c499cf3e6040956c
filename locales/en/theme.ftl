### theme

## The page serve shows in place of one that could not be made.
error-page-title = Template error

## Templates of the theme (E7xx): for the web team.
E701-template = template error: { $detail }{ $within }
E702-template-undefined = template error: { $detail }{ $within } (a variable or attribute that does not exist; templates are strict)
template-within = {" "}(in { $places })
