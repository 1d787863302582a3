"""What the site scanner and the policy importer hand to the user: suggestions with evidence.

Shared by editor.core.scan and editor.core.policy_import, and shaped for a dialog: every
suggestion says which service, and why (where it was seen, and what matched)."""
from __future__ import annotations

import os
import stat
import threading
from dataclasses import dataclass, field
from typing import Callable, Protocol, Union

MAX_EVIDENCE = 5  # per suggestion: enough to judge, short enough to read


class Cancelled(Exception):
    """The user cancelled; nothing was changed."""

    def __init__(self) -> None:
        super().__init__("Cancelled; nothing was changed.")


@dataclass(frozen=True)
class Evidence:
    source: str  # the file, page or HAR entry it was seen in ("index.html", "line 12")
    match: str  # what matched ("script https://…/gtag/js?id=G-…", "cookie _ga")

    def to_json(self) -> dict[str, str]:
        return {"source": self.source, "match": self.match}


@dataclass
class Suggestion:
    id: str  # service id
    name: str  # its name in the requested language
    evidence: list[Evidence] = field(default_factory=list)

    def add(self, evidence: Evidence) -> None:
        if len(self.evidence) < MAX_EVIDENCE and evidence not in self.evidence:
            self.evidence.append(evidence)


class _Flag(Protocol):
    def is_set(self) -> bool: ...


Progress = Callable[[str, int, int], None]  # (what is being done, done so far, total or 0 if unknown)
CancelFlag = Union[threading.Event, _Flag, Callable[[], bool], None]


def cancel_check(cancel: CancelFlag) -> Callable[[], None]:
    """A function that raises Cancelled once ``cancel`` (an Event or a callable) is set."""
    if cancel is None:
        return lambda: None
    test = cancel.is_set if hasattr(cancel, "is_set") else cancel

    def check() -> None:
        if test():
            raise Cancelled()
    return check


# ---------------------------------------------------------------------------------------------
# reading the user's files, bounded (shared by the scanner and the importer)

MB = 1024 * 1024


def read_capped(path: os.PathLike, limit: int, what: str, error: type[Exception]) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes — never a device, FIFO or folder,
    never more than ``limit + 1`` bytes read — or ``error`` with one plain sentence."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise error(f"{path} cannot be read ({exc.strerror or exc}).") from None
    if not stat.S_ISREG(info.st_mode):
        raise error(f"{path} is not a regular file.")
    too_big = f"Policy Editor reads {what} up to {limit // MB} MB."
    if info.st_size > limit:
        raise error(f"{path} is {info.st_size / MB:.0f} MB; {too_big}")
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise error(f"{path} cannot be read ({exc.strerror or exc}).") from None
    if len(data) > limit:
        raise error(f"{path} is larger than {limit // MB} MB; {too_big}")
    return data


def decode_text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) // 20
