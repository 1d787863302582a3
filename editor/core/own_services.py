"""The user's own services: service records described in the project, not in a pack.

A shop owner whose provider the catalog lacks describes it (GUI form or ``policy-editor
add-service``). The record is a full ``schema.Service`` with its provider inline, stored in the
project file (``Project.own_services``, kept as the file holds it, so keys of other tools
survive) and selected like any other service (``Project.services``).

- ``read(catalog, project)`` decodes every record and runs the SAME rules as a pack service
  (servicerules.service_problems, the catalog's categories, unique ids) plus what only a record
  of the user needs: every text in each of the project's languages. A problem is a finding
  (core.checks), never a crash; a record that cannot be composed at all (wrong shape, unknown
  category, an id a pack already uses) is left out of the overlay and reported.
- ``overlay(catalog, project)`` is the catalog as this project sees it: the shared catalog plus
  the project's own services under the pseudo-pack ``project`` ("described by you, not checked
  by us"). The shared catalog is never changed. Each overlay is a Catalog of its own with its
  own Composer; overlays are kept on the base catalog by the content of the records, so
  editing company details reuses the same overlay. Its Composer shares the base's compiled templates and caches: the cache keys name a
  record by id and version, and in the overlay an own service's version carries a fingerprint
  of its content, so an edited record is never mistaken for its earlier self.
- The user's texts are the user's, not templates: in the overlay they are escaped for Markdown
  and may hold no template expression; a text missing in one language is taken from the other
  (and reported), so the policy never shows an empty purpose.
"""
from __future__ import annotations

from itertools import chain

import dataclasses
import datetime as _dt
import hashlib
import json
import re
from pathlib import Path
from typing import Any, Iterable

import msgspec

from . import countries, schema
from .catalog import OWN_PACK_ID as PACK_ID, Catalog, Pack
from .inherit import resolve

MANIFEST = schema.Manifest(id=PACK_ID, version="", licence="",
                           title=schema.Text(de="Von Ihnen beschriebene Dienste", en="Services described by you"))
MAX_OVERLAYS = 8  # per base catalog: a session's recent versions of the records
SAFEGUARDS = ("adequacy", "dpf_scc", "scc", "bcr")


class Problem(msgspec.Struct, frozen=True):
    """One thing wrong with an own service record. ``kind``: "invalid" (cannot be used),
    "rule" (breaks a rule every service keeps), "language" (a text missing in a project
    language), "transfer" (a third-country recipient without safeguard)."""

    service: str  # the record's id (or "#n" when it has none)
    name: str  # what the user calls it
    field: str
    message: str
    kind: str


class OwnServices(msgspec.Struct, frozen=True):
    services: tuple[schema.Service, ...]  # usable records, as stored (the user's own text)
    problems: tuple[Problem, ...]


# -- decoding ----------------------------------------------------------------------------------

def _strip_unknown(value: Any, info: Any) -> Any:
    """``value`` without the keys the type ``info`` does not know (they stay in the project file)."""
    if isinstance(info, msgspec.inspect.UnionType):
        structs = [t for t in info.types if isinstance(t, (msgspec.inspect.StructType, msgspec.inspect.ListType))]
        return _strip_unknown(value, structs[0]) if len(structs) == 1 else value
    if isinstance(info, msgspec.inspect.StructType) and isinstance(value, dict):
        fields = {f.encode_name: f.type for f in info.fields}
        return {k: _strip_unknown(v, fields[k]) for k, v in value.items() if k in fields}
    if isinstance(info, msgspec.inspect.ListType) and isinstance(value, list):
        return [_strip_unknown(v, info.item_type) for v in value]
    return value


def decode(record: Any) -> schema.Service:
    """The service a stored record describes; msgspec.ValidationError when its shape is wrong.
    Bookkeeping fields the user never sees get their defaults."""
    if not isinstance(record, dict):
        raise msgspec.ValidationError("Expected an object")
    data = {"version": "1", "keywords": [], "sources": [], "description": {"de": "", "en": ""},
            "verified": _dt.date.today().isoformat(), **record}
    # the type's description is made per record (≈ 2 ms), not at import: the overlay of a project
    # without records, made on every start, needs none of this
    return msgspec.convert(_strip_unknown(data, msgspec.inspect.type_info(schema.Service)), schema.Service)


