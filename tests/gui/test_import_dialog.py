"""File › Import existing policy…: the real dialog, the real importer in its worker thread, the real undo stack."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from editor.core.project import Controller, SelectedService
from editor.gui.targets import ControllerField

# a made-up old policy, written for this test
OLD_POLICY = """Datenschutzerklärung

1. Verantwortlicher

Verantwortlich für die Datenverarbeitung auf dieser Website ist:
Backstube Sonnenkorn GmbH
Lindenweg 7
54321 Kornstadt
E-Mail: hallo@sonnenkorn-backstube.example
Telefon: 0123 456789

2. Analyse
Wir nutzen Google Analytics. Zahlungen wickeln wir über PayPal ab. Nach dem TTDSG fragen wir Ihre Einwilligung ab.

Stand: 1. März 2019
"""


@pytest.fixture
def policy_file(tmp_path):
    path = tmp_path / "alte-datenschutzerklaerung.txt"
    path.write_text(OLD_POLICY, encoding="utf-8")
    return path


@pytest.fixture
def bakery_window(project_window):
    """A project whose company form has only the city filled in (with another city)."""
    project = project_window.model.project
    project.controller = Controller(city="Brotheim")
    project.services = [SelectedService(id="paypal")]
    project_window.model.replace(project)
    return project_window


def open_import(window, qtbot, path):
    asked = []
    window.prompts.ask_import_path = lambda folder: asked.append(folder) or str(path)
    window.act.import_policy.trigger()
    dialog = window.suggestions_dialog
    assert asked and dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    return dialog


def test_import_prefills_empty_company_fields_and_ticks_services_in_one_step(bakery_window, qtbot, policy_file):
    window = bakery_window
    dialog = open_import(window, qtbot, policy_file)
    services = {dialog.services_tree.topLevelItem(n).data(0, Qt.ItemDataRole.UserRole): dialog.services_tree.topLevelItem(n)
                for n in range(dialog.services_tree.topLevelItemCount())}
    assert set(services) == {"google-analytics", "paypal"}
    assert "already selected" in services["paypal"].text(0)
    assert services["google-analytics"].checkState(0) == Qt.CheckState.Checked
    assert "Google Analytics" in services["google-analytics"].text(2)  # the passage that names it

    boxes = dialog.company_boxes
    assert boxes["name"].isChecked() and boxes["name"].text() == "Company name: Backstube Sonnenkorn GmbH"
    assert boxes["street"].isChecked() and boxes["postcode"].isChecked() and boxes["email"].isChecked()
    city = boxes["city"]  # already filled with something else: replaced only when ticked by hand
    assert not city.isChecked() and "replaces “Brotheim”" in city.text()
    assert dialog.tabs.tabText(1) == "Company details (6)"

    findings = [dialog.findings.item(n).text() for n in range(dialog.findings.count())]
    assert any("TTDSG" in f for f in findings) and any("more than a year old" in f for f in findings)
    assert dialog.tabs.tabText(2) == f"About the old text ({len(findings)})"

    steps = window.undo_stack.count()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    project = window.model.project
    assert project.service_ids() == ["paypal", "google-analytics"]
    assert project.controller.name == "Backstube Sonnenkorn GmbH"
    assert project.controller.street == "Lindenweg 7" and project.controller.postcode == "54321"
    assert project.controller.city == "Brotheim"  # not overwritten
    assert window.company_form.bindings[ControllerField("name")].edit.text() == "Backstube Sonnenkorn GmbH"  # the form shows it
    assert window.undo_stack.count() == steps + 1
    assert window.act.undo.text() == "&Undo Import from alte-datenschutzerklaerung.txt"

    window.undo_stack.undo()  # services and company details at once
    project = window.model.project
    assert project.service_ids() == ["paypal"]
    assert project.controller == Controller(city="Brotheim")


def test_ticking_a_filled_field_replaces_it(bakery_window, qtbot, policy_file):
    dialog = open_import(bakery_window, qtbot, policy_file)
    dialog.company_boxes["city"].setChecked(True)
    dialog.company_boxes["phone"].setChecked(False)
    dialog.set_ticked("google-analytics", False)
    dialog.apply()
    controller = bakery_window.model.project.controller
    assert controller.city == "Kornstadt" and controller.phone == ""
    assert bakery_window.model.get(ControllerField("name")) == "Backstube Sonnenkorn GmbH"
    assert bakery_window.model.project.service_ids() == ["paypal"]


def test_nothing_ticked_cannot_be_applied(bakery_window, qtbot, policy_file):
    dialog = open_import(bakery_window, qtbot, policy_file)
    for box in dialog.company_boxes.values():
        box.setChecked(False)
    assert dialog.apply_button.isEnabled()  # Google Analytics is still ticked
    dialog.set_ticked("google-analytics", False)
    assert not dialog.apply_button.isEnabled()


@pytest.mark.parametrize("name, content, expected", [
    ("broken.docx", b"PK\x03\x04 this is no Word document", "is not a valid Word document"),
    ("scan.pdf", b"%PDF-1.4\n%%EOF garbage", "could not be read as a PDF"),
    ("picture.txt", bytes(range(256)) * 40, "looks like binary data"),
])
def test_a_broken_file_shows_one_sentence(bakery_window, qtbot, tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    dialog = open_import(bakery_window, qtbot, path)
    message = dialog.status.text()
    assert message and "\n" not in message and "Traceback" not in message
    assert expected in message and name in message
    assert not dialog.tabs.isVisible() and not dialog.apply_button.isEnabled()
    dialog.reject()
    assert bakery_window.undo_stack.count() == 0


def test_cancelled_file_dialog_opens_nothing(bakery_window):
    bakery_window.prompts.ask_import_path = lambda folder: ""
    bakery_window.act.import_policy.trigger()
    assert bakery_window.suggestions_dialog is None


def test_import_dialog_is_translated(bakery_window, qtbot, policy_file, ui_language):
    dialog = open_import(bakery_window, qtbot, policy_file)
    dialog.company_boxes["name"].setChecked(False)  # the user's choices survive the switch
    ui_language("de")
    assert dialog.windowTitle() == "Vorhandene Datenschutzerklärung importieren"
    assert dialog.apply_button.text() == "Auswahl &übernehmen"
    assert dialog.tabs.tabText(1) == "Unternehmensangaben (6)"
    assert dialog.tabs.tabText(2).startswith("Zum alten Text (")
    boxes = dialog.company_boxes
    assert boxes["name"].text() == "Firmenname: Backstube Sonnenkorn GmbH" and not boxes["name"].isChecked()
    assert "ersetzt „Brotheim“" in boxes["city"].text()
    assert bakery_window.act.import_policy.text() == "Vorhandene Datenschutzerklärung &importieren …"
