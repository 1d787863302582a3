"""The rules for a service's options, in one place: what a pack may declare (load), which value
a choice means (compose, the GUI's option form) and what is wrong with a user's value (checks).

An option has a type — bool, int (with optional min/max), choice (one of its values) or text —
and a default of that type. A user's value of the wrong type falls back to the default; an
integer outside min/max is clamped to the nearest limit (so no "nach -5 Tagen"); checks()
reports both.
"""
from __future__ import annotations

from typing import Any, Iterable

from . import schema


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


def ruled_value(option: schema.Option, value: Any) -> Any:
    """The value that applies for ``option`` when the user chose ``value``."""
    problem = option_problem(option, value)
    if problem == "type":
        return option.default
    if problem == "range":
        value = max(value, option.min) if option.min is not None else value
        value = min(value, option.max) if option.max is not None else value
    return value


def option_values(service: schema.Service, chosen: dict[str, Any]) -> dict[str, Any]:
    """Defaults merged with the user's choices, each value ruled (see ruled_value); keys the
    service does not declare are left out."""
    return {option.id: ruled_value(option, chosen.get(option.id, option.default)) for option in service.options}


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
