"""An address block pasted as several lines ("Bäckerei Sonnenschein GmbH / Hauptstraße 5 /
79098 Freiburg"), taken apart into the company form's fields: name, street, postcode and city,
country, e-mail, phone, representative, commercial register and website.

Each line is recognised on its own, by its shape ("79098 Freiburg", "D-79098", "A-1010",
"Tel.: …", "E-Mail: …", "c/o …") or, for the name, by its place: the first line that is
nothing else and stands before the street or the city. A line that is only a legal form
("GmbH") belongs to the line before it. Lines that are none of these are kept as ``rest`` —
never dropped: the form puts them into the field the block was pasted into.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields

from .countries import name as country_name
from .legalforms import OTHER, recognise as legal_form
from .sanitize import LINE_BREAKS

# prefixes the post and letterheads put before a postcode: the country they name
_PREFIX_COUNTRY = {"d": "DE", "de": "DE", "a": "AT", "at": "AT", "ch": "CH", "fl": "LI", "l": "LU", "lu": "LU"}
_POSTCODE_CITY = re.compile(r"^(?:([a-z]{1,2})\s*[-–]\s*)?(\d{4,5})\s+(\D.*)$", re.IGNORECASE)
_EMAIL = re.compile(r"^(?:(?:e-?mail|mail)\s*:?\s*)?([^\s@:]+@[^\s@]+\.[a-z]{2,})$", re.IGNORECASE)
_PHONE_LABEL = re.compile(r"^(?:tel(?:efon)?|fon|phone|telephone|t|mobil|handy)\b\.?\s*:?\s*(.+)$", re.IGNORECASE)
_PHONE = re.compile(r"^\+?[\d\s()/.–-]+$")
_WEBSITE = re.compile(r"^(?:(?:web|website|webseite|internet|homepage)\s*:?\s*)?((?:https?://|www\.)\S+)$",
                      re.IGNORECASE)
_REPRESENTATIVE = re.compile(r"^(?:inh\.|inhaber(?:in)?|geschäftsführ(?:er|erin|ung)|vertreten durch"
                             r"|vertretungsberechtigt(?:e|er)?|managing director|represented by)(?!\w)\s*:?\s*(.+)$",
                             re.IGNORECASE)
_REGISTER = re.compile(r"^(?:handelsregister|partnerschaftsregister|registergericht|registernummer|amtsgericht"
                       r"|firmenbuch|(?:hr[ab]|gnr|vr|pr|fn)\s*\d)", re.IGNORECASE)  # PR: partnership register
_CARE_OF = re.compile(r"^c\s*/\s*o\b", re.IGNORECASE)
_HOUSE_NUMBER = re.compile(r"\s\d+\s*[a-z]?(?:\s*[-–/]\s*\d*\s*[a-z]?)*$", re.IGNORECASE)
_STREET_WORD = re.compile(r"(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|postfach)\b",
                          re.IGNORECASE)
_COUNTRIES = {country_name(code, lang).casefold(): code
              for code in ("DE", "AT", "CH", "LI", "LU") for lang in ("de", "en")}
_COUNTRIES.update({"bundesrepublik deutschland": "DE", "suisse": "CH", "svizzera": "CH"})
_SHORTHANDS = {"brd": "DE"}  # a letterhead's shorthand: the field gets the country's name


@dataclass(frozen=True)
class Address:
    """What a pasted block holds, field by field ("" where it says nothing), and the lines that
    are none of them, in their order."""

    name: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    country: str = ""
    email: str = ""
    phone: str = ""
    representative: str = ""
    register: str = ""
    website: str = ""
    rest: tuple[str, ...] = ()

    def values(self) -> dict[str, str]:
        """The fields the block fills in: field name → text (``rest`` and empty fields left out)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "rest" and getattr(self, f.name)}

    def spread(self, into: str) -> dict[str, str]:
        """spread() of the block this was recognised from."""
        values = self.values()
        if self.rest:
            values[into] = ", ".join(filter(None, (values.get(into, ""), *self.rest)))
        return values


