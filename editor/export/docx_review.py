"""The review edition of the DOCX: its first page (open points, decisions taken for the
business, its tasks) and a Word comment on each section that needs attention, naming the pack,
service, version and options behind it. Part of editor.export.docx: a mixin of its writer, which
provides ``model``, ``notes``, ``comments``, ``paragraph()``, ``hyperlink()``, ``part``, ``body`` and ``date``."""
from __future__ import annotations

import datetime as _dt

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from ..core.document import Section, iter_runs
from ..core.review import for_lawyer, is_link
from .docx_xml import W, text_run, uri, w_sub

AUTHOR = "Policy Editor"


class ReviewEdition:
    """The review edition's parts of the DOCX writer."""

    def provenance(self, section: Section) -> list:
        """The comment on a section that needs attention — an open point, a placeholder, a
        decision taken for the business, own text or a task —, else [] (no comment): the
        provider facts behind the text, the settings and legal bases, and sources a lawyer can
        open (https addresses only)."""
        label, source = self.model.label, section.provenance
        gaps = [run.text for block in section.blocks for run in iter_runs(block) if run.placeholder]
        note = self.notes.service(source.service) if self.notes and source else None
        own_text = source is not None and source.template == "override"
        own_service = source is not None and source.pack == "project" and bool(source.service)  # own_services.PACK_ID
        attention = (note.needs_attention if note else bool(source and source.uncertain)) or gaps or own_text or own_service
        if not attention:
            return []
        if source is None:
            return [label("review_no_source"), *(f"{label('review_placeholder')}: {gap}" for gap in gaps)]
        lines: list = []
        if own_service:
            lines.append(label("review_own_service"))
        if source.service:
            lines.append(_fill_in(label("review_service"), service=note.name if note else source.service,
                                  version=source.service_version or "–"))
        lines.append(_fill_in(label("review_source"), pack=source.pack, version=source.pack_version,
                              template=source.template).replace("  ", " "))
        if own_text:
            lines.append(label("review_override"))
        if note is not None:
            if note.provider:
                lines.append(_fill_in(label("review_provider"), provider=note.provider))
            lines += [_fill_in(label("review_transfer"), transfer=t) for t in note.transfers]
            if note.bases:
                lines.append(_fill_in(label("review_bases"), bases="; ".join(note.bases)))
            lines.append(_fill_in(label("review_options"), options="; ".join(note.options)) if note.options
                         else label("review_no_options"))
        elif source.service:
            options = ", ".join(f"{k}={v}" for k, v in source.options)
            lines.append(_fill_in(label("review_options"), options=options) if options else label("review_no_options"))
        open_points = note.open_points if note else [for_lawyer(item) for item in source.uncertain]
        lines += [_fill_in(label("review_uncertain"), item=item) for item in open_points]
        lines += [f"{label('review_placeholder')}: {gap}" for gap in gaps]
        if note is not None:
            lines += [_fill_in(label("review_task"), task=self.task_text(t)) for t in note.tasks]
        if source.verified:
            lines.append(_fill_in(label("review_verified"), date=source.verified))
        links = list(note.sources) if note else [s for s in source.sources if is_link(s)]
        if links:
            lines.append(_linked(label("review_sources"), "{sources}", links))
        return lines

    def task_text(self, task) -> str:
        return f"{task.text} ({self.model.label('review_done')})" if task.done else task.text

    def summary_page(self) -> None:
        """The review edition's first page: open points, decisions taken for the business and
        its tasks, before the policy itself (not a numbered heading: the policy's numbers and
        table of contents stay as they are)."""
        label, notes = self.model.label, self.notes
        text_run(self.paragraph("TOCHeading"), label("review_summary_title"))
        text_run(self.paragraph(), label("review_summary_intro"), italic=True)
        where = {s.id: f"{s.number} {s.title}" for s in self.model.walk()}
        by_service = {s.provenance.service: s for s in self.model.walk() if s.provenance and s.provenance.service}
        errors = notes.errors if notes else self.model.draft
        if errors:  # a draft: what must be fixed before it is published comes first
            self.summary_list(label("review_errors"), list(errors))

        points = []  # per section: how many facts are open (the comment has them), and each gap
        for section in self.model.walk():
            note = notes.service(section.provenance.service) if notes and section.provenance else None
            count = len(note.open_points) if note else len(section.provenance.uncertain) if section.provenance else 0
            if count:
                points.append(f"{where[section.id]}: " + _fill_in(label("review_open_count"), count=str(count)))
            points += [f"{where[section.id]}: {label('review_placeholder')} – {run.text}"
                       for block in section.blocks for run in iter_runs(block) if run.placeholder]
        self.summary_list(label("review_open_points"), points)
        if notes is None:
            self.paragraph().append(_page_break())
            return

        services_on: dict[str, list[str]] = {}  # legal basis → the services relying on it
        for note in notes.services:
            for basis in note.bases:
                services_on.setdefault(basis, []).append(note.name)
        choices = [f"{basis}: {', '.join(names)}" for basis, names in sorted(services_on.items())]
        for note in notes.services:
            if note.changed:
                section = by_service.get(note.id)
                choices.append(f"{where[section.id] if section is not None else note.name} – {'; '.join(note.changed)}")
        choices += [f"{where.get(sid, sid)} – {label('review_override')}" for sid in notes.overrides]
        self.summary_list(label("review_choices"), choices)
        self.summary_list(label("review_tasks"), [
            [("☒ " if t.done else "☐ ") + self.task_text(t), *([(" ", None), (t.link, t.link)] if t.link else [])]
            for t in notes.tasks])
        self.paragraph().append(_page_break())

    def summary_list(self, title: str, items: list) -> None:
        text_run(self.paragraph(keep_next=True), title, bold=True)
        if not items:
            text_run(self.paragraph(), self.model.label("review_none"))
        last = len(items) - 1
        for n, item in enumerate(items):
            p = self.paragraph("ListBullet", after=120 if n == last else None)
            for piece in ([(item, None)] if isinstance(item, str) else item):
                text, link = piece if isinstance(piece, tuple) else (piece, None)
                text_run(self.hyperlink(p, link) if link else p, text, "Hyperlink" if link else None)

    def add_comments(self) -> None:
        """Word comments, built directly (python-docx's add_comment searches all earlier
        comments for a free id each time)."""
        part = self.part._comments_part
        root, rels, links = part.element, part.rels, {}  # a new part: its relationships start at rId1
        stamp = (self.date or _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
        for cid, (first, last, note) in enumerate(self.comments):
            ident = str(cid)
            comment = w_sub(root, "comment", id=ident, author=AUTHOR, date=stamp, initials="PE")
            for n, line in enumerate(note):
                p = w_sub(comment, "p")
                w_sub(w_sub(p, "pPr"), "pStyle", val="CommentText")
                if n == 0:
                    etree.SubElement(text_run(p, "", "CommentReference"), W + "annotationRef")
                for text, link in ([(line, None)] if isinstance(line, str) else line):
                    if not text:
                        continue
                    if link:  # a link in a comment is a relationship of the comments part
                        if link not in links:  # (relate_to compares with every earlier relationship)
                            links[link] = f"rId{len(links) + 1}"
                            rels.add_relationship(RT.HYPERLINK, uri(link), links[link], is_external=True)
                        element = etree.SubElement(p, W + "hyperlink")
                        element.set(qn("r:id"), links[link])
                        text_run(element, text, "Hyperlink")
                    else:
                        text_run(p, text)
            first.addprevious(self.body.makeelement(W + "commentRangeStart", {W + "id": ident}))
            end = self.body.makeelement(W + "commentRangeEnd", {W + "id": ident})
            last.addnext(end)
            reference = self.body.makeelement(W + "r", {})
            w_sub(w_sub(reference, "rPr"), "rStyle", val="CommentReference")
            w_sub(reference, "commentReference", id=ident)
            end.addnext(reference)


def _page_break():
    r = etree.Element(W + "r")
    w_sub(r, "br", type="page")
    return r


def _linked(pattern: str, field_name: str, links: list[str]) -> list[tuple[str, str | None]]:
    """A label with ``field_name`` replaced by the links, as (text, link) pieces."""
    before, _, after = pattern.partition(field_name)
    pieces: list[tuple[str, str | None]] = [(before, None)]
    for n, link in enumerate(links):
        pieces += ([("; ", None)] if n else []) + [(link, link)]
    return pieces + [(after, None)]


def _fill_in(pattern: str, **values: str) -> str:
    """A label's "{name}" fields replaced (plain replacement: labels may come from third-party packs)."""
    for name, value in values.items():
        pattern = pattern.replace("{" + name + "}", value)
    return pattern

