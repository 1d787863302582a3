"""A damaged or unusable project file: the message box says what is wrong in the user's words;
the parser's own text (line and column, msgspec's path) is behind the box's Details button."""
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from editor.core.project import example_project, save

PARSER_WORDS = ("Unterminated", "Expecting", "Expected", "$.", "column")


def _look_at_the_box(seen):
    def look():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        buttons = [b.text() for b in box.findChildren(QPushButton)]
        seen.update(text=box.informativeText(), details=box.detailedText(), buttons=buttons)
        box.accept()
    QTimer.singleShot(20, look)


def _damaged(tmp_path):
    path = tmp_path / "shop.policy.json"
    save(example_project(), path)
    path.write_bytes(path.read_bytes()[:-40])
    return path


def _wrong_type(tmp_path):
    path = tmp_path / "shop.policy.json"
    save(example_project(), path)
    path.write_text(path.read_text(encoding="utf-8").replace('"postcode": "', '"postcode": 1, "x": "'),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("lang, button, damaged_words, wrong_words", [
    ("de", "Details einblenden", "ist beschädigt", "Das Feld „Postleitzahl“ des Unternehmens sollte Text sein"),
    ("en", "Show Details", "is damaged", "the company's postcode should be text"),
])
@pytest.mark.parametrize("make, parser", [(_damaged, "Unterminated string"),
                                          (_wrong_type, "Expected 'str', got 'int' - at 'controller.postcode'")])
def test_the_parsers_text_is_behind_details(window, tmp_path, ui_language, lang, button, damaged_words, wrong_words,
                                           make, parser):
    del window.prompts.show_error  # the real message box, not the fixture's recorder
    ui_language(lang)
    path = make(tmp_path)
    seen = {}
    _look_at_the_box(seen)
    assert not window.session.open_path(str(path))
    assert (damaged_words if make is _damaged else wrong_words) in seen["text"]
    assert not any(word in seen["text"] for word in PARSER_WORDS), seen["text"]
    assert parser in seen["details"]
    assert any(button in text for text in seen["buttons"]), seen["buttons"]
