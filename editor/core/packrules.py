"""The legal and authoring rules every clause pack keeps — bundled, user and third-party alike.

They run at load (editor/core/packs.py), not only as tests on the bundled pack: a pack from
anywhere is held to the same law. One small function per rule, each citing the law it follows.

Severity (decided here, documented for pack authors):

- **Error, the record is refused** — every rule on a service record. The record is left out
  (like a type error) and the other records load on; the finding names file, line and field.
- **Error, the text is refused** — an outdated law name or a non-https link in a template, a
  label, a section title or a category title/intro, and a German/English mismatch in the
  last three: that template / label / section / category is not used.
- **Warning, the text is used** — a German/English mismatch in a *template* pair. A template's
  source holds Jinja branches, so counting its paragraphs is an estimate; the finding starts
  with ``WARNING`` so it is told apart from a refusal. (In a record's own texts the same
  mismatch is an error: those are plain text with at most a few expressions.)

Findings are (field, message) for record rules and (line offset, message) for text rules; the
loader turns them into PackErrors with file and line.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Iterable, Iterator

from . import schema
from .countries import ADEQUACY, EEA

RULES_VERSION = 3  # bump when a rule changes: cached catalogs were checked by the old rules
WARNING = "WARNING (the text is used): "
TRANSFER_TOOLS = ("dpf_scc", "scc", "bcr")  # Art. 45 via DPF with Art. 46 fallback, Art. 46(2)(c), Art. 47

Finding = tuple[str, str]  # (field, message)

# ---------------------------------------------------------------------------------------------
# Chapter V GDPR: third-country transfers


def transfer_destinations(service: schema.Service) -> Iterator[Finding]:
    """Each country a record transfers to is a real third country with a fitting safeguard.

    Art. 44 GDPR: a transfer is one to a country outside the EU/EEA (EEA Agreement, Annex XI),
    so a transfer "to" an EEA state is an error. Art. 45: ``adequacy`` only where the Commission
    decided so (resources/law/countries.toml; the USA only for DPF-certified recipients,
    decision (EU) 2023/1795 — that is ``dpf_scc``). Art. 46/47: without adequacy the transfer
    needs SCCs (decision (EU) 2021/914), BCRs, or DPF with SCC fallback."""
    transfer = service.transfer
    if transfer is None:
        return
    specific = False
    for code in transfer.countries:
        if len(code) != 2 or not code.isupper():
            yield "transfer.countries", f"'{code}' is not a two-letter ISO code"
        elif code in EEA:
            yield "transfer.countries", (f"'{code}' is in the EU/EEA: data sent there is no third-country transfer "
                                         f"(Art. 44 GDPR); leave it out")
        elif transfer.safeguard == "adequacy" and code not in ADEQUACY:
            specific = True
            why = ("the USA has no general adequacy decision; DPF-certified recipients use 'dpf_scc' (decision "
                   "(EU) 2023/1795)" if code == "US" else "the EU Commission has no adequacy decision for it (Art. 45 GDPR)")
            yield "transfer.safeguard", f"'adequacy' claimed for '{code}', but {why}"
        elif code not in ADEQUACY and code != "US" and transfer.safeguard not in TRANSFER_TOOLS:
            specific = True  # (a US recipient's safeguard is its DPF status: third_country_recipients)
            yield "transfer.safeguard", (f"'{code}' has no adequacy decision: the transfer needs "
                                         f"{', '.join(TRANSFER_TOOLS)} (Art. 46/47 GDPR)")
    if transfer.countries and transfer.safeguard == "none" and not specific and "US" not in transfer.countries:
        yield "transfer.safeguard", "a transfer to a third country needs a safeguard (Art. 44–47 GDPR)"


def recipient_problems(field: str, country: str, safeguard: str, declared: Iterable[str]) -> Iterator[Finding]:
    """One recipient outside the EEA is declared as a transfer and has a safeguard (Art. 13(1)(f)
    GDPR: the policy names the transfer and its safeguard); a US recipient its DPF status.

    Today a record has one provider and one ``transfer``: the DPF status of a US recipient is
    the safeguard — ``dpf_scc`` (certified, SCC fallback) or ``scc``/``bcr`` (not certified).
    EXTEND HERE for ``Provider.transfers: list[Recipient(entity, country, safeguard, dpf)]``:
    call this per Recipient and add that a US Recipient has ``dpf`` (certified, checked,
    source) and that ``safeguard == 'dpf_scc'`` only where ``dpf.certified``."""
    if country in EEA:
        return
    if country not in declared:
        yield field, (f"the recipient sits in '{country}', outside the EU/EEA: the record must declare that "
                      f"transfer (transfer.countries) and its safeguard (Art. 13(1)(f) GDPR)")
    elif country == "US" and safeguard not in TRANSFER_TOOLS:
        yield field, ("a US recipient needs its DPF status: 'dpf_scc' if certified under decision (EU) 2023/1795, "
                      "otherwise 'scc' or 'bcr'")


def third_country_recipients(service: schema.Service) -> Iterator[Finding]:
    """Every third-country recipient of a record has a declared transfer and safeguard
    (Art. 13(1)(e)/(f), Art. 44 GDPR) — today's shape: the provider's seat and ``transfer``."""
    transfer = service.transfer
    declared = transfer.countries if transfer else []
    safeguard = transfer.safeguard if transfer else "none"
    if service.provider is not None and len(service.provider.country) == 2:
        yield from recipient_problems("provider.country", service.provider.country, safeguard, declared)
    if "US" in declared:
        yield from recipient_problems("transfer.safeguard", "US", safeguard, declared)


# ---------------------------------------------------------------------------------------------
# § 25 TDDDG: access to the visitor's device

DEVICE_EXCEPTIONS = {
    "transmission": "§ 25 Abs. 2 Nr. 1 TDDDG (sole purpose: transmitting a message)",
    "strictly_necessary": "§ 25 Abs. 2 Nr. 2 TDDDG (strictly necessary for a service the user expressly asked for)",
}


def device_access_consent(service: schema.Service) -> Iterator[Finding]:
    """Storing or reading information on the visitor's device needs consent (§ 25 Abs. 1
    TDDDG; CJEU Planet49 C-673/17) unless a § 25 Abs. 2 exception applies — which the record
    then names (``device_access_exception``) with its reason for the visitor, de and en. With
    consent, a reason says what the access is, after the consent line. Whether a consent purpose
    applies whenever an access that depends on options (``device_access_when``) does needs the
    options: checks() reports it for tracking services."""
    exception, reason = service.device_access_exception, service.device_access_reason
    if exception is not None and not service.device_access:
        yield "device_access_exception", "names a § 25 Abs. 2 TDDDG exception, but device_access is false"
    if service.device_access_when is not None and not service.device_access:
        yield "device_access_when", "says when the device is accessed, but device_access is false"
    if (exception is not None or reason is not None) and (reason is None or not reason.de.strip() or not reason.en.strip()):
        what = DEVICE_EXCEPTIONS[exception] if exception is not None else "the device access"
        yield "device_access_reason", f"{what} needs its reason, in German and English"
    if reason is not None and not service.device_access:
        yield "device_access_reason", "a reason without device_access explains nothing"
    if service.device_consent_in is not None and (not service.device_access or exception is not None):
        yield "device_consent_in", "says where consent is asked, but the device access needs none"
    if service.device_access and exception is None and not any(p.is_consent for p in service.purposes):
        yield "device_access", ("access to the visitor's device needs consent (§ 25 Abs. 1 TDDDG): add a consent "
                                "purpose, or name the exception in device_access_exception = \"strictly_necessary\" "
                                "or \"transmission\" (§ 25 Abs. 2 TDDDG) with device_access_reason")


# ---------------------------------------------------------------------------------------------
# Art. 6 and Art. 13(1)(c)/(d) GDPR: purposes and legal bases


def purposes_have_basis(service: schema.Service) -> Iterator[Finding]:
    """Every purpose has a legal basis (Art. 13(1)(c) GDPR; the type allows only Art. 6(1)(a)–(f))
    and Art. 6(1)(f) names the legitimate interest (Art. 13(1)(d) GDPR), in both languages."""
    if not service.purposes:
        yield "purposes", "name at least one purpose (Art. 13(1)(c) GDPR)"
    for n, purpose in enumerate(service.purposes):
        if purpose.basis == "legitimate_interest":
            interest = purpose.interest
            if interest is None or not interest.de.strip() or not interest.en.strip():
                yield f"purposes[{n}].interest", "Art. 6(1)(f) needs the legitimate interest spelled out (Art. 13(1)(d) GDPR)"


# ---------------------------------------------------------------------------------------------
# Texts: current law, https links, German and English alike

_OUTDATED = [
    # (pattern, what replaced it, words that show the same sentence explains the change)
    (r"\bTTDSG\b|Telekommunikation-Telemedien-Datenschutz-Gesetz", "TDDDG (since 14 May 2024)", r"TDDDG"),
    (r"\bTMG\b|Telemediengesetz|\bTelemedien\b", "DDG / 'digitale Dienste' (since 14 May 2024)", r"\bDDG\b|digitale[nr]? Dienst"),
    (r"Privacy[ -]Shield", "the EU-US Data Privacy Framework (decision (EU) 2023/1795)", r"Data Privacy Framework|\bDPF\b|Schrems"),
    (r"Safe[ -]Harbou?r", "the EU-US Data Privacy Framework (decision (EU) 2023/1795)", r"Data Privacy Framework|\bDPF\b|Schrems"),
    (r"2010/87|2001/497|2004/915", "SCC decision (EU) 2021/914", r"2021/914"),
    (r"§ ?7 Abs\. ?2 Nr\. ?3 UWG", "§ 7 Abs. 2 Nr. 2 UWG (since 28 May 2022)", r"Nr\. ?2"),
]
_OUTDATED_RE = [(re.compile(p, re.I if "Shield" in p or "Harbo" in p else 0), now, re.compile(ok)) for p, now, ok in _OUTDATED]
_EXPLAINS = re.compile(r"früher|ehemal|vormal|bisher|umbenannt|ersetzt|abgelöst|unwirksam|ungültig|nicht mehr|"
                       r"formerly|previously|renamed|replaced|superseded|invalid|no longer", re.I)
_ANY_OUTDATED = ("ttdsg", "tmg", "telemed", "shield", "harbo", "2010/87", "2001/497", "2004/915", "uwg")  # quick pre-check
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9„\"(])|\n\s*\n")


def _sentence(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _SENTENCE_END.finditer(text, end)), len(text))
    return text[left:right]


def outdated_law(text: str) -> Iterator[tuple[int, str]]:
    """Current law only (DESIGN.md, authoring rules): TDDDG not TTDSG, DDG not TMG (both since
    14 May 2024, BGBl. 2024 I Nr. 149), the Data Privacy Framework not Privacy Shield (CJEU
    C-311/18) or Safe Harbor (C-362/14), SCCs of decision (EU) 2021/914 not 2010/87 or
    2001/497. Allowed where the same sentence explains the change ("TDDDG (früher TTDSG)").
    Yields (line offset in ``text``, message)."""
    low = text.lower()
    if not any(word in low for word in _ANY_OUTDATED):
        return
    for pattern, now, successor in _OUTDATED_RE:
        for match in pattern.finditer(text):
            sentence = _sentence(text, match.start(), match.end())
            if successor.search(sentence) and _EXPLAINS.search(sentence):
                continue
            yield text.count("\n", 0, match.start()), f"outdated law name '{match.group(0)}': use {now}"


_URL = re.compile(r"\b([A-Za-z][A-Za-z0-9+.-]*)://[^\s)\"'<>\]]*|\bjavascript:[^\s)\"'<>\]]*", re.I)
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
_LINK_OK = ("https://", "mailto:", "tel:", "#", "{{")


def insecure_links(text: str) -> Iterator[tuple[int, str]]:
    """https links only: a policy must not send its reader over an unencrypted connection
    (Art. 32 GDPR). ``mailto:`` and ``tel:`` are allowed in texts. Jinja code is not text: a
    template may well strip "http://" from an address the user typed."""
    if "://" not in text and "](" not in text and "javascript:" not in text.lower():
        return
    if "{" in text:
        text = _JINJA.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    for match in _URL.finditer(text):
        if not match.group(0).lower().startswith("https://"):
            yield text.count("\n", 0, match.start()), f"'{match.group(0)[:60]}' must be an https:// link"
    for match in _LINK_TARGET.finditer(text):
        target = match.group(1)
        if target and not target.lower().startswith(_LINK_OK) and not _URL.match(target):
            yield text.count("\n", 0, match.start()), f"link target '{target[:60]}' must be https://, mailto: or tel:"


def https_fields(service: schema.Service) -> Iterator[Finding]:
    """The provider's privacy page and every source are https addresses (Art. 32 GDPR for the
    reader's link; sources may also name a section of legal-facts.md)."""
    if service.provider is not None:
        for name in ("privacy_url", "privacy_url_en"):
            value = getattr(service.provider, name)
            if value is not None and not re.match(r"^https://\S+$", value):
                yield f"provider.{name}", "must be an https:// address"
    for url in service.sources:
        if not url.startswith("https://") and not url.startswith("legal-facts.md"):
            yield "sources", f"'{url}' must be an https:// address or a section of legal-facts.md"


_JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
_STATEMENT = re.compile(r"\{#.*?#\}|\{%.*?%\}", re.S)  # prints nothing, unlike {{ … }}
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M)
_TABLE_ROW = re.compile(r"^\s*\|(?!\s*:?-{2,})", re.M)
_NUMBER = re.compile(r"\d+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")  # a label's "{day2}" is filled in, not text


def _shape(text: str, template: bool) -> dict[str, object]:
    if template:  # a line holding only a Jinja statement or comment is neither text nor a paragraph break
        text = "\n".join(line for line in text.splitlines() if _STATEMENT.sub("", line).strip() or not line.strip())
    plain = _PLACEHOLDER.sub(" x ", _JINJA.sub(" x ", text)) if "{" in text else text
    if "://" in plain:
        plain = _URL.sub(" ", plain)
    lines = "\n" in plain
    paragraphs = sum(1 for p in _PARAGRAPH_BREAK.split(plain) if p.strip()) if lines else int(bool(plain.strip()))
    return {"paragraphs": paragraphs, "list items": len(_LIST_ITEM.findall(plain)) if lines or plain[:1] in "-*+0123456789 " else 0,
            "table rows": len(_TABLE_ROW.findall(plain)) if "|" in plain else 0, "numbers": Counter(_NUMBER.findall(plain))}


