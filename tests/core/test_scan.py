"""The site scanner: recall and precision on fixture sites built from real embed codes, the
precision rules of the issue, the detect-table validation, and fetching — only ever from a
local server on 127.0.0.1 that the test starts itself."""
from __future__ import annotations

import http.server
import json
import socket
import threading
from pathlib import Path

import msgspec
import pytest
from scantools import fails_plainly, local_site

from editor.core import schema
from editor.core.detect import Rules, detect_problems
from editor.core.evidence import Cancelled
from editor.core.packs import load_catalog
from editor.core.scan import HAR_HINT, ScanError, scan, site_findings

FIXTURES = Path(__file__).parent.parent / "fixtures" / "scan"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


def _scan_site(catalog, name):
    return scan(catalog, [FIXTURES / s for s in EXPECTED[name]["sources"]])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_site_recall_and_precision(catalog, name):
    spec = EXPECTED[name]
    result = _scan_site(catalog, name)
    found = {s.id for s in result.suggestions}
    expected = set(spec["expected"])
    recall = len(found & expected) / len(expected)
    precision = len(found & expected) / len(found) if found else 0.0
    print(f"\n{name}: recall {recall:.0%}, precision {precision:.0%} ({len(found)} found, {len(expected)} expected)")
    assert recall >= 0.9, f"missed {sorted(expected - found)}"
    assert precision >= 0.9, f"wrongly suggested {sorted(found - expected)}"
    assert not found & set(spec["absent"]), "a precision rule is broken"
    assert {u.host for u in result.unknown} == set(spec["unknown"])
    for suggestion in result.suggestions:
        assert suggestion.evidence and all(e.source and e.match for e in suggestion.evidence)


def test_overall_recall_and_precision(catalog):
    tp = fp = fn = 0
    for name, spec in EXPECTED.items():
        found = {s.id for s in _scan_site(catalog, name).suggestions}
        tp += len(found & set(spec["expected"]))
        fp += len(found - set(spec["expected"]))
        fn += len(set(spec["expected"]) - found)
    print(f"\nall fixture sites: recall {tp / (tp + fn):.0%}, precision {tp / (tp + fp):.0%}")
    assert tp / (tp + fn) >= 0.9 and tp / (tp + fp) >= 0.9


def _page(tmp_path, body, name="page.html"):
    path = tmp_path / name
    path.write_text(f"<!DOCTYPE html><html><head></head><body>{body}</body></html>", encoding="utf-8")
    return path


def _ids(catalog, *sources):
    return {s.id for s in scan(catalog, list(sources)).suggestions}


def test_google_fonts_from_google_are_not_self_hosted(catalog, tmp_path):
    page = _page(tmp_path, '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Lato">')
    assert _ids(catalog, page) == {"google-fonts"}


def test_self_hosted_font_files_are_not_google_servers(catalog, tmp_path):
    page = _page(tmp_path, "<style>@font-face{src:url(/fonts/lato-v24-latin-regular.woff2)}</style>")
    assert _ids(catalog, page) == {"google-fonts-local"}


def test_gtag_for_analytics_is_not_a_tag_manager_container(catalog, tmp_path):
    ga = _page(tmp_path, '<script async src="https://www.googletagmanager.com/gtag/js?id=G-ABCDEF1234"></script>'
                         "<script>gtag('config', 'G-ABCDEF1234');</script>", "ga.html")
    gtm = _page(tmp_path, '<script src="https://www.googletagmanager.com/gtm.js?id=GTM-ABC1234"></script>', "gtm.html")
    assert _ids(catalog, ga) == {"google-analytics"}
    assert _ids(catalog, gtm) == {"google-tag-manager"}


def test_youtube_link_is_not_an_embed(catalog, tmp_path):
    link = _page(tmp_path, '<a href="https://www.youtube.com/watch?v=abc">Video</a>', "link.html")
    embed = _page(tmp_path, '<iframe src="https://www.youtube.com/embed/abc"></iframe>', "embed.html")
    channel = _page(tmp_path, '<a href="https://www.youtube.com/@beispiel">Kanal</a>', "channel.html")
    assert _ids(catalog, link) == set()
    assert _ids(catalog, embed) == {"youtube"}
    assert _ids(catalog, channel) == {"youtube-channel"}


def test_share_link_is_not_a_facebook_page(catalog, tmp_path):
    page = _page(tmp_path, '<a href="https://www.facebook.com/sharer/sharer.php?u=x">Teilen</a>')
    assert _ids(catalog, page) == set()


