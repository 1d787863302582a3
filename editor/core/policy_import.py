"""Import an existing privacy policy: the services it names, the company details it gives, and
what is outdated in it.

Reads .txt, .md, .html, .docx (python-docx, after checking the zip's uncompressed sizes) and
.pdf (pypdf), each bounded in size. Services are found by their names and distinctive keywords
(old names included) as whole words — "Stripe" in "Stripes" or "UPS" in "sign-ups" is no match;
generic words shared by many services ("Google", "Newsletter") are no evidence alone.

For a dialog: ``import_policy(catalog, path, progress=…, cancel=…)`` returns an ImportResult;
ImportError_ carries one plain sentence.
"""
from __future__ import annotations

import datetime as _dt
import html as _html
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .evidence import CancelFlag, Evidence, Progress, Suggestion, cancel_check, decode_text, looks_binary, read_capped

MB = 1024 * 1024
MAX_FILE_BYTES = 20 * MB
MAX_TEXT_CHARS = 5_000_000  # ~1,500 pages of text
MAX_DOCX_UNCOMPRESSED = 50 * MB
MAX_DOCX_RATIO = 100  # a member that expands more than 100-fold is a zip bomb
MAX_PDF_PAGES = 300


class ImportError_(Exception):  # noqa: N801 — ImportError is Python's own
    """One plain sentence for the user; nothing was changed."""


@dataclass(frozen=True)
class ImportFinding:
    severity: str  # "warning" | "info"
    message: str


@dataclass
class ImportResult:
    suggestions: list[Suggestion]
    company: dict[str, str]  # name, street, postcode, city, email, phone — those found
    findings: list[ImportFinding]
    chars: int = 0

    def to_json(self) -> dict:
        return {
            "suggestions": [{"id": s.id, "evidence": [e.to_json() for e in s.evidence]} for s in self.suggestions],
            "company": dict(self.company),
            "findings": [{"severity": f.severity, "message": f.message} for f in self.findings],
        }


# ---------------------------------------------------------------------------------------------
# reading the file


def _read(path: Path) -> bytes:
    return read_capped(path, MAX_FILE_BYTES, "policies", ImportError_)


_decode = decode_text


_BLOCK = re.compile(r"<(/?(p|div|h[1-6]|li|ul|ol|tr|td|th|table|section|article|header|footer|br|hr|dd|dt|blockquote))\b[^>]*>", re.I)
_HREF = re.compile(r"""<a\b[^>]*\bhref\s*=\s*["']([^"']+)["'][^>]*>""", re.I)


def html_to_text(source: str) -> str:
    """Readable text of an HTML page; link targets are kept in brackets (generator credits
    often are only a link)."""
    source = re.sub(r"<(script|style|noscript|template)\b.*?</\1\s*>", " ", source, flags=re.I | re.S)
    source = re.sub(r"<!--.*?-->", " ", source, flags=re.S)
    source = _HREF.sub(lambda m: f" [{m.group(1)}] ", source)
    source = _BLOCK.sub("\n", source)
    source = re.sub(r"<[^>]+>", " ", source)
    text = _html.unescape(source)
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _docx_text(path: Path, data: bytes) -> str:
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportError_(f"{path} is not a valid Word document (.docx).") from None
    total = sum(m.file_size for m in members)
    if len(members) > 5000 or total > MAX_DOCX_UNCOMPRESSED or any(
            m.file_size > MAX_DOCX_RATIO * max(m.compress_size, 1) and m.file_size > MB for m in members):
        raise ImportError_(f"{path} unpacks to far more data than a Word document holds (a zip bomb?); it was not opened.")
    if "word/document.xml" not in {m.filename for m in members}:
        raise ImportError_(f"{path} is not a Word document (.docx): it has no word/document.xml.")
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 — python-docx raises many kinds on broken files
        raise ImportError_(f"{path} could not be read as a Word document ({type(exc).__name__}).") from None
    lines: list[str] = []
    for paragraph in document.paragraphs:
        line = paragraph.text
        for link in getattr(paragraph, "hyperlinks", []):
            if getattr(link, "url", None):
                line += f" [{link.url}]"
        lines.append(line)
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _pdf_text(path: Path, data: bytes, check) -> str:
    import io
    import logging

    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover — a dependency
        raise ImportError_("Reading PDF files needs the pypdf package, which is not installed.") from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ImportError_(f"{path} is password-protected; save an unprotected copy first.")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise ImportError_(f"{path} has {len(reader.pages)} pages; Policy Editor imports policies up to {MAX_PDF_PAGES} pages.")
        parts = []
        for page in reader.pages:
            check()
            parts.append(page.extract_text() or "")
            if sum(map(len, parts)) > MAX_TEXT_CHARS:
                break
        return "\n".join(parts)
    except ImportError_:
        raise
    except Exception as exc:  # noqa: BLE001 — pypdf raises many kinds on broken files
        raise ImportError_(f"{path} could not be read as a PDF ({type(exc).__name__}).") from None


