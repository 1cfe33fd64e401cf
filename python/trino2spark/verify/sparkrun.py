"""The Spark side: a local SparkSession bound to the loopback interface, and running one
statement with the translation's ``spark_conf`` (restored afterwards), a time limit and a row cap.
Every Spark failure is a result (message, error condition, shared error class), never a crash."""
from __future__ import annotations

import os
import sys
import tempfile
import threading
import time

from .errors import spark_condition, spark_error_class

QUERY_TIMEOUT = float(os.environ.get("T2S_QUERY_TIMEOUT", "180"))
MAX_ERROR_CHARS = 2000

# Spark's own logging: errors only, to stderr (the default prints WARNs at startup).
LOG4J2 = """\
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
"""


def pyspark_line() -> str | None:
    """"4" or "3.5" for the installed pyspark, None without pyspark."""
    try:
        import pyspark
    except ImportError:
        return None
    parts = pyspark.__version__.split(".")
    return "4" if parts[0] == "4" else ".".join(parts[:2])


def session_line(spark) -> str:
    parts = spark.version.split(".")
    return "4" if parts[0] == "4" else ".".join(parts[:2])


def prepare_process_env() -> None:
    """Loopback only, UTC (pyspark turns timestamps into datetimes in the process's zone)."""
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    os.environ["TZ"] = "UTC"
    if hasattr(time, "tzset"):
        time.tzset()


def local_session(app_name: str = "trino2spark-verify"):
    """A local[2] SparkSession on 127.0.0.1 with UTC, quiet logs and an in-memory catalog."""
    prepare_process_env()
    from pyspark.sql import SparkSession

    scratch = tempfile.mkdtemp(prefix="t2s-spark-")
    log4j = os.path.join(scratch, "log4j2.properties")
    with open(log4j, "w", encoding="utf-8") as f:
        f.write(LOG4J2)
    # On a loaded machine the JVM can give up on an allocation blocked by a JNI critical section
    # ("Retried waiting for GCLocker too often", an OutOfMemoryError with a free heap): a CI run
    # lost TPC-DS q69 to it. More retries; the option is ignored where the JVM lacks it.
    java_opts = (
        f"-Dlog4j2.configurationFile=file:{log4j} -Duser.timezone=UTC"
        " -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions"
        " -XX:GCLockerRetryAllocationCount=100"
    )
    session = (
        SparkSession.builder.master("local[2]")
        .appName(app_name)
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", os.environ.get("T2S_SPARK_DRIVER_MEMORY", "4g"))
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.warehouse.dir", os.path.join(scratch, "warehouse"))
        .config("spark.sql.catalogImplementation", "in-memory")
        .config("spark.driver.extraJavaOptions", java_opts)
        .config("spark.executor.extraJavaOptions", java_opts)
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    quiet_pyspark_loggers()
    return session


def quiet_pyspark_loggers() -> None:
    """pyspark 4 logs every SQL error (with the whole Java stack) before raising it; the harness
    reports the error itself."""
    try:
        from pyspark.logger import PySparkLogger
    except ImportError:  # pyspark 3.5
        return
    import logging

    for name in ("SQLQueryContextLogger", "DataFrameQueryContextLogger"):
        PySparkLogger.getLogger(name).setLevel(logging.CRITICAL + 1)


def clip(s: str, n: int = MAX_ERROR_CHARS) -> str:
    s = s.strip()
    return s if len(s) <= n else s[:n] + f"... [{len(s) - n} more characters]"


def error_message(e: BaseException) -> str:
    """The useful part of a PySpark / Py4J exception (Py4J prints the whole Java stack)."""
    msg = str(e)
    java = getattr(e, "java_exception", None)
    if java is not None and not msg.strip():
        try:
            msg = java.toString()
        except Exception:  # noqa: BLE001 - best effort only
            pass
    head = []
    for ln in (ln for ln in msg.splitlines() if ln.strip()):
        if ln.lstrip().startswith("at ") and head:
            break
        head.append(ln)
    return clip("\n".join(head) or type(e).__name__)


_MISSING = object()


def is_jvm_memory_error(message: str) -> bool:
    """Whether a Spark failure is the local JVM running short of memory (an OutOfMemoryError,
    which Spark reports for a broadcast as "Not enough memory to build and broadcast"): a state
    of this shared machine at that moment, not a verdict on the statement."""
    return "OutOfMemoryError" in message or "Not enough memory to build and broadcast" in message


def run_sql(spark, sql: str, conf: dict | None = None, *, database: str | None = None,
            max_rows: int = 100_000, timeout: float | None = None, tag: str = "t2s") -> dict:
    """Run one statement. Returns {"rows", "names", "schema", "seconds"} or {"error",
    "condition", "error_class", "seconds", "timed_out"?}; restores the settings and the current
    database it changed. A failure for want of JVM memory is run once more after a garbage
    collection (CI lost TPC-DS q69 to it twice, with the same text equal on a re-run); a second
    failure is the result, marked "retried"."""
    result = _run_sql_once(spark, sql, conf, database=database, max_rows=max_rows,
                           timeout=timeout, tag=tag)
    if "error" in result and is_jvm_memory_error(result["error"]):
        try:
            spark.sparkContext._jvm.System.gc()
        except Exception:  # noqa: BLE001 - no JVM handle: retry anyway
            pass
        result = _run_sql_once(spark, sql, conf, database=database, max_rows=max_rows,
                               timeout=timeout, tag=tag)
        if "error" in result:
            result["retried"] = True
    return result


def _run_sql_once(spark, sql: str, conf: dict | None, *, database: str | None,
                  max_rows: int, timeout: float | None, tag: str) -> dict:
    """[`run_sql`] without the retry."""
    timeout = QUERY_TIMEOUT if timeout is None else timeout
    saved = {}
    sc = spark.sparkContext
    group = f"t2s-{tag}"
    timed_out = threading.Event()

    def cancel():
        timed_out.set()
        sc.cancelJobGroup(group)

    timer = threading.Timer(timeout, cancel)
    t0 = time.monotonic()
    previous_db = spark.catalog.currentDatabase()
    try:
        for k, v in (conf or {}).items():
            try:
                saved[k] = spark.conf.get(k)
            except Exception:  # noqa: BLE001 - not set and no default
                saved[k] = _MISSING
            spark.conf.set(k, str(v))
        if database:
            spark.sql(f"USE `{database}`")
        sc.setJobGroup(group, tag, interruptOnCancel=True)
        timer.start()
        df = spark.sql(sql)
        rows = df.take(max_rows)
        return {"rows": [tuple(r) for r in rows], "names": [f.name for f in df.schema.fields],
                "schema": df.schema, "seconds": round(time.monotonic() - t0, 3)}
    except Exception as e:  # noqa: BLE001 - every Spark failure is a result, not a crash
        secs = round(time.monotonic() - t0, 3)
        if timed_out.is_set():
            return {"error": f"cancelled after the {timeout:.0f} s time limit (T2S_QUERY_TIMEOUT)",
                    "timed_out": True, "condition": None, "error_class": "timeout", "seconds": secs}
        msg = error_message(e)
        cond = spark_condition(e, msg)
        return {"error": msg, "condition": cond, "error_class": spark_error_class(cond, msg),
                "seconds": secs}
    finally:
        timer.cancel()
        for k, v in saved.items():
            try:
                if v is _MISSING:
                    spark.conf.unset(k)
                else:
                    spark.conf.set(k, v)
            except Exception:  # noqa: BLE001 - static or unknown keys: nothing to restore
                pass
        try:
            spark.sql(f"USE `{previous_db}`")
        except Exception:  # noqa: BLE001
            pass
