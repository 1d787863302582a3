"""The company form as a user drives it: the legal form as a choice, one website field with
https added, the federal state from the postcode; the save dialog's name from the company; the
export dialog's offer to set an old "Stand" to today."""
import datetime as _dt

from PySide6.QtCore import Qt

from editor.core import project as project_io
from editor.core.project import Project
from editor.gui.company_form import POSTCODE
from editor.gui.targets import STAND, STATE, WEBSITES, ControllerField
from test_mainwindow import leave  # the test folder is on sys.path (no package): shared helpers
from test_safety_export import _md_dialog





def _choose(combo, qtbot, key):
    """Pick the item with ``key`` the way a user does: open the list, move to it, press Enter."""
    combo.setFocus()
    index = combo.findData(key)
    assert index >= 0, key
    combo.showPopup()
    view = combo.view()
    view.setCurrentIndex(combo.model().index(index, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    combo.hidePopup()


def _new(window):
    window.session.set_project(Project(), None)
    return window.company_form


def test_the_legal_form_is_a_choice_stored_as_a_key(window, qtbot):
    form = _new(window)
    labels = [form.legal_form.itemText(i) for i in range(form.legal_form.count())]
    assert labels[0] == "— not set —" and "Sole proprietorship (not in the commercial register)" in labels
    assert form.legal_form.itemText(form.legal_form.findData("gmbh")) == "Limited liability company (GmbH)"
    qtbot.keyClicks(form.fields[ControllerField("name")], "Blumenladen Rosenrot")
    _choose(form.legal_form, qtbot, "sole_trader")
    assert window.model.project.controller.legal_form == "sole_trader"
    assert not form.legal_form_other.isVisibleTo(form)
    # the preview names the shop without a legal form glued on
    qtbot.waitUntil(lambda: "Blumenladen Rosenrot" in window.preview.toPlainText(), timeout=5000)
    assert "Einzelunternehmen" not in window.preview.toPlainText()
    window.undo_stack.undo()
    assert window.model.project.controller.legal_form == "" and form.legal_form.currentIndex() == 0


def test_other_opens_a_field_for_the_own_text(window, qtbot):
    form = _new(window)
    qtbot.keyClicks(form.fields[ControllerField("name")], "Acme")
    _choose(form.legal_form, qtbot, "other")
    assert form.legal_form_other.isVisibleTo(form)
    qtbot.keyClicks(form.legal_form_other, "Ltd.")
    c = window.model.project.controller
    assert (c.legal_form, c.legal_form_other) == ("other", "Ltd.")
    qtbot.waitUntil(lambda: "Acme Ltd." in window.preview.toPlainText(), timeout=5000)


def test_an_old_project_shows_its_migrated_form_and_a_hand_written_one(window, qtbot, tmp_path):
    project = project_io.example_project()
    project.controller.legal_form = "Ltd"  # not a key: a hand-edited file
    window.session.set_project(project, None)
    form = window.company_form
    assert form.legal_form.currentText() == "Ltd" and form.legal_form.currentData() == "Ltd"
    project = project_io.example_project()
    window.session.set_project(project, None)
    assert form.legal_form.currentData() == "gmbh"


def test_one_website_field_gets_https_when_the_user_leaves_it(window, qtbot):
    form = _new(window)
    assert ControllerField("website") not in form.fields  # the second, unlinked field is gone
    assert form.fields[WEBSITES] is form.websites and form.websites.parent() is not None
    qtbot.keyClicks(form.websites, "blumenladen-rosenrot.de")
    assert window.model.project.websites == ["blumenladen-rosenrot.de"]  # while typing: as typed
    steps = window.undo_stack.count()
    leave(form.websites)
    assert window.model.project.websites == ["https://blumenladen-rosenrot.de"]
    assert form.websites.toPlainText() == "https://blumenladen-rosenrot.de"
    assert window.undo_stack.count() == steps  # the same undo step as the typing
    qtbot.waitUntil(lambda: "https://blumenladen-rosenrot.de" in window.preview.toPlainText(), timeout=5000)
    window.undo_stack.undo()
    assert window.model.project.websites == []


def test_an_invalid_website_is_a_finding_in_the_list(window, qtbot):
    form = _new(window)
    qtbot.keyClicks(form.websites, "blumen laden")
    leave(form.websites)
    assert window.model.project.websites == ["https://blumen laden"]
    window.live.run_checks()
    (found,) = [f for f in window.findings.findings if f.code == "website-invalid"]
    assert found.target == "websites" and "is not a valid website address" in found.message


def test_a_postcode_fills_in_an_empty_state(window, qtbot):
    form = _new(window)
    qtbot.keyClicks(form.fields[POSTCODE], "5066")
    assert window.model.project.state == ""  # not a postcode yet
    qtbot.keyClicks(form.fields[POSTCODE], "7")
    assert window.model.project.state == "NW" and form.state.currentData() == "NW"
    assert not form.state_hint.isVisibleTo(form)
    window.undo_stack.undo()  # the state is its own step: the postcode stays
    assert window.model.project.state == "" and window.model.project.controller.postcode == "50667"


def test_a_legal_form_the_name_ends_with_fills_in_an_empty_legal_form(window, qtbot):
    """walk6 20: "Bäckerei Sonnenschein GmbH" left the legal form at "— not set —"."""
    form = _new(window)
    name = form.fields[ControllerField("name")]
    qtbot.keyClicks(name, "Backstube Sonnenschein GmbH")  # keyClicks types ASCII only
    assert window.model.project.controller.legal_form == ""  # not while typing: "… Gm" is no form yet
    qtbot.keyClick(name, Qt.Key.Key_Return)  # the user leaves the field
    assert window.model.project.controller.legal_form == "gmbh"
    assert form.legal_form.currentData() == "gmbh"
    assert "Sonnenschein GmbH GmbH" not in window.model.project.controller.name
    window.undo_stack.undo()  # its own step: the name stays
    assert window.model.project.controller.legal_form == ""
    assert window.model.project.controller.name == "Backstube Sonnenschein GmbH"
    # a form the user chose is never changed, and a name without one changes nothing
    _choose(form.legal_form, qtbot, "ag")
    qtbot.keyClicks(name, " & Co. KG")
    leave(name)
    assert window.model.project.controller.legal_form == "ag"
    form = _new(window)
    qtbot.keyClicks(form.fields[ControllerField("name")], "Hans Meier Gartenbau")
    qtbot.keyClick(form.fields[ControllerField("name")], Qt.Key.Key_Return)
    assert window.model.project.controller.legal_form == ""


def test_a_state_that_differs_from_the_postcode_is_offered(window, qtbot):
    form = _new(window)
    window.push(STATE, "BY", "state")
    qtbot.keyClicks(form.fields[POSTCODE], "50667")
    assert window.model.project.state == "BY"  # a chosen state is never overwritten
    assert form.state_hint.isVisibleTo(form)
    assert form.state_hint_text.text() == "The postcode 50667 is in North Rhine-Westphalia."
    qtbot.mouseClick(form.use_postcode_state, Qt.MouseButton.LeftButton)
    assert window.model.project.state == "NW" and not form.state_hint.isVisibleTo(form)


def test_a_border_postcode_neither_fills_nor_offers(window, qtbot):
    form = _new(window)
    qtbot.keyClicks(form.fields[POSTCODE], "07919")  # places in Saxony and Thuringia
    assert window.model.project.state == ""
    window.push(STATE, "TH", "state")
    assert not form.state_hint.isVisibleTo(form)


def test_the_save_dialog_offers_the_company_name(window, qtbot, tmp_path):
    form = _new(window)
    qtbot.keyClicks(form.fields[ControllerField("name")], "Blumenladen Rosenrot")
    offered = []
    window.prompts.ask_save_path = lambda current, folder, stem="": offered.append((current, stem)) or ""
    window.session.save()
    assert offered == [(None, "blumenladen-rosenrot")]


def test_the_save_dialog_starts_with_that_name(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    seen = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda parent, title, start, filters: seen.append(start) or ("", ""))
    window.prompts.ask_save_path(None, "/tmp/x", "blumenladen-rosenrot")
    window.prompts.ask_save_path(None, "/tmp/x", "")
    assert seen == ["/tmp/x/blumenladen-rosenrot.policy.json", "/tmp/x/privacy-policy.policy.json"]


# --- the export dialog's "Stand" ----------------------------------------------------------------

def test_an_old_stand_is_offered_for_update_and_on_by_default(project_window, catalog, qtbot, tmp_path):
    w = project_window
    w.push(STAND, "2025-03-01", "stand")
    dialog = _md_dialog(w, catalog, tmp_path, qtbot)
    assert dialog.update_stand.isVisibleTo(dialog) and dialog.update_stand.isChecked()
    assert "01.03.2025" in dialog.update_stand.text()
    today = _dt.date.today()
    pushed = []
    dialog.stand_updated.connect(pushed.append)
    with qtbot.waitSignal(dialog.done, timeout=30000):
        dialog.export_button.click()
    text = (tmp_path / "policy-de.md").read_text(encoding="utf-8")
    assert f"Stand: {today:%d.%m.%Y}" in text
    assert pushed == [today.isoformat()]


def test_the_window_records_the_new_stand_as_an_undo_step(project_window, catalog, qtbot, tmp_path, monkeypatch):
    from editor.gui import export_dialog

    w = project_window
    w.push(STAND, "2025-03-01", "stand")

    def run(dialog):  # what the user does in the modal dialog: export, then close
        for key, box in dialog.format_boxes.items():
            box.setChecked(key == "md")
        dialog.folder.setText(str(tmp_path))
        with qtbot.waitSignal(dialog.done, timeout=30000):
            dialog.export_button.click()
        return 0

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", run)
    w.export_dialog()
    assert w.model.project.stand == _dt.date.today().isoformat()
    while w.model.project.stand == _dt.date.today().isoformat():
        w.undo_stack.undo()
    assert w.model.project.stand == "2025-03-01"


def test_unticked_the_stand_stays(project_window, catalog, qtbot, tmp_path):
    w = project_window
    w.push(STAND, "2025-03-01", "stand")
    dialog = _md_dialog(w, catalog, tmp_path, qtbot)
    dialog.update_stand.setChecked(False)
    pushed = []
    dialog.stand_updated.connect(pushed.append)
    with qtbot.waitSignal(dialog.done, timeout=30000):
        dialog.export_button.click()
    assert "Stand: 01.03.2025" in (tmp_path / "policy-de.md").read_text(encoding="utf-8")
    assert pushed == [] and w.model.project.stand == "2025-03-01"


def test_a_current_or_empty_stand_is_not_offered(project_window, catalog, qtbot, tmp_path):
    w = project_window
    for stand in (_dt.date.today().isoformat(), ""):
        w.push(STAND, stand, "stand")
        dialog = _md_dialog(w, catalog, tmp_path, qtbot)
        assert not dialog.update_stand.isVisibleTo(dialog) and not dialog.update_stand.isChecked()


def test_a_foreign_address_gets_no_state_from_its_postcode(window, qtbot):
    form = _new(window)
    window.push(ControllerField("country"), "Österreich", "country")
    qtbot.keyClicks(form.fields[POSTCODE], "50667")
    assert window.model.project.state == ""


def test_the_legal_forms_follow_the_interface_language(window, qtbot, ui_language):
    form = _new(window)
    ui_language("de")
    assert form.legal_form.itemText(form.legal_form.findData("sole_trader")) == "Einzelunternehmen (nicht im Handelsregister)"
    assert form.legal_form.itemText(0) == "– nicht gewählt –" and form.labels[WEBSITES].text() == "Web&site:"
    window.push(STATE, "BY", "state")
    qtbot.keyClicks(form.fields[POSTCODE], "50667")
    assert form.state_hint_text.text() == "Die PLZ 50667 liegt in Nordrhein-Westfalen."
    ui_language("en")
    assert form.legal_form.itemText(form.legal_form.findData("sole_trader")).startswith("Sole proprietorship")
    assert form.state_hint_text.text() == "The postcode 50667 is in North Rhine-Westphalia."


def test_an_unsaved_project_exports_under_the_company_name(window, catalog, qtbot):
    from editor.gui.export_dialog import ExportDialog

    form = _new(window)
    qtbot.keyClicks(form.fields[ControllerField("name")], "Blumenladen Rosenrot")
    dialog = ExportDialog(catalog, window.model.project, None, window)
    qtbot.addWidget(dialog)
    assert dialog.base.text() == "blumenladen-rosenrot"


def test_the_register_field_fits_any_register(window, qtbot, ui_language):
    """walk10: a partnership's 'PR 720123 Amtsgericht Stuttgart' went into a field labelled
    'Handelsregister'; the policy prints 'Registereintrag', and so does the form now."""
    form = _new(window)
    register = ControllerField("register")
    ui_language("de")
    assert form.labels[register].text().replace("&", "") == "Registereintrag:"
    ui_language("en")
    assert form.labels[register].text().replace("&", "") == "Register entry:"
