"""The document model: a small, format-free tree that compose() builds and every writer reads.

Document ─ sections (numbered, with provenance) ─ blocks (Paragraph, BulletList, Table, Box)
Paragraphs hold inline Runs. No writer parses another writer's output; they all walk this tree.
All classes are frozen msgspec Structs, so a Document can be compared (the preview re-renders
only sections whose value changed), shared safely, and stored in the per-user cache and read
back straight into these classes (editor.core.document_cache). Blocks carry a one-letter tag
there so that the cache knows which kind of block it reads.

The model is clean by construction: every text is passed through editor.core.sanitize when a
Run, Section, Provenance or Document is built or decoded (``__post_init__``, which msgspec
calls for both; control characters removed, line breaks normalised, link targets kept to
http(s)/mailto/tel), so writers only escape for their format. msgspec.structs.replace() skips
``__post_init__``: change a field with ``replace`` below instead.
The Document also carries its own wording (``labels``: "Stand", "Seite {page} von {pages}",
the review comments …) from the clause pack's ``[document.<lang>]`` labels, and the "Stand" as
a date that ``format_date`` formats for the document language.
"""
from __future__ import annotations

import datetime as _dt
from types import MappingProxyType
from typing import Iterator, Mapping, TypeVar, Union

from msgspec import Struct
from msgspec.structs import force_setattr

from .sanitize import clean_pairs, clean_text, clean_texts, safe_link

# The document wording every writer needs; a pack's [document.de] and [document.en] labels must
# hold each key (the pack loader reports a missing one). "{…}" fields are filled by the writers.
DOCUMENT_LABEL_KEYS = (
    "title",            # the document title
    "section_failed",   # text of a section whose template failed
    "stand",            # "Stand" — followed by ": <date>"
    "date",             # date pattern: {day} {day2} {month} {month2} {month_name} {year}
    "months",           # the twelve month names, separated by spaces
    "contents",         # heading of the table of contents
    "page",             # "Seite {page} von {pages}"
    "language_tag",     # BCP 47 tag for DOCX/PDF metadata, e.g. de-DE
    "subject",          # DOCX document properties
    "keywords",
    "comments",
    "comments_review",
    "review_placeholder",  # DOCX review edition: comment texts
    "review_source",       # {pack} {version} {template}
    "review_no_source",
    "review_service",      # {service} {version}
    "review_options",      # {options}
    "review_no_options",
    "review_verified",     # {date}
    "review_sources",      # {sources}
    "review_uncertain",    # {item}
    "review_own_service",  # a service the user described in the project (pack "project")
    "review_core_changes",
    # the review edition's first page and section comments (core/review.py)
    "review_summary_title", "review_summary_intro", "review_open_points", "review_choices", "review_tasks",
    "review_none",
    "review_open_count",   # {count}
    "review_provider",     # {provider}
    "review_transfer",     # {transfer}
    "review_bases",        # {bases}
    "review_task",         # {task}
    "review_done", "review_yes", "review_no",
    "review_dpf_certified", "review_dpf_not_certified",  # {date}
    "review_dpf_unchecked",
    "review_override",
    "draft",               # the notice on a document exported with open errors: {count}
    "review_errors",       # the review edition's first page: the open errors
)


class Run(Struct, frozen=True, array_like=True, gc=False):
    """A piece of inline text with its formatting.

    ``placeholder`` marks text the user still has to fill in (e.g. "Telefonnummer"): writers
    highlight it and checks() reports it. ``link`` is an https/mailto/tel target.
    """

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None
    placeholder: bool = False

    def __post_init__(self) -> None:
        if not self.text.isprintable():  # (clean_text's own test, without its call for every run)
            force_setattr(self, "text", clean_text(self.text))
        if self.link is not None:
            force_setattr(self, "link", safe_link(self.link))


class Paragraph(Struct, frozen=True, array_like=True, gc=False, tag="p"):
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


