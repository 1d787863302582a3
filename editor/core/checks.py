"""checks(catalog, project, document) → Findings: what a careful lawyer would flag.

Each finding has a severity ("error": the policy is incomplete or wrong as it stands;
"warning": probably wrong for this business, please look; "info": worth knowing; "task": what
the site owner must do outside the policy, see core.tasks — never an error, and markable as
done), a message a shop owner understands (entirely in the interface language; it quotes the
document only for a section title or a placeholder), and a target telling the GUI where to fix it:
"controller.<field>", "dpo", "dpo.<field>", "state", "websites", "stand", "service:<id>",
"section:<id>", "custom:<id>", "pack:<file>".
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Iterable

from . import own_services, schema
from .document import Box, Document, placeholders
from .legalforms import owned_by_person
from .options import option_problem, option_values
from .overrides import section_basis, section_ids
from .catalog import Catalog
from .project import STATE_CODES, Project
from .postcodes import state_for
from .states import state_name
from .websites import problem as website_problem
from .tasks import site_tasks

SEVERITIES = ("error", "warning", "info", "task")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Finding:
    severity: str
    code: str
    message: str
    target: str
    task: str = ""  # a task's id (severity "task"): what the project's tasks_done records
    link: str = ""  # a task's https address (a provider's DPA, …)
    done: bool = False  # a task the project marks as done

    def __str__(self) -> str:
        return f"{self.severity}: {self.message}"


# code → (severity, German, English). Messages take str.format fields.
MESSAGES: dict[str, tuple[str, str, str]] = {
    "controller-missing": ("error",
        "Angabe fehlt: {field}. Die Datenschutzerklärung muss nennen, wer verantwortlich ist und wie man Sie erreicht (Art. 13 Abs. 1 lit. a DSGVO).",
        "Missing: {field}. The policy must say who is responsible and how to reach you (Art. 13(1)(a) GDPR)."),
    "owner-missing": ("warning",
        "Bei einem Einzelunternehmen oder freien Beruf ist die Inhaberin oder der Inhaber selbst der Verantwortliche: Geben Sie den Namen unter „Inhaber/in“ an (Art. 13 Abs. 1 lit. a DSGVO).",
        "For a sole trader or a freelancer, the owner in person is the controller: enter the owner's name under “Owner” (Art. 13(1)(a) GDPR)."),
    "email-invalid": ("warning",
        "Die E-Mail-Adresse „{value}“ sieht nicht gültig aus.",
        "The email address “{value}” does not look valid."),
    "state-missing": ("error",
        "Kein Bundesland gewählt. Ohne Bundesland kann die zuständige Aufsichtsbehörde nicht genannt werden.",
        "No federal state chosen. Without it, the competent supervisory authority cannot be named."),
    "state-unknown": ("error",
        "Unbekanntes Bundesland „{value}“. Bitte wählen Sie eines der 16 Bundesländer.",
        "Unknown federal state “{value}”. Please choose one of the 16 German states."),
    "state-postcode": ("warning",
        "Die Postleitzahl {postcode} liegt in {expected}, als Bundesland ist aber {state} gewählt. Die zuständige Aufsichtsbehörde richtet sich nach dem Bundesland Ihres Sitzes.",
        "The postcode {postcode} is in {expected}, but the federal state chosen is {state}. The competent supervisory authority follows the state of your establishment."),
    "authority-missing": ("error",
        "Für das Bundesland {state} ist in den Bausteinen keine Aufsichtsbehörde hinterlegt.",
        "The clause packs hold no supervisory authority for {state}."),
    "dpo-incomplete": ("error",
        "Sie haben einen Datenschutzbeauftragten angegeben, aber keine E-Mail-Adresse oder Telefonnummer. Seine Kontaktdaten müssen in der Erklärung stehen (Art. 13 Abs. 1 lit. b DSGVO).",
        "You have a data protection officer but gave no email or phone. Their contact details must be in the policy (Art. 13(1)(b) GDPR)."),
    "no-services": ("warning",
        "Es ist noch kein Dienst ausgewählt. Fast jede Website nutzt mindestens einen Hoster und schreibt Server-Logdateien.",
        "No service is selected yet. Almost every website uses at least a hosting provider and writes server log files."),
    "no-hosting": ("warning",
        "Sie haben eine Website angegeben, aber keinen Hoster ausgewählt. Wer betreibt den Server?",
        "You listed a website but selected no hosting provider. Who runs the server?"),
    "website-invalid": ("warning",
        "„{value}“ ist keine gültige Website-Adresse (zum Beispiel https://www.beispiel.de). Bitte korrigieren Sie die Angabe.",
        "“{value}” is not a valid website address (for example https://www.example.de). Please correct it."),
    "website-http": ("warning",
        "Die Website {value} ist ohne „https://“ angegeben. Formulare und Logins sollten nur verschlüsselt übertragen werden.",
        "The website {value} is given without “https://”. Forms and logins should only travel encrypted."),
    "unknown-service": ("error",
        "Der Dienst „{value}“ ist in keinem installierten Baustein-Paket enthalten. Er bleibt in der Projektdatei, fehlt aber in der Erklärung. Installieren Sie das Paket wieder oder entfernen Sie den Dienst.",
        "The service “{value}” is not in any installed clause pack. It stays in the project file but is missing from the policy. Reinstall the pack or remove the service."),
    "own-invalid": ("error",
        "Ihr eigener Dienst „{service}“ kann nicht verwendet werden ({value}) und fehlt deshalb in der Erklärung. Öffnen Sie ihn und korrigieren Sie die Angabe.",
        "Your own service “{service}” cannot be used ({value}), so it is missing from the policy. Open it and correct the entry."),
    "own-rule": ("error",
        "Ihr eigener Dienst „{service}“ ist unvollständig: {value} (Feld {field}).",
        "Your own service “{service}” is incomplete: {value} (field {field})."),
    "own-language": ("warning",
        "Bei Ihrem eigenen Dienst „{service}“ fehlt Text auf {missing}; die Erklärung verwendet dort die andere Sprache.",
        "Your own service “{service}” lacks text in {missing}; the policy uses the other language there."),
    "transfer-safeguard": ("error",
        "„{service}“ übermittelt Daten nach {country}, also außerhalb von EU und EWR, aber keine Garantie ist angegeben (Angemessenheitsbeschluss, Data Privacy Framework, Standardvertragsklauseln oder BCR; Art. 44 ff. DSGVO). Wählen Sie sie beim Dienst aus.",
        "“{service}” transfers data to {country}, outside the EU and EEA, but no safeguard is given (adequacy decision, Data Privacy Framework, standard contractual clauses or BCR; Art. 44 et seq. GDPR). Choose it in the service's form."),
    "override-orphan": ("warning",
        "Sie haben den Text von „{value}“ ersetzt, aber diesen Abschnitt gibt es nicht mehr. Ihr Text steht deshalb nicht in der Erklärung.",
        "You replaced the text of “{value}”, but that section no longer exists, so your text is not in the policy."),
    "override-outdated": ("warning",
        "Der Baustein-Text unter Ihrem eigenen Text für „{value}“ ({language}) wurde seitdem aktualisiert. Vergleichen Sie ihn und passen Sie Ihren Text an.",
        "The clause pack text under your own text for “{value}” ({language}) has been updated since. Compare it and adjust your text."),
    "unknown-option": ("warning",
        "Die Einstellung „{option}“ von „{service}“ ist unbekannt oder hat einen ungültigen Wert; es gilt die Voreinstellung.",
        "The setting “{option}” of “{service}” is unknown or has an invalid value; the default applies."),
    "option-range": ("warning",
        "Die Einstellung „{option}“ von „{service}“ ist {value}, erlaubt ist {allowed}. In der Erklärung steht deshalb {used}.",
        "The setting “{option}” of “{service}” is {value}, but {allowed} is allowed. The policy therefore says {used}."),
    "consent-tool-missing": ("error",
        "„{service}“ braucht die vorherige Einwilligung Ihrer Besucher (§ 25 TDDDG), aber es ist kein Einwilligungs-Banner (Consent-Tool) ausgewählt.",
        "“{service}” needs the visitors' prior consent (Section 25 TDDDG), but no consent banner (consent tool) is selected."),
    "tracking-without-consent": ("error",
        "„{service}“ greift auf das Endgerät zu, stützt sich aber nicht auf eine Einwilligung. Tracking ohne Einwilligung ist in Deutschland nicht zulässig.",
        "“{service}” accesses the visitor's device but does not rely on consent. Tracking without consent is not allowed in Germany."),
    "placeholder": ("error",
        "Im Abschnitt „{section}“ fehlt noch: {value}.",
        "Still missing in section “{section}”: {value}."),
    "uncertain-facts": ("info",
        "Bei {count} ausgewählten Diensten sind einzelne Angaben (etwa eine Anschrift oder eine Zertifizierung) noch nicht abschließend geprüft: {names}. Die Texte sind dort vorsichtig formuliert. Die Prüffassung (DOCX) nennt die offenen Punkte für Ihre Rechtsberatung.",
        "For {count} selected services some facts (such as an address or a certification) are not fully verified: {names}. The texts stay on the safe side there. The review edition (DOCX) lists the open points for your legal adviser."),
    "retention-conflict": ("warning",
        "Zwei Speicherfristen für dieselben Daten ({data}): {periods}. Gleichen Sie die Einstellungen an, damit die Erklärung eine Frist nennt.",
        "Two retention periods for the same data ({data}): {periods}. Align the settings so that the policy states one period."),
    "uwg-notice-missing": ("error",
        "„{service}“ wirbt per E-Mail bei Bestandskunden (§ 7 Abs. 3 UWG), aber die Erklärung enthält keinen hervorgehobenen Hinweis auf das Widerspruchsrecht (Art. 21 Abs. 4 DSGVO). Stellen Sie den Abschnitt „{section}“ wieder her oder nehmen Sie den Hinweis in Ihren eigenen Text auf.",
        "“{service}” advertises to existing customers by email (Section 7(3) UWG), but the policy has no highlighted notice of the right to object (Art. 21(4) GDPR). Restore the section “{section}” or add the notice to your own text."),
    # a service's `requires` (clause pack data); the severity is the requirement's own
    "requires": ("warning",
        "Sie nutzen „{service}“; dazu fehlt noch: {missing}. {because}",
        "You use “{service}”; it also needs: {missing}. {because}"),
    "conflict": ("warning",
        "„{service}“ und „{other}“ widersprechen sich. Bitte wählen Sie nur eines von beiden.",
        "“{service}” and “{other}” contradict each other. Please select only one of them."),
    "stand-future": ("warning",
        "Das Datum „Stand“ ({value}) liegt in der Zukunft.",
        "The “last updated” date ({value}) is in the future."),
    "stand-old": ("info",
        "Der Stand der Erklärung ist älter als ein Jahr ({value}). Prüfen Sie, ob die ausgewählten Dienste noch stimmen.",
        "The policy was last updated more than a year ago ({value}). Check that the selected services are still right."),
    "custom-empty": ("warning",
        "Der eigene Abschnitt „{value}“ hat keinen Text auf {language}.",
        "The custom section “{value}” has no text in {language}."),
    "override": ("info",
        "Sie haben den Text von „{value}“ durch eigenen Text ersetzt. Spätere Aktualisierungen der Bausteine erreichen diesen Abschnitt nicht.",
        "You replaced the text of “{value}” with your own. Later updates of the clause packs will not reach this section."),
    "template-error": ("error",
        "Ein Abschnitt konnte nicht erstellt werden, weil ein Baustein-Paket fehlerhaft ist. Entfernen oder aktualisieren Sie das Paket. Einzelheiten: {value}",
        "A section could not be generated because a clause pack is broken. Remove or update the pack. Details: {value}"),
    "core-change": ("warning",
        "Das Baustein-Paket „{pack}“ ersetzt Kerntext der Erklärung ({item}). Lassen Sie diese Änderung rechtlich prüfen; die Prüffassung (DOCX) nennt sie.",
        "The clause pack “{pack}” replaces core text of the policy ({item}). Have this change reviewed by a lawyer; the review edition (DOCX) names it."),
    "pack-error": ("warning",
        "Ein Baustein-Paket ist fehlerhaft und wurde teilweise nicht geladen: {value}",
        "A clause pack is broken and was partly not loaded: {value}"),
}

FIELD_LABELS = {
    "name": ("Name oder Firma", "name or company"),
    "street": ("Straße und Hausnummer", "street and number"),
    "postcode": ("Postleitzahl", "postcode"),
    "city": ("Ort", "city"),
    "email": ("E-Mail-Adresse", "email address"),
}


def _finding(code: str, target: str, lang: str, severity: str | None = None, **values: object) -> Finding:
    default, de, en = MESSAGES[code]
    return Finding(severity or default, code, (de if lang == "de" else en).format(**values).strip(), target)


def checks(catalog: Catalog, project: Project, document: Document | None = None, lang: str = "de") -> list[Finding]:
    """All findings, errors first. ``document`` is composed when not given."""
    if document is None:
        from .compose import compose

        document = compose(catalog, project, project.languages[0] if project.languages else "de")
    catalog = own_services.overlay(catalog, project)
    found = list(_controller(project, lang))
    found += _authority(catalog, project, lang)
    found += _dpo(project, lang)
    found += _services(catalog, project, lang)
    found += _document(document, {f.target for f in found}, lang)
    found += _uwg_notice(catalog, project, document, lang)
    found += _project_misc(project, document, lang)
    found += _own_services(catalog, project, lang)
    found += _overrides(catalog, project, document, lang)
    found += [_finding("pack-error", f"pack:{e.file}", lang, value=str(e)) for e in catalog.errors]
    found += [_finding("core-change", f"pack:{pack}", lang, pack=pack, item=item) for pack, item in catalog.core_changes]
    done = set(project.tasks_done)
    found += [Finding("task", "task", t.text, t.target, task=t.id, link=t.link, done=t.id in done)
              for t in site_tasks(catalog, project, lang)]
    order = {s: n for n, s in enumerate(SEVERITIES)}
    return sorted(found, key=lambda f: order[f.severity])


def _controller(project: Project, lang: str) -> Iterable[Finding]:
    c = project.controller
    for name, labels in FIELD_LABELS.items():
        if not getattr(c, name).strip():
            yield _finding("controller-missing", f"controller.{name}", lang, field=labels[0 if lang == "de" else 1])
    if c.email.strip() and not _EMAIL.match(c.email.strip()):
        yield _finding("email-invalid", "controller.email", lang, value=c.email)
    if owned_by_person(c) and not c.representative.strip():  # a trade name alone does not say who is responsible
        yield _finding("owner-missing", "controller.representative", lang)


def _authority(catalog: Catalog, project: Project, lang: str) -> Iterable[Finding]:
    if not project.state:
        yield _finding("state-missing", "state", lang)
    elif project.state not in STATE_CODES:
        yield _finding("state-unknown", "state", lang, value=project.state)
    elif project.state not in catalog.authorities:
        yield _finding("authority-missing", "state", lang, state=state_name(project.state, lang))
    expected = state_for(project.controller.postcode, project.controller.country)
    if expected and project.state in STATE_CODES and project.state != expected:
        yield _finding("state-postcode", "state", lang, postcode=project.controller.postcode.strip(),
                       expected=state_name(expected, lang, catalog), state=state_name(project.state, lang, catalog))


def _dpo(project: Project, lang: str) -> Iterable[Finding]:
    if project.dpo is None:  # whether one is needed: a task (core.tasks)
        return
    if not project.dpo.email.strip() and not project.dpo.phone.strip():
        yield _finding("dpo-incomplete", "dpo.email", lang)
    elif project.dpo.email.strip() and not _EMAIL.match(project.dpo.email.strip()):
        yield _finding("email-invalid", "dpo.email", lang, value=project.dpo.email)


def _services(catalog: Catalog, project: Project, lang: str) -> Iterable[Finding]:
    selected = [catalog.services[s.id] for s in project.services if s.id in catalog.services]
    ids = {s.id for s in selected}
    categories = {s.category for s in selected}
    for chosen in project.services:
        service = catalog.services.get(chosen.id)
        if service is None:
            yield _finding("unknown-service", f"service:{chosen.id}", lang,
                           value=f"{chosen.id} ({chosen.pack})" if chosen.pack else chosen.id)
            continue
        known = {o.id: o for o in service.options}
        used = option_values(service, chosen.options)
        for key, value in chosen.options.items():
            option = known.get(key)
            problem = "type" if option is None else option_problem(option, value)
            if problem == "type":
                yield _finding("unknown-option", f"service:{service.id}", lang, option=key, service=service.name(lang))
            elif problem == "range":
                yield _finding("option-range", f"service:{service.id}", lang, option=option.label.get(lang),
                               service=service.name(lang), value=value, used=used[key],
                               allowed=_allowed(option.min, option.max, lang))
    if not selected:
        yield _finding("no-services", "services", lang)
    elif project.websites and "hosting" not in categories:
        yield _finding("no-hosting", "services", lang)
    chosen_options = {s.id: option_values(catalog.services[s.id], s.options) for s in project.services if s.id in catalog.services}
    flagged = lambda flag: {c for c in categories if c in catalog.categories and getattr(catalog.categories[c], flag)}  # noqa: E731
    consent_tool = bool(flagged("consent_manager"))
    tracking = flagged("tracking")
    for service in selected:
        name = service.name(lang)
        # storage under a § 25 Abs. 2 TDDDG exception (strictly necessary) needs no consent, so no banner;
        # a two-click placeholder asks for the consent itself (the text says so)
        two_click = chosen_options.get(service.id, {}).get(TWO_CLICK_OPTION) is True
        if service.device_access and not service.device_access_exception and not consent_tool and not two_click:
            yield _finding("consent-tool-missing", f"service:{service.id}", lang, service=name)
        if service.device_access and service.category in tracking and not any(
                p.basis == "consent" for p in service.purposes):
            yield _finding("tracking-without-consent", f"service:{service.id}", lang, service=name)
    yield from _requirements(catalog, selected, chosen_options, categories, lang)
    reported: set[frozenset[str]] = set()
    for service in selected:
        for other in service.conflicts:
            pair = frozenset((service.id, other))
            if other in ids and pair not in reported:
                reported.add(pair)
                yield _finding("conflict", f"service:{service.id}", lang, service=service.name(lang),
                               other=catalog.services[other].name(lang))
    unsure = [s for s in selected if s.uncertain]
    if unsure:
        yield _finding("uncertain-facts", "services", lang, count=len(unsure),
                       names=", ".join(s.name(lang) for s in unsure))
    yield from _periods(catalog, project, selected, lang)


def _requirements(catalog: Catalog, selected: list, chosen: dict[str, dict], categories: set[str],
                  lang: str) -> Iterable[Finding]:
    """A service's (and its category's) ``requires``: one of ``any_of`` must be selected too (with
    the option values ``with_options`` names), where the requirement's ``when`` holds."""
    for service in selected:
        category = catalog.categories.get(service.category)
        for req in [*(category.requires if category else []), *service.requires]:
            if req.when and not _holds(catalog, req.when, chosen[service.id]):
                continue
            if any(_satisfied(entry, service.id, chosen, categories, req.with_options) for entry in req.any_of):
                continue
            missing = (" oder " if lang == "de" else " or ").join(_entry_name(catalog, entry, lang) for entry in req.any_of)
            yield _finding("requires", f"service:{service.id}", lang, severity=req.severity, service=service.name(lang),
                           missing=missing, because=req.because.get(lang) if req.because else "")


