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


# --- 6. JVerein names the bank that receives the direct debit

@pytest.mark.parametrize("direct_debit", [True, False])
def test_jverein_names_our_bank_as_recipient_of_direct_debits(direct_debit):
    de = section_text("jverein", "de", direct_debit=direct_debit)
    en = section_text("jverein", "en", direct_debit=direct_debit)
    assert ("IBAN, Mandatsreferenz und Betrag an unsere Bank" in de) is direct_debit
    assert ("IBAN, mandate reference and amount to our bank" in en) is direct_debit
    # never "we process these data ourselves" next to the bank
    assert ("Wir verarbeiten die Daten selbst" in de) is not direct_debit
    assert ("We process the data ourselves" in en) is not direct_debit


# --- 7. CiviCRM: the payment services and the hoster

def test_civicrm_points_to_the_payment_services_and_needs_one():
    de, en = section_text("civicrm-self-hosted", "de"), section_text("civicrm-self-hosted", "en")
    assert "Zahlungsdienste ab, die wir in dieser Erklärung gesondert nennen" in de
    assert "payment services we name separately in this policy" in en
    assert "einen Dienstleister setzen wir dafür nicht ein" not in de
    with_hoster = _sections("de", ("strato", {}), ("civicrm-self-hosted", {}))["service-civicrm-self-hosted"]
    assert "auf Servern von STRATO" in with_hoster
    requirement = CATALOG.services["civicrm-self-hosted"].requires
    assert [r.any_of for r in requirement] == [["category:payment"]]


# --- 8. Google Pay: the script from Google's servers

@pytest.mark.parametrize("lang, says, task", [
    ("de", "ohne Einwilligung (§ 25 Abs. 2 Nr. 2 TDDDG). Die Google-Pay-Schaltfläche lädt ein Skript", "pay.js"),
    ("en", "without consent (Section 25(2) no. 2 TDDDG). The Google Pay button loads a script", "pay.js")])
def test_google_pay_declares_its_script_and_loads_it_only_on_choice(lang, says, task):
    assert says in section_text("google-pay", lang)
    assert task in _tasks(lang, ("google-pay", {}))["google-pay-load-on-choice"]


# --- 9, 10. Wire's own accounts; what Tuta encrypts end to end

def test_wire_is_responsible_for_the_visitors_own_account():
    assert "Für Ihr eigenes Wire-Konto ist die Wire Swiss GmbH selbst verantwortlich" in section_text("wire-messenger", "de")
    assert "For your own Wire account, Wire Swiss GmbH is itself responsible" in section_text("wire-messenger", "en")


def test_tuta_claims_end_to_end_encryption_only_where_it_applies():
    de, en = section_text("tuta-mail", "de"), section_text("tuta-mail", "en")
    assert "Ende-zu-Ende-verschlüsselt sind nur E-Mails zwischen Tuta-Postfächern" in de
    assert "only emails between Tuta mailboxes or password-protected emails are end-to-end encrypted" in en
    assert "speichert Tuta Ende-zu-Ende" not in de and "stores the content of emails, contacts and appointments end-to-end" not in en


# --- 12, 13, 18, 21. what the site owner must do for the text to be true

@pytest.mark.parametrize("service_id, task, words_de, words_en", [
    ("phpbb-self-hosted", "phpbb-ip-deletion", "Löschung der IP-Adressen", "deletion of the IP addresses"),
    ("flarum-self-hosted", "flarum-ip-deletion", "Löschung der IP-Adressen", "deletion of the IP addresses"),
    ("altcha-self-hosted", "altcha-own-script", "von Ihrem eigenen Server", "from your own server"),
    ("psitransfer-self-hosted", "psitransfer-log-deletion", "Protokolle von PsiTransfer", "PsiTransfer's logs"),
    ("owncloud-files", "owncloud-log-deletion", "Protokolle von ownCloud", "ownCloud's logs"),
    ("zettle-card-terminal", "zettle-notice-at-till", "an der Kasse", "at the till"),
])
def test_the_site_owner_gets_the_task_the_text_relies_on(service_id, task, words_de, words_en):
    assert words_de in _tasks("de", (service_id, {}))[task]
    assert words_en in _tasks("en", (service_id, {}))[task]


@pytest.mark.parametrize("service_id", ["psitransfer-self-hosted", "owncloud-files"])
def test_file_exchange_logs_with_ip_addresses_have_a_period(service_id):
    assert "IP-Adressen löschen wir nach 9 Tagen" in section_text(service_id, "de", log_days=9)
    assert "IP addresses after 9 days" in section_text(service_id, "en", log_days=9)


# --- 17. ALTCHA: one account of the IP address and the device access

def test_altcha_says_where_the_ip_address_is_and_declares_its_device_access_once():
    de, en = section_text("altcha-self-hosted", "de"), section_text("altcha-self-hosted", "en")
    assert "keine Daten über Sie an" not in de and "creates no data about you" not in en
    assert "Protokoll unseres Webservers (siehe „Server-Logdateien“)" in de
    assert "our web server's log (see “Server log files”)" in en
    assert de.count("§ 25 Abs. 2 Nr. 2 TDDDG") == 1 and "ohne Einwilligung (§ 25 Abs. 2 Nr. 2 TDDDG)" in de
    assert en.count("Section 25(2) no. 2 TDDDG") == 1


# --- 19. CiviCRM: vouchers 8 years, donation records and duplicates 10

def test_civicrm_separates_vouchers_from_the_donation_records_it_must_keep():
    de, en = section_text("civicrm-self-hosted", "de"), section_text("civicrm-self-hosted", "en")
    assert "Kontoauszüge, bewahren wir 8 Jahre auf" in de and "§ 50 Abs. 7 EStDV verlangt, 10 Jahre (§ 147 Abs. 3 AO)" in de
    assert "bank statements, for 8 years" in en and "Section 50(7) EStDV requires for 10 years (Section 147(3) AO)" in en


# --- 21. Zettle: the full card data stay with PayPal

def test_zettle_says_only_paypal_gets_the_full_card_data():
    assert "die vollständigen Kartendaten verarbeitet nur PayPal" in section_text("zettle-card-terminal", "de")
    assert "only PayPal processes the full card details" in section_text("zettle-card-terminal", "en")


def test_no_record_text_turns_typing_something_in_into_an_explicit_consent():
    """Art. 9(2)(a) is stated by the explicit_consent basis of a purpose, never as a claim in a
    description or extra text that whoever enters health data has consented."""
    for service in CATALOG.services.values():
        for text in (service.description, service.text):
            if text is not None:
                assert "Art. 9 Abs. 2 lit. a" not in text.de and "9(2)(a)" not in text.en, service.id
