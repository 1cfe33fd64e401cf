"""trino2spark.verify: run each Trino query on a real Trino and its translation on a real Spark
over the same data, compare, and classify (equal, different, spark_error, trino_error, flagged,
approximate).

    from trino2spark.verify import verify
    res = verify("corpus/joins", spark=spark, trino="http://127.0.0.1:18080")
    print(res.summary); res.write("report.html")

    verify("SELECT l_returnflag, count(*) FROM lineitem GROUP BY 1 ORDER BY 1",
           schema="examples/schemas/tpch.json", synthesize=True, seed=1, spark=spark,
           trino="http://127.0.0.1:18080")

Command line: ``python -m trino2spark.verify CASES… [--trino URL] [--record] [--report out.html]
[--format json] [--schema S] [--synthesize] [--seed N]`` (also ``trino2spark verify …``).
Needs pyspark in the interpreter; Trino is reached over HTTP (no client package needed).
"""
from __future__ import annotations

import sys
import types
from pathlib import Path

from . import report as _report
from .cases import Case, collect, parse_case
from .harness import CaseResult, Context, dump_recorded, prefetch, run_trino, verify_case
from .trino_client import Trino, TrinoQueryFailed, TrinoUnavailable, default_url

__all__ = ["verify", "Results", "CaseResult", "Case", "parse_case", "Trino", "check_recorded"]


