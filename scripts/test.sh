#!/usr/bin/env bash
# The test command (README): Rust unit, snapshot, fuzz-smoke and CLI tests; the Python package
# (wheel built, installed, tested on real Spark); the real Trino (the corpus expectations
# re-checked against it, then every corpus case and the TPC corpus verified live on Trino and
# Spark 4 by the harness, and the harness's own tests); then the engine suites on real Spark 4.x
# and Spark 3.5. Expects scripts/setup_python.sh, scripts/gen_data.sh and scripts/setup_trino.sh to
# have run (.ci/run does all three).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo test (workspace) =="
cargo build --release --locked -p t2s-cli
cargo test --release --locked --workspace

echo "== Python package: wheel built and installed into the Spark venvs =="
bash scripts/build_wheel.sh

echo "== Trino: server checks; recorded results re-checked; both engines live through the harness =="
# shellcheck disable=SC1091
source .tools/trino/env
bash scripts/start_trino.sh
trap 'bash scripts/stop_trino.sh >/dev/null 2>&1 || true' EXIT
TRINO_URL="http://127.0.0.1:${TRINO_PORT}"
export TRINO2SPARK_PYTHON="${TRINO2SPARK_PYTHON:-.venv-spark4/bin/python}"
"${TRINO_PYTHON}" -m pytest tests/trino -q -p no:cacheprovider
# The catalogs the harness relies on (tpch with STANDARD names and DECIMAL, tpcds, memory).
grep -qx 'tpch.column-naming=STANDARD' "${TRINO_ETC}/catalog/tpch.properties"
grep -qx 'tpch.double-type-mapping=DECIMAL' "${TRINO_ETC}/catalog/tpch.properties"
test -f "${TRINO_ETC}/catalog/tpcds.properties" && test -f "${TRINO_ETC}/catalog/memory.properties"
# Every corpus case's recorded result is still what Trino returns.
target/release/trino2spark verify --check-recorded corpus --trino "$TRINO_URL"
# Every corpus case and the whole TPC corpus, live: Trino (tpch/tpcds tiny catalogs, memory
# catalog for case tables) against the translation on Spark 4 (the same data as views).
cases=(corpus)
if [ -d ../shared/corpus ]; then
  cases+=(../shared/corpus/tpch ../shared/corpus/tpcds)
else
  echo "note: ../shared/corpus is absent: the TPC queries are not verified live"
fi
target/release/trino2spark verify "${cases[@]}" --trino "$TRINO_URL" --report target/verify-report.html
"${TRINO2SPARK_PYTHON}" -m pytest tests/harness -q -p no:cacheprovider
bash scripts/stop_trino.sh
trap - EXIT

for v in 4 3.5; do
  venv=".venv-spark${v//./}"
  echo "== Spark ${v}: engine suites (${venv}) =="
  "${venv}/bin/python" -m pytest tests/spark --spark "$v" -q -p no:cacheprovider
  echo "== Spark ${v}: Python package suite, installed wheel (${venv}) =="
  "${venv}/bin/python" -m pytest tests/python --spark "$v" -q -p no:cacheprovider
done