def _holds(catalog: Catalog, expression: str, options: dict) -> bool:
    try:
        return bool(catalog.templates.evaluate(expression, options=options))
    except Exception:  # noqa: BLE001 — a broken condition is the pack's fault: the safe side is to check
        return True


def _satisfied(entry: str, own: str, chosen: dict[str, dict], categories: set[str], with_options: dict) -> bool:
    if entry.startswith("category:"):
        return entry[len("category:"):] in categories
    if entry == own:  # a category's requirement is met by the service it names
        return True
    if entry not in chosen:
        return False
    return all(chosen[entry].get(name) == value for name, value in with_options.items())


def _entry_name(catalog: Catalog, entry: str, lang: str) -> str:
    if entry.startswith("category:"):
        category = catalog.categories.get(entry[len("category:"):])
        return f"„{category.title.get(lang)}“" if lang == "de" and category else (
            f"“{category.title.get(lang)}”" if category else entry)
    service = catalog.services.get(entry)
    name = service.name(lang) if service else entry
    return f"„{name}“" if lang == "de" else f"“{name}”"


def _allowed(low: int | None, high: int | None, lang: str) -> str:
    de = lang == "de"
    if low is not None and high is not None:
        return f"{low} {'bis' if de else 'to'} {high}"
    return f"{'mindestens' if de else 'at least'} {low}" if low is not None else f"{'höchstens' if de else 'at most'} {high}"


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


