"""walk6's text findings (a first-time user's walk-through): cut-off English texts, hosted shop
and site platforms that run the server, data a shipping option passes on, retention of the
payment providers, typographic quotes in option labels. Each test runs over every service where
the defect could recur, not only the records the walk-through met."""
import re

import pytest

from editor.core.compose import compose
from editor.core.document import BulletList, iter_runs
from editor.core.packrules import record_texts
from editor.core.project import SelectedService, example_project
from test_special_categories import CATALOG, section_text  # one service's rendered text

SERVICES = sorted(CATALOG.services.values(), key=lambda s: s.id)
JINJA = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S)


def paragraphs(service_id, lang, **options):
    """The rendered paragraphs and list items of one service's section."""
    project = example_project()
    project.services = [SelectedService(id=service_id, options=options)]
    section = next(s for s in compose(CATALOG, project, lang).walk() if s.id == f"service-{service_id}")
    out = []
    for block in section.blocks:
        if isinstance(block, BulletList):
            out += ["".join(r.text for r in item).strip() for item in block.items]
        else:
            out.append("".join(r.text for r in iter_runs(block)).strip())
    return out


# --- finding 2: English texts cut off ("We send our newsletter with Mailchimp. For this,")


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.id)
def test_no_record_text_breaks_off_or_is_much_shorter_in_english(service):
    for field, text in record_texts(service):
        de, en = (JINJA.sub("", t).strip() for t in (text.de, text.en))
        for lang, value in (("de", de), ("en", en)):
            assert not value.endswith((",", ";", ":")), f"{field}.{lang} breaks off: …{value[-60:]!r}"
        # English runs a little shorter than German; half of it means a sentence is missing
        if len(de) >= 40:
            assert len(en) >= 0.5 * len(de), f"{field}: English much shorter than German: {en!r}"


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.id)
def test_no_rendered_english_section_breaks_off_or_says_much_less(service):
    de, en = paragraphs(service.id, "de"), paragraphs(service.id, "en")
    for text in de + en:
        assert not text.endswith((",", ";")), f"paragraph breaks off: …{text[-60:]!r}"
    assert 0.7 <= sum(map(len, en)) / sum(map(len, de)) <= 1.2


@pytest.mark.parametrize("service_id", ["mailchimp", "klaviyo", "mailerlite"])
def test_the_newsletter_description_is_whole_in_english(service_id):
    name = CATALOG.services[service_id].names.en
    assert f"We send our newsletter with {name}." in section_text(service_id, "en")
    assert "For this," not in section_text(service_id, "en")


# --- finding 21: typographic quotes — „…“ in German, “…” in English

PHP_ARRAY = re.compile(r"'\w+' => '\w+'")  # code the user types into a config file keeps its quotes
OPEN_CLOSE = {"de": ("„", "“"), "en": ("“", "”")}


def quote_problems(text, lang):
    text = PHP_ARRAY.sub("", JINJA.sub("", text))
    problems = []
    if '"' in text or re.search(r"(?<!\w)'(?=\w)", text):
        problems.append("straight quotes")
    opening, closing = OPEN_CLOSE[lang]
    marks = [c for c in text if c in "„“”"]
    if marks != [opening, closing] * (len(marks) // 2):
        problems.append(f"quotes {''.join(marks)} instead of {opening}…{closing}")
    return problems


def test_the_quote_rule_catches_the_walk_through_label():
    assert quote_problems("PayPal 'Pay Later' / instalments offered", "en") == ["straight quotes"]
    assert quote_problems("die Dienste “sumup”", "de") == ["quotes “” instead of „…“"]
    assert quote_problems("our visitors' data, PayPal’s window, “Pay Later”", "en") == []


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.id)
def test_option_labels_and_texts_use_typographic_quotes(service):
    for field, text in record_texts(service):
        for lang in ("de", "en"):
            assert not quote_problems(text.get(lang), lang), f"{field}.{lang}: {text.get(lang)[:120]!r}"


# --- finding 10: a carrier's option that passes e-mail and phone on must list them as data

SHARE_EMAIL = [s.id for s in SERVICES if any(o.id == "share_email" for o in s.options)]


def test_the_carriers_with_the_share_option_are_the_parcel_services():
    assert SHARE_EMAIL == ["dhl", "dpd", "gls", "hermes", "ups"]


