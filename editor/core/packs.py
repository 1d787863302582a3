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

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

import msgspec

from . import schema
from .options import declaration_problems
from .packfiles import MAX_SERVICES, PackFiles, read_pack_files
from . import context as ctx
from .templating import TemplateStore
from .views import DATA_TYPES

if TYPE_CHECKING:
    from .composer import Composer

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
    core_changes: list[tuple[str, str]] = field(default_factory=list)  # (pack id, "label:basis.consent"), declared
    templates: TemplateStore = field(default_factory=lambda: TemplateStore(DATA_TYPES, ctx.CONTEXT))
    _composer: "Composer | None" = field(default=None, init=False, repr=False, compare=False)

    @property
    def composer(self) -> "Composer":
        """This catalog's composition state (caches with an explicit reset()): it belongs to
        the catalog whose content it caches, and goes with it."""
        if self._composer is None:
            from .composer import Composer

            self._composer = Composer(self)
        return self._composer

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


def _read_toml(files: PackFiles, rel: str, kind: type, errors: list[PackError]) -> tuple[Any, str] | None:
    text = files.get(rel)
    if text is None:
        return None
    file = files.root / rel
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        errors.append(PackError(_rel(file, files.root), int(match.group(1)) if match else None, None, f"not valid TOML: {exc}"))
        return None
    except RecursionError:
        errors.append(PackError(_rel(file, files.root), None, None, "not valid TOML: nested too deeply"))
        return None
    try:
        return msgspec.convert(raw, kind), text
    except msgspec.ValidationError as exc:
        errors.append(_validation_error(file, text, exc, files.root))
        return None
    except RecursionError:
        errors.append(PackError(_rel(file, files.root), None, None, "nested too deeply"))
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
    yield from declaration_problems(service.options)


# ---------------------------------------------------------------------------------------------


def load_pack(path: Path, catalog: Catalog, user: bool = False, files: PackFiles | None = None) -> None:
    """Load one pack folder into ``catalog``; problems go to ``catalog.errors``.

    Whatever goes wrong inside one pack — a broken file, a nesting too deep for the parser, a
    bug of ours — is reported for that pack, and the other packs load as usual."""
    files = files if files is not None else read_pack_files(path)
    try:
        _load_pack(files, catalog, user)
    except Exception as exc:  # noqa: BLE001 — one pack must never stop the others
        catalog.errors.append(PackError(path.name, None, None, f"the pack could not be loaded ({type(exc).__name__}: {exc})"))


def _load_pack(files: PackFiles, catalog: Catalog, user: bool) -> None:
    errors = catalog.errors
    path = root = files.root
    for rel, message in files.problems:
        errors.append(PackError(_rel(root / rel, root), None, None, message))
    manifest_file = path / "pack.toml"
    if files.get("pack.toml") is None:
        errors.append(PackError(_rel(manifest_file, root), None, None, "a pack needs a pack.toml manifest"))
        return
    loaded = _read_toml(files, "pack.toml", schema.Manifest, errors)
    if loaded is None:
        return
    manifest: schema.Manifest = loaded[0]
    if manifest.id in catalog.packs:
        errors.append(PackError(_rel(manifest_file, root), 1, "id", f"a pack with id '{manifest.id}' is already loaded"))
        return
    pack = Pack(manifest, path, user)
    may_change = _core_guard(catalog, manifest)
    catalog.packs[manifest.id] = pack

    if got := _read_toml(files, "categories.toml", schema.CategoryFile, errors):
        for category in got[0].category:
            if category.id not in catalog.categories:
                catalog.categories[category.id] = category
                catalog.category_pack[category.id] = manifest.id

    if got := _read_toml(files, "authorities.toml", schema.AuthorityFile, errors):
        for authority in got[0].authority:
            if may_change(f"authority:{authority.state}", "authorities.toml"):
                catalog.authorities[authority.state] = authority

    if got := _read_toml(files, "labels.toml", dict[str, schema.LabelSet], errors):
        for kind, labelset in got[0].items():
            known = catalog.labels.setdefault(kind, {"de": {}, "en": {}})
            for lang in schema.LANGUAGES:
                for code, text in getattr(labelset, lang).items():
                    if code not in known[lang] or may_change(f"label:{kind}.{code}", "labels.toml"):
                        known[lang][code] = text

    template_ok = _load_templates(pack, files, catalog)

    file = path / "sections.toml"
    if got := _read_toml(files, "sections.toml", schema.SectionFile, errors):
        for section in got[0].section:
            missing = [lang for lang in schema.LANGUAGES if (manifest.id, lang, section.template) not in template_ok]
            if missing:
                line = locate_line(got[1], ["section"]) if got[1] else None
                errors.append(PackError(_rel(file, root), line, f"section {section.id}",
                                        f"template '{section.template}' is missing or broken for {', '.join(missing)}"))
                continue
            refused = [(lang, line, message) for lang in schema.LANGUAGES for line, message in
                       ctx.refused(catalog.templates.reads(f"{manifest.id}/{lang}/{section.template}"), ctx.SECTION)]
            if refused:
                errors += [PackError(_rel(path / "templates" / lang / f"{section.template}.md.j2", root), line,
                                     f"section {section.id}", f"template {message}") for lang, line, message in refused]
                continue
            if may_change(f"section:{section.id}", "sections.toml"):
                catalog.sections[:] = [s for s in catalog.sections if s[1].id != section.id]
                catalog.sections.append((manifest.id, section))

    count = 0
    for rel in files.under("services", ".toml"):
        got = _read_toml(files, rel, schema.ServiceFile, errors)
        if got is None:
            continue
        records, text = got
        for n, service in enumerate(records.service):
            count += 1
            if count > MAX_SERVICES:
                errors.append(PackError(_rel(root / rel, root), None, None,
                                        f"the pack defines more than {MAX_SERVICES:,} services; the rest is not loaded"))
                return
            _add_service(catalog, pack, service, root / rel, text, n, template_ok)


