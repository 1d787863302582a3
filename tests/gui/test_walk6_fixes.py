"""Findings of a new user's walk-through (walk6) that lead to where they can be fixed."""
import pytest
from PySide6.QtCore import Qt
from test_own_service_form import confirm, fill  # the test folder is on sys.path (no package)


def shown(w):
    w.resize(1400, 900)
    w.show()
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()
    return w


def click_finding(w, code):
    w.live.run_checks()
    (row,) = [i for i, f in enumerate(w.findings.findings) if f.code == code]
    w.findings.itemClicked.emit(w.findings.item(row))


def test_no_hosting_provider_leads_to_the_hosting_category_and_clears_a_stale_search(project_window, catalog, qtbot):
    w = shown(project_window)
    project = w.model.project
    project.websites = ["https://www.example.de"]
    from editor.core.project import SelectedService

    project.services = [SelectedService(id="stripe")]  # a service, but no hosting provider
    w.session.set_project(project, None)
    w.checklist.search.setText("stripe")  # the previous search
    w.tabs.setCurrentIndex(0)
    click_finding(w, "no-hosting")
    checklist = w.checklist
    assert checklist.search.text() == ""
    category = checklist.tree.currentItem()
    assert category is not None and category.text(0) == catalog.categories["hosting"].title.get("en")
    assert category.isExpanded() and category.childCount() > 3
    viewport = checklist.tree.viewport().rect()
    assert viewport.contains(checklist.tree.visualItemRect(category))
    assert viewport.contains(checklist.tree.visualItemRect(category.child(0)))
    assert checklist.tree.hasFocus()


def test_a_category_target_is_read_once():
    from editor.gui.targets import CategoryTarget, finding_target

    assert finding_target("category:hosting") == CategoryTarget("hosting")
    assert finding_target("category:") is None


def test_an_own_service_lacking_english_opens_in_its_editor(project_window):
    """walk6 #13: following the finding only highlighted the service; the fix is in its editor."""
    w = shown(project_window)
    w.checklist.describe.click()
    fill(w.own_service_dialog, name="VR Payment", en=False)
    confirm(w)
    w.tabs.setCurrentIndex(0)
    click_finding(w, "own-language")
    dialog = w.own_service_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.names["de"].text() == "VR Payment"
    assert w.checklist.current_service() == "own-vr-payment"
    dialog.reject()


def test_a_catalog_services_finding_opens_no_dialog(project_window):
    from editor.gui.targets import ServiceTarget

    w = shown(project_window)
    w.navigator.go(ServiceTarget("stripe"))
    assert w.own_service_dialog is None and w.checklist.current_service() == "stripe"


def test_a_postcode_of_four_digits_leads_to_its_field(project_window):
    from editor.gui.targets import ControllerField

    w = shown(project_window)
    w.activateWindow()
    w.model.project.controller.postcode = "7909"
    w.tabs.setCurrentIndex(2)
    click_finding(w, "postcode-invalid")
    assert w.tabs.currentIndex() == 0
    assert w.focusWidget() is w.company_form.fields[ControllerField("postcode")]


def unknown_project(catalog):
    from editor.core.project import SelectedService, example_project

    project = example_project()
    project.services = [SelectedService(id="stripe"), SelectedService(id="sumup-terminal-typo")]
    return project


def test_a_service_no_pack_knows_is_removed_from_its_finding_as_one_undo_step(window, catalog):
    """walk6 #5: the finding led to an empty service tab; only editing the JSON helped."""
    w = shown(window)
    w.session.set_project(unknown_project(catalog), None)
    asked = []

    def answer(name):
        asked.append(name)
        return True

    w.prompts.ask_remove_unknown = answer
    steps = w.undo_stack.count()
    click_finding(w, "unknown-service")
    assert asked == ["sumup-terminal-typo"]
    assert w.model.project.service_ids() == ["stripe"]
    assert w.undo_stack.count() == steps + 1 and "sumup-terminal-typo" in w.undo_stack.undoText()
    w.live.run_checks()
    assert "unknown-service" not in [f.code for f in w.findings.findings]
    w.undo_stack.undo()
    assert w.model.project.service_ids() == ["stripe", "sumup-terminal-typo"]


