"""walk9 (a family guesthouse's walk-through): a guesthouse found nothing for its rooms, its
registration forms (Meldeschein, §§ 29, 30 BMG), the guest tax or Booking.com, and the policy said
guests were under no statutory obligation to provide data."""
import pytest
from test_special_categories import CATALOG, section_text  # the test folder is on sys.path (no package)

from editor.core.checks import checks
from editor.core.compose import compose
from editor.core.document import iter_runs
from editor.core.project import SelectedService, example_project
from editor.core.service_search import SearchIndex

INDEX = SearchIndex.of_catalog(CATALOG)


def first_hits(query, n=3):
    return [hit.id for hit in (INDEX.search(query) or [])[:n]]


@pytest.mark.parametrize("query, service_id", [
    ("Booking.com", "booking-com"), ("Booking", "booking-com"), ("Zimmer", "room-booking"),
    ("Hotel", "room-booking"), ("Pension", "room-booking"), ("Ferienwohnung", "room-booking"),
    ("Übernachtung", "room-booking"), ("Meldeschein", "guest-registration"), ("Kurtaxe", "guest-registration"),
    ("Gästekarte", "guest-registration"), ("guesthouse", "room-booking"),
    ("registration form hotel", "guest-registration"),
    ("Anzahlung", "bank-transfer"), ("Anzahlung", "paypal"), ("deposit", "bank-transfer"),
])
def test_a_guesthouse_finds_its_services_by_the_words_it_uses(query, service_id):
    assert service_id in first_hits(query)


def test_booking_com_is_an_independent_controller_named_with_its_entity():
    service = CATALOG.services["booking-com"]
    assert service.role == "controller" and service.provider.entity == "Booking.com B.V."
    assert service.provider.country == "NL"


def _project(*ids, **options):
    project = example_project()
    project.services = [SelectedService(id=i, options=options if i == "guest-registration" else {}) for i in ids]
    return project


def _section(project, section_id, lang):
    section = next(s for s in compose(CATALOG, project, lang).walk() if s.id == section_id)
    return " ".join(" ".join(r.text for b in section.blocks for r in iter_runs(b)).split())


@pytest.mark.parametrize("lang, words", [
    ("de", ["§§ 29, 30 BMG", "Ausländische Gäste", "Art. 6 Abs. 1 lit. c DSGVO", "Geburtsdatum", "ein Jahr"]),
    ("en", ["Sections 29 and 30 BMG", "Foreign guests", "Art. 6(1)(c) GDPR", "date of birth", "one year"]),
])
def test_the_registration_form_names_its_law_its_data_and_its_period(lang, words):
    text = section_text("guest-registration", lang)
    for word in words:
        assert word in text
    assert "Kurtaxe" not in text and "guest tax" not in text


@pytest.mark.parametrize("lang, word", [("de", "Kurtaxe"), ("en", "guest tax")])
def test_the_guest_tax_is_said_only_where_the_municipality_levies_it(lang, word):
    assert word in section_text("guest-registration", lang, guest_tax=True)


@pytest.mark.parametrize("lang, word", [("de", "Meldeschein"), ("en", "registration form")])
def test_the_obligation_section_names_the_registration_form_of_an_accommodation_business(lang, word):
    assert word in _section(_project("room-booking", "guest-registration"), "obligation", lang)
    assert word not in _section(_project("contact-form"), "obligation", lang)


def test_a_booked_stay_asks_for_the_registration_form():
    def asked(*ids):
        return [f for f in checks(CATALOG, _project(*ids)) if f.code == "requires" and "Meldeschein" in f.message]

    assert asked("room-booking") and asked("booking-com")
    assert not asked("room-booking", "booking-com", "guest-registration")


@pytest.mark.parametrize("lang, explicit", [("de", "Art. 9 Abs. 2 lit. a"), ("en", "Art. 9(2)(a)")])
def test_health_wishes_for_a_stay_need_explicit_consent_only_when_taken(lang, explicit):
    assert explicit in section_text("room-booking", lang, health_wishes=True)
    assert explicit not in section_text("room-booking", lang)