def to_record(service: schema.Service) -> dict[str, Any]:
    """A service as the project file stores it (plain JSON data, no empty optional parts)."""
    data = _drop_none(msgspec.to_builtins(service))
    if isinstance(data.get("provider"), dict):  # an inline provider: no empty recipient list either
        data["provider"] = {k: v for k, v in data["provider"].items() if v != []}
    return {k: v for k, v in data.items() if v != [] or k in ("purposes", "keywords", "sources")}


def _texts(service: schema.Service) -> Iterable[tuple[str, schema.Text]]:
    yield "names", service.names
    for n, purpose in enumerate(service.purposes):
        yield f"purposes[{n}].text", purpose.text
        if purpose.interest is not None:
            yield f"purposes[{n}].interest", purpose.interest
    for n, (de, en) in enumerate(zip(service.data.de, service.data.en)):
        yield f"data[{n}]", schema.Text(de=de, en=en)
    for n, item in enumerate(service.data.conditional):
        yield f"data.conditional[{n}]", item
    yield "retention", service.retention
    if service.joint_control is not None:
        yield "joint_control", service.joint_control
    if service.withdrawal is not None:
        yield "withdrawal", service.withdrawal


_FIELD_LABELS = {  # a record's text fields as the user knows them from the form: (de, en)
    "names": ("Name", "name"), "purposes": ("Zweck %1", "purpose %1"),
    "interest": ("Interesse zu Zweck %1", "interest of purpose %1"), "data": ("Daten", "data"),
    "retention": ("Speicherdauer", "storage period"),
    "joint_control": ("Vereinbarung zur gemeinsamen Verantwortung", "joint-control arrangement"),
    "withdrawal": ("Widerruf", "withdrawal"),
}


def field_label(field: str, lang: str) -> str:
    """A text field of ``_texts()`` ("purposes[0].text", "data[2]") in plain words, in ``lang``."""
    head, _, rest = field.partition("[")
    number = str(int(rest.split("]")[0]) + 1) if rest[:1].isdigit() else ""
    key = "interest" if head == "purposes" and field.endswith("interest") else head.split(".")[0]
    if key not in _FIELD_LABELS:
        return field
    return _FIELD_LABELS[key][lang != "de"].replace("%1", number)


def read(catalog: Catalog, project: Any) -> OwnServices:
    """Every usable own service of ``project`` and every problem of its records."""
    # the record rules load with the first record read, not with the module: the overlay of a
    # project without own services (every start of most users) needs neither them nor their regexes
    from .servicerules import SAFE_ID, service_problems

    base = catalog.base
    usable: list[schema.Service] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for n, record in enumerate(project.own_services):
        rid = str(record.get("id", "")) if isinstance(record, dict) else ""
        label = rid or f"#{n + 1}"
        try:
            service = decode(record)
        except msgspec.ValidationError as exc:
            detail = str(exc).replace("`", "'").replace("$.", "")
            problems.append(Problem(label, label, "", f"the record cannot be used ({detail})", "invalid"))
            continue
        name = service.names.de or service.names.en or service.id
        # the same completion as a pack record: category defaults, the inline provider's checks
        service, completion = resolve(service, base.categories.get(service.category), base.providers)
        # what leaves the record incomplete makes it unusable; the rest are rule problems below
        incomplete = [(f, m) for f, m in completion if f in ("purposes", "data", "retention", "provider")
                      or "needs" in m or "ISO code" in m]
        if incomplete:
            problems += [Problem(service.id, name, f, m, "invalid") for f, m in incomplete]
            continue
        blocking = []
        if service.category not in base.categories:
            blocking.append(("category", f"unknown category '{service.category}'"))
        if service.id in base.services and not base.pack_of(service.id).user:  # saved as a user pack: ours wins
            blocking.append(("id", f"the id '{service.id}' is already used by pack '{base.service_pack[service.id]}'"))
        elif service.id in seen:
            blocking.append(("id", f"the id '{service.id}' is used by two of your services"))
        if not SAFE_ID.match(service.id):
            blocking.append(("id", "use lower-case letters, digits, '-' and '_' only"))
        problems += [Problem(service.id, name, f, m, "invalid") for f, m in blocking]
        unsafe = transfer_unsafe(service)  # reported once, as the transfer problem below
        problems += [Problem(service.id, name, f, m, "rule")
                     # the rules see what is printed: a missing language is filled from the
                     # other (and reported once, as a language problem below)
                     for f, m in chain(service_problems(for_composing(service)), completion)
                     if not (f == "id" and blocking) and not (unsafe and f.startswith(("transfer", "provider.country")))]
        for field_name, text in _texts(service):
            for lang in project.languages:
                if lang in schema.LANGUAGES and not text.get(lang).strip():
                    problems.append(Problem(service.id, name, f"{field_name}.{lang}", lang, "language"))
        if unsafe:
            problems.append(Problem(service.id, name, "transfer.safeguard", _country(service), "transfer"))
        if not blocking:
            seen.add(service.id)
            usable.append(service)
    return OwnServices(tuple(usable), tuple(problems))


