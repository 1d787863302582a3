"""WordprocessingML as lxml elements, for the DOCX writer: text runs (tabs and line breaks
as w:tab / w:br), complex fields (PAGE, NUMPAGES, TOC) and plain w: elements. Part of
editor.export.docx."""
from __future__ import annotations

import re
from urllib.parse import quote

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from ..core.sanitize import clean_text


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_VAL = W + "val"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_BREAKS = re.compile("([\t\n])")


def clean(text: str) -> str:
    """Text for a w:t element. The Document is clean already (editor.core.sanitize removes
    every character XML 1.0 cannot hold), so this only guards strings from elsewhere."""
    return clean_text(text)


def w_element(tag: str, **attrs: str):
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


def w_sub(parent, tag: str, **attrs: str):
    element = etree.SubElement(parent, W + tag)
    for key, value in attrs.items():
        element.set(W + key, value)
    return element


def fill_text(r, text: str) -> None:
    """Text into a w:r: tabs and line breaks become w:tab / w:br."""
    for piece in _BREAKS.split(text):
        if piece == "\t":
            etree.SubElement(r, W + "tab")
        elif piece == "\n":
            etree.SubElement(r, W + "br")
        elif piece:
            t = etree.SubElement(r, W + "t")
            t.text = piece
            if piece[0].isspace() or piece[-1].isspace():
                t.set(XML_SPACE, "preserve")


def text_run(parent, text: str, style: str | None = None, bold: bool = False, italic: bool = False,
         color: str | None = None, highlight: bool = False):
    r = etree.SubElement(parent, W + "r")
    if style or bold or italic or color or highlight:
        rPr = etree.SubElement(r, W + "rPr")  # children in schema order
        if style:
            w_sub(rPr, "rStyle", val=style)
        if bold:
            etree.SubElement(rPr, W + "b")
        if italic:
            etree.SubElement(rPr, W + "i")
        if color:
            w_sub(rPr, "color", val=color)
        if highlight:
            w_sub(rPr, "highlight", val="yellow")
    fill_text(r, text)
    return r


def field_char(p, kind: str) -> None:
    w_sub(etree.SubElement(p, W + "r"), "fldChar", fldCharType=kind)


def field_start(p, instruction: str) -> None:
    field_char(p, "begin")
    instr = etree.SubElement(etree.SubElement(p, W + "r"), W + "instrText")
    instr.set(XML_SPACE, "preserve")
    instr.text = f" {instruction} "
    field_char(p, "separate")


def field(p, instruction: str, shown: str) -> None:
    """A complex field (PAGE, NUMPAGES) showing ``shown`` until it is updated."""
    field_start(p, instruction)
    text_run(p, shown)
    field_char(p, "end")


def uri(url: str) -> str:
    """A link target Word accepts: spaces, non-ASCII and <>"{}|\\^` percent-encoded, existing
    escapes and URI delimiters kept (Word reports a damaged file for some raw targets)."""
    return quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~-._")
