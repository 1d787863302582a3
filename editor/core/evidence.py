"""What the site scanner and the policy importer hand to the user: suggestions with evidence.

Shared by editor.core.scan and editor.core.policy_import, and shaped for a dialog: every
suggestion says which service, and why (where it was seen, and what matched)."""
from __future__ import annotations

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
