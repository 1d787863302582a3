"""Typed shape of clause-pack data files (TOML), validated with msgspec.

Every text a visitor reads exists in both languages (``Text``), so a missing translation is a
load error, not a gap in an export.
"""
from __future__ import annotations

import datetime as _dt
from typing import Literal

import msgspec

LANGUAGES = ("de", "en")

Role = Literal["processor", "controller", "joint_controller", "self_hosted"]
Basis = Literal[
    "consent",  # Art. 6(1)(a)
    "explicit_consent",  # Art. 9(2)(a) with Art. 6(1)(a): special categories (health data)
    "contract",  # Art. 6(1)(b), incl. pre-contractual steps
    "legal_obligation",  # Art. 6(1)(c)
    "vital_interest",  # Art. 6(1)(d)
    "public_task",  # Art. 6(1)(e)
    "legitimate_interest",  # Art. 6(1)(f) — needs ``interest``
]
# the bases that are a consent: withdrawable (Art. 7(3)), so the withdrawal section applies
CONSENT_BASES = frozenset({"consent", "explicit_consent"})
Safeguard = Literal["none", "adequacy", "dpf_scc", "scc", "bcr"]
OptionType = Literal["bool", "choice", "int", "text"]


class Struct(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Unknown keys are errors: a typo in a pack must not silently drop a fact."""


class Text(Struct, kw_only=True):
    de: str
    en: str

    def get(self, language: str) -> str:
        # Never getattr(self, language): that turned this method into a general getattr.
        if language == "de":
            return self.de
        if language == "en":
            return self.en
        raise KeyError(f"unknown language {language!r}")


class TextList(Struct, kw_only=True):
    """A service's (or category's) data categories: ``de``/``en`` always, and the ``conditional``
    ones only while their option expression holds (as a purpose's ``when``)."""

    de: list[str]
    en: list[str]
    conditional: list[ConditionalItem] = []


class ConditionalItem(Text, kw_only=True):
    """One data category listed only while ``when`` holds, e.g. survey answers with
    ``when = "options.surveys"`` — the same expressions and evaluation as Purpose.when."""

    when: str


class Manifest(Struct, kw_only=True):
    id: str
    version: str
    title: Text
    licence: str
    description: Text | None = None
    authors: list[str] = []
    # Core legal text this pack replaces or adds, each named: "label:<kind>.<code>",
    # "authority:<state>", "section:<id>". Anything not named here is refused at load.
    changes_core: list[str] = []


Severity = Literal["error", "warning"]


class Requirement(Struct, kw_only=True):
    """What a service needs besides itself: any one of ``any_of`` must be selected too.

    An entry is a service id ("google-fonts") or "category:<id>" (any service of that
    category). ``because`` says, for the site owner, what is missing and why."""

    any_of: list[str]
    severity: Severity = "warning"
    because: Text | None = None
    when: str | None = None  # an option expression of the requiring service: the requirement holds only then
    # option values the required service must have (e.g. the phone section saying an AI answers)
    # (a list: any of its values); for a category, one selected service of it must have them
    with_options: dict[str, str | int | bool | list[str | int | bool]] = {}


class Task(Struct, kw_only=True):
    """Something the site owner must do outside the policy for its text to be true (a
    cookie-settings link on every page, a notice in every mail). Listed by ``check``, the GUI
    and the review edition; the project records which ones are done, by ``id``."""

    id: str  # stable: the project's ``tasks_done`` names it
    text: Text
    option: str | None = None  # only while this option of the service is on
    when: str | None = None  # only while this option expression holds (as a purpose's ``when``)
    # only at a practice: a selected service serves patients (catalog.serves_patients) or this
    # service's health-data option is on — a decision the owner's profession may forbid
    practice: bool = False
    link: str | None = None  # https address of what the task needs


class Category(Struct, kw_only=True):
    id: str
    order: int
    title: Text
    intro: Text | None = None  # one sentence shown above the category's services
    keywords: list[str] = []  # what people call any of its services ("Hoster"): the search finds them all
    # Defaults a service of this category inherits when it leaves the field out:
    purposes: list[Purpose] | None = None
    data: TextList | None = None
    retention: Text | None = None
    requires: list[Requirement] = []  # every service of the category needs these
    tasks: list[Task] = []  # what the site owner must do for any service of the category
    # Flags the checks read:
    tracking: bool = False  # tracking (analytics, advertising): its device access needs consent as a purpose
    consent_manager: bool = False  # a consent banner: the services' texts refer to it
    # its services serve the patients of a medical or therapy practice: the contact channels'
    # health-data option should then be on (Art. 9 GDPR)
    patients: bool = False
    # what the text says of a service of this category that has no provider:
    # "self_hosted" we run the software ourselves; "own_processing" we process the data ourselves
    # (technical helpers are named under their own service); "unstated" nothing
    without_provider: Literal["self_hosted", "own_processing", "unstated"] = "self_hosted"
    # what the Art. 22 section says of its services: "scoring" we may decide automatically on a
    # score (credit checks); "by_provider" an independent controller may (payment providers)
    automated_decisions: Literal["none", "scoring", "by_provider"] = "none"
    # categories whose selected services process this category's data for us (e.g. the e-mail
    # contact names the selected office suite): the text names them instead of hedging
    handled_by: list[str] = []
    # its services run the website's server (hosting providers, hosted shops and site builders):
    # with one selected, the "no hosting provider" check is satisfied
    runs_site: bool = False


class CoreSection(Struct, kw_only=True):
    """A fixed section (controller, rights, …) whose text is a template per language."""

    id: str
    order: int
    title: Text
    template: str  # file stem under templates/<lang>/


class Dpf(Struct, kw_only=True):
    """Whether a US recipient is self-certified under the EU-US Data Privacy Framework."""

    certified: bool
    checked: _dt.date  # when the DPF list (or the source) was read
    source: str  # https:// address of the entry or statement that was checked


class Recipient(Struct, kw_only=True):
    """A recipient of the provider's in a third country."""

    entity: str  # the third-country entity, e.g. "Google LLC"
    country: str  # ISO 3166-1 alpha-2
    safeguard: Safeguard
    dpf: Dpf | None = None  # USA only; None = not checked (never asserted)


class Provider(Struct, kw_only=True):
    """A provider: a record of providers.toml (``id`` required there), or inline in a service.

    Inline in a service it is either complete (entity, address, country, privacy_url — the
    shape third-party packs and the user's own services use) or names a record by ``id`` and
    overrides single fields of it (e.g. another ``privacy_url`` for Instagram)."""

    id: str | None = None
    entity: str | None = None
    address: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    privacy_url: str | None = None  # the German policy's link, and the English one's without privacy_url_en
    # the provider's notice in English where it has its own address (German is the reference, so
    # one optional field: privacy_url stays the one address every reader falls back to)
    privacy_url_en: str | None = None
    # what the text calls the privacy_url page where it is not the provider's privacy notice
    # (e.g. an FAQ on the data the service processes); None: "Datenschutzhinweise" / "privacy notice"
    privacy_title: Text | None = None
    contact: str | None = None  # e.g. DPO e-mail of the provider
    dpa_url: str | None = None  # where the Art. 28 data processing agreement is published
    joint_controller_url: str | None = None  # where the Art. 26 arrangement is published
    transfers: list[Recipient] = []  # recipients in third countries

    def privacy_address(self, language: str) -> str | None:
        """The privacy page a policy in ``language`` links."""
        return self.privacy_url_en if language == "en" and self.privacy_url_en else self.privacy_url


class Transfer(Struct, kw_only=True):
    countries: list[str]  # ISO codes of third countries, empty = none
    safeguard: Safeguard
    recipient: str | None = None  # the third-country entity, e.g. "Google LLC"
    note: Text | None = None


class Purpose(Struct, kw_only=True):
    text: Text
    basis: Basis
    interest: Text | None = None  # required for legitimate_interest
    when: str | None = None  # option expression, e.g. "options.transcript" — purpose only then

    @property
    def is_consent(self) -> bool:
        return self.basis in CONSENT_BASES


class Choice(Struct, kw_only=True):
    value: str
    label: Text


class Option(Struct, kw_only=True):
    id: str
    type: OptionType
    label: Text
    default: bool | int | str
    help: Text | None = None
    choices: list[Choice] = []
    min: int | None = None
    max: int | None = None


class Detect(Struct, kw_only=True):
    """How the site scanner (editor.core.scan) recognises the service on a website.

    Every pattern is matched case-insensitively. A ``urls``, ``links`` or ``snippets`` entry is
    a plain substring, or a regular expression when it starts with ``re:``.

    hosts      exact host names ("js.stripe.com") or "*.suffix" ("*.hotjar.com" = hotjar.com
               and every subdomain) of resources the page loads (script, iframe, stylesheet,
               image, form target, any request in a HAR); the most specific host rule wins
    urls       patterns for the full address of such a loaded resource
    links      patterns for the target of an <a href> link (a profile page, a booking link):
               a link loads nothing, so it is evidence only for services that are links
    snippets   markers in the page source or first-party scripts (``fbq('init'``)
    cookies    cookie names the service sets on the site's own domain; "name*" is a prefix
    headers    response headers of the site itself: "name" or "name: value substring"
    supersedes services whose markers this one shares and explains (Matomo Cloud runs the
               Matomo tracking code): not suggested separately when this one is found
    """

    hosts: list[str] = []
    urls: list[str] = []
    links: list[str] = []
    snippets: list[str] = []
    cookies: list[str] = []
    headers: list[str] = []
    supersedes: list[str] = []


class Period(Struct, kw_only=True):
    """How long a service keeps one kind of data, stated so that services can be compared: two
    selected services giving different periods for the same ``data`` contradict each other."""

    data: str  # a name the pack uses for this kind of data across services, e.g. "server_logs"
    days: int | None = None  # a fixed period …
    option: str | None = None  # … or the service's int option that holds it


class Service(Struct, kw_only=True):
    id: str
    category: str
    version: str
    names: Text
    # the product's own name where the display name adds a variant or what it is for ("CCM19" for
    # "CCM19 (Cloud)"): what the text quotes as the name the visitor sees, e.g. on the banner
    product: str | None = None
    keywords: list[str]
    role: Role
    description: Text
    # purposes, data and retention default to the category's (categories.toml); after loading
    # they are always set
    purposes: list[Purpose] | None = None
    data: TextList | None = None
    retention: Text | None = None
    verified: _dt.date  # when the facts were last checked
    sources: list[str]  # where they were checked (https URLs or legal-facts.md sections)
    # None only for self_hosted; "google-ireland" names a record of providers.toml
    provider: str | Provider | None = None
    device_access: bool = False  # stores/reads on the visitor's device → § 25 TDDDG consent
    # … only while this option expression holds (as a purpose's ``when``), e.g. a script that runs
    # only in one counting mode: the text, the consent line and the banner check follow it
    device_access_when: str | None = None
    # … unless a § 25 Abs. 2 TDDDG exception applies, named here with its reason for the visitor:
    device_access_exception: Literal["strictly_necessary", "transmission"] | None = None
    # the exception's reason; with consent (no exception), what the access is, said after the consent line
    device_access_reason: Text | None = None
    # where the service asks for that consent itself instead of the consent banner, e.g. "with
    # the tick box in the comment form" (then no banner is needed for it)
    device_consent_in: Text | None = None
    # the service puts click-to-load placeholders in front of other embeds (e.g. Embed Privacy):
    # then their consent is the click, which their "two_click" option tells the text
    placeholders: bool = False
    transfer: Transfer | None = None
    withdrawal: Text | None = None  # how to withdraw consent or object, where special
    joint_control: Text | None = None  # essence of the Art. 26 arrangement and where to find it
    # what the law obliges the visitor to give us for this service (Art. 13(2)(e) GDPR), e.g. the
    # registration form of § 29 BMG: the section on the duty to provide data says it
    statutory_duty: Text | None = None
    options: list[Option] = []
    text: Text | None = None  # extra Markdown+Jinja paragraphs appended to the category template
    template: str | None = None  # own template stem instead of the category's
    uncertain: list[str] = []  # facts not confirmed; the text stays on the safe side
    detect: Detect | None = None  # how the site scanner recognises it; None = never on the site
    requires: list[Requirement] = []  # services or categories it needs besides itself
    # as the category's handled_by (categories or service ids), for this service only; a tool of
    # ours it names stands for whoever holds that tool's data (handling.py)
    handled_by: list[str] | None = None
    without_provider: Literal["self_hosted", "own_processing", "unstated"] | None = None  # as the category's, for this service only
    runs_site: bool | None = None  # as the category's, for this service only (a hosted shop runs the server)
    patients: bool | None = None  # as the category's, for this service only (a booking tool for practices)
    conflicts: list[str] = []  # service ids that must not be selected with it
    tasks: list[Task] = []  # what the site owner must do when using it (besides its category's)
    periods: list[Period] = []  # retention periods checks compare across services

    def name(self, language: str) -> str:
        return self.names.get(language)

    def product_name(self, language: str) -> str:
        return self.product or self.name(language)

    @property
    def uses_consent(self) -> bool:
        return (self.device_access and not self.device_access_exception) or any(p.is_consent for p in self.purposes)


class Authority(Struct, kw_only=True):
    state: str  # two-letter code, e.g. "BY"
    state_name: Text
    name: str
    address: str
    postal_address: str | None = None
    email: str | None = None
    website: str
    verified: _dt.date
    note: str | None = None


class LabelSet(Struct, kw_only=True):
    de: dict[str, str]
    en: dict[str, str]


class ServiceFile(Struct, kw_only=True):
    """A pack's services/*.toml: one or more [[service]] records."""

    service: list[Service]


class ProviderFile(Struct, kw_only=True):
    """A pack's providers.toml: [[provider]] records, each with an ``id``."""

    provider: list[Provider] = []


class CategoryFile(Struct, kw_only=True):
    category: list[Category]


class SectionFile(Struct, kw_only=True):
    section: list[CoreSection]


class AuthorityFile(Struct, kw_only=True):
    authority: list[Authority]
