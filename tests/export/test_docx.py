"""DOCX writer: golden files for the XML parts, behaviour read back through python-docx, and a
LibreOffice round trip (slow). Regenerate the golden files with UPDATE_GOLDEN=1."""
from __future__ import annotations

from datetime import date

import re
import subprocess
import zipfile

import docx as python_docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from editor.core.document import (Box, BulletList, Document, Heading, Paragraph, Provenance, Run,
                                  Section, Table)
from editor.core.review import ReviewNotes, ServiceNote, TaskNote
from editor.export import docx as writer
from editor.export import docx_package
from editor.export import export
from editor.resources import resource
from golden_files import check_golden_folder, compare_golden_folder
from tools import tool

# The parts the writer makes from the document, compared with tests/golden/docx/<case>/.
# Left out on purpose: our own static parts — word/styles.xml and the numbering definitions come
# from resources/docx/ (a colour or spacing tweak there must not touch the golden files; their use
# is checked by the behaviour tests below), theme, fontTable, settings, webSettings and
# [Content_Types].xml come from python-docx's template.
PARTS = {
    "document.xml": "word/document.xml",
    "comments.xml": "word/comments.xml",
    "header.xml": "word/header1.xml",
    "footer.xml": "word/footer1.xml",
    "core.xml": "docProps/core.xml",
    "document.xml.rels": "word/_rels/document.xml.rels",
    "comments.xml.rels": "word/_rels/comments.xml.rels",  # the review comments' links
}
# Word's revision-save ids: they change with every save, not with the document.
VOLATILE = ("rsidR", "rsidRPr", "rsidRDefault", "rsidP", "rsidDel", "rsidSect", "rsidTr")

def sample(language: str = "de") -> Document:
    """A small policy that uses every block and run kind once."""
    prov = Provenance("core", "2026.11.1", f"core/{language}/intro")
    service = Provenance("core", "2026.11.1", f"core/{language}/category-analytics", "matomo", "3",
                         (("anonymize", "yes"), ("retention_days", "180")), "2026-10-01",
                         ("legal-facts.md §4.1", "https://matomo.org/privacy-policy/"),
                         ("Street address [S] in legal-facts.md.",))
    intro = Section("intro", "1", "Überblick", (
        Paragraph((Run("Wir sind "), Run("verantwortlich", bold=True), Run(" für "), Run("Ihre", italic=True),
                   Run(" Daten. Mehr auf "), Run("unserer Website", link="https://example.com/datenschutz?a=1&b=2"),
                   Run(". Telefon: "), Run("Telefonnummer", placeholder=True), Run("."))),
        BulletList(((Run("Name"),), (Run("E-Mail-Adresse"),))),
        BulletList(((Run("erstens"),), (Run("zweitens"),)), ordered=True),
    ), provenance=prov)
    services = Section("category-analytics", "2", "Analyse", (Paragraph((Run("Wir messen Besuche."),)),), (
        Section("service-matomo", "2.1", "Matomo", (
            Heading((Run("Speicherdauer"),)),
            Table(((Run("Daten"),), (Run("Dauer"),)),
                  (((Run("IP-Adresse"),), (Run("gekürzt"),)), ((Run("Besuche"),), (Run("180 Tage"),)))),
        ), provenance=service),
    ), provenance=Provenance("core", "2026.11.1", "category analytics"))
    rights = Section("rights", "3", "Ihre Rechte", (
        Paragraph((Run("Sie haben Rechte.\nZweite Zeile."),)),
        Box((Paragraph((Run("Widerspruchsrecht", bold=True),)), Paragraph((Run("Sie können widersprechen."),)))),
    ), provenance=Provenance("core", "2026.11.1", f"core/{language}/rights"))
    return Document(language, "Datenschutzerklärung" if language == "de" else "Privacy Policy",
                    "Müller & <Söhne> GmbH", date(2026, 11, 21),
                    (intro, services, rights), meta=(("generator", "Policy Editor"),))


def sample_notes() -> ReviewNotes:
    """What core.review makes of a project behind sample(): one service with its facts and a task."""
    art28 = TaskNote("Schließen Sie mit InnoCraft Ltd. den Vertrag zur Auftragsverarbeitung ab.",
                     "https://matomo.org/dpa/")
    matomo = ServiceNote(
        id="matomo", name="Matomo", provider="InnoCraft Ltd., 7 Waterloo Quay, Wellington, Neuseeland",
        transfers=("InnoCraft Ltd. (Neuseeland): Angemessenheitsbeschluss",),
        options=("IP-Adressen kürzen: ja", "Löschen nach (Tagen): 180"), changed=("Löschen nach (Tagen): 180",),
        bases=("Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)",), open_points=("Street address from a secondary source.",),
        sources=("https://matomo.org/privacy-policy/",), tasks=(art28,))
    done = TaskNote("Setzen Sie auf jede Seite einen Link „Cookie-Einstellungen“.", done=True)
    return ReviewNotes((matomo,), (art28, done), ("rights",))


