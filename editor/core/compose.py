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

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

import msgspec
from jinja2.exceptions import SecurityError, TemplateError, UndefinedError

from .sandbox import TemplateBudgetError, template_safe

from . import countries, schema
from .document import Document, Paragraph, Provenance, Run, Section
from .markup import to_blocks
from .options import option_values
from .packs import Catalog
from .project import Project
from .templating import MdSafe, data_type

TITLES = {"de": "Datenschutzerklärung", "en": "Privacy Policy"}
FAILED = {"de": "Dieser Abschnitt konnte nicht erstellt werden: Ein Baustein-Paket ist fehlerhaft.",
          "en": "This section could not be generated: a clause pack is broken."}
CUSTOM_ORDER = 800
CONSENT_CATEGORY = "consent"


from .project import Controller, Dpo  # noqa: E402  (records templates read)

for _record in (schema.Authority, schema.Text, schema.Provider, Controller, Dpo):
    data_type(_record)


class ComposeError(Exception):
    """A template failed while rendering; the message names pack, template and reason."""


def _reason(exc: BaseException) -> str:
    """One plain clause for why a template failed, for pack authors and shop owners alike."""
    if isinstance(exc, TemplateBudgetError):
        return f"it was stopped because {exc}"
    if isinstance(exc, SecurityError):
        return f"it tried something templates may not do ({exc})"
    if isinstance(exc, UndefinedError):
        return f"it uses an unknown value ({exc.message})"
    if isinstance(exc, RecursionError):
        return "it calls itself without end"
    if isinstance(exc, TemplateError):
        return f"it failed ({exc})"
    return f"it failed ({type(exc).__name__}: {exc})"


# ---------------------------------------------------------------------------------------------
# read-only views handed to templates (plain attributes; pack text marked MdSafe)


@data_type
@dataclass(frozen=True)
class PurposeView:
    text: MdSafe
    basis: str
    interest: MdSafe | None


@data_type
@dataclass(frozen=True)
class TransferView:
    codes: tuple[str, ...]
    countries: tuple[str, ...]
    safeguard: str
    recipient: str | None
    note: MdSafe | None


@data_type
@dataclass(frozen=True)
class ProviderView:
    entity: str
    address: str
    country: str
    country_name: str
    privacy_url: str
    contact: str | None


@data_type
@dataclass(frozen=True)
class ServiceView:
    id: str
    name: str
    category: str
    role: str
    description: MdSafe
    provider: ProviderView | None
    purposes: tuple[PurposeView, ...]
    bases: tuple[str, ...]
    data: tuple[MdSafe, ...]
    retention: MdSafe
    withdrawal: MdSafe | None
    joint_control: MdSafe | None
    device_access: bool
    uses_consent: bool
    transfer: TransferView | None
    options: dict[str, Any] = field(hash=False, compare=False)


def _purpose_applies(catalog: Catalog, service: schema.Service, purpose: schema.Purpose, options: dict[str, Any]) -> bool:
    if not purpose.when:
        return True
    try:
        return bool(catalog.templates.evaluate(purpose.when, options=options))
    except SecurityError as exc:  # includes a runaway expression: that is the pack's fault
        raise ComposeError(f"Service '{service.id}': the condition '{purpose.when}' could not be evaluated: {_reason(exc)}.") from None
    except Exception:  # noqa: BLE001 — any other failure: the safe side is to mention the purpose
        return True


_VIEW_CACHE: dict[tuple, ServiceView] = {}


def service_view(catalog: Catalog, service: schema.Service, lang: str, options: dict[str, Any]) -> ServiceView:
    key = (catalog.token, service.id, service.version, lang, tuple(sorted(options.items())))
    view = _VIEW_CACHE.get(key)
    if view is None:
        if len(_VIEW_CACHE) > 20000:
            _VIEW_CACHE.clear()
        view = _VIEW_CACHE[key] = _service_view(catalog, service, lang, options)
    return view


