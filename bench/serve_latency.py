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


def run_tool(tool, site, edits, kiemchung, log_dir):
    if tool == "kiemchung":
        prefix = base_path(site / "site.toml", "base_url")
    else:
        prefix = base_path(site / "config.toml", "baseURL")
    page = page_of(site)
    src = site / page["src"]
    url = prefix + page["out"].removesuffix("index.html")
    original = src.read_bytes()
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
        src.write_bytes(original)
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
    for n in [int(s) for s in args.sizes.split(",")]:
        for tool in tools:
            fmt = "kiemchung" if tool == "kiemchung" else "hugo"
            site = corpus(args.work, fmt, n)
            r = run_tool(tool, site, args.edits, args.kiemchung, args.work)
            s = r["samples_ms"]
            row = {
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
                f"{tool:10} {n:6} pages: median {row['median_ms']:8.1f} ms, "
                f"min {row['min_ms']:8.1f}, max {row['max_ms']:8.1f} "
                f"(first page served after {r['ready_s']:.1f} s; "
                f"rebuilds the server reported: {len(rb)}, median {row['server_rebuild_median_ms']} ms)",
                flush=True,
            )
    info["loadavg_after"] = os.getloadavg()

    print(
        "\n| pages | tool | median (ms) | min (ms) | max (ms) "
        "| rebuild as reported by the server, median (ms) | first page served (s) |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|")
    for r in info["results"]:
        rb = r["server_rebuild_median_ms"]
        print(
            f"| {r['pages']:,} | {r['tool']} | {r['median_ms']:.0f} | {r['min_ms']:.0f} "
            f"| {r['max_ms']:.0f} | {'—' if rb is None else f'{rb:.0f}'} | {r['ready_s']:.1f} |"
        )
    by = {(r["tool"], r["pages"]): r["median_ms"] for r in info["results"]}
    for n in sorted({r["pages"] for r in info["results"]}):
        k = by.get(("kiemchung", n))
        for h in ("hugo", "hugo-full"):
            if k and by.get((h, n)):
                print(f"{n:,} pages: median latency kiemchung / {h} = {k / by[(h, n)]:.2f}")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(info, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
