"""The compact layout of a service's section (issue #12, word bars): the scaffolding is short,
but no Art. 13 item goes missing. Checked for every service of the catalog, in both languages."""
from __future__ import annotations

import re

import pytest

from editor.core.catalog_cache import default_catalog
from editor.core.compose import compose, composer_for
from editor.core.views import one_clause
from editor.core.document import iter_runs
from editor.core.options import selected_values
from editor.core.project import SelectedService, example_project
from editor.core.mdsafe import MdSafe

LANGS = ("de", "en")
INTEREST = {"de": "berechtigtes Interesse: ", "en": "legitimate interest: "}


@pytest.fixture(scope="module")
def catalog():
    return default_catalog(False)


def _plain(blocks) -> str:
    return " ".join(" ".join("".join(r.text for r in iter_runs(b)).split()) for b in blocks)


@pytest.fixture(scope="module", params=LANGS)
def whole_catalog(request, catalog):
    project = example_project()
    project.services = [SelectedService(id=i) for i in sorted(catalog.services)]
    return request.param, compose(catalog, project, request.param), selected_values(catalog, project)


def test_every_service_names_provider_role_basis_per_purpose_interest_and_retention(catalog, whole_catalog):
    lang, document, values = whole_catalog
    composer = composer_for(catalog)
    labels = catalog.labels
    # a service's text: its own section and what its category says once for all its services
    texts = {sub.id.removeprefix("service-"): _plain(section.blocks) + " " + _plain(sub.blocks)
             for section in document.sections for sub in section.subsections}
    checked = 0
    for sid, service in catalog.services.items():
        view = composer.service_view(service, lang, values[sid])  # as composed with them all
        text = texts[sid]
        if view.provider is not None:
            # a processor by entity and country; a controller, whom readers may contact, with its address
            assert (f"{view.provider.entity} ({view.provider.country_name})" if view.role == "processor"
                    else view.provider.address_line) in text, sid
            assert f"({labels['role_short'][lang][view.role]})" in text, sid
        # a service with a template of its own (a processor for its customers) states no basis of its own
        for purpose in view.purposes if composer.service_template(service, lang)[1] == "service" else ():
            basis = labels["basis_short"][lang][purpose.basis]
            wording = _plain(composer.blocks(purpose.clause or purpose.text))
            # the purpose, then its own legal basis (and interest) right after it
            follows = re.escape(wording) + r"\.? \(?" + (r"(Rechtsgrundlage|Legal basis): " if not purpose.clause else "")
            assert re.search(follows + re.escape(basis), text), (sid, wording)
            if purpose.interest:
                assert INTEREST[lang] + _plain(composer.blocks(purpose.interest)) in text, sid
        assert _plain(composer.blocks(view.retention)) in text, sid
        if view.transfer is not None:  # each recipient named; the safeguard is in the transfers table
            for r in view.transfer.recipients:
                assert f"{r.entity} ({r.country})" in text if r.entity else r.country in text, sid
        checked += 1
    assert checked == len(catalog.services)


def test_the_scaffolding_of_a_service_block_is_short(whole_catalog):
    """The words a layout can say once are not repeated in every block."""
    lang, document, _ = whole_catalog
    text = " ".join(_plain(s.blocks) for s in document.walk() if s.id.startswith("service-"))
    for gone in (("Zwecke und Rechtsgrundlagen", "in Verantwortung des Anbieters", "Verarbeitete Daten",
                  "Speichern und Auslesen (etwa von Cookies)") if lang == "de" else
                 ("Purposes and legal bases", "under the provider's responsibility", "Data processed",
                  "Storing and reading information (for example cookies)")):
        assert gone not in text
    # the roles' articles are explained once, in the section on recipients
    assert ("– Auftragsverarbeiter (Art. 28 DSGVO);" if lang == "de" else "– processor (Art. 28 GDPR);") not in text


def test_what_all_services_of_a_category_say_alike_is_said_once(catalog):
    from editor.core.project import load
    from editor.resources import resource

    project = load(resource("examples", "agentur-crm-ki.policy.json"))
    for lang, heading, retention in (("de", "Für alle Dienste dieses Abschnitts gilt:", "Kommentare und Nachrichten bleiben"),
                                     ("en", "For all services in this section:", "Comments and messages remain")):
        document = compose(catalog, project, lang)
        social = next(s for s in document.sections if s.id == "category-social")
        intro, subs = _plain(social.blocks), [_plain(sub.blocks) for sub in social.subsections]
        assert len(subs) == 3 and heading in intro  # after the category's own introduction
        # the shared purposes and storage period once, before the three pages; each page keeps its own
        assert intro.count(retention) == 1 and not any(retention in sub for sub in subs)
        assert intro.count(catalog.labels["basis_short"][lang]["contract"]) == 1
        assert all(("Weitere Zwecke:" if lang == "de" else "Further purposes:") in sub for sub in subs)
        assert all("Insights" in sub for sub in subs)
        # a category whose services say nothing alike (or that has one service) gets no such paragraph
        contact = next(s for s in document.sections if s.id == "category-contact")
        assert heading not in _plain(contact.blocks)
        # PayPal and Stripe share nothing word for word any more (Stripe names its own storage
        # period): each keeps its own lines, and no shared paragraph is made
        payment = next(s for s in document.sections if s.id == "category-payment")
        assert heading not in _plain(payment.blocks)
        assert all(("Speicherdauer:" if lang == "de" else "Retention:") in _plain(sub.blocks) for sub in payment.subsections)
        assert not any(heading in _plain(s.blocks) for s in document.sections if len(s.subsections) == 1)


@pytest.mark.parametrize("text, clause", [
    ("Bearbeitung Ihrer Anfrage, z. B. zu Preisen.", "Bearbeitung Ihrer Anfrage, z. B. zu Preisen"),
    ("Sicherer Betrieb: Fehler finden und Angriffe abwehren.", "Sicherer Betrieb: Fehler finden und Angriffe abwehren"),
    ("Werbung (§ 7 Abs. 3 UWG). Sie können widersprechen.", None),  # the basis would seem to follow the second
    ("Ohne Punkt am Ende", None),
    ("Werbung an Kunden (§ 7 Abs. 3 UWG).", None),  # two brackets: which one is the basis?
    ("Proof of your consent (Art. 7(1) GDPR).", None),
    ("Messung des Erfolgs unserer Anzeigen (Conversion-Messung).", "Messung des Erfolgs unserer Anzeigen (Conversion-Messung)"),
    ("Termin; Gesundheitsdaten verarbeiten wir nach Art. 9 Abs. 2 lit. h DSGVO.", None),
])
def test_one_clause_only_for_a_single_sentence(text, clause):
    assert one_clause(MdSafe(text)) == clause
