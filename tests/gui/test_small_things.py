"""Small things users notice: the recovery date, the preview following a tick, the DPO hint only
where § 38 BDSG can apply."""
import datetime

import pytest
from PySide6.QtCore import Qt

from editor.gui.session import recovery_time
from editor.gui.targets import STAFF_20_PLUS


@pytest.mark.parametrize("lang, expected", [("de", "Mittwoch, 2. Dezember 2026, 18:05"),
                                            ("en", "Wednesday, 2 December 2026, 18:05")])
def test_recovery_time_is_a_proper_date(lang, expected):
    assert recovery_time(datetime.datetime(2026, 12, 2, 18, 5), lang) == expected


def test_recovery_question_shows_the_readable_date(window, tmp_path):
    from editor.core.project import example_project, save
    from editor.gui.autosave import Orphan

    saved = tmp_path / "autosave.policy.json"
    save(example_project(), saved)
    when = datetime.datetime(2026, 12, 2, 18, 5)
    orphan = Orphan("s", saved, tmp_path / "meta", tmp_path / "lock", "", when)
    window.session.autosave.orphans = lambda: [orphan]
    asked = []
    window.prompts.ask_restore = lambda question: asked.append(question) or False
    window.session.offer_recovery()
    assert asked and "Wednesday, 2 December 2026, 18:05" in asked[0]


def test_ticking_a_service_scrolls_the_preview_to_its_section(project_window, catalog, qtbot):
    w = project_window
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    bar = w.preview.verticalScrollBar()
    bar.setValue(0)
    sid = sorted(catalog.services)[-1]
    w.checklist.item(sid).setCheckState(0, Qt.CheckState.Checked)
    assert sid in w.model.project.service_ids()
    cursor_rect = w.preview.cursorRect()
    assert bar.value() > 0 and 0 <= cursor_rect.top() < w.preview.viewport().height()
    assert w.preview.unit_at(w.preview.textCursor().position()).id == f"service-{sid}"


def test_dpo_task_only_with_twenty_or_more_people(project_window):
    w = project_window
    assert w.model.project.dpo is None
    w.live.run_checks()
    assert "dpo-check" not in {f.task for f in w.findings.findings}
    w.company_form.staff_20.click()
    assert w.model.project.staff_20_plus is True
    w.live.run_checks()
    assert "dpo-check" in {f.task for f in w.findings.findings}
    w.undo_stack.undo()
    assert not w.company_form.staff_20.isChecked() and w.model.project.staff_20_plus is False
