"""A fast reader for the plain Markdown our templates produce — paragraphs, "- " lists, "> "
boxes, "#" headings, pipe tables, **bold**, *italic*, [links](<…>), backslash escapes and
line breaks — that gives exactly the tokens markdown-it (CommonMark) gives for them.

It parses about ten times faster than markdown-it: compose() parses every section of a policy
whenever its caches are cold. It is not a second Markdown dialect: whatever it is not sure
about — indented or fenced code, ordered lists, nested or lazy blocks, emphasis that CommonMark
might read another way, code spans, autolinks, entities, images, reference links — makes it
answer None, and markup.py then asks markdown-it. tests/core/test_markdown_fast.py holds it to
markdown-it on every section of the bundled packs and on generated Markdown.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from markdown_it.common.utils import MD_ASCII_PUNCT, isMdAsciiPunct, isPunctChar, isWhiteSpace, mdTrim, unescapeAll
from markdown_it.rules_block.table import escapedSplit


class Unsure(Exception):
    """The text holds something only markdown-it should decide."""


class Tok(NamedTuple):
    """The few fields of a markdown-it inline token that markup.py reads."""

    type: str
    content: str = ""
    attrs: dict | None = None


class Inline(NamedTuple):
    children: list[Tok]


# block-level shapes
# a thematic break or setext underline, an ordered list or a bullet we do not read, a reference
# definition: one pattern, one match per line
_UNSURE_LINE = re.compile(r"^ {0,3}(?:(?:([-*_])(?: *\1){2,}|=+|-+) *$|(?:\d{1,9}[.)]|[*+])(?: |$)|\[[^\]]*\]:)")
_HEADING = re.compile(r"^(#{1,6})(?: (.*))?$")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_PLAIN = re.compile(r"[^\n\\*\[_`<!&]+")
# "**Label:** plain text": the first ** (at the start, before a non-space) can only open, the second
# (after a non-space, before a space or the end) only close — strong, whatever the label's ends are
_LABELLED = re.compile(r"\*\*([^\s\\*\[_`<!&](?:[^\n\\*\[_`<!&]*[^\s\\*\[_`<!&])?)\*\*((?: [^\n\\*\[_`<!&]*)?)")
_ASCII_PUNCT = frozenset(map(chr, MD_ASCII_PUNCT))  # what a backslash escapes (isMdAsciiPunct)
# a link target markdown-it's normalizeLink gives back unchanged (lower-case host of labels its
# URL parser keeps, a path of unreserved characters; not longer than MAX_PLAIN_URL, so the host
# is within its 255 characters): most of a policy's links, which then skip that parser
PLAIN_URL = re.compile(r"https?://[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})*(?:/[A-Za-z0-9._~/-]*)?")
MAX_PLAIN_URL = 200
_NOT_IN_TARGET = re.compile(r"[<>\\\x00-\x1f\x7f]")  # escapes and control characters: markdown-it decides
_UNSURE_START = ("```", "~~~", "<", "+ ", "* ", "*\t", "\t")
# the first characters of every line _starts_unsure may be unsure of (its prefixes and patterns)
_MAY_START_UNSURE = frozenset(" \t-*_=+0123456789[`~<")


def parse(markdown: str, normalize_link, validate_link, read_inline=None) -> list | None:
    """Block tuples ("paragraph", Inline) / ("heading", Inline) / ("list", [Inline…]) /
    ("box", [blocks]) / ("table", [Inline…], [[Inline…]…]), or None when unsure.
    ``read_inline(text)``, when given, stands in for ``inline(text, …)`` (markup.py passes one
    that remembers what it read: a policy repeats many lines)."""
    if "\r" in markdown or "\t" in markdown or "\x00" in markdown:
        return None
    if read_inline is None:
        def read_inline(text: str) -> Inline:
            return inline(text, normalize_link, validate_link)
    try:
        return _Blocks(markdown.split("\n"), read_inline).parse()
    except Unsure:
        return None


def inline(text: str, normalize_link, validate_link) -> Inline:
    """The inline tokens of one paragraph, list item, heading or table cell (Unsure raised)."""
    return Inline(_inline(text, normalize_link, validate_link))


def _blank(line: str) -> bool:
    return not line.strip(" ")


class _Blocks:
    def __init__(self, lines: list[str], read_inline) -> None:
        self.lines = lines
        self.inline = read_inline

    def parse(self) -> list:
        lines, blocks, i = self.lines, [], 0
        while i < len(lines):
            line = lines[i]
            if not line.strip(" "):  # _blank(), inlined: the loop's hottest line
                i += 1
                continue
            # the cheap first test of _starts_unsure, inlined: most lines never call it
            if line[0] == " " or (line[0] in _MAY_START_UNSURE and _starts_unsure(line)):
                raise Unsure
            if line[0] == "#" and (m := _HEADING.match(line)):
                content = mdTrim(m.group(2) or "")
                if content.endswith("#"):
                    raise Unsure
                blocks.append(("heading", self.inline(content)))
                i += 1
            elif line[0] == ">":
                i = self._box(i, blocks)
            elif line.startswith("- ") or line == "-":
                i = self._list(i, blocks)
            elif line[0] == "|":
                i = self._table(i, blocks)
            else:
                i = self._paragraph(i, blocks)
        return blocks

    def _ends_paragraph(self, line: str) -> bool:
        """Whether ``line`` ends a paragraph (blank, or a block we read that may interrupt one)."""
        if _blank(line):
            return True
        stripped = line.lstrip(" ")
        if _starts_unsure(line) or (line[0] == " " and stripped[0] in "-#>|*+`~=_<0123456789"):
            raise Unsure  # a block that may or may not interrupt: markdown-it decides
        if line[0] == "#":
            return bool(_HEADING.match(line))
        return line[0] == ">" or line.startswith("- ") or (line[0] == "|" and _raise())

    def _paragraph(self, i: int, blocks: list) -> int:
        lines, start = self.lines, i
        i += 1
        # most paragraphs are one line before an empty one: that ends them without more checks
        while i < len(lines) and lines[i] and not self._ends_paragraph(lines[i]):
            i += 1
        content = mdTrim(lines[start] if i == start + 1 else "\n".join(lines[start:i]))
        blocks.append(("paragraph", self.inline(content)))
        return i

    def _list(self, i: int, blocks: list) -> int:
        lines, items = self.lines, []
        while i < len(lines) and lines[i].startswith("- "):
            first = lines[i][2:]
            if not first.strip() or first[0] == " " or _starts_unsure(first) or first[0] in ">|" \
                    or first.startswith("- ") or first == "-" or _HEADING.match(first):
                raise Unsure  # an empty item, content indented further (code?) or a block inside
            start = i
            i += 1
            while i < len(lines) and not self._ends_paragraph(lines[i]):
                i += 1
            items.append(self.inline(mdTrim("\n".join([first, *lines[start + 1:i]]))))
            after = i
            while after < len(lines) and _blank(lines[after]):
                after += 1
            if after < len(lines) and after > i and lines[after][0] == " ":
                raise Unsure  # a second paragraph inside the item
            if after < len(lines) and lines[after].startswith("- "):
                i = after  # the list goes on (loose)
        blocks.append(("list", items))
        return i

    def _box(self, i: int, blocks: list) -> int:
        lines, inner = self.lines, []
        while i < len(lines) and lines[i].startswith(">"):
            text = lines[i][1:]
            inner.append(text[1:] if text.startswith(" ") else text)
            i += 1
        if i < len(lines) and not _blank(lines[i]):
            raise Unsure  # a lazy continuation line
        found = _Blocks(inner, self.inline).parse()
        blocks.append(("box", found))
        return i

    def _table(self, i: int, blocks: list) -> int:
        lines = self.lines
        if i + 1 >= len(lines):
            raise Unsure
        aligns = _delimiter_row(lines[i + 1])
        header = _cells(lines[i])
        if aligns is None or not header or len(header) != aligns:
            raise Unsure
        rows = []
        i += 2
        while i < len(lines) and not _blank(lines[i]):
            if lines[i][0] != "|":
                raise Unsure  # markdown-it would take it as a row, or end the table: not ours
            cells = _cells(lines[i])
            rows.append([self.inline(cells[n] if n < len(cells) else "") for n in range(aligns)])
            i += 1
        blocks.append(("table", [self.inline(c) for c in header], rows))
        return i


def _raise() -> bool:
    raise Unsure


def _starts_unsure(line: str) -> bool:
    if line[:1] not in _MAY_START_UNSURE:  # most lines: none of the checks below can match
        return False
    return (line.startswith(_UNSURE_START) or bool(_UNSURE_LINE.match(line))
            or line.lstrip(" ").startswith(_UNSURE_START[:2]))


def _delimiter_row(line: str) -> int | None:
    """The column count of a table's delimiter row (markdown-it's rules), or None."""
    if len(line) < 2 or line[0] not in "|-:" or (line[1] not in "|-: ") or (line[0] == "-" and line[1] == " "):
        return None
    if any(ch not in "|-: " for ch in line):
        return None
    columns = line.split("|")
    count = 0
    for n, column in enumerate(columns):
        cell = mdTrim(column)
        if not cell:
            if n in (0, len(columns) - 1):
                continue
            return None
        if not re.fullmatch(r":?-+:?", cell):
            return None
        count += 1
    return count


def _cells(line: str) -> list[str]:
    line = mdTrim(line)
    columns = escapedSplit(line) if "\\" in line else line.split("|")  # the same without escapes
    if columns and columns[0] == "":
        columns.pop(0)
    if columns and columns[-1] == "":
        columns.pop()
    return [mdTrim(c) for c in columns]


# ---------------------------------------------------------------------------------------------
# inline: markdown-it's rules for text, newline, escape, emphasis (*) and link, nothing else


def _inline(src: str, normalize_link, validate_link) -> list[Tok]:
    if _PLAIN.fullmatch(src):  # no character Markdown reads inline: one text
        return [Tok("text", src)]
    if labelled := _LABELLED.fullmatch(src):  # "**Label:** plain text", a policy's commonest line
        label, rest = labelled.groups()
        return [Tok("strong_open"), Tok("text", label), Tok("strong_close"), *([Tok("text", rest)] if rest else ())]
    items = _Inline(src, normalize_link, validate_link).scope(0, len(src))
    merged: list[Tok] = []
    for item in items:  # markdown-it joins neighbouring text (fragments_join, text_join)
        if item.type == "text" and merged and merged[-1].type == "text":
            merged[-1] = Tok("text", merged[-1].content + item.content)
        elif item.type != "text" or item.content:
            merged.append(item)
    return merged


class _Inline:
    def __init__(self, src: str, normalize_link, validate_link) -> None:
        self.src = src
        self.normalize_link, self.validate_link = normalize_link, validate_link

    def scope(self, start: int, end: int) -> list[Tok]:
        """Tokens of src[start:end] (the whole text, or a link's label), emphasis resolved."""
        src, out, pending = self.src, [], []
        delimiters: list[list] = []  # * and _ runs: [index in out, length, can_open, can_close, marker]
        pos = start

        def flush() -> None:
            if pending:
                out.append(Tok("text", "".join(pending)))
                pending.clear()

        while pos < end:
            plain = _PLAIN.match(src, pos, end)
            if plain:  # most of a policy: text without any character Markdown reads
                pending.append(plain.group())
                pos = plain.end()
                if pos >= end:
                    break
            # a plain run ends at a character Markdown reads: no second match needed to know it
            ch = src[pos]
            if ch == "\\":
                nxt = src[pos + 1] if pos + 1 < end else ""
                if nxt in _ASCII_PUNCT:  # markdown-it's own token, joined to the text around it later
                    pending.append(nxt)
                    pos += 2
                elif not nxt:
                    pending.append("\\")
                    pos += 1
                elif nxt == "\n":
                    flush()
                    out.append(Tok("hardbreak"))
                    pos += 2
                    while pos < end and src[pos] == " ":
                        pos += 1
                else:
                    flush()
                    out.append(Tok("text", "\\" + nxt))
                    pos += 2
            elif ch == "\n":
                text = "".join(pending)
                if text.endswith("  "):
                    pending[:] = [text.rstrip(" ")]
                    flush()
                    out.append(Tok("hardbreak"))
                else:
                    pending[:] = [text[:-1] if text.endswith(" ") else text]
                    flush()
                    out.append(Tok("softbreak"))
                pos += 1
                while pos < end and src[pos] == " ":
                    pos += 1
            elif ch in "*_":
                run = pos
                while run < end and src[run] == ch:
                    run += 1
                count = run - pos
                last = src[pos - 1] if pos > 0 else " "
                after = src[run] if run < end else " "
                last_punct = isMdAsciiPunct(ord(last)) or isPunctChar(last)
                next_punct = isMdAsciiPunct(ord(after)) or isPunctChar(after)
                last_space, next_space = isWhiteSpace(ord(last)), isWhiteSpace(ord(after))
                left = not (next_space or (next_punct and not (last_space or last_punct)))
                right = not (last_space or (last_punct and not (next_space or next_punct)))
                if ch == "*":
                    can_open, can_close = left, right
                else:  # "_" may not split a word
                    can_open, can_close = left and (not right or last_punct), right and (not left or next_punct)
                if (can_open and can_close) or count > 2:
                    raise Unsure
                flush()
                if can_open or can_close:
                    delimiters.append([len(out), count, can_open, can_close, ch])
                out.append(Tok("text", ch * count))
                pos = run
            elif ch == "[":
                flush()
                pos = self._link(pos, end, out)
            elif ch in "`<" or (ch == "!" and pos + 1 < end and src[pos + 1] == "[") \
                    or (ch == "&" and _ENTITY.match(src, pos)):
                raise Unsure
            else:
                pending.append(ch)
                pos += 1
        flush()
        if delimiters:
            _emphasis(out, delimiters)
        return out

    def _link(self, pos: int, end: int, out: list[Tok]) -> int:
        src = self.src
        label_end = pos + 1
        while label_end < end and src[label_end] != "]":
            if src[label_end] == "[":
                raise Unsure
            label_end += 2 if src[label_end] == "\\" else 1
        if label_end >= end or label_end + 1 >= end or src[label_end + 1] != "(":
            raise Unsure
        at = label_end + 2
        if at < end and src[at] == "<":
            close = src.find(">", at)
            if close < 0 or close >= end:
                raise Unsure
            destination = src[at + 1:close]
            at = close + 1
        else:
            stop = at
            while stop < end and src[stop] not in " )\n":
                stop += 1
            destination = src[at:stop]
            at = stop
            if "(" in destination or not destination:
                raise Unsure
        if _NOT_IN_TARGET.search(destination) or at >= end or src[at] != ")":
            raise Unsure  # escapes, titles, spaces: markdown-it's own parser decides
        plain = len(destination) <= MAX_PLAIN_URL and PLAIN_URL.fullmatch(destination)
        href = destination if plain else self.normalize_link(unescapeAll(destination))
        if not self.validate_link(href):
            raise Unsure
        out.append(Tok("link_open", attrs={"href": href}))
        out.extend(self.scope(pos + 1, label_end))
        out.append(Tok("link_close"))
        return at + 1


def _emphasis(out: list[Tok], delimiters: list[list]) -> None:
    """CommonMark's "process emphasis" for one scope, where its outcome is unambiguous: a closer
    pairs with the nearest opener of its marker, and the openers in between stay text; a
    closer without an opener, and an opener never closed, stay text. Runs of unequal length
    would pair in part: those are left to markdown-it."""
    openers: list[list] = []
    for delimiter in delimiters:
        index, count, can_open, can_close, marker = delimiter
        if can_close:
            found = next((n for n in range(len(openers) - 1, -1, -1) if openers[n][4] == marker), None)
            if found is None:
                continue
            opener = openers[found]
            if opener[1] != count:
                raise Unsure
            del openers[found:]
            kind = "strong" if count == 2 else "em"
            out[opener[0]] = Tok(f"{kind}_open")
            out[index] = Tok(f"{kind}_close")
        elif can_open:
            openers.append(delimiter)
