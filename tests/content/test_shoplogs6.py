"""Hosted shops and site builders that run the site's server (runs_site) stand in for the web
hoster: no "Server log files" section is asked for, so their own section must name the request
logs — the purpose with its basis and interest, the data of every request, and how long the
provider keeps them as it states it (or the deletion criterion, with an open point)."""
import re

import pytest

from test_fix6_text import SERVICES, paragraphs
from test_special_categories import CATALOG, section_text

HOSTED_SHOPS = [s.id for s in SERVICES if s.category == "ecommerce" and CATALOG.runs_site(s)]
HOSTED_BUILDERS = [s.id for s in SERVICES if s.category == "website-builder" and CATALOG.runs_site(s)]
LOG_PURPOSE = {
    "de": "Ausliefern des Shops an Ihren Browser und sicherer Betrieb der Server, auch mit Protokollen jedes Aufrufs "
          "(Art. 6 Abs. 1 lit. f DSGVO; berechtigtes Interesse: ein funktionierender und sicherer Shop",
    "en": "Delivering the shop to your browser and operating the servers securely, including logs of every request "
          "(Art. 6(1)(f) GDPR; legitimate interest: a working and secure shop",
}
PER_REQUEST = {"de": "bei jedem Aufruf: ", "en": "with every request: "}
LOGS_KEPT = {"de": re.compile(r"Protokollen? der Aufrufe"), "en": re.compile(r"logs of the requests")}


def retention(service_id, lang):
    return next(p for p in paragraphs(service_id, lang) if p.startswith(("Speicherdauer:", "Retention:")))


def test_the_hosted_shops_are_the_ones_the_brief_names():
    assert set(HOSTED_SHOPS) == {"shopify", "shopware-cloud", "plentymarkets", "epages", "ionos-webshop", "gambio-cloud"}
    assert set(HOSTED_BUILDERS) == {"ionos-website-builder", "hostinger-website-builder", "framer", "webnode",
                                    "strato-website-builder"}


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("shop", HOSTED_SHOPS)
def test_a_hosted_shop_names_the_request_logs_with_basis_data_and_retention(shop, lang):
    text = section_text(shop, lang)
    assert LOG_PURPOSE[lang] in text
    assert PER_REQUEST[lang] in text
    assert LOGS_KEPT[lang].search(retention(shop, lang))


def test_the_log_purpose_lives_once_in_the_shop_category_for_the_shops_that_run_the_site():
    """The category says it once, for runs_site services only; only Shopify lists its purposes
    itself (its analytics option), so it must say the category's log purpose word for word."""
    (log,) = [p for p in CATALOG.categories["ecommerce"].purposes if p.when]
    assert log.when == "runs_site" and log.basis == "legitimate_interest"
    assert LOG_PURPOSE["de"].startswith(log.text.de.rstrip(".")) and LOG_PURPOSE["en"].startswith(log.text.en.rstrip("."))
    for shop in HOSTED_SHOPS:
        purposes = CATALOG.services[shop].purposes
        if shop == "shopify":
            assert any((p.text, p.basis, p.interest) == (log.text, log.basis, log.interest) for p in purposes)
        else:
            assert purposes == CATALOG.categories["ecommerce"].purposes, shop
    others = [s.id for s in SERVICES if s.category == "ecommerce" and s.id not in HOSTED_SHOPS]
    assert others
    for lang in ("de", "en"):
        for service_id in others:
            assert LOG_PURPOSE[lang] not in section_text(service_id, lang), service_id
            assert PER_REQUEST[lang] not in section_text(service_id, lang), service_id


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("builder", HOSTED_BUILDERS)
def test_a_hosted_site_builder_says_how_long_the_request_logs_are_kept(builder, lang):
    """Its data are access data: "deletes the content when our contract ends" is not their period."""
    assert LOGS_KEPT[lang].search(retention(builder, lang))


@pytest.mark.parametrize("service_id", HOSTED_SHOPS + HOSTED_BUILDERS)
def test_a_record_without_a_stated_log_period_names_the_criterion_and_keeps_it_open(service_id):
    de = section_text(service_id, "de")
    service = CATALOG.services[service_id]
    if "sobald sie für" in de and "nicht mehr nötig sind" in de:
        assert any(point.startswith("Request logs") for point in service.uncertain), service_id
    else:  # the provider states it: the record names where
        assert "nach eigenen Angaben" in de


def test_ionos_and_strato_state_their_seven_days():
    assert "IONOS löscht sie nach eigenen Angaben spätestens sieben Tage nach Ihrem Besuch" in section_text(
        "ionos-webshop", "de")
    assert "deletes them no later than seven days after your visit" in section_text("ionos-webshop", "en")
    assert "speichert STRATO nach eigenen Angaben höchstens sieben Tage" in section_text("strato-website-builder", "de")
    assert "for at most seven days" in section_text("strato-website-builder", "en")
    assert any("help/data-protection" in s and "online-store" in s for s in CATALOG.services["ionos-webshop"].sources)
    assert any("strato-hosting.co.uk/faq" in s for s in CATALOG.services["strato-website-builder"].sources)
