"""Markdown writer: clean CommonMark (+ pipe tables) for website builders.

Every document text is backslash-escaped so that it prints exactly as written when rendered:
a company called "Müller & *Söhne* [GmbH]" stays that, never turns into emphasis or a link.
Emphasis markers are only written where CommonMark's flanking rules make them work; where they
would not (odd punctuation at the run's edge, two runs' markers touching), the run is written
without emphasis rather than with stray asterisks in the visible text.
"""
from __future__ import annotations

import re
import string
from pathlib import Path
from urllib.parse import quote

from ..core.document import Block, Box, BulletList, Document, Heading, Paragraph, Run, Section, Table, draft_notice
from .text import display_number, join_blocks, stand_line

# Always escaped: characters that start inline syntax anywhere in a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")  # "&amp;" would print as "&"
# At the start of a line: headings, list items, setext underlines, ordered list numbers.
_LINE_START = re.compile(r"^([#+=-])|^(\d{1,9})([.)])")
_ASCII_PUNCT = frozenset(string.punctuation)


def _escape(text: str, heading: bool = False) -> str:
    text = _ENTITY.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", text))
    # In a heading, trailing "#"s would be read as the closing sequence.
    return text.replace("#", "\\#") if heading else text


def _url(url: str) -> str:
    # Parentheses, spaces and angle brackets would end the link destination early.
    return quote(url, safe=":/?#@!$&'*+,;=%~-._[]")


def _can_open(prev: str, first: str) -> bool:
    """Would "**" between ``prev`` and ``first`` open emphasis (left-flanking, CommonMark 6.2)?

    Conservative: a character that is not a letter or digit may be Unicode punctuation.
    """
    if not first or first.isspace():
        return False
    return first.isalnum() or prev in " \n" or prev in _ASCII_PUNCT


def _can_close(last: str, following: str) -> bool:
    if not last or last.isspace():
        return False
    return last.isalnum() or following in " \n" or following in _ASCII_PUNCT


def _marker(run: Run) -> str:
    if run.bold and run.italic:
        return "***"
    return "**" if run.bold or run.placeholder else "*" if run.italic else ""


def _pieces(runs: tuple[Run, ...], one_line: bool, heading: bool) -> list[tuple[str, str, str, str]]:
    """(leading space, escaped core, trailing space, emphasis marker or "") per run."""
    pieces = []
    for run in runs:
        text = run.text.replace("\t", " ")
        if one_line:
            text = text.replace("\n", " ")
        core = text.strip()
        if not core:
            if text:
                pieces.append((text, "", "", ""))
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()):]
        body = _escape(core, heading)
        if run.placeholder:
            body = f"\\[{body}\\]"
        marker = _marker(run)
        link = run.link
        if link:
            # Inside the brackets the emphasis always flanks correctly ("[" and "]" are punctuation).
            body, marker = f"[{marker}{body}{marker}]({_url(link)})", ""
        pieces.append((lead, body, trail, marker))
    return pieces


def _inline(runs: tuple[Run, ...], one_line: bool = False, heading: bool = False) -> str:
    pieces = _pieces(runs, one_line, heading)
    out: list[str] = []
    prev = "\n"  # the start of a block counts as whitespace
    prev_was_marker = False
    for i, (lead, body, trail, marker) in enumerate(pieces):
        if lead:
            out.append(lead)
            prev, prev_was_marker = lead[-1], False
        if not body:
            continue
        # What follows this run's closing marker. A neighbour that touches our marker drops its own
        # (prev_was_marker below), so its first character is what CommonMark will see.
        following = trail[:1] or next(((nl or nb)[0] for nl, nb, _, _ in pieces[i + 1:] if nl or nb), "\n")
        if marker and (prev_was_marker or not _can_open(prev, body[0]) or not _can_close(body[-1], following)):
            marker = ""
        out.append(f"{marker}{body}{marker}")
        prev, prev_was_marker = (marker[-1], True) if marker else (body[-1], False)
        if trail:
            out.append(trail)
            prev, prev_was_marker = trail[-1], False
    # Only links are unescaped "[": a "!" just before one would turn it into an image.
    return _lines("".join(out).replace("![", "\\!["))


def _lines(text: str) -> str:
    """Hard line breaks ("\\" at line end) and escapes for syntax that only counts at a line start."""
    lines = []
    for line in text.split("\n"):
        line = _LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", line.lstrip(" "))
        lines.append(line.rstrip(" "))
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\\\n".join(lines)


def _indent(text: str, first: str, rest: str) -> list[str]:
    lines = text.split("\n")
    return [first + lines[0]] + [rest + line for line in lines[1:]]


def _heading(level: int, text: str) -> str:
    return f"{'#' * min(level, 6)} {text}"


def _table(table: Table) -> list[str]:
    header = [_inline(c, one_line=True) for c in table.header]
    rows = [[_inline(c, one_line=True) for c in row] for row in table.rows]
    columns = max([len(header)] + [len(r) for r in rows])
    if not columns:
        return []
    header += [""] * (columns - len(header))
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] * columns) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(row + [""] * (columns - len(row))) + " |")
    return lines


def _block(block: Block, level: int) -> list[str]:
    if isinstance(block, Paragraph):
        text = _inline(block.runs)
        return text.split("\n") if text else []
    if isinstance(block, Heading):
        text = _inline(block.runs, one_line=True, heading=True)
        return [_heading(level, text)] if text else []
    if isinstance(block, BulletList):
        lines = []
        for n, item in enumerate(block.items, 1):
            bullet = f"{n}. " if block.ordered else "- "
            lines.extend(_indent(_inline(item), bullet, " " * len(bullet)))
        return lines
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Box):
        inner = _blocks(block.blocks, level)
        return [f"> {line}" if line else ">" for line in inner]
    return []


def _blocks(blocks: tuple[Block, ...], level: int) -> list[str]:
    return join_blocks(_block(block, level) for block in blocks)


def _section(section: Section, out: list[str]) -> None:
    level = section.level + 1  # "#" is the document title
    title = _inline((Run(section.title),), one_line=True, heading=True)
    out += ["", _heading(level, f"{display_number(section)} {title}".rstrip())]
    body = _blocks(section.blocks, level + 1)
    if body:
        out += [""] + body
    for sub in section.subsections:
        _section(sub, out)


def render(document: Document) -> str:
    out = [_heading(1, _inline((Run(document.title),), one_line=True, heading=True))]
    company = _inline((Run(document.company),), one_line=True)
    if company:
        out += ["", company]
    out += ["", _inline((Run(stand_line(document), italic=True),), one_line=True)]
    if notice := draft_notice(document):
        out += [""] + _block(notice, 2)
    for section in document.sections:
        _section(section, out)
    return "\n".join(out) + "\n"


def to_bytes(document: Document) -> bytes:
    return render(document).encode("utf-8")


def write(document: Document, path: Path) -> None:
    from . import write_file

    write_file(path, to_bytes(document))
