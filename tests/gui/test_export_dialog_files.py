"""The export dialog's files: a draft says it is one; the review edition comes beside the DOCX."""
import zipfile

from editor.core.project import SelectedService, example_project

DRAFT_DE = "Entwurf – nicht veröffentlichen. Offene Fehler: 1"
DRAFT_EN = "Draft – do not publish. Open errors: 1"


def dialog_for(project, catalog, qtbot, tmp_path, formats, languages=("de",), review=False):
    """The dialog set to write ``formats`` × ``languages`` as policy-… into tmp_path (which must
    be a folder of its own: the tests' settings live in another tmp_path folder)."""
    from editor.gui.export_dialog import ExportDialog

    dialog = ExportDialog(catalog, project, None)
    qtbot.addWidget(dialog)
    for key, box in dialog.format_boxes.items():
        box.setChecked(key in formats)
    for key, box in dialog.lang_boxes.items():
        box.setChecked(key in languages)
    dialog.review.setChecked(review)
    dialog.folder.setText(str(tmp_path))
    dialog.base.setText("policy")
    return dialog


def export(dialog, qtbot, asked=None):
    dialog.confirm_open_errors = lambda errors: (asked.append(errors) if asked is not None else None) or True
    with qtbot.waitSignal(dialog.done, timeout=30000):
        dialog.export_button.click()
    assert all(not j.error for j in dialog.finished_jobs), [j.error for j in dialog.finished_jobs]


def test_export_anyway_with_an_error_that_is_no_missing_field_writes_a_marked_draft(catalog, qtbot, tmp_path):
    tmp_path = tmp_path / "out"
    project = example_project()
    project.services = [SelectedService(id="google-analytics")]  # needs consent, no banner chosen
    dialog = dialog_for(project, catalog, qtbot, tmp_path, ("md", "html", "docx"), ("de", "en"))
    asked = []
    export(dialog, qtbot, asked)
    assert [e.code for e in asked[0]] == ["consent-tool-missing"]
    assert DRAFT_DE in (tmp_path / "policy-de.md").read_text(encoding="utf-8")
    assert DRAFT_EN in (tmp_path / "policy-en.md").read_text(encoding="utf-8")
    assert DRAFT_DE in (tmp_path / "policy-de.html").read_text(encoding="utf-8")
    assert DRAFT_EN in zipfile.ZipFile(tmp_path / "policy-en.docx").read("word/document.xml").decode()


def test_without_open_errors_the_files_carry_no_draft_notice(catalog, qtbot, tmp_path):
    tmp_path = tmp_path / "out"
    dialog = dialog_for(example_project(), catalog, qtbot, tmp_path, ("md", "html"))
    asked = []
    export(dialog, qtbot, asked)
    assert asked == []  # nothing to confirm
    for name in ("policy-de.md", "policy-de.html"):
        assert "Entwurf" not in (tmp_path / name).read_text(encoding="utf-8")


def test_the_review_edition_is_written_beside_the_docx_not_instead(catalog, qtbot, tmp_path):
    from editor.gui.export_dialog import FORMATS

    tmp_path = tmp_path / "out"
    dialog = dialog_for(example_project(), catalog, qtbot, tmp_path, tuple(FORMATS), ("de", "en"), review=True)
    assert "policy-de.docx, policy-de-review.docx" in dialog.names_hint.text()
    export(dialog, qtbot)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(f"policy-{lang}{suffix}" for lang in ("de", "en") for suffix in
                           (".docx", "-review.docx", ".html", "-fragment.html", ".md", ".txt", ".pdf"))
    review = zipfile.ZipFile(tmp_path / "policy-de-review.docx")
    clean = zipfile.ZipFile(tmp_path / "policy-de.docx")
    assert "Hinweise für die rechtliche Prüfung" in review.read("word/document.xml").decode()
    assert "Hinweise für die rechtliche Prüfung" not in clean.read("word/document.xml").decode()
    assert dialog.result.text().startswith(f"14 file(s) written to {tmp_path}:")


def test_without_the_review_box_only_the_docx_is_written(catalog, qtbot, tmp_path):
    tmp_path = tmp_path / "out"
    dialog = dialog_for(example_project(), catalog, qtbot, tmp_path, ("docx",), ("de",), review=False)
    export(dialog, qtbot)
    assert [p.name for p in tmp_path.iterdir()] == ["policy-de.docx"]
