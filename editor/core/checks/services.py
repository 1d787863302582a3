"""Checks of the selected services: unknown ones and options, consent and tracking, what a
service requires or conflicts with, open facts, retention periods, and the user's own services."""
from __future__ import annotations

from typing import Iterable

from .. import own_services, schema
from ..catalog import HEALTH_DATA_OPTION, Catalog
from ..composer import composer_for
from ..options import option_problem, selected_values
from ..own_service_messages import rule_text
from .finding import LANGUAGE_NAMES, Finding, Inputs, finding, quoted_list

# the embeds' option for a placeholder whose click is the consent (the service template reads it too)
TWO_CLICK_OPTION = "two_click"


def selected_services(inputs: Inputs) -> Iterable[Finding]:
    catalog, project, lang = inputs.catalog, inputs.project, inputs.lang
    selected = [catalog.services[s.id] for s in project.services if s.id in catalog.services]
    ids = {s.id for s in selected}
    categories = {s.category for s in selected}
    chosen_options = selected_values(catalog, project)
    for chosen in project.services:
        service = catalog.services.get(chosen.id)
        if service is None:
            yield finding("unknown-service", f"service:{chosen.id}", lang,
                          value=f"{chosen.id} ({chosen.pack})" if chosen.pack else chosen.id)
            continue
        known = {o.id: o for o in service.options}
        used = chosen_options[service.id]
        for key, value in chosen.options.items():
            option = known.get(key)
            problem = "type" if option is None else option_problem(option, value)
            if problem == "type":
                yield finding("unknown-option", f"service:{service.id}", lang, option=key, service=service.name(lang))
            elif problem == "range":
                yield finding("option-range", f"service:{service.id}", lang, option=option.label.get(lang),
                              service=service.name(lang), value=value, used=used[key],
                              allowed=_allowed(option.min, option.max, lang))
    if not selected:
        yield finding("no-services", "services", lang)
    elif project.websites and not any(catalog.runs_site(s) for s in selected):
        yield finding("no-hosting", "category:hosting", lang)  # the GUI shows the hosting providers
    flagged = lambda flag: {c for c in categories if c in catalog.categories and getattr(catalog.categories[c], flag)}  # noqa: E731
    # the text names one banner where visitors change or withdraw their consents: two would leave
    # them guessing which one holds a service's consent
    banners = [s for s in selected if s.category in flagged("consent_manager")]
    consent_tool = bool(banners)
    banner_choices = next((f"category:{c.id}" for c in catalog.categories.values() if c.consent_manager), "services")
    if len(banners) > 1:
        yield finding("consent-tools-several", f"service:{banners[1].id}", lang,
                      services=", ".join(f"„{s.name(lang)}“" if lang == "de" else f"“{s.name(lang)}”" for s in banners))
    placeholder_tool = next((s for s in selected if s.placeholders), None)
    tracking = flagged("tracking")
    composer = composer_for(catalog)  # decides, as for the text, what applies with the chosen options
    banner_needed = False
    for service in selected:
        name = service.name(lang)
        options = chosen_options.get(service.id, {})
        device_access = composer.accesses_device(service, options)
        # storage under a § 25 Abs. 2 TDDDG exception (strictly necessary) needs no consent, so no banner;
        # a two-click placeholder or the service's own tick box asks for the consent itself (the text says so)
        asks_itself = service.device_consent_in is not None or options.get(TWO_CLICK_OPTION) is True
        consents = any(p.is_consent and composer.applies(service, p.when, options) for p in service.purposes)
        device_consent = device_access and not service.device_access_exception and not asks_itself
        if device_consent and not consent_tool:  # leads to the consent tools to choose from
            yield finding("consent-tool-missing", banner_choices, lang, service=name)
        # a consent purpose without device access (images loaded after consent) may well be the
        # banner's too: the safe side for the warning below
        banner_needed = banner_needed or device_consent or (consents and not asks_itself)
        if placeholder_tool is not None and options.get(TWO_CLICK_OPTION) is False:
            # the placeholder's click is the consent: the text must say so, not name the banner
            yield finding("two-click-off", f"service:{service.id}", lang, service=name, tool=placeholder_tool.name(lang))
        if device_access and service.category in tracking and not consents:
            yield finding("tracking-without-consent", f"service:{service.id}", lang, service=name)
    if banners and not banner_needed:  # the text would claim consents that are never asked for
        yield finding("consent-tool-unneeded", f"service:{banners[0].id}", lang, service=banners[0].name(lang))
    yield from _requirements(catalog, selected, chosen_options, lang)
    yield from _health_data(catalog, selected, chosen_options, lang)
    reported: set[frozenset[str]] = set()
    for service in selected:
        for other in service.conflicts:
            pair = frozenset((service.id, other))
            if other in ids and pair not in reported:
                reported.add(pair)
                yield finding("conflict", f"service:{service.id}", lang, service=service.name(lang),
                              other=catalog.services[other].name(lang))
    unsure = [s for s in selected if s.uncertain]
    if unsure:
        yield finding("uncertain-facts", "services", lang, names=quoted_list([s.name(lang) for s in unsure], lang))
    yield from _periods(catalog, selected, chosen_options, lang)


