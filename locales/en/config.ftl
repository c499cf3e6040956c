### config: site.toml (E1xx).

## E101: base_url is an absolute http(s) address; also --base-url, and
## the preview's origin.
E101-base-url = base_url: { $detail }
E101-base-url-option = --base-url: { $detail }
E101-base-url-origin = origin: { $detail }
base-url-no-scheme = `{ $url }` does not start with http:// or https://; expected an absolute URL such as https://example.gov.vn/cchc/
base-url-no-host = `{ $url }` has no host; expected an absolute URL such as https://example.gov.vn/cchc/
base-url-bad-path = `{ $url }`: the path may not hold a query, a fragment or spaces; expected an absolute URL such as https://example.gov.vn/cchc/

## E102: site.toml is TOML; the detail is the TOML reader's.
E102-syntax = { $detail }

## E103: every key is one site.toml knows.
E103-unknown-key = unknown field `{ $name }`, expected { $count ->
    [one] { $expected }
   *[other] one of { $expected }
}

## E104: the required keys are there.
E104-missing-key = missing field `{ $name }`; expected a line such as `{ $example }`

## E105, E106: the theme and the time zone name what exists.
E105-theme = theme: `{ $name }` is not a folder name under themes/
E106-timezone = timezone: `{ $name }` is not a time zone name
E106-timezone-help = write an IANA name such as `timezone = "{ $example }"`

## E107, E108: unit ids are slugs, each declared once.
E107-unit-id = unit id `{ $id }` must be lowercase ASCII letters, digits and hyphens
E108-unit-twice = unit id `{ $id }` is declared twice
help-try = try `{ $name }`

## E109: [documents] publish names the documents kiemchung makes.
E109-publish = documents.publish: `{ $name }` is not one of report, notice, package
