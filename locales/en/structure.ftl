### The criteria tree and paths (E3xx): ids, parents, folders, URLs.

## Why a text is not an id: put into E301-bad-id, and into the messages
## of `kiemchung new`.
id-nothing = expected a dotted number such as 1, 1.2 or 1.2.3, found nothing
id-expected = expected a dotted number such as 1, 1.2 or 1.2.3, found `{ $found }`
id-leading-zero = `{ $found }`: write each part without a leading zero (1.2, not 1.02)
id-too-large = `{ $found }`: the number { $part } is too large

E301-bad-id = id: { $problem }
E302-duplicate-id = id { $id } is already used by { $other } (line { $line }); ids are unique in a year
E303-no-parent = node { $id } has no parent: no file of { $year } gives id { $parent }
E303-no-parent-help = create a file with `id: "{ $parent }"` (kiemchung new criterion { $year } { $parent } --title "…")

## E304: a folder of content/ without its _index.md.
E304-year-without-index = content/{ $year }/ holds criteria ({ $first }, …) but no _index.md for the assessment
E304-year-without-index-help = create content/{ $year }/_index.md with `title:` (kiemchung new year { $year })
E304-section-without-index = content/{ $section }/ holds pages but no _index.md
E304-section-without-index-help = create content/{ $section }/_index.md with at least `title:`

## E305: two things at one URL. $other is a file or one of the
## url-owner phrases.
E305-reserved-section = the section name `{ $section }` is taken by the site itself ({ $reserved }); rename the folder
E305-page-url-taken = this page has the same URL /{ $url } as { $other }
E305-section-url-taken = this section has the same URL /{ $url }/ as { $other }; rename its folder
E305-rename-one-help = rename one file or give it a different `slug:`
E305-rename-help = rename the file or give it a different `slug:`
url-owner-site = the site's own pages
url-owner-assessment = the assessment { $file }
url-owner-section = the section { $file }

E306-empty-slug = slug: expected letters or digits for the page's URL

E307-page-in-subfolder = a page of the section `{ $section }` must sit beside content/{ $section }/_index.md, not in a subfolder
E307-not-under-content = not under content/
