"""Verifying one case: translate it, run the Trino query on Trino (live, or its recorded result)
and the translation on Spark over the same data, compare, classify.

Classifications:

* ``equal``        same rows (or the same class of error on both sides)
* ``different``    other rows, or another class of error (the smallest row diff is in ``diff``)
* ``spark_error``  Spark failed where Trino returned rows
* ``trino_error``  Trino failed where Spark returned rows
* ``flagged``      the transpiler refused the query (``reason``: its error diagnostics)
* ``approximate``  flagged only as ``approximate`` (estimates such as approx_distinct): both ran
                   and agree within the approximate tolerance (T2S_APPROX_TOLERANCE, 5 %
                   relative); outside it the case stays ``flagged``, with the run in ``reason``
* ``error``        the harness could not verify the case (no transpiler output, no Trino and
                   nothing recorded, tables that do not load)
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import tables as tbl
from .cases import DATASETS, Case
from .compare import compare, order_key_columns
from .errors import trino_error_class
from .transpile import diag_text, error_diagnostics, transpile
from .trino_client import Trino, TrinoQueryFailed, TrinoUnavailable

APPROX_TOLERANCE = float(os.environ.get("T2S_APPROX_TOLERANCE", "0.05"))
MAX_ROWS = 100_000
OK_CLASSES = ("equal", "approximate")


@dataclass
class CaseResult:
    id: str
    classification: str
    trino_sql: str
    spark_sql: str | None = None
    spark_conf: dict = field(default_factory=dict)
    diagnostics: list = field(default_factory=list)
    reason: str | None = None  # flagged: why; error: what went wrong
    diff: str | None = None  # one line
    details: str | None = None  # the readable diff
    only_trino: list = field(default_factory=list)
    only_spark: list = field(default_factory=list)
    trino: dict | None = None  # {"source", "rows": n, "error"?, "error_class"?}
    spark: dict | None = None  # {"rows": n, "error"?, "condition"?, "error_class"?}
    type_notes: list = field(default_factory=list)  # Spark column types that are not Trino's
    expectation: list | None = None
    expectation_met: bool = True
    known_failure: str | None = None  # listed in KNOWN_FAILURES.md for this Spark line
    data: str | None = None  # where the rows came from: inline, tables, dataset, synthesized
    seconds: float = 0.0
    file: str | None = None

    @property
    def ok(self) -> bool:
        """Counts as a pass: equal / approximate, or flagged where the case expects (or does not
        say otherwise) that it is flagged."""
        if not self.expectation_met:
            return False
        if self.known_failure:
            return True
        return self.classification in OK_CLASSES or self.classification == "flagged"

    def to_json(self) -> dict:
        d = asdict(self)
        return {k: v for k, v in d.items() if v not in (None, [], {}) or k in ("classification", "id")}


@dataclass
class Context:
    spark: object
    trino: Trino | None
    spark_line: str
    record: bool = False
    schemas: list = field(default_factory=list)  # paths given by the user (for the transpiler)
    synth_tables: list = field(default_factory=list)  # synthesised Tables
    check_recorded: bool = False
    trino_version: str | None = None
    registered: set = field(default_factory=set)
    prefetched: dict = field(default_factory=dict)  # case id -> Future of run_trino


def prefetch(ctx: Context, cases: list[Case], workers: int = 2):
    """Start the Trino side of the cases that need no tables loaded (inline data, datasets) on a
    small thread pool, so that Trino works while Spark runs the cases before. Returns the pool
    (shut it down when done) or None."""
    if ctx.trino is None or ctx.synth_tables:
        return None
    todo = [c for c in cases if not c.tables and c.spark_line in (None, ctx.spark_line)]
    if not todo:
        return None
    from concurrent.futures import ThreadPoolExecutor
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="t2s-trino")
    for c in todo:
        ctx.prefetched[id(c)] = pool.submit(run_trino, ctx, c)
    return pool


def _dataset_schema(dataset: str) -> Path | None:
    from .tpcdata import SCHEMA_DIR
    p = SCHEMA_DIR / f"{DATASETS[dataset][2]}.json"
    return p if p.is_file() else None


def _ensure_dataset(ctx: Context, dataset: str) -> None:
    db = DATASETS[dataset][2]
    if db in ctx.registered:
        return
    from . import tpcdata
    missing = [m for m in tpcdata.missing_data() if m.startswith(db + ".")]
    if missing:
        raise RuntimeError(f"no Parquet data for {dataset} under {tpcdata.DATA_DIR} (run scripts/gen_data.sh)")
    tpcdata.register_tables(ctx.spark, db)
    ctx.registered.add(db)


def dump_recorded(doc: dict) -> str:
    """A .trino.json with one row per line: readable diffs, stable bytes."""
    if "error" in doc:
        return json.dumps({"source": doc["source"], "error": doc["error"]}, ensure_ascii=False) + "\n"
    head = json.dumps({"source": doc["source"], "columns": doc["columns"]}, ensure_ascii=False)
    rows = [json.dumps(r, ensure_ascii=False) for r in doc["rows"]]
    body = ",\n    ".join(rows)
    return head[:-1] + ',\n  "rows": [' + ("\n    " + body + "\n  " if rows else "") + "]}\n"


def run_trino(ctx: Context, case: Case) -> dict:
    """{"columns", "rows"} or {"error": {...}} from the live Trino, with "source"."""
    catalog, schema = (DATASETS[case.dataset][:2] if case.dataset
                       else (tbl.TRINO_CATALOG, tbl.TRINO_SCHEMA))
    source = f"trino {ctx.trino_version}"
    try:
        res = ctx.trino.execute(case.sql, catalog=catalog, schema=schema)
        return {"source": source, **res}
    except TrinoQueryFailed as e:
        return {"source": source, "error": e.info}


def _trino_reference(ctx: Context, case: Case) -> dict | None:
    """The Trino side: live when a Trino is reachable (recorded beside the case with --record),
    else the recorded result."""
    if ctx.trino is not None:
        fut = ctx.prefetched.pop(id(case), None)
        doc = fut.result() if fut is not None else run_trino(ctx, case)
        if ctx.record and case.path is not None and case.recorded_path.suffix == ".json":
            case.recorded_path.write_text(dump_recorded(doc), encoding="utf-8")
        doc["live"] = True
        return doc
    rec = case.load_recorded()
    if rec is None or "untyped" in rec:
        return rec
    rec["live"] = False
    return rec


def verify_case(ctx: Context, case: Case) -> CaseResult:
    t0 = time.monotonic()
    res = CaseResult(id=case.id, classification="error", trino_sql=case.sql,
                     file=str(case.path) if case.path else None)
    res.expectation = case.expectation(ctx.spark_line)
    try:
        _verify(ctx, case, res)
    finally:
        res.seconds = round(time.monotonic() - t0, 3)
    known = case.known_failures.get(ctx.spark_line)
    if known and res.classification not in ("error", "skipped"):
        if res.ok:  # strict, as the engine suite: a listed case that passes must be unlisted
            res.expectation_met = False
            res.reason = f"listed in KNOWN_FAILURES.md ({known}) but now passes: delete the line"
        else:
            res.known_failure = known
    return res


def _verify(ctx: Context, case: Case, res: CaseResult) -> None:
    if case.spark_line and case.spark_line != ctx.spark_line:
        res.classification = "skipped"
        res.reason = f"the case is for Spark {case.spark_line}; this session runs Spark {ctx.spark_line}"
        return
    tables = list(case.tables)
    if ctx.synth_tables:
        from .synth import tables_in_query
        tables += tables_in_query(case.sql, ctx.synth_tables)
    res.data = ("dataset " + case.dataset if case.dataset else
                "synthesized" if ctx.synth_tables else "tables" if case.tables else "inline")

    # 1. Translate (or take the override).
    schemas = list(ctx.schemas)
    tmp_schema = None
    if case.dataset and _dataset_schema(case.dataset):
        schemas.append(_dataset_schema(case.dataset))
    if tables:
        tmp_schema = tbl.schema_file(tables)
        schemas.append(tmp_schema)
    try:
        if case.spark_sql is not None:
            out = {"status": "ok", "spark_sql": case.spark_sql, "spark_conf": dict(case.spark_conf or {}),
                   "diagnostics": [], "engine": "override"}
        else:
            out = transpile(case.sql, ctx.spark_line, schemas)
    finally:
        if tmp_schema:
            os.unlink(tmp_schema)
    res.spark_sql, res.spark_conf = out.get("spark_sql"), out.get("spark_conf") or {}
    res.diagnostics = out.get("diagnostics") or []
    if out.get("contract_error"):
        res.reason = out["contract_error"]
        return
    status = out["status"]
    errors = error_diagnostics(out)
    codes = {d.get("code") for d in errors}
    approximate = status == "flagged" and codes == {"approximate"}
    expect = res.expectation
    if status == "error":
        res.reason = "the transpiler reports an error (not valid Trino?):\n" + diag_text(errors)
        res.expectation_met = bool(expect and expect[0] == "error")
        res.classification = "flagged" if res.expectation_met else "error"
        return
    if expect:
        if expect[0] == "flagged":
            res.expectation_met = status == "flagged" and set(expect[1:]) <= codes
        elif expect[0] == "ok":
            res.expectation_met = status == "ok"
    if status == "flagged" and not approximate:
        res.classification = "flagged"
        res.reason = diag_text(errors)
        return

    # 2. The data, on both engines.
    live = ctx.trino is not None
    try:
        if tables and live:
            tbl.load_trino(ctx.trino, tables)
        if tables:
            tbl.load_spark(ctx.spark, tables)
        if case.dataset:
            _ensure_dataset(ctx, case.dataset)
    except (TrinoQueryFailed, TrinoUnavailable, RuntimeError, ValueError) as e:
        res.reason = f"loading the tables failed: {e}"
        return
    except Exception as e:  # noqa: BLE001 - a Spark analysis error of the view text
        res.reason = f"loading the tables into Spark failed: {str(e).splitlines()[0] if str(e) else e}"
        return

    try:
        # 3. Trino (live or recorded), 4. Spark.
        ref = _trino_reference(ctx, case)
        if ref is None:
            res.reason = ("no Trino is reachable and nothing is recorded for this case "
                          "(run with a Trino and --record)")
            return
        from .sparkrun import run_sql
        database = DATASETS[case.dataset][2] if case.dataset else None
        sp = run_sql(ctx.spark, res.spark_sql, res.spark_conf, database=database, max_rows=MAX_ROWS,
                     tag=case.id.replace("/", "_"))
    finally:
        if tables:
            tbl.drop_spark(ctx.spark, tables)
            if live:
                tbl.drop_trino(ctx.trino, tables)
    _classify(case, res, ref, sp, approximate)
    if approximate and res.classification != "approximate":
        # Estimates outside the tolerance (or a failing run) leave the case flagged: the
        # transpiler said the results may differ.
        res.reason = (diag_text(errors) + f"\nthe flagged translation was run anyway: {res.classification}"
                      + (f": {res.diff}" if res.diff else ""))
        res.classification = "flagged"


def _classify(case: Case, res: CaseResult, ref: dict, sp: dict, approximate: bool) -> None:
    if "untyped" in ref:  # a TPC expected_tiny file (no Trino reachable)
        res.trino = {"source": ref["source"], "rows": len(ref["untyped"].rows), "live": False}
    elif "error" in ref:
        res.trino = {"source": ref.get("source"), "live": ref.get("live"), "error": ref["error"].get("message"),
                     "error_name": ref["error"].get("name"), "error_class": trino_error_class(ref["error"])}
    else:
        res.trino = {"source": ref.get("source"), "live": ref.get("live"), "rows": len(ref["rows"])}
    if "error" in sp:
        res.spark = {"error": sp["error"], "condition": sp.get("condition"), "error_class": sp["error_class"]}
    else:
        res.spark = {"rows": len(sp["rows"])}

    t_err, s_err = "error" in ref, "error" in sp
    if t_err and s_err:
        tc, sc = res.trino["error_class"], res.spark["error_class"]
        if tc == sc and tc != "other":
            res.classification = "equal"
            res.diff = f"both engines fail with {tc}"
        else:
            res.classification = "different"
            res.diff = f"both fail, differently: Trino {res.trino['error_name']} ({tc}), Spark {sp.get('condition')} ({sc})"
        return
    if t_err:
        res.classification = "trino_error"
        res.diff = f"Trino fails ({res.trino['error_name']}: {res.trino['error']}); Spark returns {len(sp['rows'])} rows"
        return
    if s_err:
        res.classification = "spark_error"
        res.diff = f"Spark fails ({sp.get('condition') or sp['error_class']}); Trino returns {res.trino['rows']} rows"
        return
    if "untyped" in ref:
        from .untyped import compare_rows
        exp = ref["untyped"]
        c = compare_rows(sp["rows"], exp.rows, exp.ncols)
        res.classification = "equal" if c.equal else "different"
        res.diff, res.details = c.summary, c.details or None
        return
    names = [c["name"] for c in ref["columns"]]
    keys = order_key_columns(case.sql, names)
    tol = APPROX_TOLERANCE if approximate else case.tolerance
    cmp = compare(ref, sp["rows"], sp["names"], order_keys=keys, ordered=case.ordered, rel_tol=tol)
    res.diff, res.details = cmp.summary, cmp.details or None
    res.type_notes = _type_notes(ref["columns"], sp.get("schema"))
    res.only_trino, res.only_spark = cmp.to_json()["only_trino"], cmp.to_json()["only_spark"]
    if cmp.equal:
        res.classification = "approximate" if approximate else "equal"
    else:
        res.classification = "different"


def _type_notes(columns: list, schema) -> list[str]:
    """Columns whose Spark type is not the Spark spelling of Trino's (a CTAS or a UNION would see
    it): reported, not classified."""
    if schema is None or len(schema.fields) != len(columns):
        return []
    from .ttypes import parse_ttype
    from .values import type_mismatch
    notes = []
    for c, f in zip(columns, schema.fields):
        bad = type_mismatch(parse_ttype(c["type"]), f.dataType)
        if bad:
            notes.append(f"column {c['name']}: Trino {bad}")
    return notes
