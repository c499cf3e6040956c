#!/usr/bin/env bash
# Runs every fuzz target in turn (not part of CI, not part of `cargo test`).
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Defaults: 600 s (10 minutes) per target, all four targets, one process
# each (no -jobs: the machine is shared).
# Needs cargo-fuzz (`cargo install cargo-fuzz`). cargo-fuzz passes nightly
# flags to rustc (-Zsanitizer=address); on a stable toolchain
# RUSTC_BOOTSTRAP=1 lets it do so.
#
# The corpus grows in fuzz/corpus/<target>/ and crashes land in
# fuzz/artifacts/<target>/. Each run's summary (executions, new corpus
# entries, crash or not) is appended to fuzz/last-run.log; copy the figures
# into fuzz/README.md. A crash stops that target with a non-zero status:
# turn the input into a regression test (tests/hostile.rs) and fix it.
set -u
cd "$(dirname "$0")"
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(frontmatter score ids site)
export RUSTC_BOOTSTRAP=1
status=0
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    log="logs/$t.log"
    mkdir -p logs
    echo "== $t: ${secs}s" | tee -a last-run.log
    start=$(date +%s)
    # -rss_limit_mb: a parse that needs more than 2 GB is a finding too.
    # -timeout: one input taking more than 10 s is a hang.
    cargo fuzz run "$t" "corpus/$t" -- \
        -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 \
        -max_len=65536 -artifact_prefix="artifacts/$t/" -print_final_stats=1 \
        >"$log" 2>&1
    rc=$?
    end=$(date +%s)
    execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -1)
    crashes=$(find "artifacts/$t" -type f | wc -l)
    echo "$(date -u +%FT%TZ) target=$t seconds=$((end - start)) rc=$rc executions=${execs:-?} artifacts=$crashes corpus=$(ls "corpus/$t" | wc -l)" | tee -a last-run.log
    [ $rc -ne 0 ] && status=$rc
done
exit $status
