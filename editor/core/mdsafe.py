"""Markdown-safe text for clause templates, without Jinja: the escaping every printed value
gets, and the helpers templates call (placeholder, filled, link).

Separate from templating.py so that what only needs these (the project context, the views, the
overlay of own services) does not import Jinja and the sandbox: the window opens from the
per-user caches without compiling one template.

Placeholders travel through Markdown as private-use characters and become
``Run(placeholder=True)`` when the Markdown is parsed.
"""
from __future__ import annotations

import re
from typing import Any

from .sanitize import LINE_BREAKS, clean_text, has_allowed_scheme, one_line


def template_safe(func):
    """Mark a helper function as callable from templates (the sandbox checks the mark)."""
    func.template_callable = True
    return func


PH_OPEN, PH_CLOSE = "\ue000", "\ue001"
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
# What Markdown (CommonMark with tables, no HTML) may read anywhere in a line: escapes, emphasis,
# code, links and images, autolinks, entities, table cells, a heading's closing #, and quotes and
# braces (link titles; own_services turns escaped braces into literal ones). Other punctuation —
# ( ) . - : and the like, most of a policy's — means something only where a line starts (below).
# Escaping less than all punctuation is not only shorter: every escape is a step of the reader's
# slow path, and a value without one is read as one plain text.
_MD_SPECIAL = "\\`*_{}[]#!<>|~&\"'"
# str.translate's table by code point: those characters escaped, every other ASCII character as
# it is; beyond ASCII the lookup fails and translate keeps the character (one pass in C, several
# times quicker than a regex: every printed value goes through here)
_ESCAPED = tuple(("\\" + chr(code)) if chr(code) in _MD_SPECIAL else chr(code) for code in range(128))
# A value is one line, so only its start can land where a block starts (a template prints it at a
# line's start or after "- " or "> "): a bullet (- +), a setext underline or break (= -), an
# ordered list item ("1." "1)") — escaped there; the characters of the other block starts
# (# > * _ ` ~ | < [) are escaped everywhere. A leading "." or ")" too: printed right after a
# value that ends in digits ("{{ a }}{{ b }}"), it would finish that one's "1." list marker.
_BLOCK_START = re.compile(r"[-+=.)]|[0-9]{1,9}(?=[.)])")


class MdSafe(str):
    """Markdown that is printed as it is (pack-authored text, helper output)."""

    __slots__ = ()


def md_escape(value: Any) -> str:
    """Escape user text for Markdown: it must print literally and on one line."""
    if isinstance(value, MdSafe):
        return value
    if value is None:
        return ""
    text = str(value)
    if not text.isprintable():  # printable text has no line break, control or private-use character
        # A line break would start a new Markdown block; other spacing (NBSP, tabs) is the user's.
        text = _PRIVATE_USE.sub("", clean_text(LINE_BREAKS.sub(" ", text)))
    text = text.strip().translate(_ESCAPED)
    start = _BLOCK_START.match(text)
    if start is None:
        return text
    at = start.end() if text[0] in "0123456789" else 0  # before the "." of "1.", or before "-" or "."
    return f"{text[:at]}\\{text[at:]}"


@template_safe
def placeholder(label: str) -> MdSafe:
    """Text the user still has to provide, e.g. placeholder('Telefonnummer')."""
    clean = _PRIVATE_USE.sub("", str(label))
    return MdSafe(f"{PH_OPEN}{md_escape(clean)}{PH_CLOSE}")


@template_safe
def filled(value: Any, label: str) -> Any:
    """The value when the user has filled it in, else a placeholder named ``label``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return placeholder(label)
    return value


@template_safe
def md_link(text: Any, url: Any) -> MdSafe:
    """A Markdown link whose text is escaped and whose target is kept on https/mailto/tel."""
    # A line break in a pasted value would end the link and start a heading, list or table of
    # the attacker's making in every format; control characters have no place in an address.
    target = one_line(str(url or "")).strip()
    if not has_allowed_scheme(target):
        return MdSafe(md_escape(text))
    target = target.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
    return MdSafe(f"[{md_escape(text)}](<{target}>)")
