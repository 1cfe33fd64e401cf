"""Where the harness finds the repository's files when it runs from a checkout."""
from __future__ import annotations

import os
from pathlib import Path


def _find_root() -> Path | None:
    env = os.environ.get("T2S_REPO")
    if env:
        return Path(env).resolve()
    for p in Path(__file__).resolve().parents:
        if (p / "Cargo.toml").is_file() and (p / "crates").is_dir():
            return p
    cwd = Path.cwd()
    for p in (cwd, *cwd.parents):
        if (p / "Cargo.toml").is_file() and (p / "crates" / "t2s-cli").is_dir():
            return p
    return None


REPO_ROOT: Path | None = _find_root()
"""The checkout this package runs from (or T2S_REPO), None for an installed package."""


def repo_path(*parts: str) -> Path | None:
    return REPO_ROOT.joinpath(*parts) if REPO_ROOT else None