def _country(service: schema.Service) -> str:
    if service.transfer and service.transfer.countries:
        return service.transfer.countries[0]
    return service.provider.country if service.provider else ""


def transfer_unsafe(service: schema.Service) -> bool:
    """A recipient outside the EU/EEA without a transfer safeguard (Art. 44 ff. GDPR)."""
    if service.role == "self_hosted" or service.provider is None:
        return False
    if service.transfer is not None and service.transfer.countries:
        return service.transfer.safeguard == "none"
    return service.provider.country not in countries.EEA


# -- the overlay -----------------------------------------------------------------------------------

_BRACE = re.compile(r"\\([{}])")


def _literal(text: str) -> str:
    """User text as Markdown that prints literally and holds no template expression: braces
    (escaped by md_escape) become expressions that print them, escaped again on output."""
    from .mdsafe import md_escape  # (here: its regexes cost a start whose project has no records)

    return _BRACE.sub(lambda m: "{{ '" + m.group(1) + "' }}", md_escape(text))


def _text(text: schema.Text | None) -> schema.Text | None:
    if text is None:
        return None
    de, en = text.de.strip() or text.en, text.en.strip() or text.de
    return schema.Text(de=_literal(de), en=_literal(en))


def _plain(text: schema.Text) -> schema.Text:
    """Names and data print through the templates' own escaping: only fill in a missing language."""
    return schema.Text(de=text.de.strip() or text.en, en=text.en.strip() or text.de)


def _sentence(text: schema.Text | None) -> schema.Text | None:
    """A purpose, storage period, withdrawal or note is printed as a sentence, as the catalog's are."""
    def end(value: str) -> str:
        value = value.strip()
        return value + "." if value and value[-1] not in ".!?:;" else value
    return None if text is None else schema.Text(de=end(text.de), en=end(text.en))


def for_composing(service: schema.Service) -> schema.Service:
    """The record as the composer sees it: the user's texts literal, both languages filled, no
    template of its own."""
    replace = msgspec.structs.replace
    # the composer's caches know a record by id and version: the version names this content
    fingerprint = hashlib.sha256(msgspec.json.encode(service)).hexdigest()[:10]
    # data items are plain text to the templates (they escape them on output): no escaping here
    # an own service has no options: a conditional data category is always listed (the safe side)
    # the user's words as typed, capitals too: lowering "Apple ID" or "Google account" would be wrong
    pairs = [_plain(schema.Text(de=de, en=en)) for de, en in zip(service.data.de, service.data.en)]
    pairs += [_plain(schema.Text(de=c.de, en=c.en)) for c in service.data.conditional]
    data_de, data_en = [t.de for t in pairs if t.de.strip()], [t.en for t in pairs if t.en.strip()]
    purposes = [replace(p, text=_text(_sentence(p.text)), interest=_text(p.interest), when=None) for p in service.purposes]
    transfer = service.transfer
    if transfer is not None:
        transfer = replace(transfer, note=_text(_sentence(transfer.note)))
    return replace(
        service, version=f"{service.version}+{fingerprint}", names=_plain(service.names), description=_text(service.description), purposes=purposes,
        data=schema.TextList(de=data_de or data_en, en=data_en or data_de), retention=_text(_sentence(service.retention)),
        withdrawal=_text(_sentence(service.withdrawal)), joint_control=_text(_sentence(service.joint_control)), transfer=transfer,
        text=None, template=None, options=[],
    )


