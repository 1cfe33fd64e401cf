"""The notebook view of a `Translation`: Trino and Spark SQL side by side, the diagnostics
highlighted in the Trino source. Every piece of text is HTML-escaped."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Dict, List, Tuple

from ._translation import token_span

if TYPE_CHECKING:  # pragma: no cover
    from ._translation import Diagnostic, Translation

_RANK = {"info": 0, "warning": 1, "error": 2}
_COLOUR = {"error": "#f8d0d0", "warning": "#fbecc0", "info": "#d8e8f8"}
_STATUS_COLOUR = {"ok": "#1a7f37", "flagged": "#9a6700", "error": "#cf222e"}

_STYLE = (
    "<style>"
    ".t2s{font-family:system-ui,sans-serif;font-size:13px}"
    ".t2s table.t2s-sql{border-collapse:collapse;width:100%;table-layout:fixed}"
    ".t2s table.t2s-sql td,.t2s table.t2s-sql th{vertical-align:top;text-align:left;"
    "border:1px solid #ccc;padding:4px 8px}"
    ".t2s pre{margin:0;white-space:pre-wrap;font-size:12px;background:none}"
    ".t2s mark{padding:0 1px;border-radius:2px;color:inherit}"
    ".t2s mark.t2s-error{background:#f8d0d0;border-bottom:2px solid #cf222e}"
    ".t2s mark.t2s-warning{background:#fbecc0;border-bottom:2px solid #9a6700}"
    ".t2s mark.t2s-info{background:#d8e8f8;border-bottom:2px dotted #0969da}"
    ".t2s ul{margin:4px 0;padding-left:18px}"
    ".t2s code{font-size:12px}"
    "</style>"
)


def _marks(sql: str, diagnostics: "List[Diagnostic]") -> List[Tuple[int, int, str, str]]:
    """Non-overlapping [start, end) ranges with the worst severity and the messages there."""
    per_char: Dict[int, Tuple[str, List[str]]] = {}
    for d in diagnostics:
        span = token_span(sql, d.line, d.column)
        if span is None:
            continue
        start, end = span
        for i in range(start, max(end, start + 1) if start < len(sql) else start):
            sev, msgs = per_char.get(i, ("info", []))
            if _RANK.get(d.severity, 0) >= _RANK.get(sev, 0):
                sev = d.severity
            per_char[i] = (sev, msgs + [str(d)])
    out: List[Tuple[int, int, str, str]] = []
    for i in sorted(per_char):
        sev, msgs = per_char[i]
        title = "\n".join(msgs)
        if out and out[-1][1] == i and out[-1][2] == sev and out[-1][3] == title:
            out[-1] = (out[-1][0], i + 1, sev, title)
        else:
            out.append((i, i + 1, sev, title))
    return out


def highlighted_source(sql: str, diagnostics: "List[Diagnostic]") -> str:
    """`sql` as escaped HTML with a ``<mark>`` over the token each diagnostic points at."""
    parts: List[str] = []
    pos = 0
    for start, end, sev, title in _marks(sql, diagnostics):
        parts.append(escape(sql[pos:start]))
        parts.append(f'<mark class="t2s-{escape(sev)}" title="{escape(title)}">{escape(sql[start:end])}</mark>')
        pos = end
    parts.append(escape(sql[pos:]))
    return "".join(parts)


def translation_html(t: "Translation") -> str:
    status = t.status
    colour = _STATUS_COLOUR.get(status, "#57606a")
    head = (
        f'<div><b style="color:{colour}">{escape(status)}</b> &middot; Spark {escape(t.spark)}'
        f" &middot; ANSI {'on' if t.ansi else 'off'} &middot; {len(t.diagnostics)} diagnostic(s)</div>"
    )
    spark_sql = escape(t.spark_sql) if t.spark_sql else "<i>(no Spark SQL)</i>"
    table = (
        '<table class="t2s-sql"><tr><th>Trino</th><th>Spark SQL</th></tr>'
        f"<tr><td><pre>{highlighted_source(t.trino_sql, t.diagnostics)}</pre></td>"
        f"<td><pre>{spark_sql}</pre></td></tr></table>"
    )
    items = []
    for d in t.diagnostics:
        pos = f"{d.line}:{d.column} " if d.line is not None else ""
        bg = _COLOUR.get(d.severity, "#eee")
        items.append(
            f'<li><span style="background:{bg}">{escape(d.severity)}</span> '
            f"{escape(pos)}<code>{escape(d.code)}</code>: {escape(d.message)}</li>"
        )
    diags = f"<div>Diagnostics:<ul>{''.join(items)}</ul></div>" if items else ""
    conf = "".join(f"<li><code>{escape(k)} = {escape(v)}</code></li>" for k, v in t.spark_conf.items())
    conf_html = f"<details><summary>Spark settings ({len(t.spark_conf)})</summary><ul>{conf}</ul></details>"
    return f'<div class="t2s">{_STYLE}{head}{table}{diags}{conf_html}</div>'
