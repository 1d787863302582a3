"""Facts declared once: a service record names its provider by id (providers.toml) and leaves
purposes, data and retention to its category (categories.toml) where they are the same.

``resolve`` turns such a record into the complete Service everything after loading reads
(composer, checks, scanner, catalog --json): provider inline, transfer derived from the
provider's third-country recipients unless the service says otherwise, category defaults
filled in. A complete record (third-party packs, the user's own services) passes unchanged.
"""
from __future__ import annotations

from typing import Iterable
from urllib.parse import urlsplit

import msgspec

from . import schema

PROVIDER_FIELDS = ("entity", "address", "country", "privacy_url")
_OVERRIDABLE = ("entity", "address", "country", "privacy_url", "privacy_url_en", "privacy_title", "contact", "dpa_url",
                "joint_controller_url")


def provider_problems(provider: schema.Provider) -> Iterable[tuple[str, str]]:
    """(field, message) for a provider record of providers.toml."""
    from .servicerules import ALLOWED_URL, SAFE_ID

    if provider.id is None or not SAFE_ID.match(provider.id):
        yield "id", "a provider record needs an id of lower-case letters, digits, '-' and '_'"
    yield from _complete(provider, "")
    for n, r in enumerate(provider.transfers):
        if len(r.country) != 2 or not r.country.isupper():
            yield f"transfers[{n}].country", f"'{r.country}' is not a two-letter ISO code"
        if r.safeguard == "none":
            yield f"transfers[{n}].safeguard", "a recipient in a third country needs a safeguard"
        if r.country == "US" and r.safeguard == "adequacy":
            yield f"transfers[{n}].safeguard", "the USA has no general adequacy decision; use dpf_scc for certified recipients"
        if r.dpf is not None and r.country != "US":
            yield f"transfers[{n}].dpf", "the Data Privacy Framework covers only recipients in the USA"
        if r.dpf is not None and not ALLOWED_URL.match(r.dpf.source):
            yield f"transfers[{n}].dpf.source", "must be an https:// address"
        if r.dpf is not None and not r.dpf.certified and r.safeguard == "dpf_scc":
            yield f"transfers[{n}].safeguard", "the recipient is not DPF-certified: use 'scc' or 'bcr', not 'dpf_scc'"


def _complete(provider: schema.Provider, prefix: str) -> Iterable[tuple[str, str]]:
    from .servicerules import ALLOWED_URL

    for name in PROVIDER_FIELDS:
        if getattr(provider, name) is None:
            yield f"{prefix}{name}", f"the provider needs '{name}'"
    if provider.privacy_url is not None and not ALLOWED_URL.match(provider.privacy_url):
        yield f"{prefix}privacy_url", "must be an https:// address"
    for name in ("privacy_url_en", "dpa_url", "joint_controller_url"):
        value = getattr(provider, name)
        if value is not None and not ALLOWED_URL.match(value):
            yield f"{prefix}{name}", "must be an https:// address"
    if provider.country is not None and (len(provider.country) != 2 or not provider.country.isupper()):
        yield f"{prefix}country", "use the two-letter ISO code, e.g. 'DE' or 'US'"


def derived_transfer(provider: schema.Provider) -> schema.Transfer | None:
    """The service's transfer as its provider's recipients state it (None: no recipients)."""
    if not provider.transfers:
        return None
    countries = list(dict.fromkeys(r.country for r in provider.transfers))
    safeguards = {r.safeguard for r in provider.transfers}
    # several safeguards: the text names the weakest general one, SCCs, which every recipient has
    safeguard = safeguards.pop() if len(safeguards) == 1 else "scc"
    recipient = " / ".join(dict.fromkeys(r.entity for r in provider.transfers))
    return schema.Transfer(countries=countries, safeguard=safeguard, recipient=recipient)


