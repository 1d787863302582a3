"""Export records keep paths relative to the project file and read older absolute ones as they are."""
import hashlib
from pathlib import Path

from editor.core.export_history import rebased, record_export, resolved_path, stored_path
from editor.core.project import ExportRecord


def test_stored_relative_to_the_project_folder_with_slashes(tmp_path):
    project = tmp_path / "clients" / "shop.policy.json"
    assert stored_path(tmp_path / "clients" / "out" / "a.html", project) == "out/a.html"
    assert stored_path(tmp_path / "web" / "a.html", project) == "../web/a.html"
    assert stored_path(tmp_path / "a.html", None) == str(tmp_path / "a.html")  # no project file yet


def test_resolved_reads_relative_and_old_absolute_paths(tmp_path):
    project = tmp_path / "p" / "shop.policy.json"
    relative = ExportRecord(date="2026-01-01T00:00:00", format="md", language="de", path="../out/a.md")
    absolute = ExportRecord(date="2025-01-01T00:00:00", format="md", language="de", path=str(tmp_path / "old.md"))
    assert resolved_path(relative, project) == tmp_path / "p" / ".." / "out" / "a.md"
    assert resolved_path(absolute, project) == tmp_path / "old.md"


def test_rebased_follows_the_project_file(tmp_path):
    records = [ExportRecord(date="d", format="md", language="de", path=str(tmp_path / "out" / "a.md")),
               ExportRecord(date="d", format="md", language="en", path="out/b.md")]
    first = rebased(records, tmp_path / "x.json", tmp_path / "sub" / "y.json")
    assert [r.path for r in first] == ["../out/a.md", "../out/b.md"]
    assert [r.sha256 for r in first] == [r.sha256 for r in records]
    unsaved = rebased([records[0]], None, tmp_path / "z.json")
    assert unsaved[0].path == "out/a.md"


def test_record_export_hashes_the_file_and_stores_it_relative(tmp_path):
    out = tmp_path / "site" / "p.html"
    out.parent.mkdir()
    out.write_bytes(b"<p>hi</p>")
    record = record_export(out, "html", "en", fragment=True, project_file=tmp_path / "p.json")
    assert record.path == "site/p.html" and record.format == "fragment" and record.language == "en"
    assert record.sha256 == hashlib.sha256(b"<p>hi</p>").hexdigest()
    assert Path(resolved_path(record, tmp_path / "p.json")).read_bytes() == b"<p>hi</p>"
