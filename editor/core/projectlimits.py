"""What a project file may hold: characters, nesting, lengths and counts — and how loading
settles what the types allow but the program cannot use. Every refusal is one sentence for
the user (raised as Unusable, turned into a ProjectError by project.parse)."""
from __future__ import annotations

import re
from collections import deque
from typing import Any

import msgspec

from .projectmessages import field_name, listed_twice, plural
from .projectmodel import LANGUAGES, Project, to_dict


class Unusable(Exception):
    """A value in the file has the wrong shape; the detail names it, in English and German
    (becomes a ProjectError)."""

    def __init__(self, en: str, de: str = "") -> None:
        super().__init__(en)
        self.de = de or en


MAX_FILE_BYTES = 50_000_000  # a project with every limit used fully stays far below
MAX_DEPTH = 40  # the format nests 5 deep; unknown keys of other tools get room to spare

# The most characters a field may hold: far above any real value, low enough that a damaged or
# hostile file cannot make a document of hundreds of megabytes. The first matching pattern
# counts ("*" = any one key, "[]" = each item of a list); entry in the GUI is cut to the same.
SHORT, LINK, LONG = 300, 2_000, 20_000
FIELD_LIMITS: dict[str, int] = {
    "controller.*": SHORT,  # name, legal form, representative, street, postcode, city, ...
    "dpo.address": 2 * SHORT,
    "dpo.*": SHORT,
    "websites[]": LINK,
    "services[].options.*": LINK,  # text options (e.g. a cookie name or URL)
    "custom_sections[].body.*": LONG,  # the user's own Markdown
    "overrides.*.*": LONG,  # a section's replacement text
    "export_history[].*": 5_000,  # paths
    # the user's own services: purposes, data and retention are sentences, not names
    "own_services[].*": LINK,
    "own_services[].*.*": LINK,
    "own_services[].*.*.*": LINK,
    "own_services[].*.*.*.*": LINK,
    "*": SHORT,  # ids, titles, dates, state, keys of every kind
}
_FEWEST = min(FIELD_LIMITS.values())
# The most items a list (or table) may hold.
COUNT_LIMITS: dict[str, int] = {"websites": 100, "services": 5_000, "custom_sections": 200, "overrides": 500,
                               "own_services": 500, "tasks_done": 2_000}

_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(text: str, limit: int | None = None) -> str:
    """``text`` with characters that cannot be saved (lone UTF-16 surrogates, as a broken paste
    or a damaged file may carry) replaced by U+FFFD, cut to ``limit`` characters if given."""
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = _SURROGATES.sub("\ufffd", text)
    return text if limit is None or len(text) <= limit else text[:limit]


def field_limit(field: str) -> int:
    """The most characters for ``field``, written like the FIELD_LIMITS patterns with concrete
    keys ("controller.name", "custom_sections[].body.de", "services[].options.cookie")."""
    parts = field.split(".")
    for pattern, limit in FIELD_LIMITS.items():
        wanted = pattern.split(".")
        if pattern == "*" or len(wanted) == len(parts) and all(w in ("*", p) for w, p in zip(wanted, parts)):
            return limit
    return SHORT


def clean_value(value: Any, field: str) -> tuple[Any, bool]:
    """``value`` (text, list, dict, tuple or Struct, as the GUI sets it) for ``field`` with every
    text cleaned and cut to its limit; and whether anything was cut. For input as it is typed."""
    cut = False

    def clean(item: Any, where: str) -> Any:
        nonlocal cut
        if isinstance(item, str):
            most = field_limit(where)
            cut = cut or len(item) > most
            return clean_text(item, most)
        if isinstance(item, list):
            return [clean(v, where + "[]") for v in item]
        if isinstance(item, tuple):
            return tuple(clean(v, where) for v in item)
        if isinstance(item, dict):
            return {clean_text(k, SHORT): clean(v, f"{where}.{k}") for k, v in item.items()}
        if isinstance(item, msgspec.Struct):
            return msgspec.structs.replace(item, **{name: clean(getattr(item, name), f"{where}.{name}")
                                                    for name in item.__struct_fields__})
        return item

    return clean(value, field), cut


def scrub(value: Any, depth: int = 0) -> Any:
    """Clean every string (and key) of parsed JSON; refuse nesting beyond MAX_DEPTH."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        if depth >= MAX_DEPTH:
            raise _too_deep()
        return [scrub(v, depth + 1) for v in value]
    if isinstance(value, dict):
        if depth >= MAX_DEPTH:
            raise _too_deep()
        return {clean_text(k): scrub(v, depth + 1) for k, v in value.items()}
    return value


def _de(number: int) -> str:
    return f"{number:,}".replace(",", ".")  # 20.000: German digit grouping


def _too_deep() -> Unusable:
    return Unusable(f"it is nested more than {MAX_DEPTH} levels deep",
                    f"sie ist mehr als {MAX_DEPTH} Ebenen tief verschachtelt")


def shown(value: Any) -> str:
    """A value quoted for a message, cut short: messages stay one readable sentence."""
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 40 else text[:37] + "…"


def check_limits(project: Project) -> None:
    data = to_dict(project)
    for key, most in COUNT_LIMITS.items():
        if len(data.get(key, ())) > most:
            raise Unusable(f"it lists {len(data[key]):,} entries under '{key}', more than the {most:,} Policy Editor accepts",
                           f"sie enthält unter „{key}“ {_de(len(data[key]))} Einträge, mehr als die {_de(most)}, "
                           "die Policy Editor annimmt")
    queue = deque(([k], [k], v) for k, v in data.items())  # in file order: the first long field is named
    while queue:
        pattern, parts, value = queue.popleft()
        if isinstance(value, dict):
            for k, v in value.items():
                if len(k) > SHORT:
                    de, en = field_name(parts)
                    many = plural(parts)
                    raise Unusable(f"{en} {'have' if many else 'has'} a name of {len(k):,} characters",
                                   f"{de} {'haben' if many else 'hat'} einen Namen von {_de(len(k))} Zeichen")
                queue.append((pattern + [k], parts + [k], v))
        elif isinstance(value, list):
            pattern = pattern[:-1] + [pattern[-1] + "[]"]
            queue.extend((pattern, parts, v) for v in value)
        elif isinstance(value, str) and len(value) > _FEWEST:  # (shorter fits any field: not looked up)
            most = field_limit(".".join(pattern))
            if len(value) > most:
                de, en = field_name(parts)
                raise Unusable(f"{en} is {len(value):,} characters long; Policy Editor accepts at most {most:,} there",
                               f"{de} ist {_de(len(value))} Zeichen lang; Policy Editor nimmt dort höchstens "
                               f"{_de(most)} an")


def tidy(project: Project) -> list[str]:
    """Settle what the types allow but the program cannot use; returns warnings for the user."""
    unknown = [lang for lang in project.languages if lang not in LANGUAGES]
    if unknown:
        raise Unusable(f"it asks for the language {shown(unknown[0])}, but policies are written in de or en",
                       f"sie verlangt die Sprache {shown(unknown[0])}, Erklärungen gibt es aber nur auf de oder en")
    project.languages = list(dict.fromkeys(project.languages))
    warnings = []
    seen: dict[str, int] = {}
    for selected in project.services:
        seen[selected.id] = seen.get(selected.id, 0) + 1
    twice = [sid for sid, count in seen.items() if count > 1]
    if twice:
        kept: set[str] = set()
        project.services = [s for s in project.services if s.id not in kept and not kept.add(s.id)]
        warnings.append(listed_twice([clean_text(sid, 40) for sid in twice]))
    return warnings
