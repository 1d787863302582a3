"""Scan a website for the services it uses: suggestions with evidence, and the third-party
hosts no service explains.

Sources: a saved HTML page, a folder of a saved or exported site (every .html/.htm, plus the
local scripts and stylesheets they link), a HAR file (the browser's record of every request,
saved from the developer tools), or an http(s) address of the user's own site — fetched only
when asked, same-site links followed up to ``pages``. Scripts are never executed: a static scan
sees what the page source names; a HAR also sees what loads later (after consent, through a tag
manager).

Everything is bounded — file sizes, response sizes, redirects, time-outs, a total deadline —
and every failure is a ScanError with one plain sentence. Nothing is written anywhere.

For a dialog: ``scan(catalog, sources, progress=…, cancel=…)`` runs in a worker thread and
returns a ScanResult; ``cancel`` is a threading.Event (or a callable) checked between steps.

The parts: scan_page (limits, ScanError, reading HTML/CSS), scan_files (saved pages, folders,
HAR), scan_fetch (the user's site over http(s)), scan_match (matching, unknown hosts)."""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from .detect import Rules
from .evidence import CancelFlag, Progress, Suggestion, cancel_check, looks_binary
from .scan_fetch import scan_url
from .scan_files import scan_folder, scan_har, scan_html_file
from .scan_match import UnknownHost, match_services
from .scan_page import DEFAULT_TIMEOUT, DEFAULT_TOTAL, ScanError, Seen, URL_SCHEME


HAR_HINT = ("Scripts are not executed, so services that load later (after consent or through a tag manager) "
            "may be missing. For a complete picture save a HAR file: open the page in Firefox or Chrome, press F12, "
            "open the Network tab, reload the page and click through it (accept the cookie banner), then "
            "right-click the list and choose \"Save all as HAR\" (Firefox) or click the download arrow "
            "\"Export HAR…\" (Chrome), and scan that file.")


@dataclass
class ScanResult:
    suggestions: list[Suggestion]
    unknown: list[UnknownHost]
    notes: list[str]  # what the user should know about this scan (e.g. the HAR hint)
    pages: int  # pages (HTML documents) read
    site: str | None  # the site's own host, if known

    def to_json(self) -> dict:
        return {
            "suggestions": [{"id": s.id, "name": s.name, "evidence": [e.to_json() for e in s.evidence]}
                            for s in self.suggestions],
            "unknown": [{"host": u.host, "evidence": [e.to_json() for e in u.evidence]} for u in self.unknown],
        }


# ---------------------------------------------------------------------------------------------


