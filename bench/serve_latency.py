#!/usr/bin/env python3
"""Live preview latency: `kiemchung serve` against `hugo server`.

The latency of one edit is the time from writing a unique marker into a
page's Markdown body to that page, fetched over HTTP, containing the marker.
The script starts each server on the same corpus (made by
../shared/bench/gen_corpus.py), waits until it serves the page, then makes
--edits edits one after another (each waits for the previous one to show and
for the server to settle), polling the page's URL in a tight loop. It prints
the median, minimum and maximum per tool and corpus size, and can write all
samples to a JSON file.

Standard library only. Every corpus file that is edited is restored at the end.

Usage (from the repository root, after `cargo build --release`):

    python3 bench/serve_latency.py --sizes 1000,10000 --edits 20 \\
        --work /tmp/kc-serve-bench --json bench/out/serve_latency.json

Tools:
  kiemchung       target/release/kiemchung serve --root DIR --port P
  hugo            hugo server --source DIR --bind 127.0.0.1 --port P
                  (Hugo's defaults, as a user runs it: rendered to memory,
                  live reload, fast render mode on)
  hugo-full       the same with --disableFastRender (every edit re-renders
                  the whole site, like kiemchung's full rebuilds)
"""

import argparse
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GEN = REPO.parent / "shared" / "bench" / "gen_corpus.py"

# The rebuild times the servers print: kiemchung `build 2 (…): … in 412 ms`
# (build 1 is the first build), Hugo `Total in 412 ms` (its first build
# says `Built in`).
KIEMCHUNG_REBUILD = re.compile(r"build (?:[2-9]|\d\d+) .*? in (\d+) ms")
HUGO_REBUILD = re.compile(r"Total in (\d+(?:\.\d+)?) ?ms")

READY_TIMEOUT = 900.0  # a 10,000-page first build of a slow tool
EDIT_TIMEOUT = 120.0
POLL_EVERY = 0.002  # seconds between two fetches of the page
SETTLE = 0.5  # after an edit is served, before the next one


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def base_path(config_file, key):
    with open(config_file, "rb") as f:
        url = tomllib.load(f)[key]
    path = urlparse(url).path or "/"
    return path if path.endswith("/") else path + "/"


