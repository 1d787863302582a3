"""load_catalog() through the per-user cache (see editor.core.cache).

Every pack file is read first (editor.core.packfiles): their content hash is the cache key,
and the templates always come from those files, never from the cache. What the cache saves is
parsing and validating the TOML records.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import msgspec

from . import cache, schema
from .catalog import Catalog, Pack
from .packfiles import PackFiles, pack_folders, read_pack_files, user_packs_dir


class _CachedCatalog(msgspec.Struct, array_like=True):
    """Everything load_catalog() computes but the templates, typed so msgspec checks it."""

    key: str
    packs: list[tuple[schema.Manifest, str, bool]]
    categories: dict[str, schema.Category]
    category_pack: dict[str, str]
    sections: list[tuple[str, schema.CoreSection]]
    services: dict[str, schema.Service]
    service_pack: dict[str, str]
    authorities: dict[str, schema.Authority]
    providers: dict[str, schema.Provider]
    labels: dict[str, dict[str, dict[str, str]]]
    errors: list[tuple[str, int | None, str | None, str]]
    core_changes: list[tuple[str, str]]
    templates: dict[str, str]  # template name → its file; the text is read from the pack


def _key(read: dict[Path, PackFiles], folders: list[tuple[Path, bool]]) -> str:
    from .. import __version__

    from .countries import LAW_DIGEST
    from .packrules import RULES_VERSION

    digest = hashlib.sha256(f"{cache.FORMAT}|{__version__}|rules {RULES_VERSION}|{LAW_DIGEST}".encode())
    for path, user in folders:
        digest.update(f"|{path}|{user}|{read[path].digest()}".encode())
    return digest.hexdigest()


def _to_cache(catalog: Catalog, key: str) -> bytes:
    return msgspec.msgpack.encode(_CachedCatalog(
        key=key,
        packs=[(p.manifest, str(p.path), p.user) for p in catalog.packs.values()],
        categories=catalog.categories, category_pack=catalog.category_pack,
        sections=catalog.sections, services=catalog.services, service_pack=catalog.service_pack,
        authorities=catalog.authorities, providers=catalog.providers, labels=catalog.labels,
        errors=[(e.file, e.line, e.field, e.message) for e in catalog.errors],
        core_changes=catalog.core_changes,
        templates={k: filename for k, (_, filename) in catalog.templates.sources.items() if not k.startswith("inline/")},
    ))


def _from_cache(data: bytes, key: str, read: dict[Path, PackFiles]) -> Catalog | None:
    try:
        cached = msgspec.msgpack.decode(data, type=_CachedCatalog)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        return None
    if cached.key != key:
        return None
    texts = {str(files.root / rel): text for files in read.values() for rel, text in files.texts.items()}
    if not all(filename in texts for filename in cached.templates.values()):
        return None
    catalog = Catalog(
        packs={m.id: Pack(m, Path(path), user) for m, path, user in cached.packs},
        categories=cached.categories, category_pack=cached.category_pack,
        sections=[tuple(item) for item in cached.sections], services=cached.services,
        service_pack=cached.service_pack, authorities=cached.authorities, providers=cached.providers,
        labels=cached.labels,
        errors=_pack_errors(cached.errors),
        core_changes=[tuple(c) for c in cached.core_changes],
    )
    catalog.add_template_texts({name: (texts[filename], filename) for name, filename in cached.templates.items()})
    return catalog


def load_catalog(folders: list[Path], user_folders: list[Path], read: dict[Path, PackFiles]) -> Catalog:
    """packs.load_catalog, loaded on a cache miss only: a hit needs neither the pack loader nor
    its rules, TOML parser and template checks."""
    from .packs import load_catalog as load

    return load(folders, user_folders, read)


def _pack_errors(errors: list[tuple]) -> list:
    if not errors:
        return []
    from .packerrors import PackError

    return [PackError(*e) for e in errors]


def cached_catalog(folders: list[Path], user_folders: list[Path]) -> Catalog:
    candidates = pack_folders(folders, user_folders)
    read = {path: read_pack_files(path) for path, _ in candidates}
    key = _key(read, candidates)
    name = "catalog-" + hashlib.sha256("|".join(map(str, [*folders, *user_folders])).encode()).hexdigest()[:16] + ".msgpack"
    catalog = None
    data = cache.read(name)
    if data is not None:
        catalog = _from_cache(data, key, read)
    if catalog is None:
        catalog = load_catalog(folders, user_folders, read)
        cache.write(name, _to_cache(catalog, key))
    catalog.content_key = key  # what caches of things derived from the catalog key on
    return catalog


def default_catalog(include_user: bool = True) -> Catalog:
    """The bundled packs and (unless told otherwise) the user's own, through the cache."""
    from ..resources import clause_packs_dir

    return cached_catalog([clause_packs_dir()], [user_packs_dir()] if include_user else [])
