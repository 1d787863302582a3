"""Typed places in a project: what an undo command changes and where a finding or a click in the
preview leads. Small frozen structs, compared and hashed by value (msgspec.Struct rather than
dataclasses: a dataclass writes and compiles its methods when the module loads, ~1 ms each at
every start; a Struct is made in C).

Core's checks() names its targets with strings ("controller.email", "service:<id>", "category:<id>", …) and the
preview names its sections by id ("service-<id>", "custom-<id>", "controller", …); both are
read here, once (``finding_target``, ``preview_target``), and nowhere else.
"""
from __future__ import annotations

from typing import Literal, Union

from msgspec import Struct

# ---------------------------------------------------------------------------- what edits change


class ControllerField(Struct, frozen=True):
    """One text field of the controller (core.project.Controller): name, email, …"""

    name: str

    def clean_field(self) -> str:  # core.project.clean_value's name for the field
        return f"controller.{self.name}"


class DpoTarget(Struct, frozen=True):
    """The data protection officer as a whole: a Dpo, or None for none."""

    def clean_field(self) -> str:
        return "dpo"


class DpoField(Struct, frozen=True):
    name: str

    def clean_field(self) -> str:
        return f"dpo.{self.name}"


ProjectFieldName = Literal["state", "stand", "websites", "custom_sections", "export_history", "own_services",
                           "tasks_done", "staff_20_plus", "languages"]


class ProjectField(Struct, frozen=True):
    """A field of the project itself: the federal state, "Stand", the websites, the list of
    custom sections, the export history, the user's own service records, the policy's languages."""

    name: ProjectFieldName

    def clean_field(self) -> str:
        return self.name


class ServiceTarget(Struct, frozen=True):
    """One service's place in the selection: (index, SelectedService), or None for not selected."""

    id: str

    def clean_field(self) -> str:
        return "services[]"


class ServiceOption(Struct, frozen=True):
    """One option of a selected service: its value, or None for the default."""

    service: str
    option: str

    def clean_field(self) -> str:
        return f"services[].options.{self.option}"


class CustomSectionField(Struct, frozen=True):
    """Title or body of a custom section in one language."""

    id: str
    field: Literal["title", "body"]
    lang: str

    def clean_field(self) -> str:
        return f"custom_sections[].{self.field}.{self.lang}"


EditTarget = Union[ControllerField, DpoTarget, DpoField, ProjectField, ServiceTarget, ServiceOption, CustomSectionField]

# ---------------------------------------------------------------------------- where else to go


class CustomSectionTarget(Struct, frozen=True):
    id: str


class CategoryTarget(Struct, frozen=True):
    """A category of the checklist (e.g. "no hosting provider chosen": the hosting providers)."""

    id: str


class ServicesTarget(Struct, frozen=True):
    """The selection of services as a whole (e.g. "no hosting provider chosen")."""


class DocumentSection(Struct, frozen=True):
    """A section of the composed policy, by its id."""

    id: str


class PackTarget(Struct, frozen=True):
    """A clause pack file with a problem."""

    file: str


Target = Union[EditTarget, CustomSectionTarget, CategoryTarget, ServicesTarget, DocumentSection, PackTarget]

STATE = ProjectField("state")
STAND = ProjectField("stand")
WEBSITES = ProjectField("websites")
CUSTOM_SECTIONS = ProjectField("custom_sections")
EXPORT_HISTORY = ProjectField("export_history")
OWN_SERVICES = ProjectField("own_services")
STAFF_20_PLUS = ProjectField("staff_20_plus")
LANGUAGES = ProjectField("languages")  # the policy's languages: ["de"] or ["de", "en"]
_TOP_LEVEL = {"state": STATE, "stand": STAND, "websites": WEBSITES}


def finding_target(text: str) -> Target | None:
    """Core checks()' target string as a Target; None when it names no place to go."""
    kind, colon, rest = text.partition(":")
    if colon:
        maker = {"service": ServiceTarget, "custom": CustomSectionTarget, "section": DocumentSection,
                 "pack": PackTarget, "category": CategoryTarget}.get(kind)
        return maker(rest) if maker is not None and rest else None
    head, _dot, field = text.partition(".")
    if head == "controller" and field:
        return ControllerField(field)
    if head == "dpo":
        return DpoField(field) if field else DpoTarget()
    if text == "services":
        return ServicesTarget()
    return _TOP_LEVEL.get(text)


def preview_target(section_id: str, service: str) -> Target | None:
    """Where a click on a section of the preview leads."""
    if service:
        return ServiceTarget(service)
    if section_id.startswith("custom-"):
        return CustomSectionTarget(section_id[len("custom-"):])
    return {"controller": ControllerField("name"), "dpo": DpoTarget(), "complaint": STATE}.get(section_id)
