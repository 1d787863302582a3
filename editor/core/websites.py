"""The project's website addresses: what the user typed, made into an address (https:// where
none was typed) and judged (a finding names one that cannot be an address; nothing crashes)."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
# a host name: labels of letters (any script), digits and hyphens, separated by dots, ending in a
# top-level domain of letters (or punycode); or "localhost"-like names are refused on purpose
_HOST = re.compile(r"^(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+(?:[^\W\d_]{2,63}|xn--[a-z0-9-]{1,59})$", re.IGNORECASE)


def normalize(text: str) -> str:
    """``text`` as an address: trimmed, with https:// when it names no scheme ("www.example.de"
    → "https://www.example.de"); "" for an empty text. Anything else is left as typed."""
    text = (text or "").strip()
    if not text:
        return ""
    if text.startswith("//"):
        return "https:" + text
    if _SCHEME.match(text) and not re.match(r"^[^:/]+:\d", text):  # "example.de:8080" has no scheme
        return text
    return "https://" + text


def problem(text: str) -> str | None:
    """Why ``text`` (as normalize makes it) is no web address, in English for the finding's
    wording key: "scheme", "host", "space"; None when it is fine."""
    url = normalize(text)
    if not url:
        return None
    if any(c.isspace() for c in url):
        return "space"
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 — raises ValueError for a port that is no number
    except ValueError:
        return "host"
    if parts.scheme.lower() not in ("http", "https"):
        return "scheme"
    if not _HOST.match(host):
        return "host"
    return None


def addresses(sites: list[str]) -> list[str]:
    """The project's websites as addresses, empty lines left out."""
    return [url for url in (normalize(s) for s in sites) if url]
