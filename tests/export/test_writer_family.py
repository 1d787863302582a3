"""The writers as one family: one registry, one atomic write, one export history entry."""
from __future__ import annotations

import errno
import hashlib
import os

import pytest

import editor.core.atomic as atomic
from editor.core.atomic import temp_files
from editor.export import FORMATS, WRITERS, ExportError, check_options, choices, export, format_for, writer
from samples import sample

OLD = b"the lawyer's annotated copy"


def test_every_registered_writer_implements_the_protocol():
    assert FORMATS == ("docx", "html", "md", "txt", "pdf")
    for spec in WRITERS:
        module = spec.load()
        assert callable(module.to_bytes) and callable(module.write), spec.id
        assert format_for(f"policy{spec.suffix}") == spec.id
        assert spec.options <= {"fragment", "review", "no_title", "stylesheet"}


def test_format_lists_come_from_the_registry():
    from editor.cli import build_parser

    export_parser = build_parser()._subparsers._group_actions[0].choices["export"]
    (fmt_action,) = [a for a in export_parser._actions if a.dest == "format"]
    assert tuple(fmt_action.choices) == FORMATS
    assert [c.key for c in choices()] == ["docx", "html", "fragment", "md", "txt", "pdf"]


def test_options_a_writer_does_not_take_are_refused():
    with pytest.raises(ExportError, match="--fragment works only with the HTML format"):
        check_options("md", fragment=True)
    with pytest.raises(ExportError, match="--review works only"):
        check_options("html", review=True)
    assert check_options("docx", fragment=False, review=True) == {"review": True}
    with pytest.raises(ExportError, match="Unknown format"):
        writer("odt")


def _outputs(tmp_path, fmt):
    target = tmp_path / f"policy{writer(fmt).suffix}"
    target.write_bytes(OLD)
    return target


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_write_failing_halfway_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch, fmt):
    """A full disk after half the bytes: the old export stays as it was, nothing is left over."""
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    target = _outputs(tmp_path, fmt)
    written = []

    def half_then_full(fd, data):
        os.write(fd, bytes(data[: len(data) // 2]))
        written.append(len(data))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_write_all", half_then_full)
    with pytest.raises(ExportError, match="No space left"):
        export(sample(), target, fmt)
    assert written and written[0] > 100  # the writer really got to the disk
    assert target.read_bytes() == OLD
    assert temp_files(target) == [] and sorted(p.name for p in tmp_path.iterdir()) == [target.name]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_writer_crashing_leaves_the_old_file(tmp_path, monkeypatch, fmt):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    target = _outputs(tmp_path, fmt)
    module = writer(fmt).load()
    real = module.to_bytes

    def crash(*args, **kwargs):
        real(*args, **kwargs)  # the whole file was built …
        raise RuntimeError("writer bug")  # … and then the writer fails before returning it

    monkeypatch.setattr(module, "to_bytes", crash)
    with pytest.raises(RuntimeError):
        export(sample(), target, fmt)
    assert target.read_bytes() == OLD and temp_files(target) == []


def test_writers_write_through_the_atomic_helper(tmp_path, monkeypatch):
    calls = []
    real = atomic.write_atomic
    monkeypatch.setattr(atomic, "write_atomic", lambda path, data, **kw: calls.append(path) or real(path, data, **kw))
    from editor.export import docx, html, markdown, text

    for module, name in ((docx, "a.docx"), (html, "a.html"), (markdown, "a.md"), (text, "a.txt")):
        module.write(sample(), tmp_path / name)
    assert [p.name for p in calls] == ["a.docx", "a.html", "a.md", "a.txt"]


# ---------------------------------------------------------------- the export history


def test_record_export_names_the_fragment_the_same_way_everywhere(tmp_path):
    from editor.core.export_history import record_export
    from editor.gui.export_dialog import FORMATS as DIALOG_FORMATS, Job

    path = tmp_path / "p-fragment.html"
    export(sample(), path, "html", fragment=True)
    record = record_export(path, "html", "de", fragment=True)
    assert record.format == "fragment" and record.language == "de" and record.path == str(path)
    assert record.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert record_export(path, "html", "de").format == "html"
    job = Job("fragment", "de", path, review=False)  # what the GUI records for the same file
    assert DIALOG_FORMATS[job.key].key == record.format
    assert (job.format, job.options) == ("html", {"fragment": True})
    assert Job("docx", "de", path, review=True).options == {"review": True}
    assert Job("md", "de", path, review=True).options == {}


def test_cli_records_a_fragment_as_the_gui_does(capsys, tmp_path):
    from editor.cli import main
    from editor.core import project as P

    project = tmp_path / "p.json"
    P.save(P.example_project(), project)
    out = tmp_path / "f.html"
    assert main(["export", str(project), "-o", str(out), "--fragment", "--record"]) == 0
    (record,) = P.load(project).export_history
    assert record.format == "fragment" and record.path == "f.html"  # relative to the project file
