"""The Project — what the user decided — and its JSON file format.

Files are pretty-printed JSON with a stable key order, a format marker and a schema version.
Saving is atomic (temporary file in the same folder, fsync, rename) and keeps one backup
(``name.json.bak``). Older schema versions are migrated step by step; newer ones are refused.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Callable

import msgspec

FORMAT = "policy-editor-project"
SCHEMA_VERSION = 2
SUFFIX = ".policy.json"

STATES = {
    "BW": "Baden-Württemberg", "BY": "Bayern", "BE": "Berlin", "BB": "Brandenburg",
    "HB": "Bremen", "HH": "Hamburg", "HE": "Hessen", "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen", "NW": "Nordrhein-Westfalen", "RP": "Rheinland-Pfalz", "SL": "Saarland",
    "SN": "Sachsen", "ST": "Sachsen-Anhalt", "SH": "Schleswig-Holstein", "TH": "Thüringen",
}


class ProjectError(Exception):
    """A project file cannot be used; the message is meant for the user as it is."""


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
    company = out.pop("company", {}) or {}
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
    out["services"] = [
        {"id": s, "options": {}} if isinstance(s, str) else s for s in out.get("services", [])
    ]
    language = out.pop("language", "de")
    out["languages"] = [language] + [lang for lang in ("de", "en") if lang != language]
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
        raise ProjectError(
            f"This project was saved by a newer Policy Editor (file version {version}, this program "
            f"reads up to {SCHEMA_VERSION}). Please update Policy Editor to open it; the file was not changed."
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version = data["schema_version"]
    return data


# ---------------------------------------------------------------------------------------------
# reading and writing


def loads(text: str, name: str = "the file") -> Project:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProjectError(
            f"{name} is damaged and cannot be read (line {exc.lineno}, column {exc.colno}: {exc.msg}). "
            "It was not changed; a backup may exist next to it with the ending .bak."
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProjectError(f"{name} is not a Policy Editor project (the format marker is missing).")
    data = migrate(data)
    try:
        return msgspec.convert(data, Project)
    except msgspec.ValidationError as exc:
        detail = str(exc).replace("`", "'").replace("$.", "")
        raise ProjectError(f"{name} contains a value Policy Editor cannot use ({detail}). It was not changed.") from None


def load(path: str | os.PathLike[str]) -> Project:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProjectError(f"The file {path} does not exist.") from None
    except OSError as exc:
        raise ProjectError(f"The file {path} cannot be opened ({exc.strerror}).") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProjectError(f"{path.name} is not a text file Policy Editor can read (byte {exc.start}).") from None
    return loads(text, path.name)


def to_dict(project: Project) -> dict[str, Any]:
    return msgspec.to_builtins(project)


def dumps(project: Project) -> str:
    # Field order of the Structs gives a stable key order; options dicts are sorted for diffs.
    data = to_dict(project)
    for service in data["services"]:
        service["options"] = dict(sorted(service["options"].items()))
    data["overrides"] = dict(sorted(data["overrides"].items()))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save(project: Project, path: str | os.PathLike[str], keep_backup: bool = True) -> None:
    """Write atomically: the old file, or the new one, is always intact on disk."""
    path = Path(path)
    text = dumps(project).encode("utf-8")
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        # mkstemp creates 0600; keep the existing file's mode, or what the umask gives a new file
        os.chmod(tmp, _file_mode(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_backup and path.exists():
            backup = path.with_name(path.name + ".bak")
            try:
                _copy_backup(path, backup)
            except OSError:
                pass  # a missing backup must not stop the save itself
        os.replace(tmp, path)
        _fsync_dir(folder)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _file_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _copy_backup(path: Path, backup: Path) -> None:
    """Copy (not move) so the project file is never absent, even for a moment."""
    data = path.read_bytes()
    fd, tmp = tempfile.mkstemp(prefix=f".{backup.name}.", suffix=".tmp", dir=backup.parent)
    os.chmod(tmp, _file_mode(path))
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, backup)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


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
