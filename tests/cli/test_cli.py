"""The command line: same pipeline, plain one-sentence errors, exit codes scripts can rely on."""
import hashlib
import json
import subprocess
import sys

import pytest

from editor.cli import main
from editor.core import project as P


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_catalog_json_lists_services_with_required_fields(capsys, catalog):
    code, out, _ = run(capsys, "catalog", "--json")
    data = json.loads(out)
    assert code == 0 and len(data) == len(catalog.services)
    for item in data:
        assert {"id", "category", "names", "keywords", "provider", "verified"} <= set(item)
        assert set(item["names"]) == {"de", "en"}
        if item["provider"] is not None:
            assert {"entity", "address", "country", "privacy_url"} <= set(item["provider"])
    self_hosted = [i for i in data if i["role"] == "self_hosted"]
    assert self_hosted and all(i["provider"] is None for i in self_hosted)


def test_catalog_json_lists_open_points_and_each_recipient_with_its_dpf_status(capsys):
    data = {i["id"]: i for i in json.loads(run(capsys, "catalog", "--json")[1])}
    assert all(isinstance(i["uncertain"], list) and all(isinstance(p, str) for p in i["uncertain"]) for i in data.values())
    assert all(isinstance(i["transfer"], list) for i in data.values())
    assert data["server-logs"]["transfer"] == [] and data["server-logs"]["uncertain"] == []
    (google,) = data["google-analytics"]["transfer"]
    assert google["recipient"] == "Google LLC" and google["safeguard"] == "dpf_scc"
    assert google["dpf"]["certified"] is True and google["dpf"]["source"].startswith("https://")
    assert not any("DPF" in p and "Google LLC" in p for p in data["google-analytics"]["uncertain"])
    # no DPF status is asserted that nobody checked: a named recipient without one stays an open point
    unchecked = [(i, r) for i in data.values() for r in i["transfer"]
                 if r["country"] == "US" and r["safeguard"] == "dpf_scc" and r["recipient"] and r["dpf"] is None]
    assert unchecked and all(any("DPF" in p for p in i["uncertain"]) for i, _ in unchecked)
    for item in data.values():
        for recipient in item["transfer"]:
            assert {"recipient", "country", "safeguard"} <= set(recipient)
            assert ("dpf" in recipient) == (recipient["country"] == "US")


def test_catalog_text_output(capsys):
    code, out, _ = run(capsys, "catalog", "--language", "en")
    assert code == 0 and "Google Analytics 4" in out and "services" in out


def test_new_example_with_overrides(capsys, tmp_path):
    path = tmp_path / "p.policy.json"
    code, out, _ = run(capsys, "new", "-o", str(path), "--example", "--company", "Müller & Söhne", "--state", "Bayern",
                       "--service", "stripe", "--service", "stripe", "--language", "en")
    project = P.load(path)
    assert code == 0 and project.controller.name == "Müller & Söhne" and project.state == "BY"
    assert project.controller.street and project.controller.email  # --example filled the rest
    assert project.service_ids() == ["stripe"] and project.languages == ["en", "de"]


def test_new_refuses_to_overwrite_and_unknown_ids(capsys, tmp_path):
    path = tmp_path / "p.json"
    path.write_text("keep me", encoding="utf-8")
    code, _, err = run(capsys, "new", "-o", str(path))
    assert code == 1 and "already exists" in err and path.read_text() == "keep me"
    code, _, err = run(capsys, "new", "-o", str(tmp_path / "q.json"), "--service", "nope")
    assert code == 1 and "Unknown service" in err and "nope" in err


def test_a_new_project_is_german_only_as_in_the_app(capsys, tmp_path):
    import json
    assert run(capsys, "new", "-o", str(tmp_path / "p.json"))[0] == 0
    assert json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))["languages"] == ["de"]
    assert run(capsys, "new", "-o", str(tmp_path / "e.json"), "--language", "en")[0] == 0
    assert json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))["languages"] == ["en", "de"]


@pytest.mark.parametrize("suffix, magic", [(".html", b"<!DOCTYPE html>"), (".md", b"# Datenschutzerkl"),
                                           (".txt", "DATENSCHUTZERKLÄRUNG\n".encode()), (".docx", b"PK")])
