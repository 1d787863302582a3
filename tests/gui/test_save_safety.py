"""No lost work in the window: every save failure is shown and keeps the window and its changes;
another program's changes and read-only files are asked about; autosave entries survive damage."""
import json
import os

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.core import project as project_io
from editor.gui.targets import CUSTOM_SECTIONS, ControllerField

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX files")


def answer_box(button_text, seen):
    """Click the button named ``button_text`` of the modal box that is about to open."""
    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
        button.click()
    QTimer.singleShot(20, click)


@pytest.fixture
def opened(window, example_file):
    assert window.session.open_path(str(example_file))
    return window


def test_surrogate_typed_in_a_field_saves_and_closing_with_save_really_saves(opened, example_file):
    w = opened
    w.push(ControllerField("city"), "K\ud800ln", "city")
    assert w.model.project.controller.city == "K\ufffdln"
    w.prompts.ask_unsaved = lambda _name: "save"
    assert w.close()
    assert project_io.load(example_file).controller.city == "K\ufffdln"


def test_every_save_failure_is_shown_and_the_window_stays_open_and_modified(opened, monkeypatch, qtbot):
    w = opened
    w.show()
    w.push(ControllerField("city"), "Bonn", "city")

    def broken(*args, **kwargs):
        raise UnicodeEncodeError("utf-8", "x", 0, 1, "surrogates not allowed")  # what closing did before

    monkeypatch.setattr(project_io, "save", broken)
    w.prompts.ask_unsaved = lambda _name: "save"
    assert not w.close()
    assert w.isVisible() and w.isWindowModified() and w.session.has_project
    assert w.errors and w.errors[-1][0] == "The project was not saved"
    assert "UnicodeEncodeError" in w.errors[-1][1] and "still open" in w.errors[-1][1]
    assert not w.undo_stack.isClean()


