"""The option form shows the log period the hoster states, and why, without writing it into the
project: only a value the user sets is kept."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox


def _tick(window, sid, on=True):
    window.checklist.item(sid).setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def test_the_log_period_follows_the_hoster_until_the_user_sets_one(project_window, ui_language):
    w = project_window
    ui_language("en")  # the English translator: its plural forms ("7 days")
    _tick(w, "server-logs")
    w.checklist.select_service("server-logs")
    form = w.options_form
    spin, hint = form.widgets["retention_days"], form.follow_hints["retention_days"]
    assert isinstance(spin, QSpinBox) and spin.value() == 14 and not form.options_form.isRowVisible(hint)
    w.editing.toggle_service("strato", True)  # ticked while the log form is shown (a scan, an undo)
    assert form.service_id == "server-logs" and spin.value() == 7
    assert form.options_form.isRowVisible(hint) and "STRATO" in hint.text() and "7 days" in hint.text()
    assert w.model.project.selected("server-logs").options == {}  # shown, not written
    w.undo_stack.undo()
    assert spin.value() == 14 and not form.options_form.isRowVisible(hint)
    _tick(w, "strato")  # from the list, which shows STRATO's options; back to the logs
    w.checklist.select_service("server-logs")
    spin, hint = form.widgets["retention_days"], form.follow_hints["retention_days"]
    assert spin.value() == 7
    spin.setValue(30)  # the user's own period wins, and the hint no longer claims it follows
    assert w.model.project.selected("server-logs").options == {"retention_days": 30}
    assert not form.options_form.isRowVisible(hint)
    w.undo_stack.undo()
    assert spin.value() == 7 and form.options_form.isRowVisible(hint)


def test_a_followed_period_of_one_day_is_said_in_the_singular(qtbot, tmp_path, ui_language):
    """review9: "Follows …: 1 days" / "1 Tage"; the hint counts its days as the status bar counts."""
    from packtools import MINIMAL_SERVICE, write_pack

    from editor.core.packs import load_catalog
    from editor.core.project import SelectedService, example_project
    from editor.gui.mainwindow import MainWindow
    from editor.resources import clause_packs_dir

    one_day = MINIMAL_SERVICE.format(id="daily-logs").replace(
        'role = "self_hosted"', 'role = "self_hosted"\nperiods = [{ data = "server_logs", days = 1 }]')
    write_pack(tmp_path / "packs", services=one_day)
    catalog = load_catalog([clause_packs_dir()], [tmp_path / "packs"])
    w = MainWindow(catalog=catalog, ui_language="en")
    w.persist_state = False
    qtbot.addWidget(w)
    project = example_project()
    project.services = [SelectedService(id="daily-logs"), SelectedService(id="server-logs")]
    w.session.set_project(project, None)
    ui_language("en")  # the English translator: its plural forms
    w.checklist.select_service("server-logs")
    hint = w.options_form.follow_hints["retention_days"]
    assert w.options_form.widgets["retention_days"].value() == 1
    assert "1 day." in hint.text() and "days" not in hint.text()
    ui_language("de")
    hint = w.options_form.follow_hints["retention_days"]
    assert "1 Tag." in hint.text() and "Tage" not in hint.text()
    w.undo_stack.setClean()


def test_a_value_of_the_wrong_type_in_the_file_still_shows_whose_period_applies(project_window):
    """review9: a hand-edited file's "retention_days": "lots" falls back to STRATO's 7 days (checks
    report the value), but the hint was hidden as if the user's own value applied."""
    from editor.core.project import SelectedService

    w = project_window
    project = w.model.project
    project.services = [SelectedService(id="strato"), SelectedService(id="server-logs", options={"retention_days": "lots"})]
    w.session.set_project(project, None)
    w.checklist.select_service("server-logs")
    form = w.options_form
    assert form.widgets["retention_days"].value() == 7
    assert form.options_form.isRowVisible(form.follow_hints["retention_days"])
