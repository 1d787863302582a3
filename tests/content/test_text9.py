"""text9: pack text leftovers and open facts — WhatsApp at a practice is a decision for the owner
(a task, not policy text); Gambio says who runs the shop; the patient-record sentence follows
§ 630f Abs. 3 BGB."""
import pytest

from editor.core.checks import checks
from editor.core.compose import compose
from editor.core.project import SelectedService, example_project
from editor.core.tasks import site_tasks
from test_special_categories import CATALOG, section_text

WHATSAPP_TASK = "whatsapp-practice-secrecy"


def tasks(*selected, lang="de"):
    project = example_project()
    project.services = [SelectedService(id=s, options=o) for s, o in selected]
    return {t.id: t for t in site_tasks(CATALOG, project, lang)}


@pytest.mark.parametrize("selected", [
    [("whatsapp-business", {"health_data": True})],  # a practice by the option
    [("whatsapp-business", {}), ("dr-flex", {})],  # a practice by a service for patients
    [("whatsapp-business", {"variant": "cloud_api"}), ("practice-software-local", {})],  # … by its category
])
def test_whatsapp_at_a_practice_is_a_task_for_the_owner(selected):
    assert WHATSAPP_TASK in tasks(*selected)


def test_whatsapp_at_a_shop_is_no_practice_task():
    assert WHATSAPP_TASK not in tasks(("whatsapp-business", {}), ("woocommerce", {}))
    assert WHATSAPP_TASK not in tasks(("dr-flex", {}))  # no WhatsApp, no WhatsApp task


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_task_names_what_to_check_and_is_listed_by_the_checks(lang):
    task = tasks(("whatsapp-business", {"health_data": True}), lang=lang)[WHATSAPP_TASK]
    for point in {"de": ("§ 203 StGB", "Art. 32 DSGVO", "Einwilligung", "Diagnosen", "staatlich geregelter Ausbildung"),
                  "en": ("Section 203 StGB", "Art. 32 GDPR", "consent", "diagnoses", "state-regulated training")}[lang]:
        assert point in task.text, point
    assert task.target == "service:whatsapp-business"
    project = example_project()
    project.services = [SelectedService(id="whatsapp-business", options={"health_data": True})]
    found = checks(CATALOG, project, compose(CATALOG, project, lang), lang)
    assert any(f.severity == "task" and f.message == task.text for f in found)


def test_the_task_is_no_policy_text():
    for lang in ("de", "en"):
        assert "203" not in section_text("whatsapp-business", lang)


# --- Gambio: who runs the shop is a choice of record, not a hedge in the text

def hosting_findings(*service_ids):
    project = example_project()
    project.websites = ["https://example.de"]
    project.services = [SelectedService(id=i) for i in service_ids]
    return [f for f in checks(CATALOG, project) if f.code == "no-hosting"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_gambio_says_plainly_who_runs_the_shop(lang):
    own, cloud = section_text("gambio", lang), section_text("gambio-cloud", lang)
    for text in (own, cloud):
        assert "Gambio GmbH" in text and "Gambio Hub" in text
        assert not any(hedge in text for hedge in ("soweit sie", "where it runs", "falls", "if it"))
    assert {"de": "auf dem Server unseres Hosters", "en": "on our hosting provider's server"}[lang] in own
    assert {"de": "Die Gambio GmbH betreibt den Shop auf ihren Servern",
            "en": "Gambio GmbH runs the shop on its servers"}[lang] in cloud
    # the cloud shop's request logs are Gambio's, with basis and deletion; the own server's are the hoster's
    logs = {"de": "Protokolle der Aufrufe", "en": "logs of the requests"}[lang]
    assert logs in cloud and logs not in own


def test_gambio_cloud_runs_the_site_gambio_on_an_own_server_needs_a_hoster():
    assert hosting_findings("gambio-cloud") == []
    assert len(hosting_findings("gambio")) == 1
    assert CATALOG.services["gambio"].role == CATALOG.services["gambio-cloud"].role == "processor"  # the Hub, the shop
    assert "gambio-cloud" in CATALOG.services["gambio"].conflicts
