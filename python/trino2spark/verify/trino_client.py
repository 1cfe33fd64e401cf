"""A Trino client over the real client protocol (``POST /v1/statement`` and its ``nextUri``
chain), with the standard library only, returning results losslessly as JSON values.

    run_query("SELECT 7/2")
    # -> {"columns": [{"name": "_col0", "type": "integer"}], "rows": [[3]]}

A query that Trino rejects or that fails at run time raises TrinoQueryFailed, whose ``info`` is
``{"name", "type", "code", "message"}`` (Trino's errorName, errorType, errorCode, message).

Value encoding (``type`` is Trino's type string, e.g. ``decimal(3, 2)``, ``array(integer)``):
  NULL                        -> null
  boolean                     -> true / false
  tinyint..bigint             -> JSON integer (exact)
  real, double                -> string: Python repr of the value ("0.1", "1e+16"), "nan", "inf", "-inf"
  decimal(p, s)               -> string exactly as Trino prints it, with all s digits ("1.50")
  varchar, char(n)            -> string (char keeps its trailing padding)
  date                        -> "YYYY-MM-DD"
  time(p) [with time zone]    -> as Trino prints it ("01:02:03.456")
  timestamp(p)                -> "YYYY-MM-DDTHH:MM:SS[.f{p}]" with exactly p fraction digits
  timestamp(p) with time zone -> the same followed by " " and Trino's zone ("... UTC")
  varbinary                   -> lowercase hex string ("cafe")
  array(T)                    -> JSON array of encoded elements
  map(K, V)                   -> JSON object keyed by the encoded key as text
  row(...)                    -> JSON array of the encoded field values, in field order
  json, interval, uuid, ipaddress and anything else -> Trino's text form
The session time zone is UTC unless ``timezone`` says otherwise.
"""
from __future__ import annotations

import base64
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from .ttypes import INTS, TType, parse_ttype

DEFAULT_HOST = "127.0.0.1"


def _repo_root() -> Path | None:
    here = Path(__file__).resolve()
    for p in here.parents:
        if (p / "Cargo.toml").is_file() and (p / "corpus").is_dir():
            return p
    return None


def default_port() -> int:
    """TRINO_PORT from the environment, else from .tools/trino/env of the checkout, else 18080."""
    if os.environ.get("TRINO_PORT"):
        return int(os.environ["TRINO_PORT"])
    root = _repo_root()
    env_file = root / ".tools" / "trino" / "env" if root else None
    if env_file and env_file.is_file():
        for line in env_file.read_text().splitlines():
            if line.startswith("TRINO_PORT="):
                return int(line.split("=", 1)[1])
    return 18080


def default_url() -> str:
    return os.environ.get("TRINO_URL") or f"http://{DEFAULT_HOST}:{default_port()}"


# --------------------------------------------------------------------------------------
# Protocol values -> lossless JSON values
# --------------------------------------------------------------------------------------

_FLOAT_WORDS = {"NaN": "nan", "Infinity": "inf", "-Infinity": "-inf"}


def encode_value(value: Any, t: TType | str) -> Any:
    if isinstance(t, str):
        t = parse_ttype(t)
    if value is None:
        return None
    base = t.base
    if base == "boolean":
        return value if isinstance(value, bool) else str(value).lower() == "true"
    if base in INTS:
        return int(value)
    if base in ("double", "real"):
        if isinstance(value, str):
            return _FLOAT_WORDS.get(value) or repr(float(value))
        return repr(float(value))
    if base == "varbinary":
        return base64.b64decode(value).hex()
    if base in ("timestamp", "timestamp with time zone"):
        return value.replace(" ", "T", 1) if isinstance(value, str) else value
    if base == "array" and t.args:
        return [encode_value(v, t.args[0]) for v in value]
    if base == "map" and len(t.args) == 2:
        kt, vt = t.args
        return {_map_key(k, kt): encode_value(v, vt) for k, v in value.items()}
    if base == "row" and t.args:
        return [encode_value(v, ft) for v, ft in zip(value, t.args)]
    return value


def _map_key(key: Any, kt: TType) -> str:
    if isinstance(key, str):
        if kt.base in INTS:
            key = int(key)
        elif kt.base == "boolean":
            key = key.lower() == "true"
        elif kt.base in ("array", "map", "row"):
            try:
                key = json.loads(key)
            except ValueError:
                pass
    enc = encode_value(key, kt)
    return enc if isinstance(enc, str) else json.dumps(enc, ensure_ascii=False)


# --------------------------------------------------------------------------------------
# The protocol
# --------------------------------------------------------------------------------------

class TrinoQueryFailed(Exception):
    """Trino rejected the query or it failed at run time; ``info`` is the error object."""

    def __init__(self, info: dict):
        super().__init__(f"{info.get('name')}: {info.get('message')}")
        self.info = info