class BulletList(Struct, frozen=True, array_like=True, gc=False, tag="l"):
    items: tuple[tuple[Run, ...], ...]
    ordered: bool = False


class Table(Struct, frozen=True, array_like=True, gc=False, tag="t"):
    header: tuple[tuple[Run, ...], ...]
    rows: tuple[tuple[tuple[Run, ...], ...], ...]


class Box(Struct, frozen=True, array_like=True, gc=False, tag="b"):
    """A highlighted box, e.g. the right-to-object notice that Art. 21(4) GDPR wants set apart."""

    blocks: tuple["Block", ...]
    kind: str = "notice"


class Heading(Struct, frozen=True, array_like=True, gc=False, tag="h"):
    """A sub-heading inside a section's text (below the section's own level)."""

    runs: tuple[Run, ...]


Block = Union[Paragraph, BulletList, Table, Box, Heading]


class Provenance(Struct, frozen=True, array_like=True, gc=False):
    """Where a section's text came from — shown in the DOCX review edition."""

    pack: str
    pack_version: str
    template: str
    service: str | None = None
    service_version: str | None = None
    options: tuple[tuple[str, str], ...] = ()
    verified: str | None = None
    sources: tuple[str, ...] = ()
    uncertain: tuple[str, ...] = ()  # facts the pack could not confirm — for the reviewing lawyer

    def __post_init__(self) -> None:
        for name in ("pack", "pack_version", "template", "service", "service_version", "verified"):
            value = getattr(self, name)
            if value is not None and not value.isprintable():
                force_setattr(self, name, clean_text(value))
        force_setattr(self, "options", clean_pairs(self.options))
        force_setattr(self, "sources", clean_texts(self.sources))
        force_setattr(self, "uncertain", clean_texts(self.uncertain))


class Section(Struct, frozen=True, array_like=True, gc=False):
    id: str
    number: str
    title: str
    blocks: tuple[Block, ...]
    subsections: tuple["Section", ...] = ()
    provenance: Provenance | None = None

    def __post_init__(self) -> None:
        for name in ("id", "number", "title"):
            value = getattr(self, name)
            if not value.isprintable():
                force_setattr(self, name, clean_text(value))

    @property
    def level(self) -> int:
        return self.number.count(".") + 1

    def walk(self) -> Iterator["Section"]:
        yield self
        for sub in self.subsections:
            yield from sub.walk()


