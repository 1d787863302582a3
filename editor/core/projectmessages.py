"""What is wrong with a project file, in German and English words a shop owner reads: the
field ("the company's postcode"), the kind of value it needs ("text", "a number"), and
msgspec's check of the types turned into that. The parser's own English stays a detail."""
from __future__ import annotations

import re

# a field of the controller or the DPO: (German, English)
_FIELDS = {
    "name": ("Name", "name"), "legal_form": ("Rechtsform", "legal form"), "legal_form_other": ("Rechtsform", "legal form"),
    "representative": ("Vertretung", "representative"), "street": ("Straße", "street"),
    "postcode": ("Postleitzahl", "postcode"), "city": ("Ort", "city"), "country": ("Land", "country"),
    "email": ("E-Mail-Adresse", "email address"), "phone": ("Telefonnummer", "phone number"),
    "register": ("Registereintrag", "commercial register"), "company": ("Firma", "firm"), "address": ("Anschrift", "address"),
}
_WHOLE = {  # a top-level field as a whole, or any field in it
    "controller": ("die Angaben zum Unternehmen", "the company's details"),
    "dpo": ("die Angaben zum Datenschutzbeauftragten", "the data protection officer's details"),
    "websites": ("eine Website", "a website"), "services": ("ein ausgewählter Dienst", "a selected service"),
    "custom_sections": ("einer Ihrer eigenen Abschnitte", "one of your own sections"),
    "overrides": ("ein ersetzter Abschnittstext", "a replaced section text"),
    "export_history": ("die Liste der Exporte", "the export history"),
    "own_services": ("einer Ihrer eigenen Dienste", "one of your own services"),
    "tasks_done": ("die erledigten Aufgaben", "the tasks marked done"),
    "override_basis": ("der Baustein-Text unter einem ersetzten Abschnitt", "the clause text under a replaced section"),
    "languages": ("die Sprachen der Erklärung", "the policy's languages"), "state": ("das Bundesland", "the federal state"),
    "stand": ("das Datum „Stand“", "the “last updated” date"), "staff_20_plus": ("die Zahl der Beschäftigten", "the staff size"),
    "schema_version": ("die Versionsnummer der Datei", "the file's version number"),
}
_TYPES = {  # msgspec's type names
    "str": ("Text", "text"), "int": ("eine ganze Zahl", "a whole number"), "float": ("eine Zahl", "a number"),
    "bool": ("ja oder nein (true/false)", "yes or no (true/false)"), "array": ("eine Liste", "a list"),
    "object": ("eine Gruppe von Angaben", "a group of values"), "null": ("leer (null)", "empty (null)"),
}
_EXPECTED = re.compile(r"Expected `([^`]+)`, got `([^`]+)`")
_AT = re.compile(r" - at `\$\.?([^`]*)`")


def field_name(parts: list[str]) -> tuple[str, str]:
    """A field path as words: ["controller", "postcode"] → ("das Feld „Postleitzahl“ des
    Unternehmens", "the company's postcode")."""
    head, rest = (parts[0] if parts else ""), parts[1:]
    if head in ("controller", "dpo") and rest:
        de, en = _FIELDS.get(rest[0], (rest[0], f"“{rest[0]}”"))  # German quoted below
        whose_de = "des Unternehmens" if head == "controller" else "des Datenschutzbeauftragten"
        whose_en = "the company's" if head == "controller" else "the data protection officer's"
        return f"das Feld „{de}“ {whose_de}", f"{whose_en} {en}"
    return _WHOLE.get(head, (f"das Feld „{head}“", f"the field “{head}”"))


_PLURAL = {"controller", "dpo", "languages", "tasks_done"}  # "die Angaben … sollten", "the tasks … have"


def plural(parts: list[str]) -> bool:
    """Whether ``field_name(parts)`` names several things (its verb in the plural)."""
    return bool(parts) and parts[0] in _PLURAL and not (parts[0] in ("controller", "dpo") and len(parts) > 1)


def _path(text: str) -> list[str]:
    """"controller.postcode" / "services[2].id" → ["controller", "postcode"] / ["services", "id"]."""
    return [p for p in re.sub(r"\[\d+\]", "", text).split(".") if p]


def _kind(names: str, lang: int) -> str:
    words = [_TYPES.get(n.strip(), (n.strip(), n.strip()))[lang] for n in names.split("|")]
    return (" oder " if lang == 0 else " or ").join(words)


def wrong_value(detail: str) -> tuple[str, str]:
    """msgspec's ValidationError text ("Expected `str`, got `int` - at `$.controller.postcode`")
    as what is wrong, (German, English): "das Feld „Postleitzahl“ des Unternehmens sollte Text
    sein, ist aber eine ganze Zahl"."""
    at = _AT.search(detail)
    parts = _path(at.group(1)) if at else []
    where = field_name(parts) if at else ("eine Angabe", "a value")
    many = plural(parts)
    expected = _EXPECTED.search(detail)
    if expected:
        return (f"{where[0]} {'sollten' if many else 'sollte'} {_kind(expected.group(1), 0)} sein, "
                f"{'sind' if many else 'ist'} aber {_kind(expected.group(2), 0)}",
                f"{where[1]} should be {_kind(expected.group(1), 1)} but {'are' if many else 'is'} {_kind(expected.group(2), 1)}")
    return (f"{where[0]} {'haben' if many else 'hat'} eine unbrauchbare Form",
            f"{where[1]} {'have' if many else 'has'} a form Policy Editor cannot use")
