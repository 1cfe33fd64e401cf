#!/usr/bin/env bash
# The test command (README): Rust unit, snapshot, fuzz-smoke and CLI tests, then the engine
# suites on real Spark 4.x and Spark 3.5. Expects scripts/setup_python.sh and
# scripts/gen_data.sh to have run (.ci/run does both).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo test (workspace) =="
cargo build --release --locked -p t2s-cli
cargo test --release --locked --workspace

for v in 4 3.5; do
  venv=".venv-spark${v//./}"
  echo "== Spark ${v}: engine suite (${venv}) =="
  "${venv}/bin/python" -m pytest tests/spark --spark "$v" -q -p no:cacheprovider
done
