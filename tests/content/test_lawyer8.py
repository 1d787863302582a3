"""lawyer8: a lawyer's reading of the day's changed texts — who holds a form's entries on a site a
hosted shop or builder runs, what Art. 22(3) gives against a provider's credit decision, retention
stated without hedging."""
import pytest

from test_special_categories import CATALOG, section_text
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
