"""The one table of names a clause template may read (CONTEXT): for each, which kinds of
template see it, what its value depends on, how the value is built and a cheap key of it.

Kinds of template, by what they may know:
- SECTION   a fixed section's template (sections.toml): the company details and the selection;
- SERVICE   a service's category template or its own one: the service, its options and the
            consent tool — never the company details, so typing in a company field re-renders
            the few fixed sections, not every service;
- TEXT      a service's ``text`` record (appended to its section as ``extra``): as SERVICE;
- RECORD    any other text of a service record (description, retention, a purpose…);
- CONDITION a purpose's ``when`` expression.

A template reading a name that is not in the table, or that its kind does not see, is refused
at pack load with file and line (packs.py), so no name can be read without being declared.
compose() keys its caches by the keys of exactly the names a template reads: a name's key must
change whenever its value may (tests/core/test_context_names.py proves it for every name).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Collection, Hashable, Mapping, Protocol

import msgspec

from . import legalforms
from .options import HEALTH_DATA_OPTION
from .mdsafe import MdSafe, template_safe
from .views import NOTHING_SHARED, ServiceView, SharedView, TransferRow
from .websites import addresses

if TYPE_CHECKING:
    from . import schema
    from .project import Project


class Catalog(Protocol):
    """What context values read of a catalog (editor.core.catalog.Catalog), named here so that
    the catalog and the composition side do not import each other."""

    labels: Mapping[str, Mapping[str, Mapping[str, str]]]
    authorities: Mapping[str, "schema.Authority"]

SECTION, SERVICE, TEXT, RECORD, CONDITION = "section", "service", "service text", "record text", "condition"
KINDS = (SECTION, SERVICE, TEXT, RECORD, CONDITION)


def condition_template(expression: str) -> str:
    """A condition (a ``when``) as the template text the pack loader checks it as; the template
    store evaluates the tree parsed there (TemplateStore.expression)."""
    return "{{ " + expression + " }}"


class HashedOnce(tuple):
    """A tuple that computes its hash once: the selection's keys (one per selected service) are
    part of the cache key of every fixed section that reads the selection, looked up on every
    keystroke."""

    def __hash__(self) -> int:
        try:
            return self._hash
        except AttributeError:
            self._hash = tuple.__hash__(self)
            return self._hash


class Inputs(msgspec.Struct, frozen=True):
    """What context values are built from: the catalog, the language, the project and the
    selection (for a section), or one selected service (for a service's texts). A Struct, not a
    frozen dataclass: a compose builds three for every service, and a Struct's are built in C."""

    catalog: "Catalog"
    lang: str
    project: "Project | None" = None
    views: tuple[ServiceView, ...] = ()  # the selected services the catalog knows, in document order
    selection: tuple = ()  # (id, version, options) of each of them: the key of everything built from views
    consent_tool: ServiceView | None = None
    consent_key: tuple | None = None  # (id, version, options) of the consent tool
    service: ServiceView | None = None
    service_key: tuple | None = None  # (id, version, options) of the service
    options: dict[str, Any] | None = None
    extra: str = ""  # the service's rendered ``text``
    handlers: tuple[str, ...] = ()  # names of the selected services that process the service's data for us
    hosted: tuple[str, ...] = ()  # names of the selected self-hosted services that run on the service's servers
    shared: SharedView = NOTHING_SHARED  # what the service's category says once for all its services
    runs_site: bool = False  # the service runs the website's server (catalog.runs_site), for conditions


@dataclass(frozen=True)
class Name:
    name: str
    kinds: frozenset[str]
    depends_on: str  # in words, for pack authors and reviewers
    build: Callable[[Inputs], Any] | None  # None: a helper of the template environment
    key: Callable[[Inputs], Hashable]


def format_date(date: _dt.date, lang: str) -> str:
    """The "Stand" for templates, written as the writers write it (document.format_date)."""
    from .document import default_labels, format_date as document_format_date

    wording = default_labels(lang)
    return document_format_date(date, wording["date"], wording["months"])


def label_function(catalog: "Catalog", lang: str):
    """label("basis", "consent") → the pack's wording for that code, printed as it is."""
    @template_safe
    def label(kind: str, code: str) -> MdSafe:
        return MdSafe(catalog.labels.get(kind, {}).get(lang, {}).get(code, code))
    return label


def _record(value: msgspec.Struct | None) -> bytes | None:
    return None if value is None else msgspec.json.encode(value)


def _patients(i: Inputs) -> bool:
    """Patient records are kept: a selected service serves a practice's patients, or a contact
    channel takes health data (its texts say such messages go into the patient record)."""
    return any(v.options.get(HEALTH_DATA_OPTION) or (v.id in i.catalog.services
                                                      and i.catalog.serves_patients(i.catalog.services[v.id]))
               for v in i.views)


def _authority(i: Inputs):
    return i.catalog.authorities.get(i.project.state)


def _legal_form(i: Inputs) -> tuple[str, str, str]:
    c = i.project.controller
    return c.name, c.legal_form, c.legal_form_other


def _state_name(i: Inputs) -> str:
    authority = _authority(i)
    return authority.state_name.get(i.lang) if authority else ""


_ALL = frozenset(KINDS)
_DOCUMENT = frozenset({SECTION})
_SERVICE = frozenset({SERVICE, TEXT})
_LANG = frozenset({SECTION, SERVICE, TEXT, RECORD})


def _transfer_rows(i: Inputs) -> list[TransferRow]:
    """The transfers table: one line per recipient, country, safeguard and side (our processors'
    transfers or a controller's own), naming every selected service that sends data there."""
    rows: dict[tuple, list[str]] = {}
    for v in i.views:
        if v.transfer is None:
            continue
        for r in v.transfer.recipients:
            rows.setdefault((v.role == "processor", r.entity, r.country, r.safeguard, r.as_of), []).append(v.name)
    return [TransferRow(entity, country, safeguard, ", ".join(dict.fromkeys(names)), ours, as_of)
            for (ours, entity, country, safeguard, as_of), names in rows.items()]


def _selection(i: Inputs):
    return i.selection


def _lang(i: Inputs):
    return i.lang


def _constant(i: Inputs):
    return None


CONTEXT: dict[str, Name] = {n.name: n for n in (
    # everywhere
    Name("lang", _LANG, "the document language", _lang, _lang),
    Name("label", frozenset({SECTION, SERVICE, TEXT}), "the document language (the wording is the catalog's)",
         lambda i: label_function(i.catalog, i.lang), _lang),
    Name("placeholder", _ALL, "nothing: a helper", None, _constant),
    Name("filled", _ALL, "nothing: a helper", None, _constant),
    Name("link", _ALL, "nothing: a helper", None, _constant),
    # the company details (fixed sections only)
    Name("controller", _DOCUMENT, "project.controller", lambda i: i.project.controller, lambda i: _record(i.project.controller)),
    Name("controller_name", _DOCUMENT, "project.controller name and legal form (legal_forms.toml suffix)",
         lambda i: legalforms.full_name(i.project.controller), _legal_form),
    Name("merchant", _DOCUMENT, "project.controller.legal_form (legal_forms.toml merchant): true when § 257 HGB "
         "applies, false when only § 147 AO does, none when the form is not chosen or the user's own",
         lambda i: legalforms.merchant(i.project.controller), lambda i: legalforms.merchant(i.project.controller)),
    Name("owned_by_person", _DOCUMENT, "project.controller.legal_form (legal_forms.toml person): true for a sole "
         "trader, an e. K. or a freelancer, whose representative field names the owner",
         lambda i: legalforms.owned_by_person(i.project.controller),
         lambda i: legalforms.owned_by_person(i.project.controller)),
    Name("dpo", _DOCUMENT, "project.dpo", lambda i: i.project.dpo, lambda i: _record(i.project.dpo)),
    Name("state", _DOCUMENT, "project.state", lambda i: i.project.state, lambda i: i.project.state),
    Name("state_name", _DOCUMENT, "project.state and the language (authorities.toml state_name)",
         lambda i: _state_name(i), lambda i: (i.project.state, i.lang)),
    Name("authority", _DOCUMENT, "project.state (authorities.toml)", _authority, lambda i: i.project.state),
    Name("websites", _DOCUMENT, "project.websites, with https:// where none was typed (websites.py)",
         lambda i: addresses(i.project.websites), lambda i: tuple(i.project.websites)),
    Name("stand", _DOCUMENT, "project.stand (today when empty) and the language",
         lambda i: format_date(i.project.stand_date(), i.lang), lambda i: (i.project.stand_date(), i.lang)),
    # the selection (fixed sections only)
    Name("services", _DOCUMENT, "the selected services and their options", lambda i: list(i.views), _selection),
    Name("patients", _DOCUMENT, "the selected services and their options: true when one serves a practice's "
         "patients (catalog.serves_patients) or has its health-data option on", _patients, _selection),
    Name("recipients", _DOCUMENT, "the selected services and their options",
         lambda i: [v for v in i.views if v.role != "self_hosted" and v.provider is not None], _selection),
    Name("transfers", _DOCUMENT, "the selected services and their options",
         lambda i: [v for v in i.views if v.transfer is not None], _selection),
    Name("transfer_rows", _DOCUMENT, "the selected services and their options (their recipients)",
         _transfer_rows, _selection),
    Name("safeguards", _DOCUMENT, "the selected services and their options (what applies to each recipient)",
         lambda i: sorted({r.safeguard for v in i.views if v.transfer is not None for r in v.transfer.recipients}), _selection),
    Name("recipient_roles", _DOCUMENT, "the selected services and their options",
         lambda i: sorted({v.role for v in i.views if v.role != "self_hosted" and v.provider is not None}), _selection),
    Name("scoring", _DOCUMENT, "the selected services (their category's automated_decisions)",
         lambda i: [v for v in i.views if v.automated_decisions == "scoring"], _selection),
    Name("deciding_providers", _DOCUMENT, "the selected services (their category's automated_decisions)",
         lambda i: [v for v in i.views if v.automated_decisions == "by_provider" and v.role == "controller"], _selection),
    Name("bases", _DOCUMENT, "the selected services and their options",
         lambda i: sorted({b for v in i.views for b in v.bases}), _selection),
    Name("uses_consent", _DOCUMENT, "the selected services and their options",
         lambda i: any(v.uses_consent for v in i.views), _selection),
    Name("device_access", _DOCUMENT, "the selected services and their options",
         lambda i: any(v.device_access for v in i.views), _selection),
    Name("categories", _DOCUMENT, "the selected services", lambda i: sorted({v.category for v in i.views}), _selection),
    Name("joint_controllers", _DOCUMENT, "the selected services and their options",
         lambda i: [v for v in i.views if v.role == "joint_controller"], _selection),
    Name("consent_tool", frozenset({SECTION, SERVICE, TEXT}), "the selected consent tool and its options",
         lambda i: i.consent_tool, lambda i: i.consent_key),
    # one service (its section and its texts)
    Name("service", _SERVICE, "the service record, its options and the language", lambda i: i.service,
         lambda i: (i.service_key, i.lang)),
    Name("options", frozenset({SERVICE, TEXT, RECORD, CONDITION}), "the service's options (ruled, see options.py)",
         lambda i: i.options, lambda i: tuple(sorted(i.options.items()))),
    Name("runs_site", frozenset({CONDITION}), "the service record's runs_site, else its category's (catalog.runs_site)",
         lambda i: i.runs_site, lambda i: i.runs_site),
    Name("handlers", _SERVICE, "the selected services of the categories the service's handled_by names",
         lambda i: list(i.handlers), lambda i: (i.handlers, i.lang)),
    Name("hosted", _SERVICE, "the selected self-hosted services whose handled_by names the service or its category",
         lambda i: list(i.hosted), lambda i: (i.hosted, i.lang)),
    Name("shared", _SERVICE, "the selected services of the service's category and their options (what they all say alike)",
         lambda i: i.shared, lambda i: (i.shared, i.lang)),
    Name("extra", frozenset({SERVICE}), "the service's text record, so everything a TEXT template reads",
         lambda i: MdSafe(i.extra), lambda i: (i.service_key, i.consent_key, i.lang)),
)}


def names_for(kind: str) -> tuple[Name, ...]:
    return tuple(n for n in CONTEXT.values() if kind in n.kinds)


# the names each kind of template sees that have a value (the others are helpers): a record's
# texts and conditions see two or three of the table's names, asked for hundreds of times a compose
_BUILT = {kind: tuple(n for n in CONTEXT.values() if kind in n.kinds and n.build is not None) for kind in KINDS}


def context(kind: str, inputs: Inputs) -> dict[str, Any]:
    """The values a template of ``kind`` sees (values() gives those of the names it reads)."""
    return {n.name: n.build(inputs) for n in _BUILT[kind]}


def reading(names: Collection[str]) -> tuple[Name, ...]:
    """The declared entries of ``names`` in a fixed order: what key_of() and values() take (the
    composer works it out once per template, not once per render)."""
    return tuple(CONTEXT[name] for name in sorted(names))


def key_of(read: tuple[Name, ...], inputs: Inputs) -> tuple:
    """A hashable key of the names ``reading`` gave that changes whenever one of their values may."""
    return tuple([(n.name, n.key(inputs)) for n in read])


def values(kind: str, read: tuple[Name, ...], inputs: Inputs) -> dict[str, Any]:
    """The values a template of ``kind`` sees of the names ``reading`` gave (what it reads)."""
    return {n.name: n.build(inputs) for n in read if kind in n.kinds and n.build is not None}


def refused(reads: dict[str, int], kind: str | None) -> list[tuple[int, str]]:
    """(line, message) for every name in ``reads`` (name → first line) that a template of
    ``kind`` may not read (kind None: that no template may read); empty when all is well."""
    problems = []
    for name, line in sorted(reads.items(), key=lambda item: (item[1], item[0])):
        declared = CONTEXT.get(name)
        if declared is None:
            problems.append((line, f"line {line}: '{name}' is not a value templates know "
                                   f"(known: {', '.join(sorted(CONTEXT))})"))
        elif kind is not None and kind not in declared.kinds:
            seen = ", ".join(n.name for n in names_for(kind))
            problems.append((line, f"line {line}: '{name}' is not available to a {kind} template (it sees: {seen})"))
    return problems
