"""About dialog: versions of the app, Qt, PySide6 and every loaded clause pack, the licence and
whom to write to — every sentence in the interface language."""
from __future__ import annotations

from html import escape

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox

from .. import APP_NAME, CONTACT, LICENSE, __version__


def not_legal_advice() -> str:
    """The sentence every user reads once (welcome page, guide, About)."""
    return QCoreApplication.translate(
        "About", "Policy Editor helps you write your privacy policy, but it is not legal advice. Have the result "
                 "reviewed by a lawyer or a data protection expert before you publish it.")


def about_html(catalog, lang: str = "en") -> str:
    """``lang``: the interface language, for the packs' titles."""
    user = QCoreApplication.translate("About", "user pack")
    pack_licence = QCoreApplication.translate("About", "licence: %1")
    packs = "".join(
        f"<li>{escape(p.manifest.title.get(lang))} ({escape(p.id)} {escape(p.manifest.version)}"
        f"{', ' + escape(user) if p.user else ''}; {escape(pack_licence.replace('%1', p.manifest.licence))})</li>"
        for p in sorted(catalog.packs.values(), key=lambda p: p.id)
    )
    services = QCoreApplication.translate("About", "%1 services in the catalog").replace("%1", str(len(catalog.services)))
    licence = QCoreApplication.translate("About", "proprietary, all rights reserved") if LICENSE == "Proprietary" \
        else LICENSE
    mail = f'<a href="mailto:{escape(CONTACT)}">{escape(CONTACT)}</a>'
    # each text on its own line: pyside6-lupdate does not find translate() inside an f-string
    summary = QCoreApplication.translate("About", "Composes GDPR privacy policies in German and English. Works offline.")
    licence_line = QCoreApplication.translate("About", "Licence: %1").replace("%1", licence)
    contact_line = escape(QCoreApplication.translate("About", "Contact: %1")).replace("%1", mail)
    built = QCoreApplication.translate("About", "Built with Qt %1 and PySide6 %2.")
    built = built.replace("%1", qVersion()).replace("%2", PySide6.__version__)
    packs_title = QCoreApplication.translate("About", "Clause packs:")
    return (
        f"<h3>{escape(APP_NAME)} {escape(__version__)}</h3>"
        f"<p>{escape(summary)}</p>"
        f"<p><b>{escape(not_legal_advice())}</b></p>"
        f"<p>{escape(licence_line)}<br>{contact_line}</p>"
        f"<p>{escape(built)}</p>"
        f"<p>{escape(packs_title)}</p><ul>{packs}</ul>"
        f"<p>{escape(services)}</p>"
    )


def show_about(parent, catalog, lang: str = "en") -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("About", "About Policy Editor"))
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setText(about_html(catalog, lang))
    box.exec()
