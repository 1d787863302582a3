"""Markdown and plain-text writers: golden files, Markdown read back through markdown-it-py,
and arbitrary user text (hypothesis). Regenerate the golden files with UPDATE_GOLDEN=1."""
from __future__ import annotations

from datetime import date

from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from editor.core.document import Box, BulletList, Document, Heading, Paragraph, Run, Section, Table
from editor.export import export
from editor.export import html as html_writer
from editor.export import markdown, text
from editor.core.sanitize import clean_text as clean
from golden_files import check_golden
from samples import COMPANY, sample

# What website builders use: CommonMark with raw HTML allowed (the strict case for escaping) + tables.
MD = MarkdownIt("commonmark").enable("table")


class Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("strong", "em", "a"):
            self.parts.append(" ")  # cells and blocks are separate words

    def handle_data(self, data):
        self.parts.append(data)


def md_to_html(source: str) -> tuple[str, list[tuple[str, dict]], str]:
    """(visible text with whitespace normalised, start tags, html) of Markdown rendered by markdown-it-py."""
    rendered = MD.render(source)
    parser = Text()
    parser.feed(rendered)
    return " ".join("".join(parser.parts).split()), parser.tags, rendered


def test_markdown_matches_golden():
    check_golden("md/policy.md", markdown.render(sample()))


def test_text_matches_golden():
    check_golden("txt/policy.txt", text.render(sample()))


# ---------------------------------------------------------------- Markdown


def test_markdown_renders_to_the_intended_structure():
    visible, tags, rendered = md_to_html(markdown.render(sample()))
    assert "<h1>Datenschutzerklärung</h1>" in rendered
    assert "<h2>1. Überblick</h2>" in rendered and "<h3>2.1 Matomo (selbst gehostet)</h3>" in rendered
    assert "<h4>Speicherdauer</h4>" in rendered
    assert "<strong>verantwortlich</strong>" in rendered and "<em>Ihre</em>" in rendered
    assert '<a href="https://example.com/datenschutz?a=1&amp;b=2">unserer Website</a>' in rendered
    assert "<strong>[Telefonnummer]</strong>" in rendered
    assert "<br />\nZweite Zeile &lt;ok&gt; &amp; gut." in rendered
    assert "<blockquote>\n<p><strong>Widerspruchsrecht</strong></p>" in rendered
    assert "<thead>" in rendered and "<td><em>gekürzt</em></td>" in rendered
    assert "<ol>\n<li>erstens</li>" in rendered and "<ul>\n<li>Name</li>" in rendered
    assert "Stand: 21.11.2026" in visible


def test_company_with_markdown_metacharacters_prints_exactly():
    source = markdown.render(sample())
    assert "Müller & \\*Söhne\\* \\[GmbH\\]" in source  # readable in the raw file, too
    visible, tags, rendered = md_to_html(source)
    assert f"<p>{COMPANY.replace('&', '&amp;')}</p>" in rendered
    # Only the document's own emphasis and links: the "Stand" line, "Ihre", "gekürzt"; two links.
    assert [t for t, _ in tags if t in ("em", "a")] == ["em", "em", "a", "em", "a"]


@pytest.mark.parametrize("value", [
    "# Überschrift", "- Punkt", "+ Punkt", "1. Liste", "2) Liste", "===", "---", "> Zitat", "    Code",
    "<div>roh</div>", "<script>alert(1)</script>", "`code`", "~~~", "| a | b |", "&copy; &#169; &#xA9;",
    "[link](https://evil.example)", "![bild](https://tracker.example/x.png)", "a\\", "*a* _b_ **c**", "Tel.\n1. Zeile\n# zwei",
])
def test_syntax_in_user_text_stays_text(value):
    doc = Document("de", "Datenschutzerklärung", value, date(2026, 1, 1),
                   (Section("s", "1", value, (Paragraph((Run(value),)), BulletList(((Run(value),),)),
                                              Table(((Run(value),),), (((Run(value),),),)), Box((Paragraph((Run(value),)),)))),))
    visible, tags, rendered = md_to_html(markdown.render(doc))
    assert {t for t, _ in tags} <= {"h1", "h2", "p", "em", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "blockquote", "br"}, rendered
    assert visible.count(" ".join(value.split())) == 7, rendered  # company, heading, paragraph, item, header, cell, box


