"""The data-protection lawyer's open points from the last text review, each checked in the text a
visitor reads (both languages), not only in the record."""
import pytest

from editor.core.compose import compose
from editor.core.document import iter_runs
from editor.core.project import SelectedService, example_project

from test_special_categories import CATALOG, section_text


def _sections(lang, *selection) -> dict[str, str]:
    """Section id → its text, for a project with these (service id, options) selected."""
    project = example_project()
    project.services = [SelectedService(id=sid, options=options) for sid, options in selection]
    document = compose(CATALOG, project, lang)
    return {s.id: " ".join(r.text for b in s.blocks for r in iter_runs(b)) for s in document.walk()}


@pytest.mark.parametrize("lang, quoted", [("de", "„CCM19“"), ("en", "“CCM19”")])
def test_the_consent_banner_is_quoted_by_its_product_name_not_the_catalog_variant(lang, quoted):
    """"CCM19 (Cloud)" is the catalog's name for the hosted variant; the banner is called CCM19."""
    assert CATALOG.services["ccm19"].product == "CCM19"
    sections = _sections(lang, ("ccm19", {}), ("google-analytics", {}))
    withdrawal = next(text for sid, text in sections.items() if "CCM19" in text and not sid.startswith("service-"))
    assert quoted in withdrawal and "(Cloud)" not in withdrawal and "(cloud)" not in withdrawal
    assert quoted in sections["service-google-analytics"]  # the device access line
    # a tool without a product name of its own is quoted by its display name
    cookiebot = _sections(lang, ("cookiebot", {}), ("google-analytics", {}))["service-google-analytics"]
    assert ("„Cookiebot“" if lang == "de" else "“Cookiebot”") in cookiebot


@pytest.mark.parametrize("service_id, option, de, en", [
    ("hotjar", "surveys", "freiwillige Antworten in Umfragen", "voluntary answers in surveys"),
    ("ekomi", "invitations", "E-Mail-Adresse und Bestellnummer", "email address and order number"),
    ("jameda", "booking", "Versicherungsart", "type of insurance"),
    ("sendcloud", "tracking_emails", "E-Mail-Adresse für die Versandbenachrichtigungen",
     "email address for the shipping notifications"),
    ("phone-contact", "voicemail", "Sprachnachricht", "voice message"),
])
def test_a_data_category_of_an_option_is_listed_only_with_the_option(service_id, option, de, en):
    """Hotjar's list named survey answers with the surveys switched off; the data of an option
    now follows the option, as its purpose does."""
    for lang, item in (("de", de), ("en", en)):
        for on in (False, True):
            data = section_text(service_id, lang, **{option: on})
            data = data.split("Daten:" if lang == "de" else "Data:")[1].split(". ")[0]
            assert (item in data) is on, (lang, on, data)


def test_jsdelivrs_cdn_networks_in_the_usa_are_named_as_recipients():
    """jsDelivr's own list of sub-processors names the networks that serve every request;
    Cloudflare and Fastly are in the USA and stand in the transfers table with their DPF status."""
    provider = CATALOG.services["jsdelivr"].provider
    us = {r.entity: r for r in provider.transfers if r.country == "US"}
    assert set(us) == {"Cloudflare, Inc.", "Fastly, Inc."}
    assert all(r.dpf is not None and r.dpf.certified and r.dpf.source.startswith("https://") for r in us.values())
    # their status comes from the companies' own pages, not the DPF list: worded as their statement
    for lang, certified in (("de", "DPF, zertifiziert nach Angabe des Empfängers (Stand "),
                            ("en", "DPF, certified as stated by the recipient (as of ")):
        table = _sections(lang, ("jsdelivr", {}))["transfers"]
        for entity in us:
            assert f"{entity} (USA) {certified}" in table
        assert "Cloudflare, Inc. (USA), Fastly, Inc. (USA)" in section_text("jsdelivr", lang)


def _links(service_id, lang):
    """(words, address) of every link in the service's section."""
    project = example_project()
    project.services = [SelectedService(id=service_id)]
    section = next(s for s in compose(CATALOG, project, lang).walk() if s.id == f"service-{service_id}")
    return [(r.text, r.link) for b in section.blocks for r in iter_runs(b) if r.link]


def test_ccm19s_link_is_called_what_the_page_is():
    """The page is CCM19's FAQ on the data its cloud version processes, not a privacy notice."""
    url = "https://www.ccm19.de/faq/welche-personenbezogenen-daten-verarbeitet-ccm19.html"
    assert ("Angaben von CCM19 zu den verarbeiteten Daten", url) in _links("ccm19", "de")
    assert ("CCM19's information on the data it processes", url) in _links("ccm19", "en")
    assert not [words for words, _ in _links("ccm19", "de") if words == "Datenschutzhinweise"]


@pytest.mark.parametrize("service_id", ["payone", "payone-card-terminal"])
def test_payone_links_its_german_notice_from_the_german_policy(service_id):
    de = dict((link, words) for words, link in _links(service_id, "de"))
    en = dict((link, words) for words, link in _links(service_id, "en"))
    assert "https://shop.payone.com/?p=15453" in de and "https://www.payone.com/DE-en/gdpr" not in de
    assert "https://www.payone.com/DE-en/gdpr" in en and "https://shop.payone.com/?p=15453" not in en