def test_export_by_suffix(capsys, tmp_path, suffix, magic):
    project = tmp_path / "p.json"
    run(capsys, "new", "-o", str(project), "--example", "--service", "stripe")
    out = tmp_path / f"policy{suffix}"
    code, printed, err = run(capsys, "export", str(project), "-o", str(out))
    assert code == 0, err
    assert printed == f"Wrote {out}\n"
    assert out.read_bytes().startswith(magic) and out.stat().st_size > 500
    if suffix == ".docx":
        import docx

        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    else:
        text = out.read_text(encoding="utf-8")
    assert "Tischlerei Beispiel GmbH" in text and "Stripe" in text  # the project's policy, in German


def test_export_records_history_when_asked(capsys, tmp_path):
    project = tmp_path / "p.json"
    run(capsys, "new", "-o", str(project), "--example")
    assert run(capsys, "export", str(project), "-o", str(tmp_path / "a.md"))[0] == 0
    assert P.load(project).export_history == []  # only when asked
    assert run(capsys, "export", str(project), "-o", str(tmp_path / "a.md"), "--record")[0] == 0
    (record,) = P.load(project).export_history
    assert record.format == "md" and record.language == "de"
    assert record.path == "a.md"  # relative to the project file: a shared project names no local folder
    assert record.sha256 == hashlib.sha256((tmp_path / "a.md").read_bytes()).hexdigest()


def test_export_record_path_is_relative_to_the_project_file(capsys, tmp_path, monkeypatch):
    from editor.core.export_history import resolved_path

    (tmp_path / "projects").mkdir()
    (tmp_path / "site" / "legal").mkdir(parents=True)
    project = tmp_path / "projects" / "p.json"
    run(capsys, "new", "-o", str(project), "--example")
    monkeypatch.chdir(tmp_path / "site")  # a relative -o is taken from the working folder, not the project's
    assert run(capsys, "export", str(project), "-o", "legal/a.html", "--record")[0] == 0
    (record,) = P.load(project).export_history
    assert record.path == "../site/legal/a.html" and str(tmp_path) not in project.read_text(encoding="utf-8")
    assert resolved_path(record, project) == tmp_path / "projects" / ".." / "site" / "legal" / "a.html"
    assert resolved_path(record, project).resolve() == (tmp_path / "site" / "legal" / "a.html")


def test_an_old_absolute_record_is_read_and_kept(capsys, tmp_path):
    from editor.core.export_history import resolved_path

    project = tmp_path / "p.json"
    old = P.example_project()
    old.export_history = [P.ExportRecord(date="2025-01-02T03:04:05", format="html", language="de",
                                         path=str(tmp_path / "old.html"), sha256="0" * 64)]
    P.save(old, project)
    assert run(capsys, "export", str(project), "-o", str(tmp_path / "new.md"), "--record")[0] == 0
    first, second = P.load(project).export_history
    assert first.path == str(tmp_path / "old.html") and resolved_path(first, project) == tmp_path / "old.html"
    assert second.path == "new.md"


def test_export_with_open_errors_warns_naming_the_count(capsys, tmp_path):
    project = tmp_path / "p.json"
    run(capsys, "new", "-o", str(project), "--example")
    data = P.load(project)
    data.controller.email = ""  # a required field left open
    P.save(data, project)
    from editor.core.catalog_cache import default_catalog
    from editor.core.export_gate import open_errors

    count = len(open_errors(default_catalog(), data, lang="en"))
    assert count >= 1
    out = tmp_path / "p.html"
    code, printed, err = run(capsys, "export", str(project), "-o", str(out))
    assert code == 0 and out.exists() and printed == f"Wrote {out}\n"
    first = err.splitlines()[0]
    assert first.startswith(f"policy-editor: warning: the project has {count} open error")
    assert "email" in err and "Traceback" not in err


def test_export_strict_refuses_while_errors_are_open(capsys, tmp_path):
    project = tmp_path / "p.json"
    run(capsys, "new", "-o", str(project), "--example")
    data = P.load(project)
    data.controller.email = ""
    P.save(data, project)
    out = tmp_path / "p.html"
    code, printed, err = run(capsys, "export", str(project), "-o", str(out), "--strict", "--record")
    assert code == 1 and not out.exists() and printed == ""
    assert "not exported" in err and "open error" in err and "--strict" in err and err.count("\n") == 1
    assert P.load(project).export_history == []