def normalise(blob: bytes) -> str:
    """Pretty-printed XML with sorted attributes, without rsids and unused namespace
    declarations, so diffs show real changes."""
    root = etree.fromstring(blob, etree.XMLParser(remove_blank_text=True))
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        items = sorted((k, v) for k, v in element.attrib.items() if etree.QName(k).localname not in VOLATILE)
        element.attrib.clear()
        for key, value in items:
            element.set(key, value)
    if root.tag.endswith("Relationships"):  # relationship order in the file is not meaningful
        root[:] = sorted(root, key=lambda rel: rel.get("Id"))
    etree.cleanup_namespaces(root)
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def added_numbering(blob: bytes) -> str:
    """The list instances (w:num) the writer added to our numbering.xml — one per numbered list —,
    without the definitions that come from resources/docx/numbering.xml."""
    ours = parse_xml(resource("docx", "numbering.xml").read_bytes())
    static = {n.get(qn("w:numId")) for n in ours.iterfind(qn("w:num"))}
    root = etree.fromstring(blob)
    for child in list(root):
        if child.tag != qn("w:num") or child.get(qn("w:numId")) in static:
            root.remove(child)
    return normalise(etree.tostring(root))


def golden_parts(path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        parts = {name: normalise(archive.read(member)) for name, member in PARTS.items() if member in names}
        parts["numbering-added.xml"] = added_numbering(archive.read("word/numbering.xml"))
    return parts


@pytest.mark.parametrize("case,review", [("de", False), ("de-review", True)])
def test_golden(tmp_path, case, review):
    path = tmp_path / "out.docx"
    writer.write(sample("de"), path, review=sample_notes() if review else False)
    parts = golden_parts(path)
    assert ("comments.xml" in parts) == review
    assert parts["numbering-added.xml"].count("<w:num ") == 1  # the one numbered list of the sample
    check_golden_folder(f"docx/{case}", parts)


def test_golden_ignores_our_styles_but_not_the_text(tmp_path, monkeypatch):
    """A colour in resources/docx/styles.xml or an indent in numbering.xml changes no golden file;
    a changed sentence does."""
    styles = resource("docx", "styles.xml").read_text(encoding="utf-8")
    numbering = resource("docx", "numbering.xml").read_text(encoding="utf-8")
    colour = re.search(r'w:color w:val="([0-9A-Fa-f]{6})"', styles).group(1)
    indent = re.search(r'w:ind w:left="(\d+)"', numbering).group(1)
    (tmp_path / "styles.xml").write_text(styles.replace(f'w:val="{colour}"', 'w:val="FF0000"'), encoding="utf-8")
    (tmp_path / "numbering.xml").write_text(numbering.replace(f'w:left="{indent}"', 'w:left="1"'), encoding="utf-8")
    original_resource = docx_package.resource
    monkeypatch.setattr(docx_package, "resource", lambda *p: tmp_path / p[1] if p[0] == "docx" else original_resource(*p))
    docx_package.template_package.cache_clear()
    try:
        writer.write(sample("de"), tmp_path / "tweaked.docx", review=sample_notes())
    finally:
        monkeypatch.undo()
        docx_package.template_package.cache_clear()
    with zipfile.ZipFile(tmp_path / "tweaked.docx") as archive:  # the tweaks really are in the file
        assert 'w:val="FF0000"' in archive.read("word/styles.xml").decode()
        assert 'w:left="1"' in archive.read("word/numbering.xml").decode()
    parts = golden_parts(tmp_path / "tweaked.docx")
    compare_golden_folder("docx/de-review", parts)
    parts["document.xml"] = parts["document.xml"].replace("Wir messen Besuche.", "Wir messen alle Besuche.")
    with pytest.raises(AssertionError, match="document.xml differs"):
        compare_golden_folder("docx/de-review", parts)


def test_same_document_gives_same_parts(tmp_path):
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    writer.write(sample(), a, review=True)
    writer.write(sample(), b, review=True)
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        assert sorted(za.namelist()) == sorted(zb.namelist())
        for name in za.namelist():
            assert za.read(name) == zb.read(name), name


# ---------------------------------------------------------------------------------------------
# behaviour, read back from the written file


def written(tmp_path, document=None, review=False, name="out.docx"):
    path = tmp_path / name
    export(document or sample(), path, "docx", review=review)
    return python_docx.Document(str(path)), path


def test_headings_use_heading_styles_and_word_numbering(tmp_path):
    doc, _ = written(tmp_path)
    by_style = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert ("Title", "Datenschutzerklärung") in by_style
    assert ("Heading 1", "Überblick") in by_style and ("Heading 1", "Ihre Rechte") in by_style
    assert ("Heading 2", "Matomo") in by_style
    # the numbers come from numbering.xml, tied to the heading styles: not typed into the text
    heading1 = doc.styles["Heading 1"].element
    num_id = heading1.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))
    numbering = doc.part.numbering_part.element
    abstract_id = numbering.find(f"{qn('w:num')}[@{qn('w:numId')}='{num_id}']/{qn('w:abstractNumId')}").get(qn("w:val"))
    abstract = numbering.find(f"{qn('w:abstractNum')}[@{qn('w:abstractNumId')}='{abstract_id}']")
    levels = {lvl.find(qn("w:pStyle")).get(qn("w:val")): lvl.find(qn("w:lvlText")).get(qn("w:val"))
              for lvl in abstract.findall(qn("w:lvl"))}
    assert levels == {"Heading1": "%1", "Heading2": "%1.%2", "Heading3": "%1.%2.%3"}