def resolve(service: schema.Service, category: schema.Category | None,
            providers: dict[str, schema.Provider]) -> tuple[schema.Service, list[tuple[str, str]]]:
    """(the complete service, problems); with problems the service must not be used."""
    problems: list[tuple[str, str]] = []
    changes: dict = {}
    provider = service.provider
    if isinstance(provider, str):
        provider = schema.Provider(id=provider)
    if provider is not None and provider.id is not None:
        record = providers.get(provider.id)
        if record is None:
            problems.append(("provider", f"unknown provider '{provider.id}' (not in any providers.toml loaded so far)"))
        else:
            overrides = {name: getattr(provider, name) for name in _OVERRIDABLE if getattr(provider, name) is not None}
            if provider.privacy_url is not None:  # another page: the record's English address and title were the old page's
                overrides.setdefault("privacy_url_en", None)
                overrides.setdefault("privacy_title", None)
            if provider.transfers:
                overrides["transfers"] = provider.transfers
            provider = msgspec.structs.replace(record, **overrides)
    if provider is not None:
        problems += list(_complete(provider, "provider."))
    if provider is not service.provider:
        changes["provider"] = provider
    if service.transfer is None and provider is not None and service.role != "self_hosted":
        transfer = derived_transfer(provider)
        if transfer is not None:
            changes["transfer"] = transfer
            if not any("DPF" in point for point in service.uncertain):
                # never assert a certification nobody checked: say so among the open points
                changes["uncertain"] = [*dpf_unchecked(provider), *service.uncertain]
    for name in ("purposes", "data", "retention"):
        if getattr(service, name) is None:
            default = getattr(category, name) if category is not None else None
            if default is None:
                problems.append((name, f"'{name}' is missing and the category '{service.category}' has no default"))
            else:
                changes[name] = default
    if changes:
        service = msgspec.structs.replace(service, **changes)
    return service, problems


def dpf_unchecked(provider: schema.Provider) -> list[str]:
    """An open point for each US recipient relying on the DPF whose status was not checked."""
    return [f"DPF certification of {r.entity} not checked against the live DPF list."
            for r in provider.transfers if r.country == "US" and r.safeguard == "dpf_scc" and r.dpf is None]


def transfer_recipients(service: schema.Service) -> list[schema.Recipient | tuple[str | None, str, str]]:
    """Each third-country recipient of the service: the provider's Recipient records where the
    service's transfer is theirs (their DPF entry included), else (entity or None, country,
    safeguard) read from the service's own transfer."""
    transfer = service.transfer
    if transfer is None or not transfer.countries:
        return []
    provider = service.provider if isinstance(service.provider, schema.Provider) else None
    if provider is not None and provider.transfers:
        derived = derived_transfer(provider)
        if derived is not None and (derived.countries, derived.safeguard, derived.recipient) == (
                transfer.countries, transfer.safeguard, transfer.recipient):
            return list(provider.transfers)
    entities = transfer.recipient.split(" / ") if transfer.recipient else []
    if len(entities) == len(transfer.countries) > 1:
        pairs = list(zip(entities, transfer.countries))
    else:
        pairs = [(transfer.recipient, country) for country in transfer.countries]
    known = {(r.entity, r.country): r for r in (provider.transfers if provider else [])}
    return [known.get((entity, country)) or (entity, country, transfer.safeguard) for entity, country in pairs]


def recipient_parts(recipient: schema.Recipient | tuple) -> tuple[str | None, str, str, schema.Dpf | None]:
    """(entity, country, safeguard, DPF status) of one item of transfer_recipients()."""
    if isinstance(recipient, schema.Recipient):
        return recipient.entity, recipient.country, recipient.safeguard, recipient.dpf
    entity, country, safeguard = recipient
    return entity, country, safeguard, None


# the DPF list of the US Department of Commerce: the only authoritative source of a certification
# (legal-facts.md § 2.4); a company's own page is its statement, not our check
DPF_LIST_HOSTS = frozenset({"dataprivacyframework.gov", "www.dataprivacyframework.gov"})


def applied_safeguard(role: str, safeguard: str, dpf: schema.Dpf | None) -> str:
    """What secures a transfer to one recipient. A checked DPF status decides "dpf_scc": "dpf"
    (certified, read on the DPF list), "dpf_stated" (certified as the recipient's own page says)
    or "scc". Unchecked, "dpf_scc" (DPF if certified, else SCCs) is what we ensure for our
    processors; a controller transfers on its own account, so for it nothing is stated
    ("not_stated") and nothing may be claimed."""
    if safeguard != "dpf_scc":
        return safeguard
    if dpf is not None:
        if not dpf.certified:
            return "scc"
        return "dpf" if urlsplit(dpf.source).hostname in DPF_LIST_HOSTS else "dpf_stated"
    return "dpf_scc" if role == "processor" else "not_stated"
