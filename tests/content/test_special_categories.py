"""Special categories of data (Art. 9 GDPR) that reach a business through general channels or
its own work: the records say under which Art. 9 basis, and only where the user says so."""
import pytest

from editor.core.catalog_cache import default_catalog
from editor.core.compose import compose
from editor.core.document import iter_runs
from editor.core.project import SelectedService, example_project

CATALOG = default_catalog(include_user=False)


def section_text(service_id, lang, **options):
    project = example_project()
    project.services = [SelectedService(id=service_id, options=options)]
    document = compose(CATALOG, project, lang)
    section = next(s for s in document.walk() if s.id == f"service-{service_id}")
    return " ".join(r.text for b in section.blocks for r in iter_runs(b))


@pytest.mark.parametrize("service_id", ["email-contact", "phone-contact", "contact-form", "whatsapp-business"])
def test_a_practice_names_art_9_and_the_patient_record_for_health_data_in_its_channels(service_id):
    de = section_text(service_id, "de", health_data=True)
    en = section_text(service_id, "en", health_data=True)
    assert "Art. 9 Abs. 2 lit. h DSGVO" in de and "§ 22 Abs. 1 Nr. 1 lit. b BDSG" in de
    assert "Art. 9(2)(h) GDPR" in en and "Section 22(1) no. 1(b) BDSG" in en
    # the patient record's period stands once, in the retention section (test_patient_records)
    assert "Patientenakte auf (Aufbewahrung siehe „Speicherdauer“)" in de
    assert "patient record (kept as stated under “Storage period”)" in en
    # everyone else's contact text says nothing about health data
    for lang in ("de", "en"):
        assert "Art. 9" not in section_text(service_id, lang)
        assert "630f" not in section_text(service_id, lang)


EXPLICIT_DE = "Art. 9 Abs. 2 lit. a i. V. m. Art. 6 Abs. 1 lit. a DSGVO"
EXPLICIT_EN = "Art. 9(2)(a) in conjunction with Art. 6(1)(a) GDPR"


def test_allergies_in_restaurant_orders_and_reservations_need_explicit_consent():
    for service_id in ("own-online-ordering", "lieferando", "resmio"):
        assert EXPLICIT_DE in section_text(service_id, "de")
        assert EXPLICIT_EN in section_text(service_id, "en")


def test_coaching_client_records_have_a_contract_and_explicit_consent_for_health_data():
    service = CATALOG.services["client-records"]
    assert {p.basis for p in service.purposes} >= {"contract", "explicit_consent"}
    de = section_text("client-records", "de", notes_months=6)
    assert EXPLICIT_DE in de and "6 Monate" in de and "widerrufen" in de
    assert EXPLICIT_EN in section_text("client-records", "en")


@pytest.mark.parametrize("billing_center", [True, False])
def test_practice_software_names_its_recipients_and_their_roles(billing_center):
    de = section_text("practice-software-local", "de", billing_center=billing_center)
    assert "eigenständig Verantwortliche" in de and "Art. 6 Abs. 1 lit. c DSGVO" in de and "§ 22 Abs. 1 Nr. 1 lit. b BDSG" in de
    assert ("Abrechnungszentrum" in de) is billing_center
    assert de.count("Auftragsverarbeiter") == 1 + billing_center  # maintenance (default on) and billing centre


@pytest.mark.parametrize("service_id", ["stripe", "paypal", "klarna"])
def test_what_a_payment_provider_collects_itself_is_not_listed_as_ours(service_id):
    data = " ".join(CATALOG.services[service_id].data.de)
    assert "Kartennummer" not in data and "IP-Adresse" not in data and "Geburtsdatum" not in data
    assert "selbst" in section_text(service_id, "de")


def test_a_shop_with_customer_accounts_refers_to_the_account_section_and_asks_for_it():
    from editor.core.checks import checks

    de = section_text("woocommerce", "de", customer_accounts=True)
    assert "„Kundenkonto und Login“" in de and "Kundenkonto löschen" not in de
    project = example_project()
    project.services = [SelectedService(id="woocommerce", options={"customer_accounts": True})]
    assert any("Kundenkonto und Login" in str(f) for f in checks(CATALOG, project))
    project.services.append(SelectedService(id="user-accounts"))
    assert not any("Kundenkonto und Login" in str(f) for f in checks(CATALOG, project))


def test_the_joint_controller_arrangement_states_its_essence_in_the_text():
    de = section_text("trusted-shops", "de")
    assert "Das Wesentliche unserer Vereinbarung" in de and "auf Anfrage" not in de


@pytest.mark.parametrize("marketing, says", [("none", ()), ("consent", ("§ 7 Abs. 2 Nr. 2 UWG",)),
                                             ("consent_and_customers", ("§ 7 Abs. 2 Nr. 2 UWG", "§ 7 Abs. 3 UWG", "widersprechen"))])
def test_advertising_from_the_crm_has_its_basis(marketing, says):
    de = section_text("leadconnector", "de", marketing=marketing)
    for phrase in says:
        assert phrase in de
    assert ("UWG" in de) is bool(says)


def test_zoom_claims_webinars_only_when_they_run_there():
    assert "Webinare" in section_text("zoom", "de")
    assert "Webinare" not in section_text("zoom", "de", webinars=False)
    assert "webinars" not in section_text("zoom", "en", webinars=False)
