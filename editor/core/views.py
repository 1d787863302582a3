"""Read-only views of the selected services, as templates see them, and the one list of data
types whose plain attributes the sandbox lets templates read (DATA_TYPES).

Views hold plain values only (pack text marked MdSafe, user text plain); nothing in them is
callable from a template. They are frozen msgspec Structs, built in C: a compose builds one
for every selected service and one for each of its purposes (a frozen dataclass sets each field
through object.__setattr__, ten times slower).
"""
from __future__ import annotations

import re
from typing import Any

import msgspec

from . import schema
from .projectmodel import Controller, Dpo
from .mdsafe import MdSafe


class PurposeView(msgspec.Struct, frozen=True):
    text: MdSafe
    basis: str
    interest: MdSafe | None
    # the text without its closing full stop when it is one sentence, so the legal basis can
    # follow in brackets; None when a later sentence would seem to carry the basis instead
    clause: MdSafe | None = None


class RecipientView(msgspec.Struct, frozen=True):
    """One recipient in a third country and what secures the transfer to it."""

    entity: str | None  # None: the service names no entity (its provider or sub-processors)
    country: str  # the country's name in the document language
    # what applies to this recipient (inherit.applied_safeguard): the record's safeguard, except
    # that "dpf_scc" becomes "dpf" for a recipient checked as certified and "scc" for one checked
    # as not certified; unchecked it stays "dpf_scc" for our processors (certified or, if not,
    # SCCs) and is "not_stated" for a controller's own transfer; "dpf_stated" for a certification
    # the recipient states itself (not read on the DPF list)
    safeguard: str
    as_of: str = ""  # with "dpf_stated": the date the statement was read, as the document writes dates


class TransferView(msgspec.Struct, frozen=True):
    codes: tuple[str, ...]
    countries: tuple[str, ...]
    safeguard: str
    recipient: str | None
    note: MdSafe | None
    countries_text: str = ""  # the country names joined with ", "
    recipients: tuple[RecipientView, ...] = ()


class TransferRow(msgspec.Struct, frozen=True):
    """One line of the transfers table: a recipient, what secures the transfer to it, and the
    selected services that send it data (several services of one group share a line)."""

    recipient: str | None
    country: str
    safeguard: str
    services: str  # the services' names, joined with ", "
    ours: bool  # our processors' transfer (we answer for the safeguard), not a controller's own
    as_of: str = ""  # RecipientView.as_of


class ProviderView(msgspec.Struct, frozen=True):
    entity: str
    address: str
    country: str
    country_name: str
    privacy_url: str  # in the document language (Provider.privacy_address)
    contact: str | None
    address_line: str = ""  # "entity, address, country": the one-line address block templates print
    dpa_url: str | None = None
    joint_controller_url: str | None = None
    privacy_title: MdSafe | None = None  # the link's words where the page is not a privacy notice


class ServiceView(msgspec.Struct, frozen=True):
    id: str
    name: str
    category: str
    role: str
    description: MdSafe
    provider: ProviderView | None
    purposes: tuple[PurposeView, ...]
    bases: tuple[str, ...]
    data: tuple[str, ...]  # plain text, escaped where it is printed (an own service's are the user's words)
    retention: MdSafe
    withdrawal: MdSafe | None
    joint_control: MdSafe | None
    device_access: bool  # with these options (schema.Service.device_access_when)
    uses_consent: bool
    transfer: TransferView | None
    options: dict[str, Any]
    # what the text says when there is no provider: "self_hosted", "own_processing" or "unstated"
    # (the category's without_provider)
    without_provider: str = "self_hosted"
    automated_decisions: str = "none"  # the category's: "none", "scoring" or "by_provider"
    # the § 25 Abs. 2 TDDDG exception ("strictly_necessary" / "transmission") and its reason; with
    # consent (no exception), the reason says what the access is
    device_exception: str | None = None
    device_reason: MdSafe | None = None
    consent_in: MdSafe | None = None  # where the service itself asks for the § 25 consent
    product: str = ""  # the product's own name (schema.Service.product), else the display name
    statutory_duty: MdSafe | None = None  # what the law obliges the visitor to give us for it


class SharedView(msgspec.Struct, frozen=True):
    """What every selected service of one category says alike: said once, before them, and left
    out of their own sections. Empty unless the category has two or more such services."""

    purposes: tuple[PurposeView, ...] = ()
    data: tuple[str, ...] = ()  # as ServiceView.data
    retention: MdSafe | None = None
    withdrawal: MdSafe | None = None
    uses_consent: bool = False  # of all of them, when the withdrawal is shared

    def __bool__(self) -> bool:
        return bool(self.purposes or self.data or self.retention or self.withdrawal)


NOTHING_SHARED = SharedView()


# Every plain data type handed to templates: the views above, the pack records templates read
# (an authority, a text, a provider) and the project's records (controller, DPO). The sandbox
# reads only their non-callable public attributes (see sandbox.SandboxEnvironment).
DATA_TYPES: frozenset[type] = frozenset({
    SharedView, PurposeView, RecipientView, TransferView, TransferRow, ProviderView, ServiceView,
    schema.Authority, schema.Text, schema.Provider, Controller, Dpo,
})


# a full stop after a word of three letters or more (or a number or bracket), then a capital:
# a new sentence; "z. B. Name" and "Abs. 1" are not
_SENTENCE_BREAK = re.compile(r"(?:[a-zäöüß]{3}|[0-9)\]“”\"'])[.!?] +[A-ZÄÖÜ„“\"]")
_BREAK_PUNCTUATION = re.compile(r"[.!?] ")  # what every sentence break above holds
# a closing bracket that cites a law: "(§ 7 Abs. 3 UWG) (Art. 6 …)" leaves the reader to guess
# which of the two is the legal basis
_IN_BRACKET = r"(?:[^()]|\([^()]*\))*"  # "Art. 7(1) GDPR" has brackets of its own
_CITATION_AT_END = re.compile(rf"\({_IN_BRACKET}(?:Art\.|§|Section) {_IN_BRACKET}\)\.$")


# a CommonMark backslash escape: the user's text (an own service) reaches one_clause escaped
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def one_clause(text: MdSafe) -> MdSafe | None:
    """The purpose text without its closing full stop, when it is one sentence of one clause
    (after "…; Gesundheitsdaten nach Art. 9 …" the basis in brackets would seem to be that one's),
    and not ending in a bracket that cites a law. Judged on the words as printed; an escaped
    full stop ("\\.") is cut with its backslash."""
    stripped = text.strip()
    words = _MD_ESCAPE.sub(r"\1", stripped) if "\\" in stripped else stripped
    # each regex is searched only where its literal part occurs (most purposes are one sentence)
    if (not words.endswith(".") or "; " in words
            or (_BREAK_PUNCTUATION.search(words) and _SENTENCE_BREAK.search(words))
            or (words.endswith(").") and _CITATION_AT_END.search(words))):
        return None
    before = stripped[:-1]
    escaped = (len(before) - len(before.rstrip("\\"))) % 2  # an odd run of backslashes escapes the stop
    return MdSafe(before[:-1] if escaped else before)
