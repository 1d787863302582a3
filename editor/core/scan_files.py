"""Scanning what is on this computer — a saved page (with the local scripts and stylesheets
it links), a folder of a saved site, a HAR file — every read bounded. Part of editor.core.scan."""
from __future__ import annotations

import json
import os
import urllib.parse
from pathlib import Path

from .evidence import Progress, decode_text, looks_binary, read_capped
from .scan_page import (MAX_ASSET_BYTES, MAX_FOLDER_BYTES, MAX_FOLDER_FILES, MAX_HAR_BYTES, MAX_HTML_BYTES, MB,
                        ScanError, Seen, host_of, read_css, read_html)


# ---------------------------------------------------------------------------------------------
# reading files, bounded


def _read_bytes(path: Path, limit: int, what: str) -> bytes:
    return read_capped(path, limit, what, ScanError)




def scan_html_file(path: Path, seen: Seen, source: str, root: Path, check) -> None:
    data = _read_bytes(path, MAX_HTML_BYTES, "saved pages")
    if looks_binary(data):
        raise ScanError(f"{path} is not a web page (it looks like binary data).")
    local = read_html(decode_text(data), source, None, seen)
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
            text = decode_text(_read_bytes(target, MAX_ASSET_BYTES, "linked scripts and stylesheets"))
        except ScanError:
            continue
        rel = str(target.relative_to(real_root)) if root.is_dir() else target.name
        if target.suffix.lower() == ".css":
            queue += [(r, target.parent) for r in read_css(text, rel, None, seen)]
        else:
            seen.texts.append((text, rel))


def scan_folder(folder: Path, seen: Seen, check, progress: Progress | None) -> None:
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
            scan_html_file(page, seen, str(page.relative_to(folder)), folder, check)
        except ScanError as exc:
            seen.notes.append(f"Skipped: {exc}")


def scan_har(path: Path, seen: Seen, check, progress: Progress | None) -> None:
    data = _read_bytes(path, MAX_HAR_BYTES, "HAR files")
    if looks_binary(data):
        raise ScanError(f"{path} is not a HAR file (it looks like binary data).")
    try:
        har = json.loads(decode_text(data))
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
            seen.site_hosts.append(host_of(title) or "")
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
        host = host_of(url)
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
                seen.texts.append((text, source)) if "javascript" in mime else read_css(text, source, url, seen)
    if not seen.site_hosts:
        first = next((d[2] for d in documents), None) or next((r[1] for r in seen.resources if r[0] == "document"), None)
        if first:
            seen.site_hosts.append(host_of(first) or "")
    for n, text, url, source in documents:
        check()
        read_html(text, source, url, seen)
