"""HTML writer: a standalone HTML5 page or a fragment to embed in a website/CMS.

The page layout lives in resources/html/page.html.j2 (+ style.css, inlined); jinja2 autoescapes
what it prints. Blocks are rendered here as strings: every document text goes through escape()
and clean() (characters HTML does not allow), link targets are kept to http(s)/mailto/tel. Nothing is loaded from the network (no fonts, scripts or images): a privacy
policy must not itself leak visitor data.
"""
from __future__ import annotations

import re
from functools import cache
from html import escape as _stdlib_escape
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from ..core.document import Block, Box, BulletList, Document, Heading, Paragraph, Run, Section, Table
from ..resources import resource
from .text import clean, display_number, label, safe_link

_RESERVED_IDS = frozenset({"toc", "toc-title", "policy-title"})
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
def _css() -> Markup:
    css = resource("html", "style.css").read_text(encoding="utf-8")
    return Markup(css.replace("</", "<\\/"))  # cannot end the <style> element early


def _text(text: str) -> str:
    # Blocks are built as plain strings (Markup.format costs ~5x more); every text goes through escape().
    return "<br>\n".join(_escape(part) for part in clean(text).split("\n"))


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
            html = f'<span class="placeholder">[{html}]</span>' if flavour == "qt" else f'<mark class="placeholder">{html}</mark>'
        if run.italic:
            html = f"<em>{html}</em>"
        if run.bold:
            html = f"<strong>{html}</strong>"
        link = safe_link(run.link)
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
        if flavour == "qt":  # QTextDocument draws borders and backgrounds on table cells, not on divs
            return ('<table class="notice" width="100%" cellspacing="0" cellpadding="10" border="1">'
                    f"<tr><td>\n{inner}</td></tr></table>\n")
        style = f' style="{_FRAGMENT_NOTICE_STYLE}"' if flavour == "fragment" else ""
        return f'<aside class="notice notice-{kind}" role="note"{style}>\n{inner}</aside>\n'
    return ""


def _table(table: Table, flavour: str) -> str:
    qt = flavour == "qt"
    out = ['<table class="data" width="100%" cellspacing="0" cellpadding="6" border="1">\n' if qt
           else '<div class="table-wrap">\n<table>\n']
    if table.header:
        cells = "".join(f'<th scope="col">{_runs(c, flavour)}</th>' for c in table.header)
        out.append(f"<thead>\n<tr>{cells}</tr>\n</thead>\n")
    out.append("<tbody>\n")
    for row in table.rows:
        cells = "".join(f"<td>{_runs(c, flavour)}</td>" for c in row)
        out.append(f"<tr>{cells}</tr>\n")
    out.append("</tbody>\n</table>\n" if qt else "</tbody>\n</table>\n</div>\n")
    return "".join(out)


def slug(value: str) -> str:
    """An id that is safe in HTML, CSS selectors and URL fragments."""
    text = _SLUG_DROP.sub("-", clean(value).lower()).strip("-")
    return text if text and text[0].isalpha() else f"s-{text}".rstrip("-")


def _views(sections: tuple[Section, ...], used: set[str], flavour: str) -> list[dict]:
    views = []
    for section in sections:
        ident = base = slug(section.id)
        n = 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        used.add(ident)
        level = min(section.level + 1, 6)  # h1 is the document title
        views.append(
            {
                "id": ident,
                "number": display_number(section),
                "title": " ".join(clean(section.title).split()),
                "tag": f"h{level}",
                "level": section.level,
                "body": Markup("".join(_block(b, level + 1, flavour) for b in section.blocks)),
                "children": _views(section.subsections, used, flavour),
            }
        )
    return views


def render(document: Document, fragment: bool = False, *, for_qt: bool = False) -> str:
    """The document as HTML. ``for_qt`` gives the simpler variant QTextDocument can lay out (PDF)."""
    language = slug(document.language or "de")
    return _environment().get_template("page.html.j2").render(
        fragment=fragment,
        for_qt=for_qt,
        lang=language,
        title=" ".join(clean(document.title).split()),
        company=" ".join(clean(document.company).split()),
        stand=" ".join(clean(document.stand).split()),
        stand_label=label(document.language, "stand"),
        contents_label=label(document.language, "contents"),
        sections=_views(document.sections, set(_RESERVED_IDS), "qt" if for_qt else "fragment" if fragment else "page"),
        css="" if fragment else _css(),
        generator=" ".join(clean(document.meta_dict().get("generator", "Policy Editor")).split()),
    )


def write(document: Document, path: Path, fragment: bool = False) -> None:
    Path(path).write_text(render(document, fragment), encoding="utf-8", newline="\n")
