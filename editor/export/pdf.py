"""PDF writer through Qt: the Qt flavour of the HTML page, laid out by QTextDocument on A4 and
painted page by page so every page gets a footer with "Seite X von Y".

Qt is imported inside ``write`` only: editor.core and the other writers stay Qt-free.
"""
from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

from ..core.document import Document
from . import html
from .text import clean, label

_APP = None  # a QGuiApplication we had to create ourselves; kept alive for later exports

MARGINS_MM = (20.0, 18.0, 20.0, 16.0)  # left, top, right, bottom (the footer sits inside the bottom)
FOOTER_PT = 10.0  # height of the footer band, below the text body
RESOLUTION = 300


def _application():
    global _APP
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A QApplication, not just a QGuiApplication: if the same process later shows a widget
    # (the GUI after a CLI-style export, or tests), a bare QGuiApplication would abort it.
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = _APP = QApplication([sys.argv[0] if sys.argv else "policy-editor"])
    return app


def write(document: Document, path: Path) -> None:
    _application()
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(*MARGINS_MM), QPageLayout.Unit.Millimeter)
    )
    title = " ".join(clean(document.title).split())
    company = " ".join(clean(document.company).split())
    writer.setTitle(f"{title} – {company}" if company else title)
    writer.setCreator("Policy Editor")

    font = QFont()
    font.setFamilies(["Liberation Sans", "Arial", "Helvetica", "DejaVu Sans", "Noto Sans"])
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(10.0)

    text = QTextDocument()
    text.setUndoRedoEnabled(False)
    text.setDefaultFont(font)
    text.setDocumentMargin(0)
    # Lay out in the printer's own pixels: fonts, margins and borders are scaled by Qt.
    text.documentLayout().setPaintDevice(writer)
    text.setHtml(html.render(document, for_qt=True))

    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer = FOOTER_PT * RESOLUTION / 72.0
    body = QSizeF(page.width(), page.height() - footer)
    text.setPageSize(body)  # paginates: lines never straddle two pages
    pages = max(1, text.pageCount())

    footer_font = QFont(font)
    footer_font.setPointSizeF(8.0)
    stand = f"{label(document.language, 'stand')}: {' '.join(clean(document.stand).split())}"
    left = " · ".join(part for part in (company, stand) if part)

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(errno.EACCES, "the file cannot be created (does the folder exist, and may you write to it?)", str(path))
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
            number = label(document.language, "page").format(page=index + 1, pages=pages)
            painter.drawText(band, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, number)
            painter.drawText(band, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, left)
    finally:
        painter.end()