def test_heading_block_goes_one_level_down_without_a_number(tmp_path):
    doc, _ = written(tmp_path)
    paragraph = next(p for p in doc.paragraphs if p.text == "Speicherdauer")
    assert paragraph.style.name == "Heading 3"  # inside section 2.1
    assert paragraph._p.pPr.numPr.numId.val == 0  # so it does not shift 2.2, 2.3, …


def test_unusual_numbers_are_typed_in_and_word_numbering_is_off(tmp_path):
    base = sample()
    odd = Document(base.language, base.title, base.company, base.stand,
                   (Section("a", "A", "Anhang", (Paragraph((Run("x"),)),)),))
    doc, _ = written(tmp_path, odd)
    heading = next(p for p in doc.paragraphs if p.style.name == "Heading 1")
    assert heading.text == "A\tAnhang"
    assert heading._p.pPr.numPr.numId.val == 0


def test_deep_sections_become_bold_paragraphs(tmp_path):
    deep = Section("d", "1.1.1.1", "Tief", (Heading((Run("Noch tiefer"),)),))
    level3 = Section("c", "1.1.1", "Ebene drei", (Heading((Run("Unterpunkt"),)),), (deep,))
    tree = Section("a", "1", "Eins", (), (Section("b", "1.1", "Zwei", (), (level3,)),))
    doc, _ = written(tmp_path, Document("de", "T", "", date(2026, 1, 1), (tree,)))
    styles = {p.text: p.style.name for p in doc.paragraphs}
    assert styles["Ebene drei"] == "Heading 3"
    assert styles["Unterpunkt"] == "Normal" and styles["1.1.1.1 Tief"] == "Normal"
    for text in ("Unterpunkt", "1.1.1.1 Tief", "Noch tiefer"):
        paragraph = next(p for p in doc.paragraphs if p.text == text)
        assert all(r.bold for r in paragraph.runs)


def test_lists_tables_and_box_use_their_styles(tmp_path):
    doc, _ = written(tmp_path)
    styles = {p.text: p.style.name for p in doc.paragraphs}
    assert styles["Name"] == "List Bullet" and styles["erstens"] == "List Number"
    assert styles["Widerspruchsrecht"] == "Notice Box" and styles["Sie können widersprechen."] == "Notice Box"
    box = doc.styles["Notice Box"].element.pPr
    assert box.find(qn("w:pBdr")) is not None and box.find(qn("w:shd")).get(qn("w:fill"))
    (table,) = doc.tables
    assert table.style.name == "Policy Table"
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Daten", "Dauer"], ["IP-Adresse", "gekürzt"], ["Besuche", "180 Tage"]]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeats on each page
    assert table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)


def test_each_numbered_list_starts_at_one(tmp_path):
    lists = (BulletList(((Run("a"),), (Run("b"),)), ordered=True), Paragraph((Run("between"),)),
             BulletList(((Run("c"),),), ordered=True))
    doc, _ = written(tmp_path, Document("de", "T", "", date(2026, 1, 1), (Section("s", "1", "S", lists),)))
    ids = {p.text: p._p.pPr.numPr.numId.val for p in doc.paragraphs if p.style.name == "List Number"}
    assert ids["a"] == ids["b"] != ids["c"]
    numbering = doc.part.numbering_part.element
    for num_id in (ids["a"], ids["c"]):
        num = numbering.num_having_numId(num_id)
        assert num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}").get(qn("w:val")) == "1"


