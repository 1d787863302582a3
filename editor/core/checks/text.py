"""Checks of the composed text: template errors and placeholders, the highlighted notice of
the right to object where advertising needs it, and own texts whose clause has gone or changed."""
from __future__ import annotations

from typing import Iterable

from ..document import Box, placeholders
from ..options import selected_values
from ..overrides import section_basis, section_ids
from .finding import LANGUAGE_NAMES, Finding, Inputs, finding, titles

# The placeholders of the core templates that stand for a project field, in both document
# languages: a finding about the field itself says it once, for every section that shows it.
PLACEHOLDER_FIELDS = {
    "controller.name": ("Name des Unternehmens", "company name"),
    "controller.street": ("Straße und Hausnummer", "street and number"),
    "controller.postcode": ("PLZ", "postcode"),
    "controller.city": ("Ort", "town"),
    "controller.email": ("E-Mail-Adresse", "email address"),
    "state": ("zuständige Aufsichtsbehörde", "competent supervisory authority"),
    "dpo.email": ("E-Mail-Adresse des Datenschutzbeauftragten", "email address of the data protection officer"),
}


_FIELD_OF_PLACEHOLDER = {text.casefold(): field for field, texts in PLACEHOLDER_FIELDS.items() for text in texts}


# the newsletter option for advertising to existing customers (services/newsletter.toml)
EXISTING_CUSTOMERS_OPTION = "existing_customers"


def document_text(inputs: Inputs) -> Iterable[Finding]:
    """Template errors, and each placeholder once (in its first section) unless a finding
    about the field behind it (``reported``: targets found so far) says it already."""
    document, lang = inputs.document, inputs.lang
    reported = {f.target for f in inputs.found}
    for error in document.errors:
        yield finding("template-error", "services", lang, value=error)
    seen: set[str] = set()
    for section, text in placeholders(document):
        if _FIELD_OF_PLACEHOLDER.get(text.casefold()) in reported or text.casefold() in seen:
            continue
        seen.add(text.casefold())
        target = f"section:{section.id}"
        if section.provenance and section.provenance.service:
            target = f"service:{section.provenance.service}"
        yield finding("placeholder", target, lang, section=f"{section.number} {section.title}", value=text)


def objection_notice(inputs: Inputs) -> Iterable[Finding]:
    """§ 7 Abs. 3 UWG advertising needs the right to object pointed out clearly and apart from
    the rest (Art. 21(4) GDPR): the rights section's highlighted box. Only own text that
    replaced that section can lose it."""
    catalog, project, document, lang = inputs.catalog, inputs.project, inputs.document, inputs.lang
    advertisers = [catalog.services[sid] for sid, values in selected_values(catalog, project).items()
                   if values.get(EXISTING_CUSTOMERS_OPTION) is True]
    if not advertisers or any(isinstance(b, Box) for section in document.walk() for b in section.blocks):
        return
    rights = next((s for s in document.walk() if s.id == "rights"), None)
    for service in advertisers:
        yield finding("uwg-notice-missing", "section:rights", lang, service=service.name(lang),
                      section=f"{rights.number} {rights.title}" if rights else "rights")


def own_texts(inputs: Inputs) -> Iterable[Finding]:
    catalog, project, document, lang = inputs.catalog, inputs.project, inputs.document, inputs.lang
    known = section_ids(catalog)
    for section_id, text in project.overrides.items():
        if (text.de.strip() or text.en.strip()) and section_id not in known:
            yield finding("override-orphan", f"section:{section_id}", lang, value=section_id)
    for section_id, basis in project.override_basis.items():
        if section_id not in known:
            continue
        for code, stored in basis.items():
            # a language the policy is not written in cannot be outdated
            if code in project.languages and code in ("de", "en") and stored != section_basis(catalog, section_id, code):
                names = LANGUAGE_NAMES[code]
                yield finding("override-outdated", f"section:{section_id}", lang,
                              value=titles(document).get(section_id, section_id),
                              language=names[0 if lang == "de" else 1])

