#!/usr/bin/env bash
# Full build time: `kiemchung build` against `hugo` on the same corpora, in
# the same run, with hyperfine. Each build writes the whole site to disk.
#
#   bench/build_time.sh [WORK] [SIZES]      e.g. bench/build_time.sh /tmp/kc-bench "1000 10000"
#
# Needs: cargo build --release; apt-get install -y hugo hyperfine.
# Corpora missing in WORK are made with ../shared/bench/gen_corpus.py.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/kc-bench}
sizes=${2:-"1000 10000"}
gen=../shared/bench/gen_corpus.py
kc=${KIEMCHUNG:-target/release/kiemchung}
mkdir -p "$work" bench/out
echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $($kc --version); $(hugo version | cut -d' ' -f1-2)"
for n in $sizes; do
    for fmt in kiemchung hugo; do
        [ -d "$work/$fmt-$n" ] || python3 "$gen" --n "$n" --format "$fmt" --out "$work/$fmt-$n" >/dev/null
    done
    hyperfine --warmup 1 --runs "${RUNS:-5}" --export-markdown "bench/out/build_$n.md" \
        -n "kiemchung $n" "$kc build --root $work/kiemchung-$n --output $work/out-kc-$n --today 2026-01-01" \
        -n "hugo $n" "hugo --quiet --source $work/hugo-$n --destination $work/out-hugo-$n"
done
