"""The site owner's to-do list: what the policy promises on the owner's behalf and must be done
outside it (a cookie-settings link on every page, a signed Art. 28 contract per processor …).

Most tasks are declared in the packs (``tasks`` of a category or service, see schema.Task); a
few follow from a service's role and its provider record (Art. 28 contract, Art. 26
arrangement) or from the project (the DPO check). checks() lists them as findings of severity
"task"; the project records which ones the owner has done (``tasks_done``, by task id).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .catalog import Catalog
from .composer import composer_for
from .options import selected_values
from .project import Project


@dataclass(frozen=True)
class Task:
    id: str  # stable across runs: the project's tasks_done names it
    text: str  # in the requested language
    target: str  # where the GUI leads: "service:<id>", "dpo"
    link: str = ""  # https address of what the task needs (a provider's DPA, …)


# derived tasks: (German, English); str.format fields
_TEXTS = {
    "art28": ("Schließen Sie mit {provider} den Vertrag zur Auftragsverarbeitung (Art. 28 DSGVO) für „{service}“ ab und bewahren Sie ihn auf.",
              "Conclude the data processing agreement (Art. 28 GDPR) with {provider} for “{service}” and keep it on file."),
    "art26": ("Stimmen Sie der Vereinbarung über die gemeinsame Verantwortlichkeit (Art. 26 DSGVO) von {provider} für „{service}“ zu und halten Sie den Link dazu bereit.",
              "Accept the joint-controller arrangement (Art. 26 GDPR) of {provider} for “{service}” and keep the link to it at hand."),
    "dpo": ("Prüfen Sie, ob Sie einen Datenschutzbeauftragten benennen müssen: Pflicht ist das, wenn in der Regel mindestens 20 Personen ständig personenbezogene Daten automatisiert verarbeiten, oder bei Verarbeitungen, die eine Datenschutz-Folgenabschätzung erfordern (§ 38 Abs. 1 BDSG). Wenn ja, tragen Sie ihn ein.",
            "Check whether you must appoint a data protection officer: you must if as a rule at least 20 people constantly process personal data by automated means, or for processing that requires a data protection impact assessment (Section 38(1) BDSG). If so, enter them."),
}


def site_tasks(catalog: Catalog, project: Project, lang: str = "de") -> list[Task]:
    """The tasks for this project, each once, in the order of the selected services."""
    found: dict[str, Task] = {}
    for task in _all(catalog, project, lang):
        found.setdefault(task.id, task)
    return list(found.values())


def _text(key: str, lang: str, **values: str) -> str:
    de, en = _TEXTS[key]
    return (de if lang == "de" else en).format(**values)


def _all(catalog: Catalog, project: Project, lang: str) -> Iterable[Task]:
    composer = composer_for(catalog)  # a task's ``when`` is decided as a purpose's
    all_values = selected_values(catalog, project)
    selected = [catalog.services[sid] for sid in all_values]
    for sid, values in all_values.items():
        service = catalog.services[sid]
        target = f"service:{service.id}"
        category = catalog.categories.get(service.category)
        for task in [*(category.tasks if category else []), *service.tasks]:
            if task.practice and not catalog.health_data_matter(selected, values):
                continue
            if (task.option is None or values.get(task.option)) and composer.applies(service, task.when, values):
                yield Task(task.id, task.text.get(lang), target, task.link or "")
        provider = service.provider if not isinstance(service.provider, str) else None
        if provider is None or service.role == "self_hosted":
            continue
        names = {"provider": provider.entity or service.name(lang), "service": service.name(lang)}
        if service.role == "processor":
            yield Task(f"art28-{service.id}", _text("art28", lang, **names), target, provider.dpa_url or "")
        elif service.role == "joint_controller":
            yield Task(f"art26-{service.id}", _text("art26", lang, **names), target, provider.joint_controller_url or "")
    if project.dpo is None and _dpo_may_apply(catalog, project):
        yield Task("dpo-check", _text("dpo", lang), "dpo")


def _dpo_may_apply(catalog: Catalog, project: Project) -> bool:
    """§ 38 BDSG: as a rule 20 people constantly processing data (the project's staff setting), or
    processing that needs an impact assessment (credit scoring), whatever the size."""
    if project.staff_20_plus is True:  # (a damaged file may hold anything there)
        return True
    return any(catalog.categories[s.category].automated_decisions == "scoring"
               for s in (catalog.services.get(c.id) for c in project.services)
               if s is not None and s.category in catalog.categories)
