"""About dialog: versions of the app, Qt, PySide6 and every loaded clause pack."""
from __future__ import annotations

from html import escape

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox

from .. import APP_NAME, __version__



def about_html(catalog) -> str:
    user = QCoreApplication.translate("About", "user pack")
    packs = "".join(
        f"<li>{escape(p.id)} {escape(p.manifest.version)}{' (' + escape(user) + ')' if p.user else ''}</li>"
        for p in sorted(catalog.packs.values(), key=lambda p: p.id)
    )
    services = QCoreApplication.translate("About", "%1 services in the catalog").replace("%1", str(len(catalog.services)))
    return (
        f"<h3>{escape(APP_NAME)} {escape(__version__)}</h3>"
        f"<p>{escape(QCoreApplication.translate('About', 'Composes GDPR privacy policies in German and English. Works offline.'))}</p>"
        f"<p>Qt {escape(qVersion())} · PySide6 {escape(PySide6.__version__)}</p>"
        f"<p>{escape(QCoreApplication.translate('About', 'Clause packs:'))}</p><ul>{packs}</ul>"
        f"<p>{escape(services)}</p>"
    )


def show_about(parent, catalog) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("About", "About Policy Editor"))
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setText(about_html(catalog))
    box.exec()