class Fetcher:
    """GET over one kept-alive connection, reconnecting when needed."""

    def __init__(self, port):
        self.port = port
        self.conn = None

    def get(self, path):
        for _ in range(2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                self.conn.request("GET", path, headers={"Cache-Control": "no-cache"})
                r = self.conn.getresponse()
                body = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    self.close()
                return r.status, body
            except (OSError, http.client.HTTPException):
                self.close()
        return None, b""

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def corpus(work, fmt, n):
    out = Path(work) / f"{fmt}-{n}"
    if not (out / "bench-manifest.json").exists():
        subprocess.run(
            [sys.executable, str(GEN), "--n", str(n), "--format", fmt, "--out", str(out)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return out


def page_of(site):
    """The page to edit: the middle one of the manifest."""
    manifest = json.loads((site / "bench-manifest.json").read_text(encoding="utf-8"))
    pages = manifest["pages"]
    return pages[len(pages) // 2]


def server_command(tool, site, port, kiemchung):
    if tool == "kiemchung":
        return [kiemchung, "serve", "--root", str(site), "--port", str(port)]
    cmd = ["hugo", "server", "--source", str(site), "--bind", "127.0.0.1", "--port", str(port)]
    if tool == "hugo-full":
        cmd.append("--disableFastRender")
    return cmd


def theme_file(tool, site):
    """The template a theme edit rewrites, and the text it starts from.

    kiemchung: an override of the node page template in the site's own theme
    folder (themes/default/templates/node.html, which serve watches), made
    from the built-in template. Hugo: the corpus's own single-page layout."""
    if tool == "kiemchung":
        dest = site / "themes" / "default" / "templates" / "node.html"
        base = (REPO / "themes" / "default" / "templates" / "node.html").read_text(encoding="utf-8")
        anchor = "{% block content %}\n"
    else:
        dest = site / "layouts" / "_default" / "single.html"
        base = dest.read_text(encoding="utf-8")
        anchor = '{{ define "main" }}\n'
    if anchor not in base:
        raise RuntimeError(f"{dest}: no {anchor!r} to put the marker after")
    return dest, base, anchor


def run_tool(tool, site, edits, kiemchung, log_dir, kind="page"):
    if tool == "kiemchung":
        prefix = base_path(site / "site.toml", "base_url")
    else:
        prefix = base_path(site / "config.toml", "baseURL")
    page = page_of(site)
    url = prefix + page["out"].removesuffix("index.html")
    if kind == "theme":
        src, template, anchor = theme_file(tool, site)
    else:
        src = site / page["src"]
    existed = src.exists()
    # Folders a theme edit creates, removed again afterwards.
    made = [d for d in reversed(src.relative_to(site).parents) if not (site / d).exists()]
    original = src.read_bytes() if existed else None
    port = free_port()
    log = open(Path(log_dir) / f"{tool}-{site.name}.log", "wb")
    started = time.perf_counter()
    proc = subprocess.Popen(
        server_command(tool, site, port, kiemchung),
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    fetch = Fetcher(port)
    samples = []
    try:
        while True:
            status, body = fetch.get(url)
            if status == 200 and body:
                break
            if proc.poll() is not None:
                raise RuntimeError(f"{tool} exited with {proc.returncode}; see {log.name}")
            if time.perf_counter() - started > READY_TIMEOUT:
                raise RuntimeError(f"{tool} not ready after {READY_TIMEOUT} s")
            time.sleep(0.05)
        ready = time.perf_counter() - started
        time.sleep(SETTLE)
        for i in range(edits):
            marker = f"kcbench{os.getpid()}x{i}x{time.time_ns()}"
            if kind == "theme":
                text = template.replace(anchor, f"{anchor}<p hidden>{marker}</p>\n", 1).encode()
                src.parent.mkdir(parents=True, exist_ok=True)
            else:
                text = original + f"\n\nDấu đo {marker}.\n".encode()
            t0 = time.perf_counter()
            with open(src, "wb") as f:
                f.write(text)
            needle = marker.encode()
            while True:
                _, body = fetch.get(url)
                if needle in body:
                    break
                if time.perf_counter() - t0 > EDIT_TIMEOUT:
                    raise RuntimeError(f"{tool}: edit {i} not served after {EDIT_TIMEOUT} s")
                time.sleep(POLL_EVERY)
            samples.append((time.perf_counter() - t0) * 1000)
            time.sleep(SETTLE)
    finally:
        fetch.close()
        if existed:
            src.write_bytes(original)
        else:
            src.unlink(missing_ok=True)
            for d in reversed(made):
                if str(d) != ".":
                    (site / d).rmdir()
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
    # What the server itself reports per rebuild (the first build excluded).
    pattern = KIEMCHUNG_REBUILD if tool == "kiemchung" else HUGO_REBUILD
    text = (Path(log_dir) / f"{tool}-{site.name}.log").read_text(encoding="utf-8", errors="replace")
    reported = [float(m) for m in pattern.findall(text)]
    return {
        "ready_s": ready,
        "samples_ms": samples,
        "server_rebuild_ms": reported,
        "url": url,
        "src": page["src"],
    }


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram": mem, "os": platform.platform()}


def version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "not found"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--tools", default="kiemchung,hugo,hugo-full")
    ap.add_argument("--work", default="/tmp/kc-serve-bench", help="where corpora are generated")
    ap.add_argument("--kiemchung", default=str(REPO / "target" / "release" / "kiemchung"))
    ap.add_argument("--json", help="write every sample here")
    ap.add_argument(
        "--edits-of",
        default="page",
        help="what is edited, comma-separated: page (a criterion's Markdown body) and/or "
        "theme (the template of every criterion page)",
    )
    args = ap.parse_args()

    tools = [t for t in args.tools.split(",") if t]
    if any(t.startswith("hugo") for t in tools) and shutil.which("hugo") is None:
        sys.exit("hugo not found (apt-get install -y hugo)")
    if "kiemchung" in tools and not os.access(args.kiemchung, os.X_OK):
        sys.exit(f"{args.kiemchung} not found: run cargo build --release (or give --kiemchung)")
    Path(args.work).mkdir(parents=True, exist_ok=True)
    commit = version(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"])
    info = {
        "machine": machine(),
        "loadavg_before": os.getloadavg(),
        "hugo": version(["hugo", "version"]),
        "kiemchung": version([args.kiemchung, "--version"]) + f" ({commit})",
        "edits": args.edits,
        "results": [],
    }
    print(f"# {info['machine']}\n# hugo: {info['hugo']}\n# kiemchung: {info['kiemchung']}", flush=True)
    kinds = [k for k in args.edits_of.split(",") if k]
    for n, kind, tool in [
        (int(n), k, t) for n in args.sizes.split(",") for k in kinds for t in tools
    ]:
        fmt = "kiemchung" if tool == "kiemchung" else "hugo"
        site = corpus(args.work, fmt, n)
        r = run_tool(tool, site, args.edits, args.kiemchung, args.work, kind)
        s = r["samples_ms"]
        row = {
            "edit": kind,
            "tool": tool,
            "pages": n,
            "median_ms": statistics.median(s),
            "min_ms": min(s),
            "max_ms": max(s),
            "ready_s": r["ready_s"],
            **r,
        }
        info["results"].append(row)
        rb = r["server_rebuild_ms"]
        row["server_rebuild_median_ms"] = statistics.median(rb) if rb else None
        print(
            f"{kind:5} {tool:10} {n:6} pages: median {row['median_ms']:8.1f} ms, "
            f"min {row['min_ms']:8.1f}, max {row['max_ms']:8.1f} "
            f"(first page served after {r['ready_s']:.1f} s; "
            f"rebuilds the server reported: {len(rb)}, median {row['server_rebuild_median_ms']} ms)",
            flush=True,
        )
    info["loadavg_after"] = os.getloadavg()

    print(
        "\n| pages | edit | tool | median (ms) | min (ms) | max (ms) "
        "| rebuild as reported by the server, median (ms) | first page served (s) |"
    )
    print("|---:|---|---|---:|---:|---:|---:|---:|")
    for r in info["results"]:
        rb = r["server_rebuild_median_ms"]
        print(
            f"| {r['pages']:,} | {r['edit']} | {r['tool']} | {r['median_ms']:.0f} | {r['min_ms']:.0f} "
            f"| {r['max_ms']:.0f} | {'—' if rb is None else f'{rb:.0f}'} | {r['ready_s']:.1f} |"
        )
    by = {(r["edit"], r["tool"], r["pages"]): r["median_ms"] for r in info["results"]}
    for n in sorted({r["pages"] for r in info["results"]}):
        for kind in kinds:
            k = by.get((kind, "kiemchung", n))
            for h in ("hugo", "hugo-full"):
                if k and by.get((kind, h, n)):
                    print(
                        f"{n:,} pages, {kind} edit: median latency kiemchung / {h} = "
                        f"{k / by[(kind, h, n)]:.2f}"
                    )
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(info, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
