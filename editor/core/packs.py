"""Load and validate clause packs into a Catalog.

A pack is a folder::

    pack.toml            manifest: id, version, title (de/en), licence
    categories.toml      [[category]] records (optional)
    sections.toml        [[section]] fixed sections with templates (optional)
    authorities.toml     [[authority]] supervisory authorities (optional)
    providers.toml       [[provider]] records services name by id (optional)
    services/*.toml      [[service]] records (optional)
    templates/de/*.md.j2, templates/en/*.md.j2   Markdown + Jinja2, run sandboxed

Every problem becomes a PackError with file, line and field; a broken pack (or a broken file
inside one) never stops the others from loading.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from . import context as ctx
from . import schema
from .catalog import Catalog, Pack
from .packerrors import PackError, locate_line, parse_path, read_toml, shown_path
from .document import missing_document_labels
from .packfiles import MAX_SERVICES, PackFiles, pack_folders, read_pack_files
from .inherit import provider_problems, resolve
from . import packrules
from .servicerules import service_problems, task_problems, template_texts

__all__ = ["Catalog", "Pack", "PackError", "load_catalog", "load_pack", "locate_line"]
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
        errors.append(PackError(shown_path(root / rel, root), None, None, message))
    manifest_file = path / "pack.toml"
    if files.get("pack.toml") is None:
        errors.append(PackError(shown_path(manifest_file, root), None, None, "a pack needs a pack.toml manifest"))
        return
    loaded = read_toml(files, "pack.toml", schema.Manifest, errors)
    if loaded is None:
        return
    manifest: schema.Manifest = loaded[0]
    if manifest.id in catalog.packs:
        errors.append(PackError(shown_path(manifest_file, root), 1, "id", f"a pack with id '{manifest.id}' is already loaded"))
        return
    pack = Pack(manifest, path, user)
    may_change = _core_guard(catalog, manifest)
    catalog.packs[manifest.id] = pack

    if got := read_toml(files, "categories.toml", schema.CategoryFile, errors):
        for n, category in enumerate(got[0].category):
            if found := [*packrules.category_problems(category), *task_problems(category.tasks, None)]:
                errors += [PackError(shown_path(path / "categories.toml", root), locate_line(got[1], ["category", n, f.split(".")[0]]),
                                     f"category {category.id}.{f}", m) for f, m in found]
                continue
            if category.id not in catalog.categories:
                catalog.categories[category.id] = category
                catalog.category_pack[category.id] = manifest.id

    if got := read_toml(files, "providers.toml", schema.ProviderFile, errors):
        for n, provider in enumerate(got[0].provider):
            problems = list(provider_problems(provider))
            if provider.id in catalog.providers:
                problems.append(("id", f"provider '{provider.id}' is already defined"))
            for field_name, message in problems:
                catalog.errors.append(PackError(shown_path(path / "providers.toml", root),
                                                locate_line(got[1], ["provider", n, *parse_path("." + field_name)]),
                                                f"{provider.id}.{field_name}", message))
            if not problems:
                catalog.providers[provider.id] = provider
    if got := read_toml(files, "authorities.toml", schema.AuthorityFile, errors):
        for authority in got[0].authority:
            if may_change(f"authority:{authority.state}", "authorities.toml"):
                catalog.authorities[authority.state] = authority

    if got := read_toml(files, "labels.toml", dict[str, schema.LabelSet], errors):
        for kind, labelset in got[0].items():
            known = catalog.labels.setdefault(kind, {"de": {}, "en": {}})
            refused = _label_findings(catalog, files, kind, labelset)
            for lang in schema.LANGUAGES:
                for code, text in getattr(labelset, lang).items():
                    if code in refused:
                        continue
                    if code not in known[lang] or may_change(f"label:{kind}.{code}", "labels.toml"):
                        known[lang][code] = text
    if len(catalog.packs) == 1:  # the core pack defines the document's own wording: all of it, in both languages
        errors.extend(PackError(shown_path(path / "labels.toml", root), None, f"document.{lang}", f"the document label '{key}' is missing")
                      for lang, key in missing_document_labels(catalog.labels))

    template_ok = _load_templates(pack, files, catalog)

    file = path / "sections.toml"
    if got := read_toml(files, "sections.toml", schema.SectionFile, errors):
        for n, section in enumerate(got[0].section):
            findings = [(f"title.{lang}", m) for lang in schema.LANGUAGES for _, m in packrules.text_problems(section.title.get(lang))]
            findings += [("title", m) for m in packrules.language_parity(section.title.de, section.title.en)]
            if findings:
                errors += [PackError(shown_path(file, root), locate_line(got[1], ["section", n, "title"]), f"section {section.id}.{f}", m)
                           for f, m in findings]
                continue
            missing = [lang for lang in schema.LANGUAGES if (manifest.id, lang, section.template) not in template_ok]
            if missing:
                line = locate_line(got[1], ["section"]) if got[1] else None
                errors.append(PackError(shown_path(file, root), line, f"section {section.id}",
                                        f"template '{section.template}' is missing or broken for {', '.join(missing)}"))
                continue
            refused = [(lang, line, message) for lang in schema.LANGUAGES for line, message in
                       ctx.refused(catalog.templates.reads(f"{manifest.id}/{lang}/{section.template}"), ctx.SECTION)]
            if refused:
                errors += [PackError(shown_path(path / "templates" / lang / f"{section.template}.md.j2", root), line,
                                     f"section {section.id}", f"template {message}") for lang, line, message in refused]
                continue
            if may_change(f"section:{section.id}", "sections.toml"):
                catalog.sections[:] = [s for s in catalog.sections if s[1].id != section.id]
                catalog.sections.append((manifest.id, section))

    count = 0
    for rel in files.under("services", ".toml"):
        got = read_toml(files, rel, schema.ServiceFile, errors)
        if got is None:
            continue
        records, text = got
        for n, service in enumerate(records.service):
            count += 1
            if count > MAX_SERVICES:
                errors.append(PackError(shown_path(root / rel, root), None, None,
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


# options.name, options["name"], options.get("name") in an option expression
_OPTION_NAME = re.compile(r"""\boptions(?:\.get\(\s*['"](\w+)['"]|\[\s*['"](\w+)['"]\s*\]|\.(\w+)\b(?!\s*\())""")


def _unknown_options(expression: str, service: schema.Service) -> list[str]:
    """A condition naming an option the service does not have would silently never (or always)
    hold: name it."""
    known = {o.id for o in service.options}
    named = {next(g for g in m.groups() if g) for m in _OPTION_NAME.finditer(expression)}
    return [f"'{name}' is not an option of this service (its options: {', '.join(sorted(known)) or 'none'})"
            for name in sorted(named - known)]


def _add_service(catalog: Catalog, pack: Pack, service: schema.Service, file: Path, text: str, n: int,
                 template_ok: set) -> None:
    root = pack.path
    service, problems = resolve(service, catalog.categories.get(service.category), catalog.providers)
    if problems:  # the rules below read the complete record
        _report(catalog, service, problems, file, root, text, n)
        return
    problems = list(service_problems(service))
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
    checked = [(f"purposes[{k}].when", ctx.condition_template(p.when), ctx.CONDITION) for k, p in enumerate(service.purposes) if p.when]
    checked += [(f"requires[{k}].when", ctx.condition_template(r.when), ctx.CONDITION) for k, r in enumerate(service.requires) if r.when]
    checked += [(f"data.conditional[{k}].when", ctx.condition_template(c.when), ctx.CONDITION)
                for k, c in enumerate(service.data.conditional)]
    checked += [(f"tasks[{k}].when", ctx.condition_template(t.when), ctx.CONDITION) for k, t in enumerate(service.tasks) if t.when]
    if service.device_access_when:
        checked.append(("device_access_when", ctx.condition_template(service.device_access_when), ctx.CONDITION))
    checked += [(f"{field_name}.{lang}", template_text.get(lang), ctx.TEXT if field_name == "text" else ctx.RECORD)
                for field_name, template_text in template_texts(service) for lang in schema.LANGUAGES]
    for field_name, source, kind in checked:
        err, reads = catalog.templates.check(source)
        found = [err] if err else [message for _, message in ctx.refused(reads, kind)]
        if not found and kind == ctx.CONDITION:  # one message per condition: the first thing wrong
            found = _unknown_options(source, service)
        problems += [(field_name, message) for message in found]
    if problems:
        _report(catalog, service, problems, file, root, text, n)
        return
    catalog.services[service.id] = service
    catalog.service_pack[service.id] = pack.id


def _report(catalog: Catalog, service: schema.Service, problems: list[tuple[str, str]], file: Path, root: Path,
            text: str, n: int) -> None:
    for field_name, message in problems:
        parts = ["service", n, *parse_path("." + field_name)]
        line = packrules.finding_line(text, locate_line(text, parts), message)
        catalog.errors.append(PackError(shown_path(file, root), line, f"{service.id}.{field_name}", message))


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
                catalog.errors.append(PackError(shown_path(file, pack.path), int(match.group(1)) if match else None, None, err))
                continue
            found = packrules.text_problems(files.texts[rel])
            if found:  # outdated law or an http link: the template is not used
                catalog.errors += [PackError(shown_path(file, pack.path), offset + 1, None, message) for offset, message in found]
                store.remove(pack.id, lang, stem)
                continue
            kind = ctx.SERVICE if stem == "service" or stem.startswith("category-") else None
            refused = ctx.refused(store.own_reads(f"{pack.id}/{lang}/{stem}")[0], kind)
            if refused:
                catalog.errors += [PackError(shown_path(file, pack.path), line, None, f"template {message}") for line, message in refused]
                store.remove(pack.id, lang, stem)
                continue
            ok.add((pack.id, lang, stem))
    for rel in files.under("templates/de", ".md.j2"):  # German and English alike: a warning, see packrules
        en = rel.replace("templates/de/", "templates/en/", 1)
        if en in files.texts:
            catalog.errors += [PackError(shown_path(pack.path / en, pack.path), None, None, message)
                               for message in packrules.template_pair_warnings(files.texts[rel], files.texts[en])]
    return ok


def _label_findings(catalog: Catalog, files: PackFiles, kind: str, labelset: schema.LabelSet) -> set[str]:
    """Report the text rules' findings on one label kind; the codes whose labels are refused."""
    text = files.get("labels.toml") or ""
    refused: set[str] = set()
    for lang, other in (("de", labelset.en), ("en", None)):
        for code, message in packrules.label_problems(getattr(labelset, lang), other):
            line = packrules.finding_line(text, locate_line(text, [f"{kind}.{lang}", code]), message)
            catalog.errors.append(PackError(shown_path(files.root / "labels.toml", files.root), line, f"{kind}.{lang}.{code}", message))
            refused.add(code)
    return refused


def load_catalog(folders: Iterable[Path], user_folders: Iterable[Path] = (),
                 read: dict[Path, PackFiles] | None = None) -> Catalog:
    """Load every pack under the given folders (each folder holds pack folders); ``read``
    holds pack files read already (the cache reads them to compute its key)."""
    catalog = Catalog()
    for path, user in pack_folders(folders, user_folders):
        load_pack(path, catalog, user, (read or {}).get(path))
    catalog.sections.sort(key=lambda item: (item[1].order, item[1].id))
    return catalog
