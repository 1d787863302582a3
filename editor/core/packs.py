"""Load and validate clause packs into a Catalog.

A pack is a folder::

    pack.toml            manifest: id, version, title (de/en), licence
    categories.toml      [[category]] records (optional)
    sections.toml        [[section]] fixed sections with templates (optional)
    authorities.toml     [[authority]] supervisory authorities (optional)
    services/*.toml      [[service]] records (optional)
    templates/de/*.md.j2, templates/en/*.md.j2   Markdown + Jinja2, run sandboxed

Every problem becomes a PackError with file, line and field; a broken pack (or a broken file
inside one) never stops the others from loading.
"""
from __future__ import annotations

import hashlib
import itertools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import msgspec

from . import schema
from .templating import TemplateStore, check_template_source

_TOKENS = itertools.count(1)
SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
ALLOWED_URL = re.compile(r"^https://[^\s]+$")


@dataclass(frozen=True)
class PackError:
    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return f"{where}: {self.field + ': ' if self.field else ''}{self.message}"


@dataclass
class Pack:
    manifest: schema.Manifest
    path: Path
    user: bool = False  # from the per-user folder rather than bundled

    @property
    def id(self) -> str:
        return self.manifest.id


@dataclass
class Catalog:
    packs: dict[str, Pack] = field(default_factory=dict)
    categories: dict[str, schema.Category] = field(default_factory=dict)
    category_pack: dict[str, str] = field(default_factory=dict)
    sections: list[tuple[str, schema.CoreSection]] = field(default_factory=list)  # (pack id, section)
    services: dict[str, schema.Service] = field(default_factory=dict)
    service_pack: dict[str, str] = field(default_factory=dict)
    authorities: dict[str, schema.Authority] = field(default_factory=dict)
    labels: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)  # kind → lang → code → text
    errors: list[PackError] = field(default_factory=list)
    templates: TemplateStore = field(default_factory=TemplateStore)
    # identifies this catalog in compose()'s caches (id() could be reused after garbage collection)
    token: int = field(default_factory=lambda: next(_TOKENS))

    def services_in(self, category: str) -> list[schema.Service]:
        return sorted(
            (s for s in self.services.values() if s.category == category),
            key=lambda s: s.names.de.casefold(),
        )

    def ordered_categories(self) -> list[schema.Category]:
        return sorted(self.categories.values(), key=lambda c: (c.order, c.id))

    def pack_of(self, service_id: str) -> Pack:
        return self.packs[self.service_pack[service_id]]


# ---------------------------------------------------------------------------------------------
# error location: turn msgspec's "$.service[0].provider.entity" into a line of the TOML file


_PATH_PART = re.compile(r"\.([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]")


def _parse_path(path: str) -> list[str | int]:
    return [m.group(1) if m.group(1) is not None else int(m.group(2)) for m in _PATH_PART.finditer(path)]


def locate_line(text: str, path: list[str | int]) -> int | None:
    """Best-effort line number (1-based) of a TOML value given its key path."""
    lines = text.splitlines()
    lo, hi, best = 0, len(lines), None
    prefix: list[str] = []
    i = 0
    while i < len(path):
        seg = path[i]
        if isinstance(seg, int):
            i += 1
            continue
        dotted = re.escape(".".join(prefix + [seg]))
        nxt = path[i + 1] if i + 1 < len(path) else None
        if isinstance(nxt, int):
            headers = [n for n in range(lo, hi) if re.match(rf"\s*\[\[\s*{dotted}\s*\]\]", lines[n])]
            if nxt < len(headers):
                lo = headers[nxt]
                hi = headers[nxt + 1] if nxt + 1 < len(headers) else hi
                best, prefix, i = lo + 1, prefix + [seg], i + 2
                continue
        header = next((n for n in range(lo, hi) if re.match(rf"\s*\[\s*{dotted}\s*\]\s*(#.*)?$", lines[n])), None)
        if header is not None:
            lo, best, prefix, i = header, header + 1, prefix + [seg], i + 1
            continue
        key = next((n for n in range(lo, hi) if re.match(rf"\s*\"?{re.escape(seg)}\"?\s*=", lines[n])), None)
        if key is None:
            break
        best, lo, i = key + 1, key, i + 1
    return best


def _validation_error(file: Path, text: str, exc: msgspec.ValidationError, root: Path) -> PackError:
    message = str(exc)
    path = ""
    if " - at `" in message:
        message, _, path = message.partition(" - at `")
        path = path.rstrip("`")
    parts = _parse_path(path)
    line = locate_line(text, parts) if parts else None
    field_name = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in parts).replace(".[", "[") or None
    return PackError(_rel(file, root), line, field_name, _plain(message))


