"""Checks of the company's own details: controller and contacts, federal state and authority,
data protection officer, websites, the "Stand" date, custom sections and replaced texts."""
from __future__ import annotations

import datetime as _dt
import re
from typing import Iterable

from ..handling import handled_by
from ..legalforms import owned_by_person
from ..postcodes import malformed, state_for
from ..project import STATE_CODES
from ..states import state_name
from ..websites import problem as website_problem
from .finding import LANGUAGE_NAMES, Finding, Inputs, finding, titles

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


FIELD_LABELS = {
    "name": ("Name oder Firma", "name or company"),
    "street": ("Straße und Hausnummer", "street and number"),
    "postcode": ("Postleitzahl", "postcode"),
    "city": ("Ort", "city"),
    "email": ("E-Mail-Adresse", "email address"),
}


def controller(inputs: Inputs) -> Iterable[Finding]:
    project, lang = inputs.project, inputs.lang
    c = project.controller
    for name, labels in FIELD_LABELS.items():
        if not getattr(c, name).strip():
            yield finding("controller-missing", f"controller.{name}", lang, field=labels[0 if lang == "de" else 1])
    if c.email.strip() and not _EMAIL.match(c.email.strip()):
        yield finding("email-invalid", "controller.email", lang, value=c.email)
    if malformed(c.postcode, c.country):
        yield finding("postcode-invalid", "controller.postcode", lang, value=c.postcode.strip())
    if owned_by_person(c) and not c.representative.strip():  # a trade name alone does not say who is responsible
        yield finding("owner-missing", "controller.representative", lang)
    if c.representative.strip() and not c.legal_form:  # the text cannot tell an owner from a representative
        yield finding("legal-form-missing", "controller.legal_form", lang, value=c.representative.strip())


# The ways to reach the controller that the policy prints, each with the link a website shows it
# by: the service the site scanner recognises by that link ("mailto:" → "Contact by email") is the
# one whose section says what happens to the messages — the packs' data, not ids in code. A
# selected service that handles its data (a phone system, the office suite the e-mails arrive in)
# says it as well.
_CHANNELS = {
    "email": ("mailto:", ("Ihre E-Mail-Adresse", "your email address"), ("E-Mails an diese Adresse", "emails sent to it")),
    "phone": ("tel:", ("Ihre Telefonnummer", "your phone number"), ("Anrufen unter dieser Nummer", "calls to that number")),
}


def contact_channels(inputs: Inputs) -> Iterable[Finding]:
    """An e-mail address or phone number in the controller block without the contact service that
    describes the messages sent there: a warning leading to that service."""
    catalog, project, lang = inputs.catalog, inputs.project, inputs.lang
    selected = [s for s in (catalog.services.get(sid) for sid in project.service_ids()) if s is not None]
    english = lang != "de"
    for name, (link, field, messages) in _CHANNELS.items():
        if not getattr(project.controller, name).strip():
            continue
        services = [s for s in catalog.services.values() if s.detect is not None and link in s.detect.links]
        ids = {s.id for s in services}
        handlers = {h for s in services for h in handled_by(catalog, s)}
        # a handler as the text names one: a selected service with a provider (core.handling)
        if services and not any(s.id in ids or (s.provider and {s.id, s.category} & handlers) for s in selected):
            yield finding("contact-channel-missing", f"service:{services[0].id}", lang, field=field[english],
                          messages=messages[english], service=services[0].name(lang))


def authority(inputs: Inputs) -> Iterable[Finding]:
    catalog, project, lang = inputs.catalog, inputs.project, inputs.lang
    if not project.state:
        yield finding("state-missing", "state", lang)
    elif project.state not in STATE_CODES:
        yield finding("state-unknown", "state", lang, value=project.state)
    elif project.state not in catalog.authorities:
        yield finding("authority-missing", "state", lang, state=state_name(project.state, lang))
    expected = state_for(project.controller.postcode, project.controller.country)
    if expected and project.state in STATE_CODES and project.state != expected:
        yield finding("state-postcode", "state", lang, postcode=project.controller.postcode.strip(),
                      expected=state_name(expected, lang, catalog), state=state_name(project.state, lang, catalog))


def dpo(inputs: Inputs) -> Iterable[Finding]:
    project, lang = inputs.project, inputs.lang
    if project.dpo is None:  # whether one is needed: a task (core.tasks)
        return
    if not project.dpo.email.strip() and not project.dpo.phone.strip():
        yield finding("dpo-incomplete", "dpo.email", lang)
    elif project.dpo.email.strip() and not _EMAIL.match(project.dpo.email.strip()):
        yield finding("email-invalid", "dpo.email", lang, value=project.dpo.email)


def project_details(inputs: Inputs) -> Iterable[Finding]:
    project, document, lang = inputs.project, inputs.document, inputs.lang
    for site in project.websites:
        if website_problem(site):
            yield finding("website-invalid", "websites", lang, value=site.strip())
        elif site.strip().lower().startswith("http://"):
            yield finding("website-http", "websites", lang, value=site)
    if project.stand:
        try:
            stand = _dt.date.fromisoformat(project.stand)
        except ValueError:
            stand = None
        today = _dt.date.today()
        if stand and stand > today:
            yield finding("stand-future", "stand", lang, value=project.stand)
        elif stand and (today - stand).days > 365:
            yield finding("stand-old", "stand", lang, value=project.stand)
    for custom in project.custom_sections:
        for code in project.languages:
            if not getattr(custom.body, code, "").strip():
                title = (custom.title.de, custom.title.en)[lang != "de"] or custom.title.de or custom.title.en
                yield finding("custom-empty", f"custom:{custom.id}", lang, value=title or custom.id,
                              language=LANGUAGE_NAMES.get(code, (code, code))[lang != "de"])
    for section_id, text in project.overrides.items():
        if text.de.strip() or text.en.strip():
            yield finding("override", f"section:{section_id}", lang, value=titles(document).get(section_id, section_id))