def _document(document: Document, reported: set[str], lang: str) -> Iterable[Finding]:
    """Template errors, and each placeholder once (in its first section) unless a finding
    about the field behind it (``reported``: targets found so far) says it already."""
    for error in document.errors:
        yield _finding("template-error", "services", lang, value=error)
    seen: set[str] = set()
    for section, text in placeholders(document):
        if _FIELD_OF_PLACEHOLDER.get(text.casefold()) in reported or text.casefold() in seen:
            continue
        seen.add(text.casefold())
        target = f"section:{section.id}"
        if section.provenance and section.provenance.service:
            target = f"service:{section.provenance.service}"
        yield _finding("placeholder", target, lang, section=f"{section.number} {section.title}", value=text)


# the newsletter option for advertising to existing customers (services/newsletter.toml)
EXISTING_CUSTOMERS_OPTION = "existing_customers"
# the embeds' option for a placeholder whose click is the consent (the service template reads it too)
TWO_CLICK_OPTION = "two_click"


def _uwg_notice(catalog: Catalog, project: Project, document: Document, lang: str) -> Iterable[Finding]:
    """§ 7 Abs. 3 UWG advertising needs the right to object pointed out clearly and apart from
    the rest (Art. 21(4) GDPR): the rights section's highlighted box. Only own text that
    replaced that section can lose it."""
    advertisers = []
    for chosen in project.services:
        service = catalog.services.get(chosen.id)
        if service is not None and option_values(service, chosen.options).get(EXISTING_CUSTOMERS_OPTION) is True:
            advertisers.append(service)
    if not advertisers or any(isinstance(b, Box) for section in document.walk() for b in section.blocks):
        return
    rights = next((s for s in document.walk() if s.id == "rights"), None)
    for service in advertisers:
        yield _finding("uwg-notice-missing", "section:rights", lang, service=service.name(lang),
                       section=f"{rights.number} {rights.title}" if rights else "rights")


