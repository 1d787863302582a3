"""The fast Markdown reader (editor.core.markdown_fast) gives exactly markdown-it's blocks, or
steps aside: on every section of the bundled packs and on generated Markdown full of the
characters CommonMark reads."""
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from editor.core import markdown_fast, markup
from editor.core.compose import compose, composer_for
from editor.core.markup import slow_blocks, to_blocks
from editor.core.project import Dpo, SelectedService, example_project
from editor.core.mdsafe import md_escape, md_link, placeholder


def _fast(markdown):
    found = markdown_fast.parse(markdown, markup._MD.normalizeLink, markup._MD.validateLink)
    return None if found is None else markup._fast_blocks(found)


def _section_markdown(catalog):
    """Every Markdown text compose() parses for the full bundled catalog, in both languages."""
    from packtools import catalog_twin

    seen = []
    twin = catalog_twin(catalog)
    original = composer_for(twin).blocks

    def spy(markdown):
        seen.append(markdown)
        return original(markdown)

    composer_for(twin).blocks = spy
    project = example_project()
    project.services = [SelectedService(id=s) for s in catalog.services]
    project.dpo = Dpo(name="Dora Schutz", email="dpo@example.org")
    for lang in ("de", "en"):
        compose(twin, project, lang)
    return seen


def test_every_bundled_section_takes_the_fast_path_and_matches_markdown_it(catalog):
    texts = _section_markdown(catalog)
    assert len(texts) > 300
    for markdown in texts:
        fast = _fast(markdown)
        assert fast is not None, f"the fast reader stepped aside for: {markdown[:300]!r}"
        assert fast == slow_blocks(markdown), markdown[:300]


PIECES = [
    "Text", "Wort", " ", "  ", "\n", "\n\n", "- ", "> ", ">", "# ", "### ", "| a | b |\n|---|:-:|\n", "| 1 | 2 |",
    "**", "*", "_", "__", "***", "\\", "\\.", "\\*", "\\\n", "[Link](<https://example.org/a b>)", "[x](https://ex.org/p_q)",
    "[", "]", "(", ")", "<", ">", "&amp;", "&", "!", "![i](https://e.org/i.png)", "`code`", "1. ", "2) ", "---",
    "===", "    ", "\u00a0", "\ue000Platzhalter\ue001", "Müller", "(__cf_bm)", "snake_case", "a*b", ":", ".", "\t", "+ ",
]
pieces = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
user_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces)
@example("**Text _**    Text_")  # an opener inside strong emphasis stays text
@example("*a _b* c_ **d** _e_ *f")
def test_generated_markdown_reads_as_markdown_it_reads_it(markdown):
    fast = _fast(markdown)
    if fast is not None:
        assert fast == slow_blocks(markdown)
    assert to_blocks(markdown) == slow_blocks(markdown)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "- ", "**Label:** ", "> ", "| "]), user_text, user_text), max_size=6))
def test_escaped_user_text_in_template_shapes(lines):
    """What templates do with user input: escaped values in lists, labels, boxes, links, placeholders."""
    parts = []
    for prefix, a, b in lines:
        parts.append(f"{prefix}{md_escape(a)} {md_link(a, 'https://' + b)} {placeholder(b)} {md_escape(b)}")
    markdown = "\n".join(parts) + "\n\n" + "\n\n".join(parts)
    assert to_blocks(markdown) == slow_blocks(markdown)


@settings(max_examples=1000, deadline=None)
@given(st.from_regex(markdown_fast.PLAIN_URL, fullmatch=True).filter(lambda u: len(u) <= markdown_fast.MAX_PLAIN_URL))
@example("https://example.org")
@example("http://a--b.c/~x/..//y.z_-")
@example("https://" + "a" * 63 + "." + "b" * 63 + "." + "c" * 60)
def test_plain_links_are_what_markdown_it_makes_of_them(url):
    """The fast reader takes such a target as it is; markdown-it's normalizeLink must agree."""
    assert markup._MD.normalizeLink(url) == url


def test_bundled_links_are_what_markdown_it_makes_of_them(catalog):
    import re

    urls = {u for text in _section_markdown(catalog) for u in re.findall(r"\]\(<([^>]*)>\)", text)}
    plain = [u for u in urls if markdown_fast.PLAIN_URL.fullmatch(u) and len(u) <= markdown_fast.MAX_PLAIN_URL]
    assert len(plain) > 100
    assert [u for u in plain if markup._MD.normalizeLink(u) != u] == []


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from([" ", "-", "*", "_", "=", "+", "1", "123", ".", ")", "[", "]", ":", "a", "\t"]),
                max_size=10).map("".join))
def test_unsure_line_pattern_is_the_three_block_starts(line):
    """The one pattern for block starts the fast reader leaves to markdown-it matches where a
    thematic break or setext underline, an ordered list or other bullet, or a reference does."""
    import re

    separate = (r"^ {0,3}(?:([-*_])(?: *\1){2,}|=+|-+) *$", r"^ {0,3}(\d{1,9}[.)]|[*+])( |$)", r"^ {0,3}\[[^\]]*\]:")
    assert bool(markdown_fast._UNSURE_LINE.match(line)) == any(re.match(p, line) for p in separate)


LABEL_CHARS = st.sampled_from(["a", "Ä", " ", "\u00a0", "\u2003", "\x1c", "\x85", ":", ".", "(", ")", "-", "„", "*", "_",
                               "\\", "[", "]", "!", "&", "<", "`", "\n", "1"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(LABEL_CHARS, max_size=8).map("".join), st.lists(LABEL_CHARS, max_size=8).map("".join))
@example("Anbieter (Auftragsverarbeiter):", " Hetzner Online GmbH (Deutschland).")
@example("Daten:", "")
@example("(a)", "b")
@example("a", "\u00a0b")
@example("a", "\x85")  # markdown-it trims only CommonMark spaces: the reader too
@example("a ", " b")
@example(":", ":")
def test_a_bold_label_before_plain_text_reads_as_markdown_it_reads_it(label, rest):
    """The shortcut for "**Label:** text" holds only where CommonMark reads strong emphasis."""
    markdown = f"**{label}**{rest}"
    fast = _fast(markdown)
    if fast is not None:
        assert fast == slow_blocks(markdown)
