"""What every command shares: the one error type, the catalog with its problems told, and
project files loaded with their warnings told."""
from __future__ import annotations

import sys


class CliError(Exception):
    pass



def load_catalog():
    from ..core.catalog_cache import default_catalog

    catalog = default_catalog()
    for error in catalog.errors:
        print(f"policy-editor: warning: clause pack problem: {error}", file=sys.stderr)
    return catalog


def state_code(value: str) -> str:
    from ..core.project import STATE_CODES
    from ..core.states import state_names

    if value.upper() in STATE_CODES:
        return value.upper()
    for lang in ("de", "en"):
        for code, name in state_names(lang).items():
            if name.casefold() == value.casefold():
                return code
    raise CliError(f"Unknown federal state '{value}'. Use a code such as NW or a name such as Bayern.")


def warn(warnings: list[str], lang: str = "en") -> None:
    """Print warnings in the command's output language (German where a warning carries it)."""
    from ..core.projectmessages import in_language

    for warning in warnings:
        print(f"policy-editor: warning: {in_language(warning, lang)}", file=sys.stderr)


def load_file(path: str, tell: bool = True):
    """The loaded file (project, fingerprint); what loading settled (e.g. a service listed
    twice) is printed as warnings — by the caller where ``tell`` is false (its output's
    language is known only once the project is read)."""
    from ..core.project import load_file

    loaded = load_file(path)
    if tell:
        warn(loaded.warnings)
    return loaded


def load_project(path: str):
    return load_file(path).project

