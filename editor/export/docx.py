"""DOCX writer: Document → a Word file a lawyer can review and edit.

Styles and numbering come from ``resources/docx/styles.xml`` and ``numbering.xml`` (plain XML,
reviewable in diffs) laid over python-docx's default package once per process; the parts of
that package we do not want (its 440 KB style set, thumbnail, customXml, app.xml of
"Microsoft Macintosh Word") are dropped. Style ids are fixed by our own styles.xml, so the
writer sets ids directly and never looks a style up by name (a lookup costs ~1 ms).

Heading numbers: Word's own multi-level numbering (numId 1 in numbering.xml, tied to Heading
1–3 in both directions), not number text typed into the heading. Word and LibreOffice then
both show 1 / 1.1 / 1.1.1, the TOC field picks the numbers up, and when the lawyer inserts or
deletes a section the numbers follow. This is correct only if the model's numbers are the
plain sequence Word counts, so ``build`` checks that; a document numbered any other way gets
its numbers typed into the headings with the automatic numbering switched off (never both).
Heading blocks inside a section use the next heading style down with numbering switched off
(numId 0), so they do not shift the section numbers; below level 3 they become bold paragraphs.

Table of contents: a TOC field whose result is already written — every Heading 1 and 2
paragraph as Word's own update lists it, each a link to a bookmark on its heading —, so
LibreOffice, print previews and Word before any update show the contents. Only the page numbers
are missing (we cannot know them); Word adds them when it updates the field by its instruction
(it offers that on open, and on F9).

The Document arrives clean (editor.core.sanitize): no character XML 1.0 cannot hold reaches lxml.
All wording of the file's own ("Stand", page numbers, properties, review comments) comes from
the Document's labels.

The parts: docx_package (the package every document starts from), docx_xml (runs, fields and
elements as lxml), docx_review (the review edition's first page and comments)."""
from __future__ import annotations

import datetime as _dt
import re
from io import BytesIO
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from ..core.document import Box, BulletList, Document, Heading, Paragraph, Run, Section, Table, draft_notice
from ..core.review import ReviewNotes
from .docx_package import set_language, template_package
from .docx_review import AUTHOR, ReviewEdition
from .docx_xml import W, clean, field, field_char, field_start, text_run, uri, w_sub
from .text import stand_line

__all__ = ["AUTHOR", "build", "clean", "document_date", "to_bytes", "write"]

_HEADING_STYLES = ("Heading1", "Heading2", "Heading3")
_TOC_LEVELS = 2  # the heading levels the TOC lists: the instruction below says the same
_TOC = f'TOC \\o "1-{_TOC_LEVELS}" \\h \\z \\u'


# ---------------------------------------------------------------------------------------------


def document_date(document: Document) -> _dt.datetime | None:
    """The date behind the document: meta "date" (ISO) or the "Stand" date. Never now(), so the
    same Document always gives the same file."""
    try:
        day = _dt.date.fromisoformat(document.meta_dict().get("date", "").strip())
    except ValueError:
        day = document.stand
    if day is None:
        return None
    return _dt.datetime(day.year, day.month, day.day, tzinfo=_dt.timezone.utc)


def _canonical(sections: tuple[Section, ...], prefix: str = "") -> bool:
    """True when the numbers are the plain sequence Word's list numbering counts (1, 1.1, …)."""
    for n, section in enumerate(sections, start=1):
        expected = f"{prefix}{n}"
        if section.number != expected or not _canonical(section.subsections, expected + "."):
            return False
    return True


