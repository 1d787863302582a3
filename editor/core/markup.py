"""Rendered template Markdown → document blocks (markdown-it-py, raw HTML off).

Supported: paragraphs, bullet and numbered lists, tables, block quotes (→ highlighted Box),
headings (→ Heading inside the section), **bold**, *italic*, links and placeholders.
"""
from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from . import markdown_fast
from .document import Block, Box, BulletList, Heading, Paragraph, Run, Table
from .mdsafe import PH_CLOSE, PH_OPEN

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


def _inline_runs(token: Token | markdown_fast.Inline) -> tuple[Run, ...]:
    runs: list[Run] = []
    bold = italic = 0
    link: str | None = None
    for child in token.children or ():
        kind = child.type
        if kind == "text" and PH_OPEN not in child.content:  # most text: no placeholder to split off
            if child.content:
                runs.append(Run(child.content, bold > 0, italic > 0, link))
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            link = str(child.attrs.get("href", "")) or None  # Run keeps only safe targets (editor.core.sanitize)
        elif kind == "link_close":
            link = None
        elif kind in ("text", "code_inline", "html_inline"):
            _split_placeholders(child.content, runs, bold > 0, italic > 0, link)
        elif kind == "softbreak":
            _split_placeholders(" ", runs, bold > 0, italic > 0, link)
        elif kind == "hardbreak":
            _split_placeholders("\n", runs, bold > 0, italic > 0, link)
        elif kind == "image":
            _split_placeholders(child.content, runs, bold > 0, italic > 0, link)
    return _merge(runs)


def _split_placeholders(text: str, runs: list[Run], bold: bool, italic: bool, link: str | None) -> None:
    while text:
        start = text.find(PH_OPEN)
        if start < 0:
            runs.append(Run(text, bold, italic, link))
            return
        if start:
            runs.append(Run(text[:start], bold, italic, link))
        end = text.find(PH_CLOSE, start)
        if end < 0:  # unbalanced marker: drop it, keep the text
            text = text[start + 1:]
            continue
        runs.append(Run(text[start + 1:end], bold, italic, link, placeholder=True))
        text = text[end + 1:]


def _merge(runs: list[Run]) -> tuple[Run, ...]:
    """Join neighbouring runs with equal formatting (markdown-it splits text at escapes)."""
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if merged and not run.placeholder and not merged[-1].placeholder:
            last = merged[-1]
            if (last.bold, last.italic, last.link) == (run.bold, run.italic, run.link):
                merged[-1] = Run(last.text + run.text, last.bold, last.italic, last.link)
                continue
        merged.append(run)
    return tuple(merged)


def _blocks(tokens: list[Token], start: int, stop_type: str | None) -> tuple[list[Block], int]:
    blocks: list[Block] = []
    i = start
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if stop_type and kind == stop_type:
            return blocks, i + 1
        if kind == "paragraph_open":
            runs = _inline_runs(tokens[i + 1])
            if runs:
                blocks.append(Paragraph(runs))
            i += 3
        elif kind == "heading_open":
            blocks.append(Heading(_inline_runs(tokens[i + 1])))
            i += 3
        elif kind in ("bullet_list_open", "ordered_list_open"):
            close = kind.replace("_open", "_close")
            items, i = _list_items(tokens, i + 1, close)
            blocks.append(BulletList(tuple(items), ordered=kind.startswith("ordered")))
        elif kind == "blockquote_open":
            inner, i = _blocks(tokens, i + 1, "blockquote_close")
            blocks.append(Box(tuple(inner)))
        elif kind == "table_open":
            table, i = _table(tokens, i + 1)
            blocks.append(table)
        elif kind in ("fence", "code_block"):
            blocks.append(Paragraph((Run(token.content.rstrip("\n")),)))
            i += 1
        else:  # hr, html_block (html is off), stray tokens
            i += 1
    return blocks, i


def _list_items(tokens: list[Token], i: int, close: str) -> tuple[list[tuple[Run, ...]], int]:
    """Items of a list; nested lists are flattened into following items (rare in policies)."""
    items: list[tuple[Run, ...]] = []
    depth = 0
    current: list[Run] = []
    while i < len(tokens):
        token = tokens[i]
        if token.type == close and depth == 0:
            if current:
                items.append(_merge(current))
            return items, i + 1
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "list_item_open":
            if current:
                items.append(_merge(current))
            current = []
        elif token.type == "inline":
            if current:
                current.append(Run(" "))
            current.extend(_inline_runs(token))
        i += 1
    if current:
        items.append(_merge(current))
    return items, i


def _table(tokens: list[Token], i: int) -> tuple[Table, int]:
    header: list[tuple[Run, ...]] = []
    rows: list[tuple[tuple[Run, ...], ...]] = []
    row: list[tuple[Run, ...]] = []
    in_head = False
    while i < len(tokens):
        token = tokens[i]
        if token.type == "table_close":
            return Table(tuple(header), tuple(rows)), i + 1
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            if in_head:
                header = row
            else:
                rows.append(tuple(row))
        elif token.type == "inline":
            row.append(_inline_runs(token))
        i += 1
    return Table(tuple(header), tuple(rows)), i


def to_blocks(markdown: str, inline_runs: dict[str, tuple[Run, ...]] | None = None) -> tuple[Block, ...]:
    """Parse Markdown into blocks (a catalog's Composer keeps the results of compose()). The
    plain Markdown of our templates takes the fast reader; anything else, markdown-it.
    ``inline_runs`` (text → runs) remembers the lines the fast reader read: the inline reading
    of a paragraph, item or cell depends on its text alone, and a policy repeats many."""
    memo = {} if inline_runs is None else inline_runs

    def read_inline(text: str) -> tuple[Run, ...]:
        runs = memo.get(text)
        if runs is None:
            runs = memo[text] = _inline_runs(markdown_fast.inline(text, _MD.normalizeLink, _MD.validateLink))
        return runs

    fast = markdown_fast.parse(markdown, _MD.normalizeLink, _MD.validateLink, read_inline)
    if fast is not None:
        return _fast_blocks(fast, _read)
    return slow_blocks(markdown)


def slow_blocks(markdown: str) -> tuple[Block, ...]:
    """Parse Markdown into blocks with markdown-it alone (the reference the fast reader meets)."""
    blocks, _ = _blocks(_MD.parse(markdown), 0, None)
    return tuple(blocks)


def _read(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    return runs  # to_blocks' fast reader gives runs already


def _fast_blocks(found: list, runs_of=_inline_runs) -> tuple[Block, ...]:
    """Blocks from the fast reader's tuples; ``runs_of`` turns what stands for a text's inline
    content in them into runs."""
    blocks: list[Block] = []
    for kind, *parts in found:
        if kind == "paragraph":
            runs = runs_of(parts[0])
            if runs:
                blocks.append(Paragraph(runs))
        elif kind == "heading":
            blocks.append(Heading(runs_of(parts[0])))
        elif kind == "list":
            items = [runs for runs in map(runs_of, parts[0]) if runs]
            blocks.append(BulletList(tuple(items), ordered=False))
        elif kind == "box":
            blocks.append(Box(_fast_blocks(parts[0], runs_of)))
        elif kind == "table":
            header, rows = parts
            blocks.append(Table(tuple(map(runs_of, header)), tuple(tuple(map(runs_of, row)) for row in rows)))
    return tuple(blocks)