def test_matomo_cloud_supersedes_self_hosted(catalog, tmp_path):
    page = _page(tmp_path, "<script>var _paq=[];_paq.push(['trackPageView']);var u='https://x.matomo.cloud/';"
                           "_paq.push(['setTrackerUrl', u+'matomo.php']);</script>"
                           '<script src="https://cdn.matomo.cloud/x.matomo.cloud/matomo.js"></script>')
    assert _ids(catalog, page) == {"matomo-cloud"}


def test_first_party_hosts_are_never_unknown(catalog, tmp_path):
    page = _page(tmp_path, '<link rel="canonical" href="https://www.example.de/">'
                           '<img src="https://cdn.example.de/a.png"><img src="https://img.other-cdn.net/b.png">')
    assert [u.host for u in scan(catalog, [page]).unknown] == ["img.other-cdn.net"]


def test_static_scan_says_scripts_are_not_run(catalog, tmp_path):
    result = scan(catalog, [_page(tmp_path, "")])
    assert HAR_HINT in result.notes and "Save all as HAR" in HAR_HINT and "Export HAR" in HAR_HINT
    assert HAR_HINT not in scan(catalog, [FIXTURES / "agency.har"]).notes


def test_json_shape(catalog):
    data = _scan_site(catalog, "praxis").to_json()
    assert set(data) == {"suggestions", "unknown"}
    assert all(set(s) == {"id", "name", "evidence"} for s in data["suggestions"])
    assert all(set(e) == {"source", "match"} for s in data["suggestions"] for e in s["evidence"])
    assert all(set(u) == {"host", "evidence"} for u in data["unknown"])


def test_progress_and_cancel(catalog):
    calls = []
    scan(catalog, [FIXTURES / "shop"], progress=lambda *a: calls.append(a))
    assert calls and all(isinstance(c[0], str) for c in calls)
    event = threading.Event()
    event.set()
    with pytest.raises(Cancelled):
        scan(catalog, [FIXTURES / "shop"], cancel=event)


def test_check_against_site(catalog):
    from editor.core.project import Project, SelectedService

    project = Project(services=[SelectedService(id="google-analytics"), SelectedService(id="stripe")])
    findings = site_findings(catalog, project, _scan_site(catalog, "praxis"), "en")
    warned = {f.target for f in findings if f.severity == "warning"}
    info = {f.target for f in findings if f.severity == "info"}
    assert "service:google-maps" in warned and "service:google-analytics" not in warned
    assert info == {"service:google-analytics", "service:stripe"}


# ---------------------------------------------------------------------------------------------
# detection data: every bundled record is valid, and broken ones are pack errors with a line


def test_bundled_detection_data_is_valid(catalog):
    with_detect = [s for s in catalog.services.values() if s.detect]
    assert len(with_detect) >= 120
    for service in with_detect:
        assert list(detect_problems(service.detect)) == [], service.id
        for other in service.detect.supersedes:
            assert other in catalog.services
    Rules.from_services(catalog.services.values())  # every pattern compiles


@pytest.mark.parametrize("field,value,message", [
    ("urls", "re:(unclosed", "not a valid regular expression"),
    ("links", "", "empty pattern"),
    ("links", "re:", "empty regular expression"),
    ("urls", "re:(a+)+$", "nested repetition"),
    ("hosts", "https://example.com/", "not a host name"),
    ("cookies", "bad name", "not a cookie name"),
])
def test_broken_detect_pattern_is_a_pack_error(tmp_path, field, value, message):
    import shutil

    from editor.resources import clause_packs_dir

    packs = tmp_path / "packs"
    shutil.copytree(clause_packs_dir() / "core", packs / "core")
    file = packs / "core" / "services" / "fonts.toml"
    text = file.read_text(encoding="utf-8")
    needle = '[service.detect]\nhosts = ["fonts.googleapis.com", "fonts.gstatic.com"]'
    assert needle in text
    file.write_text(text.replace(needle, needle + f"\n{field} = [{json.dumps(value)}]" if field != "hosts"
                                 else f'[service.detect]\nhosts = [{json.dumps(value)}]'), encoding="utf-8")
    loaded = load_catalog([packs])
    errors = [e for e in loaded.errors if "detect" in (e.field or "")]
    assert errors and message in errors[0].message, loaded.errors
    assert errors[0].file.endswith("fonts.toml") and errors[0].line
    assert text[: text.index(needle)].count("\n") < errors[0].line
    assert "google-fonts" not in loaded.services and "google-fonts-local" in loaded.services


