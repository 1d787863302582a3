"""export --stand: the date the policy prints, "today" or YYYY-MM-DD; kept only with --record."""
import datetime as _dt

from editor.cli import main
from editor.core import project as P


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _old_project(tmp_path):
    path = tmp_path / "p.policy.json"
    project = P.example_project()
    project.stand = "2025-03-01"
    P.save(project, path)
    return path


def test_stand_today_is_printed_and_the_file_is_untouched(capsys, tmp_path):
    path = _old_project(tmp_path)
    before = path.read_bytes()
    code, _, _ = run(capsys, "export", str(path), "-o", str(tmp_path / "a.md"), "--stand", "today")
    assert code == 0
    assert f"Stand: {_dt.date.today():%d.%m.%Y}" in (tmp_path / "a.md").read_text(encoding="utf-8")
    assert path.read_bytes() == before  # export alone never changes the project


def test_stand_date_is_kept_in_the_project_with_record(capsys, tmp_path):
    path = _old_project(tmp_path)
    assert run(capsys, "export", str(path), "-o", str(tmp_path / "a.txt"), "--stand", "2026-01-15", "--record")[0] == 0
    assert "Stand: 15.01.2026" in (tmp_path / "a.txt").read_text(encoding="utf-8")
    assert P.load(path).stand == "2026-01-15"
    assert run(capsys, "export", str(path), "-o", str(tmp_path / "b.md"), "--language", "en")[0] == 0
    assert "Last updated: 15 January 2026" in (tmp_path / "b.md").read_text(encoding="utf-8")  # the kept date


def test_a_bad_stand_is_one_sentence_with_exit_2(capsys, tmp_path):
    path = _old_project(tmp_path)
    for bad in ("2024-02-30", "yesterday", "15.01.2026"):
        try:
            main(["export", str(path), "-o", str(tmp_path / "a.md"), "--stand", bad])
        except SystemExit as exc:
            assert exc.code == 2
        else:
            raise AssertionError("accepted " + bad)
        err = capsys.readouterr().err
        assert f"expected 'today' or a date such as 2026-12-03, not '{bad}'" in err and err.count("\n") == 1
        assert "Traceback" not in err
    assert not (tmp_path / "a.md").exists()
