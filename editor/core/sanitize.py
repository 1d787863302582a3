"""The one place that says which characters and which link targets a policy may hold.

Text from packs and users is cleaned here once, when the Document is built (its Run, Section
and Document classes call ``clean_text``/``safe_link`` on construction), and by the templating
helpers that build Markdown links. Writers then only escape for their own format.

- ``clean_text``: C0 controls except tab and line feed, DEL, C1 controls, lone surrogates and
  the Unicode noncharacters are removed (HTML forbids them, XML 1.0 cannot hold them, in a
  terminal they do harm); CR LF, CR, NEL and the Unicode line/paragraph separators become LF.
  Emoji, no-break spaces and bidi marks are the author's and stay.
- ``safe_link``: a link target is kept only with one of ``ALLOWED_SCHEMES`` (no javascript:,
  data:, file: …); otherwise the text is shown without a link.
"""
from __future__ import annotations

import re
from itertools import chain
from typing import Iterable

ALLOWED_SCHEMES = ("https://", "http://", "mailto:", "tel:")

# Control characters, written once; the sets below are built from it.
_C0_BUT_TAB_LF = "\x00-\x08\x0b-\x1f"
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
_BAD_CHARS = re.compile(f"[{_C0_BUT_TAB_LF}\x7f-\x9f\ud800-\udfff{_NONCHARACTERS}]")
# \r\n, \r, NEL and the Unicode line/paragraph separators all mean "new line" to the reader.
_NEWLINES = re.compile("\r\n?|[\u2028\u2029\x85]")
# Every character that breaks a line somewhere (for one-line values such as a link target).
LINE_BREAKS = re.compile(r"[\r\n\v\f\x85\u2028\u2029]+")
_SCHEME = re.compile("^(?:" + "|".join(re.escape(s) for s in ALLOWED_SCHEMES) + ")", re.IGNORECASE)


def clean_text(text: str) -> str:
    """``text`` without characters no output format may hold; line breaks become "\\n"."""
    if text.isprintable():  # the common case: no control, separator or unassigned character at all
        return text
    return _BAD_CHARS.sub("", _NEWLINES.sub("\n", text))


def clean_texts(texts: Iterable[str]) -> tuple[str, ...]:
    """Every text cleaned, as a tuple: ``texts`` itself when it is a tuple that needs no
    cleaning (the common case, found without a Python call per text)."""
    if type(texts) is tuple and all(map(str.isprintable, texts)):
        return texts
    return tuple(map(clean_text, texts))


def clean_pairs(pairs: Iterable[tuple[str, str]], keys: bool = True) -> tuple[tuple[str, str], ...]:
    """(key, text) pairs as tuples with their texts (and, with ``keys``, their keys) cleaned;
    ``pairs`` itself when it is such a tuple already and needs no cleaning."""
    if (type(pairs) is tuple and all(type(pair) is tuple and len(pair) == 2 for pair in pairs)
            and all(map(str.isprintable, chain.from_iterable(pairs)))):
        return pairs
    return tuple((clean_text(k) if keys else k, clean_text(v)) for k, v in pairs)


def one_line(text: str) -> str:
    """``text`` cleaned and without any line break (removed, not replaced)."""
    return LINE_BREAKS.sub("", clean_text(text))


def has_allowed_scheme(url: str) -> bool:
    return bool(_SCHEME.match(url))


def without_scheme(url: str) -> str:
    """``url`` without its allowed scheme ("example.com/" for "https://example.com/")."""
    return _SCHEME.sub("", url, count=1)


def safe_link(url: str | None) -> str | None:
    """The link target, cleaned, when it is http(s)/mailto/tel; else None (text without link)."""
    if not url:
        return None
    target = one_line(url).strip()
    return target if target and has_allowed_scheme(target) else None
