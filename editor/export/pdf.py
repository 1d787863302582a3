"""PDF writer through Qt: the one Qt document builder (editor.export.qtdoc, the same that fills
the live preview) laid out by QTextDocument on A4 and painted page by page, so every page gets
a footer with company, "Stand" and "Seite X von Y".

Qt is imported inside the functions only: editor.core and the other writers stay Qt-free. The
QApplication Qt needs is the running one (the GUI's), or one ``qt_application`` creates for the
duration of an export and shuts down afterwards — never one kept in a module global.
"""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..core.document import Document
from . import qtdoc
from .text import stand_line

MARGINS_MM = (20.0, 18.0, 20.0, 16.0)  # left, top, right, bottom (the footer sits inside the bottom)
FOOTER_PT = 10.0  # height of the footer band, below the text body
RESOLUTION = 300
FONT_FAMILIES = ["Liberation Sans", "Arial", "Helvetica", "DejaVu Sans", "Noto Sans"]


@contextmanager
def qt_application() -> Iterator[object]:
    """The running QApplication, or one created for the ``with`` block and shut down after it.

    A QApplication, not just a QGuiApplication: if the same process later shows a widget (the
    GUI after a CLI-style export, or tests), a bare QGuiApplication would abort it."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        yield app
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication([sys.argv[0] if sys.argv else "policy-editor"])
    try:
        yield app
    finally:
        app.shutdown()


def page_label(document: Document, page: int, pages: int) -> str:
    return document.label("page").replace("{page}", str(page)).replace("{pages}", str(pages))


def layout_document(document: Document, device: object = None):
    """The QTextDocument the PDF prints: the preview's builder (editor.export.qtdoc), with the
    print font, laid out in the pixels of ``device`` (the QPdfWriter). Needs a QGuiApplication."""
    from PySide6.QtGui import QFont, QTextDocument

    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(10.0)
    text = QTextDocument()
    text.setDefaultFont(font)
    text.setDocumentMargin(0)
    if device is not None:  # fonts, margins and borders are then scaled by Qt
        text.documentLayout().setPaintDevice(device)
    return qtdoc.build(document, text)  # what the preview shows is what prints


def to_bytes(document: Document) -> bytes:
    with qt_application():
        return _render(document)


def _render(document: Document) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(*MARGINS_MM), QPageLayout.Unit.Millimeter)
    )
    title = " ".join(document.title.split())
    company = " ".join(document.company.split())
    writer.setTitle(f"{title} – {company}" if company else title)
    writer.setCreator("Policy Editor")

    text = layout_document(document, writer)
    font = text.defaultFont()

    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer = FOOTER_PT * RESOLUTION / 72.0
    body = QSizeF(page.width(), page.height() - footer)
    text.setPageSize(body)  # paginates: lines never straddle two pages
    pages = max(1, text.pageCount())

    footer_font = QFont(font)
    footer_font.setPointSizeF(8.0)
    left = " · ".join(part for part in (company, " ".join(stand_line(document).split())) if part)

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("the PDF could not be started")
    try:
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * body.height())
            text.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            band = QRectF(0, body.height(), body.width(), footer)
            painter.drawText(band, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, page_label(document, index + 1, pages))
            painter.drawText(band, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, left)
    finally:
        painter.end()
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())


def write(document: Document, path: Path) -> None:
    from . import write_file

    write_file(path, to_bytes(document))
