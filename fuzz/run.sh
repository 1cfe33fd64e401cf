#!/usr/bin/env bash
# Runs the fuzz targets one after the other (one job each: the machines have 2 cores), seeded by
# fuzz/seed.sh, and keeps each run's log in fuzz/logs/<target>.log (final stats: execs, coverage).
# Crashes land in fuzz/artifacts/<target>/; turn each into a regression case in
# crates/trino2spark/tests/fuzz_regressions.rs.
#   bash fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default 600 s; parse lex fastparse pipeline roundtrip)
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parse lex fastparse pipeline roundtrip)
bash fuzz/seed.sh
mkdir -p fuzz/logs
for t in "${targets[@]}"; do
  echo "== fuzzing $t for ${secs}s =="
  cargo +nightly fuzz run -O "$t" "fuzz/corpus/$t" -- -max_total_time="$secs" -print_final_stats=1 \
    -max_len=65536 -timeout=10 -rss_limit_mb=2048 > "fuzz/logs/$t.log" 2>&1 || echo "   $t stopped: see fuzz/logs/$t.log"
  grep -E "^#[0-9]+.*(DONE|pulse)|stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added|cov:" "fuzz/logs/$t.log" | tail -4
done