def _service_view(catalog: Catalog, service: schema.Service, lang: str, options: dict[str, Any]) -> ServiceView:
    def t(text: schema.Text | None) -> MdSafe | None:
        if text is None:
            return None
        value = text.get(lang)
        if "{" in value:  # a fact that depends on an option, e.g. "{{ options.retention_days }} days"
            try:
                value = catalog.templates.render_inline(value, {"options": options, "lang": lang})
            except Exception as exc:  # noqa: BLE001 — any template failure is the pack's, reported as one
                raise ComposeError(f"Service '{service.id}' (pack '{catalog.service_pack.get(service.id)}'): "
                                   f"a text of its record could not be rendered: {_reason(exc)}.") from None
        return MdSafe(value)

    purposes = tuple(
        PurposeView(t(p.text), p.basis, t(p.interest))
        for p in service.purposes
        if _purpose_applies(catalog, service, p, options)
    )
    provider = None
    if service.provider is not None:
        p = service.provider
        provider = ProviderView(p.entity, p.address, p.country, countries.name(p.country, lang), p.privacy_url, p.contact)
    transfer = None
    if service.transfer is not None and service.transfer.countries:
        tr = service.transfer
        transfer = TransferView(tuple(tr.countries), tuple(countries.name(c, lang) for c in tr.countries),
                                tr.safeguard, tr.recipient, t(tr.note))
    bases = tuple(dict.fromkeys(p.basis for p in purposes))
    return ServiceView(
        id=service.id,
        name=service.name(lang),
        category=service.category,
        role=service.role,
        description=t(service.description),
        provider=provider,
        purposes=purposes,
        bases=bases,
        data=tuple(MdSafe(d) for d in getattr(service.data, lang)),
        retention=t(service.retention),
        withdrawal=t(service.withdrawal),
        joint_control=t(service.joint_control),
        device_access=service.device_access,
        uses_consent=service.device_access or "consent" in bases,
        transfer=transfer,
        options=options,
    )


# ---------------------------------------------------------------------------------------------


def format_date(date: _dt.date, lang: str) -> str:
    if lang == "de":
        return f"{date.day:02d}.{date.month:02d}.{date.year}"
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    return f"{date.day} {months[date.month - 1]} {date.year}"


def label_function(catalog: Catalog, lang: str):
    """label("basis", "consent") → the pack's wording for that code, printed as it is."""
    @template_safe
    def label(kind: str, code: str) -> MdSafe:
        return MdSafe(catalog.labels.get(kind, {}).get(lang, {}).get(code, code))
    return label


# Context names whose value follows from the selected services (and their options) alone.
_SELECTION_VARS = {"services", "recipients", "transfers", "bases", "uses_consent", "device_access",
                   "consent_tool", "categories", "joint_controllers"}
_FIXED_CACHE: dict[tuple, tuple] = {}


@dataclass
class _Renderer:
    catalog: Catalog
    lang: str
    selection: tuple = ()
    project: Project | None = None

    def fingerprint(self, name: str) -> Any:
        """A hashable stand-in for one context value, cheap to compute on every keystroke."""
        if name in _SELECTION_VARS:
            return self.selection
        project = self.project
        if name in ("controller", "dpo"):
            value = getattr(project, name)
            return None if value is None else msgspec.json.encode(value)
        if name == "websites":
            return tuple(project.websites)
        if name in ("state", "state_name", "authority"):
            return project.state
        if name == "stand":
            return project.stand_date()
        return None  # lang/label are in the cache key already; helpers are constant

    def fixed_blocks(self, pack: str, stem: str, context: dict[str, Any], what: str) -> tuple:
        names = self.catalog.templates.variables(pack, self.lang, stem)
        key = (self.catalog.token, pack, self.lang, stem, tuple(sorted((n, self.fingerprint(n)) for n in names)))
        blocks = _FIXED_CACHE.get(key)
        if blocks is None:
            if len(_FIXED_CACHE) > 5000:
                _FIXED_CACHE.clear()
            blocks = _FIXED_CACHE[key] = to_blocks(self.render(pack, stem, context, what))
        return blocks

    def render(self, pack: str, stem: str, context: dict[str, Any], what: str) -> str:
        try:
            return self.catalog.templates.render(pack, self.lang, stem, context)
        except Exception as exc:  # noqa: BLE001 — a pack's template must never take the app down
            raise ComposeError(f"{what}: template '{pack}/{self.lang}/{stem}': {_reason(exc)}.") from None

    def render_inline(self, source: str, context: dict[str, Any], what: str) -> str:
        try:
            return self.catalog.templates.render_inline(source, context)
        except Exception as exc:  # noqa: BLE001
            raise ComposeError(f"{what}: its text: {_reason(exc)}.") from None


