"""The company's name and postcode fill in the legal form and the federal state only while the
user has chosen none — one rule for typing and for pasting an address."""
from editor.core.company_fill import legal_form_to_fill, state_to_fill
from editor.core.project import Project


def test_the_legal_form_is_filled_in_from_the_name_only_while_none_is_chosen():
    project = Project()
    assert legal_form_to_fill(project, "Bäckerei Sonnenschein GmbH") == "gmbh"
    assert legal_form_to_fill(project, "Bäckerei Sonnenschein") is None
    project.controller.legal_form = "ek"
    assert legal_form_to_fill(project, "Bäckerei Sonnenschein GmbH") is None


def test_the_state_is_filled_in_from_the_postcode_only_while_none_is_chosen():
    project = Project()
    assert state_to_fill(project, "94032", "Deutschland") == "BY"
    assert state_to_fill(project, "940", "Deutschland") is None
    project.state = "NW"
    assert state_to_fill(project, "94032", "Deutschland") is None
