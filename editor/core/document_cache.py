"""The per-user cache of the composed Document, so that a second start shows the preview
without composing (see editor.core.cache for the signed, data-only storage).

The entry is plain msgpack data — lists, strings, booleans, None — that msgspec decodes into
the Document's own Structs, checking every type and cleaning every text again on the way
(their ``__post_init__``); nothing in it deserialises to code. Its key holds everything
compose() reads: the catalog's content key (the hash of every pack file and the app version,
from editor.core.catalog_cache), the project as saved (dumps), its "Stand" date (which may be today's) and the document language. Whoever
shows a cached Document composes again once the preview is on screen and keeps the fresh one
when it differs (editor.gui.live_policy): the cache can cost a moment of staleness at worst,
never a wrong preview that stays.
"""
from __future__ import annotations

import hashlib
from typing import Any

import msgspec

from . import cache
from .document import Box, Document, Section

# bump when the Structs in document.py change: entries are their fields as arrays, by position,
# so a changed field order would be read into the wrong fields without an error
FORMAT = 2
MAX_DEPTH = 8  # sections in sections, boxes in boxes: more is no document of ours, and writers recurse


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


# ------------------------------------------------------------------ encoding
# The Document's own Structs as msgpack arrays (blocks tagged by kind); decoding checks every
# field's type and builds the Structs through ``__post_init__``, which cleans every text again:
# a damaged entry is a miss, and nothing unclean reaches the preview.
def encode(document: Document, entry_key: str) -> bytes:
    return msgspec.msgpack.encode((entry_key, document))


def decode(data: bytes, entry_key: str) -> Document | None:
    try:
        stored_key, document = msgspec.msgpack.decode(data, type=tuple[str, Document])
    except (msgspec.DecodeError, msgspec.ValidationError, ValueError, TypeError, RecursionError):
        return None
    return document if stored_key == entry_key and _shallow(document.sections) else None


def _shallow(items: tuple, depth: int = 0) -> bool:
    """Whether no section or box nests deeper than MAX_DEPTH (a forged entry could)."""
    if depth > MAX_DEPTH:
        return False
    for item in items:
        if isinstance(item, Section):
            if not (_shallow(item.blocks, depth + 1) and _shallow(item.subsections, depth + 1)):
                return False
        elif isinstance(item, Box) and not _shallow(item.blocks, depth + 1):
            return False
    return True


# ------------------------------------------------------------------ the cache
def load(entry_key: str | None) -> Document | None:
    if entry_key is None:
        return None
    data = cache.read(_name(entry_key))
    return None if data is None else decode(data, entry_key)


def store(entry_key: str | None, document: Document) -> None:
    if entry_key is not None:
        cache.write(_name(entry_key), encode(document, entry_key))