def test_declining_to_remove_it_changes_nothing(window, catalog):
    w = shown(window)
    w.session.set_project(unknown_project(catalog), None)
    w.prompts.ask_remove_unknown = lambda _name: False
    steps = w.undo_stack.count()
    click_finding(w, "unknown-service")
    assert w.model.project.service_ids() == ["stripe", "sumup-terminal-typo"] and w.undo_stack.count() == steps


def test_the_count_of_selected_services_names_the_unknown_one(window, catalog, ui_language):
    w = shown(window)
    w.session.set_project(unknown_project(catalog), None)
    ui_language("en")
    assert w.checklist.total.text() == "1 service selected, 1 not in any installed clause pack"
    ui_language("de")
    assert w.checklist.total.text() == "1 Dienst ausgewählt, 1 in keinem installierten Baustein-Paket"
    from editor.gui.targets import ServiceTarget

    w.push(ServiceTarget("sumup-terminal-typo"), None, "Remove")
    assert w.checklist.total.text() == "1 Dienst ausgewählt"


def test_the_export_refusal_quotes_the_unknown_service_in_the_interface_language(window, catalog, ui_language):
    w = shown(window)
    w.session.set_project(unknown_project(catalog), None)
    ui_language("de")
    w.dialogs.export_dialog()
    (title, text), = w.errors
    assert "„sumup-terminal-typo“" in text and "“sumup" not in text


@pytest.mark.parametrize("lang, words", [("de", "ist beschädigt und kann nicht gelesen werden: In Zeile"),
                                         ("en", "is damaged and cannot be read: in line")])
def test_a_damaged_file_is_explained_in_the_interface_language(window, tmp_path, ui_language, lang, words):
    from editor.core.project import example_project, save

    path = tmp_path / "shop.policy.json"
    save(example_project(), path)
    content = path.read_bytes()[:-40]
    path.write_bytes(content)
    ui_language(lang)
    assert not window.session.open_path(str(path))
    (title, text), = window.errors
    assert words in text and "Unterminated" not in text and "Expecting" not in text
    assert path.read_bytes() == content


def test_message_boxes_show_a_project_files_text_as_it_is(window):
    """review: a service id or path from a project file was shown as rich text (QMessageBox's
    AutoText): "<img …>" or "<b>" in a file someone sent could change what the dialog says."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    from editor.gui.prompts import Prompts

    prompts, seen = Prompts(window), []

    def look():
        box = QApplication.activeModalWidget()
        seen.extend((label.textFormat(), label.text()) for label in box.findChildren(QLabel) if label.text())
        box.reject()

    hostile = '<b>x</b><img src="file:///etc/passwd">'
    QTimer.singleShot(0, look)
    assert prompts.ask_remove_unknown(hostile) is False
    QTimer.singleShot(0, look)
    prompts.show_error("Title", f"The file {hostile} is damaged.")
    quoting = [(fmt, text) for fmt, text in seen if hostile in text]
    assert len(quoting) == 2 and all(fmt == Qt.TextFormat.PlainText for fmt, _ in quoting), seen


def test_an_unusable_own_service_is_not_counted_as_unknown_to_every_pack(window, catalog, ui_language):
    """review: the count took every selected id missing from the list as "in no installed
    clause pack", also an own service whose record cannot be used (its own finding says why)."""
    from editor.core.project import SelectedService, example_project

    w = shown(window)
    ui_language("en")
    project = example_project()
    project.own_services = [{"id": "own-broken", "purposes": "none"}]
    project.services = [SelectedService(id="stripe"), SelectedService(id="own-broken"),
                        SelectedService(id="sumup-terminal-typo")]
    w.session.set_project(project, None)
    assert w.checklist.total.text() == "1 service selected, 1 not in any installed clause pack"
