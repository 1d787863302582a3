"""Document → simple Qt rich-text HTML, one *unit* per section heading.

A unit is a heading plus the section's own blocks (a category section's subsections are
units of their own), so the preview can replace one service without touching the rest.
All text is escaped here; nothing from a pack or the user reaches Qt unescaped.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..core.document import Box, BulletList, Document, Heading, Paragraph, Run, Section, Table

PLACEHOLDER_STYLE = "background-color:#ffe97a; color:#4a3b00;"
BOX_STYLE = "background-color:#eef4fb;"
TITLE_ID = "__title__"


@dataclass(frozen=True, slots=True)
class Unit:
    """What one heading + its blocks shows; compared with == to find what changed."""

    id: str
    level: int  # heading level: 1 title, 2 section, 3 subsection …
    number: str
    title: str
    blocks: tuple
    service: str | None = None
    subtitle: str = ""

    def same_body(self, other: "Unit") -> bool:
        return (self.level, self.title, self.blocks, self.subtitle) == (other.level, other.title, other.blocks, other.subtitle)

    def heading_text(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title


def units(document: Document, stand_label: str) -> list[Unit]:
    out = [Unit(TITLE_ID, 1, "", document.title, (), None, f"{document.company} — {stand_label} {document.stand}"
                if document.company else f"{stand_label} {document.stand}")]

    def add(section: Section) -> None:
        service = section.provenance.service if section.provenance else None
        out.append(Unit(section.id, min(section.level + 1, 4), section.number, section.title, section.blocks, service))
        for sub in section.subsections:
            add(sub)

    for section in document.sections:
        add(section)
    return out


def runs_html(runs: tuple[Run, ...]) -> str:
    parts = []
    for run in runs:
        text = escape(run.text).replace("\n", "<br/>")
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.link:
            text = f'<a href="{escape(run.link, quote=True)}">{text}</a>'
        if run.placeholder:
            text = f'<span style="{PLACEHOLDER_STYLE}">{text}</span>'
        parts.append(text)
    return "".join(parts)


def block_html(block) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{runs_html(block.runs)}</p>"
    if isinstance(block, Heading):
        return f"<p><b>{runs_html(block.runs)}</b></p>"
    if isinstance(block, BulletList):
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{runs_html(item)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>"
    if isinstance(block, Table):
        head = "".join(f"<th align='left'>{runs_html(cell)}</th>" for cell in block.header)
        rows = "".join("<tr>" + "".join(f"<td>{runs_html(cell)}</td>" for cell in row) + "</tr>" for row in block.rows)
        return (f"<table border='1' cellspacing='0' cellpadding='4' width='100%' style='border-color:#b8c2cc'>"
                f"<tr>{head}</tr>{rows}</table>")
    if isinstance(block, Box):
        inner = "".join(block_html(b) for b in block.blocks)
        return (f"<table border='0' cellspacing='0' cellpadding='8' width='100%' style='{BOX_STYLE}'>"
                f"<tr><td>{inner}</td></tr></table>")
    return ""  # unknown block kinds from a newer core: show nothing rather than crash


def unit_html(unit: Unit) -> str:
    level = unit.level
    head = f"<h{level}>{escape(unit.heading_text())}</h{level}>"
    if unit.subtitle:
        head += f"<p><i>{escape(unit.subtitle)}</i></p>"
    return head + "".join(block_html(b) for b in unit.blocks)
