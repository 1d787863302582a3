"""Own services saved as a clause pack (pack.toml + services/own.toml) in the per-user packs
folder, so that every project can use them: "Save as user pack" in the own-service form. Both
files are written atomically, like every file Policy Editor writes."""
from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path
from typing import Any, Iterable

import msgspec

from . import schema
from .atomic import write_atomic


def save_as_pack(services: Iterable[schema.Service], folder: Path, pack_id: str = "own-services") -> Path:
    """Write ``services`` as a clause pack (pack.toml + services/own.toml) into ``folder`` (the
    per-user packs folder, packfiles.user_packs_dir()); the pack folder is returned. An existing pack
    of that id is replaced. The records keep the user's text; the pack loader validates them
    like any other pack when it is next loaded."""
    target = folder / pack_id
    (target / "services").mkdir(parents=True, exist_ok=True)
    manifest = {"id": pack_id, "version": _dt.date.today().isoformat().replace("-", "."), "licence": "proprietary",
                "title": {"de": "Eigene Dienste", "en": "Own services"}}
    records = "\n".join("[[service]]\n" + _toml_table(msgspec.to_builtins(s, builtin_types=(_dt.date,)))
                         for s in services)
    write_atomic(target / "pack.toml", _toml_table(manifest).encode("utf-8"))
    write_atomic(target / "services" / "own.toml", records.encode("utf-8"))
    return target


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, _dt.date)):
        return str(value) if not isinstance(value, int) else repr(value)
    if isinstance(value, str):  # a JSON string is a TOML basic string, once DEL is escaped too
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items() if v is not None) + " }"
    raise TypeError(type(value).__name__)


def _toml_table(data: dict[str, Any]) -> str:
    return "".join(f"{k} = {_toml_value(v)}\n" for k, v in data.items() if v is not None)
