"""Shared by the scanner and importer tests: a failure must be one plain sentence, quickly."""
from __future__ import annotations

import time

import pytest


def fails_plainly(error: type[Exception], call, expected: str, within: float = 8.0) -> str:
    """Run ``call``; it must raise ``error`` with one sentence containing ``expected``, in time."""
    started = time.monotonic()
    with pytest.raises(error) as info:
        call()
    message = str(info.value)
    assert expected in message and "\n" not in message, message
    assert time.monotonic() - started < within
    return message
