"""Composer — the composition state of one catalog: the service views, the rendered fixed and
service sections and the parsed Markdown, cached, with an explicit reset().

Every cache is keyed by exactly what its entry depends on (context.CONTEXT declares, for every
name a template may read, a key that changes whenever its value may), so a cached composition
equals one from scratch. Each Catalog holds one Composer (``composer_for(catalog)`` creates it on
first use and keeps it in ``catalog.composition``): the caches live and die with the catalog
they describe, and nothing is kept in module globals.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import msgspec
from jinja2.exceptions import SecurityError, TemplateError, UndefinedError

from . import context as ctx
from . import countries, schema
from .document import Block, Provenance, iter_runs
from .inherit import applied_safeguard, recipient_parts, transfer_recipients
from .handling import Handling
from .markup import to_blocks
from .sandbox import TemplateBudgetError
from .mdsafe import MdSafe
from .views import (NOTHING_SHARED, ProviderView, PurposeView, RecipientView, ServiceView, SharedView,
                    TransferView, one_clause)

if TYPE_CHECKING:
    from .catalog import Catalog

MAX_ENTRIES = 20_000  # per cache; past it a cache starts afresh (a long session of edits)


class ComposeError(Exception):
    """A template failed while rendering; the message names pack, template and reason."""


def reason(exc: BaseException) -> str:
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


def _store(cache: dict, key: Any, value: Any) -> Any:
    if len(cache) >= MAX_ENTRIES:
        cache.clear()
    cache[key] = value
    return value


def service_key(service: schema.Service, options: dict[str, Any]) -> tuple:
    """What a service's view and texts depend on: its record (id, version) and its options."""
    return service.id, service.version, tuple(sorted(options.items()))


def composer_for(catalog: "Catalog") -> "Composer":
    """The catalog's Composer, created on first use and kept in the catalog. A project's overlay
    (own_services) shares its base's compiled templates and caches."""
    composer = catalog.composition
    if composer is None:
        if catalog.base is catalog:
            composer = Composer(catalog)
        else:
            composer = Composer(catalog, share_templates=True)
            composer.share_caches(composer_for(catalog.base))
        catalog.composition = composer
    return composer


