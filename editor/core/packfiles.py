"""Reading a pack folder from disk, defensively (packs may come from third parties).

Every file of a pack is read once, here, into memory: the loader parses these texts and the
per-user cache is keyed by their content hash, so what is hashed is exactly what is loaded.
``pack_stamp`` tells without reading whether the files are still those an entry was made from.
Only regular files inside the pack are read (a link may point elsewhere in the pack, never out
of it), each with a size limit, so a link to ``/etc/passwd``, ``/dev/zero`` or a FIFO becomes a
pack error instead of a leaked file, an exhausted memory or a hang.
"""
from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Iterable, Iterator

import msgspec

MAX_FILE_BYTES = 2 * 1024 * 1024  # the largest bundled file is ~100 KB
MAX_PACK_BYTES = 32 * 1024 * 1024
MAX_PACK_FILES = 2_000
MAX_SERVICES = 5_000  # per pack
READ_SUFFIXES = (".toml", ".md.j2")


class PackFiles(msgspec.Struct):  # a Struct: a dataclass cost ~0.4 ms of every start
    """The texts of one pack folder, by path relative to it ("services/hosting.toml")."""

    root: Path
    texts: dict[str, str] = msgspec.field(default_factory=dict)
    problems: list[tuple[str, str]] = msgspec.field(default_factory=list)  # (relative path, message)

    def get(self, rel: str) -> str | None:
        return self.texts.get(rel)

    def under(self, folder: str, suffix: str) -> list[str]:
        """Relative paths directly inside ``folder`` ending in ``suffix``, sorted."""
        prefix = folder.rstrip("/") + "/"
        return sorted(p for p in self.texts if p.startswith(prefix) and "/" not in p[len(prefix):] and p.endswith(suffix))

    def digest(self) -> str:
        h = hashlib.sha256()
        for rel in sorted(self.texts):
            data = self.texts[rel].encode("utf-8", "surrogatepass")
            h.update(f"{rel}\0{len(data)}\0".encode())
            h.update(data)
        for rel, message in self.problems:
            h.update(f"!{rel}\0{message}\0".encode())
        return h.hexdigest()


def _walk(root: Path, problems: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """(relative path, path) of every file of a pack that is read, in load order: TOML and
    templates, no hidden files or folders; a folder that cannot be listed is a problem."""
    base = os.fspath(root)
    for folder, dirs, names in os.walk(base, onerror=lambda exc: problems.append((".", f"cannot list a folder ({exc.strerror})"))):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        # string paths: pathlib for each of a pack's files costs more than reading them
        prefix = "" if folder == base else os.path.relpath(folder, base).replace(os.sep, "/") + "/"
        for name in sorted(names):
            if not name.startswith(".") and name.endswith(READ_SUFFIXES):
                yield prefix + name, os.path.join(folder, name)


def read_pack_files(root: Path) -> PackFiles:
    """Every pack file (TOML and templates) below ``root``; problems are collected, not raised."""
    files = PackFiles(root)
    try:
        real_root = Path(os.path.realpath(root))
    except OSError as exc:
        files.problems.append((".", f"cannot read the pack folder ({exc.strerror or exc})"))
        return files
    total = 0
    for rel, path in _walk(root, files.problems):
        if len(files.texts) + len(files.problems) >= MAX_PACK_FILES:
            files.problems.append((rel, f"the pack has more than {MAX_PACK_FILES} files; the rest is not loaded"))
            return files
        try:
            text = _read_regular_file(path, real_root)
        except PackFileError as exc:
            files.problems.append((rel, str(exc)))
            continue
        total += len(text)
        if total > MAX_PACK_BYTES:
            files.problems.append((rel, f"the pack is larger than {MAX_PACK_BYTES // 2**20} MiB; the rest is not loaded"))
            return files
        files.texts[rel] = text
    files.problems += [(rel, "is a link to a folder; packs may not link folders") for rel in _linked_folders(root)]
    return files


def _linked_folders(root: Path) -> list[str]:
    """The linked folders in a pack (os.walk does not enter them, so their files are not read)."""
    return [(Path(folder) / d).relative_to(root).as_posix()
            for folder, dirs, _ in os.walk(root) for d in dirs if (Path(folder) / d).is_symlink()]


# The newest change time a file may have for its stamp to be trusted, before the moment the
# stamp is taken: file times advance in ticks (a few ms on Linux, 2 s on FAT), and a second
# edit within the tick of the first keeps its time. Git calls such a file "racily clean".
STAMP_SLACK_NS = 3_000_000_000


def pack_stamp(root: Path, now_ns: int) -> str | None:
    """What the files of a pack folder look like from outside, without reading them: each read
    file's path, size, modification and change time, inode and device, hashed (Python's own
    .pyc check uses size and modification time). Any edit, also one that keeps the size or
    puts the modification time back, changes the change time; adding, removing or replacing a
    file changes the list or the inode (Windows' st_ctime is the creation time, hence the
    modification time too). None — read the files to know — when the stamp cannot tell: a file
    changed within STAMP_SLACK_NS of ``now_ns`` (taken before the stamp), a link, a folder that
    cannot be listed."""
    h = hashlib.sha256()
    problems: list[tuple[str, str]] = []
    for rel, path in _walk(root, problems):
        try:
            info = os.lstat(path)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode) or max(info.st_mtime_ns, info.st_ctime_ns) > now_ns - STAMP_SLACK_NS:
            return None
        h.update(f"{rel}\0{info.st_size}|{info.st_mtime_ns}|{info.st_ctime_ns}|{info.st_ino}|{info.st_dev}\0".encode())
    if problems or _linked_folders(root):
        return None
    return h.hexdigest()


class PackFileError(Exception):
    pass


def _read_regular_file(path: str, real_root: Path) -> str:
    # os.walk does not enter linked folders, so only a link as the file itself can lead
    # elsewhere: open the path without following one (most files: no realpath needed); a link
    # (the open fails) is resolved and must stay inside the pack
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    flags = os.O_RDONLY | os.O_NONBLOCK | nofollow  # O_NONBLOCK: a FIFO must not wait for a writer
    try:
        fd = os.open(path, flags) if nofollow else None
    except OSError:
        fd = None  # a link, or unreadable: the careful way below decides and words the error
    if fd is None:
        real = Path(os.path.realpath(path))
        if not real.is_relative_to(real_root):
            raise PackFileError("links to a file outside the pack, which packs may not do")
        try:
            fd = os.open(real, flags)
        except OSError as exc:
            raise PackFileError(f"cannot read the file ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise PackFileError("is not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise PackFileError(f"is larger than {MAX_FILE_BYTES // 2**20} MiB")
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise PackFileError(f"is larger than {MAX_FILE_BYTES // 2**20} MiB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackFileError(f"is not UTF-8 text (byte {exc.start})") from None


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


def user_packs_dir() -> Path:
    """Per-user folder for the user's own packs (created on demand by the GUI)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("policy-editor", appauthor=False)) / "clause_packs"