def test_full_disk_message_is_the_plain_sentence(opened, monkeypatch):
    import errno

    from editor.core import atomic

    w = opened
    w.push(ControllerField("city"), "Bonn", "city")
    monkeypatch.setattr(atomic, "_write_all", lambda fd, data: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
    assert not w.session.save()
    assert "because the disk is full" in w.errors[-1][1]
    assert w.isWindowModified()


def test_file_changed_by_another_program_asks_with_a_real_dialog(opened, example_file, qtbot):
    from editor.gui.prompts import Prompts

    w = opened
    w.prompts.ask_file_changed = Prompts.ask_file_changed.__get__(w.prompts)
    other = project_io.load(example_file)
    other.controller.city = "Anderes Programm"
    project_io.save(other, example_file)
    w.push(ControllerField("city"), "Mein Ort", "city")
    seen = []
    answer_box("Cancel", seen)
    assert not w.session.save()
    assert seen == ["The file was changed by another program since you opened it."]
    assert project_io.load(example_file).controller.city == "Anderes Programm"
    assert w.isWindowModified()
    answer_box("Overwrite", seen)
    assert w.session.save()
    assert project_io.load(example_file).controller.city == "Mein Ort"
    assert not w.isWindowModified()
    w.push(ControllerField("city"), "Noch mal", "city")
    assert w.session.save()  # our own save is the new reference: no question
    assert len(seen) == 2


def test_file_changed_save_as_keeps_both(opened, example_file, tmp_path, monkeypatch):
    w = opened
    other = project_io.load(example_file)
    other.controller.city = "Anderes Programm"
    project_io.save(other, example_file)
    w.push(ControllerField("city"), "Mein Ort", "city")
    asked = []
    monkeypatch.setattr(w.prompts, "ask_file_changed", lambda path: asked.append(path) or "save_as")
    w.prompts.ask_save_path = lambda *_: str(tmp_path / "copy.policy.json")
    assert w.session.save()
    assert asked == [example_file.resolve()]
    assert project_io.load(example_file).controller.city == "Anderes Programm"
    assert project_io.load(tmp_path / "copy.policy.json").controller.city == "Mein Ort"


@posix_only
def test_read_only_file_is_asked_about(opened, example_file, monkeypatch):
    w = opened
    example_file.chmod(0o444)
    w.push(ControllerField("city"), "Bonn", "city")
    asked = []
    monkeypatch.setattr(w.prompts, "ask_replace_readonly", lambda path: asked.append(path) or False)
    assert not w.session.save()
    assert asked and project_io.load(example_file).controller.city == "Köln"
    monkeypatch.setattr(w.prompts, "ask_replace_readonly", lambda path: True)
    assert w.session.save()
    assert project_io.load(example_file).controller.city == "Bonn"


def test_failed_backup_is_shown(opened, example_file):
    w = opened
    example_file.with_name(example_file.name + ".bak").mkdir()
    w.push(ControllerField("city"), "Bonn", "city")
    assert w.session.save()
    assert w.errors[-1][0] == "The project was saved without a backup"


def test_opening_a_file_with_duplicates_tells_the_user(window, tmp_path):
    path = tmp_path / "dup.policy.json"
    path.write_text(json.dumps({"format": project_io.FORMAT, "schema_version": 2,
                                "services": [{"id": "stripe"}, {"id": "stripe"}]}), encoding="utf-8")
    assert window.session.open_path(str(path))
    assert window.model.project.service_ids() == ["stripe"]
    assert "more than once" in window.errors[-1][1]


@pytest.mark.parametrize("content", [
    '{"format": "policy-editor-project", "schema_version": 2, "x": ' + "[" * 3000 + "]" * 3000 + "}",
    '{"format": "policy-editor-project", "schema_version": 1, "company": "text"}',
    '{"format": "policy-editor-project", "schema_version": 2, "controller": {"name": "' + "x" * 100_000 + '"}}',
])
def test_bad_files_open_as_one_sentence_in_a_message_box(window, tmp_path, content):
    path = tmp_path / "bad.policy.json"
    path.write_text(content, encoding="utf-8")
    assert not window.session.open_path(str(path))
    assert window.errors[-1][0] == "The project cannot be opened" and "\n" not in window.errors[-1][1]
    assert path.read_text(encoding="utf-8") == content and not window.session.has_project


def test_text_entry_is_cut_to_the_field_limit(opened):
    w = opened
    w.push(ControllerField("name"), "x" * 1000, "name")
    assert w.model.project.controller.name == "x" * project_io.SHORT
    assert "cut" in w.statusBar().currentMessage()
    w.push(CUSTOM_SECTIONS, [project_io.CustomSection(id="c", body=project_io.LocalText(de="y" * 30_000))], "add")
    assert len(w.model.project.custom_sections[0].body.de) == project_io.LONG


# --- autosave ---------------------------------------------------------------------------

def test_autosave_meta_is_written_atomically(window, isolated, monkeypatch):
    from editor.core import atomic

    written = []
    real = atomic.write_atomic
    monkeypatch.setattr(atomic, "write_atomic", lambda path, data, **kw: written.append(path) or real(path, data, **kw))
    window.session.set_project(project_io.example_project(), None)
    window.push(ControllerField("city"), "Bonn", "city")
    assert window.session.autosave_now()
    assert window.session.autosave.meta_file in written
    assert json.loads(window.session.autosave.meta_file.read_text())["original"] == ""


def test_bad_autosave_entries_are_kept_reported_and_hide_nothing(window, isolated):
    folder = isolated / "autosave"
    folder.mkdir(parents=True)
    # 1: notes (meta) damaged, project fine → still offered, as a new project
    project_io.save(project_io.example_project(company="Kaputte Notiz"), folder / "101-aaaa.policy.json")
    (folder / "101-aaaa.meta.json").write_text("{not json")
    # 2: project damaged → reported, kept
    (folder / "102-bbbb.policy.json").write_text('{"format": "policy-editor-project", "schema_version": 2, "controller": {')
    (folder / "102-bbbb.meta.json").write_text(json.dumps({"original": "", "time": "2026-01-02T10:00:00"}))
    # 3: killed between writing the project and its notes → offered
    project_io.save(project_io.example_project(company="Ohne Notiz"), folder / "103-cccc.policy.json")
    # 4: a healthy one
    project_io.save(project_io.example_project(company="Gesund"), folder / "104-dddd.policy.json")
    (folder / "104-dddd.meta.json").write_text(json.dumps({"original": "", "time": "2026-01-02T10:00:00"}))
    offered = []
    window.prompts.ask_restore = lambda q: offered.append(q) or False  # discard the readable ones
    window.session.offer_recovery()
    assert len(offered) == 3
    assert any("cannot be read" in text and "102-bbbb" in text and "kept" in text for _, text in window.errors)
    assert sorted(p.name for p in folder.iterdir()) == ["102-bbbb.meta.json", "102-bbbb.policy.json"]


def test_restore_carries_the_original_files_fingerprint(window, isolated, example_file):
    loaded = project_io.load_file(example_file)
    folder = isolated / "autosave"
    folder.mkdir(parents=True)
    project_io.save(loaded.project, folder / "105-eeee.policy.json")
    (folder / "105-eeee.meta.json").write_text(json.dumps({"original": str(example_file), "time": "2026-01-02T10:00:00",
                                                           "fingerprint": list(loaded.fingerprint)}))
    other = project_io.load(example_file)
    other.controller.city = "Anderes Programm"
    project_io.save(other, example_file)  # changed after the crashed session opened it
    window.prompts.ask_restore = lambda q: True
    assert window.session.offer_recovery()
    asked = []
    window.prompts.ask_file_changed = lambda path: asked.append(path) or "cancel"
    assert not window.session.save()
    assert asked and project_io.load(example_file).controller.city == "Anderes Programm"