def classify(source: str) -> str:
    """'url', 'folder', 'har' or 'html' — or a ScanError saying why the source cannot be scanned."""
    lowered = source.strip().lower()
    if lowered.startswith(("http://", "https://")):
        return "url"
    scheme = URL_SCHEME.match(source.strip())
    if scheme and len(scheme.group(1)) > 1:
        raise ScanError(f"Policy Editor fetches only http:// and https:// addresses, not {scheme.group(1)}:; "
                        "for a page saved on this computer give its file or folder path.")
    path = Path(source)
    if path.is_dir():
        return "folder"
    if not path.exists():
        raise ScanError(f"{source} does not exist.")
    if path.suffix.lower() == ".har":
        return "har"
    if path.suffix.lower() in (".html", ".htm", ".xhtml", ".shtml"):
        return "html"
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096) if stat.S_ISREG(path.stat().st_mode) else b""
    except OSError as exc:
        raise ScanError(f"{source} cannot be read ({exc.strerror or exc}).") from None
    if looks_binary(head) or not stat.S_ISREG(path.stat().st_mode):
        raise ScanError(f"{source} is not a web page, a HAR file or a folder of a saved site.")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{") and b'"log"' in head:
        return "har"
    if b"<" in head:
        return "html"
    raise ScanError(f"{source} is not a web page, a HAR file or a folder of a saved site.")


def scan(catalog, sources: Sequence[str | os.PathLike], *, pages: int = 20, lang: str = "de",
         progress: Progress | None = None, cancel: CancelFlag = None,
         timeout: float = DEFAULT_TIMEOUT, total_timeout: float = DEFAULT_TOTAL, rules: Rules | None = None) -> ScanResult:
    """Scan every source and match what it shows against the catalog's detection data.

    Raises ScanError (one plain sentence) when a source cannot be scanned, Cancelled when
    ``cancel`` is set. ``progress(message, done, total)`` is called between steps."""
    if not sources:
        raise ScanError("Name a saved page, a folder, a HAR file or an http(s) address to scan.")
    if pages < 1:
        raise ScanError("--pages must be at least 1.")
    check = cancel_check(cancel)
    rules = rules or Rules.from_services(catalog.services.values())
    seen = Seen()
    kinds = []
    for raw in sources:
        check()
        source = os.fspath(raw)
        kind = classify(source)
        kinds.append(kind)
        if kind == "url":
            scan_url(source.strip(), seen, pages, timeout, total_timeout, check, progress)
        elif kind == "folder":
            scan_folder(Path(source), seen, check, progress)
        elif kind == "har":
            scan_har(Path(source), seen, check, progress)
        else:
            path = Path(source)
            if progress:
                progress(f"Reading {path.name}", 0, 1)
            scan_html_file(path, seen, path.name, path.parent, check)
    if progress:
        progress("Matching", 0, 0)
    suggestions, unknown = match_services(catalog, rules, seen, lang, check)
    notes = list(seen.notes)
    if not seen.har:
        notes.append(HAR_HINT)
    site = next((h for h in seen.site_hosts if h), None)
    return ScanResult(suggestions, unknown, notes, seen.pages, site)


def site_findings(catalog, project, result: ScanResult, lang: str = "de") -> list:
    """check --site: services the site loads that the project lacks (warning), and selected
    services with detection data the site does not seem to use (info)."""
    from .checks import Finding

    selected = {s.id for s in project.services}
    found = {s.id: s for s in result.suggestions}
    out = []
    for sid, suggestion in found.items():
        if sid not in selected:
            ev = suggestion.evidence[0] if suggestion.evidence else None
            why = f" ({ev.match} in {ev.source})" if ev else ""
            message = (f"Die Website nutzt offenbar {suggestion.name}{why}, das Projekt führt den Dienst aber nicht auf."
                       if lang == "de" else
                       f"The site seems to use {suggestion.name}{why}, but the project does not list it.")
            out.append(Finding("warning", "site-service-missing", message, f"service:{sid}"))
    for sid in sorted(selected):
        service = catalog.services.get(sid)
        if service is None or service.detect is None or sid in found:
            continue
        superseded = any(sid in catalog.services[o].detect.supersedes for o in found
                         if o in catalog.services and catalog.services[o].detect)
        if superseded:
            continue
        message = (f"{service.name(lang)} ist ausgewählt, die Website scheint den Dienst aber nicht zu nutzen."
                   if lang == "de" else f"{service.name(lang)} is selected, but the site does not seem to use it.")
        out.append(Finding("info", "site-service-unused", message, f"service:{sid}"))
    return out


def describe(result: ScanResult, lang: str = "en") -> Iterable[str]:
    """A short readable list for the terminal."""
    if result.suggestions:
        yield f"Services found ({len(result.suggestions)}):"
        for s in result.suggestions:
            yield f"  {s.id:<32} {s.name}"
            for ev in s.evidence[:2]:
                yield f"      {ev.match}  [{ev.source}]"
    else:
        yield "No known service found."
    if result.unknown:
        yield ""
        yield f"Third-party hosts no service explains ({len(result.unknown)}) — check what they are and add them:"
        for u in result.unknown:
            yield f"  {u.host}" + (f"  e.g. {u.evidence[0].match}" if u.evidence else "")
