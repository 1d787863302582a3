"""Country names for the ISO codes used in pack records (provider seats, transfer targets)."""
from __future__ import annotations

import hashlib
import re

from .service_search import normalise

_NAMES = {
    "DE": ("Deutschland", "Germany"), "AT": ("Österreich", "Austria"), "CH": ("Schweiz", "Switzerland"),
    "IE": ("Irland", "Ireland"), "FR": ("Frankreich", "France"), "NL": ("Niederlande", "Netherlands"),
    "LU": ("Luxemburg", "Luxembourg"), "BE": ("Belgien", "Belgium"), "SE": ("Schweden", "Sweden"),
    "DK": ("Dänemark", "Denmark"), "FI": ("Finnland", "Finland"), "EE": ("Estland", "Estonia"),
    "LT": ("Litauen", "Lithuania"), "LV": ("Lettland", "Latvia"), "PL": ("Polen", "Poland"),
    "CZ": ("Tschechien", "Czechia"), "ES": ("Spanien", "Spain"), "PT": ("Portugal", "Portugal"),
    "IT": ("Italien", "Italy"), "MT": ("Malta", "Malta"), "CY": ("Zypern", "Cyprus"),
    "GR": ("Griechenland", "Greece"), "BG": ("Bulgarien", "Bulgaria"), "RO": ("Rumänien", "Romania"),
    "HU": ("Ungarn", "Hungary"), "SK": ("Slowakei", "Slovakia"), "SI": ("Slowenien", "Slovenia"),
    "HR": ("Kroatien", "Croatia"), "NO": ("Norwegen", "Norway"), "IS": ("Island", "Iceland"),
    "LI": ("Liechtenstein", "Liechtenstein"),
    "US": ("USA", "USA"), "GB": ("Vereinigtes Königreich", "United Kingdom"), "CA": ("Kanada", "Canada"),
    "IL": ("Israel", "Israel"), "NZ": ("Neuseeland", "New Zealand"), "JP": ("Japan", "Japan"),
    "KR": ("Südkorea", "South Korea"), "AU": ("Australien", "Australia"), "IN": ("Indien", "India"),
    "CN": ("China", "China"), "SG": ("Singapur", "Singapore"), "UA": ("Ukraine", "Ukraine"),
    "AR": ("Argentinien", "Argentina"), "UY": ("Uruguay", "Uruguay"), "BR": ("Brasilien", "Brazil"),
}

# other ways a shop owner writes a country, normalised (their names in _NAMES count too)
_SHORT_FORMS = {
    "vereinigte staaten": "US", "vereinigte staaten von amerika": "US", "united states": "US",
    "united states of america": "US", "amerika": "US", "america": "US",
    "uk": "GB", "grossbritannien": "GB", "great britain": "GB", "britain": "GB", "england": "GB",
    "holland": "NL", "the netherlands": "NL", "tschechische republik": "CZ", "czech republic": "CZ",
    "korea": "KR", "republik korea": "KR", "republic of korea": "KR",
}


def _key(text: str) -> str:
    """"U.S.A." and "usa", "Österreich" and "Oesterreich", "the  Netherlands" all alike."""
    return " ".join(normalise(text).replace(".", "").split())


CODES = {**{_key(n): code for code, pair in _NAMES.items() for n in pair}, **_SHORT_FORMS}


def code(text: str) -> str | None:
    """The two-letter code of the country ``text`` names — a code itself, its German or English
    name, or a common short form ("USA", "Holland"); None when it names no country we know."""
    key = _key(text)
    if key in CODES:  # "UK" first: two letters, but not GB's code
        return CODES[key]
    return key.upper() if re.fullmatch("[a-z]{2}", key) else None


def _law() -> dict:
    """EEA states and adequacy decisions, kept as data in resources/law/countries.toml."""
    from ..resources import data_root
    from .tomldata import parse

    raw = (data_root("resources") / "law" / "countries.toml").read_bytes()
    return {**parse(raw), "raw": raw}


_LAW = _law()
# EU/EEA: no third country. Adequacy decisions (Art. 45): code → the decision, for messages.
EEA: frozenset[str] = frozenset(_LAW["eea"])
ADEQUACY: dict[str, str] = dict(_LAW["adequacy"])
ADEQUATE: frozenset[str] = frozenset(ADEQUACY)
LAW_DIGEST = hashlib.sha256(_LAW["raw"]).hexdigest()  # part of the catalog cache key


def name(code: str, lang: str) -> str:
    pair = _NAMES.get(code.upper())
    if pair is None:
        return code
    return pair[0] if lang == "de" else pair[1]

