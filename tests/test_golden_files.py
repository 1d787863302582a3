"""The golden-file comparison itself: a missing or different file fails; only UPDATE_GOLDEN=1 writes."""
import pytest

import golden_files
from golden_files import check_golden, check_golden_folder


@pytest.fixture
def golden(tmp_path, monkeypatch):
    monkeypatch.setattr(golden_files, "GOLDEN", tmp_path)
    monkeypatch.delenv("UPDATE_GOLDEN", raising=False)
    return tmp_path


def test_missing_golden_file_fails_and_is_not_created(golden):
    with pytest.raises(AssertionError, match="tests/golden/md/new.md is missing"):
        check_golden("md/new.md", "text\n")
    assert not (golden / "md" / "new.md").exists()


def test_different_text_fails_with_a_diff(golden):
    (golden / "a.txt").write_text("eins\nzwei\ndrei\n", encoding="utf-8")
    check_golden("a.txt", "eins\nzwei\ndrei\n")
    with pytest.raises(AssertionError) as info:
        check_golden("a.txt", "eins\nZWEI\ndrei\n")
    assert "-zwei\n+ZWEI" in str(info.value)


def test_update_golden_writes_then_the_comparison_holds(golden, monkeypatch):
    monkeypatch.setenv("UPDATE_GOLDEN", "1")
    check_golden("sub/b.txt", "neu\n")
    check_golden_folder("parts", {"x.xml": "<x/>\n"})
    monkeypatch.delenv("UPDATE_GOLDEN")
    assert (golden / "sub" / "b.txt").read_text(encoding="utf-8") == "neu\n"
    check_golden("sub/b.txt", "neu\n")
    check_golden_folder("parts", {"x.xml": "<x/>\n"})


def test_other_values_of_update_golden_do_not_write(golden, monkeypatch):
    monkeypatch.setenv("UPDATE_GOLDEN", "0")
    with pytest.raises(AssertionError, match="missing"):
        check_golden("c.txt", "x")


def test_folder_fails_on_a_missing_or_an_unexpected_part(golden, monkeypatch):
    with pytest.raises(AssertionError, match=r"missing \['x.xml'\]"):
        check_golden_folder("parts", {"x.xml": "<x/>\n"})
    monkeypatch.setenv("UPDATE_GOLDEN", "1")
    check_golden_folder("parts", {"x.xml": "<x/>\n", "y.xml": "<y/>\n"})
    monkeypatch.delenv("UPDATE_GOLDEN")
    with pytest.raises(AssertionError, match=r"unexpected \['y.xml'\]"):
        check_golden_folder("parts", {"x.xml": "<x/>\n"})
    (golden / "parts" / "x.xml").unlink()
    with pytest.raises(AssertionError, match=r"missing \['x.xml'\]"):
        check_golden_folder("parts", {"x.xml": "<x/>\n", "y.xml": "<y/>\n"})
    with pytest.raises(AssertionError, match="y.xml differs"):
        check_golden_folder("parts", {"y.xml": "<z/>\n"})
