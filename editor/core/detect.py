"""Detection data of the services (``[service.detect]``): validation at pack load, and the
compiled rules the site scanner matches against (editor.core.scan).

The rules belong to one ``Rules`` object per catalog, built on demand — never a module global.
Packs may come from third parties, so a pattern is checked before it is ever run: a broken or
empty pattern is a pack error, and a regular expression that could take ages on a long address
(nested repetition) is refused.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from . import schema

MAX_PATTERN = 300  # characters; a detection marker is short
MAX_MATCH_INPUT = 4096  # an address is matched on its first 4 KB only

_HOST = re.compile(r"^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")
_COOKIE = re.compile(r"^[!#$%&'+\-.^_`|~0-9A-Za-z]+\*?$")
_HEADER_NAME = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")
# a group holding a repetition that is itself repeated: (a+)+, (.*)*, (x|y*){2,}
_NESTED = re.compile(r"\((?:[^()\\]|\\.)*[*+}](?:[^()\\]|\\.)*\)[*+{]")


def _pattern_problem(pattern: str) -> str | None:
    if not pattern.strip():
        return "an empty pattern would match everything"
    if len(pattern) > MAX_PATTERN:
        return f"longer than {MAX_PATTERN} characters"
    if pattern.startswith("re:"):
        body = pattern[3:]
        if not body.strip():
            return "an empty regular expression would match everything"
        try:
            re.compile(body)
        except re.error as exc:
            return f"not a valid regular expression ({exc})"
        if _NESTED.search(body):
            return "nested repetition such as (a+)+ can make matching take ages; simplify the expression"
    return None


def detect_problems(detect: schema.Detect) -> Iterable[tuple[str, str]]:
    """(field, message) for every rule the ``detect`` table of a service breaks."""
    for kind in ("hosts", "urls", "links", "snippets", "cookies", "headers", "supersedes"):
        values: list[str] = getattr(detect, kind)
        seen: set[str] = set()
        for n, value in enumerate(values):
            where = f"detect.{kind}[{n}]"
            if value in seen:
                yield where, f"'{value}' is listed twice"
            seen.add(value)
            if kind == "hosts":
                if not _HOST.match(value):
                    yield where, (f"'{value}' is not a host name: use lower-case 'cdn.example.com' or "
                                  "'*.example.com' (no scheme, path or port)")
            elif kind in ("urls", "links", "snippets"):
                if problem := _pattern_problem(value):
                    yield where, problem
            elif kind == "cookies":
                if not _COOKIE.match(value) or value == "*":
                    yield where, f"'{value}' is not a cookie name; a trailing '*' makes it a prefix"
            elif kind == "headers":
                name, _, expected = value.partition(":")
                if not _HEADER_NAME.match(name.strip()) or (":" in value and not expected.strip()):
                    yield where, f"'{value}' is not 'header-name' or 'header-name: value'"
            elif kind == "supersedes":
                if not re.match(r"^[a-z0-9][a-z0-9_-]*$", value):
                    yield where, f"'{value}' is not a service id"
    if not any((detect.hosts, detect.urls, detect.links, detect.snippets, detect.cookies, detect.headers)):
        yield "detect", "name at least one host, url, link, snippet, cookie or header (or leave the table out)"


# ---------------------------------------------------------------------------------------------
# compiled rules


@dataclass
class _Patterns:
    """Substrings (lower-cased) and regular expressions, each with its service and its text."""

    subs: list[tuple[str, str, str]] = field(default_factory=list)  # (needle, service id, pattern)
    regexes: list[tuple[re.Pattern[str], str, str]] = field(default_factory=list)

    def add(self, pattern: str, service_id: str) -> None:
        if pattern.startswith("re:"):
            self.regexes.append((re.compile(pattern[3:], re.IGNORECASE), service_id, pattern))
        else:
            self.subs.append((pattern.lower(), service_id, pattern))

    def find(self, text: str, lowered: str | None = None) -> Iterable[tuple[str, str, int, int]]:
        """(service id, pattern, start, end) of the first hit of every pattern in ``text``."""
        lowered = text.lower() if lowered is None else lowered
        for needle, service_id, pattern in self.subs:
            at = lowered.find(needle)
            if at >= 0:
                yield service_id, pattern, at, at + len(needle)
        for regex, service_id, pattern in self.regexes:
            m = regex.search(text)
            if m:
                yield service_id, pattern, m.start(), m.end()


@dataclass
class Rules:
    """Every service's detection data, ready to match."""

    exact_hosts: dict[str, list[str]] = field(default_factory=dict)
    suffix_hosts: dict[str, list[str]] = field(default_factory=dict)
    urls: _Patterns = field(default_factory=_Patterns)
    links: _Patterns = field(default_factory=_Patterns)
    snippets: _Patterns = field(default_factory=_Patterns)
    cookie_exact: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # name → (service, pattern)
    cookie_prefix: list[tuple[str, str, str]] = field(default_factory=list)  # (prefix, service, pattern)
    headers: list[tuple[str, str | None, str, str]] = field(default_factory=list)  # (name, value, service, pattern)
    supersedes: dict[str, list[str]] = field(default_factory=dict)
    services: list[str] = field(default_factory=list)  # ids that have detection data

    @classmethod
    def from_services(cls, services: Iterable[schema.Service]) -> "Rules":
        rules = cls()
        for service in services:
            d = service.detect
            if d is None:
                continue
            sid = service.id
            rules.services.append(sid)
            for host in d.hosts:
                if host.startswith("*."):
                    rules.suffix_hosts.setdefault(host[2:], []).append(sid)
                else:
                    rules.exact_hosts.setdefault(host, []).append(sid)
            for pattern in d.urls:
                rules.urls.add(pattern, sid)
            for pattern in d.links:
                rules.links.add(pattern, sid)
            for pattern in d.snippets:
                rules.snippets.add(pattern, sid)
            for cookie in d.cookies:
                if cookie.endswith("*"):
                    rules.cookie_prefix.append((cookie[:-1].lower(), sid, cookie))
                else:
                    rules.cookie_exact.setdefault(cookie.lower(), []).append((sid, cookie))
            for header in d.headers:
                name, sep, value = header.partition(":")
                rules.headers.append((name.strip().lower(), value.strip().lower() if sep else None, sid, header))
            if d.supersedes:
                rules.supersedes[sid] = list(d.supersedes)
        return rules

    def match_host(self, host: str) -> tuple[str, list[str]] | None:
        """(rule, service ids) of the most specific host rule for ``host``, if any."""
        if host in self.exact_hosts:
            return host, self.exact_hosts[host]
        labels = host.split(".")
        for i in range(len(labels) - 1):
            suffix = ".".join(labels[i:])
            if suffix in self.suffix_hosts:
                return "*." + suffix, self.suffix_hosts[suffix]
        return None

    def match_cookie(self, name: str) -> list[tuple[str, str]]:
        lowered = name.lower()
        found = list(self.cookie_exact.get(lowered, ()))
        found += [(sid, pattern) for prefix, sid, pattern in self.cookie_prefix if lowered.startswith(prefix)]
        return found

    def match_header(self, name: str, value: str) -> list[tuple[str, str]]:
        name, value = name.lower(), value.lower()
        return [(sid, pattern) for hname, hvalue, sid, pattern in self.headers
                if hname == name and (hvalue is None or hvalue in value)]
