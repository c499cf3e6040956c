#!/usr/bin/env python3
"""Helpers of bench/run.sh (standard library only).

  summarize.py check SITE OUT NAME   every page of SITE/bench-manifest.json is in OUT
  summarize.py report OUTDIR         tables and target ratios from OUTDIR (markdown)
"""

import json
import re
import statistics
import sys
from pathlib import Path


def check(site, out, name):
    manifest = json.loads((Path(site) / "bench-manifest.json").read_text(encoding="utf-8"))
    missing = [p["out"] for p in manifest["pages"] if not (Path(out) / p["out"]).is_file()]
    total = len(manifest["pages"])
    if missing:
        sys.exit(f"{name}: {len(missing)} of {total} pages missing in {out}, e.g. {missing[:3]}")
    print(f"{name}: all {total} pages of the manifest written in {out}")


def builds(outdir):
    """(where, pages, tool) -> {wall, cpu, mem_mib, runs}"""
    rows = {}
    for f in sorted(Path(outdir).glob("build-*.json")):
        m = re.fullmatch(r"build-(\w+)-(\d+)\.json", f.name)
        if not m:
            continue
        where, n = m[1], int(m[2])
        for r in json.loads(f.read_text())["results"]:
            tool = r["command"]
            memfile = Path(outdir) / f"mem-{where}-{n}" / tool
            kib = [int(x) for x in memfile.read_text().split()] if memfile.exists() else []
            kib = kib[1:]  # the warm-up
            rows[(where, n, tool)] = {
                "wall": r["median"],
                # hyperfine gives the mean user and system time of the runs.
                "cpu": r["user"] + r["system"],
                "mem": statistics.median(kib) / 1024 if kib else float("nan"),
                "runs": len(r["times"]),
            }
    return rows


def report(outdir):
    out = []
    machine = Path(outdir) / "machine.txt"
    if machine.exists():
        out += ["```", machine.read_text().strip(), "```", ""]
    rows = builds(outdir)
    for where in ("shm", "disk"):
        sizes = sorted({n for (w, n, _) in rows if w == where})
        if not sizes:
            continue
        label = "/dev/shm (the tools' own work)" if where == "shm" else "disk (what a user sees)"
        out += [f"### Full build on {label}", ""]
        out += [
            "| pages | tool | median wall (s) | CPU user+sys (s) | peak memory (MiB) | runs |",
            "|---:|---|---:|---:|---:|---:|",
        ]
        for n in sizes:
            for tool in ("kiemchung", "hugo", "floor"):
                r = rows.get((where, n, tool))
                if r:
                    out.append(
                        f"| {n:,} | {tool} | {r['wall']:.3f} | {r['cpu']:.2f} | {r['mem']:.0f} | {r['runs']} |"
                    )
        out += ["", "| pages | kiemchung / hugo, wall | kiemchung / hugo, memory | kiemchung / floor, wall |",
                "|---:|---:|---:|---:|"]
        for n in sizes:
            k, h, f = (rows.get((where, n, t)) for t in ("kiemchung", "hugo", "floor"))
            if k and h and f:
                out.append(
                    f"| {n:,} | {k['wall'] / h['wall']:.3f} (1/{h['wall'] / k['wall']:.1f}) "
                    f"| {k['mem'] / h['mem']:.3f} (1/{h['mem'] / k['mem']:.1f}) "
                    f"| {k['wall'] / f['wall']:.2f} |"
                )
        if 1000 in sizes and 10000 in sizes:
            out += [""]
            for tool in ("kiemchung", "hugo", "floor"):
                a, b = rows.get((where, 1000, tool)), rows.get((where, 10000, tool))
                if a and b:
                    out.append(f"- growth 1,000 → 10,000 pages, {tool}: wall ×{b['wall'] / a['wall']:.1f}, "
                               f"memory ×{b['mem'] / a['mem']:.1f}")
        out.append("")
    serve = Path(outdir) / "serve.json"
    if serve.exists():
        s = json.loads(serve.read_text())
        out += ["### Serve: from a file write to the new text served", "",
                "| pages | edit | tool | median (ms) | min (ms) | max (ms) | kiemchung full build on /dev/shm (ms) | edit / full build |",
                "|---:|---|---|---:|---:|---:|---:|---:|"]
        for r in s["results"]:
            b = rows.get(("shm", r["pages"], "kiemchung"))
            full = f"{b['wall'] * 1000:.0f}" if b and r["tool"] == "kiemchung" else "—"
            ratio = f"{r['median_ms'] / (b['wall'] * 1000):.3f}" if b and r["tool"] == "kiemchung" else "—"
            out.append(f"| {r['pages']:,} | {r.get('edit', 'page')} | {r['tool']} | {r['median_ms']:.0f} "
                       f"| {r['min_ms']:.0f} | {r['max_ms']:.0f} | {full} | {ratio} |")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "check":
        check(*sys.argv[2:])
    elif len(sys.argv) == 3 and sys.argv[1] == "report":
        print(report(sys.argv[2]))
    else:
        sys.exit(__doc__)
