#!/usr/bin/env python3
"""Speed and memory of trino2spark against SQLGlot (the compiled build, ``sqlglot[c]``) on the
same corpus, in the same run.

The two are interleaved — one trino2spark corpus run, one SQLGlot corpus run, and again — so
noise from other work on the (shared, 2-core) machine hits both alike. trino2spark runs in a
child process (``bench_corpus --serve``: corpus and catalogs loaded once, one timed run per
request); SQLGlot runs in this process, ``sqlglot.transpile(sql, read="trino", write="spark")``.
Each side times its own run in-process, single-threaded.

Reported: per-run wall time (median, p10, p90) of each, the ratio SQLGlot / trino2spark of the
medians and the median of the per-pair ratios, queries/second, the peak RSS (VmHWM) of each
process, and how many corpus queries each translated without error. SQLGlot does much less (no
types, no name resolution, no semantic rewrites), so the ratio compares unequal work.

Usually run through ``scripts/bench.sh``, which makes the venv and builds the binary.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def vm_hwm_kib() -> int | None:
    """Peak RSS of this process in KiB (VmHWM), or None off Linux."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def quantile(values: list[float], q: float) -> float:
    """Linear-interpolated quantile (numpy's default), as bench_corpus computes it."""
    s = sorted(values)
    pos = q * (len(s) - 1)
    lo, hi = int(pos), min(int(pos) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def summary(runs: list[float], n_queries: int) -> dict:
    med = quantile(runs, 0.5)
    return {
        "median": med,
        "p10": quantile(runs, 0.1),
        "p90": quantile(runs, 0.9),
        "min": min(runs),
        "max": max(runs),
        "all": runs,
        "queries_per_second": n_queries / med,
    }


def sort_key(p: Path):
    stem = p.stem.lstrip("q")
    n, _, sub = stem.partition("_")
    return (int(n) if n.isdigit() else 1 << 32, int(sub) if sub.isdigit() else 0, str(p))


def load_corpus(corpus: Path) -> list[tuple[str, str]]:
    """(name, sql) of every tpch/q*.sql and tpcds/q*.sql, in bench_corpus's order."""
    out = []
    for folder in ("tpch", "tpcds"):
        files = sorted((p for p in (corpus / folder).glob("*.sql") if p.is_file()), key=sort_key)
        out += [(f"{folder}/{p.name}", p.read_text(encoding="utf-8")) for p in files]
    return out


def machine_facts() -> dict:
    cpu = None
    try:
        m = re.search(r"^model name\s*:\s*(.*)$", Path("/proc/cpuinfo").read_text(), re.M)
        cpu = m.group(1).strip() if m else None
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu_model": cpu, "platform": platform.platform(), "python": platform.python_version()}


def java_processes() -> list[str]:
    """Running JVMs (a Spark or Trino suite on the same machine), for the record. Found by
    executable, not by name: a Trino server renames its process, so `pgrep java` misses it."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if not os.readlink(proc / "exe").endswith("/java"):
                continue
            cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        low = cmd.lower()
        what = "spark" if "spark" in low else ("trino" if "trino" in low else "java")
        found.append(f"{proc.name} {what}: {cmd[:120]}")
    return found


def git_facts() -> dict:
    def git(*a: str) -> str:
        return subprocess.run(["git", *a], cwd=REPO, capture_output=True, text=True, check=False).stdout.strip()

    return {"commit": git("rev-parse", "HEAD"), "dirty": bool(git("status", "--porcelain", "--untracked-files=no"))}


def check_compiled(allow_pure: bool) -> dict:
    """sqlglot[c] installs `sqlglotc`, which overlays mypyc-compiled .so modules onto sqlglot's
    own; sqlglot detects it as `sqlglot.tokens.SQLGLOTC_INSTALLED` (its compiled tokenizer core)."""
    import sqlglot
    import sqlglot.generator
    import sqlglot.parser
    import sqlglot.tokens

    compiled = {
        "SQLGLOTC_INSTALLED": bool(getattr(sqlglot.tokens, "SQLGLOTC_INSTALLED", False)),
        "parser_compiled": not sqlglot.parser.__file__.endswith(".py"),
        "generator_compiled": not sqlglot.generator.__file__.endswith(".py"),
    }
    try:
        from importlib.metadata import version

        sqlglotc_version = version("sqlglotc")
    except Exception:  # noqa: BLE001 - absent distribution
        sqlglotc_version = None
    ok = all(compiled.values())
    if not ok and not allow_pure:
        sys.exit(f"bench_vs_sqlglot: sqlglot is not the compiled build ({compiled}); install \"sqlglot[c]\"")
    return {"version": sqlglot.__version__, "sqlglotc_version": sqlglotc_version, "compiled": ok, **compiled}


class _CountWarnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def sqlglot_outcomes(queries: list[tuple[str, str]]) -> dict:
    """Untimed pass: which queries SQLGlot translates without an exception, and which of those
    it translated while logging an 'unsupported' warning (its default unsupported_level=WARN)."""
    import sqlglot

    logger = logging.getLogger("sqlglot")
    handler = _CountWarnings()
    logger.addHandler(handler)
    logger.propagate = False
    ok = warned = error = 0
    not_ok = []
    try:
        for name, sql in queries:
            before = handler.count
            try:
                sqlglot.transpile(sql, read="trino", write="spark")
            except Exception as e:  # noqa: BLE001 - any failure counts as an error
                error += 1
                not_ok.append({"query": name, "status": "error", "message": str(e)[:200]})
                continue
            if handler.count > before:
                warned += 1
                not_ok.append({"query": name, "status": "warned"})
            else:
                ok += 1
    finally:
        logger.removeHandler(handler)
    return {"ok": ok, "warned": warned, "error": error, "not_ok": not_ok}


def sqlglot_run(queries: list[tuple[str, str]], transpile, per_query: list[float] | None = None) -> float:
    """One timed pass; each query's own time is appended to `per_query` when given."""
    clock = time.perf_counter
    start = clock()
    for _, sql in queries:
        t = clock()
        try:
            transpile(sql, read="trino", write="spark")
        except Exception:  # noqa: BLE001 - counted in the outcome pass, timed like the rest
            pass
        if per_query is not None:
            per_query.append(clock() - t)
    return clock() - start


def latency(samples: list[float]) -> dict:
    return {"median": quantile(samples, 0.5), "p99": quantile(samples, 0.99), "max": max(samples)}


def fmt_us(s: float) -> str:
    return f"{s * 1e6:.0f} µs"


def generated_repository(args, sqlglot) -> dict | None:
    """`--generated N`: bench_corpus writes and measures the repository (one pass, single
    thread); SQLGlot then translates the same files, one pass after the same warm-up."""
    if not args.generated:
        return None
    gen_dir = args.gen_dir or Path(os.environ.get("TMPDIR", "/tmp")) / f"t2s-bench-generated-{args.generated}"
    rust_json = args.json.with_name("bench-generated-trino2spark.json")
    listing = args.json.with_name("bench-generated-files.txt")
    subprocess.run([str(args.rust_bin), "--generated", str(args.generated), "--gen-dir", str(gen_dir),
                    "--corpus", str(args.corpus), "--json", str(rust_json), "--list", str(listing)], check=True)
    rust = json.loads(rust_json.read_text())
    queries = [(p, Path(p).read_text(encoding="utf-8")) for p in listing.read_text().splitlines()]
    input_bytes = sum(len(sql.encode()) for _, sql in queries)
    sqlglot_run(queries[:1000], sqlglot.transpile)
    per_query: list[float] = []
    total = sqlglot_run(queries, sqlglot.transpile, per_query)
    sg = {"seconds": total, "queries_per_second": len(queries) / total, "mb_per_second": input_bytes / total / 1e6,
          "per_query_seconds": latency(per_query)}
    ratio = {"throughput": rust["queries_per_second"] / sg["queries_per_second"],
             "median_latency": sg["per_query_seconds"]["median"] / rust["per_query_seconds"]["median"],
             "p99_latency": sg["per_query_seconds"]["p99"] / rust["per_query_seconds"]["p99"]}
    rows = [
        ("", "trino2spark", "SQLGlot", "ratio"),
        ("one pass", f"{rust['seconds']:.1f} s", f"{total:.1f} s", f"{total / rust['seconds']:.1f}x"),
        ("queries/second", f"{rust['queries_per_second']:.0f}", f"{sg['queries_per_second']:.0f}", f"{ratio['throughput']:.1f}x"),
        ("MB/s of SQL", f"{rust['mb_per_second']:.2f}", f"{sg['mb_per_second']:.2f}", f"{ratio['throughput']:.1f}x"),
        ("per query, median", fmt_us(rust["per_query_seconds"]["median"]), fmt_us(sg["per_query_seconds"]["median"]), f"{ratio['median_latency']:.1f}x"),
        ("per query, p99", fmt_us(rust["per_query_seconds"]["p99"]), fmt_us(sg["per_query_seconds"]["p99"]), f"{ratio['p99_latency']:.1f}x"),
    ]
    print(f"\ngenerated repository: {len(queries)} queries ({input_bytes} bytes) in {gen_dir}, one pass each, single thread")
    for a, b, c, d in rows:
        print(f"  {a:<18}  {b:>12}  {c:>12}  {d:>7}")
    print(f"  trino2spark outcomes: {rust['outcomes']}")
    return {"dir": str(gen_dir), "queries": len(queries), "input_bytes": input_bytes, "trino2spark": rust,
            "sqlglot": sg, "ratio_sqlglot_over_trino2spark": ratio}


class RustServer:
    """`bench_corpus --serve`: one timed corpus run per request."""

    def __init__(self, binary: Path, corpus: Path) -> None:
        self.proc = subprocess.Popen(
            [str(binary), "--serve", "--corpus", str(corpus)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1,
        )
        self.hello = self._read()
        if not self.hello.get("ready"):
            sys.exit(f"bench_vs_sqlglot: bench_corpus did not start: {self.hello}")

    def _read(self) -> dict:
        line = self.proc.stdout.readline()
        if not line:
            sys.exit(f"bench_vs_sqlglot: bench_corpus exited (code {self.proc.poll()})")
        return json.loads(line)

    def run(self) -> dict:
        self.proc.stdin.write("run\n")
        self.proc.stdin.flush()
        return self._read()

    def close(self) -> None:
        try:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            pass
        self.proc.wait(timeout=30)


def fmt_ms(s: float) -> str:
    return f"{s * 1e3:.1f} ms"


def fmt_mib(k: int | None) -> str:
    return "?" if k is None else f"{k / 1024:.1f} MiB"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--iterations", "-n", type=int, default=20, help="timed corpus runs of each tool (default 20)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed runs of each first (default 1)")
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    ap.add_argument("--rust-bin", type=Path, default=REPO / "target" / "release" / "examples" / "bench_corpus")
    ap.add_argument("--rust-json", type=Path, help="bench_corpus --json output of a standalone run, embedded in the report")
    ap.add_argument("--json", type=Path, default=REPO / "target" / "bench-vs-sqlglot.json")
    ap.add_argument("--allow-pure-python", action="store_true", help="run even if sqlglot is not the compiled build")
    ap.add_argument("--generated", type=int, default=0, help="also measure a generated repository of N queries (0: no)")
    ap.add_argument("--gen-dir", type=Path, help="where bench_corpus writes the generated repository")
    args = ap.parse_args()

    if not (args.corpus / "tpch").is_dir() or not (args.corpus / "tpcds").is_dir():
        sys.exit(f"bench_vs_sqlglot: corpus not found at {args.corpus}")
    if not args.rust_bin.is_file():
        sys.exit(f"bench_vs_sqlglot: {args.rust_bin} not built (cargo build --release -p trino2spark --example bench_corpus)")

    rss_interpreter = vm_hwm_kib()
    java_before = java_processes()
    sg = check_compiled(args.allow_pure_python)
    import sqlglot

    queries = load_corpus(args.corpus)
    input_bytes = sum(len(sql.encode()) for _, sql in queries)
    rss_sqlglot_loaded = vm_hwm_kib()
    sg_outcomes = sqlglot_outcomes(queries)

    rust = RustServer(args.rust_bin, args.corpus)
    if rust.hello["queries"] != len(queries) or rust.hello["input_bytes"] != input_bytes:
        sys.exit(f"bench_vs_sqlglot: corpus mismatch: rust {rust.hello['queries']} queries / "
                 f"{rust.hello['input_bytes']} B, python {len(queries)} / {input_bytes} B")

    for _ in range(args.warmup):
        rust.run()
        sqlglot_run(queries, sqlglot.transpile)
    rust_runs, sg_runs, rust_rss = [], [], None
    rust_each: list[float] = []
    sg_each: list[float] = []
    for _ in range(args.iterations):
        r = rust.run()
        rust_runs.append(r["seconds"])
        rust_each += r["per_query_seconds"]
        rust_rss = r["peak_rss_kib"]
        sg_runs.append(sqlglot_run(queries, sqlglot.transpile, sg_each))
    rust.close()
    sg_rss = vm_hwm_kib()
    java_after = java_processes()

    t2s = summary(rust_runs, len(queries))
    sgs = summary(sg_runs, len(queries))
    ratio_of_medians = sgs["median"] / t2s["median"]
    pair_ratios = [s / r for s, r in zip(sg_runs, rust_runs)]
    ratio_pairs = {"median": quantile(pair_ratios, 0.5), "p10": quantile(pair_ratios, 0.1), "p90": quantile(pair_ratios, 0.9)}
    t2s_out = rust.hello["outcomes"]

    rows = [
        ("", "trino2spark", f"SQLGlot {sg['version']}{' [c]' if sg['compiled'] else ' (pure Python!)'}"),
        ("corpus run, median", fmt_ms(t2s["median"]), fmt_ms(sgs["median"])),
        ("corpus run, p10", fmt_ms(t2s["p10"]), fmt_ms(sgs["p10"])),
        ("corpus run, p90", fmt_ms(t2s["p90"]), fmt_ms(sgs["p90"])),
        ("queries/second (median)", f"{t2s['queries_per_second']:.0f}", f"{sgs['queries_per_second']:.0f}"),
        ("MB/s of SQL (median)", f"{input_bytes / t2s['median'] / 1e6:.2f}", f"{input_bytes / sgs['median'] / 1e6:.2f}"),
        ("per query, median", fmt_us(quantile(rust_each, 0.5)), fmt_us(quantile(sg_each, 0.5))),
        ("per query, p99", fmt_us(quantile(rust_each, 0.99)), fmt_us(quantile(sg_each, 0.99))),
        ("peak RSS (VmHWM)", fmt_mib(rust_rss), fmt_mib(sg_rss)),
        ("RSS after loading", fmt_mib(rust.hello.get("rss_after_load_kib")), fmt_mib(rss_sqlglot_loaded)),
        ("translated, no error", f"{t2s_out['ok']}/{len(queries)}", f"{sg_outcomes['ok']}/{len(queries)}"),
        ("  flagged / warned", f"{t2s_out['flagged']} flagged", f"{sg_outcomes['warned']} warned"),
        ("  error", str(t2s_out["error"]), str(sg_outcomes["error"])),
    ]
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    print(f"\ntrino2spark vs SQLGlot: {len(queries)} queries ({input_bytes} bytes), "
          f"{args.iterations} interleaved runs each (+{args.warmup} warm-up), single thread")
    for a, b, c in rows:
        print(f"  {a:<{w0}}  {b:>{w1}}  {c}")
    print(f"  ratio SQLGlot/trino2spark: {ratio_of_medians:.1f}x (of the medians); "
          f"per-pair median {ratio_pairs['median']:.1f}x (p10 {ratio_pairs['p10']:.1f}x, p90 {ratio_pairs['p90']:.1f}x)")
    print(f"  SQLGlot's RSS includes the Python interpreter ({fmt_mib(rss_interpreter)} before importing sqlglot)")
    generated = generated_repository(args, sqlglot)
    if java_before or java_after:
        print(f"  note: Java processes were running (before: {len(java_before)}, after: {len(java_after)}): "
              "a Spark or Trino suite may have shared the CPUs")

    doc = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine_facts(),
        "java_processes": {"before": java_before, "after": java_after},
        "git": git_facts(),
        "corpus": {"path": str(args.corpus.resolve()), "queries": len(queries), "input_bytes": input_bytes},
        "iterations": args.iterations,
        "warmup": args.warmup,
        "interleaved": True,
        "trino2spark": {
            "run_seconds": t2s,
            "per_query_seconds": latency(rust_each),
            "peak_rss_kib": rust_rss,
            "rss_after_load_kib": rust.hello.get("rss_after_load_kib"),
            "outcomes": t2s_out,
        },
        "sqlglot": {
            **sg,
            "call": 'sqlglot.transpile(sql, read="trino", write="spark")',
            "run_seconds": sgs,
            "per_query_seconds": latency(sg_each),
            "peak_rss_kib": sg_rss,
            "rss_interpreter_kib": rss_interpreter,
            "rss_after_import_kib": rss_sqlglot_loaded,
            "outcomes": sg_outcomes,
        },
        "ratio_sqlglot_over_trino2spark": {"of_medians": ratio_of_medians, "per_pair": ratio_pairs},
        "generated": generated,
    }
    if args.rust_json and args.rust_json.is_file():
        doc["trino2spark_standalone"] = json.loads(args.rust_json.read_text())
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(doc, indent=2) + "\n")
    print(f"  wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
