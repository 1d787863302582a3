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
"""
from __future__ import annotations

import html as _html
import ipaddress
import json
import os
import re
import socket
import stat
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.client import HTTPException
from pathlib import Path
from typing import Iterable, Sequence

from .detect import MAX_MATCH_INPUT, Rules
from .evidence import (MAX_EVIDENCE, CancelFlag, Cancelled, Evidence, Progress, Suggestion, cancel_check, decode_text,
                       looks_binary, read_capped)

MB = 1024 * 1024
MAX_HTML_BYTES = 10 * MB  # one saved page
MAX_ASSET_BYTES = 5 * MB  # one linked local script or stylesheet
MAX_HAR_BYTES = 64 * MB
MAX_FOLDER_FILES = 2_000  # .html/.htm files scanned in one folder
MAX_FOLDER_BYTES = 200 * MB
MAX_RESPONSE_BYTES = 5 * MB  # one fetched page
MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = 10.0  # seconds, connect and each read
DEFAULT_TOTAL = 90.0  # seconds for a whole fetch of a site
MAX_FETCHED_ASSETS = 10  # first-party scripts fetched for their inline markers

HAR_HINT = ("Scripts are not executed, so services that load later (after consent or through a tag manager) "
            "may be missing. For a complete picture save a HAR file: open the page in Firefox or Chrome, press F12, "
            "open the Network tab, reload the page and click through it (accept the cookie banner), then "
            "right-click the list and choose \"Save all as HAR\" (Firefox) or click the download arrow "
            "\"Export HAR…\" (Chrome), and scan that file.")


class ScanError(Exception):
    """One plain sentence for the user; nothing was changed."""


@dataclass
class UnknownHost:
    host: str
    evidence: list[Evidence] = field(default_factory=list)


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
# what a source shows: loaded resources, links, texts, cookies, headers


@dataclass
class _Seen:
    resources: list[tuple[str, str, str | None, str]] = field(default_factory=list)  # (kind, url, host, source)
    links: list[tuple[str, str]] = field(default_factory=list)  # (href, source)
    texts: list[tuple[str, str]] = field(default_factory=list)  # (text, source) for snippets
    cookies: list[tuple[str, str | None, str]] = field(default_factory=list)  # (name, host, source)
    headers: list[tuple[str, str, str | None, str]] = field(default_factory=list)  # (name, value, host, source)
    site_hosts: list[str] = field(default_factory=list)  # the site's own hosts, first found first
    pages: int = 0
    notes: list[str] = field(default_factory=list)
    har: bool = False


_TAG = re.compile(r"<(script|iframe|frame|link|img|source|embed|object|form|a|area|base|meta|video|audio|input)\b([^>]*)>",
                  re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.IGNORECASE | re.DOTALL)
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.IGNORECASE)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+)", re.IGNORECASE)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_SKIP_SCHEMES = ("data:", "javascript:", "blob:", "about:", "#")
_SRC_ATTRS = ("src", "data-src", "data-lazy-src", "data-original")
_KIND = {"script": "script", "iframe": "iframe", "frame": "iframe", "img": "image", "source": "media", "video": "media",
         "audio": "media", "embed": "embed", "object": "embed", "input": "image"}
_LOADED_RELS = {"stylesheet", "preload", "modulepreload", "icon", "shortcut", "apple-touch-icon", "manifest", "prefetch"}


def _attrs(raw: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _ATTR.finditer(raw):
        value = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4)
        out.setdefault(m.group(1).lower(), _html.unescape(value) if "&" in value else value)
    return out


def _host(url: str) -> str | None:
    try:
        host = urllib.parse.urlsplit(url).hostname
    except ValueError:
        return None
    return host.rstrip(".").lower() if host else None


def _absolute(value: str, base: str | None) -> tuple[str, str | None] | None:
    """(address, host) of a reference on a page: host None for a local (relative) one."""
    value = value.strip()
    if not value or value.lower().startswith(_SKIP_SCHEMES):
        return None
    if value.startswith("//"):
        value = "https:" + value
    if base and not _SCHEME.match(value):
        value = urllib.parse.urljoin(base, value)
    if value.lower().startswith(("http://", "https://")):
        return value, _host(value)
    if _SCHEME.match(value) and not re.match(r"^[a-zA-Z]:[\\/]", value):
        return None  # mailto:, tel:, ftp: … load nothing
    return value, None


def _read_html(text: str, source: str, base: str | None, seen: _Seen) -> list[str]:
    """Collect what one page shows; returns its local (relative) script and stylesheet references."""
    seen.pages += 1
    seen.texts.append((text, source))
    if m := _SAVED_FROM.search(text[:4096]):
        seen.site_hosts.append(_host(m.group(1)) or "")
    local: list[str] = []
    for m in _TAG.finditer(text):
        tag = m.group(1).lower()
        a = _attrs(m.group(2))
        if tag == "base":
            if a.get("href", "").startswith(("http://", "https://")):
                base = a["href"]
                seen.site_hosts.append(_host(base) or "")
            continue
        if tag == "meta":
            if a.get("property", "").lower() == "og:url" and a.get("content", "").startswith("http"):
                seen.site_hosts.append(_host(a["content"]) or "")
            continue
        if tag in ("a", "area"):
            href = a.get("href", "").strip()
            if href and not href.startswith("#"):
                resolved = _absolute(href, base) if not href.lower().startswith(("mailto:", "tel:")) else (href, None)
                if resolved:
                    seen.links.append((resolved[0], source))
            continue
        refs: list[tuple[str, str]] = []
        if tag == "link":
            rels = set(a.get("rel", "").lower().split())
            if "canonical" in rels and a.get("href", "").startswith("http"):
                seen.site_hosts.append(_host(a["href"]) or "")
            if rels & _LOADED_RELS and a.get("href"):
                refs.append(("stylesheet" if "stylesheet" in rels else "link", a["href"]))
        elif tag == "form":
            if a.get("action"):
                refs.append(("form", a["action"]))
        elif tag == "object":
            if a.get("data"):
                refs.append(("embed", a["data"]))
        else:
            if tag == "input" and a.get("type", "").lower() != "image":
                continue
            for name in _SRC_ATTRS:
                if a.get(name):
                    refs.append((_KIND[tag], a[name]))
            for name in ("srcset", "data-srcset"):
                for candidate in a.get(name, "").split(","):
                    if candidate.strip():
                        refs.append((_KIND[tag], candidate.split()[0]))
        for kind, value in refs:
            resolved = _absolute(value, base)
            if resolved is None:
                continue
            url, host = resolved
            seen.resources.append((kind, url, host, source))
            if host is None and kind in ("script", "stylesheet"):
                local.append(url)
    for style in _STYLE.finditer(text):
        local += _read_css(style.group(1), source, base, seen)
    return local


def _read_css(text: str, source: str, base: str | None, seen: _Seen) -> list[str]:
    local = []
    for m in _CSS_URL.finditer(text):
        resolved = _absolute(m.group(1) or m.group(2), base)
        if resolved:
            kind = "stylesheet" if m.group(2) else "font" if re.search(r"\.(woff2?|ttf|otf|eot)\b", resolved[0], re.I) else "css-url"
            seen.resources.append((kind, resolved[0], resolved[1], source))
            if resolved[1] is None and m.group(2):
                local.append(resolved[0])
    return local


# ---------------------------------------------------------------------------------------------
# reading files, bounded


def _read_bytes(path: Path, limit: int, what: str) -> bytes:
    return read_capped(path, limit, what, ScanError)


_decode = decode_text
_looks_binary = looks_binary


def _scan_html_file(path: Path, seen: _Seen, source: str, root: Path, check) -> None:
    data = _read_bytes(path, MAX_HTML_BYTES, "saved pages")
    if _looks_binary(data):
        raise ScanError(f"{path} is not a web page (it looks like binary data).")
    local = _read_html(_decode(data), source, None, seen)
    real_root = os.path.realpath(root)
    done: set[str] = set()
    queue = [(ref, path.parent) for ref in local]
    while queue:
        check()
        ref, folder = queue.pop(0)
        clean = urllib.parse.unquote(ref.split("?")[0].split("#")[0])
        if not clean or clean in done or len(done) >= 200:
            continue
        done.add(clean)
        target = Path(os.path.realpath(folder / clean))
        if not str(target).startswith(real_root + os.sep) or not target.is_file():
            continue  # only files inside the scanned folder; a missing one is no error
        try:
            text = _decode(_read_bytes(target, MAX_ASSET_BYTES, "linked scripts and stylesheets"))
        except ScanError:
            continue
        rel = str(target.relative_to(real_root)) if root.is_dir() else target.name
        if target.suffix.lower() == ".css":
            queue += [(r, target.parent) for r in _read_css(text, rel, None, seen)]
        else:
            seen.texts.append((text, rel))


def _scan_folder(folder: Path, seen: _Seen, check, progress: Progress | None) -> None:
    pages: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.lower().endswith((".html", ".htm")):
                pages.append(Path(dirpath) / name)
        if len(pages) > MAX_FOLDER_FILES:
            raise ScanError(f"{folder} holds more than {MAX_FOLDER_FILES:,} web pages; scan a smaller folder or one page.")
    if not pages:
        raise ScanError(f"{folder} holds no .html or .htm files.")
    total = 0
    for n, page in enumerate(pages):
        check()
        if progress:
            progress(f"Reading {page.name}", n, len(pages))
        total += page.stat().st_size
        if total > MAX_FOLDER_BYTES:
            raise ScanError(f"The pages in {folder} add up to more than {MAX_FOLDER_BYTES // MB} MB; scan a smaller folder.")
        try:
            _scan_html_file(page, seen, str(page.relative_to(folder)), folder, check)
        except ScanError as exc:
            seen.notes.append(f"Skipped: {exc}")


def _scan_har(path: Path, seen: _Seen, check, progress: Progress | None) -> None:
    data = _read_bytes(path, MAX_HAR_BYTES, "HAR files")
    if _looks_binary(data):
        raise ScanError(f"{path} is not a HAR file (it looks like binary data).")
    try:
        har = json.loads(_decode(data))
    except json.JSONDecodeError as exc:
        raise ScanError(f"{path} is not a valid HAR file (broken JSON at line {exc.lineno}).") from None
    except RecursionError:
        raise ScanError(f"{path} is not a valid HAR file (nested too deeply).") from None
    log = har.get("log") if isinstance(har, dict) else None
    entries = log.get("entries") if isinstance(log, dict) else None
    if not isinstance(entries, list):
        raise ScanError(f"{path} is not a HAR file: it has no list of requests (log.entries).")
    seen.har = True
    name = path.name
    pages = log.get("pages") if isinstance(log.get("pages"), list) else []
    for page in pages:
        title = page.get("title") if isinstance(page, dict) else None
        if isinstance(title, str) and title.startswith(("http://", "https://")):
            seen.site_hosts.append(_host(title) or "")
    documents = []
    for n, entry in enumerate(entries):
        if n % 200 == 0:
            check()
            if progress:
                progress(f"Reading {name}", n, len(entries))
        if not isinstance(entry, dict):
            continue
        request = entry.get("request") if isinstance(entry.get("request"), dict) else {}
        response = entry.get("response") if isinstance(entry.get("response"), dict) else {}
        url = request.get("url")
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            continue
        host = _host(url)
        content = response.get("content") if isinstance(response.get("content"), dict) else {}
        mime = str(content.get("mimeType") or "").lower()
        kind = str(entry.get("_resourceType") or "").lower() or ("document" if "html" in mime else "script" if "javascript" in mime
                                                                 else "stylesheet" if "css" in mime else "request")
        source = f"{name} #{n + 1}"
        seen.resources.append((kind, url, host, source))
        for part, cookies in (("request", request.get("cookies")), ("response", response.get("cookies"))):
            for cookie in cookies if isinstance(cookies, list) else ():
                if isinstance(cookie, dict) and isinstance(cookie.get("name"), str):
                    seen.cookies.append((cookie["name"], host, source))
        for header in response.get("headers") if isinstance(response.get("headers"), list) else ():
            if isinstance(header, dict) and isinstance(header.get("name"), str) and isinstance(header.get("value"), str):
                seen.headers.append((header["name"], header["value"], host, source))
                if header["name"].lower() == "set-cookie":
                    seen.cookies.append((header["value"].split("=", 1)[0].strip(), host, source))
        text = content.get("text")
        if isinstance(text, str) and text and content.get("encoding") != "base64":
            if "html" in mime:
                documents.append((n, text, url, source))
            elif "javascript" in mime or "css" in mime:
                seen.texts.append((text, source)) if "javascript" in mime else _read_css(text, source, url, seen)
    if not seen.site_hosts:
        first = next((d[2] for d in documents), None) or next((r[1] for r in seen.resources if r[0] == "document"), None)
        if first:
            seen.site_hosts.append(_host(first) or "")
    for n, text, url, source in documents:
        check()
        _read_html(text, source, url, seen)


# ---------------------------------------------------------------------------------------------
# fetching the user's own site, bounded


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not newurl.lower().startswith(("http://", "https://")):
            raise ScanError(f"{req.full_url} redirects to {newurl[:80]}, which is not an http(s) address; stopping.")
        return super().redirect_request(req, fp, code, msg, headers, newurl)

    def http_error_302(self, req, fp, code, msg, headers):
        try:
            return super().http_error_302(req, fp, code, msg, headers)
        except urllib.error.HTTPError as exc:
            if "not allowed" in str(exc.msg):
                raise ScanError(f"{req.full_url} redirects to an address that is not an http(s) address; stopping.") from None
            if "redirect" in str(exc.msg).lower() or "loop" in str(exc.msg).lower():
                raise ScanError(f"{req.full_url} redirects more than {MAX_REDIRECTS} times (or in a loop); stopping.") from None
            raise

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _is_loopback(host: str | None) -> bool:
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False


@dataclass
class _Fetcher:
    timeout: float
    deadline: float
    check: object

    def get(self, url: str, accept: str = "text/html,*/*;q=0.5") -> tuple[str, str, list[tuple[str, str]], bytes]:
        """(final url, content type, headers, body) — body cut at MAX_RESPONSE_BYTES."""
        handlers: list = [_Redirects()]
        if _is_loopback(_host(url)):
            handlers.append(urllib.request.ProxyHandler({}))
        opener = urllib.request.build_opener(*handlers)
        request = urllib.request.Request(url, headers={"User-Agent": "PolicyEditor-SiteScan/1 (+offline privacy policy editor)",
                                                       "Accept": accept})
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise ScanError("The site took too long to answer; stopping.")
        try:
            with opener.open(request, timeout=min(self.timeout, remaining)) as response:
                final = response.geturl()
                headers = list(response.headers.items())
                ctype = response.headers.get("Content-Type", "")
                chunks, size = [], 0
                while True:
                    self.check()
                    if time.monotonic() > self.deadline:
                        raise ScanError(f"{url} took too long to load; stopping.")
                    chunk = response.read(65536)
                    if not chunk:
                        break
                    chunks.append(chunk)
                    size += len(chunk)
                    if size >= MAX_RESPONSE_BYTES:
                        break  # the start of a page names its services; the rest is cut
                return final, ctype, headers, b"".join(chunks)[:MAX_RESPONSE_BYTES]
        except (ScanError, Cancelled):
            raise
        except urllib.error.HTTPError as exc:
            raise ScanError(f"{url} answered with HTTP status {exc.code} ({exc.reason}).") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, ScanError):
                raise reason from None
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise ScanError(f"{url} did not answer within {self.timeout:.0f} seconds.") from None
            raise ScanError(f"{url} cannot be reached ({getattr(reason, 'strerror', None) or reason}).") from None
        except (socket.timeout, TimeoutError):
            raise ScanError(f"{url} did not answer within {self.timeout:.0f} seconds.") from None
        except (HTTPException, OSError, ValueError) as exc:
            raise ScanError(f"{url} could not be loaded ({type(exc).__name__}: {str(exc)[:100]}).") from None


_NOT_PAGES = re.compile(r"\.(pdf|jpe?g|png|gif|webp|svg|ico|zip|gz|mp4|mp3|webm|docx?|xlsx?|pptx?|css|js|json|xml|woff2?|ttf)$", re.I)


def _scan_url(start: str, seen: _Seen, pages: int, timeout: float, total: float, check, progress: Progress | None) -> None:
    fetcher = _Fetcher(timeout, time.monotonic() + total, check)
    start_host = _host(start)
    if not start_host:
        raise ScanError(f"{start} is not a complete web address.")
    seen.site_hosts.append(start_host)
    queue, queued, done = [start.split("#")[0]], {start.split("#")[0]}, 0
    assets: list[str] = []
    while queue and done < pages:
        check()
        url = queue.pop(0)
        if progress:
            progress(f"Loading {url}", done, pages)
        try:
            final, ctype, headers, body = fetcher.get(url)
        except ScanError as exc:
            if done == 0:
                raise
            seen.notes.append(f"Skipped: {exc}")
            continue
        host = _host(final)
        if done == 0 and host and host != start_host:
            seen.site_hosts.insert(0, host)
        for name, value in headers:
            seen.headers.append((name, value, host, final))
            if name.lower() == "set-cookie":
                seen.cookies.append((value.split("=", 1)[0].strip(), host, final))
        if "html" not in ctype.lower() and not body.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
            if done == 0:
                raise ScanError(f"{url} is not a web page (content type {ctype or 'unknown'}).")
            continue
        done += 1
        local_before = len(seen.resources)
        _read_html(_decode(body), final, final, seen)
        for kind, res_url, res_host, _src in seen.resources[local_before:]:
            if kind == "script" and res_host and _same_site(res_host, seen.site_hosts) and res_url not in assets:
                assets.append(res_url)
        for href, _src in seen.links[-5000:]:
            target = href.split("#")[0]
            if (target.startswith(("http://", "https://")) and _host(target) in (start_host, host)
                    and target not in queued and not _NOT_PAGES.search(urllib.parse.urlsplit(target).path)):
                queued.add(target)
                queue.append(target)
    for url in assets[:MAX_FETCHED_ASSETS]:
        check()
        try:
            final, _ctype, _headers, body = fetcher.get(url, accept="*/*")
        except ScanError:
            continue
        seen.texts.append((_decode(body), final))


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


def _same_site(host: str | None, site_hosts: Sequence[str]) -> bool:
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


def _match(catalog, rules: Rules, seen: _Seen, lang: str, check) -> tuple[list[Suggestion], list[UnknownHost]]:
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
        if not matched and host and not _same_site(host, sites):
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
        if _same_site(host, sites) or not sites:
            for sid, _pattern in rules.match_cookie(name):
                hit(sid, source, f"cookie {name}")
    for name, value, host, source in dict.fromkeys(seen.headers):
        if _same_site(host, sites):
            for sid, _pattern in rules.match_header(name, value):
                hit(sid, source, f"header {name}: {value[:80]}")
    for sid in list(found):
        for other in rules.supersedes.get(sid, ()):
            found.pop(other, None)
    order = {sid: n for n, sid in enumerate(catalog.services)}
    suggestions = sorted(found.values(), key=lambda s: order.get(s.id, 0))
    return suggestions, sorted(unknown.values(), key=lambda u: u.host)


# ---------------------------------------------------------------------------------------------


def classify(source: str) -> str:
    """'url', 'folder', 'har' or 'html' — or a ScanError saying why the source cannot be scanned."""
    lowered = source.strip().lower()
    if lowered.startswith(("http://", "https://")):
        return "url"
    scheme = _SCHEME.match(source.strip())
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
    if _looks_binary(head) or not stat.S_ISREG(path.stat().st_mode):
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
    seen = _Seen()
    kinds = []
    for raw in sources:
        check()
        source = os.fspath(raw)
        kind = classify(source)
        kinds.append(kind)
        if kind == "url":
            _scan_url(source.strip(), seen, pages, timeout, total_timeout, check, progress)
        elif kind == "folder":
            _scan_folder(Path(source), seen, check, progress)
        elif kind == "har":
            _scan_har(Path(source), seen, check, progress)
        else:
            path = Path(source)
            if progress:
                progress(f"Reading {path.name}", 0, 1)
            _scan_html_file(path, seen, path.name, path.parent, check)
    if progress:
        progress("Matching", 0, 0)
    suggestions, unknown = _match(catalog, rules, seen, lang, check)
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
