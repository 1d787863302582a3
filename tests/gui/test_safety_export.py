"""Autosave and crash recovery; the export dialog."""
import json
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtGui import QDesktopServices

from editor.core import project as project_io
from editor.gui.targets import ControllerField, ServiceTarget


def test_autosave_written_after_timer_and_removed_on_save(project_window, isolated, tmp_path, qtbot):
    w = project_window
    assert w.session.autosave_now() is None  # nothing unsaved yet
    qtbot.keyClicks(w.company_form.fields[ControllerField("city")], "X")
    w.session.autosave_timer.timeout.emit()  # what the 30 s timer does
    files = list((isolated / "autosave").glob("*.policy.json"))
    assert len(files) == 1
    assert project_io.load(files[0]).controller.city.endswith("X")
    w.prompts.ask_save_path = lambda *_: str(tmp_path / "saved.policy.json")
    assert w.session.save()
    assert list((isolated / "autosave").glob("*.policy.json")) == []


def test_restore_after_crash_in_another_process(window, isolated, tmp_path):
    """A child process edits, autosaves and dies without cleaning up; we offer its work."""
    original = tmp_path / "shop.policy.json"
    project_io.save(project_io.example_project(), original)
    script = textwrap.dedent(f"""
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from pathlib import Path
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path / 'cfg2')!r})
        from editor.gui import settings
        settings.data_dir = lambda: Path({str(isolated)!r})
        from editor.gui.mainwindow import MainWindow
        from editor.gui.targets import ControllerField
        w = MainWindow(ui_language="de")
        w.session.open_path({str(original)!r})
        w.push(ControllerField("city"), "Crashstadt", "city")
        assert w.session.autosave_now()
        os._exit(3)  # a crash: no clean close, lock and autosave stay behind
    """)
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=60)
    assert result.returncode == 3, result.stderr
    assert list((isolated / "autosave").glob("*.lock"))
    questions = []
    window.prompts.ask_restore = lambda question: questions.append(question) or True
    assert window.session.offer_recovery()
    assert "shop.policy.json" in questions[0]
    assert window.model.project.controller.city == "Crashstadt"
    assert window.session.path == original.resolve()
    assert window.isWindowModified()
    assert project_io.load(original).controller.city == "Köln"  # the file itself is untouched
    # the orphan is consumed; only this session's own autosave remains
    metas = list((isolated / "autosave").glob("*.meta.json"))
    assert [m.name.startswith(window.session.autosave.session) for m in metas] == [True]


def test_running_session_is_not_offered(window, isolated, qtbot, catalog):
    from editor.gui.mainwindow import MainWindow

    other = MainWindow(catalog=catalog, ui_language="en")
    qtbot.addWidget(other)
    other.session.set_project(project_io.example_project(), None)
    other.push(ControllerField("city"), "Live", "city")
    assert other.session.autosave_now()
    window.prompts.ask_restore = lambda q: (_ for _ in ()).throw(AssertionError("must not ask"))
    assert not window.session.offer_recovery()
    other.undo_stack.setClean()
    other.session.autosave.remove()


def test_discarded_restore_deletes_autosave(window, isolated):
    folder = isolated / "autosave"
    folder.mkdir(parents=True)
    project_io.save(project_io.example_project(company="Verworfen"), folder / "123-dead.policy.json")
    (folder / "123-dead.meta.json").write_text(json.dumps({"original": "", "time": "2026-01-02T10:00:00"}))
    asked = []
    window.prompts.ask_restore = lambda q: asked.append(q) or False
    assert not window.session.offer_recovery()
    assert asked and "new project" in asked[0]
    assert list(folder.iterdir()) == []


