#!/usr/bin/env bash
# Interleaved timing: ROUNDS rounds, each running kiemchung, hugo and the
# floor once on the same 10,000-page corpora, so that a machine that gets
# slower or faster during the measurement (shared virtual machines do)
# affects the three tools alike. hyperfine runs each command's runs one
# after another instead; this complements bench/run.sh and reuses its
# corpora and binaries (run it first).
#
#   bench/interleaved.sh [ROUNDS] [N]     default 8 rounds, 10000 pages
#
# Prints each round's wall time, CPU time (user + system) and peak memory
# per tool, then the medians and the median of the per-round ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-8}
n=${2:-10000}
work=${SHM_WORK:-/dev/shm/kc-bench}
kc=$(realpath "${KIEMCHUNG:-${CARGO_TARGET_DIR:-target}/release/kiemchung}")
floor=$(realpath "${CARGO_TARGET_DIR:-bench/floor/target}/release/kiemchung-floor")
for d in "$work/kiemchung-$n" "$work/hugo-$n"; do
    [ -d "$d" ] || { echo "missing $d: run bench/run.sh first" >&2; exit 1; }
done
out=bench/out/interleaved-$n.tsv
: > "$out"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$rounds"); do
    for tool in kiemchung hugo floor; do
        case $tool in
            kiemchung) cmd=("$kc" build --root "$work/kiemchung-$n" --output "$work/out-kiemchung-$n" --today 2026-01-01) ;;
            hugo) cmd=(hugo --quiet --source "$work/hugo-$n" --destination "$work/out-hugo-$n") ;;
            floor) cmd=("$floor" "$work/kiemchung-$n" "$work/out-floor-$n") ;;
        esac
        /usr/bin/time -o /tmp/interleaved.time -f "%e %U %S %M" "${cmd[@]}" >/dev/null 2>&1
        read -r wall user sys mem < /tmp/interleaved.time
        printf "%s\t%s\t%s\t%s\t%s\n" "$r" "$tool" "$wall" "$(echo "$user + $sys" | bc)" "$mem" | tee -a "$out"
    done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out" <<'PY'
import sys, statistics as st, collections
rows = [l.split('\t') for l in open(sys.argv[1]).read().split('\n') if l]
by = collections.defaultdict(dict)
for r, tool, wall, cpu, mem in rows:
    by[r][tool] = (float(wall), float(cpu), int(mem) / 1024)
tools = ['kiemchung', 'hugo', 'floor']
for t in tools:
    w = [by[r][t][0] for r in by]; c = [by[r][t][1] for r in by]; m = [by[r][t][2] for r in by]
    print(f"{t:10s} median wall {st.median(w):6.3f} s (min {min(w):.3f}, max {max(w):.3f})  CPU {st.median(c):6.2f} s  peak memory {st.median(m):6.0f} MiB")
for a, b in [('kiemchung', 'hugo'), ('kiemchung', 'floor')]:
    rw = [by[r][a][0] / by[r][b][0] for r in by]
    rc = [by[r][a][1] / by[r][b][1] for r in by]
    rm = [by[r][a][2] / by[r][b][2] for r in by]
    print(f"{a} / {b}: wall {st.median(rw):.3f} (rounds {min(rw):.3f}-{max(rw):.3f}), CPU {st.median(rc):.3f}, memory {st.median(rm):.3f}")
PY