@pytest.mark.parametrize("service_id", SHARE_EMAIL)
def test_passing_email_and_phone_to_the_carrier_lists_them_as_data(service_id):
    for lang, item in (("de", "E-Mail-Adresse und Telefonnummer"), ("en", "email address and phone number")):
        data = lambda on: next(p for p in paragraphs(service_id, lang, share_email=on) if p.startswith(("Daten:", "Data:")))  # noqa: E731
        assert data(True).endswith(f"{item}.") and item not in data(False)


# --- finding 16: the payment providers' own retention, as they state it

@pytest.mark.parametrize("service_id, name", [("stripe", "Stripe"), ("klarna", "Klarna")])
def test_stripe_and_klarna_say_how_long_they_keep_the_data_themselves(service_id, name):
    de, en = section_text(service_id, "de"), section_text(service_id, "en")
    assert f"{name} speichert die Daten nach eigenen Angaben" in de and "Geldwäsche" in de
    assert f"According to {name}, it stores the data" in en and "money laundering" in en


# --- the user's question: the credit check before "Pay Later"/instalments is the provider's own
# processing (its contract with you), so our purpose stays the passing on (Art. 6(1)(b)); the text
# says whose check it is and where its legal basis is named

@pytest.mark.parametrize("service_id, options", [("paypal", {"pay_later": True}), ("klarna", {})])
def test_the_credit_check_is_named_as_the_providers_own_with_its_legal_bases(service_id, options):
    name = CATALOG.services[service_id].names.de
    assert f"in eigener Verantwortung und auf den Rechtsgrundlagen, die {name} in seinen Datenschutzhinweisen nennt" in section_text(service_id, "de", **options)
    assert f"on its own responsibility and on the legal bases {name} names in its privacy notice" in section_text(service_id, "en", **options)
    assert [p.basis for p in CATALOG.services[service_id].purposes] == ["contract"]


# --- finding 3: a hosted shop or site platform runs the server

def hosting_findings(*service_ids):
    from editor.core.checks import checks
    project = example_project()
    project.websites = ["https://example.de"]
    project.services = [SelectedService(id=i) for i in service_ids]
    return [f for f in checks(CATALOG, project) if f.code == "no-hosting"]


@pytest.mark.parametrize("platform", ["shopify", "shopware-cloud", "epages", "ionos-webshop", "plentymarkets",
                                      "framer", "webnode", "ionos-website-builder", "wix", "strato"])
def test_a_platform_that_runs_the_server_needs_no_separate_hosting_provider(platform):
    assert hosting_findings(platform, "stripe") == []


@pytest.mark.parametrize("software", ["woocommerce", "shopware-self-hosted", "wordpress", "stripe"])
def test_software_on_our_own_server_still_asks_who_runs_it(software):
    assert len(hosting_findings(software)) == 1


def test_every_hosted_site_builder_runs_the_site_and_no_self_hosted_service_outside_hosting_does():
    """The attribute, not a list in code: every hosted builder (the provider runs site and server)
    carries it; software we run ourselves never does (its server is the hoster's)."""
    for s in SERVICES:
        if s.category == "website-builder":
            assert CATALOG.runs_site(s) == (s.role != "self_hosted"), s.id
        if s.role == "self_hosted" and s.category != "hosting":
            assert not CATALOG.runs_site(s), s.id


def test_shopify_names_the_request_logs_with_basis_and_retention():
    """What the hosting section and the server logs would say, now in Shopify's own section."""
    de, en = section_text("shopify", "de"), section_text("shopify", "en")
    assert "Ausliefern des Shops an Ihren Browser" in de and "(Art. 6 Abs. 1 lit. f DSGVO" in de
    assert "bei jedem Aufruf: IP-Adresse, Zeitpunkt, aufgerufene Seite" in de
    assert "Die Protokolle der Aufrufe löscht Shopify, sobald" in de
    assert "Delivering the shop to your browser" in en and "(Art. 6(1)(f) GDPR" in en
    assert "with every request: IP address, time, page requested" in en
    assert "Shopify deletes the logs of the requests as soon as" in en


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_templates_quote_typographically_too(lang):
    """The fixed sections and the service template, e.g. the third-country line of every service."""
    from editor.resources import clause_packs_dir
    for path in sorted((clause_packs_dir() / "core" / "templates" / lang).glob("*.j2")):
        assert not quote_problems(path.read_text(encoding="utf-8"), lang), path.name
