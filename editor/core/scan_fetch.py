"""Fetching the user's own site over http(s), only when asked: same-site links up to a page
count, bounded responses, redirects, time-outs and a total deadline. Part of editor.core.scan."""
from __future__ import annotations

import ipaddress
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.client import HTTPException

from .evidence import Cancelled, Progress, decode_text
from .scan_match import same_site
from .scan_page import MAX_FETCHED_ASSETS, MAX_REDIRECTS, MAX_RESPONSE_BYTES, ScanError, Seen, host_of, read_html


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
        if _is_loopback(host_of(url)):
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


def scan_url(start: str, seen: Seen, pages: int, timeout: float, total: float, check, progress: Progress | None) -> None:
    fetcher = _Fetcher(timeout, time.monotonic() + total, check)
    start_host = host_of(start)
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
        host = host_of(final)
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
        read_html(decode_text(body), final, final, seen)
        for kind, res_url, res_host, _src in seen.resources[local_before:]:
            if kind == "script" and res_host and same_site(res_host, seen.site_hosts) and res_url not in assets:
                assets.append(res_url)
        for href, _src in seen.links[-5000:]:
            target = href.split("#")[0]
            if (target.startswith(("http://", "https://")) and host_of(target) in (start_host, host)
                    and target not in queued and not _NOT_PAGES.search(urllib.parse.urlsplit(target).path)):
                queued.add(target)
                queue.append(target)
    for url in assets[:MAX_FETCHED_ASSETS]:
        check()
        try:
            final, _ctype, _headers, body = fetcher.get(url, accept="*/*")
        except ScanError:
            continue
        seen.texts.append((decode_text(body), final))
