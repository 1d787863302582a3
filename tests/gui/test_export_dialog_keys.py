"""The export dialog asks before exporting a policy with open errors, and Enter exports."""
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from test_safety_export import _md_dialog as md_dialog

from editor.core import project as project_io


def one_error_project():
    """The example shop with Google Analytics but no consent banner: exactly one error."""
    project = project_io.example_project()
    project.services = [project_io.SelectedService(id="google-analytics")]
    return project


def answer_box(qtbot, answer, seen):
    """When the message box is up, note its texts and answer it: "enter", "escape" or a button text."""
    def act():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, act)
            return
        seen.append({"text": box.text(), "info": box.informativeText(), "default": box.defaultButton().text(),
                     "buttons": [b.text() for b in box.buttons()]})
        if answer == "enter":
            qtbot.keyClick(box, Qt.Key.Key_Return)
        elif answer == "escape":
            qtbot.keyClick(box, Qt.Key.Key_Escape)
        else:
            next(b for b in box.buttons() if b.text() == answer).click()
    QTimer.singleShot(20, act)


def test_open_errors_ask_first_and_the_default_is_not_to_export(project_window, catalog, tmp_path, qtbot, ui_language):
    from editor.core.export_gate import open_errors

    ui_language("en")  # the English plural forms come from the English translation, as in the app
    project = one_error_project()
    assert len(open_errors(catalog, project, lang="en")) == 1
    dialog = md_dialog(project_window, catalog, tmp_path, qtbot, project)
    dialog.show()
    for answer in ("enter", "escape"):
        seen = []
        answer_box(qtbot, answer, seen)
        dialog.export_button.click()
        assert seen and seen[-1]["text"] == "1 open error — export anyway?"
        assert seen[-1]["default"] == "&Don't export"
        assert "consent" in seen[-1]["info"]  # it names the error
        assert not (tmp_path / "policy-de.md").exists() and dialog.finished_jobs is None
    seen = []
    answer_box(qtbot, "Export &anyway", seen)
    with qtbot.waitSignal(dialog.done, timeout=30000):
        dialog.export_button.click()
    assert seen and (tmp_path / "policy-de.md").exists()


def test_the_question_names_the_count_in_the_interface_language(project_window, catalog, tmp_path, qtbot, ui_language):
    from editor.core.export_gate import open_errors

    project = one_error_project()
    project.controller.email = ""
    count = len(open_errors(catalog, project, lang="de"))
    assert count > 1
    ui_language("de")
    dialog = md_dialog(project_window, catalog, tmp_path, qtbot, project)
    dialog.show()
    seen = []
    answer_box(qtbot, "enter", seen)
    dialog.export_button.click()
    assert seen[-1]["text"] == f"{count} offene Fehler – trotzdem exportieren?"
    assert seen[-1]["default"] == "&Nicht exportieren"
    assert "Einwilligungs" in seen[-1]["info"]  # the findings themselves in German too
    assert not (tmp_path / "policy-de.md").exists()


def test_no_errors_no_question(project_window, catalog, tmp_path, qtbot, monkeypatch):
    dialog = md_dialog(project_window, catalog, tmp_path, qtbot)
    asked = []
    monkeypatch.setattr(dialog, "confirm_open_errors", lambda errors: asked.append(errors) or False)
    with qtbot.waitSignal(dialog.done, timeout=30000):
        dialog.export_button.click()
    assert asked == [] and (tmp_path / "policy-de.md").exists()


@pytest.mark.parametrize("focus", ["first", "folder", "base"])
def test_enter_exports_wherever_the_focus_is(project_window, catalog, tmp_path, qtbot, focus):
    dialog = md_dialog(project_window, catalog, tmp_path, qtbot)
    browsed = []
    dialog.ask_folder = lambda: browsed.append(1) or ""
    dialog.show()
    qtbot.waitExposed(dialog)
    widget = {"first": dialog.format_boxes["docx"], "folder": dialog.folder, "base": dialog.base}[focus]
    widget.setFocus()
    with qtbot.waitSignal(dialog.done, timeout=30000):
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert browsed == [] and (tmp_path / "policy-de.md").exists()
    assert dialog.export_button.isDefault()
