"""The package every DOCX starts from, built once per process: our styles.xml and
numbering.xml (resources/docx) over python-docx's default package without the parts we do not
want, A4 pages, "update fields on open"; and the document language. Part of editor.export.docx."""
from __future__ import annotations

from functools import cache
from io import BytesIO

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Twips

from ..resources import resource
from .docx_xml import W_VAL, w_element


# A4 with 2.5 cm side margins: text width 9072 twips (the tab stops in styles.xml use it).
_PAGE = {"w": 11906, "h": 16838, "top": 1417, "bottom": 1134, "left": 1417, "right": 1417, "header": 709, "footer": 567}


# ---------------------------------------------------------------------------------------------
# the package every document starts from (built once per process)


@cache
def template_package() -> bytes:
    doc = docx.Document()
    part = doc.part
    part._styles_part._element = parse_xml(resource("docx", "styles.xml").read_bytes())
    part.numbering_part._element = parse_xml(resource("docx", "numbering.xml").read_bytes())
    for rels, unwanted in ((part.rels, (RT.CUSTOM_XML, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects")),
                           (part.package.rels, (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES))):
        for rId in [rId for rId, rel in rels.items() if rel.reltype in unwanted]:
            del rels[rId]

    section = doc.sections[0]
    section.page_width, section.page_height = Twips(_PAGE["w"]), Twips(_PAGE["h"])
    section.top_margin, section.bottom_margin = Twips(_PAGE["top"]), Twips(_PAGE["bottom"])
    section.left_margin, section.right_margin = Twips(_PAGE["left"]), Twips(_PAGE["right"])
    section.header_distance, section.footer_distance = Twips(_PAGE["header"]), Twips(_PAGE["footer"])

    # Word asks "update the fields?" on open, which fills the TOC and page counts.
    settings = doc.settings.element
    compat = settings.find(qn("w:compat"))
    update = w_element("w:updateFields", val="true")
    if compat is not None:
        compat.addprevious(update)
    else:
        settings.append(update)
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def set_language(doc, lang_tag: str) -> None:
    lang = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    lang.set(W_VAL, lang_tag)
    lang.set(qn("w:eastAsia"), lang_tag)
    theme = doc.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(W_VAL, lang_tag)
