"""A per-user cache that makes the second start fast: the validated catalog (msgpack, typed)
and Jinja2's compiled template bytecode.

Entries are keyed by a fingerprint of every pack file (path, size, modification time) and the
app version, so an edited pack is simply loaded afresh. A damaged or unreadable cache is
ignored — it can only ever cost time, never correctness. POLICY_EDITOR_CACHE_DIR overrides the
folder; setting it to "off" disables caching.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Iterable

FORMAT = 2  # bump when the cached data's shape changes


def cache_dir() -> Path | None:
    override = os.environ.get("POLICY_EDITOR_CACHE_DIR")
    if override == "off":
        return None
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("policy-editor", appauthor=False))


def fingerprint(folders: Iterable[Path], version: str) -> str:
    digest = hashlib.sha256(f"{FORMAT}|{version}".encode())
    for folder in folders:
        digest.update(f"|{folder}".encode())
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"|{path.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def read(name: str) -> bytes | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return (folder / name).read_bytes()
    except OSError:
        return None


def write(name: str, data: bytes) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, folder / name)
    except OSError:
        pass  # a read-only home or a full disk must not stop the app


def bytecode_cache():
    """Jinja2's own bytecode cache in our folder, or None when caching is off."""
    folder = cache_dir()
    if folder is None:
        return None
    from jinja2 import FileSystemBytecodeCache

    try:
        (folder / "jinja").mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder / "jinja"))