class Results(list):
    """The per-case results (CaseResult) of one run, with the summary and reports."""

    def __init__(self, items=(), meta: dict | None = None):
        super().__init__(items)
        self.meta = dict(meta or {})

    @property
    def summary(self) -> str:
        return _report.summary_line(self, self.meta)

    @property
    def counts(self) -> dict:
        return _report.counts(self)

    @property
    def exit_code(self) -> int:
        return _report.exit_code(self)

    @property
    def ok(self) -> bool:
        return self.exit_code == 0

    def by_id(self, case_id: str) -> CaseResult:
        return next(r for r in self if r.id == case_id)

    def to_json(self) -> dict:
        return _report.to_json(self, self.meta)

    def to_html(self) -> str:
        return _report.to_html(self, self.meta)

    def _repr_html_(self) -> str:
        return self.to_html()

    def write(self, path) -> Path:
        """Write the report: HTML unless the name ends in .json."""
        import json
        p = Path(path)
        if p.suffix == ".json":
            p.write_text(json.dumps(self.to_json(), indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
        else:
            p.write_text(self.to_html(), encoding="utf-8")
        return p

    def __repr__(self) -> str:
        return f"<Results {self.summary}>"


def _trino_client(trino) -> Trino | None:
    """None: no live Trino; "auto": the default URL if something answers; a URL or a Trino."""
    if trino is None or trino is False:
        return None
    if isinstance(trino, Trino):
        return trino
    auto = trino in ("auto", True)
    client = Trino(None if auto else str(trino))
    try:
        client.execute("SELECT 1")
    except (TrinoUnavailable, TrinoQueryFailed) as e:
        if auto:
            return None
        raise TrinoUnavailable(f"no Trino answers at {client.url}: {e}") from None
    return client


def _schemas(schema) -> list:
    if schema is None:
        return []
    if isinstance(schema, (str, Path)):
        return [Path(schema)]
    return [Path(s) for s in schema]


def verify(cases_or_sql, spark=None, trino=None, record: bool = False, report=None, schema=None,
           synthesize: bool = False, seed: int = 0, *, rows: int = 20, spark_sql: str | None = None,
           spark_conf: dict | None = None, spark_line: str | None = None, root=None) -> Results:
    """Verify cases (files, folders, SQL text or Case objects; one or a list).

    spark: a SparkSession (None: a local one on 127.0.0.1). trino: a URL, "auto" (the local
    Trino if it answers) or None (use the recorded results). record: write Trino's results
    beside each case (``<case>.trino.json``). report: write an HTML (or .json) report there.
    schema: JSON catalogs or CREATE TABLE files for the transpiler; with synthesize=True their
    tables are filled with synthesised rows (seed, rows) on both engines. spark_sql: run this
    Spark SQL instead of the translation (one case only).
    """
    items = cases_or_sql if isinstance(cases_or_sql, (list, tuple)) else [cases_or_sql]
    cases = collect(list(items), Path(root) if root else Path.cwd())
    if spark_sql is not None:
        if len(cases) != 1:
            raise ValueError("spark_sql overrides the translation of exactly one case")
        cases[0].spark_sql, cases[0].spark_conf = spark_sql, spark_conf
    if spark is None:
        from .sparkrun import local_session
        spark = local_session()
    from .sparkrun import session_line
    line = spark_line or session_line(spark)
    client = _trino_client(trino)
    schemas = _schemas(schema)
    synth_tables = []
    if synthesize:
        from .synth import load_schema, synthesize as _synth
        if not schemas:
            raise ValueError("synthesize=True needs a schema (a JSON catalog or CREATE TABLE file)")
        if client is None:
            raise ValueError("synthesised data needs a live Trino (trino=URL)")
        for s in schemas:
            synth_tables += _synth(load_schema(s), seed=seed, rows=rows)
    ctx = Context(spark=spark, trino=client, spark_line=line, record=record, schemas=schemas,
                  synth_tables=synth_tables)
    meta = {"spark": f"{spark.version} (line {line})"}
    if client is not None:
        ctx.trino_version = client.version()
        meta["trino"] = f"{ctx.trino_version} at {client.url} (live)"
    else:
        meta["trino"] = "recorded results"
    if synthesize:
        meta["data"] = f"synthesized, seed {seed}, {rows} random rows per table"
    pool = prefetch(ctx, cases)
    try:
        results = Results([verify_case(ctx, c) for c in cases], meta)
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
    if report:
        results.write(report)
    return results


def check_recorded(cases_or_paths, trino="auto", root=None) -> list[tuple[str, str, str]]:
    """Re-run cases on the live Trino and compare with their recorded results (Trino against
    Trino: columns and rows; rows in order only for `-- compare: ordered` cases; flagged cases
    by columns only; doubles to the harness's tolerance). Returns [(case id,
    "same"|"DIFF"|"NEW"|"FAIL", detail)]."""
    client = _trino_client(trino)
    if client is None:
        raise TrinoUnavailable("check_recorded needs a live Trino")
    version = client.version()
    ctx = Context(spark=None, trino=client, spark_line="4", trino_version=version)
    from . import tables as tbl
    cases = collect(list(cases_or_paths) if isinstance(cases_or_paths, (list, tuple)) else [cases_or_paths],
                    Path(root) if root else Path.cwd())
    pool = prefetch(ctx, cases)
    out = []
    for case in cases:
        fut = ctx.prefetched.pop(id(case), None)
        if fut is not None:
            live = fut.result()
        else:
            tbl.load_trino(client, case.tables)
            try:
                live = run_trino(ctx, case)
            finally:
                tbl.drop_trino(client, case.tables)
        rec = case.load_recorded()
        if rec is None:
            out.append((case.id, "NEW", "no recorded result"))
            continue
        if "error" in live and "error" not in rec:
            out.append((case.id, "FAIL", f"{live['error'].get('name')}: {live['error'].get('message')}"))
            continue
        if "untyped" in rec:
            from .untyped import compare_rows
            exp = rec["untyped"]
            c = compare_rows(_decode_live(live), exp.rows, exp.ncols)
            out.append((case.id, "same" if c.equal else "DIFF", c.summary))
            continue
        if "error" in rec:
            same = "error" in live and live["error"].get("name") == rec["error"].get("name")
            out.append((case.id, "same" if same else "DIFF", "recorded error"))
            continue
        flagged = bool(case.expect and case.expect[0] == "flagged")
        if rec["columns"] != live["columns"]:
            out.append((case.id, "DIFF", "columns differ"))
            continue
        if flagged:
            out.append((case.id, "same", "columns (flagged case: rows not compared)"))
            continue

        from .compare import compare_trino
        c = compare_trino(rec, live, ordered=case.ordered)
        out.append((case.id, "same" if c.equal else "DIFF", c.summary))
    if pool is not None:
        pool.shutdown()
    return out


def _decode_live(live: dict) -> list[tuple]:
    """Live Trino rows as Python values comparable with expected_tiny's (untyped.compare_rows)."""
    import datetime as dt
    from decimal import Decimal
    from .ttypes import parse_ttype
    from .values import _FLOAT_TEXT
    types = [parse_ttype(c["type"]) for c in live["columns"]]
    out = []
    for r in live["rows"]:
        row = []
        for v, t in zip(r, types):
            if v is None:
                row.append(None)
            elif t.base == "decimal":
                row.append(Decimal(v))
            elif t.base in ("double", "real"):
                row.append(_FLOAT_TEXT[v] if v in _FLOAT_TEXT else float(v))
            elif t.base == "date":
                row.append(dt.date.fromisoformat(v))
            else:
                row.append(v)
        out.append(tuple(row))
    return out


class _CallableModule(types.ModuleType):
    """`trino2spark.verify(...)` calls verify() even where `trino2spark.verify` is this module."""

    def __call__(self, *args, **kwargs):
        return verify(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