def test_export_dialog_writes_files(project_window, tmp_path, qtbot, catalog, monkeypatch):
    from editor.gui.export_dialog import ExportDialog

    w = project_window
    w.push(ServiceTarget(sorted(catalog.services)[0]), (0, project_io.SelectedService(id=sorted(catalog.services)[0])), "tick")
    dialog = ExportDialog(catalog, w.model.project, None, w)
    qtbot.addWidget(dialog)
    dialog.confirm_open_errors = lambda errors: True  # the service may have open errors: export anyway
    for key, box in dialog.format_boxes.items():
        box.setChecked(key in ("md", "txt", "fragment", "pdf"))
    dialog.lang_boxes["de"].setChecked(True)
    dialog.lang_boxes["en"].setChecked(True)
    out = tmp_path / "out"
    dialog.folder.setText(str(out))
    dialog.base.setText("policy")
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.open_button.isVisible() and not dialog.result.isVisible()  # nothing written yet
    with qtbot.waitSignal(dialog.done, timeout=30000):
        dialog.export_button.click()
    expected = [f"policy-{lang}{suffix}" for lang in ("de", "en") for suffix in ("-fragment.html", ".md", ".txt", ".pdf")]
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)
    assert all(not j.error for j in dialog.finished_jobs), [j.error for j in dialog.finished_jobs]
    assert "Datenschutzerklärung" in (out / "policy-de.md").read_text(encoding="utf-8")
    assert "Privacy Policy" in (out / "policy-en.md").read_text(encoding="utf-8")
    assert (out / "policy-de.pdf").read_bytes().startswith(b"%PDF")
    # the dialog stays open and says exactly what it wrote where
    assert dialog.isVisible() and dialog.result.isVisible() and dialog.open_button.isVisible()
    assert dialog.result.text() == f"8 file(s) written to {out}:\n" + "\n".join("  " + n for n in expected)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    dialog.open_button.click()
    assert opened == [str(out)]
    # the choice is remembered for next time
    again = ExportDialog(catalog, w.model.project, None, w)
    qtbot.addWidget(again)
    assert [k for k, b in again.format_boxes.items() if b.isChecked()] == ["fragment", "md", "txt", "pdf"]
    assert again.chosen_languages() == ["de", "en"]


def test_export_dialog_needs_a_format(project_window, qtbot, catalog):
    from editor.gui.export_dialog import ExportDialog

    dialog = ExportDialog(catalog, project_window.model.project, None, project_window)
    qtbot.addWidget(dialog)
    dialog.lang_boxes["de"].setChecked(True)
    for box in dialog.format_boxes.values():
        box.setChecked(False)
    assert not dialog.export_button.isEnabled()
    assert dialog.names_hint.text() == "Choose at least one format and one language."
    assert not dialog.review.isEnabled()  # the review edition is a DOCX feature
    dialog.format_boxes["docx"].setChecked(True)
    assert dialog.export_button.isEnabled() and dialog.review.isEnabled()
    base = dialog.base.text()  # the example's policy is in both languages: both are chosen
    assert dialog.names_hint.text() == f"Files: {base}-de.docx, {base}-en.docx"
    for box in dialog.lang_boxes.values():
        box.setChecked(False)
    assert not dialog.export_button.isEnabled()


def test_export_into_a_folder_that_cannot_be_made_says_so(project_window, tmp_path, qtbot, catalog):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    dialog = _md_dialog(project_window, catalog, blocker / "out", qtbot)
    dialog.show()
    dialog.export_button.click()
    assert dialog.result.isVisible() and not dialog.open_button.isVisible()
    assert dialog.result.text().startswith(f"Not written:\nThe folder {blocker / 'out'} cannot be created (")
    assert not (blocker / "out").exists() and dialog.finished_jobs is None


def _md_dialog(window, catalog, folder, qtbot, project=None):
    """An export dialog for ``project`` (default: the window's) set to German Markdown into ``folder``."""
    from editor.gui.export_dialog import ExportDialog

    dialog = ExportDialog(catalog, project or window.model.project, None, window)
    qtbot.addWidget(dialog)
    for key, box in dialog.format_boxes.items():
        box.setChecked(key == "md")
    dialog.lang_boxes["de"].setChecked(True)
    dialog.lang_boxes["en"].setChecked(False)
    dialog.folder.setText(str(folder))
    dialog.base.setText("policy")
    return dialog


def test_export_asks_before_replacing_files(project_window, tmp_path, qtbot, catalog, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "policy-de.md").write_text("the lawyer's annotated copy", encoding="utf-8")
    dialog = _md_dialog(project_window, catalog, folder, qtbot)
    asked = []
    monkeypatch.setattr(dialog, "confirm_overwrite", lambda names: asked.append(names) or False)
    dialog.export_button.click()
    assert asked == [["policy-de.md"]]
    assert (folder / "policy-de.md").read_text(encoding="utf-8") == "the lawyer's annotated copy"
    monkeypatch.setattr(dialog, "confirm_overwrite", lambda names: True)
    with qtbot.waitSignal(dialog.done, timeout=30000):
        dialog.export_button.click()
    assert "Datenschutzerklärung" in (folder / "policy-de.md").read_text(encoding="utf-8")


def export_md(window, catalog, folder, qtbot):
    dialog = _md_dialog(window, catalog, folder, qtbot)
    with qtbot.waitSignal(dialog.done, timeout=30000):
        dialog.export_button.click()
    window.record_exports(dialog.finished_jobs)
    return dialog


def saved_project_window(window, tmp_path):
    path = tmp_path / "shop.policy.json"
    project_io.save(project_io.example_project(), path)
    assert window.session.open_path(str(path))
    return path


