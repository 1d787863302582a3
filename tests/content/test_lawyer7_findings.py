"""lawyer7's reading of the request logs of hosted shops and site builders: a processor keeps the
logs on our instructions (Art. 28(3)(a) GDPR), so the policy states the period or its criterion
(Art. 13(2)(a)) as ours — never that the provider "has not given us" or "states no" period, which
reads as if we had not instructed it."""
import pytest

from test_fix6_text import SERVICES
from test_shoplogs6 import HOSTED_BUILDERS, HOSTED_SHOPS, retention
from test_special_categories import CATALOG, section_text

NO_PERIOD_NAMED = {
    "de": ("nicht genannt", "keine Frist", "feste Frist nennt"),
    "en": ("not given us", "states no fixed period", "no fixed period"),
}
PROCESSORS_RUNNING_THE_SITE = [s.id for s in SERVICES if s.role == "processor" and CATALOG.runs_site(s)]


def test_the_hosted_shops_and_builders_are_processors():
    assert set(HOSTED_SHOPS + HOSTED_BUILDERS) <= set(PROCESSORS_RUNNING_THE_SITE)


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("service_id", PROCESSORS_RUNNING_THE_SITE)
def test_a_processor_s_log_retention_does_not_say_it_named_no_period(service_id, lang):
    text = retention(service_id, lang)
    assert not [phrase for phrase in NO_PERIOD_NAMED[lang] if phrase in text], text


@pytest.mark.parametrize(("service_id", "de", "en"), [
    ("shopware-cloud", "Die Protokolle der Aufrufe löscht die shopware AG, sobald sie für den sicheren Betrieb nicht mehr nötig sind.",
     "shopware AG deletes the logs of the requests as soon as they are no longer needed for secure operation."),
    ("shopify", "Die Protokolle der Aufrufe löscht Shopify, sobald sie für diese Zwecke nicht mehr nötig sind.",
     "Shopify deletes the logs of the requests as soon as they are no longer needed for these purposes."),
    ("framer", "Die Protokolle der Aufrufe löscht er, sobald sie für den sicheren Betrieb nicht mehr nötig sind.",
     "It deletes the logs of the requests as soon as they are no longer needed for secure operation."),
])
def test_the_criterion_is_stated_as_the_deletion_rule(service_id, de, en):
    assert de in retention(service_id, "de")
    assert en in retention(service_id, "en")


# --- finding 3: e-mail and phone go to the carrier only with consent; the shared data list, whose
# purpose is delivery under the contract, must not read as if delivery needed them

@pytest.mark.parametrize(("lang", "item"), [("de", "mit Ihrer Einwilligung: E-Mail-Adresse und Telefonnummer"),
                                            ("en", "with your consent: email address and phone number")])
def test_the_carrier_s_email_and_phone_are_listed_as_given_with_consent(lang, item):
    assert [c.get(lang) for c in CATALOG.categories["shipping"].data.conditional] == [item]


# --- finding 2: Klarna's retention must not suggest that a request for erasure is pointless until
# the retention period ends (Art. 17(3)(b) GDPR exempts only what the law requires to be kept)

def test_klarna_s_retention_does_not_restrict_the_right_to_erasure():
    service = CATALOG.services["klarna"]
    assert "Löschung auf Ihren Wunsch" not in service.retention.de
    assert "at your request" not in service.retention.en


# --- finding 4: the site builders keep the request logs "as long as needed for secure operation";
# that purpose must be among the purposes stated (Art. 5(1)(b), 13(1)(c) GDPR)

@pytest.mark.parametrize(("lang", "purpose", "interest"), [
    ("de", "sicherer Betrieb", "eine sichere Website"), ("en", "operating it securely", "a secure website")])
def test_a_site_builder_names_secure_operation_as_a_purpose(lang, purpose, interest):
    for builder in HOSTED_BUILDERS:
        text = section_text(builder, lang)
        assert purpose in text and interest in text, builder
