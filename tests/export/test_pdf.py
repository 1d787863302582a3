"""PDF writer (Qt): a full-catalog policy becomes a multi-page A4 PDF with page numbers."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core.compose import compose
from editor.export import export
from editor.export import pdf
from tools import libreoffice_draw, tool


@pytest.fixture(scope="module")
def full_document(request):
    from editor.core.catalog_cache import default_catalog
    from editor.core.project import SelectedService, example_project

    catalog = default_catalog(include_user=False)
    project = example_project()
    project.services = [SelectedService(id=s) for s in sorted(catalog.services)]
    return compose(catalog, project, "de")


def pdfinfo(path) -> str:
    return subprocess.run([tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True).stdout


def page_count(path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", pdfinfo(path), re.M).group(1))


def test_full_catalog_pdf_has_several_a4_pages(full_document, tmp_path, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    target = tmp_path / "policy.pdf"
    export(full_document, target, "pdf")
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    pages = page_count(target)
    assert pages > 1
    info = pdfinfo(target)
    assert "595 x 842 pts (A4)" in info
    assert "Datenschutzerklärung – Tischlerei Beispiel GmbH" in info
    text = subprocess.run([tool("pdftotext"), "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
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


@pytest.mark.slow
def test_libreoffice_opens_the_pdf_with_every_page(tmp_path):
    """An independent reader: LibreOffice Draw imports the PDF; it must see every page."""
    import zipfile

    from editor.core.catalog_cache import default_catalog
    from editor.core.project import load
    from editor.resources import resource

    catalog = default_catalog(include_user=False)
    document = compose(catalog, load(resource("examples", "onlineshop.policy.json")), "de")
    target = tmp_path / "policy.pdf"
    export(document, target, "pdf")
    profile = tmp_path / "lo-profile"
    subprocess.run([libreoffice_draw(), f"-env:UserInstallation=file://{profile}", "--headless", "--infilter=draw_pdf_import",
                    "--convert-to", "odg", "--outdir", str(tmp_path), str(target)],
                   check=True, capture_output=True, timeout=180)
    content = zipfile.ZipFile(tmp_path / "policy.odg").read("content.xml").decode("utf-8")
    assert content.count("<draw:page ") == page_count(target) > 5
    assert "Datenschutzerkl" in content


def test_the_pdf_writer_keeps_no_application_of_its_own():
    """Importing the writer creates no QApplication, and one it creates for a headless export
    lives only while the PDF is laid out: no application in a module global, none left over."""
    tests = Path(__file__).resolve().parents[1]
    code = ("import editor.export.pdf as pdf\n"
            "from PySide6.QtCore import QCoreApplication\n"
            "from samples import sample\n"
            "before = QCoreApplication.instance()\n"
            "data = pdf.to_bytes(sample())\n"
            "print(before is None, data.startswith(b'%PDF-'), QCoreApplication.instance() is None)\n")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONPATH"] = f"{tests.parent}{os.pathsep}{tests}"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "True", "True"]
