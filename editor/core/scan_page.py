"""One page's source, as the site scanner reads it: the bounds every source is read within,
ScanError, what a scan has seen so far (Seen), and the loaded resources, links and texts of
HTML and CSS. Part of editor.core.scan."""
from __future__ import annotations

import html as _html
import re
import urllib.parse
from dataclasses import dataclass, field


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

class ScanError(Exception):
    """One plain sentence for the user; nothing was changed."""

# ---------------------------------------------------------------------------------------------
# what a source shows: loaded resources, links, texts, cookies, headers


@dataclass
class Seen:
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
URL_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
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


def host_of(url: str) -> str | None:
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
    if base and not URL_SCHEME.match(value):
        value = urllib.parse.urljoin(base, value)
    if value.lower().startswith(("http://", "https://")):
        return value, host_of(value)
    if URL_SCHEME.match(value) and not re.match(r"^[a-zA-Z]:[\\/]", value):
        return None  # mailto:, tel:, ftp: … load nothing
    return value, None


def read_html(text: str, source: str, base: str | None, seen: Seen) -> list[str]:
    """Collect what one page shows; returns its local (relative) script and stylesheet references."""
    seen.pages += 1
    seen.texts.append((text, source))
    if m := _SAVED_FROM.search(text[:4096]):
        seen.site_hosts.append(host_of(m.group(1)) or "")
    local: list[str] = []
    for m in _TAG.finditer(text):
        tag = m.group(1).lower()
        a = _attrs(m.group(2))
        if tag == "base":
            if a.get("href", "").startswith(("http://", "https://")):
                base = a["href"]
                seen.site_hosts.append(host_of(base) or "")
            continue
        if tag == "meta":
            if a.get("property", "").lower() == "og:url" and a.get("content", "").startswith("http"):
                seen.site_hosts.append(host_of(a["content"]) or "")
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
                seen.site_hosts.append(host_of(a["href"]) or "")
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
        local += read_css(style.group(1), source, base, seen)
    return local


def read_css(text: str, source: str, base: str | None, seen: Seen) -> list[str]:
    local = []
    for m in _CSS_URL.finditer(text):
        resolved = _absolute(m.group(1) or m.group(2), base)
        if resolved:
            kind = "stylesheet" if m.group(2) else "font" if re.search(r"\.(woff2?|ttf|otf|eot)\b", resolved[0], re.I) else "css-url"
            seen.resources.append((kind, resolved[0], resolved[1], source))
            if resolved[1] is None and m.group(2):
                local.append(resolved[0])
    return local