def _core_guard(catalog: Catalog, manifest: schema.Manifest):
    """may_change(item, file) → whether this pack may change that piece of core legal text.

    The first pack loaded is the core pack and defines it. Any other pack may change a label,
    an authority or a fixed section only where its manifest names the change; each declared
    change is recorded (checks() and the DOCX review edition show it), anything else refused."""
    is_core = not catalog.packs
    declared = set(manifest.changes_core)

    def may_change(item: str, file: str) -> bool:
        if is_core:
            return True
        if item in declared:
            catalog.core_changes.append((manifest.id, item))
            return True
        catalog.errors.append(PackError(f"{manifest.id}/{file}", None, item,
                                        f"changes core legal text, which a pack must declare in pack.toml "
                                        f"(changes_core = [\"{item}\"]); the change was not applied"))
        return False
    return may_change


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
    if service.template and not problems:
        for lang in schema.LANGUAGES:
            name = f"{pack.id}/{lang}/{service.template}"
            problems += [("template", f"template '{name}', {message}")
                         for _, message in ctx.refused(catalog.templates.reads(name), ctx.SERVICE)]
    checked = [(f"purposes[{k}].when", "{{ " + p.when + " }}", ctx.CONDITION) for k, p in enumerate(service.purposes) if p.when]
    checked += [(f"{field_name}.{lang}", template_text.get(lang), ctx.TEXT if field_name == "text" else ctx.RECORD)
                for field_name, template_text in _template_texts(service) for lang in schema.LANGUAGES]
    for field_name, source, kind in checked:
        err, reads = catalog.templates.check(source)
        problems += [(field_name, err)] if err else [(field_name, message) for _, message in ctx.refused(reads, kind)]
    if problems:
        for field_name, message in problems:
            parts = ["service", n, *_parse_path("." + field_name)]
            catalog.errors.append(PackError(_rel(file, root), locate_line(text, parts), f"{service.id}.{field_name}", message))
        return
    catalog.services[service.id] = service
    catalog.service_pack[service.id] = pack.id


def _load_templates(pack: Pack, files: PackFiles, catalog: Catalog) -> set[tuple[str, str, str]]:
    """Check and add the pack's templates; (pack, lang, stem) of those that may be used.

    A template must read only names declared in context.CONTEXT; a category template (and the
    generic ``service``) only those a service template sees. Section templates are checked
    against what a section sees when sections.toml names them."""
    ok: set[tuple[str, str, str]] = set()
    store = catalog.templates
    for lang in schema.LANGUAGES:
        for rel in files.under(f"templates/{lang}", ".md.j2"):
            file = pack.path / rel
            stem = file.name[: -len(".md.j2")]
            err = store.add(pack.id, lang, stem, files.texts[rel], str(file))
            if err:
                match = re.search(r"line (\d+)", err)
                catalog.errors.append(PackError(_rel(file, pack.path), int(match.group(1)) if match else None, None, err))
                continue
            kind = ctx.SERVICE if stem == "service" or stem.startswith("category-") else None
            refused = ctx.refused(store.own_reads(f"{pack.id}/{lang}/{stem}")[0], kind)
            if refused:
                catalog.errors += [PackError(_rel(file, pack.path), line, None, f"template {message}") for line, message in refused]
                store.remove(pack.id, lang, stem)
                continue
            ok.add((pack.id, lang, stem))
    return ok


def pack_folders(folders: Iterable[Path], user_folders: Iterable[Path] = ()) -> list[tuple[Path, bool]]:
    """(pack folder, is a user pack) in load order: the core pack first, so other packs may
    use its categories; then bundled before user packs, each by name."""
    candidates: list[tuple[Path, bool]] = []
    for base, user in [(f, False) for f in folders] + [(f, True) for f in user_folders]:
        try:
            entries = sorted(base.iterdir()) if base.is_dir() else []
        except OSError:
            entries = []
        candidates.extend((p, user) for p in entries if p.is_dir() and not p.name.startswith("."))
    candidates.sort(key=lambda c: (c[0].name != "core", c[1], c[0].name))
    return candidates


def load_catalog(folders: Iterable[Path], user_folders: Iterable[Path] = (),
                 read: dict[Path, PackFiles] | None = None) -> Catalog:
    """Load every pack under the given folders (each folder holds pack folders); ``read``
    holds pack files read already (the cache reads them to compute its key)."""
    catalog = Catalog()
    for path, user in pack_folders(folders, user_folders):
        load_pack(path, catalog, user, (read or {}).get(path))
    catalog.sections.sort(key=lambda item: (item[1].order, item[1].id))
    return catalog


def user_packs_dir() -> Path:
    """Per-user folder for the user's own packs (created on demand by the GUI)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("policy-editor", appauthor=False)) / "clause_packs"
