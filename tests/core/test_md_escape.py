"""md_escape reads printable text in one pass: the same result as the three passes it replaces
(line breaks to spaces, cleaned, private-use characters removed, stripped, then every ASCII
punctuation character escaped)."""
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from editor.core.mdsafe import MdSafe, md_escape
from editor.core.sanitize import LINE_BREAKS, clean_text

_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~&\"'=:^$])")


def reference(value) -> str:
    text = clean_text(LINE_BREAKS.sub(" ", str(value)))
    return _SPECIAL.sub(r"\\\1", _PRIVATE_USE.sub("", text).strip())


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.text(), st.text(st.sampled_from(" \t\n\r\x85\u2028\xa0\ue000\U000f0001\x00\x7f*_.-[]\\aÄ")),
                 st.integers(), st.floats(allow_nan=False)))
@example("  Müller & *Söhne* [GmbH]\n")
@example("\ue000Platzhalter\ue001")
def test_md_escape_is_the_three_passes(value):
    assert md_escape(value) == reference(value)


def test_md_escape_leaves_markdown_and_none():
    assert md_escape(MdSafe("**fett**")) == "**fett**" and md_escape(None) == ""
