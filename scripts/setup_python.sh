#!/usr/bin/env bash
# Creates the two Python environments the engine suites run in (both git-ignored):
#
#   .venv-spark4    pyspark 4.x (4.3.0 when available), pytest, pyarrow, pandas<3 (pyspark 4.3
#                   warns that it does not fully support pandas 3), tpcgen-cli
#   .venv-spark35   pyspark 3.5.x, pytest, pyarrow, pandas<3
#
# Idempotent: a venv whose marker file (.t2s-complete) records the same requirement list and
# whose pyspark still imports is left alone. Anything else (missing, half-installed, other
# requirements) is rebuilt from nothing.
#
# Environment (optional):
#   PYTHON      interpreter to build the venvs from (default: python3.11, else python3; >= 3.10)
#   T2S_FORCE=1 rebuild both venvs even when complete
set -euo pipefail
cd "$(dirname "$0")/.."

export PIP_DISABLE_PIP_VERSION_CHECK=1
export PIP_DEFAULT_TIMEOUT="${PIP_DEFAULT_TIMEOUT:-180}"

PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  if command -v python3.11 >/dev/null 2>&1; then PY=python3.11; else PY=python3; fi
fi
command -v "$PY" >/dev/null 2>&1 || { echo "setup_python: $PY not found" >&2; exit 1; }
"$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' \
  || { echo "setup_python: $PY is older than 3.10" >&2; exit 1; }

# Pinned where the result depends on it: tpcgen-cli writes the sample data, pyspark is the
# engine under test. pyspark 4.3.0 is the version the suite was built against; if a registry
# does not serve it, the newest 4.x is taken instead (the marker records the request, and
# the installed version is printed).
SPARK4_REQS=("pyspark==4.3.0" "pytest>=8" "pyarrow>=15" "pandas>=2.2,<3" "tpcgen-cli==4.0.0")
SPARK4_FALLBACK=("pyspark>=4.0,<5" "pytest>=8" "pyarrow>=15" "pandas>=2.2,<3" "tpcgen-cli==4.0.0")
SPARK35_REQS=("pyspark>=3.5,<3.6" "pytest>=8" "pyarrow>=15" "pandas>=2.0,<3")

# make_venv DIR REQS... [-- FALLBACK_REQS...]
make_venv() {
  local dir="$1"; shift
  local reqs=() fallback=() seen_sep=0
  for a in "$@"; do
    if [ "$a" = "--" ]; then seen_sep=1; continue; fi
    if [ "$seen_sep" = 1 ]; then fallback+=("$a"); else reqs+=("$a"); fi
  done
  local marker="$dir/.t2s-complete"
  local want
  want="$(printf '%s\n' "${reqs[@]}")"
  if [ "${T2S_FORCE:-0}" != 1 ] && [ -f "$marker" ] && [ "$(cat "$marker")" = "$want" ] \
     && "$dir/bin/python" -c 'import pyspark, pytest, pyarrow' >/dev/null 2>&1; then
    echo "setup_python: $dir is complete ($("$dir/bin/python" -c 'import pyspark; print("pyspark", pyspark.__version__)'))"
    return 0
  fi
  echo "setup_python: building $dir with $PY"
  rm -rf "$dir"
  "$PY" -m venv "$dir"
  "$dir/bin/python" -m pip install --quiet --upgrade pip
  if ! "$dir/bin/python" -m pip install --quiet "${reqs[@]}"; then
    if [ "${#fallback[@]}" -gt 0 ]; then
      echo "setup_python: '${reqs[*]}' failed; trying '${fallback[*]}'" >&2
      "$dir/bin/python" -m pip install --quiet "${fallback[@]}"
    else
      return 1
    fi
  fi
  "$dir/bin/python" -c 'import pyspark, pytest, pyarrow, pandas; print("setup_python: ok:", "pyspark", pyspark.__version__, "pyarrow", pyarrow.__version__, "pandas", pandas.__version__)'
  printf '%s\n' "$want" > "$marker"
}

make_venv .venv-spark4 "${SPARK4_REQS[@]}" -- "${SPARK4_FALLBACK[@]}"
.venv-spark4/bin/tpcgen-cli --version >/dev/null
make_venv .venv-spark35 "${SPARK35_REQS[@]}"

command -v java >/dev/null 2>&1 || echo "setup_python: warning: no java on PATH; Spark needs Java 17" >&2
