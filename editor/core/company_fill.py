"""What the company's name and postcode fill in while the user has chosen nothing there yet: the
legal form the name ends with and the federal state the postcode lies in. One rule for typing a
field and for pasting an address block."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .legalforms import named_in
from .postcodes import state_for

if TYPE_CHECKING:
    from .projectmodel import Project


def legal_form_to_fill(project: "Project", name: str) -> str | None:
    """The legal form's key ``name`` ends with, while the project has none."""
    key = named_in(name)
    return key if key and not project.controller.legal_form else None


def state_to_fill(project: "Project", postcode: str, country: str) -> str | None:
    """The federal state ``postcode`` lies in, while the project has none."""
    state = state_for(postcode, country)
    return state if state and not project.state else None
