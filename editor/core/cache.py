"""The per-user cache that makes the second start fast: the validated catalog, as typed data.

It holds nothing that deserialises to code (no pickle, no marshalled template bytecode).
Each entry is keyed by the content hash of every pack file and the app version (a catalog
entry is also found by its files' stamp, see editor.core.catalog_cache), so an edited pack is
loaded afresh even when its size and date stay the same, and is signed with a secret
kept in the per-user data folder, so a file planted in the cache folder is not taken for ours.
A missing, damaged, forged, unreadable or unwritable entry can only ever cost time.
POLICY_EDITOR_CACHE_DIR overrides the folder; "off" disables caching.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from .atomic import write_atomic

FORMAT = 5  # bump when the cached data's shape changes
MAGIC = b"PECACHE3"
_SIG = hashlib.sha256().digest_size


def cache_dir() -> Path | None:
    override = os.environ.get("POLICY_EDITOR_CACHE_DIR")
    if override == "off":
        return None
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("policy-editor", appauthor=False))


def _secret() -> bytes | None:
    """A per-user random key, kept outside the cache folder (created on first use)."""
    import platformdirs

    path = Path(platformdirs.user_data_dir("policy-editor", appauthor=False)) / "cache.key"
    try:
        data = path.read_bytes()
        if len(data) == 32:
            return data
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, secrets.token_bytes(32), mode=0o600)
        data = path.read_bytes()
        return data if len(data) == 32 else None
    except OSError:
        return None


def read(name: str) -> bytes | None:
    """The payload of a cache entry, or None when it is missing or fails verification."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / name, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    secret = _secret()
    if secret is None or not data.startswith(MAGIC) or len(data) < len(MAGIC) + _SIG:
        return None
    signature, payload = data[len(MAGIC):len(MAGIC) + _SIG], data[len(MAGIC) + _SIG:]
    if not hmac.compare_digest(signature, hmac.new(secret, payload, hashlib.sha256).digest()):
        return None
    return payload


def write(name: str, payload: bytes) -> None:
    folder = cache_dir()
    secret = _secret() if folder is not None else None
    if folder is None or secret is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / name, MAGIC + hmac.new(secret, payload, hashlib.sha256).digest() + payload, durable=False)
    except OSError:
        pass  # a read-only home or a full disk must not stop the app
