"""Who holds whose data among the selected services: the processors a service's data goes to
(its own or its category's ``handled_by``) and, the other way round, the self-hosted services
whose data a hoster's servers hold. Worked out once per selection, asked once per service."""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import schema
from .views import ServiceView

if TYPE_CHECKING:
    from .catalog import Catalog


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
        # holds what would run on the hoster's servers, such as a form's entries
        site = [v for v in selected if v.provider is not None and v.id in catalog.services
                and catalog.runs_site(catalog.services[v.id])]
        for category in catalog.categories.values():
            if category.runs_site and category.id not in self._by_key:
                self._by_key[category.id] = site
        self._answers: dict[tuple, tuple[tuple[str, str], ...]] = {}  # handled_by → (id, name) in document order
        self._hosted: dict[str, tuple[str, ...]] | None = None

    def handlers(self, service: schema.Service) -> tuple[str, ...]:
        """Names of the selected services that process ``service``'s data for us, in document order."""
        return tuple(name for _, name in self._handlers(service))

    def _handlers(self, service: schema.Service) -> tuple[tuple[str, str], ...]:
        categories = service.handled_by
        if categories is None:
            category = self.catalog.categories.get(service.category)
            categories = category.handled_by if category is not None else []
        if not categories:
            return ()
        wanted = tuple(categories)
        found = self._answers.get(wanted)
        if found is None:
            views = {v.id: v for key in wanted for v in self._by_key.get(key, ())}
            found = self._answers[wanted] = tuple(
                (v.id, v.name) for v in sorted(views.values(), key=lambda v: self._position[v.id]))
        return tuple(pair for pair in found if pair[0] != service.id)

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
