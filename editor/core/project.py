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

import datetime as _dt
import errno
import json
import os
import re
from collections import deque
from pathlib import Path
from typing import Any, Callable, NamedTuple

import msgspec

from . import atomic
from .atomic import Fingerprint

FORMAT = "policy-editor-project"
SCHEMA_VERSION = 2
SUFFIX = ".policy.json"

# The federal states a project may name (its supervisory authority follows from it). Their names,
# in both languages, come from the packs' authorities: see states.py.
STATE_CODES = ("BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH")


class ProjectError(Exception):
    """A project file cannot be used; the message is meant for the user as it is."""


class SaveError(ProjectError, OSError):
    """Saving failed and the file on disk was not changed; the message is for the user. An
    OSError too, so callers that only know file errors still catch it."""


class FileChangedError(SaveError):
    """Another program changed the file since it was read: saving would overwrite its work."""


class ReadOnlyFileError(SaveError):
    """The file is read-only; save again with ``replace_readonly=True`` after asking."""


class _S(msgspec.Struct, kw_only=True, forbid_unknown_fields=False):
    pass


class Controller(_S, kw_only=True):
    name: str = ""
    legal_form: str = ""
    representative: str = ""  # "Vertreten durch"
    street: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "Deutschland"
    email: str = ""
    phone: str = ""
    website: str = ""
    register: str = ""  # e.g. "Amtsgericht Köln, HRB 12345"


class Dpo(_S, kw_only=True):
    name: str = ""
    company: str = ""  # for an external DPO
    email: str = ""
    phone: str = ""
    address: str = ""


class SelectedService(_S, kw_only=True):
    id: str
    options: dict[str, bool | int | str] = {}


class LocalText(_S, kw_only=True):
    de: str = ""
    en: str = ""


class CustomSection(_S, kw_only=True):
    id: str
    title: LocalText = msgspec.field(default_factory=LocalText)
    body: LocalText = msgspec.field(default_factory=LocalText)  # Markdown, user-authored
    after: str = ""  # section id it follows; empty = before the rights sections


class ExportRecord(_S, kw_only=True):
    date: str
    format: str
    language: str
    path: str
    sha256: str = ""


class Project(_S, kw_only=True):
    format: str = FORMAT
    schema_version: int = SCHEMA_VERSION
    languages: list[str] = msgspec.field(default_factory=lambda: ["de", "en"])
    controller: Controller = msgspec.field(default_factory=Controller)
    dpo: Dpo | None = None
    state: str = ""  # federal state code, decides the supervisory authority
    websites: list[str] = []
    services: list[SelectedService] = []
    custom_sections: list[CustomSection] = []
    overrides: dict[str, LocalText] = {}  # section id → replacement Markdown per language
    stand: str = ""  # ISO date; empty = today
    export_history: list[ExportRecord] = []

    # --- convenience ----------------------------------------------------------------------
    def service_ids(self) -> list[str]:
        return [s.id for s in self.services]

    def selected(self, service_id: str) -> SelectedService | None:
        return next((s for s in self.services if s.id == service_id), None)

    def stand_date(self) -> _dt.date:
        if self.stand:
            try:
                return _dt.date.fromisoformat(self.stand)
            except ValueError:
                pass
        return _dt.date.today()


# ---------------------------------------------------------------------------------------------
# migrations: each step takes the raw dict of version N and returns version N+1

Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}


class _Unusable(Exception):
    """A value in the file has the wrong shape; the detail names it (becomes a ProjectError)."""


def migration(from_version: int) -> Callable[[Migration], Migration]:
    def register(step: Migration) -> Migration:
        MIGRATIONS[from_version] = step
        return step

    return register


