"""Importing an old policy: the three real policies in ../shared/seeds (read at test time, never
copied into the repository) as text, HTML and DOCX; company details; findings; bad input."""
from __future__ import annotations

import datetime as _dt
import re
import zipfile
from pathlib import Path

import pytest
from scantools import fails_plainly

from editor.core.policy_import import ImportError_, find_company, import_policy, import_text

REPO = Path(__file__).resolve().parents[2]
# ../shared/seeds beside the repository (a git worktree under wt/ looks one level further up)
SEEDS = next((p for p in (REPO.parent / "shared" / "seeds", REPO.parent.parent / "shared" / "seeds") if p.is_dir()),
             REPO.parent / "shared" / "seeds")
SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
needs_seeds = pytest.mark.skipif(not SEED_FILES, reason=f"the real policies are not at {SEEDS} (the shared seeds folder)")

# the catalog services each seed names (products, providers, topics with their own record)
NAMED = {
    "000": {"meta-pixel", "openai-api", "google-analytics", "whatsapp-business", "twilio", "leadconnector", "strato",
            "google-workspace", "stripe", "paypal", "youtube", "instagram-embed", "ai-voice-assistant", "ai-chatbot"},
    "001": {"google-sign-in", "google-calendar-integration", "meta-pixel", "facebook-plugins", "openai-api",
            "google-gemini-api", "self-hosted-llm", "google-tag-manager", "cloudflare", "whatsapp-business", "mailchimp",
            "stripe", "server-logs", "ai-chatbot"},
    "004": {"twilio", "onepage", "squarespace", "contact-form", "server-logs", "ai-chatbot", "ai-voice-assistant"},
}
COMPANY = {"000": ("WebNetzwerker.de", "34376", "Immenhausen"), "001": ("Dominik Weber", "33613", "Bielefeld"),
           "004": ("KI Service Partner", "95478", "Kemnath")}
TODAY = _dt.date(2026, 12, 1)


def _as_html(text: str) -> str:
    import html

    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines())
    return f"<!DOCTYPE html><html><head><title>Datenschutz</title><style>p{{margin:0}}</style></head><body>{paragraphs}</body></html>"


def _as_docx(text: str, path: Path) -> Path:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(path)
    return path


def _check_seed(catalog, seed: Path, path: Path, fmt: str) -> tuple[float, float]:
    key = seed.name[:3]
    result = import_policy(catalog, path, today=TODAY)
    found = {s.id for s in result.suggestions}
    named = NAMED[key]
    recall = len(found & named) / len(named)
    precision = len(found & named) / len(found)
    print(f"\nseed {key} as {fmt}: recall {recall:.0%}, precision {precision:.0%}; missed {sorted(named - found)}, "
          f"extra {sorted(found - named)}")
    assert recall >= 0.9, sorted(named - found)
    text = seed.read_text(encoding="utf-8")
    warnings = " ".join(f.message for f in result.findings if f.severity == "warning")
    for law, word in (("TTDSG", "TTDSG"), ("TMG", "TMG"), ("Privacy Shield", "Privacy Shield"), ("Safe Harbor", "Safe Harbor")):
        if re.search(rf"\b{law}\b", text):
            assert word in warnings, f"{law} not flagged"
    name, postcode, city = COMPANY[key]
    assert (result.company.get("name"), result.company.get("postcode"), result.company.get("city")) == (name, postcode, city)
    return recall, precision


@needs_seeds
@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("fmt", ["txt", "html", "docx"])
def test_seed_policies(catalog, seed, fmt, tmp_path):
    text = seed.read_text(encoding="utf-8")
    if fmt == "txt":
        path = seed
    elif fmt == "html":
        path = tmp_path / "policy.html"
        path.write_text(_as_html(text), encoding="utf-8")
    else:
        path = _as_docx(text, tmp_path / "policy.docx")
    _check_seed(catalog, seed, path, fmt)


