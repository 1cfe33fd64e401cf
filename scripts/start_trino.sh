#!/usr/bin/env bash
# Starts the local Trino installed by scripts/setup_trino.sh in the background (airlift
# launcher `start`: daemon with pid file; logs in .tools/trino/var/log/), then waits until
# it answers a tpch scan (TRINO_START_TIMEOUT seconds, default 180) and prints its URL.
# Idempotent: when it is already running and answering, it says so and exits 0.
# Stop it with scripts/stop_trino.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
ENV_FILE="$ROOT/.tools/trino/env"
[[ -f "$ENV_FILE" ]] || { echo "Trino is not installed: run scripts/setup_trino.sh" >&2; exit 1; }
# shellcheck disable=SC1090
source "$ENV_FILE"
TIMEOUT="${TRINO_START_TIMEOUT:-180}"
URL="http://127.0.0.1:$TRINO_PORT"
LOG_DIR="$TRINO_DATA/var/log"

launcher() {
  "$TRINO_HOME/bin/launcher" -etc-dir "$TRINO_ETC" -data-dir "$TRINO_DATA" -jvm-dir "$JAVA_HOME" "$@"
}

# A scan of tpch.tiny.region through the REST protocol (stdlib only, so this needs no venv);
# exit 0 if it answers 5. `SELECT 1` alone answers before the node is registered for scans
# ("nodes is empty"), so the probe reads a table.
select_one() {
  python3 - "$URL" <<'PY'
import json, sys, urllib.request
url = sys.argv[1]
try:
    req = urllib.request.Request(url + "/v1/statement", data=b"SELECT count(*) FROM tpch.tiny.region", method="POST",
                                 headers={"X-Trino-User": "t2s"})
    doc = json.load(urllib.request.urlopen(req, timeout=10))
    rows = list(doc.get("data") or [])
    while "nextUri" in doc:
        doc = json.load(urllib.request.urlopen(doc["nextUri"], timeout=10))
        rows += doc.get("data") or []
    sys.exit(0 if rows == [[5]] and "error" not in doc else 1)
except Exception:
    sys.exit(1)
PY
}

export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
if launcher status >/dev/null 2>&1; then
  if select_one; then
    echo "Trino $TRINO_VERSION is already running at $URL"
    exit 0
  fi
  echo "Trino $TRINO_VERSION is already running (pid $(cat "$TRINO_DATA/var/run/launcher.pid" 2>/dev/null || echo '?')), waiting for it to answer ..."
else
  if select_one; then
    echo "something else already answers Trino queries at $URL (port $TRINO_PORT taken?)" >&2
    exit 1
  fi
  mkdir -p "$LOG_DIR"
  launcher start
fi

t0=$(date +%s)
until select_one; do
  if ! launcher status >/dev/null 2>&1; then
    echo "Trino exited during startup; last lines of $LOG_DIR/server.log:" >&2
    tail -n 40 "$LOG_DIR/server.log" >&2 2>/dev/null || tail -n 40 "$LOG_DIR/launcher.log" >&2 || true
    exit 1
  fi
  if (( $(date +%s) - t0 >= TIMEOUT )); then
    echo "Trino did not answer a tpch scan within ${TIMEOUT}s; see $LOG_DIR/server.log" >&2
    tail -n 20 "$LOG_DIR/server.log" >&2 2>/dev/null || true
    exit 1
  fi
  sleep 1
done
echo "Trino $TRINO_VERSION is up at $URL (answered a tpch scan after $(( $(date +%s) - t0 )) s; logs in ${LOG_DIR#"$ROOT"/})"
