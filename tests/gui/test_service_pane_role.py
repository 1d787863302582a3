"""The service pane's line under the description never contradicts it: a contact channel (a
category we handle ourselves, "own_processing") is not called self-hosted when its text names
the mail provider that runs the mailbox; software we run ourselves still says so."""
import pytest
from PySide6.QtCore import Qt

SELF_HOSTED = {"de": "Selbst betrieben", "en": "Self-hosted"}


def type_provider(w, text):
    edit = w.options_form.widgets["mail_provider"]
    edit.setText(text)
    edit.textEdited.emit(text)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_email_contact_with_a_mail_provider_is_not_called_self_hosted(project_window, catalog, lang, ui_language):
    w = project_window
    ui_language(lang)
    w.options_form.set_language(lang)
    assert catalog.without_provider(catalog.services["email-contact"]) == "own_processing"
    w.checklist.item("email-contact").setCheckState(0, Qt.CheckState.Checked)
    w.checklist.select_service("email-contact")
    type_provider(w, "IONOS SE, Montabaur")
    text = w.options_form.facts.text()
    assert "IONOS SE, Montabaur" in text and SELF_HOSTED[lang] not in text
    assert w.checklist.item("email-contact").toolTip(0) == ""
    type_provider(w, "")  # an own mail server: still nothing that the description does not say
    assert SELF_HOSTED[lang] not in w.options_form.facts.text()


def test_software_we_run_ourselves_is_still_called_self_hosted(project_window, catalog):
    w = project_window
    service = catalog.services["matomo-self-hosted"]
    assert service.provider is None and catalog.without_provider(service) == "self_hosted"
    w.checklist.select_service(service.id)
    assert "Self-hosted: no outside provider" in w.options_form.facts.text()
    assert w.checklist.item(service.id).toolTip(0) == "Self-hosted: no outside provider"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_option_asked_as_a_question_gets_no_colon_after_its_question_mark(project_window, catalog, lang, ui_language):
    w = project_window
    ui_language(lang)
    w.options_form.set_language(lang)
    w.checklist.select_service("whatsapp-business")
    labels = [w.options_form.options_form.itemAt(row, w.options_form.options_form.ItemRole.LabelRole).widget().text()
              for row in range(w.options_form.options_form.rowCount())]
    assert labels and all(not text.endswith("?:") for text in labels), labels
    assert any(text.endswith("?") for text in labels) and any(text.endswith(":") for text in labels), labels
