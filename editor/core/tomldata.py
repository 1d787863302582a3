"""The bundled TOML data the start-up reads (legal forms, postcodes, countries, the core pack's
labels and authorities), shipped parsed as well — as Python ships .pyc.

Importing tomllib and parsing these five files cost about 7 ms of every start. The wheel
build (hatch_build.py) parses them once and writes each result to ``FOLDER`` beside this
module, in a file named by the sha256 of the TOML's bytes. ``parse`` hashes the bytes it is
given and takes a stored result only for exactly those bytes (and this Python's marshal
format); any other text — an edited file, a source checkout without ``FOLDER`` — is parsed with
tomllib as before, so the result is always tomllib's for the bytes read. Like .pyc files the
folder is part of the installed package, never written at run time. Build by hand to measure
a checkout: ``python -m editor.core.tomldata editor/core/parsed-data``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import marshal
import sys
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).with_name("parsed-data")
FORMAT = 1


def sources() -> list[Path]:
    """The files shipped parsed: those read before the window is complete."""
    from ..resources import clause_packs_dir, resource

    core = clause_packs_dir() / "core"
    return [resource("law", "legal_forms.toml"), resource("law", "postcodes.toml"),
            resource("law", "countries.toml"), core / "labels.toml", core / "authorities.toml"]


def _header() -> tuple[int, bytes]:
    return FORMAT, importlib.util.MAGIC_NUMBER


# marshal has no dates: one is stored as a tuple (type name, ISO text) — TOML has no tuples
_TIMES = {"date": dt.date, "datetime": dt.datetime, "time": dt.time}


def _freeze(value: Any) -> tuple[Any, bool]:
    """``value`` with its dates as tuples, and whether it had any."""
    if isinstance(value, dict):
        pairs = [(key, _freeze(item)) for key, item in value.items()]
        return {key: item for key, (item, _) in pairs}, any(had for _, (_, had) in pairs)
    if isinstance(value, list):
        items = [_freeze(item) for item in value]
        return [item for item, _ in items], any(had for _, had in items)
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        return (type(value).__name__, value.isoformat()), True
    return value, False


def _thaw(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _thaw(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_thaw(item) for item in value]
    if isinstance(value, tuple):
        return _TIMES[value[0]].fromisoformat(value[1])
    return value


def parse(raw: bytes, folder: Path = FOLDER) -> dict[str, Any]:
    """tomllib's result for ``raw`` (UTF-8 TOML); from ``folder`` when it holds these bytes'
    result. Raises tomllib.TOMLDecodeError or UnicodeDecodeError as tomllib.loads would."""
    try:
        header, data, dated = marshal.loads((folder / stored_name(raw)).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):  # none stored (a checkout, an edited file), or not ours
        header = None
    if header == _header():
        return _thaw(data) if dated else data
    import tomllib

    return tomllib.loads(raw.decode("utf-8"))


def stored_name(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest() + ".marshal"


def build(folder: Path, files: list[Path] | None = None) -> int:
    """Write the parsed ``files`` (default: the bundled start-up files, ``sources()``) into
    ``folder``; the number of files."""
    import tomllib

    from .atomic import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    files = files if files is not None else sources()
    for path in files:
        raw = path.read_bytes()
        write_atomic(folder / stored_name(raw), marshal.dumps((_header(), *_freeze(tomllib.loads(raw.decode("utf-8"))))))
    return len(files)


if __name__ == "__main__":
    print(f"{build(Path(sys.argv[1]))} files parsed into {sys.argv[1]}")
