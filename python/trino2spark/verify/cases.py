"""The case format (corpus/README.md): one Trino query per ``.sql`` file, with header comments

    -- <what the case proves>
    -- expect: ok | flagged <code>… | error <code>   (-- expect@3.5: … for one Spark line)
    -- compare: ordered            rows in order (else: multiset, sort keys in ORDER BY order)
    -- dataset: tpch.tiny | tpcds.tiny   run on a named dataset (Trino's tpch/tpcds catalogs,
                                   the same data as Spark views)
    -- spark: 4 | 3.5              the Spark line the case is for
    -- tolerance: 1e-6             relative tolerance of doubles (default 1e-9)
    -- table: t(a integer, b decimal(5,2), c array(varchar))
    -- row: [1, "1.50", ["x", null]]     one JSON row of t, encoded as in .trino.json
    -- row: [null, null, null]

tables may instead (or also) come from a sidecar ``<case>.tables.json``:
``{"tables": [{"name": "t", "columns": [{"name": "a", "type": "integer"}], "rows": [[1]]}]}``,
and Trino's recorded result is ``<case>.trino.json``. A query file inside a ``tpch/`` or
``tpcds/`` folder (the TPC corpus) runs on that dataset, and its recorded result is
``expected_tiny/<name>.sql`` beside it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .ttypes import parse_ttype, split_top

DATASETS = {"tpch.tiny": ("tpch", "tiny", "tpch"), "tpcds.tiny": ("tpcds", "tiny", "tpcds")}
"""dataset -> (Trino catalog, Trino schema, Spark database / examples/schemas name)."""


@dataclass
class Table:
    name: str
    columns: list[tuple[str, str]]  # (name, Trino type)
    rows: list[list] = field(default_factory=list)

    def schema_json(self) -> dict:
        return {"name": self.name, "columns": [{"name": n, "type": t} for n, t in self.columns]}


@dataclass
class Case:
    id: str
    sql: str
    path: Path | None = None
    expect: list[str] | None = None  # ["ok"] / ["flagged", codes…] / None (no expectation)
    expect_by_line: dict = field(default_factory=dict)
    ordered: bool = False
    dataset: str | None = None
    spark_line: str | None = None
    tolerance: float | None = None
    tables: list[Table] = field(default_factory=list)
    known_failures: dict = field(default_factory=dict)  # Spark line -> reason (KNOWN_FAILURES.md)
    spark_sql: str | None = None  # an override: run this instead of the translation
    spark_conf: dict | None = None

    def expectation(self, line: str) -> list[str] | None:
        return self.expect_by_line.get(line) or self.expect

    @property
    def recorded_path(self) -> Path | None:
        if self.path is None:
            return None
        if self.path.parent.name in ("tpch", "tpcds") and (self.path.parent / "expected_tiny").is_dir():
            return self.path.parent / "expected_tiny" / f"{self.path.stem}.sql"
        return self.path.with_name(self.path.name.removesuffix(".sql") + ".trino.json")

    @property
    def tables_path(self) -> Path | None:
        if self.path is None:
            return None
        return self.path.with_name(self.path.name.removesuffix(".sql") + ".tables.json")

    def load_recorded(self) -> dict | None:
        """The recorded Trino result: {"columns", "rows"} or {"error"}, with "source"; None when
        there is none. TPC expected_tiny files have no column types: {"untyped": Expected}."""
        p = self.recorded_path
        if p is None or not p.is_file():
            return None
        if p.suffix == ".sql":
            from .expected import load_expected
            return {"untyped": load_expected(p), "source": str(p)}
        return json.loads(p.read_text(encoding="utf-8"))


_TABLE = re.compile(r"^--\s*table:\s*([A-Za-z_][\w]*)\s*\((.*)\)\s*$")
_COLUMN = re.compile(r'^("(?:[^"]|"")*"|[A-Za-z_][\w]*)\s+(.+)$', re.S)


def parse_columns(text: str) -> list[tuple[str, str]]:
    cols = []
    for item in split_top(text):
        m = _COLUMN.match(item.strip())
        if not m:
            raise ValueError(f"bad column definition {item!r} (want: name type)")
        name = m.group(1)
        name = name[1:-1].replace('""', '"') if name.startswith('"') else name
        parse_ttype(m.group(2))
        cols.append((name, m.group(2).strip()))
    return cols


def parse_case(sql: str, *, path: Path | None = None, case_id: str | None = None) -> Case:
    case = Case(id=case_id or (path.with_suffix("").as_posix() if path else "query"), sql=sql, path=path)
    current: Table | None = None
    for raw in sql.splitlines():
        line = raw.strip()
        if not line.startswith("--"):
            continue
        body = line[2:].strip()
        m = _TABLE.match(line)
        if m:
            current = Table(m.group(1), parse_columns(m.group(2)))
            case.tables.append(current)
            continue
        key, sep, value = body.partition(":")
        if not sep:
            continue
        key, value = key.strip().lower(), value.strip()
        if key == "row":
            if current is None:
                raise ValueError(f"{case.id}: `-- row:` before any `-- table:`")
            row = json.loads(value)
            if not isinstance(row, list) or len(row) != len(current.columns):
                raise ValueError(f"{case.id}: a row of {current.name} must be a JSON array of "
                                 f"{len(current.columns)} values: {value}")
            current.rows.append(row)
            continue
        current = None if key != "row" else current
        if key == "expect" and case.expect is None:
            case.expect = value.split() or ["ok"]
        elif key.startswith("expect@"):
            case.expect_by_line.setdefault(key[len("expect@"):], value.split() or ["ok"])
        elif key == "compare":
            case.ordered = "ordered" in value.split()
        elif key == "dataset":
            if value not in DATASETS:
                raise ValueError(f"{case.id}: unknown dataset {value!r} (known: {', '.join(DATASETS)})")
            case.dataset = value
        elif key == "spark":
            if value not in ("4", "3.5"):
                raise ValueError(f"{case.id}: `-- spark:` must be 4 or 3.5, not {value!r}")
            case.spark_line = value
        elif key == "tolerance":
            case.tolerance = float(value)
    return case


def load_case(path: Path, root: Path | None = None) -> Case:
    path = Path(path)
    rel = path
    if root is not None:
        try:
            rel = path.resolve().relative_to(root.resolve())
        except ValueError:
            rel = path
    case = parse_case(path.read_text(encoding="utf-8"), path=path,
                      case_id=rel.with_suffix("").as_posix())
    if case.dataset is None and path.parent.name in ("tpch", "tpcds"):
        case.dataset = f"{path.parent.name}.tiny"
        case.id = f"{path.parent.name}/{path.stem}"
    attach_known_failures(case)
    side = case.tables_path
    if side is not None and side.is_file():
        doc = json.loads(side.read_text(encoding="utf-8"))
        for t in doc.get("tables", []):
            cols = [(c["name"], c["type"]) for c in t["columns"]]
            for c in cols:
                parse_ttype(c[1])
            case.tables.append(Table(t["name"], cols, list(t.get("rows", []))))
    return case


SNAPSHOT_ONLY = ("statements",)


def collect(args: list, root: Path | None = None) -> list[Case]:
    """Cases from files, folders (every .sql under them, except corpus/statements/, which is
    snapshot-only), or SQL text."""
    out: list[Case] = []
    for a in args:
        if isinstance(a, Case):
            out.append(a)
            continue
        p = Path(a)
        if isinstance(a, Path) or (len(str(a)) < 4096 and "\n" not in str(a) and p.exists()):
            if p.is_dir():
                for f in sorted(p.rglob("*.sql")):
                    skip = set(f.relative_to(p).parts[:-1]) & {"expected_tiny", *SNAPSHOT_ONLY}
                    if not skip:
                        out.append(load_case(f, root))
            else:
                out.append(load_case(p, root))
        else:
            out.append(parse_case(str(a), case_id=f"query{len(out) + 1}"))
    return out


_FIXME = re.compile(
    r"^\s*[-*]\s*FIXME\s+(?:(types)\s+)?`([^`]+)`\s*(?:\[spark\s+([^\]]+)\])?\s*:?\s*(.*)$")


def known_failures(path: Path, version: str, kind: str = "values") -> dict[str, str]:
    """case id (relative to the corpus folder, no .sql) -> reason, for the FIXME lines of a
    KNOWN_FAILURES.md of this kind ("values" or "types") that apply to Spark line ``version``."""
    out: dict[str, str] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _FIXME.match(line)
        if not m or (m.group(1) or "values") != kind:
            continue
        versions = [v.strip() for v in (m.group(3) or "").split(",") if v.strip()]
        if not versions or version in versions:
            out[m.group(2).removesuffix(".sql")] = m.group(4).strip() or "known failure"
    return out


def attach_known_failures(case: Case) -> None:
    """Fill case.known_failures from the KNOWN_FAILURES.md of the corpus folder holding it."""
    if case.path is None:
        return
    for d in Path(case.path).resolve().parents:
        kf = d / "KNOWN_FAILURES.md"
        if kf.is_file():
            rel = Path(case.path).resolve().relative_to(d).with_suffix("").as_posix()
            for line in ("4", "3.5"):
                reason = known_failures(kf, line).get(rel)
                if reason:
                    case.known_failures[line] = reason
            return
