#!/usr/bin/env bash
# Serve under load: wrk with 64 concurrent connections for 30 s against
# `kiemchung serve` on a copy of the repository's own site, while a loop
# edits a Markdown file continuously (each edit triggers a rebuild that
# swaps the served site). Fails when wrk saw any non-2xx/3xx response or
# socket error, or when serve did not survive.
#
#   bench/serve_load.sh [SECONDS] [CONNECTIONS]      defaults: 30 64
#
# Needs: cargo build --release; apt-get install -y wrk. Everything runs on
# 127.0.0.1 and stops by itself. Figures go into BENCHMARKS.md, "Serve
# under load".
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
conns=${2:-64}
kc=${KIEMCHUNG:-${CARGO_TARGET_DIR:-target}/release/kiemchung}
work=$(mktemp -d /tmp/kc-serve-load.XXXXXX)
trap 'kill "$serve_pid" "$edit_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/site"
cp -r site.toml content "$work/site/"
[ -d static ] && cp -r static "$work/site/"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$kc" serve --root "$work/site" --port "$port" --today 2026-01-01 >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 100); do
    grep -q '^Serving ' "$work/serve.log" 2>/dev/null && break
    sleep 0.1
done
base=$(sed -n 's/^Serving http:\/\/[^/]*//p' "$work/serve.log" | head -1)
echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $($kc --version); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "# serving http://127.0.0.1:$port$base, $(grep -c . <(find "$work/site/content" -name '*.md')) Markdown files"

# Pages of several kinds, requested in turn by each connection: home,
# the year, the edited criterion's page, the sitemap, the style sheet and
# the year's JSON data.
node=$(find "$work/site/content" -path '*/20*/*' -name '*.md' ! -name '_index.md' | sort | head -1)
year=$(echo "$node" | sed -n 's|.*/content/\(20[0-9][0-9]\)/.*|\1|p')
slug=$(sed -n 's/^id: *"\{0,1\}\([0-9.]*\)"\{0,1\} *$/\1/p' "$node" | head -1 | tr . -)
cat >"$work/paths.lua" <<LUA
local paths = { "${base}", "${base}${year}/", "${base}${year}/${slug}/", "${base}sitemap.xml",
                "${base}style.css", "${base}data/${year}.json" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA
for p in "$base" "$base$year/" "$base$year/$slug/" "${base}sitemap.xml" "${base}style.css" "${base}data/$year.json"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$p")
    echo "# GET $p: $code"
    [ "$code" = 200 ] || { echo "not a page: $p"; exit 1; }
done

# Continuous edits: the body of one criterion file, every 100 ms.
(
    n=0
    end=$((SECONDS + secs))
    while [ $SECONDS -lt $end ]; do
        n=$((n + 1))
        sed -i "\$s/.*/Lần sửa $n./" "$node"
        sleep 0.1
    done
    echo "$n" >"$work/edits"
) &
edit_pid=$!

wrk -t 2 -c "$conns" -d "${secs}s" --latency -s "$work/paths.lua" "http://127.0.0.1:$port" | tee "$work/wrk.out"
wait "$edit_pid" || true
edits=$(cat "$work/edits" 2>/dev/null || echo 0)
builds=$(grep -c ' build [0-9]*' "$work/serve.log" || true)
failed=$(grep -c 'failed in' "$work/serve.log" || true)
alive=yes
kill -0 "$serve_pid" 2>/dev/null || alive=no
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$base" || echo 000)
non2xx=$(sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$work/wrk.out")
sockerr=$(sed -n 's/.*Socket errors: *\(.*\)/\1/p' "$work/wrk.out")
echo "# edits: $edits, builds: $builds ($failed failed), serve alive: $alive, GET $base after the run: $status"
echo "# non-2xx/3xx responses: ${non2xx:-0}, socket errors: ${sockerr:-none}"
ok=yes
[ "$alive" = yes ] && [ "$status" = 200 ] || ok=no
[ -z "$non2xx" ] && [ -z "$sockerr" ] || ok=no
[ "$failed" = 0 ] || ok=no
echo "# result: $ok"
[ "$ok" = yes ]