def test_runs_bold_italic_line_break(tmp_path):
    doc, _ = written(tmp_path)
    runs = {r.text: r for p in doc.paragraphs for r in p.runs}
    assert runs["verantwortlich"].bold and runs["Ihre"].italic
    assert not runs["Wir sind "].bold
    assert "Sie haben Rechte.\nZweite Zeile." in [p.text for p in doc.paragraphs]
    line = next(p for p in doc.paragraphs if p.text.startswith("Sie haben"))
    assert line._p.xpath(".//w:br")


def test_placeholder_is_bracketed_and_highlighted(tmp_path):
    doc, _ = written(tmp_path)
    run = next(r for p in doc.paragraphs for r in p.runs if r.text == "[Telefonnummer]")
    assert run.font.highlight_color == WD_COLOR_INDEX.YELLOW


def test_hyperlink_target_and_style(tmp_path):
    doc, _ = written(tmp_path)
    paragraph = next(p for p in doc.paragraphs if "unserer Website" in p.text)
    (link,) = paragraph.hyperlinks
    assert link.address == "https://example.com/datenschutz?a=1&b=2"
    assert link.text == "unserer Website"
    assert link.runs[0].style.name == "Hyperlink"


def test_link_targets_are_valid_uris(tmp_path):
    links = (Run("a", link="https://example.com/Datenschutz Hinweise/ä?q=1%20x"), Run(" "),
             Run("b", link="mailto:info@müller.de"))
    doc, _ = written(tmp_path, Document("de", "T", "", date(2026, 1, 1), (Section("s", "1", "S", (Paragraph(links),)),)))
    paragraph = next(p for p in doc.paragraphs if p.text == "a b")  # (the contents entry links inside)
    assert [h.address for h in paragraph.hyperlinks] == [
        "https://example.com/Datenschutz%20Hinweise/%C3%A4?q=1%20x", "mailto:info@m%C3%BCller.de"]


@pytest.mark.parametrize("language,stand,page", [("de", "Stand: 21.11.2026", ("Seite ", " von ")),
                                                 ("en", "Last updated: 21 November 2026", ("Page ", " of "))])
def test_header_footer_and_language(tmp_path, language, stand, page):
    doc, path = written(tmp_path, sample(language))
    section = doc.sections[0]
    header = section.header.paragraphs[0].text
    assert "Müller & <Söhne> GmbH" in header and stand in header
    footer = section.footer.paragraphs[0]._p
    instructions = [t.text.strip() for t in footer.xpath(".//w:instrText")]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer.xpath("string(.)").startswith(page[0]) and page[1] in footer.xpath("string(.)")
    lang = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:val")) == {"de": "de-DE", "en": "en-GB"}[language]
    assert section.page_width.mm == pytest.approx(210, abs=0.5)  # A4


def toc(doc) -> list[tuple[str, str, str]]:
    """The TOC field's result as Word and LibreOffice show it before any update: (style, text,
    text of the heading its link leads to) per entry paragraph."""
    body = doc.element.body
    marked = {b.get(qn("w:name")): p.text for p in doc.paragraphs for b in p._p.iter(qn("w:bookmarkStart"))}
    chars = body.xpath(".//w:fldChar")
    first, last = chars[0].getparent().getparent(), chars[-1].getparent().getparent()
    paragraphs = [p for p in doc.paragraphs if first is p._p or first in p._p.itersiblings(preceding=True)]
    paragraphs = [p for p in paragraphs if last is p._p or last in p._p.itersiblings()]
    entries = []
    for p in paragraphs:
        anchors = [link.get(qn("w:anchor")) for link in p._p.iter(qn("w:hyperlink"))]
        assert len(anchors) == 1, p.text  # one link per entry
        entries.append((p.style.name, p.text, marked[anchors[0]]))
    return entries


