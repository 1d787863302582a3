"""CLI: scan, import and check --site — output shapes, and bad input as one sentence with
exit status 1 and no traceback (run as a real process, so nothing is hidden by in-process state)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent.parent / "fixtures" / "scan"


def cli(*args, timeout=60):
    return subprocess.run([sys.executable, "-m", "editor", *map(str, args)], capture_output=True, text=True, timeout=timeout)


def test_scan_json(tmp_path):
    proc = cli("scan", FIXTURES / "praxis.html", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"suggestions", "unknown"}
    assert "google-maps" in {s["id"] for s in data["suggestions"]}
    assert "HAR" in proc.stderr  # the note goes to stderr, the JSON stays clean


def test_scan_text_and_help():
    proc = cli("scan", FIXTURES / "agency", FIXTURES / "agency.har")
    assert proc.returncode == 0 and "google-analytics" in proc.stdout and "unpkg.com" in proc.stdout
    helptext = cli("scan", "--help").stdout
    assert "Save all as HAR" in helptext and "Export HAR" in helptext and "not" in helptext


def test_import_json():
    proc = cli("import", FIXTURES / "praxis.html", "--json")
    assert proc.returncode == 0, proc.stderr
    assert set(json.loads(proc.stdout)) == {"suggestions", "company", "findings"}


@pytest.mark.parametrize("args,expected", [
    (("scan", "ftp://example.com/"), "only http:// and https://"),
    (("scan", "javascript:alert(1)"), "only http:// and https://"),
    (("scan", "file:///etc/passwd"), "only http:// and https://"),
    (("scan", "/nonexistent/site.html"), "does not exist"),
    (("import", "/nonexistent/policy.txt"), "cannot be read"),
])
def test_bad_input_is_one_sentence(args, expected):
    proc = cli(*args)
    assert proc.returncode == 1
    assert expected in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_bad_files_are_one_sentence(tmp_path):
    junk = tmp_path / "junk.har"
    junk.write_bytes(b"{\"log\": \x00\x01\x02")
    big = tmp_path / "big.pdf"
    with open(big, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)
    before = sorted(p.name for p in tmp_path.iterdir())
    for args in (("scan", junk), ("import", big), ("scan", big)):
        proc = cli(*args)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written


def test_check_with_site(tmp_path):
    project = tmp_path / "p.json"
    assert cli("new", "-o", project, "--example", "--service", "stripe", "--service", "google-maps").returncode == 0
    proc = cli("check", project, "--site", FIXTURES / "praxis.html", "--json", "--language", "en")
    findings = json.loads(proc.stdout)
    codes = {(f["code"], f["target"]) for f in findings}
    assert ("site-service-missing", "service:doctolib") in codes
    assert ("site-service-unused", "service:stripe") in codes
    assert not any(t == "service:google-maps" for c, t in codes if c.startswith("site-"))
    text = cli("check", project, "--site", FIXTURES / "praxis.html", "--language", "en").stdout
    assert "does not seem to use" in text and "Doctolib" in text
