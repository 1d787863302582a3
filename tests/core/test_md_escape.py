"""md_escape: a user's value prints literally wherever a template puts it — checked against
markdown-it (the reference reader) in every shape templates print values in — and reads in one
pass what the reference passes do (line breaks to spaces, cleaned, private-use characters
removed, stripped, then what Markdown reads escaped)."""
import re

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from editor.core.document import iter_runs
from editor.core.markup import slow_blocks, to_blocks
from editor.core.mdsafe import MdSafe, md_escape
from editor.core.sanitize import LINE_BREAKS, clean_text

_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
_SPECIAL = re.compile(r"([\\`*_{}\[\]#!<>|~&\"'])")
_LINE_START = re.compile(r"^([-+=.)])|^([0-9]{1,9})([.)])")


def cleaned(value) -> str:
    return _PRIVATE_USE.sub("", clean_text(LINE_BREAKS.sub(" ", str(value)))).strip()


def reference(value) -> str:
    escaped = _SPECIAL.sub(r"\\\1", cleaned(value))
    return _LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", escaped)


values = st.one_of(
    st.text(),
    st.text(st.sampled_from(" \t\n\r\x85\u2028\xa0\ue000\U000f0001\x00\x7f*_.-+=()[]<>!&|#`~:\\1aÄ")),
    st.from_regex(r"[-+=#>*_0-9 .)(]{1,12}[a-z .()-]{0,8}", fullmatch=True),  # block starts
    st.integers(), st.floats(allow_nan=False))


@settings(max_examples=3000, deadline=None)
@given(values)
@example("  Müller & *Söhne* [GmbH]\n")
@example("\ue000Platzhalter\ue001")
@example("1. FC Köln")
def test_md_escape_is_the_reference_passes(value):
    assert md_escape(value) == reference(value)


# Where templates print values: alone, in running text, as a list item, in a box, after a bold
# label, in bold and italics, as a heading, in a table cell, as a link's text, on a paragraph's
# second line, twice in a row, before a link.
SHAPES = ["{v}", "Text {v} text.", "- {v}", "> {v}", "**Label:** {v}.", "**{v}**", "*{v}*", "## {v}",
          "| {v} | x |\n| --- | --- |\n| {v} | y |", "[{v}](<https://example.org>)", "Text\n{v}",
          "{v}{v}", "{v} [x](<https://example.org>)", "- a\n- {v}", "Text\n\n{v}\n\nText"]


def _text(blocks) -> str:
    return "|".join("".join(run.text for run in iter_runs(block)) for block in blocks)


@settings(max_examples=1500, deadline=None)
@given(values)
@example("- x")
@example("1. FC Köln")
@example("12) Punkt")
@example("===")
@example("+49 30 123")
@example("a | b")
@example("Foo #")
@example("&amp; &#65;")
@example("<https://evil.example>")
@example("(GmbH). Art. 6 Abs. 1 lit. f")
def test_an_escaped_value_prints_literally_in_every_template_shape(value):
    clean = cleaned(value)
    assume(clean)  # (an empty value leaves the shape's own markup, e.g. "****", as text)
    escaped = md_escape(value)
    for shape in SHAPES:
        markdown = shape.replace("{v}", escaped)
        expected = _text(slow_blocks(shape.replace("{v}", "VALUE"))).replace("VALUE", clean)
        assert _text(slow_blocks(markdown)) == expected, (shape, value)
        assert to_blocks(markdown) == slow_blocks(markdown)


def test_md_escape_leaves_markdown_and_none():
    assert md_escape(MdSafe("**fett**")) == "**fett**" and md_escape(None) == ""


# Two values printed side by side ("{{ street }}{{ number }}"): the first one's end and the second
# one's start meet where a block may start ("1" then ". x" is an ordered list item).
PAIRS = ["{v}{w}", "- {v}{w}", "Text\n{v}{w}", "> {v}{w}"]


@settings(max_examples=1000, deadline=None)
@given(values, values)
@example("1", ". x")
@example("12", ") Punkt")
@example("1", "")
def test_two_escaped_values_side_by_side_print_literally(first, second):
    clean = cleaned(first) + cleaned(second)
    assume(cleaned(first) and cleaned(second))
    for shape in PAIRS:
        markdown = shape.replace("{v}", md_escape(first)).replace("{w}", md_escape(second))
        expected = _text(slow_blocks(shape.replace("{v}{w}", "VALUE"))).replace("VALUE", clean)
        assert _text(slow_blocks(markdown)) == expected, (shape, first, second)