def _plain(message: str) -> str:
    """msgspec's wording, made a little friendlier for pack authors."""
    message = message.replace("Object missing required field", "missing required field")
    message = message.replace("Object contains unknown field", "unknown field (typo?)")
    return message.replace("`", "'")


def _rel(file: Path, root: Path) -> str:
    try:
        return str(file.relative_to(root.parent))
    except ValueError:
        return str(file)


def _read_toml(file: Path, kind: type, root: Path, errors: list[PackError]) -> tuple[Any, str] | None:
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(PackError(_rel(file, root), None, None, f"cannot read the file ({exc})"))
        return None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        errors.append(PackError(_rel(file, root), int(match.group(1)) if match else None, None, f"not valid TOML: {exc}"))
        return None
    try:
        return msgspec.convert(raw, kind), text
    except msgspec.ValidationError as exc:
        errors.append(_validation_error(file, text, exc, root))
        return None


# ---------------------------------------------------------------------------------------------
# semantic checks msgspec's types cannot express


def _service_problems(service: schema.Service) -> Iterable[tuple[str, str]]:
    """(field, message) for every rule a service record breaks."""
    if not SAFE_ID.match(service.id):
        yield "id", "use lower-case letters, digits, '-' and '_' only"
    if service.role == "self_hosted":
        if service.transfer and service.transfer.countries:
            yield "transfer", "a self-hosted tool has no recipient, so it cannot transfer data abroad"
    elif service.provider is None:
        yield "provider", f"a {service.role} needs a provider (only self_hosted may leave it out)"
    if service.provider is not None:
        if not ALLOWED_URL.match(service.provider.privacy_url):
            yield "provider.privacy_url", "must be an https:// address"
        if len(service.provider.country) != 2 or not service.provider.country.isupper():
            yield "provider.country", "use the two-letter ISO code, e.g. 'DE' or 'US'"
    if service.role == "joint_controller" and service.joint_control is None:
        yield "joint_control", "joint controllers (Art. 26 GDPR) must say what the arrangement covers"
    if not service.purposes:
        yield "purposes", "name at least one purpose"
    for n, purpose in enumerate(service.purposes):
        if purpose.basis == "legitimate_interest" and purpose.interest is None:
            yield f"purposes[{n}].interest", "Art. 6(1)(f) needs the legitimate interest spelled out"
    if service.transfer is not None:
        t = service.transfer
        for code in t.countries:
            if len(code) != 2 or not code.isupper():
                yield "transfer.countries", f"'{code}' is not a two-letter ISO code"
        if t.countries and t.safeguard == "none":
            yield "transfer.safeguard", "a transfer to a third country needs a safeguard (adequacy, dpf_scc, scc or bcr)"
        if "US" in t.countries and t.safeguard == "adequacy":
            yield "transfer.safeguard", "the USA has no general adequacy decision; use dpf_scc for certified recipients"
    if len(service.data.de) != len(service.data.en):
        yield "data", "German and English lists of data categories must have the same length"
    if not service.data.de:
        yield "data", "name at least one data category"
    for url in service.sources:
        if not url.startswith("https://") and not url.startswith("legal-facts.md"):
            yield "sources", f"'{url}' must be an https:// address or a section of legal-facts.md"
    seen: set[str] = set()
    for n, option in enumerate(service.options):
        if option.id in seen:
            yield f"options[{n}].id", f"option '{option.id}' is defined twice"
        seen.add(option.id)
        if option.type == "choice":
            values = [c.value for c in option.choices]
            if not values:
                yield f"options[{n}].choices", "a choice option needs choices"
            elif option.default not in values:
                yield f"options[{n}].default", f"default must be one of {', '.join(values)}"
        elif option.type == "bool" and not isinstance(option.default, bool):
            yield f"options[{n}].default", "a bool option needs true or false"
        elif option.type == "int" and (isinstance(option.default, bool) or not isinstance(option.default, int)):
            yield f"options[{n}].default", "an int option needs a whole number"
        elif option.type == "text" and not isinstance(option.default, str):
            yield f"options[{n}].default", "a text option needs a text default"


# ---------------------------------------------------------------------------------------------


