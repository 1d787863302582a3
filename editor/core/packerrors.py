"""PackError, and where in a pack file a problem is: msgspec's "$.service[0].provider.entity"
becomes a line of the TOML file, so a pack author is told file, line and field."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec

from .packfiles import PackFiles


@dataclass(frozen=True)
class PackError:
    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return f"{where}: {self.field + ': ' if self.field else ''}{self.message}"


_PATH_PART = re.compile(r"\.([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]")


def parse_path(path: str) -> list[str | int]:
    return [m.group(1) if m.group(1) is not None else int(m.group(2)) for m in _PATH_PART.finditer(path)]


def locate_line(text: str, path: list[str | int]) -> int | None:
    """Best-effort line number (1-based) of a TOML value given its key path."""
    lines = text.splitlines()
    lo, hi, best = 0, len(lines), None
    prefix: list[str] = []
    i = 0
    while i < len(path):
        seg = path[i]
        if isinstance(seg, int):
            i += 1
            continue
        dotted = re.escape(".".join(prefix + [seg]))
        nxt = path[i + 1] if i + 1 < len(path) else None
        if isinstance(nxt, int):
            headers = [n for n in range(lo, hi) if re.match(rf"\s*\[\[\s*{dotted}\s*\]\]", lines[n])]
            if nxt < len(headers):
                lo = headers[nxt]
                hi = headers[nxt + 1] if nxt + 1 < len(headers) else hi
                best, prefix, i = lo + 1, prefix + [seg], i + 2
                continue
        header = next((n for n in range(lo, hi) if re.match(rf"\s*\[\s*{dotted}\s*\]\s*(#.*)?$", lines[n])), None)
        if header is not None:
            lo, best, prefix, i = header, header + 1, prefix + [seg], i + 1
            continue
        key = next((n for n in range(lo, hi) if re.match(rf"\s*\"?{re.escape(seg)}\"?\s*=", lines[n])), None)
        if key is None:
            break
        best, lo, i = key + 1, key, i + 1
    return best


def _validation_error(file: Path, text: str, exc: msgspec.ValidationError, root: Path) -> PackError:
    message = str(exc)
    path = ""
    if " - at `" in message:
        message, _, path = message.partition(" - at `")
        path = path.rstrip("`")
    parts = parse_path(path)
    line = locate_line(text, parts) if parts else None
    field_name = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in parts).replace(".[", "[") or None
    return PackError(shown_path(file, root), line, field_name, _plain(message))


def _plain(message: str) -> str:
    """msgspec's wording, made a little friendlier for pack authors."""
    message = message.replace("Object missing required field", "missing required field")
    message = message.replace("Object contains unknown field", "unknown field (typo?)")
    return message.replace("`", "'")


def shown_path(file: Path, root: Path) -> str:
    try:
        return str(file.relative_to(root.parent))
    except ValueError:
        return str(file)


def read_toml(files: PackFiles, rel: str, kind: type, errors: list[PackError]) -> tuple[Any, str] | None:
    text = files.get(rel)
    if text is None:
        return None
    file = files.root / rel
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        errors.append(PackError(shown_path(file, files.root), int(match.group(1)) if match else None, None, f"not valid TOML: {exc}"))
        return None
    except RecursionError:
        errors.append(PackError(shown_path(file, files.root), None, None, "not valid TOML: nested too deeply"))
        return None
    try:
        return msgspec.convert(raw, kind), text
    except msgspec.ValidationError as exc:
        errors.append(_validation_error(file, text, exc, files.root))
        return None
    except RecursionError:
        errors.append(PackError(shown_path(file, files.root), None, None, "nested too deeply"))
        return None