def language_parity(de: str, en: str, template: bool = False) -> Iterator[str]:
    """German is the reference and English says the same (DESIGN.md; Art. 12(1) GDPR: the same
    information in every language offered): the same number of paragraphs, list items and
    table rows, and the same numbers — digits, § and Art. references, periods, dates."""
    if not template and not any("\n" in t or "{" in t or "://" in t or "|" in t or t[:1] in "-*+" for t in (de, en)):
        # one plain line each (most record texts): only the numbers can differ
        a_numbers, b_numbers = _NUMBER.findall(de), _NUMBER.findall(en)
        if sorted(a_numbers) == sorted(b_numbers):
            return
    a, b = _shape(de, template), _shape(en, template)
    for key in ("paragraphs", "list items", "table rows"):
        if a[key] != b[key]:
            yield f"German has {a[key]} {key}, English {b[key]}"
    if a["numbers"] != b["numbers"]:
        only_de = sorted((a["numbers"] - b["numbers"]).elements(), key=int)
        only_en = sorted((b["numbers"] - a["numbers"]).elements(), key=int)
        yield (f"the numbers differ: only in German {', '.join(only_de) or '—'}; "
               f"only in English {', '.join(only_en) or '—'}")


# ---------------------------------------------------------------------------------------------
# Applying the text rules to a record