def load_pack(path: Path, catalog: Catalog, user: bool = False) -> None:
    """Load one pack folder into ``catalog``; problems go to ``catalog.errors``."""
    errors = catalog.errors
    root = path
    manifest_file = path / "pack.toml"
    if not manifest_file.is_file():
        errors.append(PackError(_rel(manifest_file, root), None, None, "a pack needs a pack.toml manifest"))
        return
    loaded = _read_toml(manifest_file, schema.Manifest, root, errors)
    if loaded is None:
        return
    manifest: schema.Manifest = loaded[0]
    if manifest.id in catalog.packs:
        errors.append(PackError(_rel(manifest_file, root), 1, "id", f"a pack with id '{manifest.id}' is already loaded"))
        return
    pack = Pack(manifest, path, user)
    catalog.packs[manifest.id] = pack

    file = path / "categories.toml"
    if file.is_file() and (got := _read_toml(file, schema.CategoryFile, root, errors)):
        for category in got[0].category:
            if category.id not in catalog.categories:
                catalog.categories[category.id] = category
                catalog.category_pack[category.id] = manifest.id

    file = path / "authorities.toml"
    if file.is_file() and (got := _read_toml(file, schema.AuthorityFile, root, errors)):
        for authority in got[0].authority:
            catalog.authorities[authority.state] = authority

    file = path / "labels.toml"
    if file.is_file() and (got := _read_toml(file, dict[str, schema.LabelSet], root, errors)):
        for kind, labelset in got[0].items():
            catalog.labels.setdefault(kind, {"de": {}, "en": {}})
            for lang in schema.LANGUAGES:
                catalog.labels[kind][lang].update(getattr(labelset, lang))

    template_ok = _load_templates(pack, catalog)

    file = path / "sections.toml"
    if file.is_file() and (got := _read_toml(file, schema.SectionFile, root, errors)):
        for section in got[0].section:
            missing = [lang for lang in schema.LANGUAGES if (manifest.id, lang, section.template) not in template_ok]
            if missing:
                line = locate_line(got[1], ["section"]) if got[1] else None
                errors.append(PackError(_rel(file, root), line, f"section {section.id}",
                                        f"template '{section.template}' is missing or broken for {', '.join(missing)}"))
                continue
            catalog.sections.append((manifest.id, section))

    services_dir = path / "services"
    if services_dir.is_dir():
        for file in sorted(services_dir.glob("*.toml")):
            got = _read_toml(file, schema.ServiceFile, root, errors)
            if got is None:
                continue
            records, text = got
            for n, service in enumerate(records.service):
                _add_service(catalog, pack, service, file, text, n, template_ok)


def _template_texts(service: schema.Service) -> Iterable[tuple[str, schema.Text]]:
    """The record's texts that may hold Jinja expressions (e.g. an option in the retention)."""
    candidates: list[tuple[str, schema.Text | None]] = [
        ("text", service.text), ("description", service.description), ("retention", service.retention),
        ("withdrawal", service.withdrawal), ("joint_control", service.joint_control),
        ("transfer.note", service.transfer.note if service.transfer else None),
    ]
    for n, purpose in enumerate(service.purposes):
        candidates += [(f"purposes[{n}].text", purpose.text), (f"purposes[{n}].interest", purpose.interest)]
    for field_name, text in candidates:
        if text is not None and (field_name == "text" or "{" in text.de or "{" in text.en):
            yield field_name, text


def _add_service(catalog: Catalog, pack: Pack, service: schema.Service, file: Path, text: str, n: int,
                 template_ok: set) -> None:
    root = pack.path
    problems = list(_service_problems(service))
    if service.category not in catalog.categories:
        problems.append(("category", f"unknown category '{service.category}'"))
    if service.id in catalog.services:
        problems.append(("id", f"service '{service.id}' is already defined by pack '{catalog.service_pack[service.id]}'"))
    if service.template and not all((pack.id, lang, service.template) in template_ok for lang in schema.LANGUAGES):
        problems.append(("template", f"template '{service.template}' is missing or broken"))
    for n, purpose in enumerate(service.purposes):
        if purpose.when and (err := check_template_source("{{ " + purpose.when + " }}")):
            problems.append((f"purposes[{n}].when", err))
    for field_name, template_text in _template_texts(service):
        for lang in schema.LANGUAGES:
            err = check_template_source(template_text.get(lang))
            if err:
                problems.append((f"{field_name}.{lang}", err))
    if problems:
        for field_name, message in problems:
            parts = ["service", n, *_parse_path("." + field_name)]
            catalog.errors.append(PackError(_rel(file, root), locate_line(text, parts), f"{service.id}.{field_name}", message))
        return
    catalog.services[service.id] = service
    catalog.service_pack[service.id] = pack.id


