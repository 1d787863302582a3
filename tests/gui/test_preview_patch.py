"""Typing in a company field rewrites only the changed paragraphs inside their text blocks; the
preview must then equal a fresh render to the last format (links, placeholders, bold)."""
import pytest

from editor.core.compose import compose
from editor.core.project import example_project
from editor.gui.preview import Preview


def fresh_html(document):
    view = Preview()
    view.show_document(document)
    return view.toHtml()


@pytest.mark.parametrize("field, values", [
    ("phone", ["+49 30 1234", "", "+49 (0) 221 / 98 76-5", "+49 30 1234"]),  # "" shows a placeholder
    ("email", ["info@example.de", "", "kontakt@tischlerei-beispiel.de"]),  # a mailto link, then none
    ("name", ["A & B <x>", "Müller *GmbH*", "Tischlerei Beispiel"]),
])
def test_patched_paragraphs_equal_a_fresh_render(qtbot, catalog, monkeypatch, field, values):
    view = Preview()
    qtbot.addWidget(view)
    project = example_project()
    view.show_document(compose(catalog, project, "de"))
    patched = []
    original = Preview._patch
    monkeypatch.setattr(Preview, "_patch", lambda self, *a: patched.append(original(self, *a)) or patched[-1])
    for value in values:
        setattr(project.controller, field, value)
        document = compose(catalog, project, "de")
        view.show_document(document)
        assert view.toHtml() == fresh_html(document), (field, value)
    assert any(patched)  # the paragraphs were patched, not whole sections replaced