class TrinoUnavailable(Exception):
    """No Trino answers at the URL."""


class Trino:
    """One client: a server URL plus session settings. Stateless between queries."""

    def __init__(self, url: str | None = None, *, user: str = "t2s", catalog: str | None = None,
                 schema: str | None = None, timezone: str = "UTC",
                 session_properties: dict | None = None, timeout: float = 300.0):
        self.url = (url or default_url()).rstrip("/")
        if "://" not in self.url:
            self.url = "http://" + self.url
        self.user, self.catalog, self.schema, self.timezone = user, catalog, schema, timezone
        self.session_properties = dict(session_properties or {})
        self.timeout = timeout

    def _headers(self, catalog, schema) -> dict:
        h = {"X-Trino-User": self.user, "X-Trino-Time-Zone": self.timezone,
             "X-Trino-Source": "trino2spark-verify", "Content-Type": "text/plain; charset=utf-8",
             # without it Trino rounds every timestamp to milliseconds
             "X-Trino-Client-Capabilities": "PARAMETRIC_DATETIME"}
        catalog = catalog if catalog is not None else self.catalog
        schema = schema if schema is not None else self.schema
        if catalog:
            h["X-Trino-Catalog"] = catalog
        if schema:
            h["X-Trino-Schema"] = schema
        if self.session_properties:
            h["X-Trino-Session"] = ",".join(
                f"{k}={urllib.parse.quote(str(v))}" for k, v in self.session_properties.items())
        return h

    def _request(self, method: str, url: str, body: bytes | None, headers: dict) -> dict:
        for attempt in range(40):
            req = urllib.request.Request(url, data=body, method=method, headers=headers)
            try:
                with urllib.request.urlopen(req, timeout=60) as resp:
                    return json.loads(resp.read().decode("utf-8"))
            except urllib.error.HTTPError as e:
                if e.code in (502, 503, 504) and attempt < 39:
                    time.sleep(0.25)
                    continue
                text = e.read().decode("utf-8", "replace")[:500]
                raise TrinoUnavailable(f"{method} {url}: HTTP {e.code}: {text}") from None
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as e:
                raise TrinoUnavailable(f"no Trino answers at {self.url} ({e})") from None
        raise TrinoUnavailable(f"{url}: server busy")

    def execute(self, sql: str, *, catalog: str | None = None, schema: str | None = None) -> dict:
        """Run one statement: ``{"columns": [...], "rows": [...]}`` (see the module doc)."""
        headers = self._headers(catalog, schema)
        doc = self._request("POST", self.url + "/v1/statement",
                            sql.strip().rstrip(";").encode("utf-8"), headers)
        columns, data = None, []
        deadline = time.monotonic() + self.timeout
        while True:
            if doc.get("columns") and columns is None:
                columns = doc["columns"]
            if doc.get("data"):
                data.extend(doc["data"])
            if doc.get("error"):
                err = doc["error"]
                raise TrinoQueryFailed({"name": err.get("errorName"), "type": err.get("errorType"),
                                        "code": err.get("errorCode"), "message": err.get("message")})
            nxt = doc.get("nextUri")
            if not nxt:
                break
            if time.monotonic() > deadline:
                try:
                    self._request("DELETE", nxt, None, headers)
                finally:
                    raise TrinoQueryFailed({"name": "T2S_TIMEOUT", "type": "HARNESS", "code": -1,
                                            "message": f"query ran longer than {self.timeout:.0f} s"})
            doc = self._request("GET", nxt, None, headers)
        columns = columns or []
        types = [parse_ttype(c["type"]) for c in columns]
        return {
            "columns": [{"name": c["name"], "type": c["type"]} for c in columns],
            "rows": [[encode_value(v, t) for v, t in zip(row, types)] for row in data],
        }

    def version(self) -> str:
        return self.execute("SELECT node_version FROM system.runtime.nodes WHERE coordinator")["rows"][0][0]

    def reachable(self) -> bool:
        try:
            self.execute("SELECT 1")
            return True
        except (TrinoUnavailable, TrinoQueryFailed):
            return False


def run_query(sql: str, catalog: str | None = None, schema: str | None = None, *,
              url: str | None = None, host: str | None = None, port: int | None = None,
              timezone: str = "UTC", session_properties: dict | None = None) -> dict:
    """Run one statement on the local Trino (or ``url``); see the module doc."""
    if url is None and (host or port):
        url = f"http://{host or DEFAULT_HOST}:{port or default_port()}"
    return Trino(url, timezone=timezone, session_properties=session_properties).execute(
        sql, catalog=catalog, schema=schema)