def _requirements(catalog: Catalog, selected: list, chosen: dict[str, dict], lang: str) -> Iterable[Finding]:
    """A service's (and its category's) ``requires``: one of ``any_of`` must be selected too (with
    the option values ``with_options`` names), where the requirement's ``when`` holds."""
    category_of = {s.id: s.category for s in selected}
    composer = composer_for(catalog)  # a requirement's `when` is decided as the text's conditions are
    for service in selected:
        category = catalog.categories.get(service.category)
        for req in [*(category.requires if category else []), *service.requires]:
            if not composer.applies(service, req.when, chosen[service.id]):
                continue
            if any(_satisfied(entry, service.id, chosen, category_of, req.with_options) for entry in req.any_of):
                continue
            because = req.because.get(lang) if req.because else ""
            # selected, but not set as required: say so, and lead to its options (lawyer8 4)
            unset = next((sid for sid in category_of if sid != service.id and req.with_options
                          and any(_names(entry, sid, category_of) for entry in req.any_of)
                          and set(req.with_options) <= {o.id for o in catalog.services[sid].options}), None)
            if unset is not None:
                yield finding("requires-setting", f"service:{unset}", lang, severity=req.severity,
                              service=service.name(lang), other=catalog.services[unset].name(lang), because=because)
                continue
            missing = (" oder " if lang == "de" else " or ").join(_entry_name(catalog, entry, lang) for entry in req.any_of)
            yield finding("requires", _missing_target(req.any_of), lang, severity=req.severity, service=service.name(lang),
                          missing=missing, because=because)


def _health_data(catalog: Catalog, selected: list, chosen: dict[str, dict], lang: str) -> Iterable[Finding]:
    """A practice (a service for patients is selected): every contact channel that can say patients
    send health data should say so, or the policy gives no Art. 9 basis for what they write."""
    practice = catalog.practice(selected)
    if practice is None:
        return
    for service in selected:
        option = next((o for o in service.options if o.id == HEALTH_DATA_OPTION and o.type == "bool"), None)
        if option is not None and not chosen[service.id].get(HEALTH_DATA_OPTION):
            yield finding("health-data-off", f"service:{service.id}", lang, practice=practice.name(lang),
                          service=service.name(lang), option=option.label.get(lang))


def _missing_target(any_of: list[str]) -> str:
    """Where a finding about a missing requirement leads: to what is missing, not to the service that
    needs it — a category's choices rather than one service of the alternatives."""
    category = next((entry for entry in any_of if entry.startswith("category:")), None)
    return category or (f"service:{any_of[0]}" if any_of else "services")


