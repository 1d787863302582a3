"""The option form shows the log period the hoster states, and why, without writing it into the
project: only a value the user sets is kept."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox


def _tick(window, sid, on=True):
    window.checklist.item(sid).setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def test_the_log_period_follows_the_hoster_until_the_user_sets_one(project_window):
    w = project_window
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