def test_toc_field_shows_the_contents_before_any_update(tmp_path):
    """Word, LibreOffice and a print preview show the contents as they open the file: no "press
    F9" prompt; each entry a link to its heading. Word's update still works by the instruction."""
    doc, _ = written(tmp_path)
    body = doc.element.body
    assert [t.text for t in body.xpath(".//w:instrText")] == [' TOC \\o "1-2" \\h \\z \\u ']
    kinds = [c.get(qn("w:fldCharType")) for c in body.xpath(".//w:fldChar")]
    assert kinds == ["begin", "separate", "end"]
    assert not any("F9" in p.text for p in doc.paragraphs)
    # the result runs from the first entry to the last (no empty or prompt paragraph before them)
    assert toc(doc) == [("toc 1", "1\tÜberblick", "Überblick"), ("toc 1", "2\tAnalyse", "Analyse"),
                        ("toc 2", "2.1\tMatomo", "Matomo"), ("toc 1", "3\tIhre Rechte", "Ihre Rechte")]
    texts = [p.text for p in doc.paragraphs]
    assert texts.index("Inhalt") + 1 == texts.index("1\tÜberblick") < texts.index("Überblick")
    names = [b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))]
    assert len(names) == len(set(names)) == 4 and all(n.startswith("_Toc") and len(n) <= 40 for n in names)
    ids = [b.get(qn("w:id")) for b in body.iter(qn("w:bookmarkStart"))]
    assert ids == [b.get(qn("w:id")) for b in body.iter(qn("w:bookmarkEnd"))]
    assert doc.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"


def test_toc_lists_every_heading_word_lists(tmp_path):
    """Word's update lists every Heading 1 and 2 paragraph: also a heading block inside a top-level
    section (Heading 2, not numbered), and typed numbers where Word's numbering is off; not
    the level-3 headings."""
    inner = Section("a", "1", "Eins", (Heading((Run("Zwischen"), Run("titel", bold=True))), Paragraph((Run("Text"),))), (
        Section("a1", "1.1", "Unter", (Heading((Run("Tiefer"),)),), (Section("a11", "1.1.1", "Ganz unten", ()),)),))
    doc, _ = written(tmp_path, Document("de", "Titel", "", None, (inner,)), name="inner.docx")
    assert toc(doc) == [("toc 1", "1\tEins", "Eins"), ("toc 2", "Zwischentitel", "Zwischentitel"),
                        ("toc 2", "1.1\tUnter", "Unter")]
    lettered = Section("b", "A", "Anhang", (), (Section("b1", "A.1", "Liste", ()),))
    doc, _ = written(tmp_path, Document("de", "Titel", "", None, (lettered,)), name="typed.docx")
    assert toc(doc) == [("toc 1", "A\tAnhang", "A\tAnhang"), ("toc 2", "A.1\tListe", "A.1\tListe")]


def test_toc_of_a_document_without_sections_is_an_empty_field(tmp_path):
    doc, _ = written(tmp_path, Document("de", "Titel", "", None, ()), name="empty.docx")
    body = doc.element.body
    assert [c.get(qn("w:fldCharType")) for c in body.xpath(".//w:fldChar")] == ["begin", "separate", "end"]
    assert [p.text for p in doc.paragraphs if p.text][-1] == "Inhalt"


def test_the_text_starts_on_a_page_of_its_own_and_no_contents_line_is_left_alone(tmp_path):
    """walk9: a long contents ran one line onto page 2, straight above the text. The text starts on
    a new page; a chapter's entry stays with its first sub-entry and the last two entries together,
    so a page never holds one contents line (keep-with-next, which Word and LibreOffice honour)."""
    doc, _ = written(tmp_path)
    starts = [p.text for p in doc.paragraphs if p.paragraph_format.page_break_before]
    assert starts == ["Überblick"]  # the first heading of the text, nothing else
    kept = [(text, p.paragraph_format.keep_with_next) for p in doc.paragraphs if p.style.name.startswith("toc")
            for text in [p.text]]
    assert kept == [("1\tÜberblick", None), ("2\tAnalyse", True),  # 2 with its 2.1
                    ("2.1\tMatomo", True), ("3\tIhre Rechte", None)]  # the last two together
    doc, _ = written(tmp_path, Document("de", "Titel", "", None, ()), name="empty.docx")
    assert not [p for p in doc.paragraphs if p.paragraph_format.page_break_before]


def test_core_properties_are_fixed_by_the_document(tmp_path):
    doc, _ = written(tmp_path)
    props = doc.core_properties
    assert props.title == "Datenschutzerklärung – Müller & <Söhne> GmbH"
    assert props.author == props.last_modified_by == "Müller & <Söhne> GmbH"
    assert props.comments == "Erstellt mit Policy Editor"
    assert props.subject and props.keywords
    assert props.created.date().isoformat() == "2026-11-21" == props.modified.date().isoformat()
    base = sample()
    anonymous = Document("en", "Privacy Policy", "", None, base.sections)
    props = written(tmp_path, anonymous, name="anon.docx")[0].core_properties
    assert props.author == "Policy Editor" and props.title == "Privacy Policy"
    assert props.created is None  # no date to take: left out rather than made up


