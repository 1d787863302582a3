"""Reading an existing privacy policy into plain text — .txt, .md, .html, .docx (its zip
checked for uncompressed size first) and .pdf — each bounded in size; ImportError_ carries one
plain sentence. Part of editor.core.policy_import."""
from __future__ import annotations

import html as _html
import os
import re
import zipfile
from pathlib import Path

from .evidence import decode_text, looks_binary, read_capped


MB = 1024 * 1024
MAX_FILE_BYTES = 20 * MB
MAX_TEXT_CHARS = 5_000_000  # ~1,500 pages of text
MAX_DOCX_UNCOMPRESSED = 50 * MB
MAX_DOCX_RATIO = 100  # a member that expands more than 100-fold is a zip bomb
MAX_PDF_PAGES = 300


class ImportError_(Exception):  # noqa: N801 — ImportError is Python's own
    """One plain sentence for the user; nothing was changed."""

# ---------------------------------------------------------------------------------------------
# reading the file


def _read(path: Path) -> bytes:
    return read_capped(path, MAX_FILE_BYTES, "policies", ImportError_)




_BLOCK = re.compile(r"<(/?(p|div|h[1-6]|li|ul|ol|tr|td|th|table|section|article|header|footer|br|hr|dd|dt|blockquote))\b[^>]*>", re.I)
_HREF = re.compile(r"""<a\b[^>]*\bhref\s*=\s*["']([^"']+)["'][^>]*>""", re.I)


def html_to_text(source: str) -> str:
    """Readable text of an HTML page; link targets are kept in brackets (generator credits
    often are only a link)."""
    source = re.sub(r"<(script|style|noscript|template)\b.*?</\1\s*>", " ", source, flags=re.I | re.S)
    source = re.sub(r"<!--.*?-->", " ", source, flags=re.S)
    source = _HREF.sub(lambda m: f" [{m.group(1)}] ", source)
    source = _BLOCK.sub("\n", source)
    source = re.sub(r"<[^>]+>", " ", source)
    text = _html.unescape(source)
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _docx_text(path: Path, data: bytes) -> str:
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportError_(f"{path} is not a valid Word document (.docx).") from None
    total = sum(m.file_size for m in members)
    if len(members) > 5000 or total > MAX_DOCX_UNCOMPRESSED or any(
            m.file_size > MAX_DOCX_RATIO * max(m.compress_size, 1) and m.file_size > MB for m in members):
        raise ImportError_(f"{path} unpacks to far more data than a Word document holds (a zip bomb?); it was not opened.")
    if "word/document.xml" not in {m.filename for m in members}:
        raise ImportError_(f"{path} is not a Word document (.docx): it has no word/document.xml.")
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 — python-docx raises many kinds on broken files
        raise ImportError_(f"{path} could not be read as a Word document ({type(exc).__name__}).") from None
    lines: list[str] = []
    for paragraph in document.paragraphs:
        line = paragraph.text
        for link in getattr(paragraph, "hyperlinks", []):
            if getattr(link, "url", None):
                line += f" [{link.url}]"
        lines.append(line)
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _pdf_text(path: Path, data: bytes, check) -> str:
    import io
    import logging

    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover — a dependency
        raise ImportError_("Reading PDF files needs the pypdf package, which is not installed.") from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ImportError_(f"{path} is password-protected; save an unprotected copy first.")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise ImportError_(f"{path} has {len(reader.pages)} pages; Policy Editor imports policies up to {MAX_PDF_PAGES} pages.")
        parts = []
        for page in reader.pages:
            check()
            parts.append(page.extract_text() or "")
            if sum(map(len, parts)) > MAX_TEXT_CHARS:
                break
        return "\n".join(parts)
    except ImportError_:
        raise
    except Exception as exc:  # noqa: BLE001 — pypdf raises many kinds on broken files
        raise ImportError_(f"{path} could not be read as a PDF ({type(exc).__name__}).") from None


def read_policy_text(path: str | os.PathLike, check=lambda: None) -> str:
    """The plain text of a policy file, whatever its format."""
    path = Path(path)
    data = _read(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        text = _pdf_text(path, data, check)
    elif suffix == ".docx" or data.startswith(b"PK\x03\x04"):
        text = _docx_text(path, data)
    else:
        if looks_binary(data):
            raise ImportError_(f"{path} is not a text, HTML, Word or PDF file (it looks like binary data).")
        text = decode_text(data)
        if suffix in (".html", ".htm", ".xhtml") or re.match(r"\s*(<!doctype html|<html|<body|<div|<p\b)", text[:500], re.I):
            text = html_to_text(text)
    if not text.strip():
        raise ImportError_(f"{path} contains no text (a scanned PDF needs text recognition first).")
    return text[:MAX_TEXT_CHARS]
