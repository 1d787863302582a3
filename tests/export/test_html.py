"""HTML writer: golden page and fragment, well-formedness, no external requests, escaping of
arbitrary user text (hypothesis). Regenerate the golden files with UPDATE_GOLDEN=1."""
from __future__ import annotations

from datetime import date

import re
from html.parser import HTMLParser

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.document import Box, BulletList, Document, Heading, Paragraph, Run, Section, Table
from editor.export import export
from editor.export import html as writer
from golden_files import check_golden, compare_golden
from samples import sample

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Every element the writer may produce; anything else (script, img, iframe …) came from user text.
KNOWN_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "div", "header", "nav", "h1", "h2",
              "h3", "h4", "h5", "h6", "p", "ol", "ul", "li", "a", "span", "section", "strong", "em",
              "mark", "br", "aside", "table", "thead", "tbody", "tr", "th", "td"}


class Checker(HTMLParser):
    """Collects tags, attributes and visible text; fails on tags closed out of order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.starts: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.doctype: str | None = None
        self.in_style = False
        self.css: list[str] = []

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        self.starts.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)
        self.in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.errors.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag):
        if tag in VOID:
            self.errors.append(f"end tag for void </{tag}>")
        elif not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()
        self.in_style = False

    def handle_data(self, data):
        (self.css if self.in_style else self.text).append(data)

    def visible(self) -> str:
        return " ".join("".join(self.text).split())


def parse(markup: str) -> Checker:
    checker = Checker()
    checker.feed(markup)
    checker.close()
    assert not checker.errors, checker.errors
    assert not checker.stack, f"unclosed: {checker.stack}"
    return checker


STYLE = re.compile(r"(<style>\n?).*?(</style>)", re.S)
STYLE_MARK = "/* resources/html/style.css: not part of the golden file (test_page_embeds_our_stylesheet) */\n"


def without_stylesheet(page: str) -> str:
    """The page as the writer made it from the document: our own stylesheet's content is left out,
    so a colour tweak in resources/html/style.css does not touch the golden file."""
    stripped, count = STYLE.subn(lambda m: m.group(1) + STYLE_MARK + m.group(2), page)
    assert count == 1, "the page must carry exactly one <style> element"
    return stripped


def test_page_matches_golden():
    check_golden("html/page.html", without_stylesheet(writer.render(sample())))


def test_page_embeds_our_stylesheet():
    """What the golden file leaves out is checked here: the page carries resources/html/style.css, whole."""
    from editor.resources import resource

    css = resource("html", "style.css").read_text(encoding="utf-8")
    (embedded,) = re.findall(r"<style>\n?(.*?)</style>", writer.render(sample()), re.S)
    assert embedded == css.replace("</", "<\\/") and len(css) > 500


def test_page_golden_ignores_the_stylesheet_but_not_the_text(monkeypatch):
    page = writer.render(sample())
    assert "#1f2328" in page  # the colour changed below is really in the page
    recoloured_css = writer.Markup(writer._css().replace("#1f2328", "#ff0000"))
    monkeypatch.setattr(writer, "_css", lambda: recoloured_css)
    recoloured = writer.render(sample())
    assert "#ff0000" in recoloured and recoloured != page
    compare_golden("html/page.html", without_stylesheet(recoloured))  # passes: only our stylesheet changed
    reworded = page.replace("Wir messen Besuche.", "Wir messen alle Besuche.")
    with pytest.raises(AssertionError, match=r"(?s)^html/page.html differs.*\+.*Wir messen alle Besuche"):
        compare_golden("html/page.html", without_stylesheet(reworded))


def test_fragment_matches_golden():
    check_golden("html/fragment.html", writer.render(sample(), fragment=True))


def test_page_is_wellformed_html5_with_head_essentials():
    page = writer.render(sample())
    assert page.startswith("<!DOCTYPE html>\n")
    parsed = parse(page)
    tags = dict(parsed.starts[:12])
    assert tags["html"]["lang"] == "de"
    metas = [attrs for tag, attrs in parsed.starts if tag == "meta"]
    assert {"charset": "utf-8"} in metas
    assert {"name": "viewport", "content": "width=device-width, initial-scale=1"} in metas
    assert {"name": "generator", "content": "Policy Editor"} in metas
    title = re.search(r"<title>(.*)</title>", page).group(1)
    assert title == "Datenschutzerklärung – Müller &amp; *Söhne* [GmbH]"
    assert "Stand: 21.11.2026" in parsed.visible()


def test_page_loads_nothing_from_anywhere():
    page = writer.render(sample())
    parsed = parse(page)
    lowered = page.lower()
    assert "<script" not in lowered and "<link" not in lowered and "<img" not in lowered
    css = "".join(parsed.css).lower()
    assert css.strip(), "the page carries its own CSS"
    assert "@import" not in css and "url(" not in css and "@font-face" not in css
    for tag, attrs in parsed.starts:
        for name in ("src", "href", "srcset", "action", "poster", "data"):
            value = attrs.get(name)
            if value is None:
                continue
            assert tag == "a" and name == "href", f"<{tag} {name}={value!r}>"
            assert value.startswith(("#", "https://", "http://", "mailto:", "tel:")), value
            if not value.startswith("#"):
                assert attrs.get("rel") == "noopener noreferrer"


def test_ids_are_unique_and_every_toc_link_has_a_target():
    doc = sample()
    # Two sections whose ids slug to the same value, and one that is not slug-safe at all.
    extra = (Section("Intro", "3", "Doppelt", ()), Section("9 <b>x</b>", "4", "Seltsam", ()))
    doc = Document(doc.language, doc.title, doc.company, doc.stand, doc.sections + extra)
    parsed = parse(writer.render(doc))
    ids = [attrs["id"] for _, attrs in parsed.starts if "id" in attrs]
    assert len(ids) == len(set(ids)), ids
    assert all(re.fullmatch(r"[a-z][a-z0-9_-]*", i) for i in ids), ids
    targets = [attrs["href"][1:] for tag, attrs in parsed.starts if tag == "a" and attrs["href"].startswith("#")]
    assert len(targets) == 5  # 1, 2, 2.1, 3, 4: the TOC links to every section
    assert set(targets) <= set(ids)


def test_structure_headings_toc_blocks():
    parsed = parse(writer.render(sample()))
    tags = [tag for tag, _ in parsed.starts]
    headings = [t for t in tags if re.fullmatch(r"h[1-6]", t)]
    # title, TOC title, section 1, section 2, sub-section 2.1, its inner heading
    assert headings == ["h1", "h2", "h2", "h2", "h3", "h4"]
    text = parsed.visible()
    for expected in ("1. Überblick", "2. Analyse", "2.1 Matomo (selbst gehostet)", "Inhalt"):
        assert expected in text
    assert ("mark", {"class": "placeholder"}) in parsed.starts
    assert ("aside", {"class": "notice notice-notice", "role": "note"}) in parsed.starts
    assert {"thead", "tbody", "th", "ul", "ol", "br", "strong", "em"} <= set(tags)
    assert "Zweite Zeile <ok> & gut." in text


def test_fragment_is_one_div_without_page_parts():
    fragment = writer.render(sample(), fragment=True)
    parsed = parse(fragment)
    assert parsed.starts[0] == ("div", {"class": "pe-policy", "lang": "de"})
    assert fragment.strip().endswith("</div>") and fragment.count('<div class="pe-policy"') == 1
    tags = {tag for tag, _ in parsed.starts}
    assert not tags & {"html", "head", "body", "style", "meta", "title", "main"}


def test_english_labels():
    parsed = parse(writer.render(sample("en")))
    assert parsed.starts[0] == ("html", {"lang": "en"})
    assert "Last updated: 21 November 2026" in parsed.visible() and "Contents" in parsed.visible()


def test_unsafe_links_and_forbidden_characters_are_dropped():
    doc = sample()
    bad = Section("bad", "3", "Links", (Paragraph((
        Run("klick", link="javascript:alert(1)"), Run(" "), Run("daten", link=" data:text/html,x"),
        Run(" ok", link='https://example.com/a b"onmouseover=x'), Run("null\x00bell\x07esc\x1b\ufffe")),),))
    page = writer.render(Document(doc.language, doc.title, doc.company, doc.stand, doc.sections + (bad,)))
    parsed = parse(page)
    hrefs = [attrs["href"] for tag, attrs in parsed.starts if tag == "a"]
    assert not any("javascript" in h or "data:" in h for h in hrefs)
    assert "https://example.com/a%20b%22onmouseover=x" in hrefs
    assert "klick daten oknullbellesc" in parsed.visible()
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe]", page)


def test_qt_variant_avoids_what_qtextdocument_cannot_draw():
    # The preview and the PDF share one Qt builder (editor.export.qtdoc), not a flavour of this writer.
    from editor.export import qtdoc

    page = "".join(qtdoc.unit_html(unit) for unit in qtdoc.units(sample()))
    parse(page)
    assert "<aside" not in page and "<mark" not in page
    assert f"style='{qtdoc.BOX_STYLE}'" in page and f'<span style="{qtdoc.PLACEHOLDER_STYLE}">Telefonnummer</span>' in page


def test_write_through_export(tmp_path):
    target = tmp_path / "policy.html"
    export(sample(), target, "html", fragment=True)
    assert target.read_text(encoding="utf-8") == writer.render(sample(), fragment=True)


# ---------------------------------------------------------------- arbitrary user text

NASTY = st.sampled_from([
    "<script>alert(1)</script>", "</style><script>x</script>", "\"' onload=x", "&amp; &lt; &#60;",
    "Müller & *Söhne* [GmbH]", "\u202eevil\u202c \u200f\u200e", "👩‍👩‍👧 😀", "]]><!--", "\x00\x01\x1b\x7f\x85\u2028",
    "<!DOCTYPE html>", "<img src=https://tracker.example/x.gif>",
])
TEXT = st.one_of(st.text(max_size=80), NASTY, st.text(min_size=1, max_size=12).map(lambda s: (s * 10_000)[:10_000]))


def user_document(texts: list[str], company: str) -> Document:
    runs = tuple(Run(t, bold=i % 3 == 1, italic=i % 4 == 2, placeholder=i % 5 == 3,
                     link="https://example.com/" if i % 6 == 4 else None) for i, t in enumerate(texts))
    section = Section("s", "1", texts[0] if texts else "T", (
        Paragraph(runs), BulletList(tuple((r,) for r in runs)), Table(((Run(company),),), tuple(((r,),) for r in runs)),
        Box((Paragraph(runs),)), Heading(runs),
    ))
    return Document("de", "Datenschutzerklärung", company, date(2026, 11, 21), (section,))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(TEXT, min_size=1, max_size=5), TEXT)
def test_user_text_is_escaped_and_shown_exactly(texts, company):
    from editor.core.sanitize import clean_text as clean

    doc = user_document(texts, company)
    for fragment in (False, True):
        parsed = parse(writer.render(doc, fragment=fragment))
        assert {tag for tag, _ in parsed.starts} <= KNOWN_TAGS
        visible = parsed.visible()
        for run in doc.sections[0].blocks[0].runs:
            assert " ".join(clean(run.text).split()) in visible
        if not fragment:
            assert " ".join(clean(company).split()) in visible


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab &<>\"'\n\u00e4;#x")) | st.text())
def test_the_preview_escapes_a_run_as_html_escape_does(text):
    """qtdoc.text_html skips escape() for text it would not change: the result is the same."""
    from html import escape

    from editor.export.qtdoc import text_html

    assert text_html(text) == escape(text).replace("\n", "<br>")
