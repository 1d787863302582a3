"""The TOML files the start-up reads, shipped parsed (editor/core/tomldata.py): a stored result
is taken only for exactly the bytes it was made from, and it equals tomllib's."""
import datetime as dt
import tomllib

import pytest

from editor.core import tomldata

DATED = b'name = "x"\n[[authority]]\nverified = 2026-11-21\nat = 2026-11-21T10:30:00\nwhen = 07:15:00\nlist = [1, 2.5, true]\n'


@pytest.fixture
def shipped(tmp_path):
    folder = tmp_path / "parsed"
    assert tomldata.build(folder) == len(tomldata.sources())
    return folder


def test_every_start_up_file_reads_as_tomllib_parses_it(shipped, monkeypatch):
    expected = {path: tomllib.loads(path.read_text(encoding="utf-8")) for path in tomldata.sources()}
    monkeypatch.setattr(tomllib, "loads", lambda _text: pytest.fail("parsed again, not read as shipped"))
    for path, data in expected.items():
        assert tomldata.parse(path.read_bytes(), shipped) == data, path


def test_dates_come_back_as_dates(tmp_path):
    source = tmp_path / "dated.toml"
    source.write_bytes(DATED)
    tomldata.build(tmp_path / "parsed", [source])
    data = tomldata.parse(DATED, tmp_path / "parsed")
    assert data == tomllib.loads(DATED.decode())
    assert data["authority"][0]["verified"] == dt.date(2026, 11, 21) and isinstance(data["authority"][0]["when"], dt.time)


def test_an_edited_file_is_parsed_from_its_own_bytes(shipped):
    path = tomldata.sources()[0]
    edited = path.read_bytes().replace(b"GmbH", b"GmbX", 1)
    assert edited != path.read_bytes()
    assert tomldata.parse(edited, shipped) == tomllib.loads(edited.decode())


def test_a_damaged_or_foreign_stored_file_is_not_used(shipped):
    path = tomldata.sources()[1]
    raw = path.read_bytes()
    stored = shipped / tomldata.stored_name(raw)
    for content in (b"\x00garbage", stored.read_bytes()[:20], __import__("marshal").dumps(((99, b"old"), {}, False))):
        stored.write_bytes(content)
        assert tomldata.parse(raw, shipped) == tomllib.loads(raw.decode())


def test_a_checkout_without_the_folder_parses_as_before(tmp_path):
    raw = tomldata.sources()[2].read_bytes()
    assert tomldata.parse(raw, tmp_path / "none") == tomllib.loads(raw.decode())
    with pytest.raises(tomllib.TOMLDecodeError):
        tomldata.parse(b"a = ", tmp_path / "none")
