"""What a scan has seen, matched against the catalog's detection data: the site's own hosts
told apart from third parties, suggestions with evidence, and the third-party hosts no service
explains. Part of editor.core.scan."""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from typing import Sequence

from .detect import MAX_MATCH_INPUT, Rules
from .evidence import MAX_EVIDENCE, Evidence, Suggestion
from .scan_page import Seen


@dataclass
class UnknownHost:
    host: str
    evidence: list[Evidence] = field(default_factory=list)

# ---------------------------------------------------------------------------------------------
# first party, and matching


_PLATFORMS = ("myshopify.com", "wixsite.com", "jimdosite.com", "jimdofree.com", "webflow.io", "netlify.app", "vercel.app",
              "github.io", "wordpress.com", "squarespace.com", "onepage.me", "web.app", "firebaseapp.com", "pages.dev")
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "gv"}


def _site_base(host: str) -> str:
    host = host.lower().rstrip(".")
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    for platform in _PLATFORMS:
        if host.endswith("." + platform):
            return host[len("www."):] if host.startswith("www.") else host
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def same_site(host: str | None, site_hosts: Sequence[str]) -> bool:
    if host is None:
        return True
    for site in site_hosts:
        if site:
            base = _site_base(site)
            if host == base or host.endswith("." + base):
                return True
    return False


def _excerpt(text: str, start: int, end: int) -> str:
    piece = text[max(0, start - 20): min(len(text), end + 40)]
    return " ".join(piece.split())[:120]


def match_services(catalog, rules: Rules, seen: Seen, lang: str, check) -> tuple[list[Suggestion], list[UnknownHost]]:
    found: dict[str, Suggestion] = {}

    def hit(sid: str, source: str, what: str) -> None:
        if sid not in found:
            found[sid] = Suggestion(sid, catalog.services[sid].name(lang))
        found[sid].add(Evidence(source, what))

    sites = [h for h in seen.site_hosts if h]
    unknown: dict[str, UnknownHost] = {}
    host_explained: set[str] = set()
    done: set[tuple[str, str]] = set()
    for n, (kind, url, host, source) in enumerate(seen.resources):
        if n % 500 == 0:
            check()
        if (kind, url) in done:
            continue
        done.add((kind, url))
        matched = False
        shown = url if len(url) <= 160 else url[:157] + "…"
        if host:
            got = rules.match_host(host)
            if got:
                matched = True
                host_explained.add(host)
                for sid in got[1]:
                    hit(sid, source, f"{kind} {shown}")
        lowered = url[:MAX_MATCH_INPUT].lower()
        for sid, _pattern, _s, _e in rules.urls.find(url[:MAX_MATCH_INPUT], lowered):
            matched = True
            hit(sid, source, f"{kind} {shown}")
        if not matched and host and not same_site(host, sites):
            entry = unknown.setdefault(host, UnknownHost(host))
            if len(entry.evidence) < MAX_EVIDENCE:
                ev = Evidence(source, f"{kind} {shown}")
                if ev not in entry.evidence:
                    entry.evidence.append(ev)
    for host in host_explained:
        unknown.pop(host, None)
    for href, source in dict.fromkeys(seen.links):
        for sid, _pattern, _s, _e in rules.links.find(href[:MAX_MATCH_INPUT]):
            hit(sid, source, f"link {href[:160]}")
    check()
    for text, source in seen.texts:
        check()
        for sid, pattern, start, end in rules.snippets.find(text):
            hit(sid, source, f"code {_excerpt(text, start, end)}")
    for name, host, source in dict.fromkeys(seen.cookies):
        if same_site(host, sites) or not sites:
            for sid, _pattern in rules.match_cookie(name):
                hit(sid, source, f"cookie {name}")
    for name, value, host, source in dict.fromkeys(seen.headers):
        if same_site(host, sites):
            for sid, _pattern in rules.match_header(name, value):
                hit(sid, source, f"header {name}: {value[:80]}")
    for sid in list(found):
        for other in rules.supersedes.get(sid, ()):
            found.pop(other, None)
    order = {sid: n for n, sid in enumerate(catalog.services)}
    suggestions = sorted(found.values(), key=lambda s: order.get(s.id, 0))
    return suggestions, sorted(unknown.values(), key=lambda u: u.host)