def _minimal_pdf(text: str) -> bytes:
    """A one-page PDF with ``text`` in Helvetica — written by hand, so the test needs no PDF writer."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 11 Tf 50 780 Td ({escaped}) Tj ET".encode("latin-1")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_policy(catalog, tmp_path):
    pdf = tmp_path / "alt.pdf"
    pdf.write_bytes(_minimal_pdf("Wir nutzen Google Analytics, Mailchimp und Stripe; Grundlage: EU-US Privacy Shield."))
    result = import_policy(catalog, pdf, today=TODAY)
    assert {s.id for s in result.suggestions} == {"google-analytics", "mailchimp", "stripe"}
    assert any("Privacy Shield" in f.message for f in result.findings)


def test_whole_words_only(catalog):
    text = "Wir verkaufen Stripes-Shirts, bieten Sign-ups an und nutzen Zoomobjektive. Versand per UPS und DHL."
    assert {s.id for s in import_text(catalog, text).suggestions} == {"ups", "dhl"}
    assert "ups" not in {s.id for s in import_text(catalog, "Viele sign-ups und ups and downs.").suggestions}


def test_old_names_and_generic_words(catalog):
    found = {s.id for s in import_text(catalog, "Newsletter über Sendinblue; Statistik mit Matomo; Anzeigen über AdWords.").suggestions}
    assert found == {"brevo", "matomo-self-hosted", "google-ads"}
    assert import_text(catalog, "Wir nutzen Google, Cookies, einen Newsletter und ein Kontaktformular.").suggestions[0].id == "contact-form"


def test_findings(catalog):
    text = ("Stand: 01.03.2022. Rechtsgrundlage § 15 TMG und § 25 TTDSG. Übermittlung nach dem Privacy Shield bzw. "
            "Safe Harbor, Standardvertragsklauseln nach Beschluss 2010/87/EU. Quelle: https://www.e-recht24.de")
    messages = [f.message for f in import_text(catalog, text, today=TODAY).findings]
    for word in ("TMG", "TTDSG", "Privacy Shield", "Safe Harbor", "2010/87", "supervisory authority", "more than a year", "eRecht24"):
        assert any(word in m for m in messages), word
    fresh = import_text(catalog, "Stand: November 2026. Zuständig ist der Hessische Beauftragte für Datenschutz und "
                                 "Informationsfreiheit. Erstellt mit dem Datenschutz-Generator von Dr. Thomas Schwenke.", today=TODAY)
    messages = [f.message for f in fresh.findings]
    assert not any("authority" in m or "year" in m for m in messages)
    assert any("Schwenke" in m for m in messages)


def test_company_details():
    company = find_company("Verantwortlich: Müller & Söhne GmbH, Hauptstraße 5, 10115 Berlin\nTel.: 030 123456\n"
                           "E-Mail: info@mueller.de\n")
    assert company == {"name": "Müller & Söhne GmbH", "street": "Hauptstraße 5", "postcode": "10115", "city": "Berlin",
                       "email": "info@mueller.de", "phone": "030 123456"}


def test_json_shape(catalog):
    data = import_text(catalog, "Wir nutzen Stripe. Stand: 1. Januar 2020").to_json()
    assert set(data) == {"suggestions", "company", "findings"}
    assert data["suggestions"][0]["id"] == "stripe" and set(data["suggestions"][0]) == {"id", "evidence"}
    assert all(set(f) == {"severity", "message"} for f in data["findings"])


# ---------------------------------------------------------------------------------------------
# bad input: one plain sentence within seconds


def _fails(catalog, path, expected):
    return fails_plainly(ImportError_, lambda: import_policy(catalog, path), expected, within=5)


def test_binary_junk(catalog, tmp_path):
    junk = tmp_path / "policy.txt"
    junk.write_bytes(bytes(range(256)) * 50)
    _fails(catalog, junk, "binary")


def test_huge_file_is_not_read(catalog, tmp_path):
    big = tmp_path / "policy.txt"
    with open(big, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)
    _fails(catalog, big, "100 MB")


def test_docx_zip_bomb(catalog, tmp_path):
    bomb = tmp_path / "policy.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(200):  # 200 MB of zeros, ~200 KB packed
                member.write(chunk)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    _fails(catalog, bomb, "zip bomb")


@pytest.mark.parametrize("name,content,expected", [
    ("policy.docx", b"PK\x03\x04 not really a zip", "not a valid Word document"),
    ("policy.pdf", b"%PDF-1.4\n garbage", "could not be read as a PDF"),
    ("policy.txt", b"   \n\n", "contains no text"),
])
def test_broken_files(catalog, tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    _fails(catalog, path, expected)


def test_not_a_regular_file(catalog, tmp_path):
    _fails(catalog, tmp_path, "not a regular file")
    _fails(catalog, tmp_path / "missing.txt", "cannot be read")
