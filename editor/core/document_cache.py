"""The per-user cache of the composed Document, so that a second start shows the preview
without composing (see editor.core.cache for the signed, data-only storage).

The entry is plain msgpack data — lists, strings, booleans, None — that is rebuilt into the
Document through its own constructors (which clean every text again); nothing in it
deserialises to code. Its key holds everything compose() reads: the catalog's content key
(the hash of every pack file and the app version, from editor.core.catalog_cache), the project
as saved (dumps), its "Stand" date (which may be today's) and the document language. Whoever
shows a cached Document composes again once the preview is on screen and keeps the fresh one
when it differs (editor.gui.live_policy): the cache can cost a moment of staleness at worst,
never a wrong preview that stays.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from typing import Any

import msgspec

from . import cache
from .document import Box, BulletList, Document, Heading, Paragraph, Provenance, Run, Section, Table

FORMAT = 1  # bump when the encoding below changes


def key(catalog_key: str, project: Any, lang: str) -> str | None:
    """The entry's key, or None when the catalog has no content key (not loaded through the cache)."""
    if not catalog_key:
        return None
    from .. import __version__
    from .project import dumps

    digest = hashlib.sha256(f"document|{FORMAT}|{cache.FORMAT}|{__version__}|{catalog_key}|{lang}|"
                            f"{project.stand_date().isoformat()}|".encode())
    digest.update(dumps(project).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _name(entry_key: str) -> str:
    return f"document-{entry_key[:32]}.msgpack"


# ------------------------------------------------------------------ encoding (tagged lists)
def _runs(runs: tuple[Run, ...]) -> list:
    return [[r.text, r.bold, r.italic, r.link, r.placeholder] for r in runs]


def _block(block: Any) -> list:
    if isinstance(block, Paragraph):
        return ["p", _runs(block.runs)]
    if isinstance(block, Heading):
        return ["h", _runs(block.runs)]
    if isinstance(block, BulletList):
        return ["l", [_runs(item) for item in block.items], block.ordered]
    if isinstance(block, Table):
        return ["t", [_runs(c) for c in block.header], [[_runs(c) for c in row] for row in block.rows]]
    if isinstance(block, Box):
        return ["b", [_block(b) for b in block.blocks], block.kind]
    raise TypeError(f"unknown block {type(block).__name__}")


def _section(s: Section) -> list:
    p = s.provenance
    prov = None if p is None else [p.pack, p.pack_version, p.template, p.service, p.service_version,
                                   [list(o) for o in p.options], p.verified, list(p.sources), list(p.uncertain)]
    return [s.id, s.number, s.title, [_block(b) for b in s.blocks], [_section(x) for x in s.subsections], prov]


def encode(document: Document, entry_key: str) -> bytes:
    return msgspec.msgpack.encode([
        entry_key, document.language, document.title, document.company,
        document.stand.isoformat() if document.stand else None,
        [_section(s) for s in document.sections], [list(m) for m in document.meta], list(document.errors),
        list(document.core_changes), [list(label) for label in document.labels],
    ])


# ------------------------------------------------------------------ decoding (strict: any surprise is a miss)
def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("text expected")
    return value


def _opt(value: Any) -> str | None:
    return None if value is None else _str(value)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("flag expected")
    return value


def _pairs(value: Any) -> tuple[tuple[str, str], ...]:
    return tuple((_str(a), _str(b)) for a, b in value)


def _druns(value: Any, made: dict) -> tuple[Run, ...]:
    """``made``: the runs built so far by their fields; a policy repeats many (a third of them)."""
    runs = []
    for t, b, i, link, ph in value:
        fields = (_str(t), _bool(b), _bool(i), _opt(link), _bool(ph))
        run = made.get(fields)
        if run is None:
            run = made[fields] = Run(*fields)
        runs.append(run)
    return tuple(runs)


def _dblock(value: Any, made: dict, depth: int = 0) -> Any:
    tag = value[0]
    if tag == "p":
        return Paragraph(_druns(value[1], made))
    if tag == "h":
        return Heading(_druns(value[1], made))
    if tag == "l":
        return BulletList(tuple(_druns(item, made) for item in value[1]), _bool(value[2]))
    if tag == "t":
        return Table(tuple(_druns(c, made) for c in value[1]),
                     tuple(tuple(_druns(c, made) for c in row) for row in value[2]))
    if tag == "b" and depth < 8:
        return Box(tuple(_dblock(b, made, depth + 1) for b in value[1]), _str(value[2]))
    raise ValueError("unknown block")


def _dsection(value: Any, made: dict, depth: int = 0) -> Section:
    if depth > 8:
        raise ValueError("too deep")
    sid, number, title, blocks, subs, prov = value
    provenance = None
    if prov is not None:
        pack, version, template, service, service_version, options, verified, sources, uncertain = prov
        provenance = Provenance(_str(pack), _str(version), _str(template), _opt(service), _opt(service_version),
                                _pairs(options), _opt(verified), tuple(map(_str, sources)), tuple(map(_str, uncertain)))
    return Section(_str(sid), _str(number), _str(title), tuple(_dblock(b, made) for b in blocks),
                   tuple(_dsection(s, made, depth + 1) for s in subs), provenance)


def decode(data: bytes, entry_key: str) -> Document | None:
    try:
        (stored_key, language, title, company, stand, sections, meta, errors, core_changes,
         labels) = msgspec.msgpack.decode(data)
        if stored_key != entry_key:
            return None
        made: dict = {}  # the runs built, shared by every section
        return Document(
            language=_str(language), title=_str(title), company=_str(company),
            stand=None if stand is None else _dt.date.fromisoformat(_str(stand)),
            sections=tuple(_dsection(s, made) for s in sections), meta=_pairs(meta), errors=tuple(map(_str, errors)),
            core_changes=tuple(map(_str, core_changes)), labels=_pairs(labels),
        )
    except (msgspec.DecodeError, ValueError, TypeError, IndexError, KeyError, RecursionError):
        return None


# ------------------------------------------------------------------ the cache
def load(entry_key: str | None) -> Document | None:
    if entry_key is None:
        return None
    data = cache.read(_name(entry_key))
    return None if data is None else decode(data, entry_key)


def store(entry_key: str | None, document: Document) -> None:
    if entry_key is not None:
        cache.write(_name(entry_key), encode(document, entry_key))