def test_unsafe_link_targets_are_written_as_plain_text():
    runs = (Run("klick", link="javascript:alert(1)"), Run(" und "), Run("hier", link="https://example.com/a (b) <c>"))
    doc = Document("de", "T", "C", date(2026, 1, 1), (Section("s", "1", "S", (Paragraph(runs),)),))
    visible, tags, rendered = md_to_html(markdown.render(doc))
    assert [a["href"] for t, a in tags if t == "a"] == ["https://example.com/a%20%28b%29%20%3Cc%3E"]
    assert "klick und hier" in visible


def test_emphasis_that_cannot_flank_degrades_to_plain_text():
    # "**(a)**b" would not close in CommonMark: the run loses its bold, not its text.
    runs = (Run("x"), Run("(a)", bold=True), Run("b"), Run("c", italic=True), Run("d", bold=True))
    doc = Document("de", "T", "C", date(2026, 1, 1), (Section("s", "1", "S", (Paragraph(runs),)),))
    visible, tags, rendered = md_to_html(markdown.render(doc))
    assert "x(a)bcd" in visible and "*" not in visible


# ---------------------------------------------------------------- plain text


def test_text_layout():
    out = text.render(sample())
    lines = out.splitlines()
    assert lines[:4] == ["DATENSCHUTZERKLÄRUNG", "====================", COMPANY, "Stand: 21.11.2026"]
    assert "1. Überblick" in lines and "2.1 Matomo (selbst gehostet)" in lines
    assert lines[lines.index("1. Überblick") + 1] == "=" * len("1. Überblick")
    assert "• Name" in lines and "1. erstens" in lines
    assert "unserer Website (https://example.com/datenschutz?a=1&b=2)" in " ".join(out.split())
    assert "[Telefonnummer]" in out
    assert "│ Widerspruchsrecht" in lines
    assert "│ Sie können jederzeit widersprechen: E-Mail (datenschutz@example.com)." in lines
    assert "Daten       Dauer" in lines and "IP-Adresse  gekürzt" in lines
    assert all(len(line) <= 80 for line in lines)
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_text_wraps_long_paragraphs_and_switches_wide_tables_to_label_lines():
    long = "Wort " * 60
    table = Table(((Run("Dienst"),), (Run("Beschreibung"),)), (((Run("Matomo"),), (Run(long),)),))
    doc = Document("en", "Privacy policy", "ACME", date(2026, 11, 21), (Section("s", "1", "S", (Paragraph((Run(long),)), table)),))
    lines = text.render(doc).splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "Last updated: 21 November 2026" in lines
    assert "Dienst: Matomo" in lines and any(line.startswith("Beschreibung: Wort Wort") for line in lines)


def test_write_through_export(tmp_path):
    export(sample(), tmp_path / "p.md", "md")
    export(sample(), tmp_path / "p.txt", "txt")
    assert (tmp_path / "p.md").read_bytes() == markdown.render(sample()).encode("utf-8")
    assert (tmp_path / "p.txt").read_bytes() == text.render(sample()).encode("utf-8")


# ---------------------------------------------------------------- arbitrary user text

NASTY = st.sampled_from([
    "<script>alert(1)</script>", "Müller & *Söhne* [GmbH]", "&amp; &#60; &copy", "# x", "1. x", "- x", "> x",
    "\u202eevil\u202c \u200f\u200e", "👩‍👩‍👧 😀", "a\\", "\\*", "**", "_x_", "`", "|", "![a](b)", "\x00\x1b\x7f\x85\u2028",
    "\n\n", "  \n  - x", "(a)", "„Zitat“", "x**y", "\ufeffBOM", "a  \nb", "\t\tcode",
])
TEXT = st.one_of(st.text(max_size=40), NASTY, st.lists(NASTY, max_size=4).map("".join),
                 st.text(min_size=1, max_size=12).map(lambda s: (s * 10_000)[:10_000]))