def test_unknown_detect_key_is_an_error():
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert({"hosts": ["a.example"], "hostz": []}, schema.Detect)


# ---------------------------------------------------------------------------------------------
# bad input: one plain sentence, within seconds, nothing written


def _fails(catalog, source, expected, **kw):
    message = fails_plainly(ScanError, lambda: scan(catalog, [source], **kw), expected)
    assert message.endswith(".")
    return message


def test_binary_junk(catalog, tmp_path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 100)
    _fails(catalog, junk, "not a web page")
    (tmp_path / "junk.html").write_bytes(b"\x00\x01" * 5000)
    _fails(catalog, tmp_path / "junk.html", "binary")


def test_huge_file_is_not_read(catalog, tmp_path):
    big = tmp_path / "big.html"
    with open(big, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)  # sparse: 100 MB that take no disk
    _fails(catalog, big, "100 MB")
    har = tmp_path / "big.har"
    with open(har, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)
    _fails(catalog, har, "HAR files up to 64 MB")


@pytest.mark.parametrize("content,expected", [
    ('{"log": {"entries": [', "broken JSON"),
    ('{"log": {"pages": []}}', "no list of requests"),
    ("[1, 2, 3]", "no list of requests"),
    ("[" * 100000, "not a valid HAR file"),
])
def test_malformed_har(catalog, tmp_path, content, expected):
    har = tmp_path / "site.har"
    har.write_text(content)
    _fails(catalog, har, expected)


@pytest.mark.parametrize("source", ["file:///etc/passwd", "ftp://example.com/", "javascript:alert(1)", "data:text/html,hi"])
def test_non_http_schemes_are_refused(catalog, source):
    _fails(catalog, source, "only http:// and https://")


def test_missing_and_special_files(catalog, tmp_path):
    _fails(catalog, tmp_path / "nope.html", "does not exist")
    _fails(catalog, tmp_path, "no .html or .htm files")


# ---------------------------------------------------------------------------------------------
# fetching: a local server on 127.0.0.1 started here, never any other address


class _Handler(http.server.BaseHTTPRequestHandler):
    pages = {
        "/": ('<html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css?family=X"></head><body>'
              '<a href="/b.html">B</a><a href="/c.html">C</a><a href="https://elsewhere.example/">out</a></body></html>'),
        "/b.html": '<html><body><iframe src="https://player.vimeo.com/video/1"></iframe><a href="/">home</a></body></html>',
        "/c.html": '<html><body><script src="https://js.stripe.com/v3/"></script></body></html>',
    }

    def do_GET(self):  # noqa: N802
        if self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{int(self.path[5:] or 0) + 1}")
            self.end_headers()
            return
        if self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        if self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                self.wfile.write(b"<html><body>")
                for _ in range(200):  # 20 MB, cut at 5 MB by the scanner
                    self.wfile.write(b"<p>x</p>" * 12800)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        body = self.pages.get(self.path)
        if body is None:
            self.send_error(404)
            return
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Set-Cookie", "_ga=GA1.1.1.1; Path=/")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    with local_site(_Handler) as address:
        yield address


def test_fetch_follows_same_site_links(catalog, server):
    result = scan(catalog, [server + "/"], pages=3)
    assert {s.id for s in result.suggestions} == {"google-fonts", "vimeo", "stripe", "google-analytics"}
    assert result.pages == 3 and result.site == "127.0.0.1"
    assert scan(catalog, [server + "/"], pages=1).pages == 1


def test_endless_redirect(catalog, server):
    _fails(catalog, server + "/loop", "redirects more than")


def test_redirect_to_another_scheme(catalog, server):
    _fails(catalog, server + "/to-file", "not an http(s) address")


def test_response_size_is_capped(catalog, server):
    result = scan(catalog, [server + "/big"], pages=1)
    assert result.pages == 1


def test_site_that_never_answers(catalog):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts connections into the backlog, never answers
    try:
        _fails(catalog, f"http://127.0.0.1:{silent.getsockname()[1]}/", "did not answer", timeout=1)
    finally:
        silent.close()


def test_nothing_listening(catalog):
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    _fails(catalog, f"http://127.0.0.1:{port}/", "cannot be reached", timeout=2)
