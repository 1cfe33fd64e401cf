"""Every TPC-H and TPC-DS query of ../shared/corpus, transpiled and run on a real Spark, compared
with Trino's recorded result. See README.md for the classifications and the known-divergence
list."""
from __future__ import annotations

import json

import pytest

import runner
from trino2spark.verify import tpcdata

if not tpcdata.CORPUS_DIR.is_dir():
    pytest.skip(
        f"the query corpus {tpcdata.CORPUS_DIR} is absent (it lives in ../shared/corpus beside "
        "the repository, or set T2S_CORPUS): TPC engine suite skipped",
        allow_module_level=True,
    )

KNOWN_FILE = tpcdata.REPO_ROOT / "tests" / "spark" / "known_divergences.json"
with open(KNOWN_FILE, encoding="utf-8") as _f:
    KNOWN: dict = json.load(_f)

QUERIES = [(bench, p) for bench in tpcdata.BENCHMARKS for p in tpcdata.query_files(bench)]


def test_corpus_is_complete():
    """Every query has its expected result, and the corpus has the queries it should."""
    counts = {b: len(tpcdata.query_files(b)) for b in tpcdata.BENCHMARKS}
    assert counts == {"tpch": 22, "tpcds": 103}, counts
    missing = [f"{b}/{p.stem}" for b, p in QUERIES if not tpcdata.expected_file(b, p.stem).is_file()]
    assert not missing, f"no expected_tiny result for {missing}"


def test_known_divergences_file():
    """Each entry names a corpus query, the Spark lines it applies to, and its evidence."""
    ids = {f"{b}/{p.stem}" for b, p in QUERIES}
    problems = []
    for qid, entry in KNOWN.items():
        if qid not in ids:
            problems.append(f"{qid}: not a query of the corpus")
        if not isinstance(entry, dict):
            problems.append(f"{qid}: entry is not an object")
            continue
        lines = entry.get("spark")
        if not isinstance(lines, list) or not lines or not set(lines) <= {"4", "3.5"}:
            problems.append(f"{qid}: 'spark' must be a non-empty list of \"4\" / \"3.5\"")
        if not isinstance(entry.get("reason"), str) or not entry["reason"].strip():
            problems.append(f"{qid}: 'reason' (the evidence) is missing")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("bench,path", QUERIES, ids=[f"{b}/{p.stem}" for b, p in QUERIES])
def test_query(bench, path, spark, spark_line, pytestconfig):
    qid = f"{bench}/{path.stem}"
    res = runner.run_query(spark, bench, path, spark_line, pytestconfig.t2s_raw_trino)
    entry = KNOWN.get(qid)
    listed = bool(entry) and spark_line in entry.get("spark", [])
    res["known_divergence"] = listed
    pytestconfig.t2s_results[qid] = res

    if res["classification"] == "equal":
        if listed and not pytestconfig.t2s_raw_trino:
            pytest.fail(
                f"{qid} is listed in tests/spark/known_divergences.json for Spark {spark_line} "
                "but now returns Trino's result: remove it from the list",
                pytrace=False,
            )
        return
    if listed:
        pytest.xfail(f"known divergence ({res['classification']}): {entry['reason']}")
    pytest.fail(runner.failure_message(res), pytrace=False)
