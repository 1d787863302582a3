"""Warnings of loading and saving carry their German words (core.projectmessages.Note)."""
import errno
import json

from editor.core import project as project_io
from editor.core.atomic import NotAFileError
from editor.core.projectmessages import backup_not_written, in_language, listed_twice, not_saved


def test_a_service_listed_twice_in_both_languages():
    ids = [f"s{n}" for n in range(5)]
    note = listed_twice(ids)
    assert note.startswith("The project lists 's0', 's1', 's2' and 2 more more than once")
    assert in_language(note, "de").startswith("Das Projekt führt „s0“, „s1“, „s2“ und 2 weitere mehr als einmal auf")
    assert in_language(note, "en") == note and in_language("plain text", "de") == "plain text"


def test_loading_gives_the_note():
    text = json.dumps({"format": project_io.FORMAT, "schema_version": 2, "services": [{"id": "a"}, {"id": "a"}]})
    _project, warnings = project_io.parse(text)
    assert in_language(warnings[0], "de") == ("Das Projekt führt „a“ mehr als einmal auf; Policy Editor behält jeweils "
                                              "den ersten Eintrag (mit seinen Einstellungen) und entfernt die Kopien "
                                              "beim Speichern.")


def test_save_failures_in_german():
    assert not_saved("p.json", OSError(errno.EROFS, "ro"))[1] == (
        "„p.json“ konnte nicht gespeichert werden, weil der Datenträger schreibgeschützt ist. "
        "Die Datei auf dem Datenträger blieb unverändert.")
    folder = NotAFileError("folder", "x")
    assert str(folder) == "[Errno 22] it is a folder, not a file: 'x'"
    assert in_language(backup_not_written("p.json.bak", folder), "de") == (
        "Die Sicherungskopie „p.json.bak“ konnte nicht geschrieben werden, weil dort ein Ordner statt einer Datei "
        "liegt; das Projekt selbst wurde gespeichert.")
    odd = not_saved("p.json", OSError(errno.EIO, "Input/output error"))
    assert odd == ("p.json could not be saved because input/output error. The file on disk was not changed.",
                   "„p.json“ konnte nicht gespeichert werden, weil ein Fehler des Systems auftrat (Input/output error). "
                   "Die Datei auf dem Datenträger blieb unverändert.")


def test_a_socket_is_something_else_in_both_languages(tmp_path):
    """review8: a socket read "it is not a regular file, not a file", and the German kind was read
    back out of the English text."""
    import socket

    from editor.core.atomic import regular_stat
    from editor.core.projectmessages import not_a_file

    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        try:
            regular_stat(path)
        except NotAFileError as exc:
            found = exc
    assert found.kind == "other" and "it is something else, not a file" in str(found)
    assert not_a_file(found) == "es ist etwas anderes, keine Datei"
    assert not_a_file(NotAFileError("fifo", "p")) == "es ist eine Pipe (FIFO), keine Datei"
