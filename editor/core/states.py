"""Names of the German federal states, in both languages, from one source: the supervisory
authorities of the clause packs (authorities.toml, ``state_name`` de/en).

project.py knows only the 16 codes (STATE_CODES) it needs to validate a project's ``state``;
whoever shows a state to a person asks here — the GUI's combo box, the CLI's ``--state``,
checks() and compose().
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from . import schema
from .projectmodel import STATE_CODES

if TYPE_CHECKING:
    from .catalog import Catalog


def _bundled_authorities() -> dict[str, schema.Authority]:
    """The core pack's authorities, for callers without a catalog (the company form)."""
    from ..resources import clause_packs_dir
    from .tomldata import parse

    try:
        raw = (clause_packs_dir() / "core" / "authorities.toml").read_bytes()
        records = msgspec.convert(parse(raw), schema.AuthorityFile).authority
    except (OSError, ValueError, msgspec.ValidationError):  # ValueError: tomllib's TOMLDecodeError, not UTF-8
        return {}  # the code stands in for the name; the catalog load reports the broken file
    return {a.state: a for a in records}


def state_names(lang: str = "de", catalog: "Catalog | None" = None) -> dict[str, str]:
    """code → name of every federal state in ``lang``, in the order of STATE_CODES; from the
    catalog's authorities when given, else from the bundled core pack. A state without an
    authority record shows its code."""
    authorities = catalog.authorities if catalog is not None else _bundled_authorities()
    return {code: authorities[code].state_name.get(lang) if code in authorities else code for code in STATE_CODES}


def state_name(code: str, lang: str, catalog: "Catalog | None" = None) -> str:
    """The name of one state in ``lang``; "" for a code that is not a federal state."""
    return state_names(lang, catalog).get(code, "") if code in STATE_CODES else ""
