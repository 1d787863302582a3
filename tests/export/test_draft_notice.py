"""A policy exported with open errors says it is a draft, in every format and in its language;
one without errors does not. The error here is no missing field (a placeholder would show
that): a service needing consent while no consent banner is selected."""
from __future__ import annotations

import html
import subprocess
import zipfile

import pytest

from editor.cli import main
from editor.core import project as P
from editor.core.compose import compose
from editor.core.document import placeholders
from editor.core.export_gate import as_exported, open_errors
from editor.core.project import SelectedService, example_project
from editor.export import export, qtdoc
from editor.export.pdf import qt_application
from tools import tool

NOTICE = {"de": "Entwurf – nicht veröffentlichen. Offene Fehler: 1", "en": "Draft – do not publish. Open errors: 1"}
ANY_NOTICE = ("Entwurf – nicht veröffentlichen", "Draft – do not publish")


def consent_gap() -> P.Project:
    project = example_project()
    project.services = [SelectedService(id="google-analytics")]  # needs consent, no banner chosen
    return project


@pytest.fixture
def clean():
    return example_project()


def test_the_open_error_is_not_a_missing_field(catalog):
    (error,) = open_errors(catalog, consent_gap(), lang="de")
    assert error.code == "consent-tool-missing"
    assert placeholders(compose(catalog, consent_gap(), "de")) == []  # nothing else marks it


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
def test_text_formats_carry_the_notice_and_the_error_in_the_document_language(catalog, tmp_path, fmt, lang):
    project = consent_gap()
    (error,) = open_errors(catalog, project, lang=lang)
    document = as_exported(catalog, project, compose(catalog, project, lang))
    export(document, tmp_path / f"p.{fmt}", fmt)
    text = (tmp_path / f"p.{fmt}").read_text(encoding="utf-8")
    flat = " ".join((html.unescape(text) if fmt == "html" else text).replace("│", " ").split())
    assert NOTICE[lang] in flat
    assert "Google Analytics" in error.message and " ".join(error.message.split())[:40] in flat.replace("\\", "")
    assert flat.index(NOTICE[lang]) < flat.index(document.sections[0].title)  # at the top, before the text


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "docx"])
def test_a_document_without_open_errors_has_no_notice(catalog, clean, tmp_path, fmt):
    assert open_errors(catalog, clean, lang="de") == []
    document = as_exported(catalog, clean, compose(catalog, clean, "de"))
    assert document.draft == ()
    export(document, tmp_path / f"p.{fmt}", fmt)
    data = (tmp_path / f"p.{fmt}").read_bytes()
    text = zipfile.ZipFile(tmp_path / f"p.{fmt}").read("word/document.xml").decode() if fmt == "docx" else data.decode()
    assert not any(n in text for n in ANY_NOTICE)


def test_the_html_fragment_and_docx_carry_the_notice(catalog, tmp_path):
    project = consent_gap()
    document = as_exported(catalog, project, compose(catalog, project, "de"))
    export(document, tmp_path / "f.html", "html", fragment=True)
    assert NOTICE["de"] in (tmp_path / "f.html").read_text(encoding="utf-8")
    assert 'class="notice notice-draft"' in (tmp_path / "f.html").read_text(encoding="utf-8")
    export(document, tmp_path / "p.docx", "docx")
    xml = zipfile.ZipFile(tmp_path / "p.docx").read("word/document.xml").decode()
    assert NOTICE["de"] in xml and xml.index(NOTICE["de"]) < xml.index(document.sections[0].title)


def test_the_pdf_and_the_preview_units_carry_the_notice(catalog, tmp_path):
    project = consent_gap()
    document = as_exported(catalog, project, compose(catalog, project, "en"))
    title = qtdoc.units(document)[0]
    assert NOTICE["en"] in qtdoc.unit_html(title)
    with qt_application():
        export(document, tmp_path / "p.pdf", "pdf")
    text = subprocess.run([tool("pdftotext"), str(tmp_path / "p.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert NOTICE["en"] in " ".join(text.split())


def test_the_review_edition_lists_the_open_errors_on_its_first_page(catalog, tmp_path):
    from editor.core.review import review_notes

    project = consent_gap()
    document = as_exported(catalog, project, compose(catalog, project, "de"))
    notes = review_notes(catalog, project, document)
    assert notes.errors == document.draft and len(notes.errors) == 1
    export(document, tmp_path / "r.docx", "docx", review=notes)
    xml = zipfile.ZipFile(tmp_path / "r.docx").read("word/document.xml").decode()
    first_page = xml[: xml.index("Hinweise für die rechtliche Prüfung") + 20_000].split("w:br w:type=\"page\"")[0]
    assert "Offene Fehler (die Erklärung ist ein Entwurf)" in first_page
    assert "Google Analytics" in first_page
    clean = example_project()
    assert review_notes(catalog, clean, compose(catalog, clean, "de")).errors == ()


def test_cli_export_marks_the_draft_and_strict_still_refuses(capsys, tmp_path):
    project = tmp_path / "p.json"
    P.save(consent_gap(), project)
    out = tmp_path / "p.md"
    assert main(["export", str(project), "-o", str(out)]) == 0
    assert NOTICE["de"] in out.read_text(encoding="utf-8")
    assert "marked as a draft" in capsys.readouterr().err
    assert main(["export", str(project), "-o", str(tmp_path / "s.md"), "--strict"]) == 1
    assert not (tmp_path / "s.md").exists()
