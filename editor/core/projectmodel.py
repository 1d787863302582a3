"""What the user decided: the Project and its records (controller, DPO, selected services,
custom sections, overrides, export history), the errors a project file can raise, and a
realistic example. Keys a file holds that the model does not know (an agency's "x-client-id")
are kept: loading records them on the record that held them (keep_unknown), saving writes them
back (to_dict); the user's own services are stored as the plain records they are."""
from __future__ import annotations

import datetime as _dt
from typing import Any

import msgspec

LANGUAGES = ("de", "en")
FORMAT = "policy-editor-project"
SCHEMA_VERSION = 4
SUFFIX = ".policy.json"

# The federal states a project may name (its supervisory authority follows from it). Their names,
# in both languages, come from the packs' authorities: see states.py.
STATE_CODES = ("BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH")


class ProjectError(Exception):
    """A project file cannot be used; the message is meant for the user as it is, in English;
    ``text(lang)`` gives the German one where there is one. ``details`` is the parser's own
    (English) wording, for a "Details" part at most."""

    def __init__(self, message: str = "", *, de: str = "", details: str = "") -> None:
        super().__init__(message)
        self.de, self.details = de, details

    def text(self, lang: str) -> str:
        return self.de if lang == "de" and self.de else str(self)


class SaveError(ProjectError, OSError):
    """Saving failed and the file on disk was not changed; the message is for the user. An
    OSError too, so callers that only know file errors still catch it."""


class FileChangedError(SaveError):
    """Another program changed the file since it was read: saving would overwrite its work."""


class ReadOnlyFileError(SaveError):
    """The file is read-only; save again with ``replace_readonly=True`` after asking."""


class _S(msgspec.Struct, kw_only=True, forbid_unknown_fields=False, dict=True):
    """dict=True: a record may carry the keys of its file the model does not know
    (``_unknown``), so saving writes them back unchanged."""


class Controller(_S, kw_only=True):
    name: str = ""
    legal_form: str = ""  # a key of legalforms.FORMS ("gmbh", "ek", …); "" = not chosen
    legal_form_other: str = ""  # the user's own text when legal_form is "other"
    representative: str = ""  # "Vertreten durch"
    street: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "Deutschland"
    email: str = ""
    phone: str = ""
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
    # the clause pack that described the service when it was selected ("" = not recorded; not
    # written then): when no installed pack knows the service any more, messages name the pack
    pack: str = ""


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
    # as a rule at least 20 people process personal data by computer: a DPO is then required
    # (§ 38 BDSG), and the checks say so; below that the hint would only confuse a small shop
    staff_20_plus: bool = False
    state: str = ""  # federal state code, decides the supervisory authority
    websites: list[str] = []  # the company's sites, the first is its main one (websites.py)
    services: list[SelectedService] = []
    custom_sections: list[CustomSection] = []
    overrides: dict[str, LocalText] = {}  # section id → replacement Markdown per language
    # section id → language → fingerprint of the pack text an override replaced
    # (own_services.section_basis): a pack update under an override is noticed
    override_basis: dict[str, dict[str, str]] = {}
    stand: str = ""  # ISO date; empty = today
    export_history: list[ExportRecord] = []
    # The user's own services: full service records (schema.Service, provider inline), kept as
    # the file holds them so nothing is lost; own_services.py reads and validates them.
    own_services: list[dict[str, Any]] = []
    # ids of the site owner's tasks (core.tasks) marked done; optional, older files lack it
    tasks_done: list[str] = []

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


def to_dict(project: Project) -> dict[str, Any]:
    """The project as plain JSON data, with the unknown keys loading kept, after the known ones.
    An empty ``tasks_done`` is left out: files that never used it stay as they were."""
    out = msgspec.to_builtins(project)
    if not out.get("tasks_done"):
        out.pop("tasks_done", None)
    return _with_unknown(project, out)


def keep_unknown(data: Any, value: Any) -> None:
    """Remember on each record of ``value`` (just converted from ``data``) the keys of ``data``
    its type does not know."""
    if isinstance(value, msgspec.Struct) and isinstance(data, dict):
        fields = value.__struct_fields__
        unknown = {k: v for k, v in data.items() if k not in fields}
        if unknown:
            value.__dict__["_unknown"] = unknown
        for name in fields:
            if name in data:
                keep_unknown(data[name], getattr(value, name))
    elif isinstance(value, list) and isinstance(data, list):
        for item, raw in zip(value, data):
            keep_unknown(raw, item)
    elif isinstance(value, dict) and isinstance(data, dict):
        for key, item in value.items():
            if key in data:
                keep_unknown(data[key], item)


def _with_unknown(value: Any, out: Any) -> Any:
    if isinstance(value, msgspec.Struct) and isinstance(out, dict):
        for name in value.__struct_fields__:
            if name in out:
                out[name] = _with_unknown(getattr(value, name), out[name])
        for key, item in getattr(value, "__dict__", {}).get("_unknown", {}).items():
            out.setdefault(key, item)
    elif isinstance(value, list) and isinstance(out, list):
        return [_with_unknown(v, o) for v, o in zip(value, out)]
    elif isinstance(value, dict) and isinstance(out, dict):
        for key in out:
            if key in value:
                out[key] = _with_unknown(value[key], out[key])
    return out


def new_project() -> Project:
    """An empty project, German only: a small German business's site speaks German, and English
    asks for every own text twice; the project's languages add it in one step."""
    return Project(languages=["de"])


def example_project(company: str | None = None, state: str | None = None) -> Project:
    """A realistic sample, used by ``policy-editor new --example`` and the first-run screen."""
    return Project(
        controller=Controller(
            name=company or "Tischlerei Beispiel GmbH",
            legal_form="gmbh",
            representative="Anna Beispiel (Geschäftsführerin)",
            street="Hauptstraße 12",
            postcode="50667",
            city="Köln",
            country="Deutschland",
            email="datenschutz@tischlerei-beispiel.de",
            phone="+49 221 1234567",
            register="Amtsgericht Köln, HRB 123456",
        ),
        state=state or "NW",
        websites=["https://www.tischlerei-beispiel.de"],
        stand=_dt.date.today().isoformat(),
    )
