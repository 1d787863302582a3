"""The company details a policy text gives: the controller's name, street, postcode and city,
e-mail address and phone number. Part of editor.core.policy_import."""
from __future__ import annotations

import re


# ---------------------------------------------------------------------------------------------
# company details

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_PHONE = re.compile(r"(?:Telefon|Tel\.?|Phone|Fon|Mobil|Mobile)\s*:?\s*(\+?[\d][\d \t/()\-]{5,}\d)", re.I)
_POSTCODE_CITY = re.compile(r"\b(?:D-)?(\d{5})\s+([A-ZÄÖÜ][\wäöüß.\-]*(?:[ \t](?:an der|am|im|a\.|/)?[ \t]?[A-ZÄÖÜ(][\wäöüß.()\-]*)*)")
_STREET = re.compile(r"([A-ZÄÖÜ][\wäöüß.\-]*(?:[ \t][\wäöüß.\-]+){0,4}[ \t]\d{1,4}(?:[ \t]?[a-zA-Z](?![\wäöüß]))?(?:[ \t]?[-/][ \t]?\d{1,4})?)\s*,?\s*$")
_CONTROLLER = re.compile(r"(Verantwortlich(?:e[rn]?)?\b[^\n:]{0,80}?:?|Verantwortliche Stelle\s*:?|Name und Anschrift des Verantwortlichen\s*:?|"
                         r"Controller\b\s*:?|Responsible (?:party|body)\s*:?|Angaben gemäß § ?5 (?:TMG|DDG)\s*:?|Anbieter\s*:)",
                         re.I)


_STREET_WORD = re.compile(r"(straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|pfad|markt|street|road|avenue)",
                          re.I)
_PREPOSITION = re.compile(r"^(Am|An|Auf|In|Im|Zum|Zur|Unter|Hinter|Vor|Alte|Alter|Altes|Neue|Neuer|Große|Kleine|Obere|Untere)$")


def _street(line: str) -> str | None:
    """The street at the end of a line ("KI Service Partner Neusteinreuth 18" → "Neusteinreuth 18")."""
    m = _STREET.search(line)
    if not m:
        return None
    words = m.group(1).split()
    number_at = next(i for i in range(len(words) - 1, -1, -1) if re.match(r"^\d", words[i]))
    name_words, tail = words[:number_at], words[number_at:]
    if not name_words:
        return None
    for k in range(1, len(name_words) + 1):  # the shortest ending that is a street name
        if _STREET_WORD.search(" ".join(name_words[-k:])):
            if _STREET_WORD.fullmatch(name_words[-k]) and k < len(name_words):
                k += 1  # "Jöllenbecker Str." — the word before belongs to it
            return " ".join(name_words[-k:] + tail)
    for k in range(len(name_words), 0, -1):  # "In der Landwehr 6"
        if _PREPOSITION.match(name_words[-k]):
            return " ".join(name_words[-k:] + tail)
    return " ".join(name_words[-1:] + tail)


def find_company(text: str) -> dict[str, str]:
    company: dict[str, str] = {}
    anchor = _CONTROLLER.search(text)
    region = text[anchor.end(): anchor.end() + 600] if anchor else text[:1500]
    pc = _POSTCODE_CITY.search(region)
    if pc:
        company["postcode"] = pc.group(1)
        company["city"] = re.split(r"\s+(?:Deutschland|Germany|E-Mail|Telefon|Tel|Email|Phone)\b", pc.group(2))[0].strip(" ,")
        before = region[: pc.start()].rstrip(" ,\t")
        lines = [ln.strip(" ,") for ln in before.splitlines() if ln.strip(" ,")]
        if lines:
            last = lines[-1]
            street = _street(last)
            if street:
                company["street"] = street
                rest = last[: len(last) - len(street)].strip(" ,")
                name_lines = lines[:-1] + ([rest] if rest else [])
            else:
                name_lines = lines
            name_lines = [ln for ln in name_lines if not re.match(r"^(\d+\.?\s*)?(Verantwortlich|Datenschutz|Controller)", ln, re.I)]
            if name_lines:
                name = name_lines[0] if len(name_lines[0]) <= 120 else ""
                if name and not re.search(r"\b(ist|sind|im Sinne|is the|within the meaning)\b", name):
                    company["name"] = name
    if m := _EMAIL.search(region):
        company["email"] = m.group(0).rstrip(".")
    if m := _PHONE.search(region):
        company["phone"] = " ".join(m.group(1).split())
    return company
