"""text8: the pack text leftovers — a hoster's data list without form entries for every site."""
import pytest

from editor.core.compose import compose
from editor.core.document import iter_runs
from editor.core.project import SelectedService, example_project
from test_special_categories import CATALOG, section_text

HOSTERS = sorted(s.id for s in CATALOG.services.values()
                 if s.category == "hosting" and s.data == CATALOG.categories["hosting"].data)
assert len(HOSTERS) > 20  # the hosters that say what the category says
FORM_WORDS = {"de": ("Formular",), "en": ("form entries", "form contents", "forms")}


def texts(service_ids, lang):
    project = example_project()
    project.services = [SelectedService(id=s) for s in service_ids]
    return {s.id.removeprefix("service-"): " ".join(r.text for b in s.blocks for r in iter_runs(b))
            for s in compose(CATALOG, project, lang).walk() if s.id.startswith("service-")}


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("hoster", HOSTERS)
def test_a_hoster_of_a_site_without_forms_claims_no_form_entries(hoster, lang):
    text = section_text(hoster, lang)
    assert not any(word in text for word in FORM_WORDS[lang]), text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_selected_contact_form_lists_the_entries_and_names_the_hoster_as_recipient(lang):
    """Where a form is selected, its own section says what is entered and who holds it."""
    found = texts(["ionos", "contact-form"], lang)
    assert {"de": "Empfänger: IONOS (Auftragsverarbeiter, siehe dort)",
            "en": "Recipient: IONOS (processor, see there)"}[lang] in " ".join(found["contact-form"].split())
    assert {"de": "Inhalt Ihrer Nachricht", "en": "content of your message"}[lang] in found["contact-form"]


ART22 = {"de": "Entscheidet {p} ausschließlich automatisiert, können Sie verlangen, dass ein Mensch bei {p} die Entscheidung "
               "überprüft; Sie können {p} auch Ihren Standpunkt darlegen und die Entscheidung anfechten (Art. 22 Abs. 3 DSGVO)",
         "en": "If {p} decides solely by automated means, you can require a person at {p} to review the decision; you can "
               "also express your point of view to {p} and contest the decision (Art. 22(3) GDPR)"}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_paypal_pay_later_names_the_automated_credit_decision_and_where_to_ask_for_review(lang):
    """PayPal decides on Pay Later itself (controller), also by automated means: who, on what, and that the
    person asks PayPal for human review; nothing of it without the option."""
    with_option = section_text("paypal", lang, pay_later=True)
    assert ART22[lang].format(p="PayPal") in with_option
    assert {"de": "entscheidet PayPal nach seiner Prüfung Ihrer Kreditwürdigkeit, auch automatisiert",
            "en": "is decided by PayPal after its check of your creditworthiness, also by automated means"}[lang] in with_option
    assert "22" not in section_text("paypal", lang).replace("22–24", "")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_klarna_names_where_to_ask_for_review_of_its_automated_decision(lang):
    assert ART22[lang].format(p="Klarna") in section_text("klarna", lang)


def test_jimdo_states_its_seven_day_log_period_with_its_source_and_the_log_section_is_held_to_it():
    """Jimdo's legal help centre states 7 days for the request logs of Jimdo sites: the record says
    so as a period, so the "Server log files" section is checked against it (as for STRATO)."""
    from editor.core.checks import checks

    jimdo = CATALOG.services["jimdo"]
    assert [(p.data, p.days) for p in jimdo.periods] == [("server_logs", 7)]
    assert any("jimdo-legal.zendesk.com" in s and "360000928406" in s for s in jimdo.sources)
    project = example_project()
    for days, conflicts in ((14, 1), (7, 0)):
        project.services = [SelectedService(id="jimdo"), SelectedService(id="server-logs", options={"retention_days": days})]
        assert len([f for f in checks(CATALOG, project, lang="de") if f.code == "retention-conflict"]) == conflicts
