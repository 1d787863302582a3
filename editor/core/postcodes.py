"""The federal state a German postcode belongs to, from the ranges in
resources/law/postcodes.toml (derived from GeoNames; the file names its source). A postcode that
crosses a state border, or one between ranges of different states, gives None: "cannot tell" —
never a guess that would suggest or flag the wrong state."""
from __future__ import annotations

import bisect
import re

_PLZ = re.compile(r"^\s*(?:DE?-?\s*)?(\d{5})\s*$", re.IGNORECASE)  # "50667", "D-50667", "DE-50667"


def _load() -> tuple[tuple[int, ...], tuple[tuple[int, int, str], ...]]:
    from ..resources import resource
    from .tomldata import parse

    data = parse(resource("law", "postcodes.toml").read_bytes())
    ranges = tuple(sorted((int(first), int(last), state) for first, last, state in data["ranges"]))
    return tuple(r[0] for r in ranges), ranges


_STARTS, _RANGES = _load()


_GERMANY = ("", "deutschland", "germany", "de", "d", "brd", "bundesrepublik deutschland", "federal republic of germany")


def in_germany(country: str) -> bool:
    """``country`` as the user typed it names Germany (empty = Germany)."""
    return (country or "").strip().casefold() in _GERMANY


def malformed(postcode: str, country: str = "") -> bool:
    """A postcode given for Germany that is not five digits ("7909")."""
    return bool((postcode or "").strip()) and in_germany(country) and not _PLZ.match(postcode)


def state_for(postcode: str, country: str = "") -> str | None:
    """The state code ("NW") of a five-digit German postcode ("50667", "D-50667"); None when the
    text is no such postcode, the postcode does not tell the state, or ``country`` (as the user
    typed it; empty = Germany) is another country, whose postcodes say nothing of German states."""
    match = _PLZ.match(postcode or "")
    if not match or not in_germany(country):
        return None
    number = int(match.group(1))
    at = bisect.bisect_right(_STARTS, number) - 1
    if at < 0:
        return None
    first, last, state = _RANGES[at]
    return state if first <= number <= last else None
