"""What stands between a project and a clean export: the errors the checks still find.

The command line's ``export`` warns about them (``--strict`` refuses) and the GUI's export
dialog asks first; both count them here. A document exported anyway is marked as a draft
(``as_exported``): every writer prints the open errors at its top. A failure of the checks themselves is one error that
says so — an export must never pass as "no errors" because nothing was checked.
"""
from __future__ import annotations

from .checks import Finding, checks
from .document import Document, replace

_CHECKS_FAILED = {"de": "Die Prüfungen konnten nicht laufen, es wurde also nichts geprüft: {reason}",
                  "en": "The checks could not run, so nothing was checked: {reason}"}


def open_errors(catalog, project, document=None, lang: str = "de") -> list[Finding]:
    """The error findings for ``project`` (messages in ``lang``)."""
    try:
        findings = checks(catalog, project, document, lang=lang)
    except Exception as exc:  # noqa: BLE001 - a bug in a check must not pass for "no errors"
        reason = f"{type(exc).__name__}: {str(exc)[:200]}"
        return [Finding("error", "checks-failed", _CHECKS_FAILED.get(lang, _CHECKS_FAILED["en"]).format(reason=reason), "")]
    return [f for f in findings if f.severity == "error"]


def as_exported(catalog, project, document: Document) -> Document:
    """``document`` as it is written to a file: with its open errors (in its language) as the
    draft notice, so an export with errors never looks final."""
    errors = open_errors(catalog, project, document, lang=document.language)
    return replace(document, draft=tuple(e.message for e in errors)) if errors else document