def _service_template(catalog: Catalog, service: schema.Service, lang: str) -> tuple[str, str]:
    pack = catalog.service_pack[service.id]
    if service.template:
        return pack, service.template
    for candidate in (pack, "core"):
        if catalog.templates.has(candidate, lang, f"category-{service.category}"):
            return candidate, f"category-{service.category}"
    return "core", "service"


# A module-level cache of rendered service blocks: service sections depend only on the
# service record, its options, the language and the consent tool (see module docstring).
_SERVICE_CACHE: dict[tuple, tuple] = {}


def _service_blocks(renderer: _Renderer, service: schema.Service, options: dict[str, Any],
                    consent_tool: ServiceView | None) -> tuple:
    catalog, lang = renderer.catalog, renderer.lang
    pack, stem = _service_template(catalog, service, lang)
    key = (catalog.token, service.id, service.version, lang, tuple(sorted(options.items())),
           consent_tool.id if consent_tool else None)
    cached = _SERVICE_CACHE.get(key)
    if cached is not None:
        return cached
    view = service_view(catalog, service, lang, options)
    context = {"lang": lang, "service": view, "options": options, "consent_tool": consent_tool,
               "label": label_function(catalog, lang)}
    what = f"Service '{service.id}' (pack '{pack}')"
    extra = ""
    if service.text is not None:
        extra = renderer.render_inline(service.text.get(lang), context, what)
    context["extra"] = MdSafe(extra)
    markdown = renderer.render(pack, stem, context, what)
    blocks = to_blocks(markdown)
    if len(_SERVICE_CACHE) > 20000:
        _SERVICE_CACHE.clear()
    _SERVICE_CACHE[key] = blocks
    return blocks


def compose(catalog: Catalog, project: Project, language: str | None = None) -> Document:
    lang = language or (project.languages[0] if project.languages else "de")
    if lang not in schema.LANGUAGES:
        raise ComposeError(f"Unknown document language '{lang}' (use de or en).")
    # selected services the catalog knows, in category order then by name
    chosen: list[tuple[schema.Service, dict[str, Any]]] = []
    for selected in project.services:
        service = catalog.services.get(selected.id)
        if service is not None:
            chosen.append((service, option_values(service, selected.options)))
    category_order = {c.id: (c.order, c.id) for c in catalog.categories.values()}
    # German names decide the order in both languages, so the numbering matches paragraph for paragraph
    chosen.sort(key=lambda item: (category_order.get(item[0].category, (9999, "")), item[0].names.de.casefold(), item[0].id))

    renderer = _Renderer(catalog, lang, tuple((s.id, s.version, tuple(sorted(o.items()))) for s, o in chosen), project)
    errors: dict[str, None] = {}  # ordered set: what failed, once each
    views = []
    for s, o in chosen:
        try:
            views.append(service_view(catalog, s, lang, o))
        except ComposeError as exc:  # the service's own section reports it as well
            errors[str(exc)] = None
    consent_tool = next((v for v in views if v.category == CONSENT_CATEGORY), None)
    authority = catalog.authorities.get(project.state)
    stand = format_date(project.stand_date(), lang)
    context: dict[str, Any] = {
        "lang": lang,
        "label": label_function(catalog, lang),
        "controller": project.controller,
        "dpo": project.dpo,
        "state": project.state,
        "state_name": authority.state_name.get(lang) if authority else "",
        "authority": authority,
        "websites": list(project.websites),
        "stand": stand,
        "services": views,
        "recipients": [v for v in views if v.role != "self_hosted" and v.provider is not None],
        "transfers": [v for v in views if v.transfer is not None],
        "bases": sorted({b for v in views for b in v.bases}),
        "uses_consent": any(v.uses_consent for v in views),
        "device_access": any(v.device_access for v in views),
        "consent_tool": consent_tool,
        "categories": sorted({v.category for v in views}),
        "joint_controllers": [v for v in views if v.role == "joint_controller"],
    }

    # (order, id, builder) — built lazily so the order can be decided first
    entries: list[tuple[int, str, Any]] = []
    for pack_id, section in catalog.sections:
        entries.append((section.order, section.id, ("fixed", pack_id, section)))
    by_category: dict[str, list[tuple[schema.Service, dict[str, Any]]]] = {}
    for service, options in chosen:
        by_category.setdefault(service.category, []).append((service, options))
    for category_id, members in by_category.items():
        category = catalog.categories[category_id]
        entries.append((category.order, f"category-{category_id}", ("category", category, members)))
    entries.sort(key=lambda e: (e[0], e[1]))

    # custom sections go after the section they name, or (in their own order) before the first
    # section whose order is ≥ CUSTOM_ORDER
    order_of = {e[1]: e[0] for e in entries}
    ordered: list[tuple[str, Any]] = [(e[1], e[2]) for e in entries]
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
        try:
            built = _build(renderer, spec, section_id, number, context, consent_tool, project, errors)
        except ComposeError as exc:  # one broken section never takes the others with it
            errors[str(exc)] = None
            built = _failed_section(section_id, number, spec[2].title.get(lang) if spec[0] == "fixed" else section_id, lang)
        if built is not None:
            sections.append(built)

    core = catalog.packs.get("core")
    from .. import __version__

    meta = (
        ("generator", f"Policy Editor {__version__}"),
        ("core_pack", f"{core.id} {core.manifest.version}" if core else ""),
        ("services", str(len(chosen))),
    )
    return Document(
        language=lang,
        title=TITLES[lang],
        company=project.controller.name,
        stand=stand,
        sections=tuple(sections),
        meta=meta,
        errors=tuple(errors),
        core_changes=tuple(f"{pack}: {item}" for pack, item in catalog.core_changes),
    )