class _Writer(ReviewEdition):
    """Writes one Document. Paragraphs and runs are built as lxml elements directly: going
    through python-docx's proxies costs 4–5x as much on a full-catalog policy."""

    def __init__(self, document: Document, review: bool | ReviewNotes) -> None:
        self.model = document
        self.review = bool(review)
        self.notes = review if isinstance(review, ReviewNotes) else None
        self.doc = docx.Document(BytesIO(template_package()))
        self.part = self.doc.part
        self.body = self.doc.element.body
        self.end = self.body.find(W + "sectPr")
        self.numbering = self.part.numbering_part.element
        self.auto_numbers = _canonical(document.sections)
        self.date = document_date(document)
        self.links: dict[str, str] = {}
        self.next_rid: int | None = None
        self.toc_at = None  # the paragraph the table of contents replaces once the headings are known
        self.toc_entries: list[tuple[int, str, str]] = []  # (level, text as Word lists it, bookmark)
        # (first run, last run, lines); a line is text, or (text, link or None) pieces
        self.comments: list[tuple[object, object, list]] = []

    # --- paragraphs and runs --------------------------------------------------------------
    def paragraph(self, style: str | None = None, *, keep_next: bool = False, num: int | None = None,
                  after: int | None = None, hanging: int | None = None):
        p = self.body.makeelement(W + "p", {})
        self.end.addprevious(p)
        if style or keep_next or num is not None or after is not None or hanging:
            pPr = etree.SubElement(p, W + "pPr")  # children in schema order
            if style:
                w_sub(pPr, "pStyle", val=style)
            if keep_next:
                etree.SubElement(pPr, W + "keepNext")
            if num is not None:  # 0 switches a style's numbering off
                numPr = etree.SubElement(pPr, W + "numPr")
                if num:
                    w_sub(numPr, "ilvl", val="0")
                w_sub(numPr, "numId", val=str(num))
            if after is not None:
                w_sub(pPr, "spacing", after=str(after))
            if hanging:
                w_sub(pPr, "ind", left=str(hanging), hanging=str(hanging))
        return p

    def runs(self, p, runs: tuple[Run, ...], bold: bool = False) -> None:
        parent, current_link = p, None
        for run in runs:
            text = run.text
            if not text:
                continue
            if run.link != current_link:
                parent = self.hyperlink(p, run.link) if run.link else p
                current_link = run.link
            style = "Hyperlink" if current_link else None
            if run.placeholder:
                text = f"[{text}]"
                style = style or "Placeholder"
            text_run(parent, text, style, run.bold or bold, run.italic, highlight=run.placeholder)

    def hyperlink(self, p, url: str):
        rId = self.links.get(url)
        if rId is None:  # python-docx's relate_to compares with every earlier relationship
            rels = self.part.rels
            if self.next_rid is None:
                self.next_rid = 1 + max((int(k[3:]) for k in rels if k[3:].isdigit()), default=0)
            rId = self.links[url] = f"rId{self.next_rid}"
            self.next_rid += 1
            rels.add_relationship(RT.HYPERLINK, uri(url), rId, is_external=True)
        element = etree.SubElement(p, W + "hyperlink")
        element.set(qn("r:id"), rId)
        element.set(W + "history", "1")
        return element

    # --- document parts -------------------------------------------------------------------
    def front_matter(self) -> None:
        model = self.model
        if self.review:
            self.summary_page()
        title = text_run(self.paragraph("Title"), model.title)
        if self.review and model.core_changes:
            self.comments.append((title, title, [model.label("review_core_changes"), *model.core_changes]))
        line = " · ".join(x for x in (model.company.strip(), stand_line(model)) if x)
        text_run(self.paragraph("Subtitle"), line)
        if notice := draft_notice(model):
            self.box(notice)
        text_run(self.paragraph("TOCHeading"), model.label("contents"))
        self.toc_at = self.paragraph()

    def listed(self, p, level: int, text: str) -> None:
        """A heading the TOC lists (as Word's update would: Heading 1 and 2, numbered or not):
        a bookmark round it for the entry's link. ``text`` as the entry shows it: number, tab, title."""
        if level > _TOC_LEVELS:
            return
        ident = len(self.toc_entries)
        name = f"_Toc{ident + 1:09d}"  # "_Toc": a hidden bookmark, as Word names its own TOC marks
        pPr = p.find(W + "pPr")
        p.insert(0 if pPr is None else 1, p.makeelement(W + "bookmarkStart", {W + "id": str(ident), W + "name": name}))
        w_sub(p, "bookmarkEnd", id=str(ident))
        self.toc_entries.append((level, text, name))

    def toc(self) -> None:
        """The TOC field in place of ``toc_at``, its result the entries of ``listed``. No page
        holds a contents line alone: a chapter's entry keeps with its first sub-entry, the last
        two entries keep together (Word's update writes its own entries, with page numbers)."""
        entries = []
        listed = self.toc_entries
        for n, (level, text, name) in enumerate(listed):
            following = listed[n + 1][0] if n + 1 < len(listed) else 0
            p = self.paragraph(f"TOC{level}", keep_next=following > level or n == len(listed) - 2)
            if not entries:
                field_start(p, _TOC)
            link = w_sub(p, "hyperlink", anchor=name, history="1")
            text_run(link, text)
            entries.append(p)
        if not entries:  # no headings: an empty result, which Word's update fills when there are some
            field_start(self.toc_at, _TOC)
            field_char(self.toc_at, "end")
            return
        field_char(entries[-1], "end")
        # the text starts on a page of its own: a long contents ends where it ends, never with
        # the first section right under its last lines
        self.toc_at.getnext().get_or_add_pPr().pageBreakBefore_val = True
        for p in entries:
            self.toc_at.addprevious(p)  # moves it up from the end of the body
        self.body.remove(self.toc_at)

    def header_footer(self) -> None:
        section = self.doc.sections[0]
        header = section.header.paragraphs[0]._p
        company = self.model.company.strip()
        text_run(header, f"{company}\t" if company else "\t")
        text_run(header, stand_line(self.model))
        footer = section.footer.paragraphs[0]._p
        # "Seite {page} von {pages}": the text around the fields comes from the label
        for piece in re.split(r"(\{page\}|\{pages\})", self.model.label("page")):
            if piece == "{page}":
                field(footer, "PAGE", "1")
            elif piece == "{pages}":
                field(footer, "NUMPAGES", "1")
            elif piece:
                text_run(footer, piece)

    def section(self, section: Section, depth: int) -> None:
        title = section.title
        if depth > 3:  # Word numbers three levels; deeper sections carry their number as text
            heading = self.paragraph(keep_next=True)
            title = f"{section.number} {title}"
        elif self.auto_numbers:
            heading = self.paragraph(_HEADING_STYLES[depth - 1])
        else:
            heading = self.paragraph(_HEADING_STYLES[depth - 1], num=0, hanging=851)
            title = f"{section.number}\t{title}"
        r = text_run(heading, title, bold=depth > 3)
        if depth <= 3:
            self.listed(heading, depth, f"{section.number}\t{title}" if self.auto_numbers else title)
        if self.review and (note := self.provenance(section)):
            self.comments.append((r, r, note))
        for block in section.blocks:
            self.block(block, depth)
        for sub in section.subsections:
            self.section(sub, depth + 1)

    def block(self, block, depth: int) -> None:
        if isinstance(block, Paragraph):
            self.runs(self.paragraph(), block.runs)
        elif isinstance(block, Heading):
            if depth + 1 <= 3:  # numbering off: it must not shift the section numbers
                self.runs(p := self.paragraph(_HEADING_STYLES[depth], num=0), block.runs)
                self.listed(p, depth + 1, "".join(run.text for run in block.runs))
            else:
                self.runs(self.paragraph(keep_next=True), block.runs, bold=True)
        elif isinstance(block, BulletList):
            style, num = "ListBullet", None
            if block.ordered:
                style, element = "ListNumber", self.numbering.add_num(2)  # abstractNum 2: List Number
                element.add_lvlOverride(ilvl=0).add_startOverride(1)  # each list counts from 1
                num = element.numId
            last = len(block.items) - 1
            for n, item in enumerate(block.items):
                # the text after a list needs the normal gap, not the item gap
                self.runs(self.paragraph(style, num=num, after=120 if n == last else None), item)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Box):
            self.box(block)

    def box(self, box: Box) -> None:
        """A Notice Box paragraph per inner block: consecutive paragraphs with the same border
        merge into one framed box in Word and LibreOffice. Lists are written as text bullets
        because list indents would break the frame."""
        for inner in _flatten(box.blocks):
            if isinstance(inner, Paragraph):
                self.runs(self.paragraph("NoticeBox"), inner.runs)
            elif isinstance(inner, Heading):
                self.runs(self.paragraph("NoticeBox", keep_next=True), inner.runs, bold=True)
            elif isinstance(inner, BulletList):
                for n, item in enumerate(inner.items, start=1):
                    p = self.paragraph("NoticeBox")
                    text_run(p, f"{n}. " if inner.ordered else "• ")
                    self.runs(p, item)
            elif isinstance(inner, Table):
                self.table(inner)

    def table(self, table: Table) -> None:
        content = ([table.header] if table.header else []) + list(table.rows)
        if not content:
            return
        columns = max(max(len(row) for row in content), 1)
        out = self.doc.add_table(rows=len(content), cols=columns)._tbl
        tblPr = out.tblPr
        tblPr.style = "PolicyTable"
        look = tblPr.find(W + "tblLook")
        if look is not None and not table.header:  # no header row: do not style row 1 as one
            look.set(W + "firstRow", "0")
            look.set(W + "val", "0000")
        rows = out.findall(W + "tr")  # plain lxml: python-docx's child lists cost ~30 µs a call
        for tr, row in zip(rows, content):
            # rows stay whole on a page; without this LibreOffice may leave a page almost empty
            # after the first row of a table that repeats its header row
            w_sub(tr.get_or_add_trPr(), "cantSplit")
            for tc, runs in zip(tr.findall(W + "tc"), row):
                self.runs(tc.find(W + "p"), runs)
        if table.header:
            w_sub(rows[0].trPr, "tblHeader")  # repeated at the top of each page
        # Word glues two tables that touch into one, and text right under a table looks cramped
        self.paragraph(after=0)

    # --- whole document ---------------------------------------------------------------------
    def properties(self) -> None:
        model = self.model
        company = model.company.strip()
        props = self.doc.core_properties
        props.title = _limit(f"{model.title} – {company}" if company else model.title)
        props.author = props.last_modified_by = _limit(company or AUTHOR)
        props.subject = model.label("subject")
        props.keywords = model.label("keywords")
        comments = model.label("comments_review" if self.review else "comments")
        generator = model.meta_dict().get("generator", "")
        if generator.startswith("Policy Editor "):  # name the version that wrote the file
            comments = comments.replace("Policy Editor", generator, 1)
        props.comments = comments
        props.language = model.label("language_tag")
        props.category = ""
        props.revision = 1
        element = props._element
        if self.date is not None:
            props.created = props.modified = self.date.replace(tzinfo=None)
        else:  # no usable date: leave the fields out rather than invent one
            for tag in ("dcterms:created", "dcterms:modified"):
                for old in element.findall(qn(tag)):
                    element.remove(old)

    def build(self):
        set_language(self.doc, self.model.label("language_tag"))
        self.header_footer()
        self.front_matter()
        for section in self.model.sections:
            self.section(section, 1)
        self.toc()
        if self.comments:
            self.add_comments()
        self.properties()
        return self.doc


def _flatten(blocks):
    for block in blocks:
        if isinstance(block, Box):
            yield from _flatten(block.blocks)
        else:
            yield block


def _limit(value: str) -> str:
    return value if len(value) <= 255 else value[:254] + "…"  # python-docx refuses > 255


def build(document: Document, review: bool | ReviewNotes = False):
    """The python-docx Document for ``document``. ``review`` makes the review edition: a first
    page of notes and a comment on each section that needs attention — from the ReviewNotes
    (core.review) when given, else from the sections' provenance alone."""
    return _Writer(document, review).build()


def to_bytes(document: Document, review: bool | ReviewNotes = False) -> bytes:
    buffer = BytesIO()
    build(document, review).save(buffer)
    return buffer.getvalue()


def write(document: Document, path: Path, review: bool | ReviewNotes = False) -> None:
    from . import write_file

    write_file(path, to_bytes(document, review))
