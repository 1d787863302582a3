"""Federal-state names come from the packs' authorities, in both languages."""
from editor.core.project import STATE_CODES
from editor.core.states import state_name, state_names


def test_every_state_has_a_name_in_both_languages_from_the_authorities(catalog):
    for lang in ("de", "en"):
        names = state_names(lang, catalog)
        assert list(names) == list(STATE_CODES)
        assert names == {code: catalog.authorities[code].state_name.get(lang) for code in STATE_CODES}
        assert state_names(lang) == names  # without a catalog: the bundled core pack, the same names
    assert state_name("BY", "de") == "Bayern" and state_name("BY", "en") == "Bavaria"
    assert state_name("XX", "de") == ""


def test_cli_accepts_german_and_english_state_names():
    from editor.cli.common import state_code as _state_code

    assert _state_code("bayern") == _state_code("Bavaria") == _state_code("by") == "BY"
