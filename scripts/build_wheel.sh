#!/usr/bin/env bash
# Builds the Python package (python/, maturin + crates/t2s-python) into a wheel under
# target/wheels and installs that wheel into the Spark venvs, so tests/python runs against the
# installed package, not the source tree. maturin comes from a build venv (.venv-build,
# git-ignored) that this script creates when missing.
#
# Environment (optional):
#   PYTHON        interpreter for the build venv (default: python3.11, else python3)
#   T2S_VENVS     venvs to install into (default: ".venv-spark4 .venv-spark35", those present)
set -euo pipefail
cd "$(dirname "$0")/.."

export PIP_DISABLE_PIP_VERSION_CHECK=1
MATURIN_REQ="maturin>=1.7,<2"

PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  if command -v python3.11 >/dev/null 2>&1; then PY=python3.11; else PY=python3; fi
fi
if ! .venv-build/bin/maturin --version >/dev/null 2>&1; then
  echo "build_wheel: creating .venv-build with $MATURIN_REQ"
  rm -rf .venv-build
  "$PY" -m venv .venv-build
  .venv-build/bin/python -m pip install --quiet "$MATURIN_REQ"
fi

out="$PWD/target/wheels"
rm -f "$out"/trino2spark-*.whl
# maturin reads python/pyproject.toml from the directory it runs in.
(cd python && ../.venv-build/bin/maturin build --release --locked --out "$out" --interpreter "$PY")
wheel="$(ls "$out"/trino2spark-*.whl | head -n 1)"
echo "build_wheel: built $wheel"

for venv in ${T2S_VENVS:-.venv-spark4 .venv-spark35}; do
  if [ -x "$venv/bin/python" ]; then
    "$venv/bin/python" -m pip install --quiet --force-reinstall --no-deps "$wheel"
    echo "build_wheel: installed into $venv ($("$venv/bin/python" -c 'import trino2spark; print("trino2spark", trino2spark.__version__)'))"
  fi
done