def _periods(catalog: Catalog, project: Project, selected: list, lang: str) -> Iterable[Finding]:
    """Services that state different retention periods (``periods``) for the same data."""
    stated: dict[str, list[tuple[schema.Service, int]]] = {}
    for service in selected:
        chosen = project.selected(service.id)
        values = option_values(service, chosen.options if chosen else {})
        for period in service.periods:
            days = period.days if period.days is not None else values.get(period.option or "")
            if isinstance(days, int) and not isinstance(days, bool):
                stated.setdefault(period.data, []).append((service, days))
    word = "Tage" if lang == "de" else "days"
    for data, found in stated.items():
        if len({days for _, days in found}) > 1:
            # the target: a service whose period is an option the user can change
            adjustable = [s for s, _ in found if any(p.option for p in s.periods if p.data == data)]
            yield _finding("retention-conflict", f"service:{(adjustable or [found[0][0]])[0].id}", lang,
                           data=catalog.labels.get("data", {}).get(lang, {}).get(data, data),
                           periods=", ".join(f"„{s.name(lang)}“ {days} {word}" if lang == "de"
                                             else f"“{s.name(lang)}” {days} {word}" for s, days in found))


def _titles(document: Document) -> dict[str, str]:
    """Section id → "number title" as the document shows it (messages quote it, not our ids)."""
    return {s.id: f"{s.number} {s.title}" for s in document.walk()}


