"""A country as a shop owner types it: its code, its name in German or English, a common short form."""
import pytest

from editor.core import countries


@pytest.mark.parametrize("typed, expected", [
    ("NL", "NL"), ("nl", "NL"), ("Niederlande", "NL"), ("Netherlands", "NL"), ("the Netherlands", "NL"),
    ("Holland", "NL"), (" niederlande ", "NL"), ("USA", "US"), ("U.S.A.", "US"), ("Vereinigte Staaten", "US"),
    ("United States", "US"), ("Österreich", "AT"), ("Oesterreich", "AT"), ("UK", "GB"), ("Großbritannien", "GB"),
    ("Vereinigtes Königreich", "GB"), ("Schweiz", "CH"), ("Tschechische Republik", "CZ"), ("Czech Republic", "CZ"),
])
def test_a_country_is_known_by_its_code_and_names(typed, expected):
    assert countries.code(typed) == expected


@pytest.mark.parametrize("typed", ["", "Atlantis", "XX1", "Niederl"])
def test_a_name_nobody_knows_is_no_country(typed):
    assert countries.code(typed) is None


def test_every_named_country_is_found_by_both_its_names():
    for code in ("DE", "NL", "US", "KR", "NZ"):
        assert countries.code(countries.name(code, "de")) == code
        assert countries.code(countries.name(code, "en")) == code
