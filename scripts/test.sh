#!/usr/bin/env bash
# The test command (README): Rust unit, snapshot, fuzz-smoke and CLI tests; the Python package
# (wheel built, installed, tested on real Spark); the real Trino
# (the corpus expectations re-checked against it); then the engine suites on real Spark 4.x and
# Spark 3.5. Expects scripts/setup_python.sh, scripts/gen_data.sh and scripts/setup_trino.sh to
# have run (.ci/run does all three).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo test (workspace) =="
cargo build --release --locked -p t2s-cli
cargo test --release --locked --workspace

echo "== Python package: wheel built and installed into the Spark venvs =="
bash scripts/build_wheel.sh

echo "== Trino: server checks and corpus expectations re-checked on the live engine =="
# shellcheck disable=SC1091
source .tools/trino/env
bash scripts/start_trino.sh
trap 'bash scripts/stop_trino.sh >/dev/null 2>&1 || true' EXIT
"${TRINO_PYTHON}" -m pytest tests/trino -q -p no:cacheprovider
"${TRINO_PYTHON}" scripts/record_expected.py --check
bash scripts/stop_trino.sh
trap - EXIT

for v in 4 3.5; do
  venv=".venv-spark${v//./}"
  echo "== Spark ${v}: engine suites (${venv}) =="
  "${venv}/bin/python" -m pytest tests/spark --spark "$v" -q -p no:cacheprovider
  echo "== Spark ${v}: Python package suite, installed wheel (${venv}) =="
  "${venv}/bin/python" -m pytest tests/python --spark "$v" -q -p no:cacheprovider
done
