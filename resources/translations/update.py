"""Regenerate the Qt translations: pyside6-lupdate → fill from GERMAN → pyside6-lrelease.

Run from the repository root after changing UI strings:
    /tmp/venv/bin/python resources/translations/update.py
Source strings are English. The German table below is the translation; a string missing here
stays "unfinished" and tests/gui/test_translations.py fails, naming it.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

GERMAN = {
    # export dialog
    "Formats": "Formate",
    "&Word document (DOCX) — for your lawyer": "&Word-Dokument (DOCX) – für Ihre Anwältin oder Ihren Anwalt",
    "&HTML page — complete web page": "&HTML-Seite – vollständige Webseite",
    "HTML &fragment — to paste into your website": "HTML-&Baustein – zum Einfügen in Ihre Website",
    "&Markdown — for website builders": "&Markdown – für Website-Baukästen",
    "&Plain text": "&Reiner Text",
    "P&DF": "P&DF",
    "&Review edition: notes and comments for your lawyer":
        "Prüf&fassung: Hinweise und Kommentare für Ihre Rechtsberatung",
    "Languages": "Sprachen",
    "&German": "Deu&tsch",
    "E&nglish": "E&nglisch",
    "Where": "Speicherort",
    "Output folder": "Zielordner",
    "&Browse…": "Durch&suchen …",
    "F&older:": "&Ordner:",
    "File name without ending": "Dateiname ohne Endung",
    "File &name:": "Datei&name:",
    "&Export": "&Exportieren",
    "&Open folder": "Ordner ö&ffnen",
    "Export": "Exportieren",
    "privacy-policy": "datenschutzerklaerung",
    "Files: %1": "Dateien: %1",
    "Choose at least one format and one language.": "Wählen Sie mindestens ein Format und eine Sprache.",
    "Export to folder": "In Ordner exportieren",
    "The folder %1 cannot be created (%2).": "Der Ordner %1 kann nicht angelegt werden (%2).",
    "Exporting…": "Exportiere …",
    "Replace existing files?": "Vorhandene Dateien ersetzen?",
    "These files already exist and would be replaced:\n%1": "Diese Dateien gibt es schon; sie würden ersetzt:\n%1",
    "Record export": "Export vermerken",
    # findings when the checks themselves fail
    "The checks could not run, so nothing was checked: %1":
        "Die Prüfungen konnten nicht laufen, es wurde also nichts geprüft: %1",
    "Checks failed": "Prüfung fehlgeschlagen",
    "Writing %1…": "Schreibe %1 …",
    "%1 file(s) written to %2:": "%1 Datei(en) gespeichert in %2:",
    "Not written:": "Nicht geschrieben:",
    # company form
    "Company (controller)": "Unternehmen (Verantwortlicher)",
    "Company &name:": "Firmen&name:",
    "&Legal form:": "&Rechtsform:",
    "&Represented by:": "&Vertreten durch:",
    "O&wner:": "&Inhaber/in:",
    "S&treet and number:": "S&traße und Hausnummer:",
    "&Postcode:": "&PLZ:",
    "C&ity:": "&Ort:",
    "Co&untry:": "L&and:",
    "Re&gister entry:": "Re&gistereintrag:",
    "Contact": "Kontakt",
    "&E-mail:": "&E-Mail:",
    "P&hone:": "Tele&fon:",
    "Data protection officer": "Datenschutzbeauftragte(r)",
    "We have a data protection &officer": "Wir haben eine(n) &Datenschutzbeauftragte(n)",
    "We have a data protection officer": "Wir haben eine(n) Datenschutzbeauftragte(n)",
    "Name of the DPO:": "Name:",
    "External firm:": "Externe Firma:",
    "DPO e-mail:": "E-Mail der/des DSB:",
    "DPO phone:": "Telefon der/des DSB:",
    "DPO address:": "Anschrift der/des DSB:",
    "Authority, date and languages": "Aufsichtsbehörde, Stand und Sprachen",
    "Policy l&anguages:": "Spra&chen der Datenschutzerklärung:",
    "German and English": "Deutsch und Englisch",
    "Policy in German only": "Datenschutzerklärung nur auf Deutsch",
    "Policy in German and English": "Datenschutzerklärung auf Deutsch und Englisch",
    "German is always included. Add English if your website also addresses English-speaking visitors: "
    "your own texts are then needed in both languages.":
        "Deutsch ist immer dabei. Nehmen Sie Englisch hinzu, wenn sich Ihre Website auch an englischsprachige "
        "Besucher richtet: Ihre eigenen Texte brauchen Sie dann in beiden Sprachen.",
    "Policy languages": "Sprachen der Datenschutzerklärung",
    "Described by you: %1": "Von Ihnen beschrieben: %1",
    "For the %1 text, choose %1 under “Document language” in the toolbar.":
        "Für den Text auf %1 wählen Sie oben in der Werkzeugleiste unter „Sprache des Dokuments“ %1.",
    "This project's policy is in German only. Add English on the Company tab, under “Policy languages”.":
        "Die Datenschutzerklärung dieses Projekts ist nur auf Deutsch. Englisch nehmen Sie auf der Registerkarte "
        "„Unternehmen“ unter „Sprachen der Datenschutzerklärung“ hinzu.",
    "%1 — add it on the Company tab": "%1 – auf der Registerkarte „Unternehmen“ hinzufügen",
    "Contact and website": "Kontakt und Website",
    "Legal form": "Rechtsform",
    "Legal form in your own words": "Rechtsform in eigenen Worten",
    "e.g. Ltd., PartG mbB": "z. B. Ltd., PartG mbB",
    "The postcode %1 is in %2.": "Die PLZ %1 liegt in %2.",
    "Use %1 as the federal state": "%1 als Bundesland übernehmen",
    "Appl&y": "&Übernehmen",
    "Set “&Stand” to today (now %1)": "„St&and“ auf heute setzen (bisher %1)",
    "— not set —": "– nicht gewählt –",
    "Federal state": "Bundesland",
    "&Federal state:": "&Bundesland:",
    "https://www.example.de (one per line)": "https://www.beispiel.de (eine pro Zeile)",
    "Websites": "Websites",
    "Web&site:": "Web&site:",
    "Date of this version (Stand)": "Datum dieser Fassung (Stand)",
    "&Date (Stand):": "Stan&d:",
    "Date (Stand)": "Stand",
    # custom sections
    "Add text of your own, e.g. about your shop's customer account. The body is Markdown: **bold**, *italic*, lists with \"- \".":
        "Fügen Sie eigenen Text hinzu, z. B. zum Kundenkonto Ihres Shops. Der Text ist Markdown: **fett**, *kursiv*, Listen mit „- “.",
    "Custom sections": "Eigene Abschnitte",
    "&Add section": "Abschnitt &hinzufügen",
    "Re&move section": "Abschnitt ent&fernen",
    "Section title": "Abschnittstitel",
    "Section text (Markdown)": "Abschnittstext (Markdown)",
    "&Title:": "&Titel:",
    "Te&xt:": "Te&xt:",
    "New section": "Neuer Abschnitt",
    "Add section": "Abschnitt hinzufügen",
    "Remove section": "Abschnitt entfernen",
    "Custom section": "Eigener Abschnitt",
    "German": "Deutsch",
    "English": "Englisch",
    "&Title (%1):": "&Titel (%1):",
    "Te&xt (%1):": "Te&xt (%1):",
    # findings
    "Findings": "Hinweise",
    "No findings: everything the checks look at is in place.": "Keine Hinweise: Alles, was die Prüfung ansieht, ist vorhanden.",
    # main window
    "&Company": "&Unternehmen",
    "Se&rvice": "&Dienst",
    "Own se&ctions": "Eigene Ab&schnitte",
    "Stand:": "Stand:",
    "Loading the services…": "Dienste werden geladen …",
    "Preparing the preview…": "Vorschau wird vorbereitet …",
    "Preview of the privacy policy": "Vorschau der Datenschutzerklärung",
    "Document language": "Sprache des Dokuments",
    "Language of the policy shown in the preview": "Sprache der Datenschutzerklärung in der Vorschau",
    "&New": "&Neu",
    "&Open…": "Ö&ffnen …",
    "&Save": "&Speichern",
    "Save &As…": "Speichern &unter …",
    "&Export…": "E&xportieren …",
    "&Close": "S&chließen",
    "&Quit": "&Beenden",
    "&Undo": "&Rückgängig",
    "&Redo": "&Wiederholen",
    "&Find service": "Dienst &suchen",
    "&About Policy Editor": "Ü&ber Policy Editor",
    "&File": "&Datei",
    "Open &Recent": "&Zuletzt geöffnet",
    "&Edit": "&Bearbeiten",
    "&View": "&Ansicht",
    "System default": "Wie das System",
    "&Help": "&Hilfe",
    "Main": "Werkzeuge",
    "Document &language:": "&Sprache des Dokuments:",
    "Add %1": "%1 hinzufügen",
    "Remove %1": "%1 entfernen",
    "A clause pack has a problem: %1": "Ein Textbaustein-Paket hat einen Fehler: %1",
    "%1 errors, %2 warnings": "%1 Fehler, %2 Warnungen",
    ", %1 tasks open": ", %1 Aufgaben offen",
    "To do on your website and in your business (%1 of %2 open)":
        "Zu erledigen auf Ihrer Website und in Ihrem Betrieb (%1 von %2 offen)",
    "Tick when done; it is saved with the project.": "Abhaken, wenn erledigt; das wird im Projekt gespeichert.",
    "Mark task as done": "Aufgabe als erledigt markieren",
    "Mark task as open": "Aufgabe als offen markieren",
    "Untitled": "Unbenannt",
    "The example cannot be opened": "Das Beispiel lässt sich nicht öffnen",
    "The project cannot be opened": "Das Projekt lässt sich nicht öffnen",
    "The project was not saved": "Das Projekt wurde nicht gespeichert",
    "Your changes are still open here; try another folder with Save As.":
        "Ihre Änderungen sind hier weiter geöffnet; versuchen Sie mit „Speichern unter“ einen anderen Ordner.",
    "Something went wrong that Policy Editor did not expect (%1). Nothing was changed on disk.":
        "Etwas Unerwartetes ist schiefgegangen (%1). Auf der Festplatte wurde nichts verändert.",
    "The project was saved without a backup": "Das Projekt wurde ohne Sicherungskopie gespeichert",
    "Please note": "Bitte beachten Sie",
    "The text was cut to the most characters Policy Editor accepts for this field.":
        "Der Text wurde auf die größte Zeichenzahl gekürzt, die Policy Editor für dieses Feld annimmt.",
    "The file was changed by another program since you opened it.":
        "Die Datei wurde seit dem Öffnen von einem anderen Programm geändert.",
    "Overwriting %1 replaces those changes with yours. Save As keeps both.":
        "Überschreiben ersetzt diese Änderungen in %1 durch Ihre. „Speichern unter“ behält beide.",
    "&Overwrite": "Über&schreiben",
    "%1 is read-only. Overwrite it anyway?": "%1 ist schreibgeschützt. Trotzdem überschreiben?",
    "The file stays read-only afterwards. Choose Cancel and then Save As to keep it unchanged.":
        "Die Datei bleibt danach schreibgeschützt. Wählen Sie „Abbrechen“ und dann „Speichern unter“, "
        "um sie unverändert zu lassen.",
    "Saved to %1": "Gespeichert in %1",
    "Autosave failed: %1": "Automatisches Sichern fehlgeschlagen: %1",
    "a new project": "ein neues Projekt",
    "Restore unsaved changes from %1 to %2?": "Ungespeicherte Änderungen von %1 an %2 wiederherstellen?",
    "Unsaved changes cannot be restored": "Ungespeicherte Änderungen lassen sich nicht wiederherstellen",
    "The autosave %1 cannot be read: %2 It was kept, in case it can be rescued by hand.":
        "Die automatische Sicherung %1 lässt sich nicht lesen: %2 Sie wurde aufbewahrt, falls sie sich von Hand "
        "retten lässt.",
    "Do you want to save the changes to %1?": "Möchten Sie die Änderungen an %1 speichern?",
    "the new project": "dem neuen Projekt",
    "If you don't save, your changes will be lost.": "Wenn Sie nicht speichern, gehen Ihre Änderungen verloren.",
    "Policy Editor was not closed properly last time. Restoring opens these changes as unsaved work; discarding deletes them.":
        "Policy Editor wurde beim letzten Mal nicht ordnungsgemäß beendet. Wiederherstellen öffnet diese Änderungen "
        "als ungespeicherte Arbeit; Verwerfen löscht sie.",
    "&Restore": "&Wiederherstellen",
    "&Discard": "&Verwerfen",
    "Open project": "Projekt öffnen",
    "Policy Editor projects (*.policy.json *.json);;All files (*)": "Policy-Editor-Projekte (*.policy.json *.json);;Alle Dateien (*)",
    "Save project": "Projekt speichern",
    "Policy Editor projects (*.policy.json)": "Policy-Editor-Projekte (*.policy.json)",
    "Some clause packs could not be loaded completely": "Einige Textbaustein-Pakete ließen sich nicht vollständig laden",
    "The services and texts from these files are missing until the pack is fixed. Everything else works.\n\n%1":
        "Die Dienste und Texte aus diesen Dateien fehlen, bis das Paket korrigiert ist. Alles andere funktioniert.\n\n%1",
    "The new interface language applies the next time Policy Editor starts.":
        "Die neue Sprache der Oberfläche gilt ab dem nächsten Start von Policy Editor.",
    "&Clear list": "Liste &leeren",
    # checklist and service form
    "Search services and keywords…": "Dienste und Stichwörter suchen …",
    "Search services": "Dienste suchen",
    "Services": "Dienste",
    "&Services you use:": "&Dienste, die Sie nutzen:",
    "Self-hosted: no outside provider": "Selbst betrieben: kein externer Anbieter",
    "&Include this service in the policy": "Diesen Dienst in die Datenschutzerklärung &aufnehmen",
    "Options": "Einstellungen",
    "Choose a service in the list on the left to see its details and options.":
        "Wählen Sie links einen Dienst, um seine Angaben und Einstellungen zu sehen.",
    "Provider: %1, %2": "Anbieter: %1, %2",
    "Facts verified: %1": "Angaben geprüft am: %1",
    # welcome page
    "Welcome to Policy Editor": "Willkommen bei Policy Editor",
    "Put together the privacy policy for your website in three steps: tick the services you use, fill in your company details, and export a Word file for your lawyer and HTML for your website. Everything stays on this computer.":
        "Stellen Sie die Datenschutzerklärung für Ihre Website in drei Schritten zusammen: Haken Sie die Dienste an, "
        "die Sie nutzen, tragen Sie Ihre Firmendaten ein und exportieren Sie eine Word-Datei für Ihre Anwältin oder "
        "Ihren Anwalt und HTML für Ihre Website. Alles bleibt auf diesem Computer.",
    "Open the selected &example": "Ausgewähltes &Beispiel öffnen",
    "Opens the example selected in the list below": "Öffnet das in der Liste unten ausgewählte Beispiel",
    "&Guide": "&Anleitung",
    "A short guide for your first hour (F1)": "Eine kurze Anleitung für die erste Stunde (F1)",
    "&New project": "&Neues Projekt",
    "Examples:": "Beispiele:",
    "Example projects": "Beispielprojekte",
    "Recent files:": "Zuletzt geöffnet:",
    "Recent files": "Zuletzt geöffnete Dateien",
    # about
    "About Policy Editor": "Über Policy Editor",
    "user pack": "eigenes Paket",
    "%1 services in the catalog": "%1 Dienste im Katalog",
    "Composes GDPR privacy policies in German and English. Works offline.":
        "Erstellt Datenschutzerklärungen nach DSGVO auf Deutsch und Englisch. Arbeitet offline.",
    "Clause packs:": "Textbaustein-Pakete:",
    "Policy Editor helps you write your privacy policy, but it is not legal advice. Have the result reviewed by a lawyer or a data protection expert before you publish it.":
        "Policy Editor hilft Ihnen, Ihre Datenschutzerklärung zu schreiben, ersetzt aber keine Rechtsberatung. "
        "Lassen Sie das Ergebnis vor der Veröffentlichung von einer Anwältin, einem Anwalt oder einer Fachperson "
        "für Datenschutz prüfen.",
    "licence: %1": "Lizenz: %1",
    "Licence: %1": "Lizenz: %1",
    "proprietary, all rights reserved": "proprietär, alle Rechte vorbehalten",
    "Contact: %1": "Kontakt: %1",
    "Built with Qt %1 and PySide6 %2.": "Erstellt mit Qt %1 und PySide6 %2.",
    # headcount (company form) and the recovery question
    "Headcount": "Zahl der Personen",
    "&20 or more people process personal data": "&20 oder mehr Personen verarbeiten Daten",
    "Tick this if, as a rule, at least 20 people at your business constantly work with personal data on computers (staff, trainees, freelancers). A data protection officer is then required (§ 38 BDSG) — whatever the headcount, also for processing that needs a data protection impact assessment.":
        "Haken Sie das an, wenn bei Ihnen in der Regel mindestens 20 Personen ständig mit der automatisierten "
        "Verarbeitung personenbezogener Daten beschäftigt sind (Beschäftigte, Auszubildende, freie Mitarbeitende). "
        "Dann ist eine Datenschutzbeauftragte oder ein Datenschutzbeauftragter Pflicht (§ 38 BDSG) – unabhängig von "
        "der Zahl auch bei einer Verarbeitung, die eine Datenschutz-Folgenabschätzung erfordert.",
    # help
    "&Getting started": "&Erste Schritte",
    "Getting started with Policy Editor": "Erste Schritte mit Policy Editor",
    # scan and import dialogs (suggestions.py, scan_dialog.py, import_dialog.py)
    "Scan my &website…": "Eigene &Website scannen …",
    "&Import existing policy…": "Vorhandene Datenschutzerklärung &importieren …",
    "Scan my website": "Eigene Website scannen",
    "Import existing policy": "Vorhandene Datenschutzerklärung importieren",
    "&Cancel": "&Abbrechen",
    "C&lose": "Sch&ließen",
    "Progress": "Fortschritt",
    "Service": "Dienst",
    "Seen in": "Gefunden in",
    "What matched": "Fundstelle",
    "Suggested services": "Vorgeschlagene Dienste",
    "Tick the services your policy should describe. Each row shows where the service was seen; open a row for "
    "more evidence.":
        "Haken Sie die Dienste an, die Ihre Datenschutzerklärung beschreiben soll. Jede Zeile zeigt, wo der Dienst "
        "gefunden wurde; klappen Sie eine Zeile auf, um weitere Fundstellen zu sehen.",
    "Services (%1)": "Dienste (%1)",
    "The services found will be listed here, each with where it was seen.":
        "Hier erscheinen die gefundenen Dienste, jeder mit der Stelle, an der er gefunden wurde.",
    "Reading %1…": "Lese %1 …",
    "Loading %1…": "Lade %1 …",
    "Comparing with the services Policy Editor knows…": "Vergleiche mit den Diensten, die Policy Editor kennt …",
    "Starting…": "Starte …",
    "Cancelled; nothing was changed.": "Abgebrochen; es wurde nichts geändert.",
    "Something unexpected went wrong (%1). Nothing was changed.":
        "Etwas Unerwartetes ist schiefgegangen (%1). Es wurde nichts geändert.",
    "%1 (already selected)": "%1 (schon ausgewählt)",
    "Add suggested services": "Vorgeschlagene Dienste hinzufügen",
    "Add&ress or saved copy:": "Ad&resse oder gespeicherte Kopie:",
    "https://www.your-site.de — or a saved page, folder or HAR file":
        "https://www.ihre-website.de – oder eine gespeicherte Seite, ein Ordner oder eine HAR-Datei",
    "Address of your website, or a saved page, folder or HAR file":
        "Adresse Ihrer Website, oder eine gespeicherte Seite, ein Ordner oder eine HAR-Datei",
    "Saved &page…": "Gespeicherte &Seite …",
    "&Folder…": "&Ordner …",
    "&HAR file…": "&HAR-Datei …",
    "Pages at &most:": "Seiten&zahl (höchstens):",
    "for an address: links on your site are followed up to this number":
        "bei einer Adresse: Links auf Ihrer Website werden bis zu dieser Zahl verfolgt",
    "&Scan": "S&cannen",
    "Scan only your own site. Scripts are not executed, so services that load later (after consent or through a "
    "tag manager) can be missing; a HAR file records them: in Firefox or Chrome press F12, open the Network tab, "
    "reload and click through the page, then save the list with \"Save all as HAR\" (Firefox) or \"Export HAR…\" "
    "(Chrome).":
        "Scannen Sie nur Ihre eigene Website. Skripte werden nicht ausgeführt, daher können Dienste fehlen, die erst "
        "später laden (nach der Einwilligung oder über einen Tag-Manager); eine HAR-Datei hält auch sie fest: Drücken "
        "Sie in Firefox oder Chrome F12, öffnen Sie den Reiter „Netzwerk“, laden Sie die Seite neu und klicken Sie "
        "sich durch, dann speichern Sie die Liste mit „Alles als HAR speichern“ (Firefox) bzw. „HAR exportieren …“ "
        "(Chrome).",
    "Not recognised": "Nicht erkannt",
    "Not recognised (%1)": "Nicht erkannt (%1)",
    "Your site loads something from these third-party hosts, but Policy Editor knows no service behind them. "
    "Check what they are: each may need a section you describe yourself.":
        "Ihre Website lädt Inhalte von diesen fremden Servern, aber Policy Editor kennt keinen Dienst dahinter. "
        "Prüfen Sie, was dahintersteckt: Für jeden kann ein Abschnitt nötig sein, den Sie selbst schreiben.",
    "Host": "Server",
    "Hosts not recognised": "Nicht erkannte Server",
    "&Add selected services": "Ausgewählte &Dienste hinzufügen",
    "Folder of a saved site": "Ordner einer gespeicherten Website",
    "HAR files (*.har);;All files (*)": "HAR-Dateien (*.har);;Alle Dateien (*)",
    "Web pages (*.html *.htm *.xhtml *.shtml);;All files (*)": "Webseiten (*.html *.htm *.xhtml *.shtml);;Alle Dateien (*)",
    "Saved page": "Gespeicherte Seite",
    "HAR file": "HAR-Datei",
    "No known service and no third-party host found in %1 page(s).":
        "In %1 Seite(n) wurde kein bekannter Dienst und kein fremder Server gefunden.",
    "%1 page(s) read. Untick what your site does not use, then add the rest.":
        "%1 Seite(n) gelesen. Entfernen Sie die Haken bei allem, was Ihre Website nicht nutzt, und fügen Sie den Rest "
        "hinzu.",
    "Policies (*.txt *.md *.html *.htm *.docx *.pdf);;All files (*)":
        "Datenschutzerklärungen (*.txt *.md *.html *.htm *.docx *.pdf);;Alle Dateien (*)",
    "Policy file: %1": "Datei: %1",
    "&Other file…": "Andere Da&tei …",
    "Ticked details fill empty fields of your company form. A field you have already filled is replaced only if "
    "you tick it.":
        "Angehakte Angaben füllen die leeren Felder Ihrer Unternehmensangaben. Ein Feld, das Sie schon ausgefüllt "
        "haben, wird nur ersetzt, wenn Sie es anhaken.",
    "What Policy Editor noticed about the old text — for your information; it changes nothing in your project.":
        "Was Policy Editor am alten Text aufgefallen ist – zu Ihrer Information; an Ihrem Projekt ändert es nichts.",
    "Notes about the old policy": "Hinweise zur alten Datenschutzerklärung",
    "&Apply selection": "Auswahl &übernehmen",
    "Company name": "Firmenname",
    "Street and number": "Straße und Hausnummer",
    "Postcode": "PLZ",
    "City": "Ort",
    "Email": "E-Mail",
    "Phone": "Telefon",
    "Company details (%1)": "Unternehmensangaben (%1)",
    "About the old text (%1)": "Zum alten Text (%1)",
    "%1: %2": "%1: %2",
    "(already entered)": "(schon eingetragen)",
    "— replaces “%1”": "– ersetzt „%1“",
    "No company details were found in the old text.": "Im alten Text wurden keine Unternehmensangaben gefunden.",
    "Untick what does not apply to you any more, then apply the rest.":
        "Entfernen Sie die Haken bei allem, was nicht mehr zutrifft, und übernehmen Sie den Rest.",
    "The old text names no service Policy Editor knows and no company details.":
        "Der alte Text nennt keinen Dienst, den Policy Editor kennt, und keine Unternehmensangaben.",
    "Import from %1": "Import aus %1",
    # own services: the form, the checklist, the scan dialog, the main window
    "%1 (%2)": "%1 (%2)",
    "Describe a service yourself": "Dienst selbst beschreiben",
    "Edit your own service": "Eigenen Dienst bearbeiten",
    "Describe the service as its provider does in its privacy notice and contract. Policy Editor checks your entries by the same rules as the services of the clause packs, but cannot check the facts: the review edition marks them as described by you.":
        "Beschreiben Sie den Dienst so, wie es sein Anbieter in seinen Datenschutzhinweisen und im Vertrag tut. Policy Editor prüft Ihre Angaben nach denselben Regeln wie die Dienste der Baustein-Pakete, kann die Fakten aber nicht prüfen: Die Prüffassung kennzeichnet sie als von Ihnen beschrieben.",
    "Ca&tegory:": "&Kategorie:",
    "&Role of the provider:": "&Rolle des Anbieters:",
    "Provider (legal &entity):": "Anbieter (&Unternehmen):",
    "Provider's a&ddress:": "&Anschrift des Anbieters:",
    "Provider's c&ountry:": "&Land des Anbieters:",
    "Transfer &safeguard:": "&Garantie für die Übermittlung:",
    "Provider's &privacy notice (https://…):": "&Datenschutzhinweise des Anbieters (https://…):",
    "Privacy notice in English, if separate:": "Datenschutzhinweise auf Englisch, falls eigene Seite:",
    "Device access:": "Zugriff auf das Endgerät:",
    "&Name": "&Name",
    "Data processed, one per line": "Verarbeitete Daten, eine Angabe pro Zeile",
    "How long it is kept": "Wie lange sie gespeichert werden",
    "What the joint-control arrangement covers": "Was die Vereinbarung zur gemeinsamen Verantwortung regelt",
    "Stores or reads data on the visitor's device": "Speichert oder liest Daten auf dem Endgerät der Besucher",
    "Not printed for a processor: the policy names it with its country, like every processor.":
        "Bei einem Auftragsverarbeiter steht die Anschrift nicht in der Erklärung: Sie nennt ihn, wie jeden "
        "Auftragsverarbeiter, mit seinem Land.",
    "For example cookies, local storage or a device fingerprint: then the visitors must consent first (Section 25 TDDDG).":
        "Zum Beispiel Cookies, Local Storage oder ein Geräte-Fingerabdruck: Dann müssen die Besucher vorher einwilligen (§ 25 TDDDG).",
    "— choose a category —": "— Kategorie wählen —",
    "Processes data on our behalf (processor, Art. 28 GDPR)":
        "Verarbeitet Daten in unserem Auftrag (Auftragsverarbeiter, Art. 28 DSGVO)",
    "Decides on its own (independent controller)": "Entscheidet selbst (eigenständig Verantwortlicher)",
    "Decides together with us (joint controller, Art. 26 GDPR)":
        "Entscheidet gemeinsam mit uns (gemeinsam Verantwortliche, Art. 26 DSGVO)",
    "We run it ourselves (self-hosted, no recipient)": "Wir betreiben ihn selbst (selbst gehostet, kein Empfänger)",
    "— choose —": "— bitte wählen —",
    "Adequacy decision of the EU Commission": "Angemessenheitsbeschluss der EU-Kommission",
    "EU-US Data Privacy Framework, standard contractual clauses as fallback":
        "EU-US Data Privacy Framework, hilfsweise Standardvertragsklauseln",
    "Standard contractual clauses (2021/914)": "Standardvertragsklauseln (2021/914)",
    "Binding corporate rules": "Verbindliche interne Datenschutzvorschriften (BCR)",
    "Consent": "Einwilligung",
    "Contract": "Vertrag",
    "Legal obligation": "Rechtliche Verpflichtung",
    "Legitimate interest": "Berechtigtes Interesse",
    "Explicit consent (health and other special data)": "Ausdrückliche Einwilligung (Gesundheits- und andere besondere Daten)",
    "Purpose": "Zweck",
    "Legal basis": "Rechtsgrundlage",
    "Interest": "Interesse",
    "For a legitimate interest (Art. 6(1)(f) GDPR), spell out the interest.":
        "Nennen Sie bei berechtigtem Interesse (Art. 6 Abs. 1 lit. f DSGVO) das Interesse.",
    "Purposes and their legal basis": "Zwecke und ihre Rechtsgrundlage",
    "&Add purpose": "Zweck &hinzufügen",
    "Remove purpose": "Zweck entfernen",
    "&Delete service": "Dienst &löschen",
    "Save as &user pack…": "Als eigenes &Paket speichern …",
    "The company behind %1, e.g. “Example Inc.”": "Das Unternehmen hinter %1, z. B. „Beispiel GmbH“",
    "Missing in %1: %2": "Fehlt auf %1: %2",
    "%1 is outside the EU/EEA: choose a transfer safeguard.":
        "%1 liegt außerhalb von EU und EWR: Wählen Sie eine Garantie für die Übermittlung.",
    "Still missing or to check:": "Noch offen oder zu prüfen:",
    "Complete: nothing is missing.": "Vollständig: Es fehlt nichts.",
    "Delete service": "Dienst löschen",
    "Delete this service from the project? You can undo it.":
        "Diesen Dienst aus dem Projekt löschen? Sie können das rückgängig machen.",
    "Save as user pack": "Als eigenes Paket speichern",
    "The pack could not be written (%1).": "Das Paket konnte nicht geschrieben werden (%1).",
    "Saved as a clause pack in %1. It is available in every project after the next start.":
        "Als Baustein-Paket in %1 gespeichert. Nach dem nächsten Start steht es in jedem Projekt zur Verfügung.",
    "Describe a service &yourself…": "Dienst selbst &beschreiben …",
    "For a service the list lacks: describe its provider, purposes and data":
        "Für einen Dienst, der in der Liste fehlt: Beschreiben Sie Anbieter, Zwecke und Daten",
    "Ed&it…": "Be&arbeiten …",
    "Edit the service you described yourself": "Den selbst beschriebenen Dienst bearbeiten",
    "%1 (described by you)": "%1 (von Ihnen beschrieben)",
    "Described by you, not checked by us. Double-click to edit.":
        "Von Ihnen beschrieben, nicht von uns geprüft. Doppelklick zum Bearbeiten.",
    "Not in the list? Describe “%1” yourself": "Nicht in der Liste? „%1“ selbst beschreiben",
    "Describe “%1” yourself": "„%1“ selbst beschreiben",
    "&Describe the service behind this host yourself…": "Dienst hinter diesem Host selbst &beschreiben …",
    "Delete %1": "%1 löschen",
    "Describe %1": "%1 beschreiben",
    "Edit %1": "%1 bearbeiten",
    "The policy cannot be exported yet": "Die Erklärung kann noch nicht exportiert werden",
    "No installed clause pack knows the selected service(s) %1. Install the pack again, or click its finding to remove it from the project.":
        "Kein installiertes Baustein-Paket kennt den ausgewählten Dienst bzw. die Dienste %1. Installieren Sie das Paket wieder oder klicken Sie auf den Hinweis dazu, um den Dienst aus dem Projekt zu entfernen.",
    "“%1”": "„%1“",  # a name quoted in a sentence
    # a service no installed pack knows, from its finding (prompts.py)
    "No installed clause pack knows the service %1.": "Kein installiertes Baustein-Paket kennt den Dienst %1.",
    "It stays in the project file but is missing from the policy, and the policy cannot be exported. Remove it from "
    "the project, or install its pack again and open the project anew. Removing it can be undone.":
        "Er bleibt in der Projektdatei, fehlt aber in der Erklärung, und die Erklärung kann nicht exportiert werden. "
        "Entfernen Sie ihn aus dem Projekt oder installieren Sie sein Paket wieder und öffnen Sie das Projekt neu. "
        "Das Entfernen lässt sich rückgängig machen.",
    "&Remove from the project": "Aus dem Projekt &entfernen",
    # export with open errors (export_dialog.py)
    "The exported files would say at their top that they are a draft and list these errors. Fix them first (each "
    "finding at the bottom of the window leads to its place), or export the draft now.":
        "Die exportierten Dateien würden oben sagen, dass sie ein Entwurf sind, und diese Fehler nennen. Beheben Sie "
        "sie zuerst (jeder Hinweis unten im Fenster führt zur richtigen Stelle) oder exportieren Sie jetzt den Entwurf.",
    "Export &anyway": "&Trotzdem exportieren",
    # undo/redo toolbar buttons (actions.py)
    "Undo": "Rückgängig",
    "Redo": "Wiederholen",
    "&Don't export": "&Nicht exportieren",
    # company form: a pasted address block (walk7)
    "Paste address": "Adresse einfügen",
    "Not recognised, so left in “%1”: %2": "Nicht zugeordnet, daher im Feld „%1“ gelassen: %2",
}

# numerus strings: (singular, plural) per language
NUMERUS = {
    "%n open error(s) — export anyway?": {"de": ("%n offener Fehler – trotzdem exportieren?",
                                                 "%n offene Fehler – trotzdem exportieren?"),
                                          "en": ("%n open error — export anyway?", "%n open errors — export anyway?")},
    "%n service(s) selected": {"de": ("%n Dienst ausgewählt", "%n Dienste ausgewählt"),
                               "en": ("%n service selected", "%n services selected")},
    "%n not in any installed clause pack": {"de": ("%n in keinem installierten Baustein-Paket",) * 2,
                                            "en": ("%n not in any installed clause pack",) * 2},
    "%n error(s)": {"de": ("%n Fehler", "%n Fehler"), "en": ("%n error", "%n errors")},
    "%n warning(s)": {"de": ("%n Warnung", "%n Warnungen"), "en": ("%n warning", "%n warnings")},
    "Follows %1: %n day(s). A value you set here applies instead.": {
        "de": ("Übernommen von %1: %n Tag. Ein Wert, den Sie hier eintragen, gilt stattdessen.",
               "Übernommen von %1: %n Tage. Ein Wert, den Sie hier eintragen, gilt stattdessen."),
        "en": ("Follows %1: %n day. A value you set here applies instead.",
               "Follows %1: %n days. A value you set here applies instead.")},
    "%n task(s) open": {"de": ("%n Aufgabe offen", "%n Aufgaben offen"), "en": ("%n task open", "%n tasks open")},
    "%n file(s) written to %1:": {"de": ("%n Datei gespeichert in %1:", "%n Dateien gespeichert in %1:"),
                                  "en": ("%n file written to %1:", "%n files written to %1:")},
}


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "editor" / "gui").glob("*.py"))


def fill(ts: Path, lang: str) -> list[str]:
    """Write translations into ``ts``; returns source strings that have none."""
    tree = ET.parse(ts)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            forms = NUMERUS.get(source, {}).get(lang)
            if forms is None:
                missing.append(source)
                translation.set("type", "unfinished")
                continue
            translation.text = None
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
            translation.attrib.pop("type", None)
            continue
        text = GERMAN.get(source) if lang == "de" else source
        if text is None:
            missing.append(source)
            translation.set("type", "unfinished")
            translation.text = None
        else:
            translation.text = text
            translation.attrib.pop("type", None)
    ET.indent(tree)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    with open(ts, "r+", encoding="utf-8") as handle:  # lupdate's doctype, which ElementTree drops
        text = handle.read().replace("?>\n<TS", "?>\n<!DOCTYPE TS>\n<TS", 1)
        handle.seek(0)
        handle.write(text)
        handle.truncate()
    return missing


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    missing_all = []
    for lang, locale in (("de", "de_DE"), ("en", "en_GB")):
        ts = HERE / f"policy_editor_{lang}.ts"
        subprocess.run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                        "-target-language", locale, *sources(), "-ts", str(ts)], cwd=ROOT, check=True)
        missing = fill(ts, lang)
        release(ts, HERE / f"policy_editor_{lang}.qm")
        missing_all += [f"{lang}: {m}" for m in missing]
    for m in missing_all:
        print("untranslated:", m)
    return 1 if missing_all else 0


if __name__ == "__main__":
    raise SystemExit(main())
