"""checks(catalog, project, document) → Findings: what a careful lawyer would flag.

Each finding has a severity ("error": the policy is incomplete or wrong as it stands;
"warning": probably wrong for this business, please look; "info": worth knowing; "task": what
the site owner must do outside the policy, see core.tasks — never an error, and markable as
done), a message a shop owner understands (entirely in the interface language; it quotes the
document only for a section title or a placeholder), and a target telling the GUI where to fix it:
"controller.<field>", "dpo", "dpo.<field>", "state", "websites", "stand", "service:<id>",
"section:<id>", "custom:<id>", "pack:<file>".

The parts: finding.py (the Finding type, every message, what the checks share), and a module
per topic — company.py, services.py, text.py — whose checks ``CHECKS`` lists in the order they run.
"""
from __future__ import annotations

from typing import Callable, Iterable

from .. import own_services
from ..catalog import Catalog
from ..document import Document
from ..project import Project
from ..tasks import site_tasks
from . import company, services, text
from .finding import MESSAGES, SEVERITIES, Finding, Inputs, finding

__all__ = ["CHECKS", "MESSAGES", "SEVERITIES", "Finding", "checks"]


def _packs(inputs: Inputs) -> Iterable[Finding]:
    """Clause pack files that did not load, and packs that replace core text."""
    lang = inputs.lang
    yield from (finding("pack-error", f"pack:{e.file}", lang, value=str(e)) for e in inputs.catalog.errors)
    yield from (finding("core-change", f"pack:{pack}", lang, pack=pack, item=item)
                for pack, item in inputs.catalog.core_changes)


def _tasks(inputs: Inputs) -> Iterable[Finding]:
    """The site owner's to-do list (core.tasks), each marked done as the project records."""
    done = set(inputs.project.tasks_done)
    for t in site_tasks(inputs.catalog, inputs.project, inputs.lang):
        yield Finding("task", "task", t.text, t.target, task=t.id, link=t.link, done=t.id in done)


# In this order: document_text leaves out a placeholder that a finding before it names already.
CHECKS: tuple[Callable[[Inputs], Iterable[Finding]], ...] = (
    company.controller, company.authority, company.dpo, services.selected_services, company.contact_channels,
    text.document_text, text.objection_notice, company.project_details, services.own_service_problems, text.own_texts,
    _packs, _tasks,
)


def checks(catalog: Catalog, project: Project, document: Document | None = None, lang: str = "de") -> list[Finding]:
    """All findings, errors first. ``document`` is composed when not given."""
    if document is None:
        from ..compose import compose

        document = compose(catalog, project, project.languages[0] if project.languages else "de")
    inputs = Inputs(own_services.overlay(catalog, project), project, document, lang)
    for check in CHECKS:
        inputs.found += check(inputs)
    order = {s: n for n, s in enumerate(SEVERITIES)}
    return sorted(inputs.found, key=lambda f: order[f.severity])
