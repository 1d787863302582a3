"""What is wrong with a project file, in German and English words a shop owner reads: the
field ("the company's postcode"), the kind of value it needs ("text", "a number"), and
msgspec's check of the types turned into that. The parser's own English stays a detail.
Also the warnings loading and saving give (Note: English, with its German words along)."""
from __future__ import annotations

import errno
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


class Note(str):
    """A warning for the user: the English sentence as the text itself (as the command line
    prints it) and the German one in ``de``, for an interface in German."""

    de: str

    def __new__(cls, en: str, de: str) -> "Note":
        note = super().__new__(cls, en)
        note.de = de
        return note

    def text(self, lang: str) -> str:
        return self.de if lang == "de" else str(self)


def in_language(message: str, lang: str) -> str:
    """``message`` in ``lang`` where it carries its German words (a Note); else as it is."""
    return message.text(lang) if isinstance(message, Note) else message


def listed_twice(ids: list[str]) -> Note:
    """A project file listing services more than once (``ids``, the first three named)."""
    more = len(ids) - 3
    en = ", ".join(f"'{sid}'" for sid in ids[:3]) + (f" and {more} more" if more > 0 else "")
    de = ", ".join(f"„{sid}“" for sid in ids[:3]) + (f" und {more} weitere" if more > 0 else "")
    return Note(f"The project lists {en} more than once; Policy Editor keeps the first entry of each "
                "(and its settings) and drops the copies when you save.",
                f"Das Projekt führt {de} mehr als einmal auf; Policy Editor behält jeweils den ersten Eintrag "
                "(mit seinen Einstellungen) und entfernt die Kopien beim Speichern.")


# why writing failed, as the end of a sentence: (German, English)
_REASONS = {
    errno.ENOSPC: ("der Datenträger voll ist", "the disk is full"),
    errno.EDQUOT: ("Ihr Speicherplatz-Kontingent aufgebraucht ist", "your disk quota is used up"),
    errno.EACCES: ("Ihnen dort die Schreibberechtigung fehlt", "you have no permission to write there"),
    errno.EPERM: ("Ihnen dort die Schreibberechtigung fehlt", "you have no permission to write there"),
    errno.EROFS: ("der Datenträger schreibgeschützt ist", "the disk is read-only"),
    errno.ENOENT: ("es den Ordner nicht gibt", "the folder does not exist"),
    errno.ENOTDIR: ("es den Ordner nicht gibt", "the folder does not exist"),
    errno.ENAMETOOLONG: ("der Name zu lang ist", "the name is too long"),
}
# why opening failed, in German words for the brackets after "kann nicht geöffnet werden"
_OPEN_REASONS = {
    errno.ENOENT: "es gibt sie nicht", errno.EACCES: "Ihnen fehlt die Berechtigung",
    errno.EPERM: "Ihnen fehlt die Berechtigung", errno.EISDIR: "es ist ein Ordner",
    errno.ENOTDIR: "es gibt den Ordner nicht", errno.ENAMETOOLONG: "der Name ist zu lang",
}
_KINDS = {"folder": "ein Ordner", "fifo": "eine Pipe (FIFO)", "device": "ein Gerät"}


def _instead(exc: OSError) -> str | None:
    """What atomic.NotAFileError found instead of a file (its ``kind``), in German ("ein
    Ordner"); None for any other error."""
    kind = getattr(exc, "kind", None)
    return _KINDS.get(kind, "etwas anderes") if kind is not None else None


def not_a_file(exc: OSError) -> str:
    """atomic.NotAFileError's "it is a folder, not a file" in German."""
    return f"es ist {_instead(exc) or 'etwas anderes'}, keine Datei"


def not_opened(exc: OSError) -> str:
    """Why a file could not be opened, in German for brackets; the system's own words (English on
    most systems) for a failure this does not know, named as the system's."""
    if exc.errno in _OPEN_REASONS:
        return _OPEN_REASONS[exc.errno]
    if _instead(exc):
        return not_a_file(exc)
    return f"Fehler des Systems: {_system_words(exc)}"


def _system_words(exc: OSError) -> str:
    return (exc.strerror or str(exc) or type(exc).__name__).rstrip(".")


def reason(exc: OSError) -> tuple[str, str]:
    """Why writing failed, to follow "because"/"weil": (German, English). The system's own
    words for a failure this does not know (they are English on most systems)."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    instead = _instead(exc)
    if instead:
        return f"dort {instead} statt einer Datei liegt", exc.strerror
    own = _system_words(exc)
    return f"ein Fehler des Systems auftrat ({own})", own.lower()


def backup_not_written(name: str, exc: OSError) -> Note:
    """The project was saved, its backup copy ``name`` not."""
    de, en = reason(exc)
    return Note(f"The backup copy {name} could not be written ({en}); the project itself was saved.",
                f"Die Sicherungskopie „{name}“ konnte nicht geschrieben werden, weil {de}; das Projekt selbst "
                "wurde gespeichert.")


def not_saved(name: str, exc: OSError) -> tuple[str, str]:
    """Saving ``name`` failed: (English, German), for a SaveError."""
    de, en = reason(exc)
    return (f"{name} could not be saved because {en}. The file on disk was not changed.",
            f"„{name}“ konnte nicht gespeichert werden, weil {de}. Die Datei auf dem Datenträger blieb unverändert.")