@pytest.mark.parametrize("stand,meta,expected", [
    (date(2026, 11, 21), (), "2026-11-21"), (date(2026, 3, 3), (), "2026-03-03"),
    (date(2026, 3, 3), (("date", "2025-01-31"),), "2025-01-31"), (None, (("date", "2026-02-31"),), None), (None, (), None)])
def test_document_date(stand, meta, expected):
    date = writer.document_date(Document("de", "T", "", stand, (), meta=meta))
    assert (date.date().isoformat() if date else None) == expected


def test_no_unwanted_template_parts(tmp_path):
    _, path = written(tmp_path)
    names = zipfile.ZipFile(path).namelist()
    assert not [n for n in names if "thumbnail" in n or "customXml" in n or "stylesWithEffects" in n]


def test_review_edition_comments_only_sections_that_need_attention(tmp_path):
    doc, _ = written(tmp_path, review=True)  # the Document alone: its provenance decides
    comments = [c.text for c in doc.comments]
    # the intro has a placeholder and Matomo an open point; the category and the rights need nothing
    assert len(comments) == 2 and {c.author for c in doc.comments} == {"Policy Editor"}
    intro, matomo = comments
    assert "Platzhalter: bitte ausfüllen: Telefonnummer" in intro
    assert "Version 3" in matomo and "anonymize=yes, retention_days=180" in matomo
    assert "2026-10-01" in matomo and "core 2026.11.1" in matomo
    assert "Nicht abschließend geprüft: Street address from a secondary source." in matomo
    assert "legal-facts" not in matomo and "Quellen: https://matomo.org/privacy-policy/" in matomo
    body = doc.element.body  # each comment is anchored on its section's heading
    assert {p.xpath("string(.)") for p in body.xpath(".//w:p[w:commentRangeStart]")} == {"Überblick", "Matomo"}
    plain, _ = written(tmp_path, name="plain.docx")
    assert len(list(plain.comments)) == 0


def _summary(doc) -> list[str]:
    """The paragraphs of the review edition's first page(s), up to the policy's title."""
    texts = []
    for p in doc.paragraphs:
        if p.style.name == "Title":
            return texts
        texts.append(p.text)
    raise AssertionError("no title")


def test_review_edition_first_page_sums_up_open_points_decisions_and_tasks(tmp_path):
    path = tmp_path / "r.docx"
    writer.write(sample("de"), path, review=sample_notes())
    doc = python_docx.Document(str(path))
    first = _summary(doc)
    assert first[0] == "Hinweise für die rechtliche Prüfung"
    assert "2.1 Matomo: 1 nicht abschließend geprüfte Angabe(n)" in first
    assert "1 Überblick: Platzhalter: bitte ausfüllen – Telefonnummer" in first
    assert "Art. 6 Abs. 1 lit. a DSGVO (Einwilligung): Matomo" in first
    assert "2.1 Matomo – Löschen nach (Tagen): 180" in first and "3 Ihre Rechte – Eigener Text statt Baustein-Text" in first
    assert "☐ Schließen Sie mit InnoCraft Ltd. den Vertrag zur Auftragsverarbeitung ab. https://matomo.org/dpa/" in first
    assert "☒ Setzen Sie auf jede Seite einen Link „Cookie-Einstellungen“. (erledigt)" in first
    assert not any(p.style.name.startswith("Heading") for p in doc.paragraphs[:len(first)])  # numbering untouched
    (matomo,) = [c.text for c in doc.comments if c.text.startswith("Dienst: Matomo")]
    assert "Anbieter: InnoCraft Ltd., 7 Waterloo Quay, Wellington, Neuseeland" in matomo
    assert "Drittland: InnoCraft Ltd. (Neuseeland): Angemessenheitsbeschluss" in matomo
    assert "Aufgabe: Schließen Sie mit InnoCraft" in matomo and "Optionen: IP-Adressen kürzen: ja" in matomo
    with zipfile.ZipFile(path) as archive:  # the sources are links a lawyer can open
        rels = archive.read("word/_rels/comments.xml.rels").decode()
        assert 'Target="https://matomo.org/privacy-policy/"' in rels and 'TargetMode="External"' in rels
        assert "<w:hyperlink" in archive.read("word/comments.xml").decode()


def test_review_comments_in_english(tmp_path):
    doc, _ = written(tmp_path, sample("en"), review=True)
    texts = [c.text for c in doc.comments]
    assert any("Placeholder: please fill in: Telefonnummer" in t for t in texts)
    assert any("Source: pack core 2026.11.1" in t and "Service: matomo, version 3" in t for t in texts)
    assert _summary(doc)[0] == "Notes for the legal review"


