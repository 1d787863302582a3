"""The finding type the checks and the GUI share, the messages of every finding in both
languages, and the helpers the check modules have in common."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..catalog import Catalog
from ..document import Document
from ..project import Project

SEVERITIES = ("error", "warning", "info", "task")


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
    "legal-form-missing": ("warning",
        "Wählen Sie die Rechtsform: Ohne sie nennt die Erklärung „{value}“ als „Vertreten durch“ — bei einem Einzelunternehmen oder freien Beruf ist sie oder er aber Inhaber/in und selbst verantwortlich.",
        "Choose the legal form: without it the policy names “{value}” as “represented by” — for a sole trader or a freelancer, though, that person is the owner and the controller."),
    "email-invalid": ("warning",
        "Die E-Mail-Adresse „{value}“ sieht nicht gültig aus.",
        "The email address “{value}” does not look valid."),
    "postcode-invalid": ("warning",
        "Die Postleitzahl „{value}“ ist keine deutsche Postleitzahl: Diese haben fünf Ziffern, zum Beispiel 79098.",
        "The postcode “{value}” is not a German postcode: those have five digits, for example 79098."),
    "contact-channel-missing": ("warning",
        "Die Erklärung nennt {field}, sagt aber nicht, was mit {messages} geschieht (Zweck, Rechtsgrundlage, Speicherdauer; Art. 13 DSGVO). Wählen Sie „{service}“ aus.",
        "The policy gives {field} but does not say what happens to {messages} (purpose, legal basis, storage period; Art. 13 GDPR). Select “{service}”."),
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
        "Ihr eigener Dienst „{service}“ ist unvollständig: {value}",
        "Your own service “{service}” is incomplete: {value}"),
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
    "consent-tool-unneeded": ("warning",
        "Keiner der ausgewählten Dienste braucht eine Einwilligung über ein Banner, aber „{service}“ ist ausgewählt. Die Datenschutzerklärung sagt dann, Sie holten Einwilligungen ein, die es nicht gibt: Wählen Sie das Banner ab oder die Dienste aus, für die Ihre Website es zeigt.",
        "None of the selected services needs consent through a banner, but “{service}” is selected. The policy then says you obtain consents that do not exist: deselect the banner, or select the services your website shows it for."),
    "two-click-off": ("warning",
        "„{tool}“ zeigt vor „{service}“ einen Platzhalter, dessen Klick die Einwilligung ist. Schalten Sie bei „{service}“ die Option für die Zwei-Klick-Lösung ein, damit die Datenschutzerklärung das sagt.",
        "“{tool}” shows a placeholder in front of “{service}” whose click is the consent. Switch on the two-click option of “{service}” so that the policy says so."),
    "consent-tools-several": ("warning",
        "Mehrere Einwilligungs-Banner ausgewählt: {services}. Die Datenschutzerklärung nennt Ihren Besuchern ein Banner für ihre Einwilligungen; wählen Sie nur das, das Ihre Website wirklich zeigt.",
        "Several consent banners selected: {services}. The policy tells your visitors one banner for their consents; choose only the one your website really shows."),
    "tracking-without-consent": ("error",
        "„{service}“ greift auf das Endgerät zu, stützt sich aber nicht auf eine Einwilligung. Tracking ohne Einwilligung ist in Deutschland nicht zulässig.",
        "“{service}” accesses the visitor's device but does not rely on consent. Tracking without consent is not allowed in Germany."),
    "placeholder": ("error",
        "Im Abschnitt „{section}“ fehlt noch: {value}.",
        "Still missing in section “{section}”: {value}."),
    "uncertain-facts": ("info",
        "Einzelne Angaben (etwa eine Anschrift oder eine Zertifizierung) sind bei {names} noch nicht abschließend geprüft. Die Texte sind dort vorsichtig formuliert. Die Prüffassung (DOCX) nennt die offenen Punkte für Ihre Rechtsberatung.",
        "Some facts (such as an address or a certification) for {names} are not fully verified. The texts stay on the safe side there. The review edition (DOCX) lists the open points for your legal adviser."),
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
    "requires-setting": ("warning",
        "Sie nutzen „{service}“; „{other}“ ist ausgewählt, aber nicht dafür eingestellt. {because}",
        "You use “{service}”; “{other}” is selected but not set up for it. {because}"),
    "health-data-off": ("warning",
        "Sie nutzen „{practice}“ für Ihre Praxis: Über „{service}“ schreiben Patienten oft auch zu ihrer Gesundheit. Schalten Sie dort „{option}“ ein, damit die Erklärung die Rechtsgrundlage dafür nennt (Art. 9 DSGVO).",
        "You use “{practice}” for your practice: through “{service}” patients often write about their health too. Switch on “{option}” there so that the policy states the legal basis for it (Art. 9 GDPR)."),
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


def finding(code: str, target: str, lang: str, severity: str | None = None, **values: object) -> Finding:
    default, de, en = MESSAGES[code]
    return Finding(severity or default, code, (de if lang == "de" else en).format(**values).strip(), target)


def quoted_list(names: list[str], lang: str) -> str:
    """Names in running text, each in quotes, the last after "und"/"and": right for any number
    (a count would need "Dienst"/"Diensten")."""
    open_, close, word = ("„", "“", " und ") if lang == "de" else ("“", "”", " and ")
    quoted = [f"{open_}{name}{close}" for name in names]
    return word.join(filter(None, (", ".join(quoted[:-1]), quoted[-1]))) if quoted else ""


def titles(document: Document) -> dict[str, str]:
    """Section id → "number title" as the document shows it (messages quote it, not our ids)."""
    return {s.id: f"{s.number} {s.title}" for s in document.walk()}


LANGUAGE_NAMES = {"de": ("Deutsch", "German"), "en": ("Englisch", "English")}


@dataclass
class Inputs:
    """What every check reads: the catalog (with the project's own services), the project, its
    composed document, the language of the messages, and the findings so far."""
    catalog: Catalog
    project: Project
    document: Document
    lang: str
    found: list[Finding] = field(default_factory=list)
