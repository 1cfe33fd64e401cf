#!/usr/bin/env bash
# Stops the local Trino started by scripts/start_trino.sh (airlift launcher `stop`, which
# signals the pid in .tools/trino/var/run/launcher.pid and waits). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
ENV_FILE="$(pwd)/.tools/trino/env"
if [[ ! -f "$ENV_FILE" ]]; then
  echo "Trino is not installed (no .tools/trino/env): nothing to stop"
  exit 0
fi
# shellcheck disable=SC1090
source "$ENV_FILE"
launcher() {
  "$TRINO_HOME/bin/launcher" -etc-dir "$TRINO_ETC" -data-dir "$TRINO_DATA" -jvm-dir "$JAVA_HOME" "$@"
}
if launcher status >/dev/null 2>&1; then
  launcher stop
  echo "Trino stopped"
else
  echo "Trino is not running"
fi
