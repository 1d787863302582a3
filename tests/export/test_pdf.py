"""PDF writer (Qt): a full-catalog policy becomes a multi-page A4 PDF with page numbers."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from editor.core.compose import compose  # noqa: E402
from editor.export import export  # noqa: E402
from editor.export import pdf  # noqa: E402


@pytest.fixture(scope="module")
def full_document(request):
    from editor.core.packs import default_catalog
    from editor.core.project import SelectedService, example_project

    catalog = default_catalog(include_user=False)
    project = example_project()
    project.services = [SelectedService(id=s) for s in sorted(catalog.services)]
    return compose(catalog, project, "de")


def page_count(path) -> int:
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    return len(re.findall(rb"/Type\s*/Page\b", path.read_bytes()))


def test_full_catalog_pdf_has_several_a4_pages(full_document, tmp_path, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    target = tmp_path / "policy.pdf"
    export(full_document, target, "pdf")
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    pages = page_count(target)
    assert pages > 1
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
        assert "595 x 842 pts (A4)" in info
        assert "Datenschutzerklärung – Tischlerei Beispiel GmbH" in info
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
        assert f"Seite 1 von {pages}" in text and f"Seite {pages} von {pages}" in text
        assert "1. Überblick" in text and "Stand: " in text


def test_core_and_text_writers_do_not_import_qt():
    # The core must stay Qt-free: importing the writers (and pdf.py itself) must not pull in PySide6.
    code = ("import sys; import editor.export.pdf, editor.export.html, editor.export.markdown, editor.export.text; "
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_unwritable_target_is_reported(full_document, tmp_path):
    from editor.export import ExportError

    with pytest.raises((ExportError, OSError)):
        pdf.write(full_document, tmp_path / "missing-folder" / "policy.pdf")


def _draw_import_available() -> bool:
    return shutil.which("soffice") is not None and any(
        Path(p).exists() for p in ("/usr/lib/libreoffice/program/libsdlo.so", "/usr/lib64/libreoffice/program/libsdlo.so"))


@pytest.mark.slow
@pytest.mark.skipif(not _draw_import_available(), reason="LibreOffice Draw (PDF import) is not installed")
def test_libreoffice_opens_the_pdf_with_every_page(tmp_path):
    """An independent reader: LibreOffice Draw imports the PDF; it must see every page."""
    import zipfile

    from editor.core.packs import default_catalog
    from editor.core.project import load
    from editor.resources import resource

    catalog = default_catalog(include_user=False)
    document = compose(catalog, load(resource("examples", "onlineshop.policy.json")), "de")
    target = tmp_path / "policy.pdf"
    export(document, target, "pdf")
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--infilter=draw_pdf_import",
                    "--convert-to", "odg", "--outdir", str(tmp_path), str(target)],
                   check=True, capture_output=True, timeout=180)
    content = zipfile.ZipFile(tmp_path / "policy.odg").read("content.xml").decode("utf-8")
    assert content.count("<draw:page ") == page_count(target) > 5
    assert "Datenschutzerkl" in content
