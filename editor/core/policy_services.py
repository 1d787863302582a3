"""The services a policy text names: catalog names and distinctive keywords (old names
included) matched as whole words, generic words never evidence alone. Part of
editor.core.policy_import."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .evidence import Evidence, Suggestion


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
