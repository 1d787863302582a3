"""A line break pasted into a single-line field (e-mail, website, phone, name) stays inside
that field in every format: it never becomes a heading, link, list or table of its own."""
import zipfile

import pytest
from markdown_it import MarkdownIt

from editor.core.compose import compose
from editor.core.document import Heading, Table
from editor.core.project import example_project
from editor.export import docx as docx_writer
from editor.export import html as html_writer
from editor.export import markdown as md_writer
from editor.export import text as text_writer

PAYLOAD = "\n\n# Injected heading\n\n[click me](https://evil.example/x)\n\n| a | b |\n|---|---|\n| c | d |\n\r\u2028- item"


@pytest.fixture
def hostile_project():
    project = example_project()
    c = project.controller
    c.email = "info@example.org" + PAYLOAD
    c.website = "https://example.org" + PAYLOAD
    c.phone = "+49 30 123" + PAYLOAD
    c.name = "Müller & *Söhne* [GmbH]" + PAYLOAD
    project.websites = ["https://shop.example.org" + PAYLOAD]
    return project


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_block_or_link_comes_from_a_pasted_line_break(catalog, hostile_project, lang):
    document = compose(catalog, hostile_project, lang)
    for section in document.walk():
        assert "Injected" not in section.title
        for block in section.blocks:
            assert not (isinstance(block, Heading) and "Injected" in "".join(r.text for r in block.runs))
            assert not isinstance(block, Table) or "c" not in str(block.rows)
            for run in getattr(block, "runs", ()):
                assert not (run.link or "").startswith("https://evil.example"), run
                assert "\n" not in (run.link or "")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_writer_keeps_the_value_on_one_line(catalog, hostile_project, lang, tmp_path):
    document = compose(catalog, hostile_project, lang)
    tokens = MarkdownIt("commonmark").enable("table").parse(md_writer.render(document))
    inline = [child for t in tokens for child in (t.children or [])]
    assert not any(t.type == "link_open" and t.attrs.get("href", "").startswith("https://evil") for t in inline)
    headings = [tokens[n + 1].content for n, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings and not any("Injected" in h for h in headings)
    assert not any(t.type == "table_open" for t in tokens)
    text = text_writer.render(document)
    assert not any(line.strip() == "Injected heading" for line in text.splitlines())
    html = html_writer.render(document)
    assert 'href="https://evil.example' not in html and "<h1>Injected" not in html and "<td>c</td>" not in html
    docx_writer.write(document, tmp_path / "p.docx")
    with zipfile.ZipFile(tmp_path / "p.docx") as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode()
    assert 'Target="https://evil.example' not in rels
