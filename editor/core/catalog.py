"""The Catalog: every pack, category, fixed section, service, authority, label and template,
validated once at load (packs.py).

It imports nothing of composition: the Composer (editor.core.composer) is created by whoever
composes, through ``composer_for(catalog)``, and kept in the catalog's ``composition`` slot so
its caches live and die with the catalog they describe."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

import msgspec

from . import schema
from .options import HEALTH_DATA_OPTION

if TYPE_CHECKING:
    from .packerrors import PackError
    from .templating import TemplateStore

OWN_PACK_ID = "project"  # provenance of an own service: described by the user, not checked by us


def is_own(catalog: "Catalog", service_id: str) -> bool:
    """Whether ``service_id`` is one of the project's own services (here, not in own_services:
    the checklist asks for every row at start, when that module is not needed otherwise)."""
    return catalog.service_pack.get(service_id) == OWN_PACK_ID


class Pack(msgspec.Struct):  # a Struct: a dataclass cost ~0.5 ms of every start
    manifest: schema.Manifest
    path: Path
    user: bool = False  # from the per-user folder rather than bundled

    @property
    def id(self) -> str:
        return self.manifest.id


@dataclass
class Catalog:
    packs: dict[str, Pack] = field(default_factory=dict)
    categories: dict[str, schema.Category] = field(default_factory=dict)
    category_pack: dict[str, str] = field(default_factory=dict)
    sections: list[tuple[str, schema.CoreSection]] = field(default_factory=list)  # (pack id, section)
    services: dict[str, schema.Service] = field(default_factory=dict)
    service_pack: dict[str, str] = field(default_factory=dict)
    authorities: dict[str, schema.Authority] = field(default_factory=dict)
    providers: dict[str, schema.Provider] = field(default_factory=dict)  # providers.toml records by id
    labels: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)  # kind → lang → code → text
    errors: list[PackError] = field(default_factory=list)
    core_changes: list[tuple[str, str]] = field(default_factory=list)  # (pack id, "label:basis.consent"), declared
    # the pack templates; None until first used (see ``templates``)
    template_store: "TemplateStore | None" = field(default=None, repr=False, compare=False)
    # the hash of every pack file this catalog was loaded from (editor.core.catalog_cache); ""
    # when built otherwise. Caches of what is derived from the catalog key on it.
    content_key: str = field(default="", compare=False)
    # the composition state that editor.core.composer.composer_for() keeps for this catalog;
    # opaque here, so that the catalog does not depend on composition
    composition: Any = field(default=None, init=False, repr=False, compare=False)
    # A project's view of this catalog with its own services (own_services.overlay): the
    # catalog it extends, and on that base catalog the overlays made from it, by content.
    _base: "Catalog | None" = field(default=None, init=False, repr=False, compare=False)
    overlays: dict[str, "Catalog"] = field(default_factory=dict, init=False, repr=False, compare=False)
    # template texts known before the store exists (name → (text, file)), see add_template_texts
    _template_texts: dict[str, tuple[str, str]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def templates(self) -> "TemplateStore":
        """The pack templates, made on first use: Jinja and the sandbox load only when something
        renders or checks a template, not for a window opened from the per-user caches. An
        overlay uses its base's templates."""
        if self.template_store is None:
            if self._base is not None:
                return self._base.templates
            from . import context as ctx
            from .templating import TemplateStore
            from .views import DATA_TYPES

            self.template_store = TemplateStore(DATA_TYPES, ctx.CONTEXT)
            self.template_store.sources.update(self._template_texts)
            self._template_texts = {}
        return self.template_store

    def add_template_texts(self, texts: dict[str, tuple[str, str]]) -> None:
        """Templates checked when the catalog cache was written (name → (text, file)): the
        store takes them when it is made, or now if it exists."""
        if self.template_store is None and self._base is None:
            self._template_texts.update(texts)
        else:
            self.templates.sources.update(texts)

    @property
    def base(self) -> "Catalog":
        """The shared catalog of the packs (itself, unless it is a project's overlay)."""
        return self._base or self

    def attach_to(self, base: "Catalog") -> None:
        """Make this catalog an overlay of ``base`` (own_services gives it its composition state)."""
        self._base = base

    def services_in(self, category: str) -> list[schema.Service]:
        return sorted(
            (s for s in self.services.values() if s.category == category),
            key=lambda s: s.names.de.casefold(),
        )

    def ordered_categories(self) -> list[schema.Category]:
        return sorted(self.categories.values(), key=lambda c: (c.order, c.id))

    def without_provider(self, service: schema.Service) -> str:
        """What a service without a provider is, by its category: "self_hosted" (we run the
        software), "own_processing" (we handle the data ourselves, helpers named in its text) or
        "unstated"; a service may say otherwise than its category."""
        if service.without_provider is not None:
            return service.without_provider
        category = self.categories.get(service.category)
        return category.without_provider if category is not None else "self_hosted"

    def runs_site(self, service: schema.Service) -> bool:
        """Whether the service runs the website's server (a web hoster, a hosted shop or site
        builder), by its category unless the service says otherwise."""
        return self._flag(service, "runs_site")

    def serves_patients(self, service: schema.Service) -> bool:
        """Whether the service is one of a medical or therapy practice's (booking for practices,
        practice software), by its category unless the service says otherwise."""
        return self._flag(service, "patients")

    def practice(self, services: Iterable[schema.Service]) -> schema.Service | None:
        """The first of the selected ``services`` that serves a practice's patients; None: no practice."""
        return next((s for s in services if self.serves_patients(s)), None)

    def health_data_matter(self, services: Iterable[schema.Service], values: dict[str, Any]) -> bool:
        """Whether patients' health data concern a service with these option ``values``: at a
        practice, or while its health-data option is on. Only then its form shows that option (a
        restaurant's owner need not read about patients) and its tasks for a practice are listed."""
        return bool(values.get(HEALTH_DATA_OPTION)) or self.practice(services) is not None

    def _flag(self, service: schema.Service, name: str) -> bool:
        """A flag the service sets itself, else its category's."""
        own = getattr(service, name)
        if own is not None:
            return own
        category = self.categories.get(service.category)
        return category is not None and getattr(category, name)

    def pack_of(self, service_id: str) -> Pack:
        return self.packs[self.service_pack[service_id]]
