"""compose(catalog, project, language) → Document. Pure: the same input gives the same output.

Order of the document: the fixed sections of the packs by their ``order``; the categories of
the selected services slot in by their own ``order`` (same number space), each with one
sub-section per service; custom sections follow the section named in ``after`` (or, without
one, stand before the first section whose order is ≥ CUSTOM_ORDER). A section whose template
renders to nothing is left out, so the DPO section appears only when there is a DPO.

Service sections see only the service, its options and the consent tool, never the company
details — so typing in a company field re-renders the few fixed sections, not every service.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import msgspec

from . import context as ctx
from . import own_services, schema
from .composer import ComposeError, Composer, composer_for, service_key
from .context import format_date
from .legalforms import full_name
from .document import DOCUMENT_LABEL_KEYS, Document, Paragraph, Provenance, Run, Section, default_labels
from .options import selected_values
from .catalog import Catalog
from .project import Project

__all__ = ["compose", "ComposeError", "Composer", "composer_for", "format_date", "TITLES", "CUSTOM_ORDER"]

# The document's own wording lives in the core pack's labels.toml ([document.de] / [document.en]);
# compose() copies the catalog's set into the Document. These two are the bundled wording, for
# the failed-section text (built where no catalog label set is at hand) and as fallback.
TITLES = {lang: default_labels(lang)["title"] for lang in schema.LANGUAGES}
FAILED = {lang: default_labels(lang)["section_failed"] for lang in schema.LANGUAGES}
CUSTOM_ORDER = 800


def compose(catalog: Catalog, project: Project, language: str | None = None) -> Document:
    with _collector_paused():
        return _compose(catalog, project, language)


@contextmanager
def _collector_paused():
    """Composing allocates many short-lived objects that reference counting frees; meanwhile the
    cyclic collector's full passes would walk the whole loaded catalog — about a tenth of a
    cold compose in paired runs, more for larger catalogs. It runs again as before once the
    document is built."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _compose(catalog: Catalog, project: Project, language: str | None) -> Document:
    lang = language or (project.languages[0] if project.languages else "de")
    if lang not in schema.LANGUAGES:
        raise ComposeError(f"Unknown document language '{lang}' (use de or en).")
    catalog = own_services.overlay(catalog, project)  # the project's own services, as if in a pack
    composer = composer_for(catalog)
    selection = _selection(composer, project, lang)
    errors: dict[str, None] = dict.fromkeys(selection.errors)  # ordered set: what failed, once each
    inputs = msgspec.structs.replace(selection.inputs, project=project)

    # custom sections go after the section they name, or (in their own order) before the first
    # section whose order is ≥ CUSTOM_ORDER
    order_of = {e[1]: e[0] for e in selection.entries}
    ordered: list[tuple[str, Any]] = [(e[1], e[2]) for e in selection.entries]
    for custom in project.custom_sections:
        item = (f"custom-{custom.id}", ("custom", custom))
        ids = [o[0] for o in ordered]
        if custom.after and custom.after in ids:
            ordered.insert(ids.index(custom.after) + 1, item)
        else:
            ordered.insert(next((n for n, sid in enumerate(ids) if order_of.get(sid, 0) >= CUSTOM_ORDER), len(ids)), item)

    sections: list[Section] = []
    for section_id, spec in ordered:
        number = str(len(sections) + 1)
        if spec[0] == "category":
            built = _category_section(composer, selection, spec, section_id, number, inputs, project, errors)
        else:
            built = _build_or_fail(composer, spec, section_id, number, inputs, project, errors)
        if built is not None:
            sections.append(built)

    chosen = selection.chosen
    core = catalog.packs.get("core")
    from .. import __version__

    meta = (
        ("generator", f"Policy Editor {__version__}"),
        ("core_pack", f"{core.id} {core.manifest.version}" if core else ""),
        ("services", str(len(chosen))),
    )
    wording = catalog.labels.get("document", {}).get(lang, {})  # the loader reports missing keys
    labels = tuple((key, wording[key]) for key in DOCUMENT_LABEL_KEYS if wording.get(key))
    return Document(
        language=lang,
        title=wording.get("title") or TITLES[lang],
        company=full_name(project.controller),  # with its legal form, once
        stand=project.stand_date(),
        sections=tuple(sections),
        meta=meta,
        errors=tuple(errors),
        core_changes=tuple(f"{pack}: {item}" for pack, item in catalog.core_changes),
        labels=labels,
    )


