"""A sole trader, an e. K. or a freelancer is a person: the controller section names the owner
("Inhaber/in" / "Owner"), not a representative, and a missing owner's name is a warning."""
import pytest

from editor.core.checks import checks
from editor.core.compose import compose
from editor.core.legalforms import FORMS, owned_by_person
from editor.core.project import example_project
from editor.export.markdown import render

OWNER = {"de": "Inhaber/in: Rosa Rot", "en": "Owner: Rosa Rot"}
REPRESENTED = {"de": "Vertreten durch: Rosa Rot", "en": "Represented by: Rosa Rot"}


def controller_text(catalog, project, lang):
    (section,) = [s for s in compose(catalog, project, lang).walk() if s.id == "controller"]
    return " ".join(block.text for block in section.blocks if hasattr(block, "text"))


def shop(legal_form, owner="Rosa Rot"):
    project = example_project()
    project.controller.name, project.controller.legal_form = "Blumen Rot", legal_form
    project.controller.representative = owner
    return project


def test_the_person_forms_are_the_sole_trader_the_ek_and_the_freelancer():
    assert {key for key, form in FORMS.items() if form.person} == {"sole_trader", "ek", "freelancer"}


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("legal_form", ["sole_trader", "ek", "freelancer"])
def test_a_sole_trader_names_the_owner(catalog, lang, legal_form):
    text = controller_text(catalog, shop(legal_form), lang)
    assert OWNER[lang] in text and REPRESENTED[lang] not in text
    assert "Blumen Rot" in text


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("legal_form", ["gmbh", "gbr", "", "other"])
def test_a_company_is_represented(catalog, lang, legal_form):
    text = controller_text(catalog, shop(legal_form), lang)
    assert REPRESENTED[lang] in text and OWNER[lang] not in text


def test_the_owner_follows_a_changed_legal_form(catalog):
    """The section's cache must see the legal form: the same owner field, worded anew."""
    project = shop("gmbh")
    assert REPRESENTED["de"] in render(compose(catalog, project, "de"))
    project.controller.legal_form = "ek"
    assert OWNER["de"] in render(compose(catalog, project, "de"))


@pytest.mark.parametrize("lang, words", [("de", "Inhaberin oder der Inhaber"), ("en", "enter the owner's name")])
def test_a_sole_trader_without_the_owners_name_is_a_warning(catalog, lang, words):
    (finding,) = [f for f in checks(catalog, shop("sole_trader", owner=""), lang=lang) if f.code == "owner-missing"]
    assert finding.severity == "warning" and finding.target == "controller.representative"
    assert words in finding.message
    assert not [f for f in checks(catalog, shop("sole_trader"), lang=lang) if f.code == "owner-missing"]
    assert not [f for f in checks(catalog, shop("gmbh", owner=""), lang=lang) if f.code == "owner-missing"]


def test_owned_by_person_reads_the_key_only():
    project = shop("other")
    project.controller.legal_form_other = "Einzelunternehmen"  # own words: we cannot tell, so no claim
    assert not owned_by_person(project.controller)
    assert owned_by_person(shop("freelancer").controller)


@pytest.mark.parametrize("lang, words", [("de", "„Rosa Rot“ als „Vertreten durch“"), ("en", "“Rosa Rot” as “represented by”")])
def test_a_person_named_without_a_legal_form_is_a_warning(catalog, lang, words):
    """walk8 13: a practice owner left the legal form open and the policy called her its representative."""
    (finding,) = [f for f in checks(catalog, shop(""), lang=lang) if f.code == "legal-form-missing"]
    assert finding.severity == "warning" and finding.target == "controller.legal_form" and words in finding.message
    assert not [f for f in checks(catalog, shop("gmbh"), lang=lang) if f.code == "legal-form-missing"]
    assert not [f for f in checks(catalog, shop("", owner=""), lang=lang) if f.code == "legal-form-missing"]