def lines(text: str) -> list[str]:
    """The block's non-empty lines (any line ending), a line that is only a legal form joined
    to the line before it ("Bäckerei Sonnenschein" + "GmbH")."""
    found: list[str] = []
    for line in (" ".join(raw.split()) for raw in LINE_BREAKS.split(text)):
        if not line:
            continue
        if found and legal_form(line) not in (None, OTHER):
            found[-1] = f"{found[-1]} {line}"
        else:
            found.append(line)
    return found


def _shape(line: str) -> tuple[str, str] | None:
    """(field, value) for a line whose shape alone tells what it is; None for any other."""
    if _CARE_OF.match(line):
        return "care_of", line
    for field, pattern in (("email", _EMAIL), ("website", _WEBSITE), ("representative", _REPRESENTATIVE)):
        match = pattern.match(line)
        if match:
            return field, match.group(1)
    labelled = _PHONE_LABEL.match(line)
    number = labelled.group(1) if labelled else line
    if _PHONE.match(number) and sum(c.isdigit() for c in number) >= 6:
        return "phone", number.strip()
    if _REGISTER.match(line):
        return "register", line
    if line.casefold() in _COUNTRIES:
        return "country", line
    if line.casefold() in _SHORTHANDS:
        return "country", country_name(_SHORTHANDS[line.casefold()], "de")
    return None


def _street(others: list[tuple[int, str]], postcode_at: int | None) -> tuple[int, str] | None:
    """The street among the lines with no shape of their own: one ending with a house number,
    or after the first line naming a street ("Am Marktplatz"); of several, the one nearest
    before the postcode's line — the first line is then the name ("Studio 54")."""
    found = [(at, line) for n, (at, line) in enumerate(others)
             if _HOUSE_NUMBER.search(line) or (n and _STREET_WORD.search(line))]
    if len(found) > 1 and found[0] == others[0]:
        found = found[1:]
    before = [item for item in found if postcode_at is not None and item[0] < postcode_at]
    return before[-1] if before else (found[0] if found else None)


def recognise(text: str) -> Address:
    """The fields a pasted address block fills in. The first field of each kind is taken (a
    second phone number is ``rest``); a c/o line goes before the street, which it belongs to."""
    found: dict[str, str] = {}
    care_of: list[str] = []
    rest: list[tuple[int, str]] = []  # (position, line): lines of a kind already found
    others: list[tuple[int, str]] = []  # (position, line) of lines with no shape of their own
    postcode_at = None
    for at, line in enumerate(lines(text)):
        shape = _shape(line)
        place = _POSTCODE_CITY.match(line)
        code = _PREFIX_COUNTRY.get((place.group(1) or "").casefold()) if place else None
        if place and postcode_at is None and (code or not place.group(1)):  # "X-123 …": no prefix this knows
            found["postcode"], found["city"], postcode_at = place.group(2), place.group(3), at
            if code:
                found["country_code"] = code
        elif place:
            rest.append((at, line))
        elif shape and shape[0] == "care_of":
            care_of.append(line)
        elif shape and shape[0] == "register" and "register" in found:
            found["register"] += f", {line}"
        elif shape and shape[0] not in found:
            found[shape[0]] = shape[1]
        elif shape:
            rest.append((at, line))
        else:
            others.append((at, line))
    street = _street(others, postcode_at)
    if street:
        others.remove(street)
        found["street"] = street[1]
    starts = [at for at in (postcode_at, street[0] if street else None) if at is not None]
    if others and starts and others[0][0] < min(starts):  # the name stands before the address
        found["name"] = others.pop(0)[1]
    if care_of:
        found["street"] = ", ".join([*care_of, found["street"]] if found.get("street") else care_of)
    code = found.pop("country_code", "")
    if code and "country" not in found:
        found["country"] = country_name(code, "de")
    return Address(**found, rest=tuple(line for _at, line in sorted(others + rest)))


def spread(text: str, into: str) -> dict[str, str]:
    """The fields a block pasted into the field ``into`` sets: the recognised ones, and ``into``
    keeps what is left, as one line after its own recognised value ("…, Fax: 0761 12"). A block
    with nothing recognised stays in ``into`` as one line."""
    return recognise(text).spread(into)
