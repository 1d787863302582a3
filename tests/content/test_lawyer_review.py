"""A data-protection lawyer's reading of the shortened policies (issue #12 point 14), in both
languages: each test names a finding and checks the rendered text."""
import re

import pytest

from editor.core.compose import compose
from editor.core.document import iter_runs
from editor.core.project import SelectedService, example_project
from test_special_categories import CATALOG


def _text(services, lang, section_id, **options):
    """The plain text of one section; ``options`` are the last service's."""
    project = example_project()
    project.services = [SelectedService(id=s) for s in services[:-1]]
    project.services.append(SelectedService(id=services[-1], options=options))
    document = compose(CATALOG, project, lang)
    section = next(s for s in document.walk() if s.id == section_id)
    text = " ".join("".join(r.text for r in iter_runs(b)) for b in section.blocks)
    return " ".join(text.split())


@pytest.mark.parametrize("service_id", ["jtl-wawi", "lexware-desktop"])
def test_software_on_our_own_computers_is_not_placed_on_the_web_hosters_servers(service_id):
    """'runs on our own computers' and 'on the servers of STRATO' cannot both be true."""
    de = _text(["strato", service_id], "de", f"service-{service_id}")
    en = _text(["strato", service_id], "en", f"service-{service_id}")
    assert "eigenen Rechnern" in de and "own computers" in en
    assert "STRATO" not in de and "STRATO" not in en


def test_portability_is_stated_with_its_scope():
    """Art. 20 covers only data provided on consent or contract; an unconditional right promises more."""
    de = _text(["strato"], "de", "rights")
    en = _text(["strato"], "en", "rights")
    assert "Datenübertragbarkeit für Daten, die Sie uns mit Einwilligung oder für einen Vertrag" in de
    assert "data portability for data you gave us with your consent or for a contract" in en


# a cited law in brackets right before the bracketed legal basis: "(§ 7 Abs. 3 UWG) (Art. 6 …)"
IN_BRACKET = r"(?:[^()]|\([^()]*\))*"
TWO_CITATIONS = re.compile(rf"\({IN_BRACKET}(?:Art\.|§|Section) {IN_BRACKET}\) \((?:Art\.|§|Section) ")


@pytest.mark.parametrize("service_id, law_de, law_en, options", [
    ("klaro", "§ 25 Abs. 1 TDDDG", "Section 25(1) TDDDG", {}),
    ("cookiebot", "Art. 7 Abs. 1 DSGVO", "Art. 7(1) GDPR", {}),
    ("mailchimp", "§ 7 Abs. 3 UWG", "Section 7(3) UWG", {"existing_customers": True}),
])
def test_a_purpose_that_cites_a_law_names_its_legal_basis_apart(service_id, law_de, law_en, options):
    """Two brackets of law in a row leave the reader to guess which one is the legal basis."""
    de = _text(["strato", service_id], "de", f"service-{service_id}", **options)
    en = _text(["strato", service_id], "en", f"service-{service_id}", **options)
    assert law_de in de and law_en in en
    assert not TWO_CITATIONS.search(de) and not TWO_CITATIONS.search(en)
    assert f"{law_de}). Rechtsgrundlage: Art. 6 Abs. 1 lit." in de
    assert f"{law_en}). Legal basis: Art. 6(1)(" in en


def test_the_english_sumup_purpose_has_no_german_left():
    de = _text(["strato", "sumup"], "de", "service-sumup")
    en = _text(["strato", "sumup"], "en", "service-sumup")
    assert "Daten an SumUp (Art. 6 Abs. 1 lit. b DSGVO)" in de
    assert "payment to SumUp (Art. 6(1)(b) GDPR)" in en and "Zahlungen" not in en


@pytest.mark.parametrize("service_id", ["events-photos", "instagram-profile", "facebook-page", "google-reviews"])
def test_an_interest_a_club_or_practice_can_claim_too(service_id):
    """A club has no business and no customers: 'unser Unternehmen darzustellen' and
    'für Interessenten und Kunden' made the club's legitimate interest read as a shop's."""
    for lang, words in (("de", ("Unternehmen", "Kunden")), ("en", ("business", "customers"))):
        text = _text(["strato", service_id], lang, f"service-{service_id}")
        interests = re.findall(r"(?:berechtigtes Interesse|legitimate interest): [^)]*", text)
        assert interests and not [i for i in interests if any(w in i for w in words)]


