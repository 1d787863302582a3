"""lawyer9 (today's texts read as a data-protection lawyer): a guest's health information needs an
express consent, which handing over the information is not; the applications' period says it
covers the AGG deadlines only where it does."""
import re

import pytest

from editor.core.compose import compose
from editor.core.document import iter_runs
from editor.core.project import SelectedService, example_project
from editor.core.tasks import site_tasks
from test_special_categories import CATALOG, section_text

HEALTH_TASK = "room-booking-health-consent"


def tasks(service_id, **options):
    project = example_project()
    project.services = [SelectedService(id=service_id, options=options)]
    return {t.id: t for t in site_tasks(CATALOG, project, "de")}


@pytest.mark.parametrize("lang, implied", [
    ("de", "mit Ihrer Angabe erklären"), ("en", "along with the information"),
])
def test_giving_health_information_is_not_said_to_be_the_explicit_consent(lang, implied):
    assert implied not in section_text("room-booking", lang, health_wishes=True)


def test_no_explicit_consent_is_said_to_be_given_by_the_information_itself():
    implied = re.compile(r"mit (Ihrer|der) Angabe (erklären|erteilen)|(along with|by giving) the information", re.I)
    for record in [*CATALOG.services.values(), *CATALOG.categories.values()]:
        for p in record.purposes or ():
            if p.basis == "explicit_consent":
                assert not implied.search(p.text.de) and not implied.search(p.text.en), record.id


def test_the_host_is_asked_to_obtain_the_explicit_consent_where_guests_give_health_information():
    assert HEALTH_TASK in tasks("room-booking", health_wishes=True)
    assert HEALTH_TASK not in tasks("room-booking")


@pytest.mark.parametrize("lang, covers", [("de", "deckt die Fristen"), ("en", "covers the deadlines")])
def test_the_application_period_claims_to_cover_the_agg_deadlines_only_when_long_enough(lang, covers):
    assert covers in section_text("job-applications", lang, retention_months=6)
    # two months to assert the claim (§ 15(4) AGG), three more to sue (§ 61b(1) ArbGG)
    assert covers not in section_text("job-applications", lang, retention_months=4)


def _obligation(lang, **options):
    project = example_project()
    project.services = [SelectedService(id="room-booking", options={}),
                        SelectedService(id="guest-registration", options=options)]
    section = next(s for s in compose(CATALOG, project, lang).walk() if s.id == "obligation")
    return " ".join(" ".join(r.text for b in section.blocks for r in iter_runs(b)).split())


@pytest.mark.parametrize("lang, guest_tax", [("de", "Kurtaxe"), ("en", "guest tax")])
def test_where_the_municipality_levies_a_guest_tax_the_obligation_section_says_all_guests_give_data(lang, guest_tax):
    """Art. 13(2)(e): with a guest tax German guests too must give their details, so 'beyond the
    registration form of foreign guests you need not provide data' would be untrue."""
    assert guest_tax in _obligation(lang, guest_tax=True)
    assert guest_tax not in _obligation(lang)
