"""walk8 (a physiotherapy practice's walk-through): texts that said something untrue for the
options chosen."""
import pytest
from test_special_categories import CATALOG, section_text  # the test folder is on sys.path (no package)

from editor.core.project import SelectedService, example_project
from editor.core.tasks import site_tasks


@pytest.mark.parametrize("lang, phone, ip", [("de", "Telefonnummer", "IP-Adresse"), ("en", "phone number", "IP address")])
def test_the_voice_assistant_lists_the_phone_number_on_the_phone_and_the_ip_address_in_the_browser(lang, phone, ip):
    on_phone = section_text("ai-voice-assistant", lang, channel="phone")
    in_browser = section_text("ai-voice-assistant", lang, channel="web")
    assert phone in on_phone and ip not in on_phone
    assert ip in in_browser and phone not in in_browser  # it said "phone number or, in the browser, IP address"


def test_the_voice_assistant_s_task_speaks_of_calls_only_on_the_phone():
    project = example_project()
    for channel, task, other in (("phone", "ai-disclosure-call", "ai-disclosure-web"),
                                 ("web", "ai-disclosure-web", "ai-disclosure-call")):
        project.services = [SelectedService(id="ai-voice-assistant", options={"channel": channel})]
        tasks = {t.id: t for t in site_tasks(CATALOG, project, "en")}
        assert task in tasks and other not in tasks
    assert "call" not in tasks["ai-disclosure-web"].text and "conversation" in tasks["ai-disclosure-web"].text


def test_one_processor_behind_a_service_is_named_in_the_singular():
    """walk8: "Recipients: STRATO (processors, see there)." for the contact form on one hoster."""
    project = example_project()
    project.services = [SelectedService(id="strato"), SelectedService(id="contact-form")]
    from editor.core.compose import compose
    from editor.core.document import iter_runs

    def text(services):
        project.services = [SelectedService(id=s) for s in services]
        section = next(s for s in compose(CATALOG, project, "en").walk() if s.id == "service-contact-form")
        return " ".join(" ".join(r.text for b in section.blocks for r in iter_runs(b)).split())

    one = text(["strato", "contact-form"])
    assert "Recipient: STRATO (processor, see there)." in one
    several = text(["strato", "hubspot", "contact-form"])
    assert "Recipients: " in several and "(processors, see there)." in several