def test_export_without_errors_is_silent_and_strict_passes(capsys, tmp_path):
    project = tmp_path / "p.json"
    run(capsys, "new", "-o", str(project), "--example")
    out = tmp_path / "p.md"
    code, _, err = run(capsys, "export", str(project), "-o", str(out), "--strict")
    assert code == 0 and out.exists() and err == ""


@pytest.mark.parametrize("argv, words", [
    (["export", "{missing}", "-o", "{tmp}/x.html"], "does not exist"),
    (["export", "{project}", "-o", "{tmp}/x.odt"], "Cannot tell the format"),
    (["export", "{project}", "-o", "{tmp}/x.md", "--fragment"], "--fragment works only"),
    (["export", "{project}", "-o", "{tmp}/nofolder/x.md"], "does not exist"),
    (["check", "{corrupt}"], "ist beschädigt"),  # as its findings: German unless --language en
    (["check", "{corrupt}", "--language", "en"], "is damaged"),
    (["export", "{corrupt}", "-o", "{tmp}/x.md"], "is damaged"),
    (["export", "{corrupt}", "-o", "{tmp}/x.md", "--language", "de"], "is damaged"),  # the document's language
])
def test_errors_are_one_plain_sentence(capsys, tmp_path, argv, words):
    project = tmp_path / "p.json"
    P.save(P.example_project(), project)
    corrupt = tmp_path / "c.json"
    corrupt.write_text("{", encoding="utf-8")
    args = [a.format(missing=tmp_path / "none.json", tmp=tmp_path, project=project, corrupt=corrupt) for a in argv]
    code, _, err = run(capsys, *args)
    assert code == 1 and words in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_check_exit_status_and_json(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    P.save(P.Project(), bad)
    code, out, _ = run(capsys, "check", str(bad), "--json")
    findings = json.loads(out)
    assert code == 1 and any(f["severity"] == "error" and f["target"] == "controller.name" for f in findings)


def test_usage_errors_exit_2_without_traceback():
    proc = subprocess.run([sys.executable, "-m", "editor", "export"], capture_output=True, text=True)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "policy-editor:" in proc.stderr


def test_check_lists_the_tasks_after_the_findings_and_they_do_not_change_the_exit_status(capsys, tmp_path):
    path = tmp_path / "p.policy.json"
    project = P.example_project()
    project.services = [P.SelectedService(id=s) for s in ("ionos", "server-logs", "cookiebot")]
    project.tasks_done = ["cookie-settings-link"]
    P.save(project, path)
    code, out, _ = run(capsys, "check", str(path), "--language", "en")
    assert code == 0  # tasks are not errors
    counts = out.index("0 error(s)")
    todo = out.index("To do on your website and in your business (")
    assert counts < todo and "(2 open)" in out[todo:todo + 80]  # IONOS and Cookiebot contracts (a small business: no DPO check)
    assert "[x] Put a “Cookie settings” link on every page" in out
    assert "[ ] Conclude the data processing agreement (Art. 28 GDPR) with IONOS SE" in out
    code, out, _ = run(capsys, "check", str(path), "--json")
    rows = json.loads(out)
    tasks = [r for r in rows if r["severity"] == "task"]
    assert rows[-len(tasks):] == tasks and {"task", "link", "done"} <= set(tasks[0])
    assert next(t for t in tasks if t["task"] == "cookie-settings-link")["done"] is True


def test_export_review_edition_from_the_command_line_has_the_notes(capsys, tmp_path):
    import docx as python_docx

    path, out = tmp_path / "p.policy.json", tmp_path / "review.docx"
    project = P.example_project()
    project.services = [P.SelectedService(id="strato")]
    P.save(project, path)
    code, _, _ = run(capsys, "export", str(path), "-o", str(out), "--review")
    doc = python_docx.Document(str(out))
    assert code == 0 and doc.paragraphs[0].text == "Hinweise für die rechtliche Prüfung"
    assert any("Anbieter: STRATO" in c.text for c in doc.comments)
    assert any(p.text.startswith("☐ Schließen Sie mit STRATO") for p in doc.paragraphs)
