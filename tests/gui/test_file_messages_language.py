"""What opening and saving a project tell the user comes in the interface's language (walk6:
a service listed twice and save failures were English in the German interface)."""
import errno
import json

import pytest

from editor.core import atomic
from editor.core import project as project_io
from editor.gui.targets import ControllerField

WORDS = {  # language → (title of the note, words of each message)
    "de": {"twice": "Das Projekt führt „stripe“ mehr als einmal auf", "note": "Bitte beachten Sie",
           "full": "konnte nicht gespeichert werden, weil der Datenträger voll ist",
           "backup": "Die Sicherungskopie „shop.policy.json.bak“ konnte nicht geschrieben werden, weil dort ein Ordner "
                     "statt einer Datei liegt",
           "folder": "Das Projekt kann nicht unter"},
    "en": {"twice": "The project lists 'stripe' more than once", "note": "Please note",
           "full": "could not be saved because the disk is full",
           "backup": "The backup copy shop.policy.json.bak could not be written",
           "folder": "The project cannot be saved as"},
}
ENGLISH_ONLY = ("more than once", "could not be", "because", "backup copy", "cannot be saved", "not a file")


@pytest.fixture(params=["de", "en"])
def lang(request, ui_language):
    if request.param == "de":
        ui_language("de")
    return request.param


def _no_english(lang, text):
    if lang == "de":
        assert not any(words in text for words in ENGLISH_ONLY), text


def test_a_service_listed_twice(window, tmp_path, lang):
    path = tmp_path / "dup.policy.json"
    path.write_text(json.dumps({"format": project_io.FORMAT, "schema_version": 2,
                                "services": [{"id": "stripe"}, {"id": "stripe"}]}), encoding="utf-8")
    assert window.session.open_path(str(path))
    assert window.model.project.service_ids() == ["stripe"]
    title, text = window.errors[-1]
    assert title == WORDS[lang]["note"] and WORDS[lang]["twice"] in text
    _no_english(lang, text)


def test_a_full_disk(window, example_file, monkeypatch, lang):
    assert window.session.open_path(str(example_file))
    window.push(ControllerField("city"), "Bonn", "city")
    monkeypatch.setattr(atomic, "_write_all", lambda fd, data: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
    assert not window.session.save()
    text = window.errors[-1][1]
    assert WORDS[lang]["full"] in text
    _no_english(lang, text)


def test_a_backup_that_cannot_be_written(window, example_file, lang):
    assert window.session.open_path(str(example_file))
    example_file.with_name(example_file.name + ".bak").mkdir()
    window.push(ControllerField("city"), "Bonn", "city")
    assert window.session.save()
    text = window.errors[-1][1]
    assert WORDS[lang]["backup"] in text
    _no_english(lang, text)


def test_saving_onto_a_folder(window, example_file, tmp_path, lang):
    assert window.session.open_path(str(example_file))
    folder = tmp_path / "folder.policy.json"
    folder.mkdir()
    window.prompts.ask_save_path = lambda *args: str(folder)
    assert not window.session.save_as()
    text = window.errors[-1][1]
    assert WORDS[lang]["folder"] in text
    _no_english(lang, text)