def test_the_legal_bases_are_listed_in_the_order_of_art_6():
    """a, b, c, f, d read as if lit. d had been forgotten and added."""
    services = ["strato", "klaro", "youth-members"]  # b, c, d and f
    de = _text(services, "de", "legal-bases")
    en = _text(services, "en", "legal-bases")
    for text, letters in ((de, [f"Art. 6 Abs. 1 lit. {x} DSGVO (" for x in "bcdf"]),
                          (en, [f"Art. 6(1)({x}) GDPR (" for x in "bcdf"])):
        found = [text.find(x) for x in letters]
        assert -1 not in found and found == sorted(found)


def test_withdrawal_covers_explicit_consent_to_health_data():
    """'Eine Einwilligung (Art. 6 Abs. 1 lit. a DSGVO, …)' read as the whole list and left out the
    explicit consent under Art. 9(2)(a), e.g. to the reason for a visit booked online."""
    services = ["strato", "ccm19", "dr-flex"]
    assert "Art. 9 Abs. 2 lit. a i. V. m. Art. 6 Abs. 1 lit. a DSGVO" in _text(services, "de", "service-dr-flex")
    de = _text(services, "de", "withdrawal")
    en = _text(services, "en", "withdrawal")
    assert de.startswith("Jede Einwilligung, auch in Zugriffe auf Ihr Endgerät (§ 25 Abs. 1 TDDDG), können Sie jederzeit")
    assert en.startswith("You can withdraw any consent, including consent to access to your device (Section 25(1) TDDDG), at any time")


def test_the_practice_form_names_the_web_hoster_that_receives_it():
    """A form on our website reaches the web hoster first (Art. 13(1)(e)); 'reach only our
    practice team' without the hoster left out a recipient of health data."""
    de = _text(["strato", "practice-online-requests"], "de", "service-practice-online-requests")
    en = _text(["strato", "practice-online-requests"], "en", "service-practice-online-requests")
    # as the contact form: a form on our website is no software we run (review9: on a site builder it
    # named no one)
    assert "Empfänger: STRATO (Auftragsverarbeiter" in de and "Recipient: STRATO (processor" in en
    assert "erreichen nur" not in de and "reach only" not in en


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_consent_tool_named_with_brackets_is_not_put_in_brackets_again(lang):
    """'Einwilligungs-Banner (CCM19 (Cloud))' read as a typo; the tool's name stands in quotes
    (its product name since the next review: test_text_review_points)."""
    quoted = "„CCM19“" if lang == "de" else "“CCM19”"
    section = _text(["ccm19", "google-analytics"], lang, "service-google-analytics")
    withdrawal = _text(["ccm19", "google-analytics"], lang, "withdrawal")
    for text in (section, withdrawal):
        assert quoted in text and "(CCM19" not in text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_rights_against_independent_controllers_are_said_once_for_all_of_them(lang):
    """DHL's block named the reader's rights against DHL, Deutsche Post's did not; the recipients
    section now says it once for every independent controller."""
    recipients = _text(["deutsche-post"], lang, "recipients")
    assert ("Ihre Rechte können Sie auch bei ihnen geltend machen" in recipients if lang == "de"
            else "you can also exercise your rights with them" in recipients)
    for carrier in ("dhl", "deutsche-post", "dpd"):
        block = _text([carrier], lang, f"service-{carrier}")
        assert "geltend machen" not in block and "exercise your rights" not in block


@pytest.mark.parametrize("lang, days", [("de", "90 Tage"), ("en", "90 days")])
def test_postmarks_retention_is_the_period_we_set(lang, days):
    """'45 days (7 to 365 depending on our setting)' left the reader without our actual period
    (Art. 13(2)(a)); the user sets it and the text names it."""
    assert days in _text(["postmark"], lang, "service-postmark", retention_days=90)
    assert ("45 Tage" if lang == "de" else "45 days") in _text(["postmark"], lang, "service-postmark")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_hotjar_survey_answers_have_a_criterion_not_until_we_delete_them(lang):
    text = _text(["hotjar"], lang, "service-hotjar", surveys=True)
    assert ("spätestens 6 Monate nach der Umfrage" in text and "innerhalb von 30 Tagen" in text) if lang == "de" \
        else ("at the latest 6 months after the survey" in text and "within 30 days" in text)
    assert "bis wir sie löschen" not in text and "until we delete them" not in text
