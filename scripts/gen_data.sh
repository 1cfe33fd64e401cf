#!/usr/bin/env bash
# Writes the TPC-H and TPC-DS sample data (scale factor 0.01, the size of Trino's `tiny`
# schemas) as Parquet, one file per table, with tpcgen-cli from .venv-spark4:
#
#   .data/tpch/<table>.parquet    8 tables; identical to Trino's tpch.tiny
#   .data/tpcds/<table>.parquet   25 tables, generated with `--compat trino`, i.e. what
#                                 Trino's Java port of dsdgen produces (its `reason` table has
#                                 1 row at this scale, as in Trino, instead of dsdgen's 75)
#
# Idempotent: a folder whose marker (.t2s-complete) records the same generator command is
# left alone; otherwise it is generated into a temporary folder and swapped in whole.
#
# Environment (optional):
#   T2S_DATA_DIR  where to write (default .data)
#   TPCGEN        the tpcgen-cli executable (default .venv-spark4/bin/tpcgen-cli)
#   T2S_FORCE=1   regenerate even when complete
set -euo pipefail
cd "$(dirname "$0")/.."

DATA_DIR="${T2S_DATA_DIR:-.data}"
TPCGEN="${TPCGEN:-.venv-spark4/bin/tpcgen-cli}"
SCALE=0.01

if [ ! -x "$TPCGEN" ] && ! command -v "$TPCGEN" >/dev/null 2>&1; then
  echo "gen_data: $TPCGEN not found; run scripts/setup_python.sh first" >&2
  exit 1
fi
VERSION="$("$TPCGEN" --version)"

# gen NAME EXPECTED_TABLES ARGS...
gen() {
  local name="$1" expected="$2"; shift 2
  local out="$DATA_DIR/$name"
  local want="$VERSION $* -s $SCALE"
  if [ "${T2S_FORCE:-0}" != 1 ] && [ -f "$out/.t2s-complete" ] && [ "$(cat "$out/.t2s-complete")" = "$want" ]; then
    echo "gen_data: $out is complete ($want)"
    return 0
  fi
  echo "gen_data: $want -> $out"
  local tmp="$out.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  "$TPCGEN" "$@" --scale-factor "$SCALE" --output-dir "$tmp" --quiet --no-progress
  local n
  n="$(find "$tmp" -maxdepth 1 -name '*.parquet' | wc -l)"
  if [ "$n" != "$expected" ]; then
    echo "gen_data: expected $expected Parquet tables in $tmp, found $n" >&2
    exit 1
  fi
  printf '%s\n' "$want" > "$tmp/.t2s-complete"
  rm -rf "$out"
  mv "$tmp" "$out"
}

mkdir -p "$DATA_DIR"
gen tpch 8 tpch parquet
gen tpcds 25 tpcds parquet --compat trino