def _satisfied(entry: str, own: str, chosen: dict[str, dict], category_of: dict[str, str], with_options: dict) -> bool:
    if entry == own:  # a category's requirement is met by the service it names
        return True
    # any selected service the entry names (one of a category), with the options
    return any(all(chosen[sid].get(name) in (value if isinstance(value, list) else [value])
                   for name, value in with_options.items())
               for sid in category_of if _names(entry, sid, category_of))


def _names(entry: str, sid: str, category_of: dict[str, str]) -> bool:
    """Whether the requirement entry ("category:<id>" or a service id) names the selected ``sid``."""
    return category_of[sid] == entry[len("category:"):] if entry.startswith("category:") else entry == sid


def _entry_name(catalog: Catalog, entry: str, lang: str) -> str:
    if entry.startswith("category:"):
        category = catalog.categories.get(entry[len("category:"):])
        return f"„{category.title.get(lang)}“" if lang == "de" and category else (
            f"“{category.title.get(lang)}”" if category else entry)
    service = catalog.services.get(entry)
    name = service.name(lang) if service else entry
    return f"„{name}“" if lang == "de" else f"“{name}”"


def _allowed(low: int | None, high: int | None, lang: str) -> str:
    de = lang == "de"
    if low is not None and high is not None:
        return f"{low} {'bis' if de else 'to'} {high}"
    return f"{'mindestens' if de else 'at least'} {low}" if low is not None else f"{'höchstens' if de else 'at most'} {high}"


def _periods(catalog: Catalog, selected: list, chosen: dict[str, dict], lang: str) -> Iterable[Finding]:
    """Services that state different retention periods (``periods``) for the same data (a period
    option the user left alone follows the others' one: options.followed_periods)."""
    stated: dict[str, list[tuple[schema.Service, int]]] = {}
    for service in selected:
        for period in service.periods:
            days = period.days if period.days is not None else chosen[service.id].get(period.option or "")
            if isinstance(days, int) and not isinstance(days, bool):
                stated.setdefault(period.data, []).append((service, days))
    word = "Tage" if lang == "de" else "days"
    for data, found in stated.items():
        if len({days for _, days in found}) > 1:
            # the target: a service whose period is an option the user can change
            adjustable = [s for s, _ in found if any(p.option for p in s.periods if p.data == data)]
            yield finding("retention-conflict", f"service:{(adjustable or [found[0][0]])[0].id}", lang,
                          data=catalog.labels.get("data", {}).get(lang, {}).get(data, data),
                          periods=", ".join(f"„{s.name(lang)}“ {days} {word}" if lang == "de"
                                            else f"“{s.name(lang)}” {days} {word}" for s, days in found))


def own_service_problems(inputs: Inputs) -> Iterable[Finding]:
    catalog, project, lang = inputs.catalog, inputs.project, inputs.lang
    from ..countries import name as country_name

    missing: dict[tuple[str, str], dict[str, list[str]]] = {}  # (service, name) → language → fields
    for problem in own_services.read(catalog, project).problems:
        target = f"service:{problem.service}"
        if problem.kind == "invalid":
            yield finding("own-invalid", target, lang, service=problem.name, value=problem.message)
        elif problem.kind == "rule":
            yield finding("own-rule", target, lang, service=problem.name, value=rule_text(problem.field, problem.message, lang))
        elif problem.kind == "language":  # one finding per service, below
            fields = missing.setdefault((problem.service, problem.name), {}).setdefault(problem.message, [])
            label = own_services.field_label(problem.field.rsplit(".", 1)[0], lang)
            if label not in fields:
                fields.append(label)
        elif problem.kind == "transfer":
            yield finding("transfer-safeguard", target, lang, service=problem.name,
                          country=country_name(problem.message, lang) if problem.message else "?")
    for (service, name), by_language in missing.items():
        parts = [f"{LANGUAGE_NAMES.get(code, (code, code))[lang != 'de']} ({', '.join(fields)})"
                 for code, fields in by_language.items()]
        yield finding("own-language", f"service:{service}", lang, service=name,
                      missing=(" und " if lang == "de" else " and ").join(parts))

