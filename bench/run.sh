#!/usr/bin/env bash
# The benchmark of issue 6: kiemchung `build` against `hugo` and against the
# floor program (bench/floor) on the same pages, in the same run, on
# /dev/shm (the tools' own work) and on disk (what a user sees); then the
# serve-mode latency of a one-page edit and of a theme edit.
#
#   bench/run.sh                      everything (takes about an hour on 2 cores)
#   SIZES="1000 10000" WHERE=shm RUNS=5 bench/run.sh
#
# Environment (all optional):
#   SIZES        corpus sizes (pages)               default "100 1000 10000"
#   WHERE        "shm", "disk" or both              default "shm disk"
#   SHM_WORK     work folder in memory              default /dev/shm/kc-bench
#   DISK_WORK    work folder on disk                default /var/tmp/kc-bench
#   RUNS         timed runs after one warm-up       default 5
#   SERVE_SIZES  sizes for the serve latency        default "1000,10000" ("" to skip)
#   EDITS        edits per serve measurement        default 10
#   KIEMCHUNG    the kiemchung binary               default: cargo build --release
#   GEN          gen_corpus.py                      default ../shared/bench/gen_corpus.py
#
# Needs: cargo; apt-get install -y hugo hyperfine time python3.
# Results: bench/out/ (hyperfine JSON, peak memory per run, results.md).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${SIZES:-"100 1000 10000"}
where=${WHERE:-"shm disk"}
runs=${RUNS:-5}
gen=${GEN:-../shared/bench/gen_corpus.py}
out=bench/out
mkdir -p "$out"
for tool in hugo hyperfine python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install -y hugo hyperfine time python3)" >&2; exit 1; }
done

target=${CARGO_TARGET_DIR:-target}
if [ -z "${KIEMCHUNG:-}" ]; then
    cargo build --release --quiet
    KIEMCHUNG=$target/release/kiemchung
fi
cargo build --release --quiet --manifest-path bench/floor/Cargo.toml
floor=${CARGO_TARGET_DIR:-bench/floor/target}/release/kiemchung-floor
kc=$(realpath "$KIEMCHUNG")
floor=$(realpath "$floor")

{
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
    echo "kiemchung: $($kc --version) ($(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
    echo "hugo: $(hugo version)"
    echo "hyperfine: $(hyperfine --version)"
    echo "started: $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt"

for w in $where; do
    case $w in
        shm) work=${SHM_WORK:-/dev/shm/kc-bench} ;;
        disk) work=${DISK_WORK:-/var/tmp/kc-bench} ;;
        *) echo "WHERE: shm or disk, not $w" >&2; exit 2 ;;
    esac
    mkdir -p "$work"
    for n in $sizes; do
        for fmt in kiemchung hugo; do
            [ -f "$work/$fmt-$n/bench-manifest.json" ] ||
                python3 "$gen" --n "$n" --format "$fmt" --out "$work/$fmt-$n" --force >/dev/null
        done
        mem=$out/mem-$w-$n
        rm -rf "$mem" && mkdir -p "$mem"
        # /usr/bin/time appends each run's peak memory (KiB) to a file; the
        # first line is the warm-up's.
        t="/usr/bin/time -f %M -a -o"
        echo "== $w, $n pages (load average $(cut -d' ' -f1-3 /proc/loadavg))"
        hyperfine --warmup 1 --runs "$runs" --export-json "$out/build-$w-$n.json" \
            -n kiemchung "$t $mem/kiemchung $kc build --root $work/kiemchung-$n --output $work/out-kiemchung-$n --today 2026-01-01" \
            -n hugo "$t $mem/hugo hugo --quiet --source $work/hugo-$n --destination $work/out-hugo-$n" \
            -n floor "$t $mem/floor $floor $work/kiemchung-$n $work/out-floor-$n"
        # Every page of the manifest was written, by each tool.
        python3 bench/summarize.py check "$work/kiemchung-$n" "$work/out-kiemchung-$n" kiemchung
        python3 bench/summarize.py check "$work/hugo-$n" "$work/out-hugo-$n" hugo
        python3 bench/summarize.py check "$work/kiemchung-$n" "$work/out-floor-$n" floor
    done
done

serve_sizes=${SERVE_SIZES-"1000,10000"}
if [ -n "$serve_sizes" ]; then
    python3 bench/serve_latency.py --sizes "$serve_sizes" --edits "${EDITS:-10}" \
        --tools kiemchung,hugo --edits-of page,theme --kiemchung "$kc" \
        --work "${SHM_WORK:-/dev/shm/kc-bench}/serve" --json "$out/serve.json"
fi
echo "finished: $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
python3 bench/summarize.py report "$out" | tee "$out/results.md"
