"""walk6 #6: a damaged or invalid project file is explained in the user's language — what is
wrong, where (line or field in words), that nothing was changed and where the backup is — not
with the parser's English."""
import json

import pytest

from editor.core import project as P

PARSER_WORDS = ("Unterminated", "Expecting", "Expected", "got", "$.", "`")


def saved_twice(tmp_path):
    path = tmp_path / "shop.policy.json"
    P.save(P.example_project(), path)
    P.save(P.example_project(), path)  # the second save leaves the backup
    return path


def error_of(path):
    with pytest.raises(P.ProjectError) as info:
        P.load_file(path)
    return info.value


def test_a_truncated_file_names_the_line_and_the_backup_in_both_languages(tmp_path):
    path = saved_twice(tmp_path)
    text = path.read_text(encoding="utf-8")
    cut = text[: text.index('"city"') + 9]  # inside a string, as a crash mid-write leaves it
    path.write_text(cut, encoding="utf-8")
    line = cut.count("\n") + 1
    error = error_of(path)
    de, en = error.text("de"), error.text("en")
    assert de.startswith("„shop.policy.json“ ist beschädigt") and f"In Zeile {line} bei Zeichen" in de
    assert "bricht der Text ab" in de and "Die Datei wurde nicht verändert" in de
    assert en.startswith("shop.policy.json is damaged") and f"in line {line}, at character" in en
    assert "breaks off" in en and "It was not changed" in en
    backup = str(path.with_name(path.name + ".bak"))
    assert de.endswith(backup) and en.endswith(backup)
    for message in (de, en):
        assert not any(word in message for word in PARSER_WORDS), message
    assert "Unterminated string" in error.details  # the parser's words stay a detail
    assert path.read_text(encoding="utf-8") == cut


def test_without_a_backup_no_backup_is_promised(tmp_path):
    path = tmp_path / "new.policy.json"
    path.write_text('{"format": "policy-editor-project", "schema_version": 4, "controller": {,}}', encoding="utf-8")
    error = error_of(path)
    assert "ist der Text fehlerhaft" in error.text("de") and "Sicherung" not in error.text("de")
    assert "the text is malformed" in error.text("en") and "backup" not in error.text("en")


@pytest.mark.parametrize("field, value, de, en", [
    ("postcode", 79098, "Das Feld „Postleitzahl“ des Unternehmens sollte Text sein, ist aber eine ganze Zahl",
     "the company's postcode should be text but is a whole number"),
    ("name", None, "Das Feld „Name“ des Unternehmens sollte Text sein, ist aber leer (null)",
     "the company's name should be text but is empty (null)"),
])
def test_a_value_of_the_wrong_kind_names_the_field_in_words(tmp_path, field, value, de, en):
    path = saved_twice(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["controller"][field] = value
    path.write_text(json.dumps(data), encoding="utf-8")
    error = error_of(path)
    assert error.text("de").startswith("„shop.policy.json“ enthält eine Angabe, die Policy Editor nicht verwenden kann: ")
    assert de in error.text("de") and "Die Datei wurde nicht verändert" in error.text("de")
    assert en in error.text("en") and "It was not changed" in error.text("en")
    for message in (error.text("de"), error.text("en")):
        assert not any(word in message for word in PARSER_WORDS), message
        assert message.endswith(str(path.with_name(path.name + ".bak")))


def test_every_refusal_of_the_limits_has_its_german_words(tmp_path):
    cases = {
        "long": {"controller": {"name": "x" * 100_000}},
        "deep": {"websites": json.loads("[" * 45 + "]" * 45)},
        "language": {"languages": ["fr"]},
        "count": {"websites": ["https://a.de"] * 101},
    }
    for name, extra in cases.items():
        data = {"format": P.FORMAT, "schema_version": P.SCHEMA_VERSION, **extra}
        with pytest.raises(P.ProjectError) as info:
            P.loads(json.dumps(data))
        de = info.value.text("de")
        assert de.startswith("Die Datei enthält eine Angabe") and de != str(info.value), name
        assert not any(w in de for w in ("characters long", "nested", "asks for", "entries under")), de


def test_the_verb_agrees_and_an_unknown_field_is_quoted_once():
    """review: "die Angaben zum Unternehmen sollte …", "das Feld „„xyz““"."""
    from editor.core.projectmessages import field_name, wrong_value

    de, en = wrong_value("Expected `object`, got `str` - at `$.controller`")
    assert de.startswith("die Angaben zum Unternehmen sollten") and "sind aber Text" in de
    assert en.endswith("but are text")
    de, en = wrong_value("Expected `str`, got `int` - at `$.controller.postcode`")
    assert "des Unternehmens sollte Text sein, ist aber eine ganze Zahl" in de and en.endswith("but is a whole number")
    assert wrong_value("Expected `array`, got `str` - at `$.tasks_done`")[0].startswith("die erledigten Aufgaben sollten")
    assert field_name(["dpo", "xyz"])[0] == "das Feld „xyz“ des Datenschutzbeauftragten"


def test_a_file_far_too_large_keeps_its_name_in_the_german_message(tmp_path):
    """The size's thousands separator was swapped for German by replacing every comma of the
    sentence, the file's name included."""
    from editor.core.projectlimits import MAX_FILE_BYTES

    path = tmp_path / "Shop, alt.policy.json"
    with open(path, "wb") as handle:  # sparse: no disk space used
        handle.truncate(MAX_FILE_BYTES * 1000 + 1)
    with pytest.raises(P.ProjectError) as caught:
        P.load_file(path)
    de = caught.value.text("de")
    assert "„Shop, alt.policy.json“" in de and " MB groß, viel zu groß" in de, de
    assert f"{MAX_FILE_BYTES * 1000 // 1_000_000:,}".replace(",", ".") in de


def test_a_file_that_cannot_be_opened_says_why_in_german_too(tmp_path):
    """The German message named the reason in the system's English for all but four errors
    ("… kann nicht geöffnet werden (File name too long)")."""
    import errno

    from editor.core.projectmessages import not_opened

    error = error_of(tmp_path / ("x" * 300 + ".policy.json"))
    assert "File name too long" in error.args[0] and "(der Name ist zu lang)" in error.de, error.de
    assert not_opened(OSError(errno.EIO, "Input/output error")) == "Fehler des Systems: Input/output error"
    assert not_opened(OSError(errno.EACCES, "Permission denied")) == "Ihnen fehlt die Berechtigung"
