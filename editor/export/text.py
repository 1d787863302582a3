"""Plain UTF-8 text writer, wrapped at 80 columns.

Also home of the few helpers the text-like writers share (html, markdown): the displayed
section number and the blank-line joining of blocks. The Document arrives clean (see
editor.core.sanitize); its wording comes from the Document (``document.label``).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Iterable

from ..core.document import Block, Box, BulletList, Document, Heading, Paragraph, Run, Section, Table, draft_notice
from ..core.sanitize import without_scheme

WIDTH = 80


def display_number(section: Section) -> str:
    """ "1." for a top-level section, "1.1" below it (as in the DOCX headings)."""
    return f"{section.number}." if section.level == 1 else section.number


def stand_line(document: Document) -> str:
    """ "Stand: 21.11.2026" in the document language (every writer shows it this way)."""
    return f"{document.label('stand')}: {document.stand_text()}"


# ---------------------------------------------------------------- plain text


def _width(text: str) -> int:
    """Columns a terminal needs for ``text`` (wide East Asian characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _link_spellings(link: str) -> set[str]:
    """How a link's text may already show its target ("example.com" for "https://example.com/")."""
    bare = without_scheme(link)
    return {link, bare, bare.rstrip("/")}


def _inline(runs: tuple[Run, ...]) -> str:
    parts = []
    for run in runs:
        text = run.text.replace("\t", " ")
        if run.placeholder and text.strip():
            core = text.strip()
            text = f"{text[: len(text) - len(text.lstrip())]}[{core}]{text[len(text.rstrip()):]}"
        link = run.link
        if link and text.strip() and text.strip() not in _link_spellings(link):
            shown = link[7:] if link.lower().startswith("mailto:") else link  # the address is what readers need
            text = f"{text} ({shown})"
        parts.append(text)
    return "".join(parts)


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Greedy word wrap. Only spaces break lines: a no-break space ("§\u00a025") keeps its words
    together, and a word longer than the line (a URL) stays whole."""
    width = max(width, 20)
    lines: list[str] = []
    for i, line in enumerate(text.split("\n")):
        words = [w for w in line.replace("\t", " ").split(" ") if w]
        indent = first if i == 0 else rest
        if not words:
            if i == 0:
                lines.append(first.rstrip())
            continue
        current, used = indent + words[0], _width(indent) + _word_width(words[0])
        for word in words[1:]:
            size = _word_width(word)
            if used + 1 + size > width:
                lines.append(current)
                current, used = rest + word, len(rest) + size
            else:
                current, used = f"{current} {word}", used + 1 + size
        lines.append(current)
    return lines


def _word_width(word: str) -> int:
    return len(word) if word.isascii() else _width(word)


def _underlined(text: str, char: str, width: int) -> list[str]:
    lines = _wrap(text, width)
    return lines + [char * min(width, max((_width(l) for l in lines), default=0))]


def _table(table: Table, width: int) -> list[str]:
    header = [" ".join(_inline(c).split()) for c in table.header]
    rows = [[" ".join(_inline(c).split()) for c in row] for row in table.rows]
    columns = max([len(header)] + [len(r) for r in rows])
    grid = [r + [""] * (columns - len(r)) for r in ([header] if header else []) + rows]
    widths = [max(_width(r[i]) for r in grid) for i in range(columns)]
    if sum(widths) + 2 * (columns - 1) <= width:
        def line(cells: list[str]) -> str:
            return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

        out = [line(r) for r in grid]
        if header:
            out.insert(1, "  ".join("-" * w for w in widths))
        return out
    # Too wide for aligned columns: one "label: value" group per row.
    out = []
    for row in rows:
        if out:
            out.append("")
        for i, cell in enumerate(row + [""] * (columns - len(row))):
            name = header[i] if i < len(header) and header[i] else f"{i + 1}"
            out.extend(_wrap(cell, width, f"{name}: ", "  "))
    return out


def _block(block: Block, width: int) -> list[str]:
    if isinstance(block, Paragraph):
        return _wrap(_inline(block.runs).strip(), width)
    if isinstance(block, Heading):
        return _underlined(" ".join(_inline(block.runs).split()), "·", width)
    if isinstance(block, BulletList):
        out = []
        for n, item in enumerate(block.items, 1):
            bullet = f"{n}. " if block.ordered else "• "
            out.extend(_wrap(_inline(item).strip(), width, bullet, " " * len(bullet)))
        return out
    if isinstance(block, Table):
        return _table(block, width)
    if isinstance(block, Box):
        inner = _blocks(block.blocks, width - 2)
        return [("│ " + line).rstrip() for line in inner]
    return []


def join_blocks(rendered: Iterable[list[str]]) -> list[str]:
    """Lines of consecutive blocks with one blank line between them (text and Markdown)."""
    out: list[str] = []
    for lines in rendered:
        if lines:
            if out:
                out.append("")
            out.extend(lines)
    return out


def _blocks(blocks: tuple[Block, ...], width: int) -> list[str]:
    return join_blocks(_block(block, width) for block in blocks)


def _section(section: Section, out: list[str]) -> None:
    heading = f"{display_number(section)} {' '.join(section.title.split())}"
    out.append("")
    out.append("")
    out.extend(_underlined(heading, "=" if section.level == 1 else "-", WIDTH))
    body = _blocks(section.blocks, WIDTH)
    if body:
        out.append("")
        out.extend(body)
    for sub in section.subsections:
        _section(sub, out)


def render(document: Document) -> str:
    out = _underlined(" ".join(document.title.split()).upper(), "=", WIDTH)
    company = " ".join(document.company.split())
    if company:
        out.extend(_wrap(company, WIDTH))
    out.append(" ".join(stand_line(document).split()))
    if notice := draft_notice(document):
        out += [""] + _block(notice, WIDTH)
    for section in document.sections:
        _section(section, out)
    return "\n".join(out).rstrip() + "\n"


def to_bytes(document: Document) -> bytes:
    return render(document).encode("utf-8")


def write(document: Document, path: Path) -> None:
    from . import write_file

    write_file(path, to_bytes(document))