def _project_misc(project: Project, document: Document, lang: str) -> Iterable[Finding]:
    for site in project.websites:
        if website_problem(site):
            yield _finding("website-invalid", "websites", lang, value=site.strip())
        elif site.strip().lower().startswith("http://"):
            yield _finding("website-http", "websites", lang, value=site)
    if project.stand:
        try:
            stand = _dt.date.fromisoformat(project.stand)
        except ValueError:
            stand = None
        today = _dt.date.today()
        if stand and stand > today:
            yield _finding("stand-future", "stand", lang, value=project.stand)
        elif stand and (today - stand).days > 365:
            yield _finding("stand-old", "stand", lang, value=project.stand)
    for custom in project.custom_sections:
        for code in project.languages:
            if not getattr(custom.body, code, "").strip():
                title = (custom.title.de, custom.title.en)[lang != "de"] or custom.title.de or custom.title.en
                yield _finding("custom-empty", f"custom:{custom.id}", lang, value=title or custom.id,
                               language=_LANGUAGE_NAMES.get(code, (code, code))[lang != "de"])
    for section_id, text in project.overrides.items():
        if text.de.strip() or text.en.strip():
            yield _finding("override", f"section:{section_id}", lang, value=_titles(document).get(section_id, section_id))


_LANGUAGE_NAMES = {"de": ("Deutsch", "German"), "en": ("Englisch", "English")}


