"""Nothing moves under the mouse: typing keeps the company form's layout, ticking a box in the
export dialog keeps the other rows where they were."""
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QFormLayout

from editor.core.project import Project
from editor.gui.targets import ControllerField


def settle():
    for _ in range(6):
        QApplication.processEvents()


def policies(form):
    return {f.rowWrapPolicy() for f in form.findChildren(QFormLayout)}


@pytest.mark.parametrize("size", [(1024, 700), (1920, 1080)])
def test_typing_into_a_company_field_keeps_the_row_wrap_policy(window, qtbot, size):
    window.session.set_project(Project(), None)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(0)
    settle()
    before = policies(window.company_form)
    assert len(before) == 1
    name = window.company_form.fields[ControllerField("name")]
    long = ("lumenladen Rosenrot am Marktplatz, Inhaberin Friederike Sonnenschein-Wiesengrund und Partnerinnen, "
            "Gartenbau und Floristik zu Hochzeiten, Trauerfeiern und Feste aller Art")
    for n, text in enumerate(("B", long)):  # the first letter, then more than a side-by-side line holds
        qtbot.keyClicks(name, text)
        qtbot.wait(50)
        settle()
        assert policies(window.company_form) == before, text
        window.live.run_checks()  # new findings change the dock's height, and so the column's
        window.resize(size[0], size[1] - 40 * (n + 1))
        settle()
        assert policies(window.company_form) == before, text
    window.resize(size[0] + 1, size[1])  # a resize decides again and may now fit the long name
    settle()
    assert len(policies(window.company_form)) == 1


def test_ticking_a_box_in_the_export_dialog_keeps_the_other_rows_still(qtbot, catalog, tmp_path):
    from editor.gui.export_dialog import ExportDialog

    project = Project()
    dialog = ExportDialog(catalog, project, tmp_path / "a-rather-long-project-file-name.policy.json")
    qtbot.addWidget(dialog)
    for box in [*dialog.format_boxes.values(), *dialog.lang_boxes.values()]:
        box.setChecked(False)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle()
    size = dialog.size()
    boxes = [*dialog.format_boxes.values(), dialog.review, *dialog.lang_boxes.values()]
    for ticked in boxes:
        where = {b: b.mapTo(dialog, QPoint(0, 0)) for b in boxes}
        ticked.click()
        settle()
        moved = [b.text() for b in boxes if b.mapTo(dialog, QPoint(0, 0)) != where[b]]
        assert not moved, f"ticking {ticked.text()!r} moved {moved}"
        # a dialog that grows moves on the screen (window managers keep it centred) and so do its rows
        assert dialog.size() == size, f"ticking {ticked.text()!r} resized the dialog"



@pytest.mark.parametrize("language", ["de", "en"])
def test_the_describe_button_shows_its_whole_text_at_1024x700(qtbot, catalog, language, ui_language):
    from editor.gui.mainwindow import MainWindow

    ui_language(language)
    win = MainWindow(catalog=catalog, ui_language=language)
    win.persist_state = False
    qtbot.addWidget(win)
    win.session.set_project(Project(), None)
    win.resize(1024, 700)
    win.show()
    qtbot.waitExposed(win)
    settle()
    qtbot.wait(50)
    settle()
    for narrow in (False, True):
        if narrow:  # the user dragged the checklist narrower
            sizes = win.splitter.sizes()
            win.splitter.setSizes([win.checklist.minimumSizeHint().width(), sizes[1] + sizes[0], sizes[2]])
            settle()
        for button in (win.checklist.describe, win.checklist.edit):
            text = button.text()
            assert button.width() >= button.sizeHint().width(), (text, button.width(), button.sizeHint().width())
    assert win.checklist.describe.toolTip()
    win.undo_stack.setClean()