class Document(Struct, frozen=True, array_like=True, gc=False):
    language: str
    title: str
    company: str
    stand: _dt.date | None  # the "Stand" date; writers show it through format_date(). None: no date
    sections: tuple[Section, ...]
    meta: tuple[tuple[str, str], ...] = ()  # app version, generator, project name, …
    errors: tuple[str, ...] = ()  # templates that failed; their sections say so, checks() reports them
    core_changes: tuple[str, ...] = ()  # core legal text a third-party pack replaced, e.g. "demo: label:basis.consent"
    # the document wording (key → text, see DOCUMENT_LABEL_KEYS) in the document language, as
    # compose() took it from the catalog; keys missing here come from the bundled core pack
    labels: tuple[tuple[str, str], ...] = ()
    # the open errors (checks, in the document language) of a document exported anyway: every
    # writer shows them at the top (draft_notice), so a draft never looks final
    draft: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("language", "title", "company"):
            force_setattr(self, name, clean_text(getattr(self, name)))
        if self.stand is not None and not isinstance(self.stand, _dt.date):
            raise TypeError(f"Document.stand must be a datetime.date or None, not {type(self.stand).__name__}")
        force_setattr(self, "meta", clean_pairs(self.meta))
        force_setattr(self, "core_changes", clean_texts(self.core_changes))
        force_setattr(self, "labels", clean_pairs(self.labels, keys=False))
        force_setattr(self, "draft", clean_texts(self.draft))

    def walk(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    def meta_dict(self) -> dict[str, str]:
        return dict(self.meta)

    def label(self, key: str) -> str:
        """The document's wording for ``key`` (one of DOCUMENT_LABEL_KEYS) in its language."""
        for name, text in self.labels:
            if name == key:
                return text
        return default_labels(self.language)[key]

    def stand_text(self) -> str:
        """The "Stand" date as the document language writes it ("" without a date)."""
        return format_date(self.stand, self.label("date"), self.label("months"))


_Model = TypeVar("_Model", bound=Struct)


def replace(item: _Model, **changes) -> _Model:
    """``item`` with some fields changed, built through its constructor so that the new values
    are cleaned too (msgspec.structs.replace does not call ``__post_init__``)."""
    values = {name: getattr(item, name) for name in item.__struct_fields__}
    values.update(changes)
    return type(item)(**values)


def draft_notice(document: Document) -> Box | None:
    """The notice every writer puts under the title of a draft: "Draft – do not publish", the
    number of open errors and each of them; None for a document without open errors."""
    if not document.draft:
        return None
    head = Paragraph((Run(document.label("draft").replace("{count}", str(len(document.draft))), bold=True),))
    return Box((head, BulletList(tuple((Run(error),) for error in document.draft))), kind="draft")


def missing_document_labels(labels: Mapping[str, Mapping[str, Mapping[str, str]]]) -> list[tuple[str, str]]:
    """(language, key) of every document label a catalog's labels (kind → lang → code → text)
    lack; the pack loader reports each as an error of the core pack."""
    document = labels.get("document", {})
    return [(lang, key) for lang in ("de", "en") for key in DOCUMENT_LABEL_KEYS if not document.get(lang, {}).get(key)]


def _bundled_labels() -> Mapping[str, Mapping[str, str]]:
    """The bundled core pack's document wording per language, read once at import and kept
    read-only (a constant of this module, not a cache: nothing changes it)."""
    from ..resources import clause_packs_dir
    from .tomldata import parse

    document = parse((clause_packs_dir() / "core" / "labels.toml").read_bytes()).get("document", {})
    return MappingProxyType({lang: MappingProxyType(dict(texts)) for lang, texts in document.items()})


_BUNDLED_LABELS = _bundled_labels()


def default_labels(language: str) -> Mapping[str, str]:
    """The bundled core pack's document wording: what a Document built by hand (tests, tools)
    shows. compose() copies the catalog's wording, which a third-party pack may have changed."""
    return _BUNDLED_LABELS.get(language) or _BUNDLED_LABELS["en"]


def format_date(day: _dt.date | None, pattern: str, months: str) -> str:
    """``day`` written with a label pattern: {day} {day2} {month} {month2} {month_name} {year}.

    The one date formatter of the document ("21.11.2026", "21 November 2026"). Plain
    replacement, not str.format: patterns come from (possibly third-party) packs."""
    if day is None:
        return ""
    names = months.split()
    name = names[day.month - 1] if len(names) == 12 else str(day.month)
    out = pattern
    for field_, value in (("{day2}", f"{day.day:02d}"), ("{day}", str(day.day)), ("{month2}", f"{day.month:02d}"),
                          ("{month_name}", name), ("{month}", str(day.month)), ("{year}", str(day.year))):
        out = out.replace(field_, value)
    return out


def iter_runs(block: Block) -> Iterator[Run]:
    """Every run in a block, in reading order (used by checks and plain-text output)."""
    if isinstance(block, (Paragraph, Heading)):
        yield from block.runs
    elif isinstance(block, BulletList):
        for item in block.items:
            yield from item
    elif isinstance(block, Table):
        for cell in block.header:
            yield from cell
        for row in block.rows:
            for cell in row:
                yield from cell
    elif isinstance(block, Box):
        for inner in block.blocks:
            yield from iter_runs(inner)


def placeholders(document: Document) -> list[tuple[Section, str]]:
    """(section, placeholder text) for every unfilled placeholder in the document."""
    found = []
    for section in document.walk():
        for block in section.blocks:
            for run in iter_runs(block):
                if run.placeholder:
                    found.append((section, run.text))
    return found