def record_texts(service: schema.Service) -> Iterator[tuple[str, schema.Text]]:
    """(field, Text) of every visitor-facing text pair of a record."""
    yield "names", service.names
    yield "description", service.description
    yield "retention", service.retention
    for n, (de, en) in enumerate(zip(service.data.de, service.data.en)):
        yield f"data[{n}]", schema.Text(de=de, en=en)
    for n, item in enumerate(service.data.conditional):
        yield f"data.conditional[{n}]", item
    for n, p in enumerate(service.purposes):
        yield f"purposes[{n}].text", p.text
        if p.interest:
            yield f"purposes[{n}].interest", p.interest
    if isinstance(service.provider, schema.Provider) and service.provider.privacy_title is not None:
        yield "provider.privacy_title", service.provider.privacy_title
    for name, t in (("withdrawal", service.withdrawal), ("joint_control", service.joint_control), ("text", service.text),
                    ("statutory_duty", service.statutory_duty),
                    ("transfer.note", service.transfer.note if service.transfer else None),
                    ("device_access_reason", service.device_access_reason),
                    ("device_consent_in", service.device_consent_in)):
        if t is not None:
            yield name, t
    for n, o in enumerate(service.options):
        yield f"options[{n}].label", o.label
        if o.help:
            yield f"options[{n}].help", o.help
        for k, c in enumerate(o.choices):
            yield f"options[{n}].choices[{k}].label", c.label


