"""What a lawyer reviewing the policy needs besides its text — the DOCX review edition's first
page and its section comments: the errors the checks still find (the policy is then a draft), per service the provider facts behind the text (entity,
address, third-country recipients with their DPF status), the settings and legal bases chosen,
the points not fully verified, the sources a lawyer can open (https addresses only: the packs'
internal notes are not something a lawyer has), and the site owner's tasks.

Pure: ``review_notes(catalog, project, document)`` words everything in the document's language
(its labels), so the writer only lays the notes out. The review edition without notes (a
Document alone) still gets its comments from the sections' provenance.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from . import own_services, schema
from .catalog import Catalog
from .composer import composer_for
from .countries import name as country_name
from .document import Document
from .export_gate import open_errors
from .inherit import applied_safeguard, recipient_parts, transfer_recipients
from .options import option_defaults, selected_values
from .project import Project
from .tasks import site_tasks


@dataclass(frozen=True)
class TaskNote:
    text: str
    link: str = ""
    done: bool = False


@dataclass(frozen=True)
class ServiceNote:
    id: str
    name: str
    provider: str  # "entity, address, country" ("" without a provider)
    transfers: tuple[str, ...]  # "Google LLC (USA): standard contractual clauses; certified … (checked on …)"
    options: tuple[str, ...]  # "label: value", every setting of the service
    changed: tuple[str, ...]  # "label: value" of the settings the user changed from their default
    bases: tuple[str, ...]  # the legal bases its text relies on
    open_points: tuple[str, ...]  # facts not fully verified: the pack's words (English), see for_lawyer
    sources: tuple[str, ...]  # https addresses behind the facts
    tasks: tuple[TaskNote, ...]

    @property
    def needs_attention(self) -> bool:
        """An open point, a setting changed for the business, or a task: a lawyer should look
        at the section. (Every service has legal bases: they alone would flag every section.)"""
        return bool(self.open_points or self.changed or self.tasks)


@dataclass(frozen=True)
class ReviewNotes:
    services: tuple[ServiceNote, ...]
    tasks: tuple[TaskNote, ...]  # every task, services' and the business's own (the DPO check)
    overrides: tuple[str, ...]  # ids of the sections whose text the user replaced
    errors: tuple[str, ...] = ()  # the open errors (export_gate), in the document language

    def service(self, service_id: str | None) -> ServiceNote | None:
        return next((s for s in self.services if s.id == service_id), None)


_REF = r"legal-facts\.md(?:\s*§\s*[\d.]+(?:\s*\([^()]*\))?)?"
_INTERNAL = (  # the packs' notes on their own working file, which a lawyer does not have; its tags in words
    (re.compile(r"\[S\]\s+in\s+" + _REF), "from a secondary source"),
    (re.compile(r"\b(?:from|per|in)\s+" + _REF + r"\s*\[S\]"), "from a secondary source"),
    (re.compile(r"\b(?:from|per|in)\s+" + _REF + r"\s*\[U\]"), "from an unverified source"),
    (re.compile(r"\(\s*" + _REF + r"\s*\[U\]\s*\)"), "(unverified)"),
    (re.compile(r"\(\s*" + _REF + r"\s*\[S\]\s*\)"), "(secondary source)"),
    (re.compile(r"\s*\([^()]*legal-facts\.md[^()]*\)"), ""),
    (re.compile(r"[;,]\s*" + _REF + r"[^;.]*"), ""),
    (re.compile(r"\s*\b(?:in|per|from|see)\s+" + _REF), ""),
    (re.compile(_REF + r"\s*"), ""),
    (re.compile(r",\s*\[(?:U|S|V)\]"), ""),
    (re.compile(r"\s*\[S\]"), " (secondary source)"),
    (re.compile(r"\s*\[U\]"), " (unverified)"),
    (re.compile(r"\s*\[V\]"), ""),
    (re.compile(r"\(\s*\(([^()]*)\)\s*\)"), r"(\1)"),
)


def for_lawyer(text: str) -> str:
    """A pack's open point without references to the pack authors' internal files."""
    for pattern, words in _INTERNAL:
        text = pattern.sub(words, text)
    return re.sub(r"\s{2,}", " ", text).strip()


def is_link(source: str) -> bool:
    return source.startswith(("https://", "http://"))


def review_notes(catalog: Catalog, project: Project, document: Document) -> ReviewNotes:
    lang, label = document.language, document.label
    errors = tuple(e.message for e in open_errors(catalog, project, document, lang))
    catalog = own_services.overlay(catalog, project)
    tasks = site_tasks(catalog, project, lang)
    done = set(project.tasks_done)
    composer = composer_for(catalog)
    all_values = selected_values(catalog, project)
    selected = [catalog.services[sid] for sid in all_values]
    notes = []
    for section in document.walk():
        source = section.provenance
        service = catalog.services.get(source.service) if source and source.service else None
        chosen = project.selected(service.id) if service is not None else None
        if service is None or chosen is None:
            continue
        values, defaults = all_values[service.id], option_defaults(service, selected)
        try:
            bases = composer.service_view(service, lang, values).bases
        except Exception:  # noqa: BLE001 - its section already says it failed; the notes go on
            bases = ()
        provider = service.provider if isinstance(service.provider, schema.Provider) else None
        sources = [s for s in service.sources if is_link(s)]
        if provider is not None and service.role != "self_hosted":
            sources += [u for u in (provider.privacy_url, provider.privacy_url_en, provider.dpa_url,
                                    provider.joint_controller_url) if u]
        transfers = []
        for recipient in (transfer_recipients(service) if service.role != "self_hosted" else []):
            line, dpf_source = _recipient(recipient, service.role, catalog, lang, label)
            transfers.append(line)
            if dpf_source:
                sources.append(dpf_source)
        notes.append(ServiceNote(
            id=service.id, name=service.name(lang),
            provider=", ".join(x for x in (provider.entity, provider.address, country_name(provider.country or "", lang))
                               if x) if provider is not None and service.role != "self_hosted" else "",
            transfers=tuple(transfers),
            options=tuple(f"{o.label.get(lang).rstrip(':')}: {_shown(o, values[o.id], lang, label)}" for o in service.options),
            changed=tuple(f"{o.label.get(lang).rstrip(':')}: {_shown(o, values[o.id], lang, label)}" for o in service.options
                          if o.id in chosen.options and values[o.id] != defaults[o.id]),
            bases=tuple(catalog.labels.get("basis", {}).get(lang, {}).get(b, b) for b in bases),
            open_points=tuple(for_lawyer(p) for p in service.uncertain),
            sources=tuple(dict.fromkeys(s for s in sources if is_link(s))),
            tasks=tuple(TaskNote(t.text, t.link, t.id in done) for t in tasks if t.target == f"service:{service.id}"),
        ))
    replaced = tuple(sid for sid, text in project.overrides.items() if text.de.strip() or text.en.strip())
    return ReviewNotes(tuple(notes), tuple(TaskNote(t.text, t.link, t.id in done) for t in tasks), replaced, errors)


def _recipient(recipient: Any, role: str, catalog: Catalog, lang: str, label) -> tuple[str, str]:
    """One third-country recipient as a line (its safeguard as the policy states it), and the
    source of its DPF status ("" if none)."""
    entity, country, safeguard, dpf = recipient_parts(recipient)
    applied = applied_safeguard(role, safeguard, dpf)
    words = catalog.labels.get("safeguard_short", {}).get(lang, {}).get(applied, applied)
    line = f"{entity + ' ' if entity else ''}({country_name(country, lang)}): {words}"
    if country == "US" and safeguard == "dpf_scc":
        if dpf is None:
            line += "; " + label("review_dpf_unchecked")
        else:
            key = "review_dpf_certified" if dpf.certified else "review_dpf_not_certified"
            line += "; " + label(key).replace("{date}", dpf.checked.isoformat())
    return line, dpf.source if dpf is not None else ""


def _shown(option: schema.Option, value: Any, lang: str, label) -> str:
    if option.type == "bool":
        return label("review_yes") if value else label("review_no")
    if option.type == "choice":
        return next((c.label.get(lang) for c in option.choices if c.value == value), str(value))
    return str(value) if str(value).strip() else "–"