def overlay(catalog: Catalog, project: Any) -> Catalog:
    """The catalog as ``project`` sees it: with its own services. Without any, the catalog itself."""
    base = catalog.base
    if not project.own_services:
        return base
    key = json.dumps(project.own_services, sort_keys=True, ensure_ascii=False, default=str)
    cache = base.overlays
    found = cache.get(key)
    if found is not None:
        return found
    own = read(base, project).services
    if not own:
        return base
    result = dataclasses.replace(
        base,
        packs={**base.packs, PACK_ID: Pack(MANIFEST, Path("."), user=True)},
        services={**base.services, **{s.id: for_composing(s) for s in own}},
        service_pack={**base.service_pack, **{s.id: PACK_ID for s in own}},
    )
    # its Composer (made on first compose, see composer_for) shares the base's compiled templates
    # and composition caches: an edit of the own services does not start them afresh (an edited
    # record gets a new version, see for_composing)
    result.attach_to(base)
    if len(cache) >= MAX_OVERLAYS:
        cache.pop(next(iter(cache)))
    cache[key] = result
    return result


def unknown_selected(catalog: Catalog, project: Any) -> list[str]:
    """Selected service ids that neither a pack nor the project's own services describe (an own
    service whose record cannot be used is no unknown one: its own finding says what to fix)."""
    known = set(overlay(catalog, project).services)
    known.update(str(r.get("id", "")) for r in project.own_services if isinstance(r, dict))
    return [s.id for s in project.services if s.id not in known]


def named(selected: Any, lang: str = "en") -> str:
    """A selected service for a message: its id in the language's quotes, and the pack it came
    from when recorded ("“x” (pack)")."""
    quoted = f"„{selected.id}“" if lang == "de" else f"“{selected.id}”"
    pack = getattr(selected, "pack", "")
    return f"{quoted} ({pack})" if pack else quoted


def display_name(record: Any) -> str:
    """What the user calls a stored record (for undo texts and messages)."""
    if not isinstance(record, dict):
        return "?"
    names = record.get("names")
    if isinstance(names, dict):
        for lang in schema.LANGUAGES:
            if isinstance(names.get(lang), str) and names[lang].strip():
                return names[lang].strip()
    return str(record.get("id", "?"))


# -- building a record (the form and the CLI) -------------------------------------------------------

def new_id(name: str, taken: Iterable[str]) -> str:
    """A safe id for a service called ``name``, unique among ``taken``."""
    translit = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
    stem = re.sub(r"[^a-z0-9]+", "-", name.casefold().translate(translit)).strip("-")[:40] or "service"
    stem = f"own-{stem}"
    taken = set(taken)
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}", n + 1
    return candidate


def build(*, id: str, name: schema.Text, category: str, role: str, entity: str = "", address: str = "",
          country: str = "", privacy_url: str = "", privacy_url_en: str = "", purposes: list[schema.Purpose],
          data: schema.TextList, retention: schema.Text, safeguard: str = "none", device_access: bool = False,
          joint_control: schema.Text | None = None, keywords: list[str] | None = None) -> schema.Service:
    """A full service record from what the form or the CLI asked for. The transfer follows from
    the provider's country: outside the EU/EEA it names that country and the safeguard."""
    country = country.strip().upper()
    provider = None
    if role != "self_hosted" or entity.strip():
        provider = schema.Provider(entity=entity.strip(), address=address.strip(), country=country,
                                   privacy_url=privacy_url.strip(), privacy_url_en=privacy_url_en.strip() or None)
    transfer = None
    if provider is not None and country and country not in countries.EEA and role != "self_hosted":
        transfer = schema.Transfer(countries=[country], safeguard=safeguard if safeguard in SAFEGUARDS else "none",
                                   recipient=entity.strip() or None)
    if role == "joint_controller" and joint_control is None:
        joint_control = schema.Text(de="", en="")
    return schema.Service(
        id=id, category=category, version="1", names=name, keywords=keywords or [], role=role,  # type: ignore[arg-type]
        description=schema.Text(de="", en=""), purposes=purposes, data=data, retention=retention,
        verified=_dt.date.today(), sources=[], provider=provider, device_access=device_access,
        transfer=transfer, joint_control=joint_control,
    )


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value