def record_text_problems(service: schema.Service) -> Iterator[Finding]:
    """The text rules (current law, https links, German and English alike) on a record."""
    if len(service.data.de) != len(service.data.en):
        yield "data", "German and English lists of data categories must have the same length"
    for field, text in record_texts(service):
        for lang in schema.LANGUAGES:
            value = text.get(lang)
            for _, message in [*outdated_law(value), *insecure_links(value)]:
                yield f"{field}.{lang}", message
        for message in language_parity(text.de, text.en):
            yield field, message


SERVICE_RULES: tuple[Callable[[schema.Service], Iterable[Finding]], ...] = (
    transfer_destinations, third_country_recipients, device_access_consent, purposes_have_basis, https_fields,
    record_text_problems,
)


def service_rule_problems(service: schema.Service) -> Iterator[Finding]:
    """(field, message) for every legal or authoring rule a service record breaks."""
    for rule in SERVICE_RULES:
        yield from rule(service)


def text_problems(text: str) -> list[tuple[int, str]]:
    """(line offset, message) for the rules every pack text keeps: current law, https links."""
    return sorted([*outdated_law(text), *insecure_links(text)])


def template_pair_warnings(de: str, en: str) -> list[str]:
    """German/English mismatches of a template pair — warnings, see the module docstring."""
    return [WARNING + message for message in language_parity(de, en, template=True)]


def category_problems(category: schema.Category) -> list[Finding]:
    """The text rules on a category's title and intro; a finding refuses the category."""
    found: list[Finding] = []
    for field, text in (("title", category.title), ("intro", category.intro)):
        if text is not None:
            found += [(f"{field}.{lang}", m) for lang in schema.LANGUAGES for _, m in text_problems(text.get(lang))]
            found += [(field, m) for m in language_parity(text.de, text.en)]
    return found


def finding_line(file_text: str, line: int | None, message: str) -> int | None:
    """The line of the offending word itself, searched from the field's line ``line``: a record's
    text may span many lines, and the author is told the exact one."""
    quoted = re.match(r"(?:outdated law name |)'([^']+)'", message)
    if line is None or quoted is None:
        return line
    # the nearest occurrence: for a key inside an inline table ({ de = …, en = … }) the field's
    # line may be found a little past the table
    hits = [n + 1 for n, text in enumerate(file_text.splitlines()) if quoted.group(1) in text]
    return min(hits, key=lambda n: (abs(n - line), n)) if hits else line


def label_problems(labels: dict[str, str], other: dict[str, str] | None) -> Iterator[tuple[str, str]]:
    """(code, message) for one language's labels; ``other`` is the English set beside the German."""
    for code, value in labels.items():
        for _, message in text_problems(value):
            yield code, message
        if other is not None and code in other:
            yield from ((code, m) for m in language_parity(value, other[code]))