@dataclass(frozen=True)
class _Selection:
    """What the selected services make of a document, as long as project.services and the
    language stay (``key``): typing in a company field changes neither, so it is built once,
    not once per keystroke."""

    key: tuple
    chosen: tuple[tuple[schema.Service, dict[str, Any]], ...]
    inputs: ctx.Inputs  # without the project
    errors: tuple[str, ...]  # services whose view failed
    entries: tuple[tuple[int, str, Any], ...]  # (order, id, builder) of the fixed and category sections
    # what a category section reads besides its number and overrides: its services' keys, the
    # consent tool's, and the services that have a view, in order (handlers and shared name them)
    reads: dict[str, tuple]
    # category sections built before (of this selection or an earlier one) by what they read,
    # with the errors they reported; a new selection takes them over (at most MAX_CATEGORY_SECTIONS)
    sections: dict[tuple, tuple[Section | None, tuple[str, ...]]]


MAX_CATEGORY_SECTIONS = 500  # kept category sections; past it they start afresh (typing in an override adds one a keystroke)


def _selection(composer: Composer, project: Project, lang: str) -> _Selection:
    # the encoded list is the cheapest exact key of the selection (≈ 50 µs for 355 services)
    key = (lang, msgspec.json.encode(project.services))
    found = composer.selection
    if found is not None and found.key == key:
        return found
    catalog = composer.catalog
    # selected services the catalog knows, in category order then by name
    chosen: list[tuple[schema.Service, dict[str, Any]]] = [
        (catalog.services[sid], values) for sid, values in selected_values(catalog, project).items()]
    category_order = {c.id: (c.order, c.id) for c in catalog.categories.values()}
    # German names decide the order in both languages, so the numbering matches paragraph for paragraph
    chosen.sort(key=lambda item: (category_order.get(item[0].category, (9999, "")), item[0].names.de.casefold(), item[0].id))

    errors: dict[str, None] = {}
    views, consent = [], (None, None)
    for service, options in chosen:
        try:
            views.append(composer.service_view(service, lang, options))
        except ComposeError as exc:  # the service's own section reports it as well
            errors[str(exc)] = None
            continue
        category = catalog.categories.get(service.category)
        if consent[0] is None and category is not None and category.consent_manager:
            consent = (views[-1], service_key(service, options))
    inputs = ctx.Inputs(catalog, lang, None, tuple(views), ctx.HashedOnce(service_key(s, o) for s, o in chosen), *consent)

    # (order, id, builder) — built lazily so the order can be decided first
    entries: list[tuple[int, str, Any]] = []
    for pack_id, section in catalog.sections:
        entries.append((section.order, section.id, ("fixed", pack_id, section)))
    by_category: dict[str, list[tuple[schema.Service, dict[str, Any]]]] = {}
    keys_by_category: dict[str, list[tuple]] = {}
    for (service, options), key_of_service in zip(chosen, inputs.selection):
        by_category.setdefault(service.category, []).append((service, options))
        keys_by_category.setdefault(service.category, []).append(key_of_service)
    for category_id, members in by_category.items():
        category = catalog.categories[category_id]
        entries.append((category.order, f"category-{category_id}", ("category", category, members)))
    entries.sort(key=lambda e: (e[0], e[1]))
    shown = ctx.HashedOnce(v.id for v in views)
    reads = {f"category-{category_id}": (lang, ctx.HashedOnce(keys), inputs.consent_key, shown)
             for category_id, keys in keys_by_category.items()}
    kept = found.sections if found is not None else {}
    composer.selection = found = _Selection(key, tuple(chosen), inputs, tuple(errors), tuple(entries), reads, kept)
    return found