def _own_services(catalog: Catalog, project: Project, lang: str) -> Iterable[Finding]:
    from .countries import name as country_name

    missing: dict[tuple[str, str], dict[str, list[str]]] = {}  # (service, name) → language → fields
    for problem in own_services.read(catalog, project).problems:
        target = f"service:{problem.service}"
        if problem.kind == "invalid":
            yield _finding("own-invalid", target, lang, service=problem.name, value=problem.message)
        elif problem.kind == "rule":
            yield _finding("own-rule", target, lang, service=problem.name, value=problem.message, field=problem.field)
        elif problem.kind == "language":  # one finding per service, below
            fields = missing.setdefault((problem.service, problem.name), {}).setdefault(problem.message, [])
            label = own_services.field_label(problem.field.rsplit(".", 1)[0], lang)
            if label not in fields:
                fields.append(label)
        elif problem.kind == "transfer":
            yield _finding("transfer-safeguard", target, lang, service=problem.name,
                           country=country_name(problem.message, lang) if problem.message else "?")
    for (service, name), by_language in missing.items():
        parts = [f"{_LANGUAGE_NAMES.get(code, (code, code))[lang != 'de']} ({', '.join(fields)})"
                 for code, fields in by_language.items()]
        yield _finding("own-language", f"service:{service}", lang, service=name,
                       missing=(" und " if lang == "de" else " and ").join(parts))


def _overrides(catalog: Catalog, project: Project, document: Document, lang: str) -> Iterable[Finding]:
    known = section_ids(catalog)
    for section_id, text in project.overrides.items():
        if (text.de.strip() or text.en.strip()) and section_id not in known:
            yield _finding("override-orphan", f"section:{section_id}", lang, value=section_id)
    for section_id, basis in project.override_basis.items():
        if section_id not in known:
            continue
        for code, stored in basis.items():
            # a language the policy is not written in cannot be outdated
            if code in project.languages and code in ("de", "en") and stored != section_basis(catalog, section_id, code):
                names = _LANGUAGE_NAMES[code]
                yield _finding("override-outdated", f"section:{section_id}", lang,
                               value=_titles(document).get(section_id, section_id),
                               language=names[0 if lang == "de" else 1])
