"""Atomic file writes: the one helper every writer of user data goes through.

``write_atomic(path, data)`` leaves either the old or the new content at ``path``, never a mix:
the bytes go to a temporary sibling (``.<name>.<pid>-<random>.tmp``), are flushed to disk and
then renamed over the target. Around that:

- a symlink stays a symlink: its final target is written, with the temporary file in the
  target's folder (a rename works only within one file system);
- a target that is not a regular file (folder, FIFO, device such as /dev/full, socket) is
  refused before anything is opened, so a FIFO never blocks the caller;
- a read-only file is not replaced unless the caller says so (``replace_readonly``);
- temporary files left behind by a killed process are removed on the next write to the same
  target, so they never pile up.

Pure standard library, no Qt: used by the project file, the GUI's autosave and the cache.
"""
from __future__ import annotations

import errno
import hashlib
import os
import secrets
import stat
import time
from pathlib import Path
from typing import NamedTuple

TEMP_SUFFIX = ".tmp"
_PROCESS_START = time.time()  # a temporary file older than this process is not ours in flight


class NotAFileError(OSError):
    """The target exists but is a folder, FIFO, device or socket; ``kind`` says which ("folder",
    "fifo", "device" or "other"), for messages in other languages."""

    _WORDS = {"folder": "it is a folder", "fifo": "it is a pipe (FIFO)", "device": "it is a device"}

    def __init__(self, kind: str, path: str) -> None:
        super().__init__(errno.EINVAL, f"{self._WORDS.get(kind, 'it is something else')}, not a file", path)
        self.kind = kind


class ReadOnlyError(PermissionError):
    """The target is a read-only file and the caller did not allow replacing it."""


class Fingerprint(NamedTuple):
    """What a file looked like: to notice that another program changed it."""

    size: int
    mtime_ns: int
    sha256: str

    def same_content(self, other: "Fingerprint | None") -> bool:
        return other is not None and (self.size, self.sha256) == (other.size, other.sha256)


def fingerprint_of(data: bytes, st: os.stat_result) -> Fingerprint:
    return Fingerprint(st.st_size, st.st_mtime_ns, hashlib.sha256(data).hexdigest())


def fingerprint(path: str | os.PathLike[str], known: Fingerprint | None = None) -> Fingerprint | None:
    """The file's fingerprint, None when it does not exist. With ``known``, an unchanged size
    and modification time are trusted without reading the file again."""
    st = regular_stat(path)
    if st is None:
        return None
    if known is not None and (st.st_size, st.st_mtime_ns) == (known.size, known.mtime_ns):
        return known
    with open(path, "rb") as handle:
        data = handle.read()
    return fingerprint_of(data, st)


def real_target(path: str | os.PathLike[str]) -> Path:
    """The file a write really replaces: symbolic links followed to their end."""
    return Path(os.path.realpath(path))


def regular_stat(path: str | os.PathLike[str]) -> os.stat_result | None:
    """stat() of ``path`` (links followed); None if it does not exist; NotAFileError if it is
    anything but a regular file. Call this before opening: opening a FIFO blocks."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(st.st_mode):
        kind = ("folder" if stat.S_ISDIR(st.st_mode) else "fifo" if stat.S_ISFIFO(st.st_mode)
                else "device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "other")
        raise NotAFileError(kind, str(path))
    return st


def is_read_only(st: os.stat_result) -> bool:
    """Read-only by its permission bits (checked on the bits, not os.access: root may write anything)."""
    return not st.st_mode & stat.S_IWUSR


def default_mode() -> int:
    """What the umask gives a new file (mkstemp would give 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None,
                 replace_readonly: bool = False, durable: bool = True) -> Path:
    """Replace ``path`` by ``data`` atomically; returns the file really written (links followed).

    ``mode`` defaults to the existing file's permissions, or the umask's for a new file. With
    ``durable`` the data and the folder entry are flushed to disk (fsync) before returning."""
    target = real_target(path)
    st = regular_stat(target)
    if st is not None and is_read_only(st) and not replace_readonly:
        raise ReadOnlyError(errno.EACCES, "the file is read-only", str(target))
    if mode is None:
        mode = st.st_mode & 0o7777 if st is not None else default_mode()
    clean_stale_temps(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        try:
            _write_all(fd, data)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if durable:
        fsync_dir(target.parent)
    return target


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def temp_files(target: Path) -> list[Path]:
    """Temporary siblings that writes of ``target`` (and of its backup) create."""
    prefix = f".{target.name}."
    try:
        names = os.listdir(target.parent)
    except OSError:
        return []
    return [target.parent / n for n in names if n.startswith(prefix) and n.endswith(TEMP_SUFFIX)]


def clean_stale_temps(target: Path) -> None:
    """Remove temporary files a killed or crashed write of ``target`` left behind: those older
    than this process, or (POSIX) whose writing process is gone. A live write is left alone."""
    for tmp in temp_files(target):
        try:
            st = os.lstat(tmp)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        if st.st_mtime < _PROCESS_START or not _writer_alive(tmp.name):
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _writer_alive(name: str) -> bool:
    """False when the name carries the pid of a process that no longer exists (POSIX only;
    on Windows os.kill would terminate the process)."""
    if os.name != "posix":
        return True
    middle = name[: -len(TEMP_SUFFIX)].rsplit(".", 1)[-1]
    pid_text = middle.split("-", 1)[0]
    if not pid_text.isdigit():
        return True
    pid = int(pid_text)
    if pid == os.getpid():
        return True  # possibly a write of ours in another thread; an earlier process with this pid is older than us
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
