"""HTML writer: a standalone HTML5 page or a fragment to embed in a website/CMS.

The page layout lives in resources/html/page.html.j2 (+ style.css, inlined); jinja2 autoescapes
what it prints. Blocks are rendered here as strings: every document text goes through escape().
The Document arrives clean (no characters HTML forbids, links only http(s)/mailto/tel: see
editor.core.sanitize). Nothing is loaded from the network (no fonts, scripts or images): a
privacy policy must not itself leak visitor data. The preview and the PDF do not use this
HTML: Qt lays out its own simpler variant (editor.export.qtdoc).
"""
from __future__ import annotations

import re
from functools import cache
from html import escape as _stdlib_escape
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from ..core.document import Block, Box, BulletList, Document, Heading, Paragraph, Run, Section, Table, draft_notice
from ..resources import resource
from .text import display_number, stand_line

ID_PREFIX = "pe-"  # every id we write: a website's theme has its own #intro or #content
_RESERVED_IDS = frozenset({"pe-toc", "pe-toc-title", "pe-policy-title"})
# The fragment's contents without our stylesheet: the entries of a section indented under it.
_FRAGMENT_TOC_INNER_STYLE = Markup(' style="padding-left:1.5em"')
# The fragment goes into someone else's page without our CSS: the notice still stands out.
_FRAGMENT_NOTICE_STYLE = "border:1px solid #c5d9ef;border-left:4px solid #3b7dc4;background:#eef4fb;padding:0.75em 1em;margin:1em 0"
_SLUG_DROP = re.compile(r"[^a-z0-9_-]+")


def _escape(text: str) -> str:
    return _stdlib_escape(text, quote=True)


@cache
def _environment() -> Environment:
    # Our own trusted templates: a plain (not sandboxed) environment, compiled once per process.
    return Environment(
        loader=FileSystemLoader(str(resource("html"))),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache
def _css(name: str = "style.css") -> Markup:
    css = resource("html", name).read_text(encoding="utf-8")
    return Markup(css.replace("</", "<\\/"))  # cannot end the <style> element early


def _text(text: str) -> str:
    # Blocks are built as plain strings (Markup.format costs ~5x more); every text goes through escape().
    return "<br>\n".join(_escape(part) for part in text.split("\n"))


def _href(url: str) -> str:
    # Spaces and quotes would break the attribute or the URL; everything else is kept as written.
    return _escape(quote(url, safe=":/?#[]@!$&'()*+,;=%~-._"))


def _runs(runs: tuple[Run, ...], flavour: str) -> str:
    parts = []
    for run in runs:
        html = _text(run.text)
        if not html:
            continue
        if run.placeholder and html.strip():
            html = f'<mark class="placeholder">{html}</mark>'
        if run.italic:
            html = f"<em>{html}</em>"
        if run.bold:
            html = f"<strong>{html}</strong>"
        link = run.link
        if link:
            html = f'<a href="{_href(link)}" rel="noopener noreferrer">{html}</a>'
        parts.append(html)
    return "".join(parts)


def _block(block: Block, level: int, flavour: str) -> str:
    if isinstance(block, Paragraph):
        inner = _runs(block.runs, flavour)
        return f"<p>{inner}</p>\n" if inner.strip() else ""
    if isinstance(block, Heading):
        tag = f"h{min(level, 6)}"
        return f'<{tag} class="subheading">{_runs(block.runs, flavour)}</{tag}>\n'
    if isinstance(block, BulletList):
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{_runs(item, flavour)}</li>\n" for item in block.items)
        return f"<{tag}>\n{items}</{tag}>\n"
    if isinstance(block, Table):
        return _table(block, flavour)
    if isinstance(block, Box):
        kind = _SLUG_DROP.sub("-", block.kind.lower()).strip("-") or "notice"
        inner = "".join(_block(b, level, flavour) for b in block.blocks)
        style = f' style="{_FRAGMENT_NOTICE_STYLE}"' if flavour == "fragment" else ""
        return f'<aside class="notice notice-{kind}" role="note"{style}>\n{inner}</aside>\n'
    return ""


def _table(table: Table, flavour: str) -> str:
    out = ['<div class="table-wrap">\n<table>\n']
    if table.header:
        cells = "".join(f'<th scope="col">{_runs(c, flavour)}</th>' for c in table.header)
        out.append(f"<thead>\n<tr>{cells}</tr>\n</thead>\n")
    out.append("<tbody>\n")
    for row in table.rows:
        cells = "".join(f"<td>{_runs(c, flavour)}</td>" for c in row)
        out.append(f"<tr>{cells}</tr>\n")
    out.append("</tbody>\n</table>\n</div>\n")
    return "".join(out)


def slug(value: str) -> str:
    """An id that is safe in HTML, CSS selectors and URL fragments."""
    text = _SLUG_DROP.sub("-", value.lower()).strip("-")
    return text if text and text[0].isalpha() else f"s-{text}".rstrip("-")


def _views(sections: tuple[Section, ...], used: set[str], flavour: str) -> list[dict]:
    views = []
    for section in sections:
        ident = base = ID_PREFIX + slug(section.id)
        n = 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        used.add(ident)
        level = min(section.level + 1, 6)  # h1 is the document title
        views.append(
            {
                "id": ident,
                "number": display_number(section),
                "title": " ".join(section.title.split()),
                "tag": f"h{level}",
                "level": section.level,
                "body": Markup("".join(_block(b, level + 1, flavour) for b in section.blocks)),
                "children": _views(section.subsections, used, flavour),
            }
        )
    return views


def render(document: Document, fragment: bool = False, no_title: bool = False, stylesheet: bool = False) -> str:
    """The document as a standalone HTML5 page, or as a fragment to embed — there without the
    <h1> (``no_title``: the website's page has its own) and with a small stylesheet scoped to
    the fragment (``stylesheet``) if wanted."""
    if (no_title or stylesheet) and not fragment:
        from . import ExportError

        raise ExportError("--no-title and --stylesheet are options of the HTML fragment (add --fragment).")
    language = slug(document.language or "de")
    notice = draft_notice(document)
    return _environment().get_template("page.html.j2").render(
        fragment=fragment,
        with_title=not no_title,
        lang=language,
        title=" ".join(document.title.split()),
        company=" ".join(document.company.split()),
        stand_line=" ".join(stand_line(document).split()),
        draft=Markup(_block(notice, 2, "fragment" if fragment else "page")) if notice else "",
        contents_label=document.label("contents"),
        sections=_views(document.sections, set(_RESERVED_IDS), "fragment" if fragment else "page"),
        css=(_css("fragment.css") if stylesheet else "") if fragment else _css(),
        toc_inner_style=_FRAGMENT_TOC_INNER_STYLE if fragment else "",
        generator=" ".join(document.meta_dict().get("generator", "Policy Editor").split()),
    )


def to_bytes(document: Document, fragment: bool = False, no_title: bool = False, stylesheet: bool = False) -> bytes:
    return render(document, fragment, no_title, stylesheet).encode("utf-8")


def write(document: Document, path: Path, fragment: bool = False, no_title: bool = False,
          stylesheet: bool = False) -> None:
    from . import write_file

    write_file(path, to_bytes(document, fragment, no_title, stylesheet))
