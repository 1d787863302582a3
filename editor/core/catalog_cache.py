"""load_catalog() through the per-user cache (see editor.core.cache).

An entry holds the validated catalog with its templates' texts, the content key (the hash of
every pack file it was loaded from, with the versions of app, rules and law) and the files'
stamp (editor.core.packfiles.pack_stamp: their sizes, times and inodes, taken before they were
read). A start whose files have that stamp still uses the entry without reading a pack file.
That is safe because the entry was written from the content itself — read, hashed and
validated on a miss — and any change of a file since (an edit, also one keeping size and
modification time, or a file added, removed or replaced) changes the stamp; files too fresh
for their times to tell, links and unlistable folders have no stamp. Then the files are read
and hashed as before: the same content key keeps the entry (with the new stamp), another one
loads the packs afresh.
"""
from __future__ import annotations

import hashlib
import time
from pathlib import Path

import msgspec

from . import cache, schema
from .catalog import Catalog, Pack
from .packfiles import PackFiles, pack_folders, pack_stamp, read_pack_files, user_packs_dir


class _CachedCatalog(msgspec.Struct, array_like=True):
    """Everything load_catalog() computes, typed so msgspec checks it."""

    key: str
    stamp: str  # the pack files' stamp when they were read; "" when they had none
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
    templates: dict[str, tuple[str, str]]  # template name → (text, file) as read with the records


def _versions() -> str:
    """What besides the pack files decides what a load makes of them."""
    from .. import __version__

    from .countries import LAW_DIGEST
    from .packrules import RULES_VERSION

    return f"{cache.FORMAT}|{__version__}|rules {RULES_VERSION}|{LAW_DIGEST}"


def _key(read: dict[Path, PackFiles], folders: list[tuple[Path, bool]]) -> str:
    digest = hashlib.sha256(_versions().encode())
    for path, user in folders:
        digest.update(f"|{path}|{user}|{read[path].digest()}".encode())
    return digest.hexdigest()


def _stamp(folders: list[tuple[Path, bool]]) -> str:
    """The stamp of every pack folder's files, or "" when one of them has none."""
    now = time.time_ns()  # before any file is looked at (see pack_stamp)
    digest = hashlib.sha256(_versions().encode())
    for path, user in folders:
        stamp = pack_stamp(path, now)
        if stamp is None:
            return ""
        digest.update(f"|{path}|{user}|{stamp}".encode())
    return digest.hexdigest()


def _to_cache(catalog: Catalog, key: str, stamp: str) -> bytes:
    return msgspec.msgpack.encode(_CachedCatalog(
        key=key, stamp=stamp,
        packs=[(p.manifest, str(p.path), p.user) for p in catalog.packs.values()],
        categories=catalog.categories, category_pack=catalog.category_pack,
        sections=catalog.sections, services=catalog.services, service_pack=catalog.service_pack,
        authorities=catalog.authorities, providers=catalog.providers, labels=catalog.labels,
        errors=[(e.file, e.line, e.field, e.message) for e in catalog.errors],
        core_changes=catalog.core_changes,
        templates={k: source for k, source in catalog.templates.sources.items() if not k.startswith("inline/")},
    ))


def _decode(data: bytes) -> _CachedCatalog | None:
    try:
        return msgspec.msgpack.decode(data, type=_CachedCatalog)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        return None


def _from_cache(cached: _CachedCatalog) -> Catalog:
    catalog = Catalog(
        packs={m.id: Pack(m, Path(path), user) for m, path, user in cached.packs},
        categories=cached.categories, category_pack=cached.category_pack,
        sections=[tuple(item) for item in cached.sections], services=cached.services,
        service_pack=cached.service_pack, authorities=cached.authorities, providers=cached.providers,
        labels=cached.labels,
        errors=_pack_errors(cached.errors),
        core_changes=[tuple(c) for c in cached.core_changes],
    )
    catalog.add_template_texts(cached.templates)
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
    stamp = _stamp(candidates)
    name = "catalog-" + hashlib.sha256("|".join(map(str, [*folders, *user_folders])).encode()).hexdigest()[:16] + ".msgpack"
    data = cache.read(name)
    cached = None if data is None else _decode(data)
    if cached is not None and stamp and cached.stamp == stamp:
        key = cached.key  # the files are as they were when this entry was made from them
    else:
        read = {path: read_pack_files(path) for path, _ in candidates}
        key = _key(read, candidates)
        if cached is None or cached.key != key:
            catalog = load_catalog(folders, user_folders, read)
            cache.write(name, _to_cache(catalog, key, stamp))
            catalog.content_key = key
            return catalog
        if stamp:  # the same content (e.g. files touched or checked out again): stamped anew
            cache.write(name, msgspec.msgpack.encode(msgspec.structs.replace(cached, stamp=stamp)))
    catalog = _from_cache(cached)
    catalog.content_key = key  # what caches of things derived from the catalog key on
    return catalog


def default_catalog(include_user: bool = True) -> Catalog:
    """The bundled packs and (unless told otherwise) the user's own, through the cache."""
    from ..resources import clause_packs_dir

    return cached_catalog([clause_packs_dir()], [user_packs_dir()] if include_user else [])
