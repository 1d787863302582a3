"""lawyer3's findings on the records of the last round (food ordering, clubs, messengers, forums …),
each checked in the text a visitor reads or the site owner's tasks, in both languages."""
import re

import pytest

from editor.core.compose import compose
from editor.core.document import iter_runs
from editor.core.project import SelectedService, example_project
from editor.core.tasks import site_tasks

from test_special_categories import CATALOG, EXPLICIT_DE, EXPLICIT_EN, section_text

FOOD = sorted(s.id for s in CATALOG.services.values() if s.category == "food-ordering")


def _sections(lang, *selection) -> dict[str, str]:
    """Section id → its text, for a project with these (service id, options) selected."""
    project = example_project()
    project.services = [SelectedService(id=sid, options=options) for sid, options in selection]
    document = compose(CATALOG, project, lang)
    return {s.id: " ".join(r.text for b in s.blocks for r in iter_runs(b)) for s in document.walk()}


def _tasks(lang, *selection) -> dict[str, str]:
    project = example_project()
    project.services = [SelectedService(id=sid, options=options) for sid, options in selection]
    return {t.id: t.text for t in site_tasks(CATALOG, project, lang)}


# --- 1. explicit consent to health data: its own legal basis, not a sentence of the policy

def test_every_explicit_consent_has_the_explicit_consent_basis_and_says_it_once():
    """The basis label names Art. 9(2)(a) with Art. 6(1)(a); the purpose text neither cites it again
    nor claims that typing something in is the consent."""
    records = [*CATALOG.services.values(), *CATALOG.categories.values()]
    for record in records:
        for p in record.purposes or ():
            explicit = "ausdrücklich" in p.text.de and "Einwilligung" in p.text.de
            assert explicit is (p.basis == "explicit_consent"), (record.id, p.text.de)
            assert "explicit consent" in p.text.en or not explicit, record.id
            assert "Art. 9 Abs. 2 lit. a" not in p.text.de and "9(2)(a)" not in p.text.en, record.id
            assert not re.search(r"[Mm]it der Angabe willigen Sie", p.text.de), record.id
            assert not re.search(r"by entering them you explicitly consent", p.text.en), record.id


@pytest.mark.parametrize("service_id", FOOD + ["resmio"])
def test_allergies_rest_on_explicit_consent_given_by_a_box_or_an_express_note(service_id):
    de, en = section_text(service_id, "de"), section_text(service_id, "en")
    assert f"Rechtsgrundlage: {EXPLICIT_DE}." in de and f"Legal basis: {EXPLICIT_EN}." in en
    assert "eigenen Kästchen" in de and "separate tick box" in en
    assert "Zutaten, die wir weglassen sollen" in de and "which ingredients to leave out" in en


@pytest.mark.parametrize("lang, explained, withdraw", [
    ("de", "(ausdrückliche Einwilligung): für besonders geschützte Daten", "Jede Einwilligung"),
    ("en", "(explicit consent): for specially protected data", "You can withdraw any consent")])
def test_an_explicit_consent_is_explained_and_can_be_withdrawn(lang, explained, withdraw):
    """A platform order (no other consent on the site) still brings the withdrawal section."""
    sections = {sid: " ".join(text.split()) for sid, text in _sections(lang, ("lieferando", {})).items()}
    assert explained in sections["legal-bases"].replace(" :", ":")
    assert sections["withdrawal"].startswith(withdraw)


@pytest.mark.parametrize("lang, box", [("de", "nicht vorangekreuztes Kästchen"), ("en", "unticked box")])
def test_own_order_forms_get_the_task_of_the_consent_box(lang, box):
    assert box in _tasks(lang, ("own-online-ordering", {}))["food-allergy-consent-box"]
    assert box in _tasks(lang, ("resmio", {}))["resmio-allergy-consent-box"]


# --- 2. allergy notes are not kept for the tax periods

@pytest.mark.parametrize("service_id", FOOD)
def test_allergy_notes_are_deleted_after_the_order_not_kept_with_the_accounts(service_id):
    de, en = section_text(service_id, "de"), section_text(service_id, "en")
    assert "löschen sie nach Abschluss der Bestellung; in unsere Buchhaltung übernehmen wir sie nicht" in de
    assert "delete them once it is completed; we do not take them into our accounting records" in en
    assert "Kassenjournal" in _tasks("de", (service_id, {}))["food-allergy-notes-kitchen-only"]
    assert "till journal" in _tasks("en", (service_id, {}))["food-allergy-notes-kitchen-only"]