def _category_section(composer: Composer, selection: _Selection, spec: tuple, section_id: str, number: str,
                      inputs: ctx.Inputs, project: Project, errors: dict[str, None]) -> Section | None:
    """A category section, built again only when what it reads changed (``_Selection.reads``,
    its number, its services' overrides): an option of one service rebuilds that one's category."""
    lang = inputs.lang
    overrides = tuple(_override(project, f"service-{s.id}", lang) for s, _ in spec[2]) if project.overrides else ()
    key = (section_id, number, overrides, selection.reads[section_id])
    found = selection.sections.get(key)
    if found is None:
        failed: dict[str, None] = {}
        built = _build_or_fail(composer, spec, section_id, number, inputs, project, failed)
        if len(selection.sections) >= MAX_CATEGORY_SECTIONS:  # a long session of edits: start afresh
            selection.sections.clear()
        found = selection.sections[key] = (built, tuple(failed))
    errors.update(dict.fromkeys(found[1]))
    return found[0]


def _build_or_fail(composer: Composer, spec: tuple, section_id: str, number: str, inputs: ctx.Inputs,
                   project: Project, errors: dict[str, None]) -> Section | None:
    try:
        return _build(composer, spec, section_id, number, inputs, project, errors)
    except ComposeError as exc:  # one broken section never takes the others with it
        errors[str(exc)] = None
        return _failed_section(section_id, number, spec[2].title.get(inputs.lang) if spec[0] == "fixed" else section_id,
                               inputs.lang)


def _failed_section(section_id: str, number: str, title: str, lang: str, provenance: Provenance | None = None) -> Section:
    return Section(section_id, number, title, (Paragraph((Run(FAILED[lang], placeholder=True),)),), provenance=provenance)


def _override(project: Project, section_id: str, lang: str) -> str | None:
    override = project.overrides.get(section_id)
    if override is None:
        return None
    text = getattr(override, lang, "")
    return text if text.strip() else None


def _build(composer: Composer, spec: tuple, section_id: str, number: str, inputs: ctx.Inputs,
           project: Project, errors: dict[str, None]) -> Section | None:
    catalog, lang = composer.catalog, inputs.lang
    kind = spec[0]
    if kind == "fixed":
        _, pack_id, section = spec
        pack = catalog.packs[pack_id]
        override = _override(project, section.id, lang)
        if override is not None:
            blocks = composer.blocks(override)
            template = "override"
        else:
            blocks = composer.section_blocks(pack_id, section.template, inputs, f"Section '{section.id}'")
            template = f"{pack_id}/{lang}/{section.template}"
        if not blocks:
            return None
        return Section(section.id, number, section.title.get(lang), blocks,
                       provenance=Provenance(pack_id, pack.manifest.version, template))
    if kind == "category":
        _, category, members = spec
        subsections = []
        for n, (service, options) in enumerate(members, start=1):
            pack = catalog.pack_of(service.id)
            override = _override(project, f"service-{service.id}", lang)
            if override is not None:
                blocks, template = composer.blocks(override), "override"
            else:
                pstem = composer.service_template(service, lang)
                template = f"{pstem[0]}/{lang}/{pstem[1]}"
                try:
                    blocks = composer.service_blocks(service, options, inputs)
                except ComposeError as exc:
                    errors[str(exc)] = None
                    blocks = _failed_section("", "", "", lang).blocks
            subsections.append(Section(
                f"service-{service.id}", f"{number}.{n}", service.name(lang), blocks,
                provenance=composer.service_provenance(service, options, pack, template),
            ))
        intro = (Paragraph((Run(category.intro.get(lang)),)),) if category.intro else ()
        intro += composer.shared_blocks(category.id, inputs)  # what all its services say alike, once
        category_pack = catalog.packs[catalog.category_pack[category.id]]
        return Section(section_id, number, category.title.get(lang), intro, tuple(subsections),
                       provenance=Provenance(category_pack.id, category_pack.manifest.version, f"category {category.id}"))
    if kind == "custom":
        custom = spec[1]
        title = getattr(custom.title, lang) or getattr(custom.title, "de" if lang == "en" else "en")
        body = getattr(custom.body, lang)
        blocks = composer.blocks(body) if body.strip() else ()
        if not title.strip() and not blocks:
            return None
        return Section(section_id, number, title.strip() or "…", blocks,
                       provenance=Provenance("project", "", "custom section"))
    raise AssertionError(kind)


