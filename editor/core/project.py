"""The Project — what the user decided — and its JSON file format.

Files are pretty-printed JSON with a stable key order, a format marker and a schema version.
Saving is atomic (see atomic.py: temporary file, fsync, rename; symlinks stay links) and keeps
one backup (``name.json.bak``); a save notices when another program changed the file since it
was read (``expected`` fingerprint). Older schema versions are migrated step by step; newer
ones are refused. Whatever a file holds, loading either succeeds or raises ProjectError with
one sentence for the user: characters that cannot be written are replaced, absurd nesting,
numbers and field lengths (FIELD_LIMITS) are refused, a service listed twice is kept once.
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

import msgspec

from . import atomic
from .atomic import Fingerprint
from .projectlimits import (COUNT_LIMITS, FIELD_LIMITS, LINK, LONG, MAX_DEPTH, MAX_FILE_BYTES, SHORT, Unusable,
                            check_limits, clean_text, clean_value, field_limit, scrub, tidy)
from .projectmessages import backup_not_written, not_a_file, not_opened, not_saved, wrong_value
from .projectmigrations import MIGRATIONS, migrate
from .projectmodel import (FORMAT, LANGUAGES, SCHEMA_VERSION, STATE_CODES, SUFFIX, Controller,
                           CustomSection, Dpo, ExportRecord, FileChangedError, LocalText, Project,
                           ProjectError, ReadOnlyFileError, SaveError, SelectedService, example_project, new_project,
                           keep_unknown, to_dict)

# The project's API in one place: the model (projectmodel), what a file may hold
# (projectlimits), migrations (projectmigrations) and reading and writing (here).
__all__ = [
    "FORMAT", "SCHEMA_VERSION", "SUFFIX", "LANGUAGES", "STATE_CODES", "Controller", "Dpo", "SelectedService",
    "LocalText", "CustomSection", "ExportRecord", "Project", "example_project", "new_project", "to_dict",
    "ProjectError", "SaveError", "FileChangedError", "ReadOnlyFileError",
    "FIELD_LIMITS", "COUNT_LIMITS", "SHORT", "LINK", "LONG", "MAX_DEPTH", "MAX_FILE_BYTES",
    "clean_text", "clean_value", "field_limit", "MIGRATIONS", "migrate",
    "Loaded", "Saved", "parse", "loads", "load_file", "load", "dumps", "save", "file_stem",
]

class Loaded(NamedTuple):
    project: Project
    fingerprint: Fingerprint | None  # of the file as read: to notice later changes by others
    warnings: list[str]  # what was settled while loading, one sentence each


class Saved(NamedTuple):
    path: Path  # the file really written (a symlink's target)
    fingerprint: Fingerprint
    warnings: list[str]  # e.g. the backup could not be written


def _names(name: str) -> tuple[str, str]:
    """The file as a message names it: (German, English)."""
    return ("Die Datei", "The file") if name == "the file" else (f"„{name}“", name)


def _unchanged(backup: str) -> tuple[str, str]:
    """That nothing was changed, and where the backup of the last save is (when there is one)."""
    if not backup:
        return "Die Datei wurde nicht verändert.", "It was not changed."
    return (f"Die Datei wurde nicht verändert. Eine Sicherung der vorigen Fassung liegt daneben: {backup}",
            f"It was not changed. A backup of the previous version is next to it: {backup}")


def _unusable(name: str, de: str, en: str, backup: str = "", details: str = "") -> ProjectError:
    (file_de, file_en), (same_de, same_en) = _names(name), _unchanged(backup)
    return ProjectError(f"{file_en} contains a value Policy Editor cannot use: {en}. {same_en}",
                        de=f"{file_de} enthält eine Angabe, die Policy Editor nicht verwenden kann: "
                           f"{de[:1].upper()}{de[1:]}. {same_de}", details=details)


def parse(text: str, name: str = "the file", backup: str = "") -> tuple[Project, list[str]]:
    """The project in ``text`` and the warnings about what loading settled; ``backup`` is the
    path of the file's backup, named in the message when the file cannot be used."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        (file_de, file_en), (same_de, same_en) = _names(name), _unchanged(backup)
        # the parser's words ("Unterminated string starting at") say little to a shop owner
        ends = not text[exc.pos:].strip() or exc.msg.startswith("Unterminated")
        what_de = "bricht der Text ab (die Datei ist wohl unvollständig)" if ends else "ist der Text fehlerhaft"
        what_en = "the text breaks off (the file seems incomplete)" if ends else "the text is malformed"
        raise ProjectError(
            f"{file_en} is damaged and cannot be read: in line {exc.lineno}, at character {exc.colno}, {what_en}. {same_en}",
            de=f"{file_de} ist beschädigt und kann nicht gelesen werden: In Zeile {exc.lineno} bei Zeichen {exc.colno} "
               f"{what_de}. {same_de}",
            details=f"line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise _unusable(name, "sie ist viel zu tief verschachtelt", "it is nested far too deeply", backup) from None
    except ValueError:  # Python refuses to convert integers of more than 4,300 digits
        raise _unusable(name, "eine Zahl hat Tausende von Ziffern", "a number has thousands of digits", backup) from None
    try:
        data = scrub(data)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            file_de, file_en = _names(name)
            raise ProjectError(f"{file_en} is not a Policy Editor project (the format marker is missing).",
                               de=f"{file_de} ist kein Projekt von Policy Editor (die Formatangabe fehlt).")
        data = migrate(data)
        project = msgspec.convert(data, Project)
        keep_unknown(data, project)
        warnings = tidy(project)
        check_limits(project)
    except Unusable as exc:
        raise _unusable(name, exc.de, str(exc), backup) from None
    except msgspec.ValidationError as exc:
        detail = clean_text(str(exc), 200)
        de, en = wrong_value(detail)
        raise _unusable(name, de, en, backup, details=detail.replace("`", "'").replace("$.", "")) from None
    return project, warnings


def loads(text: str, name: str = "the file") -> Project:
    return parse(text, name)[0]


def load_file(path: str | os.PathLike[str]) -> Loaded:
    """Read a project file: the project, the file's fingerprint and warnings for the user."""
    path = Path(path)
    try:
        st = atomic.regular_stat(path)  # before opening: opening a FIFO would block
        if st is None:
            raise ProjectError(f"The file {path} does not exist.", de=f"Die Datei {path} gibt es nicht.")
        if st.st_size > MAX_FILE_BYTES:
            size = st.st_size // 1_000_000
            raise ProjectError(f"{path.name} is {size:,} MB large, far too large for a Policy Editor project, "
                               "so it was not opened.",
                               de=f"„{path.name}“ ist {f'{size:,}'.replace(',', '.')} MB groß, viel zu groß für ein "
                                  "Projekt von Policy Editor; sie wurde daher nicht geöffnet.")
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
            st = os.fstat(handle.fileno())
    except OSError as exc:
        raise ProjectError(f"The file {path} cannot be opened ({exc.strerror}).",
                           de=f"Die Datei {path} kann nicht geöffnet werden ({not_opened(exc)}).",
                           details=str(exc.strerror or "")) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProjectError(f"{path.name} is not a text file Policy Editor can read (byte {exc.start}).",
                           de=f"„{path.name}“ ist keine Textdatei, die Policy Editor lesen kann (Byte {exc.start}).") from None
    backup = path.with_name(path.name + ".bak")
    project, warnings = parse(text, path.name, str(backup) if backup.is_file() else "")
    return Loaded(project, atomic.fingerprint_of(raw, st), warnings)


def load(path: str | os.PathLike[str]) -> Project:
    return load_file(path).project


def dumps(project: Project) -> str:
    # Field order of the Structs gives a stable key order; options dicts are sorted for diffs.
    data = to_dict(project)
    for service in data["services"]:
        service["options"] = dict(sorted(service["options"].items()))
        if not service.get("pack"):
            service.pop("pack", None)
    data["overrides"] = dict(sorted(data["overrides"].items()))
    # A lone surrogate set by code that bypassed the model must not make saving impossible.
    return clean_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def save(project: Project, path: str | os.PathLike[str], keep_backup: bool = True, *,
         expected: Fingerprint | None = None, replace_readonly: bool = False) -> Saved:
    """Write atomically: the old file, or the new one, is always intact on disk.

    ``expected`` is the fingerprint the file had when it was read (or last saved): when the
    content on disk differs now, FileChangedError is raised and nothing is written. A read-only
    file raises ReadOnlyFileError unless ``replace_readonly``. Every other failure raises
    SaveError with one sentence for the user; the file on disk is then unchanged."""
    path = Path(path)
    data = dumps(project).encode("utf-8")
    warnings: list[str] = []
    try:
        target = atomic.real_target(path)
        st = atomic.regular_stat(target)
        if st is not None and atomic.is_read_only(st) and not replace_readonly:
            raise ReadOnlyFileError(f"{path.name} is read-only, so it was not overwritten.")
        old = None
        if st is not None and (expected is not None or keep_backup):
            with open(target, "rb") as handle:
                old = handle.read()
        if old is not None and expected is not None and not atomic.fingerprint_of(old, st).same_content(expected):
            raise FileChangedError(f"{path.name} was changed by another program since it was opened, "
                                   "so it was not overwritten.")
        if keep_backup and old is not None:
            backup = target.with_name(target.name + ".bak")
            try:
                atomic.write_atomic(backup, old, mode=st.st_mode & 0o7777, replace_readonly=True)
            except OSError as exc:
                warnings.append(backup_not_written(backup.name, exc))
        atomic.write_atomic(target, data, replace_readonly=replace_readonly)
        written = os.stat(target)
    except SaveError:
        raise
    except atomic.NotAFileError as exc:
        raise SaveError(f"The project cannot be saved as {path}: {exc.strerror}.",
                        de=f"Das Projekt kann nicht unter {path} gespeichert werden: {not_a_file(exc)}.") from None
    except OSError as exc:
        en, de = not_saved(path.name, exc)
        raise SaveError(en, de=de) from None
    return Saved(target, atomic.fingerprint_of(data, written), warnings)


_SPELLED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def file_stem(name: str) -> str:
    """A file name for a project from its company's name: "Blumenladen Rosenrot" →
    "blumenladen-rosenrot" (lower case, umlauts spelled out, one hyphen between words, no
    character a file system or a web server minds); "" when the name gives none."""
    text = unicodedata.normalize("NFKD", name.casefold().translate(_SPELLED))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].rstrip("-")