RUN = st.builds(Run, TEXT, st.booleans(), st.booleans(),
                st.sampled_from([None, None, "https://example.com/x", "javascript:x"]), st.booleans())


def visible_text(runs) -> str:
    return " ".join("".join(shown(r) for r in runs).split())


def shown(run: Run) -> str:
    """A run's text as every writer shows it: a placeholder's label in brackets, its spaces outside."""
    t = clean(run.text)
    if not (run.placeholder and t.strip()):
        return t  # a placeholder without a label is only its whitespace: nothing to fill in
    return f"{t[: len(t) - len(t.lstrip())]}[{t.strip()}]{t[len(t.rstrip()):]}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(RUN, min_size=1, max_size=6), TEXT)
def test_markdown_shows_arbitrary_text_exactly(runs, company):
    runs = tuple(runs)
    doc = Document("de", "Datenschutzerklärung", company, date(2026, 11, 21), (Section("s", "1", "S", (
        Paragraph(runs), BulletList((runs, runs)), Box((Paragraph(runs),)), Table(((Run(company),),), ((runs,),)),
    )),))
    visible, tags, rendered = md_to_html(markdown.render(doc))
    expected = visible_text(runs)
    if expected:  # runs of only whitespace or dropped characters leave nothing to find
        assert visible.count(expected) >= 5, (expected, rendered)
    assert " ".join(clean(company).split()) in visible
    assert {t for t, _ in tags} <= {"h1", "h2", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td",
                                     "blockquote", "br", "strong", "em", "a"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(RUN, min_size=1, max_size=6), TEXT)
def test_every_format_renders_arbitrary_text(runs, company):
    runs = tuple(runs)
    doc = Document("de", company, company, date(2026, 11, 21), (Section(company, "1", company, (
        Paragraph(runs), Heading(runs), BulletList((runs,), ordered=True), Box((Paragraph(runs), BulletList((runs,)))),
        Table((runs, runs), ((runs, (Run(company),)),)),
    )),))
    plain = text.render(doc)
    md_visible, _, _ = md_to_html(markdown.render(doc))
    html_parser = Text()
    html_parser.feed(html_writer.render(doc, fragment=True))
    html_visible = " ".join("".join(html_parser.parts).split())
    name = " ".join(clean(company).split())
    assert name in " ".join(plain.split()) and name in md_visible and name in html_visible
    for run in runs:
        for word in shown(run).split():
            if len(word) <= 80:  # the text writer wraps at 80 columns
                assert word in plain
            assert word in md_visible
        for word in clean(run.text).split():  # HTML marks a placeholder instead of bracketing it
            assert word in html_visible


def test_a_link_that_shows_its_own_target_is_printed_once_for_every_allowed_scheme():
    """The plain text prints a link's target after its text unless the text is the target
    already, with or without its scheme: the schemes are sanitize.ALLOWED_SCHEMES, named once."""
    from editor.core.sanitize import ALLOWED_SCHEMES, without_scheme

    for scheme in ALLOWED_SCHEMES:
        target = f"{scheme.upper()}example.com/x" if scheme.endswith("//") else f"{scheme.upper()}+49 30 1234"
        shown = without_scheme(target)
        assert shown != target and not shown.lower().startswith(scheme)
        doc = Document("en", "T", "ACME", date(2026, 11, 21), (Section("s", "1", "S", (Paragraph((Run(shown, link=target),)),)),))
        body = text.render(doc)
        assert shown in body and target not in body
    assert without_scheme("javascript:alert(1)") == "javascript:alert(1)"
    assert without_scheme("see https://example.com") == "see https://example.com"  # only at the start
