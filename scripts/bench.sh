#!/usr/bin/env bash
# Speed and memory of trino2spark, as a ratio against SQLGlot (the compiled build, sqlglot[c]),
# on ../shared/corpus (TPC-H + TPC-DS), in one run. See docs/benchmarks.md.
#
#   bash scripts/bench.sh [--iterations N] [--generated N]   (defaults 20 and 100000; --generated 0 skips)
#
# 1. makes (or reuses) the git-ignored venv .venv-bench with sqlglot[c] and checks that the
#    compiled build is the one that loads;
# 2. builds and runs the corpus benchmark alone  -> target/bench-corpus.json;
# 3. runs scripts/bench_vs_sqlglot.py: trino2spark and SQLGlot interleaved, run for run
#                                                -> target/bench-vs-sqlglot.json;
# 4. (same script) a generated repository of N queries (TPC variants + synthesized), one pass
#    each tool, per-query median/p99 and throughput -> "generated" in that JSON.
#
# Environment (optional):
#   PYTHON          interpreter for the venv (default: python3.11, else python3)
#   SQLGLOT_SPEC    what to install (default: sqlglot[c]==30.30.0, the version SOURCES.md used)
set -euo pipefail
cd "$(dirname "$0")/.."

ITERATIONS=20
GENERATED=100000
while [ $# -gt 0 ]; do
  case "$1" in
    --iterations|-n) ITERATIONS="$2"; shift 2 ;;
    --generated) GENERATED="$2"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

if [ ! -d ../shared/corpus/tpch ] || [ ! -d ../shared/corpus/tpcds ]; then
  echo "bench.sh: ../shared/corpus (tpch/, tpcds/) is absent: nothing to measure" >&2
  exit 1
fi

export PIP_DISABLE_PIP_VERSION_CHECK=1
SPEC="${SQLGLOT_SPEC:-sqlglot[c]==30.30.0}"
VENV=.venv-bench
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  if command -v python3.11 >/dev/null 2>&1; then PY=python3.11; else PY=python3; fi
fi
if [ ! -x "$VENV/bin/python" ]; then
  echo "== creating $VENV ($PY) =="
  "$PY" -m venv "$VENV"
fi
# Install only when the venv does not already hold the requested spec.
if [ "$(cat "$VENV/.t2s-spec" 2>/dev/null || true)" != "$SPEC" ]; then
  echo "== installing $SPEC into $VENV =="
  "$VENV/bin/python" -m pip install -q "$SPEC"
  echo "$SPEC" > "$VENV/.t2s-spec"
fi
# sqlglot[c] installs the sqlglotc distribution, which overlays mypyc-compiled modules onto
# sqlglot; sqlglot itself reports it as sqlglot.tokens.SQLGLOTC_INSTALLED.
"$VENV/bin/python" - <<'PY'
import sqlglot, sqlglot.parser, sqlglot.generator, sqlglot.tokens
assert sqlglot.tokens.SQLGLOTC_INSTALLED, "sqlglot is not the compiled build (sqlglotc missing)"
assert not sqlglot.parser.__file__.endswith(".py"), sqlglot.parser.__file__
assert not sqlglot.generator.__file__.endswith(".py"), sqlglot.generator.__file__
print(f"sqlglot {sqlglot.__version__}: compiled (sqlglotc) — parser {sqlglot.parser.__file__.rsplit('/', 1)[-1]}")
PY

echo "== building bench_corpus (release) =="
cargo build --release --locked -p trino2spark --example bench_corpus

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') =="
# JVMs by executable (a Trino server renames its process, so `pgrep java` alone misses it).
jvms=$(for p in /proc/[0-9]*; do
  e=$(readlink "$p/exe" 2>/dev/null) || continue
  case "$e" in */java) echo "${p#/proc/} $(tr '\0' ' ' < "$p/cmdline" 2>/dev/null | cut -c1-120)" ;; esac
done)
if [ -n "$jvms" ]; then
  echo "note: JVMs are running (Spark/Trino suites?): the figures will be noisier"
  echo "$jvms"
fi

echo "== trino2spark alone =="
target/release/examples/bench_corpus --iterations "$ITERATIONS" --json target/bench-corpus.json

echo "== trino2spark vs SQLGlot, interleaved =="
"$VENV/bin/python" scripts/bench_vs_sqlglot.py --iterations "$ITERATIONS" --generated "$GENERATED" \
  --rust-bin target/release/examples/bench_corpus \
  --rust-json target/bench-corpus.json \
  --json target/bench-vs-sqlglot.json
