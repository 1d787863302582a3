"""The rules for a service's options, in one place: what a pack may declare (load), which value
a choice means (compose, the GUI's option form) and what is wrong with a user's value (checks).

An option has a type — bool, int (with optional min/max), choice (one of its values) or text —
and a default of that type. A user's value of the wrong type falls back to the default; an
integer outside min/max is clamped to the nearest limit (so no "nach -5 Tagen"); checks()
reports both.

The default an option falls back to is the record's, except for an int option that holds a
retention period (the service's ``periods``): while the other selected services that state a
period for the same data all state the same one, that period is the default — the "Server log
files" section says 7 days with STRATO, 14 without, and the check that compares periods stays
quiet. A value the user set always wins; it is all the project file keeps, so the default follows
again when the hoster changes.
"""
from __future__ import annotations

from typing import Any, Iterable, NamedTuple

from . import schema

# the contact channels' bool option saying patients send health data (their texts read it too)
HEALTH_DATA_OPTION = "health_data"


def option_problem(option: schema.Option, value: Any) -> str | None:
    """What is wrong with ``value`` for ``option``: "type" (not a value of its kind), "range"
    (an integer outside the option's min/max) or None."""
    if option.type == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return "type"
        low, high = option.min, option.max
        return "range" if (low is not None and value < low) or (high is not None and value > high) else None
    if option.type == "bool":
        ok = isinstance(value, bool)
    elif option.type == "choice":
        ok = value in [c.value for c in option.choices]
    else:
        ok = isinstance(value, str)
    return None if ok else "type"


def chosen_applies(option: schema.Option, chosen: dict[str, Any]) -> bool:
    """Whether the user's value in ``chosen`` is the one in effect for ``option`` (perhaps
    clamped), not the default: set and of the option's type."""
    return option.id in chosen and option_problem(option, chosen[option.id]) != "type"


def ruled_value(option: schema.Option, chosen: dict[str, Any], default: Any) -> Any:
    """The value that applies for ``option`` with the user's values ``chosen``: theirs, clamped to
    min/max, when it applies (chosen_applies); else ``default``, the option's effective default."""
    if not chosen_applies(option, chosen):
        return default
    value = chosen[option.id]
    if option_problem(option, value) == "range":
        value = max(value, option.min) if option.min is not None else value
        value = min(value, option.max) if option.max is not None else value
    return value


class Followed(NamedTuple):
    """A default taken from the period other selected services state (see the module's doc)."""

    days: int
    services: tuple[schema.Service, ...]  # the services that state it


def followed_periods(service: schema.Service, selected: Iterable[schema.Service]) -> dict[str, Followed]:
    """By option id: the period ``service``'s period options follow among the ``selected``
    services. Only fixed periods are followed (another service's option could follow back); two
    different ones, or one the option cannot hold (past its min/max), are followed by none, so the
    record's default and the checks' warning stay."""
    own = [p for p in service.periods if p.option is not None]
    if not own:  # nearly every service: no second look at the selection
        return {}
    others = [s for s in selected if s.id != service.id]
    options = {o.id: o for o in service.options}
    followed = {}
    for period in own:
        stating = [(s, p.days) for s in others for p in s.periods if p.data == period.data and p.days is not None]
        option = options.get(period.option)  # (the pack rules report a period naming no int option)
        stated = {days for _, days in stating}
        if option is not None and len(stated) == 1 and option_problem(option, stating[0][1]) is None:
            followed[period.option] = Followed(stating[0][1], tuple({s.id: s for s, _ in stating}.values()))
    return followed


def option_defaults(service: schema.Service, selected: Iterable[schema.Service]) -> dict[str, Any]:
    """Each option's effective default with these services selected (see followed_periods)."""
    followed = followed_periods(service, selected)
    return {o.id: followed[o.id].days if o.id in followed else o.default for o in service.options}


def option_values(service: schema.Service, chosen: dict[str, Any], selected: Iterable[schema.Service]) -> dict[str, Any]:
    """Effective defaults (with the ``selected`` services) merged with the user's choices
    ``chosen``, each value ruled (see ruled_value); keys the service does not declare are left out."""
    defaults = option_defaults(service, selected)
    return {o.id: ruled_value(o, chosen, defaults[o.id]) for o in service.options}


def selected_values(catalog, project) -> dict[str, dict[str, Any]]:
    """By service id, the option values of every selected service the catalog knows: what compose,
    checks, tasks and the review notes read."""
    chosen = {}
    for entry in project.services:  # a service listed twice: its first entry, as Project.selected
        if entry.id in catalog.services:
            chosen.setdefault(entry.id, entry.options)
    selected = [catalog.services[sid] for sid in chosen]
    return {service.id: option_values(service, chosen[service.id], selected) for service in selected}


def declaration_problems(options: Iterable[schema.Option]) -> Iterable[tuple[str, str]]:
    """(field, message) for every rule a service's option declarations break (pack load)."""
    seen: set[str] = set()
    for n, option in enumerate(options):
        if option.id in seen:
            yield f"options[{n}].id", f"option '{option.id}' is defined twice"
        seen.add(option.id)
        if option.type == "choice":
            values = [c.value for c in option.choices]
            if not values:
                yield f"options[{n}].choices", "a choice option needs choices"
            elif option.default not in values:
                yield f"options[{n}].default", f"default must be one of {', '.join(values)}"
        elif option.type == "bool" and not isinstance(option.default, bool):
            yield f"options[{n}].default", "a bool option needs true or false"
        elif option.type == "int" and (isinstance(option.default, bool) or not isinstance(option.default, int)):
            yield f"options[{n}].default", "an int option needs a whole number"
        elif option.type == "text" and not isinstance(option.default, str):
            yield f"options[{n}].default", "a text option needs a text default"