class Composer:
    def __init__(self, catalog: "Catalog", *, share_templates: bool = False) -> None:
        """``share_templates``: the catalog is a project's overlay of another one (own_services)
        and uses its compiled templates as they are."""
        self.catalog = catalog
        self._clear()
        if not share_templates:
            catalog.templates.reset()

    def reset(self) -> None:
        """Empty every composition cache and forget the compiled templates: the next compose()
        starts from scratch, as in a fresh process. Overlays of the catalog go with them."""
        self._clear()
        self.catalog.overlays.clear()
        self.catalog.templates.reset()

    def share_caches(self, other: "Composer") -> None:
        """Use ``other``'s caches (a project's overlay of the catalog ``other`` composes: every
        key names the service record by id and version, and an own service's version carries
        a fingerprint of its content, so entries of the two never mix up)."""
        self._views, self._sections, self._services, self._blocks, self._inline_runs, self._provenances = (
            other._views, other._sections, other._services, other._blocks, other._inline_runs, other._provenances)

    def _clear(self) -> None:
        self._handling: Handling | None = None  # of compose()'s last selection
        self._shared_index: tuple | None = None  # the selection shared() last read, its answers, its views by category
        self.selection: Any = None  # compose()'s last selection and the category sections built from it
        self._views: dict[tuple, ServiceView] = {}
        self._sections: dict[tuple, tuple[Block, ...]] = {}
        self._services: dict[tuple, tuple[Block, ...]] = {}
        self._blocks: dict[str, tuple[Block, ...]] = {}
        self._inline_runs: dict[str, tuple] = {}  # a paragraph's (item's, cell's) text → its runs
        self._provenances: dict[tuple, Any] = {}  # a service section's Provenance (cleaning its texts costs)
        self._service_templates: dict[tuple, tuple[str, str]] = {}  # (id, version, lang) → (pack, stem)
        self._readings: dict[frozenset[str], tuple[ctx.Name, ...]] = {}  # a template's names → ctx.reading

    def cached(self) -> dict[str, int]:
        """How many entries each cache holds (for tests and diagnostics)."""
        return {"views": len(self._views), "sections": len(self._sections), "services": len(self._services),
                "markdown": len(self._blocks)}

    # -- Markdown -------------------------------------------------------------------------------
    def blocks(self, markdown: str) -> tuple[Block, ...]:
        """Markdown → blocks; the same text is parsed once (overrides re-render on every edit)."""
        found = self._blocks.get(markdown)
        if found is None:
            if len(self._inline_runs) >= MAX_ENTRIES:
                self._inline_runs.clear()
            found = _store(self._blocks, markdown, to_blocks(markdown, self._inline_runs))
        return found

    # -- the selected services, as templates see them ----------------------------------------------
    def service_view(self, service: schema.Service, lang: str, options: dict[str, Any]) -> ServiceView:
        key = (service_key(service, options), lang)
        view = self._views.get(key)
        return view if view is not None else _store(self._views, key, self._service_view(service, lang, options))

    def description_text(self, service: schema.Service, lang: str, options: dict[str, Any]) -> str:
        """The service's description as a reader sees it with these options: its template parts
        rendered, its Markdown read, text the user still has to give in [brackets]."""
        blocks = self.blocks(self.service_view(service, lang, options).description)
        return "\n\n".join("".join(f"[{r.text}]" if r.placeholder else r.text for r in iter_runs(block))
                             for block in blocks)

    def _service_view(self, service: schema.Service, lang: str, options: dict[str, Any]) -> ServiceView:
        catalog = self.catalog
        inputs = ctx.Inputs(catalog, lang, options=options, runs_site=catalog.runs_site(service))
        record_context: dict[str, Any] | None = None  # built for the first text that is a template

        def t(text: schema.Text | None) -> MdSafe | None:
            nonlocal record_context
            if text is None:
                return None
            value = text.get(lang)
            if "{" in value:  # a fact that depends on an option, e.g. "{{ options.retention_days }} days"
                if record_context is None:
                    record_context = ctx.context(ctx.RECORD, inputs)
                try:
                    value = catalog.templates.render_inline(value, record_context)
                except Exception as exc:  # noqa: BLE001 — any template failure is the pack's, reported as one
                    raise ComposeError(f"Service '{service.id}' (pack '{catalog.service_pack.get(service.id)}'): "
                                       f"a text of its record could not be rendered: {reason(exc)}.") from None
            return MdSafe(value)

        purposes = tuple(
            PurposeView(text, p.basis, t(p.interest), clause=one_clause(text))
            for p in service.purposes
            if self._applies(service, p.when, inputs)
            if (text := t(p.text)) is not None
        )
        provider = None
        if service.provider is not None:
            p = service.provider
            country_name = countries.name(p.country, lang)
            provider = ProviderView(p.entity, p.address, p.country, country_name, p.privacy_address(lang), p.contact,
                                    address_line=", ".join((p.entity, p.address, country_name)),
                                    dpa_url=p.dpa_url, joint_controller_url=p.joint_controller_url,
                                    privacy_title=t(p.privacy_title))
        transfer = None
        if service.transfer is not None and service.transfer.countries:
            tr = service.transfer
            names = tuple(countries.name(c, lang) for c in tr.countries)
            transfer = TransferView(tuple(tr.countries), names, tr.safeguard, tr.recipient, t(tr.note),
                                    countries_text=", ".join(names), recipients=recipient_views(service, lang))
        bases = tuple(dict.fromkeys(p.basis for p in purposes))
        device = self.accesses_device(service, options)
        return ServiceView(
            id=service.id,
            name=service.name(lang),
            category=service.category,
            role=service.role,
            description=t(service.description),
            provider=provider,
            purposes=purposes,
            bases=bases,
            data=(*getattr(service.data, lang),  # plain: printed escaped (an own service's are the user's words)
                  *(c.get(lang) for c in service.data.conditional if self._applies(service, c.when, inputs))),
            retention=t(service.retention),
            withdrawal=t(service.withdrawal),
            joint_control=t(service.joint_control),
            statutory_duty=t(service.statutory_duty),
            device_access=device,
            uses_consent=(device and not service.device_access_exception) or not schema.CONSENT_BASES.isdisjoint(bases),
            transfer=transfer,
            options=options,
            without_provider=catalog.without_provider(service),
            automated_decisions=category.automated_decisions if (category := catalog.categories.get(service.category))
            else "none",
            device_exception=service.device_access_exception if device else None,
            device_reason=t(service.device_access_reason) if device else None,
            product=service.product_name(lang),
            consent_in=t(service.device_consent_in) if device and service.device_consent_in else None,
        )

    def applies(self, service: schema.Service, when: str | None, options: dict[str, Any]) -> bool:
        """Whether a ``when`` of the service's holds for these options (checks decide as the text)."""
        return not when or self._applies(service, when, ctx.Inputs(self.catalog, "de", options=options,
                                                                    runs_site=self.catalog.runs_site(service)))

    def accesses_device(self, service: schema.Service, options: dict[str, Any]) -> bool:
        """The one rule for the text's device line, the banner check and the withdrawal section."""
        return service.device_access and self.applies(service, service.device_access_when, options)

    def _applies(self, service: schema.Service, when: str | None, inputs: ctx.Inputs) -> bool:
        """Whether a ``when`` (of a purpose, a data category, the device access, a task) holds."""
        if not when:
            return True
        try:
            return bool(self.catalog.templates.evaluate(when, **ctx.context(ctx.CONDITION, inputs)))
        except SecurityError as exc:  # includes a runaway expression: that is the pack's fault
            raise ComposeError(f"Service '{service.id}': the condition '{when}' could not be evaluated: {reason(exc)}.") from None
        except Exception:  # noqa: BLE001 — any other failure: the safe side is to mention it
            return True

    # -- sections ---------------------------------------------------------------------------------
    def section_blocks(self, pack: str, stem: str, inputs: ctx.Inputs, what: str) -> tuple[Block, ...]:
        """A fixed section's blocks, rendered again only when a name its template reads changed."""
        read = self._reading(pack, inputs.lang, stem)
        key = (pack, inputs.lang, stem, ctx.key_of(read, inputs))
        blocks = self._sections.get(key)
        if blocks is None:
            markdown = self._render(pack, inputs.lang, stem, ctx.values(ctx.SECTION, read, inputs), what)
            blocks = _store(self._sections, key, self.blocks(markdown))
        return blocks

    def _reading(self, pack: str, lang: str, stem: str) -> tuple[ctx.Name, ...]:
        """The context names a template reads, as ctx.key_of and ctx.values take them."""
        names = self.catalog.templates.variables(pack, lang, stem)
        found = self._readings.get(names)
        if found is None:
            found = self._readings[names] = ctx.reading(names)
        return found

    def service_template(self, service: schema.Service, lang: str) -> tuple[str, str]:
        """(pack, stem) of the template a service's section is rendered from (asked three times
        per service and composition: looked up once)."""
        key = (service.id, service.version, lang)
        found = self._service_templates.get(key)
        if found is None:
            found = self._service_templates[key] = self._find_service_template(service, lang)
        return found

    def _find_service_template(self, service: schema.Service, lang: str) -> tuple[str, str]:
        catalog = self.catalog
        pack = catalog.service_pack[service.id]
        if service.template:
            return pack, service.template
        for candidate in (pack, "core"):
            if catalog.templates.has(candidate, lang, f"category-{service.category}"):
                return candidate, f"category-{service.category}"
        return "core", "service"

    def service_blocks(self, service: schema.Service, options: dict[str, Any], document: ctx.Inputs) -> tuple[Block, ...]:
        """A service's section blocks; ``document`` gives the language and the consent tool."""
        lang, templates = document.lang, self.catalog.templates
        pack, stem = self.service_template(service, lang)
        # the Inputs are built anew, not with a replace() of the document's (that costs more)
        handling = self.handling(document.views)
        given = dict(consent_tool=document.consent_tool, consent_key=document.consent_key,
                     service_key=service_key(service, options), options=options, hosted=handling.hosted(service),
                     handlers=handling.handlers(service), shared=self.shared(service.category, document.views, lang))
        inputs = ctx.Inputs(self.catalog, lang, **given)
        read = self._reading(pack, lang, stem)
        key = (pack, lang, stem, inputs.service_key, ctx.key_of(read, inputs))
        blocks = self._services.get(key)
        if blocks is not None:
            return blocks
        view = self.service_view(service, lang, options)
        inputs = ctx.Inputs(self.catalog, lang, service=view, **given)
        what = f"Service '{service.id}' (pack '{pack}')"
        if service.text is not None:  # else extra stays ""
            try:
                extra = templates.render_inline(service.text.get(lang), ctx.context(ctx.TEXT, inputs))
            except Exception as exc:  # noqa: BLE001
                raise ComposeError(f"{what}: its text: {reason(exc)}.") from None
            inputs = ctx.Inputs(self.catalog, lang, service=view, extra=extra, **given)
        markdown = self._render(pack, lang, stem, ctx.values(ctx.SERVICE, read, inputs), what)
        return _store(self._services, key, self.blocks(markdown))

    def service_provenance(self, service: schema.Service, options: dict[str, Any], pack, template: str) -> Provenance:
        """Where a service section's text came from (the review edition shows it), built once per
        record, options and template."""
        key = (pack.id, pack.manifest.version, template, service_key(service, options))
        found = self._provenances.get(key)
        if found is None:
            found = _store(self._provenances, key, Provenance(
                pack.id, pack.manifest.version, template, service.id, service.version,
                tuple((k, _option_text(v)) for k, v in sorted(options.items())),
                service.verified.isoformat(), tuple(service.sources), tuple(service.uncertain)))
        return found

    def handling(self, selected: tuple[ServiceView, ...]) -> Handling:
        """Who holds whose data among ``selected``, once per composition."""
        if self._handling is None or self._handling.selected is not selected:
            self._handling = Handling(self.catalog, selected)
        return self._handling

    def shared(self, category: str, selected: tuple[ServiceView, ...], lang: str) -> SharedView:
        """What every selected service of ``category`` says alike — when there are two or more and
        each one's template reads ``shared`` (and so leaves those parts out of its section)."""
        index = self._shared_index
        if index is None or index[0] is not selected or index[1] != lang:  # once per composition
            by_category: dict[str, list[ServiceView]] = {}
            for view in selected:
                by_category.setdefault(view.category, []).append(view)
            index = self._shared_index = (selected, lang, {}, by_category)
        found = index[2].get(category)
        if found is None:
            found = index[2][category] = self._shared(index[3].get(category, []), lang)
        return found

    def _shared(self, members: list[ServiceView], lang: str) -> SharedView:
        def reads_shared(view: ServiceView) -> bool:
            pack, stem = self.service_template(self.catalog.services[view.id], lang)
            return "shared" in self.catalog.templates.variables(pack, lang, stem)

        if len(members) < 2 or not all(reads_shared(v) for v in members):
            return NOTHING_SHARED
        first, rest = members[0], members[1:]

        def alike(field: str):
            value = getattr(first, field)
            return value if value and all(getattr(v, field) == value for v in rest) else None

        same_withdrawal = alike("withdrawal") and all(v.uses_consent == first.uses_consent for v in rest)
        return SharedView(
            purposes=tuple(p for p in first.purposes if all(p in v.purposes for v in rest)),
            data=alike("data") or (),
            retention=alike("retention"),
            withdrawal=first.withdrawal if same_withdrawal else None,
            uses_consent=first.uses_consent,
        )

    def shared_blocks(self, category: str, inputs: ctx.Inputs) -> tuple[Block, ...]:
        """The paragraphs a category says once for all its services (nothing when nothing is shared)."""
        shared = self.shared(category, inputs.views, inputs.lang)
        if not shared:
            return ()
        read = self._reading("core", inputs.lang, "shared")
        inputs = msgspec.structs.replace(inputs, shared=shared)
        key = ("core", inputs.lang, "shared", ctx.key_of(read, inputs))
        blocks = self._sections.get(key)
        if blocks is None:
            markdown = self._render("core", inputs.lang, "shared", ctx.values(ctx.SERVICE, read, inputs),
                                    f"Category '{category}'")
            blocks = _store(self._sections, key, self.blocks(markdown))
        return blocks

    def _render(self, pack: str, lang: str, stem: str, context: dict[str, Any], what: str) -> str:
        try:
            return self.catalog.templates.render(pack, lang, stem, context)
        except Exception as exc:  # noqa: BLE001 — a pack's template must never take the app down
            raise ComposeError(f"{what}: template '{pack}/{lang}/{stem}': {reason(exc)}.") from None


def recipient_views(service: schema.Service, lang: str) -> tuple[RecipientView, ...]:
    """Each third-country recipient of the service with the safeguard that applies to it."""
    views = []
    for r in transfer_recipients(service):
        entity, country, safeguard, dpf = recipient_parts(r)
        applied = applied_safeguard(service.role, safeguard, dpf)
        as_of = ctx.format_date(dpf.checked, lang) if applied == "dpf_stated" else ""
        views.append(RecipientView(entity, countries.name(country, lang), applied, as_of))
    return tuple(views)


def _option_text(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
