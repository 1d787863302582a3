"""The rules a service record must keep beyond what its types say (schema.py): ids, roles and
providers, data categories, options, detection data — plus the legal and authoring rules of
packrules.py — and which of its texts may hold template expressions."""
from __future__ import annotations

import re
from typing import Iterable

from . import schema
from .options import declaration_problems
from .packrules import service_rule_problems

SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
ALLOWED_URL = re.compile(r"^https://[^\s]+$")  # provider records (inherit.py)


def service_problems(service: schema.Service) -> Iterable[tuple[str, str]]:
    """(field, message) for every rule a service record breaks."""
    if not SAFE_ID.match(service.id):
        yield "id", "use lower-case letters, digits, '-' and '_' only"
    if service.role == "self_hosted":
        if service.transfer and service.transfer.countries:
            yield "transfer", "a self-hosted tool has no recipient, so it cannot transfer data abroad"
    elif service.provider is None:
        yield "provider", f"a {service.role} needs a provider (only self_hosted may leave it out)"
    # the provider's own fields are checked where it is resolved (inherit.resolve)
    if service.role == "joint_controller" and service.joint_control is None:
        yield "joint_control", "joint controllers (Art. 26 GDPR) must say what the arrangement covers"
    if not service.data.de:
        yield "data", "name at least one data category"
    for n, req in enumerate(service.requires):
        if not req.any_of:
            yield f"requires[{n}].any_of", "name at least one service id or 'category:<id>'"
    for n, other in enumerate(service.conflicts):
        if other == service.id:
            yield f"conflicts[{n}]", "a service cannot conflict with itself"
    yield from task_problems(service.tasks, service.options)
    options = {o.id: o for o in service.options}
    for n, period in enumerate(service.periods):
        if (period.days is None) == (period.option is None):
            yield f"periods[{n}]", "give either days or the option that holds them"
        elif period.option is not None and getattr(options.get(period.option), "type", None) != "int":
            yield f"periods[{n}].option", f"'{period.option}' is not an int option of this service"
        elif period.days is not None and period.days < 1:
            yield f"periods[{n}].days", "a period is at least one day"
    # legal bases, transfers, § 25 TDDDG, https, current law, de/en parity: packrules.py
    yield from service_rule_problems(service)
    yield from declaration_problems(service.options)
    if service.detect is not None:
        from .detect import detect_problems

        yield from detect_problems(service.detect)


def task_problems(tasks: list[schema.Task], options: list[schema.Option] | None) -> Iterable[tuple[str, str]]:
    """(field, message) for the tasks of a service or (``options`` None) a category."""
    seen: set[str] = set()
    for n, task in enumerate(tasks):
        if not SAFE_ID.match(task.id) or task.id in seen:
            yield f"tasks[{n}].id", "a task needs its own id of lower-case letters, digits, '-' and '_'"
        seen.add(task.id)
        if not task.text.de.strip() or not task.text.en.strip():
            yield f"tasks[{n}].text", "say what to do in German and English"
        if task.link is not None and not ALLOWED_URL.match(task.link):
            yield f"tasks[{n}].link", "a link must start with https://"
        if task.option is not None and options is not None and task.option not in {o.id for o in options}:
            yield f"tasks[{n}].option", f"'{task.option}' is not an option of this service"
        if task.when is not None and options is None:
            yield f"tasks[{n}].when", "a category's task cannot depend on a service's options"


def template_texts(service: schema.Service) -> Iterable[tuple[str, schema.Text]]:
    """The record's texts that may hold Jinja expressions (e.g. an option in the retention)."""
    candidates: list[tuple[str, schema.Text | None]] = [
        ("text", service.text), ("description", service.description), ("retention", service.retention),
        ("withdrawal", service.withdrawal), ("joint_control", service.joint_control),
        ("statutory_duty", service.statutory_duty), ("transfer.note", service.transfer.note if service.transfer else None),
        ("device_access_reason", service.device_access_reason),
    ]
    for n, purpose in enumerate(service.purposes):
        candidates += [(f"purposes[{n}].text", purpose.text), (f"purposes[{n}].interest", purpose.interest)]
    for field_name, text in candidates:
        if text is not None and (field_name == "text" or "{" in text.de or "{" in text.en):
            yield field_name, text
