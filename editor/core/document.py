"""The document model: a small, format-free tree that compose() builds and every writer reads.

Document ─ sections (numbered, with provenance) ─ blocks (Paragraph, BulletList, Table, Box)
Paragraphs hold inline Runs. No writer parses another writer's output; they all walk this tree.
All classes are frozen so a Document can be compared (the preview re-renders only sections
whose value changed) and shared safely.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Union


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of inline text with its formatting.

    ``placeholder`` marks text the user still has to fill in (e.g. "Telefonnummer"): writers
    highlight it and checks() reports it. ``link`` is an https/mailto/tel target.
    """

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None
    placeholder: bool = False


@dataclass(frozen=True, slots=True)
class Paragraph:
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[tuple[Run, ...], ...]
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[tuple[Run, ...], ...]
    rows: tuple[tuple[tuple[Run, ...], ...], ...]


@dataclass(frozen=True, slots=True)
class Box:
    """A highlighted box, e.g. the right-to-object notice that Art. 21(4) GDPR wants set apart."""

    blocks: tuple["Block", ...]
    kind: str = "notice"


@dataclass(frozen=True, slots=True)
class Heading:
    """A sub-heading inside a section's text (below the section's own level)."""

    runs: tuple[Run, ...]


Block = Union[Paragraph, BulletList, Table, Box, Heading]


@dataclass(frozen=True, slots=True)
class Provenance:
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


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    number: str
    title: str
    blocks: tuple[Block, ...]
    subsections: tuple["Section", ...] = ()
    provenance: Provenance | None = None

    @property
    def level(self) -> int:
        return self.number.count(".") + 1

    def walk(self) -> Iterator["Section"]:
        yield self
        for sub in self.subsections:
            yield from sub.walk()


@dataclass(frozen=True, slots=True)
class Document:
    language: str
    title: str
    company: str
    stand: str  # the "Stand" date, already formatted for the language (e.g. "21.11.2026")
    sections: tuple[Section, ...]
    meta: tuple[tuple[str, str], ...] = field(default=())  # app version, generator, project name, …
    errors: tuple[str, ...] = ()  # templates that failed; their sections say so, checks() reports them
    core_changes: tuple[str, ...] = ()  # core legal text a third-party pack replaced, e.g. "demo: label:basis.consent"

    def walk(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    def meta_dict(self) -> dict[str, str]:
        return dict(self.meta)


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