@migration(1)
def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """v1 (first preview): ``company`` was a flat block, ``services`` a list of ids, one
    ``language``, and the DPO was flagged by ``has_dpo`` beside ``dpo_*`` fields."""
    out = dict(data)
    company = out.pop("company", None) or {}
    if not isinstance(company, dict):
        raise _Unusable("'company' should hold the company's details")
    out["controller"] = {
        "name": company.get("name", ""),
        "legal_form": company.get("legal_form", ""),
        "representative": company.get("owner", ""),
        "street": company.get("street", ""),
        "postcode": company.get("zip", ""),
        "city": company.get("city", ""),
        "country": company.get("country", "Deutschland"),
        "email": company.get("email", ""),
        "phone": company.get("phone", ""),
        "website": company.get("website", ""),
    }
    services = out.get("services", [])
    if not isinstance(services, list):
        raise _Unusable("'services' should be a list of services")
    out["services"] = [{"id": s, "options": {}} if isinstance(s, str) else s for s in services]
    language = out.pop("language", "de")
    if language not in LANGUAGES:
        raise _Unusable(f"'language' should be de or en, not {_shown(language)}")
    out["languages"] = [language] + [lang for lang in LANGUAGES if lang != language]
    has_dpo = out.pop("has_dpo", False)
    dpo = {k[4:]: out.pop(k) for k in list(out) if k.startswith("dpo_")}
    out["dpo"] = dpo if has_dpo else None
    out["schema_version"] = 2
    return out


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectError("The file has no valid schema version, so it is not a Policy Editor project.")
    if version > SCHEMA_VERSION:
        shown = f"file version {version}, " if version < 10**6 else ""
        raise ProjectError(
            f"This project was saved by a newer Policy Editor ({shown}this program "
            f"reads up to {SCHEMA_VERSION}). Please update Policy Editor to open it; the file was not changed."
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version = data["schema_version"]
    return data


# ---------------------------------------------------------------------------------------------
# what a file may hold: characters, nesting, lengths

LANGUAGES = ("de", "en")
MAX_FILE_BYTES = 50_000_000  # a project with every limit used fully stays far below
MAX_DEPTH = 40  # the format nests 5 deep; unknown keys of other tools get room to spare

# The most characters a field may hold: far above any real value, low enough that a damaged or
# hostile file cannot make a document of hundreds of megabytes. The first matching pattern
# counts ("*" = any one key, "[]" = each item of a list); entry in the GUI is cut to the same.
SHORT, LINK, LONG = 300, 2_000, 20_000
FIELD_LIMITS: dict[str, int] = {
    "controller.website": LINK,
    "controller.*": SHORT,  # name, legal form, representative, street, postcode, city, ...
    "dpo.address": 2 * SHORT,
    "dpo.*": SHORT,
    "websites[]": LINK,
    "services[].options.*": LINK,  # text options (e.g. a cookie name or URL)
    "custom_sections[].body.*": LONG,  # the user's own Markdown
    "overrides.*.*": LONG,  # a section's replacement text
    "export_history[].*": 5_000,  # paths
    "*": SHORT,  # ids, titles, dates, state, keys of every kind
}
# The most items a list (or table) may hold.
COUNT_LIMITS: dict[str, int] = {"websites": 100, "services": 5_000, "custom_sections": 200, "overrides": 500}

_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(text: str, limit: int | None = None) -> str:
    """``text`` with characters that cannot be saved (lone UTF-16 surrogates, as a broken paste
    or a damaged file may carry) replaced by U+FFFD, cut to ``limit`` characters if given."""
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = _SURROGATES.sub("\ufffd", text)
    return text if limit is None or len(text) <= limit else text[:limit]


def field_limit(field: str) -> int:
    """The most characters for ``field``, written like the FIELD_LIMITS patterns with concrete
    keys ("controller.name", "custom_sections[].body.de", "services[].options.cookie")."""
    parts = field.split(".")
    for pattern, limit in FIELD_LIMITS.items():
        wanted = pattern.split(".")
        if pattern == "*" or len(wanted) == len(parts) and all(w in ("*", p) for w, p in zip(wanted, parts)):
            return limit
    return SHORT


def clean_value(value: Any, field: str) -> tuple[Any, bool]:
    """``value`` (text, list, dict, tuple or Struct, as the GUI sets it) for ``field`` with every
    text cleaned and cut to its limit; and whether anything was cut. For input as it is typed."""
    cut = False

    def clean(item: Any, where: str) -> Any:
        nonlocal cut
        if isinstance(item, str):
            most = field_limit(where)
            cut = cut or len(item) > most
            return clean_text(item, most)
        if isinstance(item, list):
            return [clean(v, where + "[]") for v in item]
        if isinstance(item, tuple):
            return tuple(clean(v, where) for v in item)
        if isinstance(item, dict):
            return {clean_text(k, SHORT): clean(v, f"{where}.{k}") for k, v in item.items()}
        if isinstance(item, msgspec.Struct):
            return msgspec.structs.replace(item, **{name: clean(getattr(item, name), f"{where}.{name}")
                                                    for name in item.__struct_fields__})
        return item

    return clean(value, field), cut


def _scrub(value: Any, depth: int = 0) -> Any:
    """Clean every string (and key) of parsed JSON; refuse nesting beyond MAX_DEPTH."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        if depth >= MAX_DEPTH:
            raise _Unusable(f"it is nested more than {MAX_DEPTH} levels deep")
        return [_scrub(v, depth + 1) for v in value]
    if isinstance(value, dict):
        if depth >= MAX_DEPTH:
            raise _Unusable(f"it is nested more than {MAX_DEPTH} levels deep")
        return {clean_text(k): _scrub(v, depth + 1) for k, v in value.items()}
    return value


def _shown(value: Any) -> str:
    """A value quoted for a message, cut short: messages stay one readable sentence."""
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 40 else text[:37] + "…"


def _field_name(parts: list[str]) -> str:
    """A field path as a shop owner reads it."""
    head, rest = parts[0], parts[1:]
    who = {"controller": "the company's", "dpo": "the data protection officer's"}.get(head)
    if who and rest:
        return f"{who} {rest[0].replace('_', ' ')}"
    named = {"websites": "a website", "services": "a selected service", "custom_sections": "one of your own sections",
             "overrides": "a replaced section text", "export_history": "the export history"}
    return named.get(head, f"the field '{head}'")


def _check_limits(project: Project) -> None:
    data = to_dict(project)
    for key, most in COUNT_LIMITS.items():
        if len(data[key]) > most:
            raise _Unusable(f"it lists {len(data[key]):,} entries under '{key}', more than the {most:,} Policy Editor accepts")
    queue = deque(([k], [k], v) for k, v in data.items())  # in file order: the first long field is named
    while queue:
        pattern, parts, value = queue.popleft()
        if isinstance(value, dict):
            for k, v in value.items():
                if len(k) > SHORT:
                    raise _Unusable(f"{_field_name(parts)} has a name of {len(k):,} characters")
                queue.append((pattern + [k], parts + [k], v))
        elif isinstance(value, list):
            pattern = pattern[:-1] + [pattern[-1] + "[]"]
            queue.extend((pattern, parts, v) for v in value)
        elif isinstance(value, str):
            most = field_limit(".".join(pattern))
            if len(value) > most:
                raise _Unusable(f"{_field_name(parts)} is {len(value):,} characters long; "
                                f"Policy Editor accepts at most {most:,} there")


def _tidy(project: Project) -> list[str]:
    """Settle what the types allow but the program cannot use; returns warnings for the user."""
    unknown = [lang for lang in project.languages if lang not in LANGUAGES]
    if unknown:
        raise _Unusable(f"it asks for the language {_shown(unknown[0])}, but policies are written in de or en")
    project.languages = list(dict.fromkeys(project.languages))
    warnings = []
    seen: dict[str, int] = {}
    for selected in project.services:
        seen[selected.id] = seen.get(selected.id, 0) + 1
    twice = [sid for sid, count in seen.items() if count > 1]
    if twice:
        kept: set[str] = set()
        project.services = [s for s in project.services if s.id not in kept and not kept.add(s.id)]
        names = ", ".join(f"'{clean_text(sid, 40)}'" for sid in twice[:3]) + (f" and {len(twice) - 3} more" if len(twice) > 3 else "")
        warnings.append(f"The project lists {names} more than once; Policy Editor keeps the first entry of each "
                        "(and its settings) and drops the copies when you save.")
    return warnings


# ---------------------------------------------------------------------------------------------
# reading and writing


class Loaded(NamedTuple):
    project: Project
    fingerprint: Fingerprint | None  # of the file as read: to notice later changes by others
    warnings: list[str]  # what was settled while loading, one sentence each


class Saved(NamedTuple):
    path: Path  # the file really written (a symlink's target)
    fingerprint: Fingerprint
    warnings: list[str]  # e.g. the backup could not be written


def _unusable(name: str, detail: str) -> ProjectError:
    return ProjectError(f"{'The file' if name == 'the file' else name} contains a value Policy Editor cannot use ({detail}). "
                        "It was not changed.")


def parse(text: str, name: str = "the file") -> tuple[Project, list[str]]:
    """The project in ``text`` and the warnings about what loading settled."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProjectError(
            f"{name} is damaged and cannot be read (line {exc.lineno}, column {exc.colno}: {exc.msg}). "
            "It was not changed; a backup may exist next to it with the ending .bak."
        ) from None
    except RecursionError:
        raise _unusable(name, "it is nested far too deeply") from None
    except ValueError:  # Python refuses to convert integers of more than 4,300 digits
        raise _unusable(name, "a number has thousands of digits") from None
    try:
        data = _scrub(data)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ProjectError(f"{name} is not a Policy Editor project (the format marker is missing).")
        data = migrate(data)
        project = msgspec.convert(data, Project)
        warnings = _tidy(project)
        _check_limits(project)
    except _Unusable as exc:
        raise _unusable(name, str(exc)) from None
    except msgspec.ValidationError as exc:
        detail = str(exc).replace("`", "'").replace("$.", "")
        raise _unusable(name, clean_text(detail, 200)) from None
    return project, warnings


