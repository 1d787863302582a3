"""Who holds whose data among the selected services: the processors a service's data goes to
(its own or its category's ``handled_by``) and, the other way round, the self-hosted services
whose data a hoster's servers hold. Worked out once per selection, asked once per service.

``handled_by`` may name a selected tool of our own (no provider): the data come in through it, so
those who hold its data hold them too (job applications through the form on our website: the
web hoster). One step only, so two tools naming each other cannot loop."""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import schema
from .views import ServiceView

if TYPE_CHECKING:
    from .catalog import Catalog


def handled_by(catalog: "Catalog", service: schema.Service) -> list[str]:
    """The categories and service ids whose selected services process ``service``'s data for us:
    its own ``handled_by``, else its category's."""
    if service.handled_by is not None:
        return service.handled_by
    category = catalog.categories.get(service.category)
    return category.handled_by if category is not None else []


class Handling:
    def __init__(self, catalog: "Catalog", selected: tuple[ServiceView, ...]) -> None:
        self.catalog, self.selected = catalog, selected
        self._position = {v.id: n for n, v in enumerate(selected)}
        self._by_key: dict[str, list[ServiceView]] = {}  # the selected services with a provider by category and id
        for view in selected:
            if view.provider is not None:  # only services with a provider process anything for us
                self._by_key.setdefault(view.category, []).append(view)
                self._by_key.setdefault(view.id, []).append(view)
        # with no web hoster selected, the hosted shop or site builder that runs the site (runs_site)
        # receives what visitors send through it, such as a form's entries — but software we run
        # ourselves (self_hosted) cannot run on its servers, so it is never said to
        self._site = tuple(v for v in selected if v.provider is not None and v.id in catalog.services
                           and catalog.runs_site(catalog.services[v.id]))
        self._no_hoster = frozenset(c.id for c in catalog.categories.values()
                                    if c.runs_site and c.id not in self._by_key)
        # (handled_by, stand-in) → the (id, name) pairs in document order, their names, their ids
        self._answers: dict[tuple, tuple[tuple[tuple[str, str], ...], tuple[str, ...], frozenset[str]]] = {}
        self._hosted: dict[str, tuple[str, ...]] | None = None

    def handlers(self, service: schema.Service) -> tuple[str, ...]:
        """Names of the selected services that process ``service``'s data for us, in document order."""
        pairs, names, ids = self._answer(service)
        # a service is left out of its own list (a hoster is not its own hoster)
        return names if service.id not in ids else tuple(name for id_, name in pairs if id_ != service.id)

    def _handlers(self, service: schema.Service) -> tuple[tuple[str, str], ...]:
        return tuple(pair for pair in self._answer(service)[0] if pair[0] != service.id)

    def _answer(self, service: schema.Service) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...], frozenset[str]]:
        wanted = tuple(handled_by(self.catalog, service))
        stand_in = self._stands_in(service, wanted)
        found = self._answers.get((wanted, stand_in))
        if found is None:
            views = self._holders(wanted, stand_in)
            for key in wanted:  # a selected tool of ours: who holds its data (see the module's doc)
                if key in self._position and key not in self._by_key and key in self.catalog.services:
                    tool = self.catalog.services[key]
                    tool_wanted = tuple(handled_by(self.catalog, tool))
                    views.update(self._holders(tool_wanted, self._stands_in(tool, tool_wanted)))
            pairs = tuple((v.id, v.name) for v in sorted(views.values(), key=lambda v: self._position[v.id]))
            found = self._answers[(wanted, stand_in)] = (pairs, tuple(name for _, name in pairs), frozenset(views))
        return found

    def _stands_in(self, service: schema.Service, wanted: tuple[str, ...]) -> bool:
        """Whether the hosted shop or builder that runs the site stands in for the missing web
        hoster ``wanted`` names: for what visitors send through the site, never for software we
        run ourselves (the service's own ``without_provider``: CiviCRM is self-hosted in a
        category of our own processing)."""
        return self.catalog.without_provider(service) != "self_hosted" and not self._no_hoster.isdisjoint(wanted)

    def _holders(self, wanted: tuple[str, ...], stand_in: bool) -> dict[str, ServiceView]:
        """The selected services ``wanted`` names, with the site's runner when it stands in."""
        views = {v.id: v for key in wanted for v in self._by_key.get(key, ())}
        if stand_in:
            views.update((v.id, v) for v in self._site)
        return views

    def hosted(self, service: schema.Service) -> tuple[str, ...]:
        """The reverse of handlers: names of the selected self-hosted services on ``service``'s
        servers — its own category's aside (a hoster's server logs are its own text)."""
        if self._hosted is None:
            category = {v.id: v.category for v in self.selected}
            self._hosted = {}
            for view in self.selected:
                if view.provider is None and view.without_provider == "self_hosted":
                    for host, _ in self._handlers(self.catalog.services[view.id]):
                        if category[host] != view.category:
                            self._hosted[host] = (*self._hosted.get(host, ()), view.name)
        return self._hosted.get(service.id, ())