# ---------------------------------------------------------------------------------------------
# hostile text


def _one_paragraph(text: str, company: str = "Firma") -> Document:
    return Document("de", "Titel", company, date(2026, 2, 1), (
        Section("s", "1", "Abschnitt", (Paragraph((Run(text),)),)),
    ))


def _expected(text: str) -> str:
    return writer.clean(text)


HOSTILE = [
    "null\x00bell\x07esc\x1b vt\x0b ff\x0c ok",
    "emoji 😀👍🏽 family 👨‍👩‍👧",
    "RTL \u200f mark \u202e override \u200e ltr, عربى, עברית",
    "meta <tag attr=\"x\"> & 'quote' ]]> &amp;",
    "lone \ud800 surrogate \udfff and \ufffe\uffff nonchars",
    "tab\there, crlf\r\nline, cr\rline, nel\x85",
    "x" * 10_000,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_round_trips(tmp_path, text):
    doc, _ = written(tmp_path, _one_paragraph(text, company=text), review=True)
    body = [p.text for p in doc.paragraphs]
    assert _expected(text) in body
    assert _expected(text).strip() in doc.sections[0].header.paragraphs[0].text


def test_clean_removes_only_what_xml_cannot_hold():
    assert writer.clean("a\x00b\x1fc\td\ne") == "abc\td\ne"
    assert writer.clean("x\r\ny\rz") == "x\ny\nz"
    assert writer.clean("😀\u200f<&>\"'") == "😀\u200f<&>\"'"
    assert writer.clean("\ud83d") == ""


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200), st.text(max_size=40))
def test_any_text_writes_and_reads_back(tmp_path, text, company):
    doc, _ = written(tmp_path, _one_paragraph(text, company), review=True, name="h.docx")
    expected = _expected(text)
    if expected:
        assert expected in [p.text for p in doc.paragraphs]