def loads(text: str, name: str = "the file") -> Project:
    return parse(text, name)[0]


def load_file(path: str | os.PathLike[str]) -> Loaded:
    """Read a project file: the project, the file's fingerprint and warnings for the user."""
    path = Path(path)
    try:
        st = atomic.regular_stat(path)  # before opening: opening a FIFO would block
        if st is None:
            raise ProjectError(f"The file {path} does not exist.")
        if st.st_size > MAX_FILE_BYTES:
            raise ProjectError(f"{path.name} is {st.st_size // 1_000_000:,} MB large, far too large for a "
                               "Policy Editor project, so it was not opened.")
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
            st = os.fstat(handle.fileno())
    except OSError as exc:
        raise ProjectError(f"The file {path} cannot be opened ({exc.strerror}).") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProjectError(f"{path.name} is not a text file Policy Editor can read (byte {exc.start}).") from None
    project, warnings = parse(text, path.name)
    return Loaded(project, atomic.fingerprint_of(raw, st), warnings)


def load(path: str | os.PathLike[str]) -> Project:
    return load_file(path).project


def to_dict(project: Project) -> dict[str, Any]:
    return msgspec.to_builtins(project)


def dumps(project: Project) -> str:
    # Field order of the Structs gives a stable key order; options dicts are sorted for diffs.
    data = to_dict(project)
    for service in data["services"]:
        service["options"] = dict(sorted(service["options"].items()))
    data["overrides"] = dict(sorted(data["overrides"].items()))
    # A lone surrogate set by code that bypassed the model must not make saving impossible.
    return clean_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


