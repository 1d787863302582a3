"""Overrides of section texts and what they replaced.

An override replaces the text a pack gives a section. Two things can go wrong later, and both
become findings (core.checks): the section no longer exists (a pack update removed it, or the
service is gone), or the pack text under the override changed (a pack update the user's own
text does not follow). For the second, the project stores, per section and language, a
fingerprint of the pack text the override replaced (``Project.override_basis``):
``record_override`` sets both, ``section_basis`` computes the fingerprint now.
"""
from __future__ import annotations

import hashlib
from typing import Any

import msgspec

from .catalog import Catalog


def section_ids(catalog: Catalog) -> set[str]:
    """Every section id an override may name: the fixed sections and one per service."""
    return {section.id for _, section in catalog.sections} | {f"service-{sid}" for sid in catalog.services}


def section_basis(catalog: Catalog, section_id: str, lang: str) -> str | None:
    """A fingerprint of what the packs give section ``section_id`` in ``lang`` (its template
    source, and for a service section the service record too); None when there is no such
    section."""
    parts: list[bytes] = []
    for pack_id, section in catalog.sections:
        if section.id == section_id:
            parts.append(_source(catalog, pack_id, lang, section.template))
            break
    else:
        if not section_id.startswith("service-") or section_id[8:] not in catalog.services:
            return None
        service = catalog.services[section_id[8:]]
        from .composer import composer_for

        pack, stem = composer_for(catalog).service_template(service, lang)
        parts += [msgspec.json.encode(service), _source(catalog, pack, lang, stem)]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()[:16]


def _source(catalog: Catalog, pack: str, lang: str, stem: str) -> bytes:
    found = catalog.templates.sources.get(f"{pack}/{lang}/{stem}")
    return (found[0] if found else "").encode("utf-8")


def record_override(catalog: Catalog, project: Any, section_id: str, lang: str, text: str) -> None:
    """Set the override of ``section_id`` in ``lang`` and remember what it replaced."""
    from .project import LocalText

    override = project.overrides.setdefault(section_id, LocalText())
    setattr(override, lang, text)
    basis = section_basis(catalog, section_id, lang)
    if basis is not None and text.strip():
        project.override_basis.setdefault(section_id, {})[lang] = basis
    else:
        project.override_basis.get(section_id, {}).pop(lang, None)
