"""A company UDF, end to end on real Spark: a mapping file maps Trino's `normalize_email` to a
Hive UDF class; the translation carries `CREATE TEMPORARY FUNCTION … USING JAR …`; Spark loads
the class from the jar and the query returns what the function defines.

The Java class (tests/spark/udf/) is compiled here against the Hive jar that pyspark ships, so
the test needs `javac` (a JDK) — it fails, rather than skips, without one: CI has it.
Hive UDF classes need a Hive-enabled session, which cannot share this process's SparkContext,
so Spark runs in a child process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

import runner  # noqa: F401  (sets T2S_BIN: the release binary under test)

T2S_BIN = os.environ["T2S_BIN"]

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent

QUERY = """
WITH people(id, email, joined) AS (
  VALUES (1, '  Alice+news@Example.COM ', DATE '2024-06-01'),
         (2, 'bob@example.com', DATE '2024-06-03'),
         (3, CAST(NULL AS varchar), DATE '2024-06-02'),
         (4, 'Carol+a+b@X.org', DATE '2024-06-09')
)
SELECT id, normalize_email(email) AS email, is_weekend(joined) AS weekend
FROM people
ORDER BY id
"""

EXPECTED = [
    [1, "alice@example.com", True],
    [2, "bob@example.com", False],
    [3, None, True],
    [4, "carol@x.org", True],
]

CHILD = r"""
import json, sys
from pyspark.sql import SparkSession
setup, sql, conf, warehouse = json.loads(sys.stdin.read())
b = (SparkSession.builder.master("local[1]").appName("t2s-udf")
     .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
     .config("spark.ui.enabled", "false").config("spark.sql.warehouse.dir", warehouse + "/wh")
     .config("spark.driver.extraJavaOptions", "-Dderby.system.home=" + warehouse)
     .enableHiveSupport())
spark = b.getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
for k, v in conf.items():
    spark.conf.set(k, v)
for s in setup:
    spark.sql(s)
rows = [list(r) for r in spark.sql(sql).collect()]
print("ROWS " + json.dumps(rows))
spark.stop()
"""


def _hive_jar() -> Path:
    import pyspark

    jars = Path(pyspark.__file__).parent / "jars"
    found = sorted(jars.glob("hive-exec-*-core.jar"))
    assert found, f"pyspark ships no hive-exec jar under {jars}"
    return found[0]


def _build_udf_jar(tmp: Path) -> Path:
    javac = shutil.which("javac")
    assert javac, "javac (a JDK) is required to build the test UDF"
    classes = tmp / "classes"
    classes.mkdir()
    src = HERE / "udf" / "com" / "example" / "udf" / "NormalizeEmail.java"
    subprocess.run([javac, "--release", "8", "-nowarn", "-cp", str(_hive_jar()), "-d", str(classes), str(src)],
                   check=True, capture_output=True)
    jar = tmp / "example-udfs.jar"
    with zipfile.ZipFile(jar, "w") as z:
        z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")
        for f in classes.rglob("*.class"):
            z.write(f, f.relative_to(classes).as_posix())
    return jar


def test_udf_mapping_runs_the_real_udf_class(spark_line):
    tmp = Path(tempfile.mkdtemp(prefix="t2s-udf-"))
    try:
        jar = _build_udf_jar(tmp)
        # The shipped example file, with the jar where this test built it.
        example = (REPO / "mappings" / "udfs" / "example.map").read_text()
        udfs = tmp / "udfs.map"
        udfs.write_text(example.replace("/opt/udfs/example-udfs.jar", str(jar)))
        query = tmp / "q.sql"
        query.write_text(QUERY)
        out = subprocess.run([T2S_BIN, "transpile", str(query), "--format", "json", "--spark", spark_line,
                              "--udfs", str(udfs)], capture_output=True, text=True)
        assert out.returncode == 0, out.stdout + out.stderr
        t = json.loads(out.stdout)
        assert t["status"] == "ok", t["diagnostics"]
        assert t["setup"] == [f"CREATE TEMPORARY FUNCTION normalize_email AS 'com.example.udf.NormalizeEmail' USING JAR '{jar}'"]
        assert any(r.startswith("normalize_email@") for r in t["rules"]), t["rules"]
        child = subprocess.run([sys.executable, "-c", CHILD], input=json.dumps([t["setup"], t["spark_sql"], t["spark_conf"], str(tmp)]),
                               capture_output=True, text=True, cwd=tmp, timeout=600,
                               env={**os.environ, "PYSPARK_PYTHON": sys.executable})
        lines = [l for l in child.stdout.splitlines() if l.startswith("ROWS ")]
        assert lines, child.stdout[-2000:] + child.stderr[-4000:]
        assert json.loads(lines[0][5:]) == EXPECTED
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def test_unknown_functions_are_flagged_unless_asked(tmp_path, spark_line):
    q = tmp_path / "q.sql"
    q.write_text("SELECT my_company_fn(1) AS x")
    flagged = subprocess.run([T2S_BIN, "transpile", str(q), "--format", "json"], capture_output=True, text=True)
    assert flagged.returncode == 2
    codes = [d["code"] for d in json.loads(flagged.stdout)["diagnostics"]]
    assert "unmapped-function" in codes, codes
    warned = subprocess.run([T2S_BIN, "transpile", str(q), "--format", "json", "--unknown-functions", "warn"],
                            capture_output=True, text=True)
    assert warned.returncode == 0, warned.stdout
    assert "my_company_fn(1)" in json.loads(warned.stdout)["spark_sql"]
