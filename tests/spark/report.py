"""The machine-readable report of an engine-suite run: target/spark-report-<line>.json."""
from __future__ import annotations

import datetime as _dt
import json
from collections import Counter

from trino2spark.verify import tpcdata

CLASSIFICATIONS = ("equal", "different", "spark_error", "flagged", "transpile_error")


def report_path(config):
    suffix = "-raw-trino" if config.t2s_raw_trino else ""
    return tpcdata.REPO_ROOT / "target" / f"spark-report-{config.t2s_spark_line}{suffix}.json"


def summary_line(results: dict) -> str:
    """e.g. 'tpch 22/22 equal, tpcds 95/103 equal (different 3, spark_error 5); ...'"""
    parts = []
    for bench in tpcdata.BENCHMARKS:
        rs = [r for q, r in results.items() if q.startswith(bench + "/")]
        if not rs:
            continue
        c = Counter(r["classification"] for r in rs)
        rest = ", ".join(f"{k} {c[k]}" for k in CLASSIFICATIONS[1:] if c[k])
        parts.append(f"{bench} {c['equal']}/{len(rs)} equal" + (f" ({rest})" if rest else ""))
    known = sum(1 for r in results.values() if r.get("known_divergence") and r["classification"] != "equal")
    secs = sum(r.get("seconds", 0.0) for r in results.values())
    line = ", ".join(parts)
    if known:
        line += f"; {known} listed in known_divergences.json"
    return line + f"; {secs:.1f} s in queries"


def write(config):
    results = config.t2s_results
    path = report_path(config)
    path.parent.mkdir(parents=True, exist_ok=True)
    counts = {}
    for bench in tpcdata.BENCHMARKS:
        rs = [r for q, r in results.items() if q.startswith(bench + "/")]
        if rs:
            c = Counter(r["classification"] for r in rs)
            counts[bench] = {"queries": len(rs), **{k: c[k] for k in CLASSIFICATIONS}}
    line = summary_line(results)
    doc = {
        "spark_line": config.t2s_spark_line,
        "spark_version": getattr(config, "t2s_spark_version", None),
        "pyspark_version": config.t2s_pyspark_version,
        "mode": "raw-trino" if config.t2s_raw_trino else "transpiled",
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "spark_startup_seconds": getattr(config, "t2s_spark_startup_seconds", None),
        "data_dir": str(tpcdata.DATA_DIR),
        "corpus_dir": str(tpcdata.CORPUS_DIR),
        "summary": line,
        "counts": counts,
        "queries": {q: results[q] for q in sorted(results, key=tpcdata.natural_key)},
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, default=str)
        f.write("\n")
    return path, line