def test_export_then_close_asks_nothing_and_the_record_is_in_the_file(window, tmp_path, qtbot, catalog):
    path = saved_project_window(window, tmp_path)
    (tmp_path / "out").mkdir()
    export_md(window, catalog, tmp_path / "out", qtbot)
    assert not window.isWindowModified() and window.undo_stack.count() == 0
    (record,) = project_io.load(path).export_history
    assert record.format == "md" and record.language == "de" and len(record.sha256) == 64
    assert record.path == "out/policy-de.md"  # relative to the project file
    assert str(tmp_path) not in path.read_text(encoding="utf-8")
    assert window.model.project.export_history == [record]
    asked = []
    window.prompts.ask_unsaved = lambda name: asked.append(name) or "cancel"
    assert window.close() and asked == []
    # saving later keeps the one record
    assert project_io.load(path).export_history == [record]


def test_export_with_unsaved_edits_writes_only_the_record(window, tmp_path, qtbot, catalog):
    path = saved_project_window(window, tmp_path)
    window.push(ControllerField("city"), "Bonn", "City")
    export_md(window, catalog, tmp_path, qtbot)
    on_disk = project_io.load(path)
    assert len(on_disk.export_history) == 1 and on_disk.controller.city != "Bonn"  # the edit stays unsaved
    assert window.isWindowModified()
    assert window.session.save()  # no "changed by another program": the session knows the new file
    on_disk = project_io.load(path)
    assert len(on_disk.export_history) == 1 and on_disk.controller.city == "Bonn"


def test_a_file_changed_by_another_program_keeps_the_record_as_an_unsaved_change(window, tmp_path, qtbot, catalog):
    path = saved_project_window(window, tmp_path)
    other = project_io.load(path)
    other.controller.city = "Elsewhere"
    project_io.save(other, path)
    export_md(window, catalog, tmp_path, qtbot)
    assert project_io.load(path).export_history == [] and project_io.load(path).controller.city == "Elsewhere"
    assert len(window.model.project.export_history) == 1 and window.isWindowModified()
    window.undo_stack.undo()
    assert window.model.project.export_history == []


def test_an_untitled_project_keeps_the_record_without_asking_and_saves_it_relative(project_window, tmp_path, qtbot,
                                                                                  catalog):
    w = project_window
    (tmp_path / "exports").mkdir()
    export_md(w, catalog, tmp_path / "exports", qtbot)
    (record,) = w.model.project.export_history
    assert record.path == str(tmp_path / "exports" / "policy-de.md")  # no project file to be relative to yet
    assert not w.isWindowModified() and w.undo_stack.count() == 0
    w.prompts.ask_save_path = lambda *_: str(tmp_path / "projects" / "new.policy.json")
    (tmp_path / "projects").mkdir()
    assert w.session.save()
    (saved,) = project_io.load(tmp_path / "projects" / "new.policy.json").export_history
    assert saved.path == "../exports/policy-de.md" and saved.sha256 == record.sha256
    # Save As elsewhere: the path follows the project file
    (tmp_path / "projects" / "deeper").mkdir()
    w.prompts.ask_save_path = lambda *_: str(tmp_path / "projects" / "deeper" / "moved.policy.json")
    assert w.session.save_as()
    (moved,) = project_io.load(tmp_path / "projects" / "deeper" / "moved.policy.json").export_history
    assert moved.path == "../../exports/policy-de.md"


def test_a_file_that_cannot_be_opened_at_start_leaves_the_start_page(isolated, tmp_path, qtbot, monkeypatch):
    from editor.gui.app import create_window
    from editor.gui.prompts import Prompts

    broken = tmp_path / "broken.policy.json"
    broken.write_text('{"format": "policy-editor-project", "schema_version": 99}', encoding="utf-8")
    shown = []
    monkeypatch.setattr(Prompts, "show_error", lambda self, title, text, details="": shown.append(text))
    window = create_window(str(broken), "en", defer_catalog=True)
    qtbot.addWidget(window)
    assert not window.session.has_project and window.stack.currentWidget() is window.welcome
    assert shown and "newer Policy Editor" in shown[0]
    assert broken.read_text(encoding="utf-8").endswith("99}")  # untouched


def test_the_review_edition_from_the_export_dialog_gets_the_notes(catalog, tmp_path):
    import docx as python_docx

    from editor.core.compose import compose
    from editor.core.project import SelectedService, example_project
    from editor.gui.export_dialog import Job, run_job

    project = example_project()
    project.services = [SelectedService(id="cookiebot")]
    job = Job("docx", "de", tmp_path / "review.docx", review=True)
    run_job(job, compose(catalog, project, "de"), catalog, project)
    assert not job.error
    doc = python_docx.Document(str(job.path))
    assert any(p.text.startswith("☐ Setzen Sie auf jede Seite") for p in doc.paragraphs)  # the to-do list
    assert any("Anbieter: Usercentrics" in c.text for c in doc.comments)
