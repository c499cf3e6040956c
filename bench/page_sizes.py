#!/usr/bin/env python3
"""What a visitor downloads: the largest files of a built site, and the HTML
pages over a limit (issue 20: no page over 500 KB at 10,000 criteria).

    python3 bench/page_sizes.py OUT [--limit-kb 500] [--top 15] [--markdown]

OUT is a built site (`kiemchung build --output OUT`). Sizes are bytes on
disk, uncompressed, as a server without gzip sends them. Exits 1 when an
HTML page other than the print view (`<year>/in/`, meant to be printed and
not linked as a page to read) is over the limit.
"""
import argparse
import os
import re
import sys

PRINT_VIEW = re.compile(r"^\d{4}/in/index\.html$")


def files(root):
    for d, _, names in os.walk(root):
        for n in names:
            p = os.path.join(d, n)
            yield os.path.relpath(p, root).replace(os.sep, "/"), os.path.getsize(p)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--limit-kb", type=int, default=500)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--markdown", action="store_true", help="a Markdown table")
    a = ap.parse_args()
    if not os.path.isdir(a.out):
        sys.exit(f"{a.out}: not a folder")
    all_files = sorted(files(a.out), key=lambda f: (-f[1], f[0]))
    limit = a.limit_kb * 1000
    html = [f for f in all_files if f[0].endswith(".html")]
    over = [f for f in html if f[1] > limit and not PRINT_VIEW.match(f[0])]
    if a.markdown:
        print("| file | size |\n|---|---:|")
        for p, s in all_files[: a.top]:
            print(f"| `/{p}` | {s / 1e6:.2f} MB |")
    else:
        for p, s in all_files[: a.top]:
            print(f"{s:>12,}  {p}")
    print(
        f"\n{len(html)} HTML pages, largest {html[0][1] / 1e3:,.0f} KB; "
        f"{len(over)} over {a.limit_kb} KB (the print view not counted)"
    )
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
