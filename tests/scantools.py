"""Shared by the scanner and importer tests: a failure must be one plain sentence, quickly; a
web server on this machine (127.0.0.1 only) for the scans that fetch."""
from __future__ import annotations

import contextlib
import http.server
import threading
import time
from typing import Iterator

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


@contextlib.contextmanager
def local_site(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` on 127.0.0.1 at a free port; yields the base address ("http://127.0.0.1:port")."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