_REASONS = {
    errno.ENOSPC: "the disk is full", errno.EDQUOT: "your disk quota is used up",
    errno.EACCES: "you have no permission to write there", errno.EPERM: "you have no permission to write there",
    errno.EROFS: "the disk is read-only", errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "the folder does not exist", errno.ENAMETOOLONG: "the name is too long",
}


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
                warnings.append(f"The backup copy {backup.name} could not be written ({_reason(exc)}); "
                                "the project itself was saved.")
        atomic.write_atomic(target, data, replace_readonly=replace_readonly)
        written = os.stat(target)
    except SaveError:
        raise
    except atomic.NotAFileError as exc:
        raise SaveError(f"The project cannot be saved as {path}: {exc.strerror}.") from None
    except OSError as exc:
        raise SaveError(f"{path.name} could not be saved because {_reason(exc)}. "
                        "The file on disk was not changed.") from None
    return Saved(target, atomic.fingerprint_of(data, written), warnings)


def _reason(exc: OSError) -> str:
    return _REASONS.get(exc.errno, (exc.strerror or str(exc) or type(exc).__name__).rstrip(".").lower())


def example_project(company: str | None = None, state: str | None = None) -> Project:
    """A realistic sample, used by ``policy-editor new --example`` and the first-run screen."""
    return Project(
        controller=Controller(
            name=company or "Tischlerei Beispiel GmbH",
            legal_form="GmbH",
            representative="Anna Beispiel (Geschäftsführerin)",
            street="Hauptstraße 12",
            postcode="50667",
            city="Köln",
            country="Deutschland",
            email="datenschutz@tischlerei-beispiel.de",
            phone="+49 221 1234567",
            website="https://www.tischlerei-beispiel.de",
            register="Amtsgericht Köln, HRB 123456",
        ),
        state=state or "NW",
        websites=["https://www.tischlerei-beispiel.de"],
        stand=_dt.date.today().isoformat(),
    )
