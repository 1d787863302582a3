"""lawyer8: a lawyer's reading of the day's changed texts — who holds a form's entries on a site a
hosted shop or builder runs, what Art. 22(3) gives against a provider's credit decision, retention
stated without hedging."""
import pytest

from test_special_categories import CATALOG, section_text
from test_shoplogs6 import retention
from test_text8 import texts

OWN = {"de": "Wir verarbeiten diese Daten selbst", "en": "We process these data ourselves"}
RECIPIENT = {"de": "Empfänger: {} (Auftragsverarbeiter, siehe dort)", "en": "Recipient: {} (processor, see there)"}


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("site", ["shopware-cloud", "shopify", "strato-website-builder"])
def test_a_form_on_a_site_that_a_hosted_shop_or_builder_runs_names_it_as_recipient(site, lang):
    """With no web hoster, the form's entries reach us through the servers of the shop or builder
    that runs the site: the form must not say that no service provider is involved (Art. 13(1)(e))."""
    name = getattr(CATALOG.services[site].names, lang)
    form = " ".join(texts([site, "contact-form"], lang)["contact-form"].split())
    assert RECIPIENT[lang].format(name) in form
    assert OWN[lang] not in form


@pytest.mark.parametrize("lang", ["de", "en"])
def test_with_a_web_hoster_the_form_names_the_hoster_not_the_hosted_shop(lang):
    form = " ".join(texts(["all-inkl", "server-logs", "shopify", "contact-form"], lang)["contact-form"].split())
    assert RECIPIENT[lang].format("ALL-INKL.COM") in form
    assert "Shopify" not in form


CREDIT_DECIDERS = [s.id for s in CATALOG.services.values() if s.category == "payment"
                   and "automatisiert" in str(getattr(s.text, "de", "") or "")]
assert {"paypal", "klarna", "ratepay", "riverty", "easycredit-ratenkauf"} <= set(CREDIT_DECIDERS)
SOLELY = {"de": "ausschließlich automatisiert", "en": "solely"}
PARTLY = {"de": "teilweise automatisiert", "en": "partly by automated"}


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("service_id", CREDIT_DECIDERS)
def test_art_22_3_rights_are_given_only_for_a_decision_based_solely_on_automated_processing(service_id, lang):
    """Art. 22(1) and (3) cover only decisions based solely on automated processing: a provider that
    decides 'partly automated' owes no human review under Art. 22(3), so the text must not pair the two."""
    text = section_text(service_id, lang, pay_later=True) if service_id == "paypal" else section_text(service_id, lang)
    assert PARTLY[lang] not in text
    if {"de": "Art. 22 Abs. 3", "en": "Art. 22(3)"}[lang] in text:
        assert SOLELY[lang] in text, text


NO_PERIOD_NAMED = {"de": ("nicht genannt", "keine Frist", "feste Frist nennt", "nennt keine"),
                   "en": ("not given us", "no fixed period", "names no")}
PROCESSORS_WITH_RETENTION = [s.id for s in CATALOG.services.values() if s.role == "processor" and s.retention]
assert "azure-openai" in PROCESSORS_WITH_RETENTION


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("service_id", PROCESSORS_WITH_RETENTION)
def test_no_processor_s_retention_says_the_provider_named_no_period(service_id, lang):
    """A processor keeps data on our instructions (Art. 28(3)(a) GDPR): the text states the period or
    its criterion as ours (Art. 13(2)(a)), not that the provider named none (lawyer7's rule for the
    hosted shops' logs, for every processor — Azure OpenAI's abuse-monitoring store said it)."""
    text = retention(service_id, lang)
    assert not [phrase for phrase in NO_PERIOD_NAMED[lang] if phrase in text], text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_software_we_host_ourselves_is_never_said_to_run_on_a_hosted_shop(lang):
    """Self-hosted Matomo cannot run on Shopify's servers: neither section says it does."""
    found = texts(["shopify", "matomo-self-hosted", "contact-form"], lang)
    assert "Shopify" not in found["matomo-self-hosted"]
    assert "Matomo" not in found["shopify"]
    assert RECIPIENT[lang].format("Shopify") in " ".join(found["contact-form"].split())


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("channel", ["phone", "web"])
def test_the_voice_assistant_names_the_section_of_the_model_s_provider(channel, lang):
    """'In a separate section' left the reader to find the recipient of the conversations (Art. 12(1),
    13(1)(e)); the chatbot already names it. The telephony provider is said only on the phone."""
    text = section_text("ai-voice-assistant", lang, channel=channel)
    title = getattr(CATALOG.categories["ai"].title, lang)
    assert {"de": f"steht unter „{title}“", "en": f"is set out under “{title}”"}[lang] in text
    assert ({"de": "Telefonie-Anbieter", "en": "telephony provider"}[lang] in text) == (channel == "phone")