# ---------------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("review", [False, True])
def test_libreoffice_converts_to_pdf(tmp_path, review):
    path = tmp_path / "policy.docx"
    writer.write(sample(), path, review=review)
    profile = tmp_path / "lo-profile"  # own profile: runs in parallel with a user's LibreOffice
    subprocess.run([tool("soffice"), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "policy.pdf"
    assert pdf.exists() and pdf.stat().st_size > 1000
    assert pdf.read_bytes().startswith(b"%PDF")


# LibreOffice Basic: open a file, update its indexes by their own instructions, save as PDF.
_UPDATE_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub UpdateToc(src As String, dst As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), &quot;_blank&quot;, 0, args())
  For i = 0 To doc.getDocumentIndexes().getCount() - 1
    doc.getDocumentIndexes().getByIndex(i).update()
  Next i
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = &quot;FilterName&quot;
  out(0).Value = &quot;writer_pdf_Export&quot;
  doc.storeToURL(ConvertToURL(dst), out())
  doc.close(True)
End Sub
</script:module>
"""


def _contents(pdf) -> list[tuple[str, str]]:
    """(number, title) of the contents lines on page 1 of a PDF, page numbers and leaders cut:
    the lines after "Inhalt" up to the page's footer (the text starts on page 2)."""
    text = subprocess.run([tool("pdftotext"), "-f", "1", "-l", "1", "-layout", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    entries: list[tuple[str, str]] = []
    for line in text[text.index("Inhalt\n"):].splitlines()[1:]:
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)*)?\s*(\S.*?)(?:\.{3,}\s*\d+)?\s*", line)
        if m is None:
            continue
        if re.fullmatch(r"Seite \d+ von \d+", m[2]):
            break
        entries.append((m[1] or "", m[2]))
    return entries


@pytest.mark.slow
def test_libreoffice_shows_the_contents_at_once_and_updates_them_by_the_instruction(tmp_path):
    """Opened as it is, LibreOffice shows our contents, each entry a link into the document; updated
    by the field's own instruction (as Word does on F9), the same entries come back, now with page
    numbers — so the written result is the list the instruction gives."""
    from pypdf import PdfReader

    base = sample()
    extra = Section("extra", "4", "Anhang", (Heading((Run("Zwischentitel"),)), Paragraph((Run("Text"),))))
    document = Document("de", base.title, base.company, base.stand, base.sections + (extra,))
    path = tmp_path / "policy.docx"
    writer.write(document, path)
    profile = tmp_path / "lo-profile"
    soffice = [tool("soffice"), f"-env:UserInstallation=file://{profile}", "--headless"]
    subprocess.run([*soffice, "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    shown = _contents(tmp_path / "policy.pdf")
    assert shown == [("1", "Überblick"), ("2", "Analyse"), ("2.1", "Matomo"), ("3", "Ihre Rechte"), ("4", "Anhang"),
                     ("", "Zwischentitel")]
    page = PdfReader(tmp_path / "policy.pdf").pages[0]
    links = [a.get_object() for a in page.get("/Annots", [])]
    assert sum(a.get("/Subtype") == "/Link" and "/Dest" in a for a in links) == 6  # one per entry
    # the first conversion made the profile: now our macro can go into its Standard library
    (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(_UPDATE_MACRO, encoding="utf-8")
    updated = tmp_path / "updated.pdf"
    subprocess.run([*soffice, f'macro:///Standard.Module1.UpdateToc("{path}","{updated}")'],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run([tool("pdftotext"), "-f", "1", "-l", "1", "-layout", str(updated), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert re.search(r"2\.1 Matomo\.{3,}\s*\d", text), text  # now with its page number
    assert _contents(updated) == shown


def _contents_pages(soffice, tmp_path, sections: int, name: str) -> list[list[str]]:
    """The contents entries ("7 Abschnitt 7") on each page of a document of ``sections`` sections
    before the page where the text begins, and last that page's lines up to its first text line."""
    document = Document("de", "Datenschutzerklärung", "Firma", None, tuple(
        Section(f"s{n}", str(n), f"Abschnitt {n}", (Paragraph((Run(f"Text {n}."),)),)) for n in range(1, sections + 1)))
    path = tmp_path / f"{name}.docx"
    writer.write(document, path)
    subprocess.run([*soffice, "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run([tool("pdftotext"), "-layout", str(tmp_path / f"{name}.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    pages = []
    for page in text.split("\f"):
        lines = [" ".join(line.split()) for line in page.splitlines()]
        if "Text 1." in lines:
            return pages + [[line for line in lines[:lines.index("Text 1.")] if re.match(r"\d+\s+Abschnitt", line)]]
        pages.append([line for line in lines if re.match(r"\d+\s+Abschnitt", line)])
    raise AssertionError(text)


@pytest.mark.slow
def test_libreoffice_leaves_no_contents_line_alone_and_starts_the_text_on_a_new_page(tmp_path):
    """walk9: one contents line ran onto page 2, above the first section. Now the page that would
    have held it alone gets the last two, and the text starts on the page after."""
    soffice = [tool("soffice"), f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless"]
    long = _contents_pages(soffice, tmp_path, 80, "long")
    fit = len(long[0])  # the entries page 1 holds
    assert fit > 10 and all(len(page) >= 2 for page in long[:-1]) and long[-1] == ["1 Abschnitt 1"]
    one_over = _contents_pages(soffice, tmp_path, fit + 1, "one-over")
    assert [len(page) for page in one_over[:-1]] == [fit - 1, 2]
    assert one_over[-1] == ["1 Abschnitt 1"]  # the first section at the top of its page


@pytest.mark.parametrize("lang", ["de", "en"])
def test_review_edition_of_a_real_project_names_provider_facts_and_links_never_internal_files(catalog, tmp_path, lang):
    import json

    from editor.core.compose import compose
    from editor.core.project import loads
    from editor.core.review import review_notes
    from editor.resources import resource

    project = loads(resource("examples", "agentur-crm-ki.policy.json").read_text(encoding="utf-8"))
    project.tasks_done = ["cookie-settings-link"]
    document = compose(catalog, project, lang)
    notes = review_notes(catalog, project, document)
    path = tmp_path / "review.docx"
    writer.write(document, path, review=notes)
    doc = python_docx.Document(str(path))
    comments = [c.text for c in doc.comments]
    services = [s for s in document.walk() if s.provenance and s.provenance.service]
    assert len(comments) == sum(notes.service(s.provenance.service).needs_attention for s in services) < len(services)
    assert not any("legal-facts" in c or "[U]" in c or "[S]" in c for c in comments)
    assert "legal-facts" not in json.dumps([_summary(doc)])
    analytics = next(c for c in comments if "Google Analytics 4" in c)
    assert ("Anbieter: Google Ireland Limited" if lang == "de" else "Provider: Google Ireland Limited") in analytics
    assert "Google LLC (USA" in analytics and "https://" in analytics
    assert "DPF certification of Google LLC" not in analytics  # checked: no open point left
    assert any(("Nicht abschließend geprüft: " if lang == "de" else "Not fully verified: ") in c for c in comments)
    first = _summary(doc)
    assert any(t.startswith("☒ ") and "Cookie" in t for t in first)  # marked done in the project
    assert sum(t.startswith(("☐ ", "☒ ")) for t in first) == len(notes.tasks)
