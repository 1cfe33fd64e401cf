"""The results of a verification run: a summary line, a JSON report and a single-file HTML
report (Trino SQL and Spark SQL side by side, diagnostics, the diff; everything HTML-escaped, no
external assets)."""
from __future__ import annotations

import datetime as _dt
import html
import json
from collections import Counter

CLASSES = ("equal", "approximate", "flagged", "different", "spark_error", "trino_error", "error", "skipped")
COLORS = {"equal": "#1a7f37", "approximate": "#4d7f1a", "flagged": "#9a6700", "different": "#cf222e",
          "spark_error": "#cf222e", "trino_error": "#bc4c00", "error": "#6e7781", "skipped": "#6e7781"}


def counts(results) -> dict:
    c = Counter(r.classification for r in results)
    return {k: c[k] for k in CLASSES if c[k]}


def summary_line(results, meta: dict | None = None) -> str:
    c = counts(results)
    unmet = sum(1 for r in results if not r.expectation_met)
    known = sum(1 for r in results if r.known_failure)
    parts = [f"{n} {k}" for k, n in c.items()]
    line = f"{len(results)} cases: " + (", ".join(parts) or "none")
    if known:
        line += f"; {known} listed in KNOWN_FAILURES.md"
    if unmet:
        line += f"; {unmet} not as the case expects"
    secs = sum(r.seconds for r in results)
    line += f" ({secs:.1f} s)"
    if meta and meta.get("trino"):
        line += f"; Trino: {meta['trino']}"
    return line


def exit_code(results) -> int:
    """0: every case equal / approximate / flagged as expected; 2: differences; 1: harness errors."""
    if any(r.classification == "error" for r in results):
        return 1
    if any(not r.ok and r.classification != "skipped" for r in results):
        return 2
    return 0


def to_json(results, meta: dict | None = None) -> dict:
    return {
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        **(meta or {}),
        "summary": summary_line(results, meta),
        "counts": counts(results),
        "exit_code": exit_code(results),
        "cases": [r.to_json() for r in results],
    }


_CSS = """
body{font-family:system-ui,sans-serif;margin:1.5em;color:#1f2328}
h1{font-size:1.3em}.sum{font-size:1.05em;margin-bottom:1em}
table.idx{border-collapse:collapse;margin-bottom:1.5em}table.idx td,table.idx th{padding:2px 10px;border-bottom:1px solid #ddd;text-align:left}
.badge{color:#fff;border-radius:4px;padding:1px 7px;font-size:.85em;white-space:nowrap}
details.case{border:1px solid #d0d7de;border-radius:6px;margin:.6em 0;padding:.4em .8em}
details.case summary{cursor:pointer}
.side{display:flex;gap:1em}.side>div{flex:1;min-width:0}
pre{background:#f6f8fa;padding:.6em;overflow:auto;font-size:.85em;white-space:pre-wrap;word-break:break-word}
.unmet{color:#cf222e;font-weight:bold}
"""


def _e(s) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _badge(cls: str) -> str:
    return f'<span class="badge" style="background:{COLORS.get(cls, "#6e7781")}">{_e(cls)}</span>'


def to_html(results, meta: dict | None = None) -> str:
    meta = meta or {}
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           "<title>trino2spark verify report</title>", f"<style>{_CSS}</style></head><body>",
           "<h1>trino2spark verify</h1>", f'<div class="sum">{_e(summary_line(results, meta))}</div>']
    info = {k: v for k, v in meta.items() if isinstance(v, (str, int, float)) and v not in ("", None)}
    if info:
        out.append("<p>" + " · ".join(f"{_e(k)}: {_e(v)}" for k, v in info.items()) + "</p>")
    out.append('<table class="idx"><tr><th>case</th><th>result</th><th></th></tr>')
    for i, r in enumerate(results):
        note = "" if r.expectation_met else ' <span class="unmet">not as expected</span>'
        out.append(f'<tr><td><a href="#c{i}">{_e(r.id)}</a></td><td>{_badge(r.classification)}{note}</td>'
                   f"<td>{_e(r.diff or r.reason or '')[:200]}</td></tr>")
    out.append("</table>")
    for i, r in enumerate(results):
        open_ = "" if r.ok else " open"
        out.append(f'<details class="case" id="c{i}"{open_}><summary>{_badge(r.classification)} '
                   f"<b>{_e(r.id)}</b> {_e(r.diff or '')}</summary>")
        if r.expectation:
            met = "met" if r.expectation_met else '<span class="unmet">not met</span>'
            out.append(f"<p>case expects: <code>{_e(' '.join(r.expectation))}</code> ({met}); data: {_e(r.data)}</p>")
        out.append('<div class="side"><div><h4>Trino SQL</h4>'
                   f"<pre>{_e(r.trino_sql.strip())}</pre></div><div><h4>Spark SQL</h4>"
                   f"<pre>{_e((r.spark_sql or '(none)').strip())}</pre></div></div>")
        if r.spark_conf:
            out.append(f"<h4>spark_conf</h4><pre>{_e(json.dumps(r.spark_conf, indent=1, sort_keys=True))}</pre>")
        if r.diagnostics:
            lines = "\n".join(f"{d.get('line')}:{d.get('column')}: {d.get('severity')}[{d.get('code')}]: "
                              f"{d.get('message')}" for d in r.diagnostics)
            out.append(f"<h4>Diagnostics</h4><pre>{_e(lines)}</pre>")
        if r.reason:
            out.append(f"<h4>Reason</h4><pre>{_e(r.reason)}</pre>")
        if r.details:
            out.append(f"<h4>Diff</h4><pre>{_e(r.details)}</pre>")
        sides = []
        if r.trino:
            sides.append("Trino: " + json.dumps(r.trino, ensure_ascii=False, default=str))
        if r.spark:
            sides.append("Spark: " + json.dumps(r.spark, ensure_ascii=False, default=str))
        if sides:
            out.append(f"<h4>Engines</h4><pre>{_e(chr(10).join(sides))}</pre>")
        out.append("</details>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