def read_policy_text(path: str | os.PathLike, check=lambda: None) -> str:
    """The plain text of a policy file, whatever its format."""
    path = Path(path)
    data = _read(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        text = _pdf_text(path, data, check)
    elif suffix == ".docx" or data.startswith(b"PK\x03\x04"):
        text = _docx_text(path, data)
    else:
        if looks_binary(data):
            raise ImportError_(f"{path} is not a text, HTML, Word or PDF file (it looks like binary data).")
        text = _decode(data)
        if suffix in (".html", ".htm", ".xhtml") or re.match(r"\s*(<!doctype html|<html|<body|<div|<p\b)", text[:500], re.I):
            text = html_to_text(text)
    if not text.strip():
        raise ImportError_(f"{path} contains no text (a scanned PDF needs text recognition first).")
    return text[:MAX_TEXT_CHARS]


# ---------------------------------------------------------------------------------------------
# services

# everyday words that name a topic, not a product: never evidence on their own
_GENERIC = {
    "e-mail", "email", "mail", "kontakt", "contact", "telefon", "phone", "call", "anruf", "formular", "form", "formulare",
    "anfrage", "video", "internet", "gast", "guest", "event", "veranstaltung", "bilder", "fotos", "photos", "kunden",
    "customers", "vertrag", "contract", "rechnung", "invoice", "zahlung", "payment", "server", "hosting", "webhosting",
    "cloud", "domain", "dns", "proxy", "firewall", "cdn", "api", "ki", "ai", "llm", "integration", "oauth", "tags", "tag",
    "pixel", "skripte", "scripts", "container", "statistik", "analytics", "tracking", "conversion", "werbung",
    "advertising", "remarketing", "retargeting", "consent", "einwilligung", "cmp", "plugin", "profil", "profile", "seite",
    "page", "post", "beitrag", "feed", "einbettung", "embed", "player", "kanal", "channel", "social media",
    "soziales netzwerk", "insights", "newsletter", "e-mail-marketing", "email marketing", "double-opt-in", "sms", "voice",
    "stimme", "chat", "live chat", "live-chat", "support", "kundenservice", "helpdesk", "messenger", "bot", "assistent",
    "termin", "kalender", "booking", "scheduling", "appointment", "videokonferenz", "video meeting", "online-meeting",
    "webinar", "karte", "map", "anfahrt", "directions", "standort", "location", "tiles", "schriftarten", "webfonts",
    "fonts", "icons", "symbole", "lokal", "selbst gehostet", "self-hosted", "open source", "versand", "paket",
    "zustellung", "shipping", "parcel", "delivery", "bewertungen", "reviews", "score", "scoring", "identity",
    "authentication", "authentifizierung", "backend", "datenbank", "database", "monitoring", "automatisierung",
    "automation", "workflow", "no-code", "sales", "vertrieb", "pipeline", "kundenverwaltung", "funnel", "mailbox",
    "hotline", "nachricht", "benachrichtigung", "postfach", "office", "blog", "edge", "serverless", "static site",
    "website builder", "homepage-baukasten", "website-baukasten", "root-server", "vps", "wallet", "kreditkarte", "sepa",
    "lastschrift", "später bezahlen", "kartenzahlung", "zahlungslink", "payment link", "recruiting", "job", "karriere",
    "career", "application", "internetzugang", "hotspot", "überwachung", "surveillance", "premises", "geschäftsräume",
    "kug", "accounting", "buchhaltung", "suppliers", "lieferanten", "geschäftspartner", "business partners",
    "übersetzung", "translation", "übersetzer", "translator", "sprachmodell", "language model", "spracherkennung",
    "speech-to-text", "text-to-speech", "sprachsynthese", "voice ai", "transkript", "frankreich", "köln", "hamburg",
    "b2b", "sso", "single sign-on", "sign in", "login", "anmeldung", "heatmap", "umfrage", "survey", "feedback",
    "fragebogen", "questionnaire", "chatbox", "trust mark", "gütesiegel", "käuferschutz", "bewertungssiegel",
    "kundenbewertungen", "rating seal", "credit check", "credit agency", "auskunftei", "bonitätsprüfung", "crash-reports",
    "error tracking", "fehlerüberwachung", "ticketsystem", "smtp", "postgres", "ddos-schutz", "waf",
    "content delivery network", "registrar", "domain registration", "domainregistrierung", "ratenkauf", "instalments",
    "kamera", "camera", "passwort", "registrierung", "kundenkonto", "benutzerkonto", "user account", "registration",
    "bewerbung", "stellenanzeige", "fotograf", "photographer", "wlan", "wi-fi", "wifi", "überweisung", "bankverbindung",
    "prepayment", "vorkasse", "bank transfer", "cookie banner", "cookie-banner", "cctv", "videoüberwachung",
    "enquiry", "anrufbeantworter", "voicemail", "ip-adresse", "webserver", "unternehmensseite", "company page", "page insights", "fanpage", "tweet", "timeline", "podcast",
    "musik", "music", "playlist", "like-button", "gefällt mir", "teilen", "share", "social plugin", "gesundheit",
    "praxis", "arzttermin", "online-termin", "terminbuchung", "doctor appointment", "videosprechstunde", "talentpool",
    "talent pool", "beschäftigtendaten", "bewerberportal", "künstliche intelligenz", "artificial intelligence", "kommunikations-api",
    "transaktions-e-mail", "transactional email", "cookieless", "cookielos", "ohne cookies", "webanalyse",
    "web analytics", "sitzungsaufzeichnung", "session recording", "matched audiences", "custom audiences",
    "events api", "conversions api", "capi", "consent mode", "google api", "identity", "kartenkacheln", "icon font",
    "kit", "lokales ki-modell", "local llm", "open-source-modell", "sales cloud", "service cloud", "zap", "edge",
    "spamschutz", "bot-schutz", "spam protection", "captcha", "anfahrt", "storage", "geräte", "trustbadge",
}


def _clean_name(name: str) -> list[str]:
    """'Matomo (selbst gehostet)' → ['Matomo']; 'Outlook / Microsoft 365 integration' → both parts."""
    base = re.sub(r"\s*\([^)]*\)", "", name).strip()
    parts = [base] + [p.strip() for p in re.split(r"\s+/\s+", base) if p.strip() and p.strip() != base]
    if m := re.match(r"^(.*\S)\s+\d+$", base):  # "Google Analytics 4" → also "Google Analytics"
        parts.append(m.group(1))
    return parts


_TOKEN = re.compile(r"[\wÄÖÜäöüß]+(?:[.&][\wÄÖÜäöüß]+)*", re.UNICODE)


def _tokens(term: str) -> tuple[str, ...]:
    return tuple(t.casefold() for t in re.findall(r"\w+", term))


@dataclass
class _Term:
    text: str
    tokens: tuple[str, ...]
    services: list[str]
    caps: bool  # an acronym (UPS, GLS): only in capitals


def build_terms(catalog) -> dict[str, list[_Term]]:
    """First token → the terms starting with it. Names count always; a keyword counts when it is
    distinctive: not an everyday word, and one service's alone (or part of that one's name)."""
    by_keyword: dict[str, set[str]] = {}
    names: dict[str, list[str]] = {}
    for sid, service in catalog.services.items():
        names[sid] = [n for name in (service.names.de, service.names.en) for n in _clean_name(name)]
        for k in service.keywords:
            by_keyword.setdefault(k.casefold(), set()).add(sid)
    candidates: dict[tuple[str, ...], tuple[str, set[str], set[str]]] = {}  # tokens → (text, by name, by keyword)
    for sid, service in catalog.services.items():
        for n in names[sid]:
            toks = _tokens(n)
            if toks and n.casefold() not in _GENERIC:
                entry = candidates.setdefault(toks, (n, set(), set()))
                entry[1].add(sid)
        for k in service.keywords:
            key = k.casefold()
            if key in _GENERIC or len(key) < 3 or key.isdigit():
                continue
            toks = _tokens(k)
            if not toks or all(t.isdigit() or len(t) == 1 for t in toks):
                continue
            in_name = any(_contains(_tokens(n), toks) for n in names[sid])
            if len(by_keyword[key]) == 1 or in_name:
                entry = candidates.setdefault(toks, (k, set(), set()))
                entry[2].add(sid)
    index: dict[str, list[_Term]] = {}
    for toks, (text, by_name, by_kw) in candidates.items():
        sids = by_name | by_kw
        if len(sids) > 1:
            # shared: the service whose own name is exactly this term, else the one whose name
            # holds it, else the one on the website (YouTube → the embed, not the channel)
            for keep in (
                lambda sid: any(_tokens(n) == toks for n in names[sid]),
                lambda sid: any(_contains(_tokens(n), toks) for n in names[sid]),
                lambda sid: catalog.services[sid].device_access,
            ):
                narrowed = {sid for sid in sids if keep(sid)}
                sids = narrowed or sids
                if len(sids) == 1:
                    break
            if len(sids) != 1:
                continue
        caps = text.isupper() and len(text) <= 5
        index.setdefault(toks[0], []).append(_Term(text, toks, sorted(sids), caps))
    for terms in index.values():
        terms.sort(key=lambda t: -len(t.tokens))
    return index


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def _line_of(text: str, offset: int, starts: list[int]) -> int:
    import bisect

    return bisect.bisect_right(starts, offset)


def find_services(catalog, text: str, index: dict[str, list[_Term]] | None = None, lang: str = "de") -> list[Suggestion]:
    index = index if index is not None else build_terms(catalog)
    spans = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    folded = [s[0].casefold() for s in spans]
    starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    found: dict[str, Suggestion] = {}
    i = 0
    while i < len(spans):
        step = 1
        for term in index.get(folded[i], ()):
            n = len(term.tokens)
            if tuple(folded[i:i + n]) != term.tokens:
                continue
            if term.caps and not spans[i][0].isupper():
                continue
            start, end = spans[i][1], spans[i + n - 1][2]
            # a whole word: not glued to a longer word by a hyphen ("Stripe-" is fine, "Stripes" is not by \w)
            line = _line_of(text, start, starts)
            excerpt = " ".join(text[max(0, start - 40): end + 40].split())
            for sid in term.services:
                if sid not in found:
                    found[sid] = Suggestion(sid, catalog.services[sid].name(lang))
                found[sid].add(Evidence(f"line {line}", f"{term.text}: …{excerpt}…"))
            step = n
            break
        i += step
    order = {sid: n for n, sid in enumerate(catalog.services)}
    return sorted(found.values(), key=lambda s: order[s.id])


# ---------------------------------------------------------------------------------------------
# company details

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_PHONE = re.compile(r"(?:Telefon|Tel\.?|Phone|Fon|Mobil|Mobile)\s*:?\s*(\+?[\d][\d \t/()\-]{5,}\d)", re.I)
_POSTCODE_CITY = re.compile(r"\b(?:D-)?(\d{5})\s+([A-ZÄÖÜ][\wäöüß.\-]*(?:[ \t](?:an der|am|im|a\.|/)?[ \t]?[A-ZÄÖÜ(][\wäöüß.()\-]*)*)")
_STREET = re.compile(r"([A-ZÄÖÜ][\wäöüß.\-]*(?:[ \t][\wäöüß.\-]+){0,4}[ \t]\d{1,4}(?:[ \t]?[a-zA-Z](?![\wäöüß]))?(?:[ \t]?[-/][ \t]?\d{1,4})?)\s*,?\s*$")
_CONTROLLER = re.compile(r"(Verantwortlich(?:e[rn]?)?\b[^\n:]{0,80}?:?|Verantwortliche Stelle\s*:?|Name und Anschrift des Verantwortlichen\s*:?|"
                         r"Controller\b\s*:?|Responsible (?:party|body)\s*:?|Angaben gemäß § ?5 (?:TMG|DDG)\s*:?|Anbieter\s*:)",
                         re.I)


_STREET_WORD = re.compile(r"(straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|pfad|markt|street|road|avenue)",
                          re.I)
_PREPOSITION = re.compile(r"^(Am|An|Auf|In|Im|Zum|Zur|Unter|Hinter|Vor|Alte|Alter|Altes|Neue|Neuer|Große|Kleine|Obere|Untere)$")


def _street(line: str) -> str | None:
    """The street at the end of a line ("KI Service Partner Neusteinreuth 18" → "Neusteinreuth 18")."""
    m = _STREET.search(line)
    if not m:
        return None
    words = m.group(1).split()
    number_at = next(i for i in range(len(words) - 1, -1, -1) if re.match(r"^\d", words[i]))
    name_words, tail = words[:number_at], words[number_at:]
    if not name_words:
        return None
    for k in range(1, len(name_words) + 1):  # the shortest ending that is a street name
        if _STREET_WORD.search(" ".join(name_words[-k:])):
            if _STREET_WORD.fullmatch(name_words[-k]) and k < len(name_words):
                k += 1  # "Jöllenbecker Str." — the word before belongs to it
            return " ".join(name_words[-k:] + tail)
    for k in range(len(name_words), 0, -1):  # "In der Landwehr 6"
        if _PREPOSITION.match(name_words[-k]):
            return " ".join(name_words[-k:] + tail)
    return " ".join(name_words[-1:] + tail)


def find_company(text: str) -> dict[str, str]:
    company: dict[str, str] = {}
    anchor = _CONTROLLER.search(text)
    region = text[anchor.end(): anchor.end() + 600] if anchor else text[:1500]
    pc = _POSTCODE_CITY.search(region)
    if pc:
        company["postcode"] = pc.group(1)
        company["city"] = re.split(r"\s+(?:Deutschland|Germany|E-Mail|Telefon|Tel|Email|Phone)\b", pc.group(2))[0].strip(" ,")
        before = region[: pc.start()].rstrip(" ,\t")
        lines = [ln.strip(" ,") for ln in before.splitlines() if ln.strip(" ,")]
        if lines:
            last = lines[-1]
            street = _street(last)
            if street:
                company["street"] = street
                rest = last[: len(last) - len(street)].strip(" ,")
                name_lines = lines[:-1] + ([rest] if rest else [])
            else:
                name_lines = lines
            name_lines = [ln for ln in name_lines if not re.match(r"^(\d+\.?\s*)?(Verantwortlich|Datenschutz|Controller)", ln, re.I)]
            if name_lines:
                name = name_lines[0] if len(name_lines[0]) <= 120 else ""
                if name and not re.search(r"\b(ist|sind|im Sinne|is the|within the meaning)\b", name):
                    company["name"] = name
    if m := _EMAIL.search(region):
        company["email"] = m.group(0).rstrip(".")
    if m := _PHONE.search(region):
        company["phone"] = " ".join(m.group(1).split())
    return company


# ---------------------------------------------------------------------------------------------
# findings

_OUTDATED = [
    (re.compile(r"\bTTDSG\b|Telekommunikation-Telemedien-Datenschutz-Gesetz"),
     "It names the TTDSG, which was renamed TDDDG (Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz) on 14 May 2024."),
    (re.compile(r"\bTMG\b|Telemediengesetz"),
     "It names the TMG (Telemediengesetz), replaced by the Digitale-Dienste-Gesetz (DDG) on 14 May 2024."),
    (re.compile(r"Privacy[\s-]+Shield", re.I),
     "It relies on the EU-US Privacy Shield, which the EU Court of Justice invalidated in 2020 (Schrems II); "
     "US transfers now rest on the EU-US Data Privacy Framework or standard contractual clauses."),
    (re.compile(r"Safe[\s-]+Harbou?r", re.I),
     "It relies on Safe Harbor, invalidated by the EU Court of Justice in 2015."),
    (re.compile(r"2010/87(/EU)?"),
     "It cites the standard contractual clauses of 2010 (decision 2010/87/EU), replaced by decision (EU) 2021/914."),
]
_AUTHORITY = re.compile(
    r"(Landes)?[Bb]eauftragte[rn]?\s+für\s+(den\s+)?Datenschutz|Landesamt\s+für\s+Datenschutzaufsicht|"
    r"Unabhängiges\s+Landeszentrum\s+für\s+Datenschutz|Bundesbeauftragte[rn]?\s+für\s+(den\s+)?Datenschutz|\bBfDI\b|"
    r"Datenschutzbehörde\s+(des\s+Landes|Niedersachsen|Berlin|Bayern)|\b(LfDI|LDI|BayLDA|HmbBfDI|ULD|LfD|HBDI|LDA)\b|"
    r"Data Protection Commissioner|Data Protection Authority of", re.U)
_GENERATORS = [
    (re.compile(r"e-?recht24", re.I), "eRecht24"),
    (re.compile(r"datenschutz-generator\.de|Dr\.\s*(Thomas\s+)?Schwenke", re.I), "Datenschutz-Generator.de (Dr. Schwenke)"),
    (re.compile(r"\biubenda\b", re.I), "iubenda"),
    (re.compile(r"\bavalex\b", re.I), "avalex"),
    (re.compile(r"active\s?Mind", re.I), "activeMind"),
    (re.compile(r"it-recht-kanzlei", re.I), "IT-Recht Kanzlei"),
    (re.compile(r"datenschutzerklaerung-generator|datenschutz-generator(?!\.de)", re.I), "a Datenschutz generator"),
    (re.compile(r"Händlerbund|haendlerbund", re.I), "Händlerbund"),
    (re.compile(r"Rechtstexter", re.I), "Trusted Shops Rechtstexter"),
    (re.compile(r"termly\.io|\btermly\b", re.I), "Termly"),
    (re.compile(r"cookiebot\.com/.*declaration|generated by (the )?privacy policy generator", re.I), "a privacy policy generator"),
]
_MONTHS = {m: n for n, names in enumerate([
    ("januar", "january", "jan"), ("februar", "february", "feb"), ("märz", "maerz", "march", "mar"), ("april", "apr"),
    ("mai", "may"), ("juni", "june", "jun"), ("juli", "july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
    ("oktober", "october", "okt", "oct"), ("november", "nov"), ("dezember", "december", "dez", "dec")], 1) for m in names}
_STAND = re.compile(
    r"(?:\bStand\b|Zuletzt aktualisiert|Letzte Aktualisierung|Last updated|Last modified|Effective date|Gültig ab)\s*(?:am|on|:)?\s*:?\s*"
    r"(?:(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b|(\d{4})-(\d{2})-(\d{2})\b|(?:(\d{1,2})\.?\s+)?([A-Za-zäÄ]+)\.?\s+(\d{4})\b)",
    re.I)


def _stand_date(text: str) -> tuple[_dt.date, str] | None:
    best = None
    for m in _STAND.finditer(text):
        try:
            if m.group(1):
                year = int(m.group(3))
                date = _dt.date(year + 2000 if year < 100 else year, int(m.group(2)), int(m.group(1)))
            elif m.group(4):
                date = _dt.date(int(m.group(4)), int(m.group(5)), int(m.group(6)))
            else:
                month = _MONTHS.get(m.group(8).casefold())
                if month is None:
                    continue
                date = _dt.date(int(m.group(9)), month, int(m.group(7) or 1))
        except ValueError:
            continue
        if best is None or date > best[0]:
            best = (date, " ".join(m.group(0).split()))
    return best


def find_findings(text: str, catalog=None, today: _dt.date | None = None) -> list[ImportFinding]:
    today = today or _dt.date.today()
    out: list[ImportFinding] = []
    for regex, message in _OUTDATED:
        if m := regex.search(text):
            out.append(ImportFinding("warning", f"{message} (\"{m.group(0)}\")"))
    authority = bool(_AUTHORITY.search(text))
    if not authority and catalog is not None:
        lowered = text.casefold()
        authority = any(a.name.casefold() in lowered for a in catalog.authorities.values())
    if not authority:
        out.append(ImportFinding("warning", "It names no supervisory authority; Policy Editor names the one of your federal state."))
    stand = _stand_date(text)
    if stand is None:
        out.append(ImportFinding("info", "It gives no \"Stand\" date; Policy Editor dates every export."))
    elif (today - stand[0]).days > 365:
        out.append(ImportFinding("warning", f"Its date (\"{stand[1]}\") is more than a year old; check every service against today's facts."))
    for regex, name in _GENERATORS:
        if regex.search(text):
            out.append(ImportFinding("info", f"It was made with {name}; its text may be licensed only for that "
                                             "generator's users, so Policy Editor writes its own."))
            break
    return out


def import_text(catalog, text: str, *, lang: str = "de", today: _dt.date | None = None) -> ImportResult:
    return ImportResult(find_services(catalog, text, lang=lang), find_company(text),
                        find_findings(text, catalog, today), len(text))


def import_policy(catalog, path: str | os.PathLike, *, lang: str = "de", progress: Progress | None = None,
                  cancel: CancelFlag = None, today: _dt.date | None = None) -> ImportResult:
    """Read a policy file and return what it names. Raises ImportError_ (one plain sentence)
    or evidence.Cancelled."""
    check = cancel_check(cancel)
    if progress:
        progress(f"Reading {Path(path).name}", 0, 2)
    text = read_policy_text(path, check)
    check()
    if progress:
        progress("Finding services", 1, 2)
    return import_text(catalog, text, lang=lang, today=today)