def _failed_section(section_id: str, number: str, title: str, lang: str, provenance: Provenance | None = None) -> Section:
    return Section(section_id, number, title, (Paragraph((Run(FAILED[lang], placeholder=True),)),), provenance=provenance)


def _override(project: Project, section_id: str, lang: str) -> str | None:
    override = project.overrides.get(section_id)
    if override is None:
        return None
    text = getattr(override, lang, "")
    return text if text.strip() else None


def _build(renderer: _Renderer, spec: tuple, section_id: str, number: str, context: dict[str, Any],
           consent_tool: ServiceView | None, project: Project, errors: dict[str, None]) -> Section | None:
    catalog, lang = renderer.catalog, renderer.lang
    kind = spec[0]
    if kind == "fixed":
        _, pack_id, section = spec
        pack = catalog.packs[pack_id]
        override = _override(project, section.id, lang)
        if override is not None:
            blocks = to_blocks(override)
            template = "override"
        else:
            blocks = renderer.fixed_blocks(pack_id, section.template, context, f"Section '{section.id}'")
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
                blocks, template = to_blocks(override), "override"
            else:
                pstem = _service_template(catalog, service, lang)
                template = f"{pstem[0]}/{lang}/{pstem[1]}"
                try:
                    blocks = _service_blocks(renderer, service, options, consent_tool)
                except ComposeError as exc:
                    errors[str(exc)] = None
                    blocks = _failed_section("", "", "", lang).blocks
            subsections.append(Section(
                f"service-{service.id}", f"{number}.{n}", service.name(lang), blocks,
                provenance=Provenance(pack.id, pack.manifest.version, template, service.id, service.version,
                                      tuple((k, _option_text(v)) for k, v in sorted(options.items())),
                                      service.verified.isoformat(), tuple(service.sources), tuple(service.uncertain)),
            ))
        intro = (Paragraph((Run(category.intro.get(lang)),)),) if category.intro else ()
        category_pack = catalog.packs[catalog.category_pack[category.id]]
        return Section(section_id, number, category.title.get(lang), intro, tuple(subsections),
                       provenance=Provenance(category_pack.id, category_pack.manifest.version, f"category {category.id}"))
    if kind == "custom":
        custom = spec[1]
        title = getattr(custom.title, lang) or getattr(custom.title, "de" if lang == "en" else "en")
        body = getattr(custom.body, lang)
        blocks = to_blocks(body) if body.strip() else ()
        if not title.strip() and not blocks:
            return None
        return Section(section_id, number, title.strip() or "…", blocks,
                       provenance=Provenance("project", "", "custom section"))
    raise AssertionError(kind)


def _option_text(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def reset_caches() -> None:
    """Empty every composition cache: the service views, the rendered fixed and service
    sections, and the parsed Markdown. The next compose() starts from scratch, as in a fresh
    process (compiled templates live in each catalog's TemplateStore; a new store starts empty)."""
    _VIEW_CACHE.clear()
    _FIXED_CACHE.clear()
    _SERVICE_CACHE.clear()
    to_blocks.cache_clear()