def _load_templates(pack: Pack, catalog: Catalog) -> set[tuple[str, str, str]]:
    ok: set[tuple[str, str, str]] = set()
    for lang in schema.LANGUAGES:
        folder = pack.path / "templates" / lang
        if not folder.is_dir():
            continue
        for file in sorted(folder.glob("*.md.j2")):
            stem = file.name[: -len(".md.j2")]
            try:
                source = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                catalog.errors.append(PackError(_rel(file, pack.path), None, None, f"cannot read the template ({exc})"))
                continue
            err = check_template_source(source)
            if err:
                line = None
                if match := re.search(r"line (\d+)", err):
                    line = int(match.group(1))
                catalog.errors.append(PackError(_rel(file, pack.path), line, None, err))
                continue
            catalog.templates.add(pack.id, lang, stem, source, str(file))
            ok.add((pack.id, lang, stem))
    return ok


def load_catalog(folders: Iterable[Path], user_folders: Iterable[Path] = ()) -> Catalog:
    """Load every pack under the given folders (each folder holds pack folders).

    The core pack (id "core") loads first so other packs may use its categories.
    """
    catalog = Catalog()
    candidates: list[tuple[Path, bool]] = []
    for base, user in [(f, False) for f in folders] + [(f, True) for f in user_folders]:
        if base.is_dir():
            candidates.extend((p, user) for p in sorted(base.iterdir()) if p.is_dir() and not p.name.startswith("."))
    candidates.sort(key=lambda c: (c[0].name != "core", c[1], c[0].name))
    for path, user in candidates:
        load_pack(path, catalog, user)
    catalog.sections.sort(key=lambda item: (item[1].order, item[1].id))
    return catalog


class _CachedCatalog(msgspec.Struct, array_like=True):
    """Everything load_catalog() computes, in a typed form msgspec can store and check."""

    key: str
    packs: list[tuple[schema.Manifest, str, bool]]
    categories: dict[str, schema.Category]
    category_pack: dict[str, str]
    sections: list[tuple[str, schema.CoreSection]]
    services: dict[str, schema.Service]
    service_pack: dict[str, str]
    authorities: dict[str, schema.Authority]
    labels: dict[str, dict[str, dict[str, str]]]
    errors: list[tuple[str, int | None, str | None, str]]
    templates: dict[str, tuple[str, str]]


def _to_cache(catalog: Catalog, key: str) -> bytes:
    return msgspec.msgpack.encode(_CachedCatalog(
        key=key,
        packs=[(p.manifest, str(p.path), p.user) for p in catalog.packs.values()],
        categories=catalog.categories, category_pack=catalog.category_pack,
        sections=catalog.sections, services=catalog.services, service_pack=catalog.service_pack,
        authorities=catalog.authorities, labels=catalog.labels,
        errors=[(e.file, e.line, e.field, e.message) for e in catalog.errors],
        templates={k: v for k, v in catalog.templates.sources.items() if not k.startswith("inline/")},
    ))


def _from_cache(data: bytes, key: str) -> Catalog | None:
    try:
        cached = msgspec.msgpack.decode(data, type=_CachedCatalog)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    if cached.key != key:
        return None
    catalog = Catalog(
        packs={m.id: Pack(m, Path(path), user) for m, path, user in cached.packs},
        categories=cached.categories, category_pack=cached.category_pack,
        sections=[tuple(item) for item in cached.sections], services=cached.services,
        service_pack=cached.service_pack, authorities=cached.authorities, labels=cached.labels,
        errors=[PackError(*e) for e in cached.errors],
    )
    catalog.templates.sources.update(cached.templates)
    return catalog


def cached_catalog(folders: list[Path], user_folders: list[Path]) -> Catalog:
    """load_catalog() through the per-user cache (see editor.core.cache)."""
    from .. import __version__
    from . import cache

    key = cache.fingerprint([*folders, *user_folders], __version__)
    name = "catalog-" + hashlib.sha256("|".join(map(str, [*folders, *user_folders])).encode()).hexdigest()[:16] + ".msgpack"
    catalog = None
    data = cache.read(name)
    if data is not None:
        catalog = _from_cache(data, key)
    if catalog is None:
        catalog = load_catalog(folders, user_folders)
        cache.write(name, _to_cache(catalog, key))
    bytecode = cache.bytecode_cache()
    if bytecode is not None:
        catalog.templates.use_bytecode_cache(bytecode)
    return catalog


def user_packs_dir() -> Path:
    """Per-user folder for the user's own packs (created on demand by the GUI)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("policy-editor", appauthor=False)) / "clause_packs"


def default_catalog(include_user: bool = True) -> Catalog:
    from ..resources import clause_packs_dir

    return cached_catalog([clause_packs_dir()], [user_packs_dir()] if include_user else [])
