<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
  <context>
    <name>About</name>
    <message>
      <source>Policy Editor helps you write your privacy policy, but it is not legal advice. Have the result reviewed by a lawyer or a data protection expert before you publish it.</source>
      <translation>Policy Editor hilft Ihnen, Ihre Datenschutzerklärung zu schreiben, ersetzt aber keine Rechtsberatung. Lassen Sie das Ergebnis vor der Veröffentlichung von einer Anwältin, einem Anwalt oder einer Fachperson für Datenschutz prüfen.</translation>
    </message>
    <message>
      <source>user pack</source>
      <translation>eigenes Paket</translation>
    </message>
    <message>
      <source>licence: %1</source>
      <translation>Lizenz: %1</translation>
    </message>
    <message>
      <source>%1 services in the catalog</source>
      <translation>%1 Dienste im Katalog</translation>
    </message>
    <message>
      <source>proprietary, all rights reserved</source>
      <translation>proprietär, alle Rechte vorbehalten</translation>
    </message>
    <message>
      <source>Composes GDPR privacy policies in German and English. Works offline.</source>
      <translation>Erstellt Datenschutzerklärungen nach DSGVO auf Deutsch und Englisch. Arbeitet offline.</translation>
    </message>
    <message>
      <source>Licence: %1</source>
      <translation>Lizenz: %1</translation>
    </message>
    <message>
      <source>Contact: %1</source>
      <translation>Kontakt: %1</translation>
    </message>
    <message>
      <source>Built with Qt %1 and PySide6 %2.</source>
      <translation>Erstellt mit Qt %1 und PySide6 %2.</translation>
    </message>
    <message>
      <source>Clause packs:</source>
      <translation>Textbaustein-Pakete:</translation>
    </message>
    <message>
      <source>About Policy Editor</source>
      <translation>Über Policy Editor</translation>
    </message>
  </context>
  <context>
    <name>AddressPaste</name>
    <message>
      <source>Paste address</source>
      <translation>Adresse einfügen</translation>
    </message>
    <message>
      <source>Not recognised, so left in “%1”: %2</source>
      <translation>Nicht zugeordnet, daher im Feld „%1“ gelassen: %2</translation>
    </message>
  </context>
  <context>
    <name>CompanyForm</name>
    <message>
      <source>Company (controller)</source>
      <translation>Unternehmen (Verantwortlicher)</translation>
    </message>
    <message>
      <source>Company &amp;name:</source>
      <translation>Firmen&amp;name:</translation>
    </message>
    <message>
      <source>Headcount</source>
      <translation>Zahl der Personen</translation>
    </message>
    <message>
      <source>&amp;Legal form:</source>
      <translation>&amp;Rechtsform:</translation>
    </message>
    <message>
      <source>Authority, date and languages</source>
      <translation>Aufsichtsbehörde, Stand und Sprachen</translation>
    </message>
    <message>
      <source>Policy l&amp;anguages:</source>
      <translation>Spra&amp;chen der Datenschutzerklärung:</translation>
    </message>
    <message>
      <source>&amp;Represented by:</source>
      <translation>&amp;Vertreten durch:</translation>
    </message>
    <message>
      <source>S&amp;treet and number:</source>
      <translation>S&amp;traße und Hausnummer:</translation>
    </message>
    <message>
      <source>&amp;Postcode:</source>
      <translation>&amp;PLZ:</translation>
    </message>
    <message>
      <source>C&amp;ity:</source>
      <translation>&amp;Ort:</translation>
    </message>
    <message>
      <source>Co&amp;untry:</source>
      <translation>L&amp;and:</translation>
    </message>
    <message>
      <source>&amp;E-mail:</source>
      <translation>&amp;E-Mail:</translation>
    </message>
    <message>
      <source>P&amp;hone:</source>
      <translation>Tele&amp;fon:</translation>
    </message>
    <message>
      <source>Data protection officer</source>
      <translation>Datenschutzbeauftragte(r)</translation>
    </message>
    <message>
      <source>We have a data protection &amp;officer</source>
      <translation>Wir haben eine(n) &amp;Datenschutzbeauftragte(n)</translation>
    </message>
    <message>
      <source>We have a data protection officer</source>
      <translation>Wir haben eine(n) Datenschutzbeauftragte(n)</translation>
    </message>
    <message>
      <source>Name of the DPO:</source>
      <translation>Name:</translation>
    </message>
    <message>
      <source>External firm:</source>
      <translation>Externe Firma:</translation>
    </message>
    <message>
      <source>DPO e-mail:</source>
      <translation>E-Mail der/des DSB:</translation>
    </message>
    <message>
      <source>DPO phone:</source>
      <translation>Telefon der/des DSB:</translation>
    </message>
    <message>
      <source>DPO address:</source>
      <translation>Anschrift der/des DSB:</translation>
    </message>
    <message>
      <source>— not set —</source>
      <translation>– nicht gewählt –</translation>
    </message>
    <message>
      <source>Federal state</source>
      <translation>Bundesland</translation>
    </message>
    <message>
      <source>Re&amp;gister entry:</source>
      <translation>Re&amp;gistereintrag:</translation>
    </message>
    <message>
      <source>Legal form</source>
      <translation>Rechtsform</translation>
    </message>
    <message>
      <source>Legal form in your own words</source>
      <translation>Rechtsform in eigenen Worten</translation>
    </message>
    <message>
      <source>e.g. Ltd., PartG mbB</source>
      <translation>z. B. Ltd., PartG mbB</translation>
    </message>
    <message>
      <source>Contact and website</source>
      <translation>Kontakt und Website</translation>
    </message>
    <message>
      <source>&amp;20 or more people process personal data</source>
      <translation>&amp;20 oder mehr Personen verarbeiten Daten</translation>
    </message>
    <message>
      <source>Tick this if, as a rule, at least 20 people at your business constantly work with personal data on computers (staff, trainees, freelancers). A data protection officer is then required (§ 38 BDSG) — whatever the headcount, also for processing that needs a data protection impact assessment.</source>
      <translation>Haken Sie das an, wenn bei Ihnen in der Regel mindestens 20 Personen ständig mit der automatisierten Verarbeitung personenbezogener Daten beschäftigt sind (Beschäftigte, Auszubildende, freie Mitarbeitende). Dann ist eine Datenschutzbeauftragte oder ein Datenschutzbeauftragter Pflicht (§ 38 BDSG) – unabhängig von der Zahl auch bei einer Verarbeitung, die eine Datenschutz-Folgenabschätzung erfordert.</translation>
    </message>
    <message>
      <source>&amp;Federal state:</source>
      <translation>&amp;Bundesland:</translation>
    </message>
    <message>
      <source>https://www.example.de (one per line)</source>
      <translation>https://www.beispiel.de (eine pro Zeile)</translation>
    </message>
    <message>
      <source>Websites</source>
      <translation>Websites</translation>
    </message>
    <message>
      <source>Web&amp;site:</source>
      <translation>Web&amp;site:</translation>
    </message>
    <message>
      <source>Appl&amp;y</source>
      <translation>&amp;Übernehmen</translation>
    </message>
    <message>
      <source>Date of this version (Stand)</source>
      <translation>Datum dieser Fassung (Stand)</translation>
    </message>
    <message>
      <source>&amp;Date (Stand):</source>
      <translation>Stan&amp;d:</translation>
    </message>
    <message>
      <source>German</source>
      <translation>Deutsch</translation>
    </message>
    <message>
      <source>German and English</source>
      <translation>Deutsch und Englisch</translation>
    </message>
    <message>
      <source>Policy in German only</source>
      <translation>Datenschutzerklärung nur auf Deutsch</translation>
    </message>
    <message>
      <source>Policy in German and English</source>
      <translation>Datenschutzerklärung auf Deutsch und Englisch</translation>
    </message>
    <message>
      <source>German is always included. Add English if your website also addresses English-speaking visitors: your own texts are then needed in both languages.</source>
      <translation>Deutsch ist immer dabei. Nehmen Sie Englisch hinzu, wenn sich Ihre Website auch an englischsprachige Besucher richtet: Ihre eigenen Texte brauchen Sie dann in beiden Sprachen.</translation>
    </message>
    <message>
      <source>O&amp;wner:</source>
      <translation>&amp;Inhaber/in:</translation>
    </message>
    <message>
      <source>The postcode %1 is in %2.</source>
      <translation>Die PLZ %1 liegt in %2.</translation>
    </message>
    <message>
      <source>Use %1 as the federal state</source>
      <translation>%1 als Bundesland übernehmen</translation>
    </message>
    <message>
      <source>Policy languages</source>
      <translation>Sprachen der Datenschutzerklärung</translation>
    </message>
    <message>
      <source>Date (Stand)</source>
      <translation>Stand</translation>
    </message>
  </context>
  <context>
    <name>CustomSectionsForm</name>
    <message>
      <source>Add text of your own, e.g. about your shop's customer account. The body is Markdown: **bold**, *italic*, lists with "- ".</source>
      <translation>Fügen Sie eigenen Text hinzu, z. B. zum Kundenkonto Ihres Shops. Der Text ist Markdown: **fett**, *kursiv*, Listen mit „- “.</translation>
    </message>
    <message>
      <source>Custom sections</source>
      <translation>Eigene Abschnitte</translation>
    </message>
    <message>
      <source>&amp;Add section</source>
      <translation>Abschnitt &amp;hinzufügen</translation>
    </message>
    <message>
      <source>Re&amp;move section</source>
      <translation>Abschnitt ent&amp;fernen</translation>
    </message>
    <message>
      <source>Section title</source>
      <translation>Abschnittstitel</translation>
    </message>
    <message>
      <source>Section text (Markdown)</source>
      <translation>Abschnittstext (Markdown)</translation>
    </message>
    <message>
      <source>New section</source>
      <translation>Neuer Abschnitt</translation>
    </message>
    <message>
      <source>Add section</source>
      <translation>Abschnitt hinzufügen</translation>
    </message>
    <message>
      <source>Remove section</source>
      <translation>Abschnitt entfernen</translation>
    </message>
    <message>
      <source>Custom section</source>
      <translation>Eigener Abschnitt</translation>
    </message>
    <message>
      <source>German</source>
      <translation>Deutsch</translation>
    </message>
    <message>
      <source>English</source>
      <translation>Englisch</translation>
    </message>
    <message>
      <source>&amp;Title (%1):</source>
      <translation>&amp;Titel (%1):</translation>
    </message>
    <message>
      <source>Te&amp;xt (%1):</source>
      <translation>Te&amp;xt (%1):</translation>
    </message>
    <message>
      <source>For the %1 text, choose %1 under “Document language” in the toolbar.</source>
      <translation>Für den Text auf %1 wählen Sie oben in der Werkzeugleiste unter „Sprache des Dokuments“ %1.</translation>
    </message>
  </context>
  <context>
    <name>DocumentLanguageBox</name>
    <message>
      <source>Document language</source>
      <translation>Sprache des Dokuments</translation>
    </message>
    <message>
      <source>Language of the policy shown in the preview</source>
      <translation>Sprache der Datenschutzerklärung in der Vorschau</translation>
    </message>
    <message>
      <source>This project's policy is in German only. Add English on the Company tab, under “Policy languages”.</source>
      <translation>Die Datenschutzerklärung dieses Projekts ist nur auf Deutsch. Englisch nehmen Sie auf der Registerkarte „Unternehmen“ unter „Sprachen der Datenschutzerklärung“ hinzu.</translation>
    </message>
    <message>
      <source>%1 — add it on the Company tab</source>
      <translation>%1 – auf der Registerkarte „Unternehmen“ hinzufügen</translation>
    </message>
  </context>
  <context>
    <name>Editing</name>
    <message>
      <source>The text was cut to the most characters Policy Editor accepts for this field.</source>
      <translation>Der Text wurde auf die größte Zeichenzahl gekürzt, die Policy Editor für dieses Feld annimmt.</translation>
    </message>
    <message>
      <source>Mark task as done</source>
      <translation>Aufgabe als erledigt markieren</translation>
    </message>
    <message>
      <source>Mark task as open</source>
      <translation>Aufgabe als offen markieren</translation>
    </message>
    <message>
      <source>Add %1</source>
      <translation>%1 hinzufügen</translation>
    </message>
    <message>
      <source>Remove %1</source>
      <translation>%1 entfernen</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export</source>
      <translation>Exportieren</translation>
    </message>
    <message>
      <source>Formats</source>
      <translation>Formate</translation>
    </message>
    <message>
      <source>&amp;Word document (DOCX) — for your lawyer</source>
      <translation>&amp;Word-Dokument (DOCX) – für Ihre Anwältin oder Ihren Anwalt</translation>
    </message>
    <message>
      <source>&amp;HTML page — complete web page</source>
      <translation>&amp;HTML-Seite – vollständige Webseite</translation>
    </message>
    <message>
      <source>HTML &amp;fragment — to paste into your website</source>
      <translation>HTML-&amp;Baustein – zum Einfügen in Ihre Website</translation>
    </message>
    <message>
      <source>&amp;Markdown — for website builders</source>
      <translation>&amp;Markdown – für Website-Baukästen</translation>
    </message>
    <message>
      <source>&amp;Plain text</source>
      <translation>&amp;Reiner Text</translation>
    </message>
    <message>
      <source>P&amp;DF</source>
      <translation>P&amp;DF</translation>
    </message>
    <message>
      <source>&amp;Review edition: notes and comments for your lawyer</source>
      <translation>Prüf&amp;fassung: Hinweise und Kommentare für Ihre Rechtsberatung</translation>
    </message>
    <message>
      <source>Set “&amp;Stand” to today (now %1)</source>
      <translation>„St&amp;and“ auf heute setzen (bisher %1)</translation>
    </message>
    <message>
      <source>Languages</source>
      <translation>Sprachen</translation>
    </message>
    <message>
      <source>&amp;German</source>
      <translation>Deu&amp;tsch</translation>
    </message>
    <message>
      <source>E&amp;nglish</source>
      <translation>E&amp;nglisch</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>Speicherort</translation>
    </message>
    <message>
      <source>Output folder</source>
      <translation>Zielordner</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>Durch&amp;suchen …</translation>
    </message>
    <message>
      <source>F&amp;older:</source>
      <translation>&amp;Ordner:</translation>
    </message>
    <message>
      <source>File name without ending</source>
      <translation>Dateiname ohne Endung</translation>
    </message>
    <message>
      <source>File &amp;name:</source>
      <translation>Datei&amp;name:</translation>
    </message>
    <message>
      <source>&amp;Export</source>
      <translation>&amp;Exportieren</translation>
    </message>
    <message>
      <source>&amp;Open folder</source>
      <translation>Ordner ö&amp;ffnen</translation>
    </message>
    <message>
      <source>privacy-policy</source>
      <translation>datenschutzerklaerung</translation>
    </message>
    <message>
      <source>Files: %1</source>
      <translation>Dateien: %1</translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) written to %1:</source>
      <translation>
        <numerusform>%n Datei gespeichert in %1:</numerusform>
        <numerusform>%n Dateien gespeichert in %1:</numerusform>
      </translation>
    </message>
    <message>
      <source>Choose at least one format and one language.</source>
      <translation>Wählen Sie mindestens ein Format und eine Sprache.</translation>
    </message>
    <message>
      <source>Export to folder</source>
      <translation>In Ordner exportieren</translation>
    </message>
    <message>
      <source>Replace existing files?</source>
      <translation>Vorhandene Dateien ersetzen?</translation>
    </message>
    <message>
      <source>These files already exist and would be replaced:
%1</source>
      <translation>Diese Dateien gibt es schon; sie würden ersetzt:
%1</translation>
    </message>
    <message numerus="yes">
      <source>%n open error(s) — export anyway?</source>
      <translation>
        <numerusform>%n offener Fehler – trotzdem exportieren?</numerusform>
        <numerusform>%n offene Fehler – trotzdem exportieren?</numerusform>
      </translation>
    </message>
    <message>
      <source>The exported files would say at their top that they are a draft and list these errors. Fix them first (each finding at the bottom of the window leads to its place), or export the draft now.</source>
      <translation>Die exportierten Dateien würden oben sagen, dass sie ein Entwurf sind, und diese Fehler nennen. Beheben Sie sie zuerst (jeder Hinweis unten im Fenster führt zur richtigen Stelle) oder exportieren Sie jetzt den Entwurf.</translation>
    </message>
    <message>
      <source>Export &amp;anyway</source>
      <translation>&amp;Trotzdem exportieren</translation>
    </message>
    <message>
      <source>&amp;Don't export</source>
      <translation>&amp;Nicht exportieren</translation>
    </message>
    <message>
      <source>The folder %1 cannot be created (%2).</source>
      <translation>Der Ordner %1 kann nicht angelegt werden (%2).</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>Exportiere …</translation>
    </message>
    <message>
      <source>Writing %1…</source>
      <translation>Schreibe %1 …</translation>
    </message>
    <message>
      <source>Not written:</source>
      <translation>Nicht geschrieben:</translation>
    </message>
  </context>
  <context>
    <name>FileSession</name>
    <message>
      <source>The example cannot be opened</source>
      <translation>Das Beispiel lässt sich nicht öffnen</translation>
    </message>
    <message>
      <source>The project cannot be opened</source>
      <translation>Das Projekt lässt sich nicht öffnen</translation>
    </message>
    <message>
      <source>Please note</source>
      <translation>Bitte beachten Sie</translation>
    </message>
    <message>
      <source>Something went wrong that Policy Editor did not expect (%1). Nothing was changed on disk.</source>
      <translation>Etwas Unerwartetes ist schiefgegangen (%1). Auf der Festplatte wurde nichts verändert.</translation>
    </message>
    <message>
      <source>The project was not saved</source>
      <translation>Das Projekt wurde nicht gespeichert</translation>
    </message>
    <message>
      <source>Your changes are still open here; try another folder with Save As.</source>
      <translation>Ihre Änderungen sind hier weiter geöffnet; versuchen Sie mit „Speichern unter“ einen anderen Ordner.</translation>
    </message>
    <message>
      <source>The project was saved without a backup</source>
      <translation>Das Projekt wurde ohne Sicherungskopie gespeichert</translation>
    </message>
    <message>
      <source>Saved to %1</source>
      <translation>Gespeichert in %1</translation>
    </message>
    <message>
      <source>Autosave failed: %1</source>
      <translation>Automatisches Sichern fehlgeschlagen: %1</translation>
    </message>
    <message>
      <source>Unsaved changes cannot be restored</source>
      <translation>Ungespeicherte Änderungen lassen sich nicht wiederherstellen</translation>
    </message>
    <message>
      <source>The autosave %1 cannot be read: %2 It was kept, in case it can be rescued by hand.</source>
      <translation>Die automatische Sicherung %1 lässt sich nicht lesen: %2 Sie wurde aufbewahrt, falls sie sich von Hand retten lässt.</translation>
    </message>
    <message>
      <source>a new project</source>
      <translation>ein neues Projekt</translation>
    </message>
    <message>
      <source>Restore unsaved changes from %1 to %2?</source>
      <translation>Ungespeicherte Änderungen von %1 an %2 wiederherstellen?</translation>
    </message>
  </context>
  <context>
    <name>FindingsList</name>
    <message>
      <source>Findings</source>
      <translation>Hinweise</translation>
    </message>
    <message>
      <source>No findings: everything the checks look at is in place.</source>
      <translation>Keine Hinweise: Alles, was die Prüfung ansieht, ist vorhanden.</translation>
    </message>
    <message>
      <source>To do on your website and in your business (%1 of %2 open)</source>
      <translation>Zu erledigen auf Ihrer Website und in Ihrem Betrieb (%1 von %2 offen)</translation>
    </message>
    <message>
      <source>Tick when done; it is saved with the project.</source>
      <translation>Abhaken, wenn erledigt; das wird im Projekt gespeichert.</translation>
    </message>
  </context>
  <context>
    <name>GuideDialog</name>
    <message>
      <source>Getting started with Policy Editor</source>
      <translation>Erste Schritte mit Policy Editor</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>Policies (*.txt *.md *.html *.htm *.docx *.pdf);;All files (*)</source>
      <translation>Datenschutzerklärungen (*.txt *.md *.html *.htm *.docx *.pdf);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>Import existing policy</source>
      <translation>Vorhandene Datenschutzerklärung importieren</translation>
    </message>
    <message>
      <source>Policy file: %1</source>
      <translation>Datei: %1</translation>
    </message>
    <message>
      <source>&amp;Other file…</source>
      <translation>Andere Da&amp;tei …</translation>
    </message>
    <message>
      <source>Ticked details fill empty fields of your company form. A field you have already filled is replaced only if you tick it.</source>
      <translation>Angehakte Angaben füllen die leeren Felder Ihrer Unternehmensangaben. Ein Feld, das Sie schon ausgefüllt haben, wird nur ersetzt, wenn Sie es anhaken.</translation>
    </message>
    <message>
      <source>What Policy Editor noticed about the old text — for your information; it changes nothing in your project.</source>
      <translation>Was Policy Editor am alten Text aufgefallen ist – zu Ihrer Information; an Ihrem Projekt ändert es nichts.</translation>
    </message>
    <message>
      <source>Notes about the old policy</source>
      <translation>Hinweise zur alten Datenschutzerklärung</translation>
    </message>
    <message>
      <source>&amp;Apply selection</source>
      <translation>Auswahl &amp;übernehmen</translation>
    </message>
    <message>
      <source>Company name</source>
      <translation>Firmenname</translation>
    </message>
    <message>
      <source>Street and number</source>
      <translation>Straße und Hausnummer</translation>
    </message>
    <message>
      <source>Postcode</source>
      <translation>PLZ</translation>
    </message>
    <message>
      <source>City</source>
      <translation>Ort</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>E-Mail</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Telefon</translation>
    </message>
    <message>
      <source>Company details (%1)</source>
      <translation>Unternehmensangaben (%1)</translation>
    </message>
    <message>
      <source>About the old text (%1)</source>
      <translation>Zum alten Text (%1)</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>(already entered)</source>
      <translation>(schon eingetragen)</translation>
    </message>
    <message>
      <source>— replaces “%1”</source>
      <translation>– ersetzt „%1“</translation>
    </message>
    <message>
      <source>No company details were found in the old text.</source>
      <translation>Im alten Text wurden keine Unternehmensangaben gefunden.</translation>
    </message>
    <message>
      <source>Untick what does not apply to you any more, then apply the rest.</source>
      <translation>Entfernen Sie die Haken bei allem, was nicht mehr zutrifft, und übernehmen Sie den Rest.</translation>
    </message>
    <message>
      <source>The old text names no service Policy Editor knows and no company details.</source>
      <translation>Der alte Text nennt keinen Dienst, den Policy Editor kennt, und keine Unternehmensangaben.</translation>
    </message>
    <message>
      <source>Import from %1</source>
      <translation>Import aus %1</translation>
    </message>
  </context>
  <context>
    <name>LivePolicy</name>
    <message>
      <source>The checks could not run, so nothing was checked: %1</source>
      <translation>Die Prüfungen konnten nicht laufen, es wurde also nichts geprüft: %1</translation>
    </message>
    <message>
      <source>Checks failed</source>
      <translation>Prüfung fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
      <source>%n error(s)</source>
      <translation>
        <numerusform>%n Fehler</numerusform>
        <numerusform>%n Fehler</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n warning(s)</source>
      <translation>
        <numerusform>%n Warnung</numerusform>
        <numerusform>%n Warnungen</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n task(s) open</source>
      <translation>
        <numerusform>%n Aufgabe offen</numerusform>
        <numerusform>%n Aufgaben offen</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MainActions</name>
    <message>
      <source>&amp;New</source>
      <translation>&amp;Neu</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Speichern</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
      <source>&amp;Export…</source>
      <translation>E&amp;xportieren …</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>S&amp;chließen</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <source>&amp;Find service</source>
      <translation>Dienst &amp;suchen</translation>
    </message>
    <message>
      <source>Scan my &amp;website…</source>
      <translation>Eigene &amp;Website scannen …</translation>
    </message>
    <message>
      <source>&amp;About Policy Editor</source>
      <translation>Ü&amp;ber Policy Editor</translation>
    </message>
    <message>
      <source>&amp;Import existing policy…</source>
      <translation>Vorhandene Datenschutzerklärung &amp;importieren …</translation>
    </message>
    <message>
      <source>&amp;Getting started</source>
      <translation>&amp;Erste Schritte</translation>
    </message>
    <message>
      <source>System default</source>
      <translation>Wie das System</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Datei</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Ansicht</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Hilfe</translation>
    </message>
    <message>
      <source>Main</source>
      <translation>Werkzeuge</translation>
    </message>
    <message>
      <source>Document &amp;language:</source>
      <translation>&amp;Sprache des Dokuments:</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Rückgängig</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Rückgängig</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Wiederholen</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Wiederholen</translation>
    </message>
    <message>
      <source>&amp;Clear list</source>
      <translation>Liste &amp;leeren</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;Company</source>
      <translation>&amp;Unternehmen</translation>
    </message>
    <message>
      <source>Se&amp;rvice</source>
      <translation>&amp;Dienst</translation>
    </message>
    <message>
      <source>Own se&amp;ctions</source>
      <translation>Eigene Ab&amp;schnitte</translation>
    </message>
    <message>
      <source>Preview of the privacy policy</source>
      <translation>Vorschau der Datenschutzerklärung</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>Hinweise</translation>
    </message>
    <message>
      <source>Preparing the preview…</source>
      <translation>Vorschau wird vorbereitet …</translation>
    </message>
    <message>
      <source>Untitled</source>
      <translation>Unbenannt</translation>
    </message>
  </context>
  <context>
    <name>OwnServiceDialog</name>
    <message>
      <source>%1 (%2)</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <source>Describe a service yourself</source>
      <translation>Dienst selbst beschreiben</translation>
    </message>
    <message>
      <source>Edit your own service</source>
      <translation>Eigenen Dienst bearbeiten</translation>
    </message>
    <message>
      <source>Describe the service as its provider does in its privacy notice and contract. Policy Editor checks your entries by the same rules as the services of the clause packs, but cannot check the facts: the review edition marks them as described by you.</source>
      <translation>Beschreiben Sie den Dienst so, wie es sein Anbieter in seinen Datenschutzhinweisen und im Vertrag tut. Policy Editor prüft Ihre Angaben nach denselben Regeln wie die Dienste der Baustein-Pakete, kann die Fakten aber nicht prüfen: Die Prüffassung kennzeichnet sie als von Ihnen beschrieben.</translation>
    </message>
    <message>
      <source>Ca&amp;tegory:</source>
      <translation>&amp;Kategorie:</translation>
    </message>
    <message>
      <source>&amp;Role of the provider:</source>
      <translation>&amp;Rolle des Anbieters:</translation>
    </message>
    <message>
      <source>Provider (legal &amp;entity):</source>
      <translation>Anbieter (&amp;Unternehmen):</translation>
    </message>
    <message>
      <source>Provider's a&amp;ddress:</source>
      <translation>&amp;Anschrift des Anbieters:</translation>
    </message>
    <message>
      <source>Provider's c&amp;ountry:</source>
      <translation>&amp;Land des Anbieters:</translation>
    </message>
    <message>
      <source>Transfer &amp;safeguard:</source>
      <translation>&amp;Garantie für die Übermittlung:</translation>
    </message>
    <message>
      <source>Provider's &amp;privacy notice (https://…):</source>
      <translation>&amp;Datenschutzhinweise des Anbieters (https://…):</translation>
    </message>
    <message>
      <source>Device access:</source>
      <translation>Zugriff auf das Endgerät:</translation>
    </message>
    <message>
      <source>— choose a category —</source>
      <translation>— Kategorie wählen —</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>&amp;Name</translation>
    </message>
    <message>
      <source>Data processed, one per line</source>
      <translation>Verarbeitete Daten, eine Angabe pro Zeile</translation>
    </message>
    <message>
      <source>How long it is kept</source>
      <translation>Wie lange sie gespeichert werden</translation>
    </message>
    <message>
      <source>What the joint-control arrangement covers</source>
      <translation>Was die Vereinbarung zur gemeinsamen Verantwortung regelt</translation>
    </message>
    <message>
      <source>Processes data on our behalf (processor, Art. 28 GDPR)</source>
      <translation>Verarbeitet Daten in unserem Auftrag (Auftragsverarbeiter, Art. 28 DSGVO)</translation>
    </message>
    <message>
      <source>Decides on its own (independent controller)</source>
      <translation>Entscheidet selbst (eigenständig Verantwortlicher)</translation>
    </message>
    <message>
      <source>Decides together with us (joint controller, Art. 26 GDPR)</source>
      <translation>Entscheidet gemeinsam mit uns (gemeinsam Verantwortliche, Art. 26 DSGVO)</translation>
    </message>
    <message>
      <source>We run it ourselves (self-hosted, no recipient)</source>
      <translation>Wir betreiben ihn selbst (selbst gehostet, kein Empfänger)</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— bitte wählen —</translation>
    </message>
    <message>
      <source>Adequacy decision of the EU Commission</source>
      <translation>Angemessenheitsbeschluss der EU-Kommission</translation>
    </message>
    <message>
      <source>EU-US Data Privacy Framework, standard contractual clauses as fallback</source>
      <translation>EU-US Data Privacy Framework, hilfsweise Standardvertragsklauseln</translation>
    </message>
    <message>
      <source>Standard contractual clauses (2021/914)</source>
      <translation>Standardvertragsklauseln (2021/914)</translation>
    </message>
    <message>
      <source>Binding corporate rules</source>
      <translation>Verbindliche interne Datenschutzvorschriften (BCR)</translation>
    </message>
    <message>
      <source>Consent</source>
      <translation>Einwilligung</translation>
    </message>
    <message>
      <source>Explicit consent (health and other special data)</source>
      <translation>Ausdrückliche Einwilligung (Gesundheits- und andere besondere Daten)</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>Vertrag</translation>
    </message>
    <message>
      <source>Legal obligation</source>
      <translation>Rechtliche Verpflichtung</translation>
    </message>
    <message>
      <source>Legitimate interest</source>
      <translation>Berechtigtes Interesse</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>Zweck</translation>
    </message>
    <message>
      <source>Legal basis</source>
      <translation>Rechtsgrundlage</translation>
    </message>
    <message>
      <source>Purposes and their legal basis</source>
      <translation>Zwecke und ihre Rechtsgrundlage</translation>
    </message>
    <message>
      <source>&amp;Add purpose</source>
      <translation>Zweck &amp;hinzufügen</translation>
    </message>
    <message>
      <source>Remove purpose</source>
      <translation>Zweck entfernen</translation>
    </message>
    <message>
      <source>&amp;Delete service</source>
      <translation>Dienst &amp;löschen</translation>
    </message>
    <message>
      <source>Save as &amp;user pack…</source>
      <translation>Als eigenes &amp;Paket speichern …</translation>
    </message>
    <message>
      <source>German</source>
      <translation>Deutsch</translation>
    </message>
    <message>
      <source>English</source>
      <translation>Englisch</translation>
    </message>
    <message>
      <source>The company behind %1, e.g. “Example Inc.”</source>
      <translation>Das Unternehmen hinter %1, z. B. „Beispiel GmbH“</translation>
    </message>
    <message>
      <source>Missing in %1: %2</source>
      <translation>Fehlt auf %1: %2</translation>
    </message>
    <message>
      <source>%1 is outside the EU/EEA: choose a transfer safeguard.</source>
      <translation>%1 liegt außerhalb von EU und EWR: Wählen Sie eine Garantie für die Übermittlung.</translation>
    </message>
    <message>
      <source>Privacy notice in English, if separate:</source>
      <translation>Datenschutzhinweise auf Englisch, falls eigene Seite:</translation>
    </message>
    <message>
      <source>Not printed for a processor: the policy names it with its country, like every processor.</source>
      <translation>Bei einem Auftragsverarbeiter steht die Anschrift nicht in der Erklärung: Sie nennt ihn, wie jeden Auftragsverarbeiter, mit seinem Land.</translation>
    </message>
    <message>
      <source>Stores or reads data on the visitor's device</source>
      <translation>Speichert oder liest Daten auf dem Endgerät der Besucher</translation>
    </message>
    <message>
      <source>For example cookies, local storage or a device fingerprint: then the visitors must consent first (Section 25 TDDDG).</source>
      <translation>Zum Beispiel Cookies, Local Storage oder ein Geräte-Fingerabdruck: Dann müssen die Besucher vorher einwilligen (§ 25 TDDDG).</translation>
    </message>
    <message>
      <source>Interest</source>
      <translation>Interesse</translation>
    </message>
    <message>
      <source>For a legitimate interest (Art. 6(1)(f) GDPR), spell out the interest.</source>
      <translation>Nennen Sie bei berechtigtem Interesse (Art. 6 Abs. 1 lit. f DSGVO) das Interesse.</translation>
    </message>
    <message>
      <source>Still missing or to check:</source>
      <translation>Noch offen oder zu prüfen:</translation>
    </message>
    <message>
      <source>Complete: nothing is missing.</source>
      <translation>Vollständig: Es fehlt nichts.</translation>
    </message>
    <message>
      <source>Delete service</source>
      <translation>Dienst löschen</translation>
    </message>
    <message>
      <source>Delete this service from the project? You can undo it.</source>
      <translation>Diesen Dienst aus dem Projekt löschen? Sie können das rückgängig machen.</translation>
    </message>
    <message>
      <source>Save as user pack</source>
      <translation>Als eigenes Paket speichern</translation>
    </message>
    <message>
      <source>The pack could not be written (%1).</source>
      <translation>Das Paket konnte nicht geschrieben werden (%1).</translation>
    </message>
    <message>
      <source>Saved as a clause pack in %1. It is available in every project after the next start.</source>
      <translation>Als Baustein-Paket in %1 gespeichert. Nach dem nächsten Start steht es in jedem Projekt zur Verfügung.</translation>
    </message>
  </context>
  <context>
    <name>Prompts</name>
    <message>
      <source>Do you want to save the changes to %1?</source>
      <translation>Möchten Sie die Änderungen an %1 speichern?</translation>
    </message>
    <message>
      <source>the new project</source>
      <translation>dem neuen Projekt</translation>
    </message>
    <message>
      <source>If you don't save, your changes will be lost.</source>
      <translation>Wenn Sie nicht speichern, gehen Ihre Änderungen verloren.</translation>
    </message>
    <message>
      <source>Policy Editor was not closed properly last time. Restoring opens these changes as unsaved work; discarding deletes them.</source>
      <translation>Policy Editor wurde beim letzten Mal nicht ordnungsgemäß beendet. Wiederherstellen öffnet diese Änderungen als ungespeicherte Arbeit; Verwerfen löscht sie.</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
      <source>&amp;Discard</source>
      <translation>&amp;Verwerfen</translation>
    </message>
    <message>
      <source>The file was changed by another program since you opened it.</source>
      <translation>Die Datei wurde seit dem Öffnen von einem anderen Programm geändert.</translation>
    </message>
    <message>
      <source>Overwriting %1 replaces those changes with yours. Save As keeps both.</source>
      <translation>Überschreiben ersetzt diese Änderungen in %1 durch Ihre. „Speichern unter“ behält beide.</translation>
    </message>
    <message>
      <source>&amp;Overwrite</source>
      <translation>Über&amp;schreiben</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
      <source>%1 is read-only. Overwrite it anyway?</source>
      <translation>%1 ist schreibgeschützt. Trotzdem überschreiben?</translation>
    </message>
    <message>
      <source>The file stays read-only afterwards. Choose Cancel and then Save As to keep it unchanged.</source>
      <translation>Die Datei bleibt danach schreibgeschützt. Wählen Sie „Abbrechen“ und dann „Speichern unter“, um sie unverändert zu lassen.</translation>
    </message>
    <message>
      <source>Open project</source>
      <translation>Projekt öffnen</translation>
    </message>
    <message>
      <source>Policy Editor projects (*.policy.json *.json);;All files (*)</source>
      <translation>Policy-Editor-Projekte (*.policy.json *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>privacy-policy</source>
      <translation>datenschutzerklaerung</translation>
    </message>
    <message>
      <source>Save project</source>
      <translation>Projekt speichern</translation>
    </message>
    <message>
      <source>Policy Editor projects (*.policy.json)</source>
      <translation>Policy-Editor-Projekte (*.policy.json)</translation>
    </message>
    <message>
      <source>Import existing policy</source>
      <translation>Vorhandene Datenschutzerklärung importieren</translation>
    </message>
    <message>
      <source>No installed clause pack knows the service %1.</source>
      <translation>Kein installiertes Baustein-Paket kennt den Dienst %1.</translation>
    </message>
    <message>
      <source>“%1”</source>
      <translation>„%1“</translation>
    </message>
    <message>
      <source>It stays in the project file but is missing from the policy, and the policy cannot be exported. Remove it from the project, or install its pack again and open the project anew. Removing it can be undone.</source>
      <translation>Er bleibt in der Projektdatei, fehlt aber in der Erklärung, und die Erklärung kann nicht exportiert werden. Entfernen Sie ihn aus dem Projekt oder installieren Sie sein Paket wieder und öffnen Sie das Projekt neu. Das Entfernen lässt sich rückgängig machen.</translation>
    </message>
    <message>
      <source>&amp;Remove from the project</source>
      <translation>Aus dem Projekt &amp;entfernen</translation>
    </message>
  </context>
  <context>
    <name>ScanDialog</name>
    <message>
      <source>Scan my website</source>
      <translation>Eigene Website scannen</translation>
    </message>
    <message>
      <source>https://www.your-site.de — or a saved page, folder or HAR file</source>
      <translation>https://www.ihre-website.de – oder eine gespeicherte Seite, ein Ordner oder eine HAR-Datei</translation>
    </message>
    <message>
      <source>Address of your website, or a saved page, folder or HAR file</source>
      <translation>Adresse Ihrer Website, oder eine gespeicherte Seite, ein Ordner oder eine HAR-Datei</translation>
    </message>
    <message>
      <source>Saved &amp;page…</source>
      <translation>Gespeicherte &amp;Seite …</translation>
    </message>
    <message>
      <source>&amp;Folder…</source>
      <translation>&amp;Ordner …</translation>
    </message>
    <message>
      <source>&amp;HAR file…</source>
      <translation>&amp;HAR-Datei …</translation>
    </message>
    <message>
      <source>Add&amp;ress or saved copy:</source>
      <translation>Ad&amp;resse oder gespeicherte Kopie:</translation>
    </message>
    <message>
      <source>Pages at &amp;most:</source>
      <translation>Seiten&amp;zahl (höchstens):</translation>
    </message>
    <message>
      <source>for an address: links on your site are followed up to this number</source>
      <translation>bei einer Adresse: Links auf Ihrer Website werden bis zu dieser Zahl verfolgt</translation>
    </message>
    <message>
      <source>&amp;Scan</source>
      <translation>S&amp;cannen</translation>
    </message>
    <message>
      <source>Scan only your own site. Scripts are not executed, so services that load later (after consent or through a tag manager) can be missing; a HAR file records them: in Firefox or Chrome press F12, open the Network tab, reload and click through the page, then save the list with "Save all as HAR" (Firefox) or "Export HAR…" (Chrome).</source>
      <translation>Scannen Sie nur Ihre eigene Website. Skripte werden nicht ausgeführt, daher können Dienste fehlen, die erst später laden (nach der Einwilligung oder über einen Tag-Manager); eine HAR-Datei hält auch sie fest: Drücken Sie in Firefox oder Chrome F12, öffnen Sie den Reiter „Netzwerk“, laden Sie die Seite neu und klicken Sie sich durch, dann speichern Sie die Liste mit „Alles als HAR speichern“ (Firefox) bzw. „HAR exportieren …“ (Chrome).</translation>
    </message>
    <message>
      <source>Not recognised</source>
      <translation>Nicht erkannt</translation>
    </message>
    <message>
      <source>Your site loads something from these third-party hosts, but Policy Editor knows no service behind them. Check what they are: each may need a section you describe yourself.</source>
      <translation>Ihre Website lädt Inhalte von diesen fremden Servern, aber Policy Editor kennt keinen Dienst dahinter. Prüfen Sie, was dahintersteckt: Für jeden kann ein Abschnitt nötig sein, den Sie selbst schreiben.</translation>
    </message>
    <message>
      <source>Host</source>
      <translation>Server</translation>
    </message>
    <message>
      <source>Seen in</source>
      <translation>Gefunden in</translation>
    </message>
    <message>
      <source>What matched</source>
      <translation>Fundstelle</translation>
    </message>
    <message>
      <source>Hosts not recognised</source>
      <translation>Nicht erkannte Server</translation>
    </message>
    <message>
      <source>&amp;Describe the service behind this host yourself…</source>
      <translation>Dienst hinter diesem Host selbst &amp;beschreiben …</translation>
    </message>
    <message>
      <source>&amp;Add selected services</source>
      <translation>Ausgewählte &amp;Dienste hinzufügen</translation>
    </message>
    <message>
      <source>Not recognised (%1)</source>
      <translation>Nicht erkannt (%1)</translation>
    </message>
    <message>
      <source>Folder of a saved site</source>
      <translation>Ordner einer gespeicherten Website</translation>
    </message>
    <message>
      <source>HAR files (*.har);;All files (*)</source>
      <translation>HAR-Dateien (*.har);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>Web pages (*.html *.htm *.xhtml *.shtml);;All files (*)</source>
      <translation>Webseiten (*.html *.htm *.xhtml *.shtml);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>Saved page</source>
      <translation>Gespeicherte Seite</translation>
    </message>
    <message>
      <source>HAR file</source>
      <translation>HAR-Datei</translation>
    </message>
    <message>
      <source>No known service and no third-party host found in %1 page(s).</source>
      <translation>In %1 Seite(n) wurde kein bekannter Dienst und kein fremder Server gefunden.</translation>
    </message>
    <message>
      <source>%1 page(s) read. Untick what your site does not use, then add the rest.</source>
      <translation>%1 Seite(n) gelesen. Entfernen Sie die Haken bei allem, was Ihre Website nicht nutzt, und fügen Sie den Rest hinzu.</translation>
    </message>
  </context>
  <context>
    <name>ServiceChecklist</name>
    <message>
      <source>Search services and keywords…</source>
      <translation>Dienste und Stichwörter suchen …</translation>
    </message>
    <message>
      <source>Search services</source>
      <translation>Dienste suchen</translation>
    </message>
    <message>
      <source>Services</source>
      <translation>Dienste</translation>
    </message>
    <message>
      <source>&amp;Services you use:</source>
      <translation>&amp;Dienste, die Sie nutzen:</translation>
    </message>
    <message>
      <source>Describe a service &amp;yourself…</source>
      <translation>Dienst selbst &amp;beschreiben …</translation>
    </message>
    <message>
      <source>For a service the list lacks: describe its provider, purposes and data</source>
      <translation>Für einen Dienst, der in der Liste fehlt: Beschreiben Sie Anbieter, Zwecke und Daten</translation>
    </message>
    <message>
      <source>Ed&amp;it…</source>
      <translation>Be&amp;arbeiten …</translation>
    </message>
    <message>
      <source>Edit the service you described yourself</source>
      <translation>Den selbst beschriebenen Dienst bearbeiten</translation>
    </message>
    <message>
      <source>Self-hosted: no outside provider</source>
      <translation>Selbst betrieben: kein externer Anbieter</translation>
    </message>
    <message>
      <source>%1 (described by you)</source>
      <translation>%1 (von Ihnen beschrieben)</translation>
    </message>
    <message>
      <source>Described by you, not checked by us. Double-click to edit.</source>
      <translation>Von Ihnen beschrieben, nicht von uns geprüft. Doppelklick zum Bearbeiten.</translation>
    </message>
    <message>
      <source>Not in the list? Describe “%1” yourself</source>
      <translation>Nicht in der Liste? „%1“ selbst beschreiben</translation>
    </message>
    <message>
      <source>Describe “%1” yourself</source>
      <translation>„%1“ selbst beschreiben</translation>
    </message>
    <message>
      <source>Loading the services…</source>
      <translation>Dienste werden geladen …</translation>
    </message>
    <message numerus="yes">
      <source>%n service(s) selected</source>
      <translation>
        <numerusform>%n Dienst ausgewählt</numerusform>
        <numerusform>%n Dienste ausgewählt</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n not in any installed clause pack</source>
      <translation>
        <numerusform>%n in keinem installierten Baustein-Paket</numerusform>
        <numerusform>%n in keinem installierten Baustein-Paket</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ServiceOptionsForm</name>
    <message>
      <source>&amp;Include this service in the policy</source>
      <translation>Diesen Dienst in die Datenschutzerklärung &amp;aufnehmen</translation>
    </message>
    <message>
      <source>Options</source>
      <translation>Einstellungen</translation>
    </message>
    <message>
      <source>Choose a service in the list on the left to see its details and options.</source>
      <translation>Wählen Sie links einen Dienst, um seine Angaben und Einstellungen zu sehen.</translation>
    </message>
    <message>
      <source>Provider: %1, %2</source>
      <translation>Anbieter: %1, %2</translation>
    </message>
    <message>
      <source>Self-hosted: no outside provider</source>
      <translation>Selbst betrieben: kein externer Anbieter</translation>
    </message>
    <message>
      <source>Described by you: %1</source>
      <translation>Von Ihnen beschrieben: %1</translation>
    </message>
    <message>
      <source>Facts verified: %1</source>
      <translation>Angaben geprüft am: %1</translation>
    </message>
    <message numerus="yes">
      <source>Follows %1: %n day(s). A value you set here applies instead.</source>
      <translation>
        <numerusform>Übernommen von %1: %n Tag. Ein Wert, den Sie hier eintragen, gilt stattdessen.</numerusform>
        <numerusform>Übernommen von %1: %n Tage. Ein Wert, den Sie hier eintragen, gilt stattdessen.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SuggestionsDialog</name>
    <message>
      <source>&amp;Cancel</source>
      <translation>&amp;Abbrechen</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>Fortschritt</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>Dienst</translation>
    </message>
    <message>
      <source>Seen in</source>
      <translation>Gefunden in</translation>
    </message>
    <message>
      <source>What matched</source>
      <translation>Fundstelle</translation>
    </message>
    <message>
      <source>Suggested services</source>
      <translation>Vorgeschlagene Dienste</translation>
    </message>
    <message>
      <source>Tick the services your policy should describe. Each row shows where the service was seen; open a row for more evidence.</source>
      <translation>Haken Sie die Dienste an, die Ihre Datenschutzerklärung beschreiben soll. Jede Zeile zeigt, wo der Dienst gefunden wurde; klappen Sie eine Zeile auf, um weitere Fundstellen zu sehen.</translation>
    </message>
    <message>
      <source>C&amp;lose</source>
      <translation>Sch&amp;ließen</translation>
    </message>
    <message>
      <source>The services found will be listed here, each with where it was seen.</source>
      <translation>Hier erscheinen die gefundenen Dienste, jeder mit der Stelle, an der er gefunden wurde.</translation>
    </message>
    <message>
      <source>Services (%1)</source>
      <translation>Dienste (%1)</translation>
    </message>
    <message>
      <source>Reading %1…</source>
      <translation>Lese %1 …</translation>
    </message>
    <message>
      <source>Loading %1…</source>
      <translation>Lade %1 …</translation>
    </message>
    <message>
      <source>Comparing with the services Policy Editor knows…</source>
      <translation>Vergleiche mit den Diensten, die Policy Editor kennt …</translation>
    </message>
    <message>
      <source>Starting…</source>
      <translation>Starte …</translation>
    </message>
    <message>
      <source>Cancelled; nothing was changed.</source>
      <translation>Abgebrochen; es wurde nichts geändert.</translation>
    </message>
    <message>
      <source>Something unexpected went wrong (%1). Nothing was changed.</source>
      <translation>Etwas Unerwartetes ist schiefgegangen (%1). Es wurde nichts geändert.</translation>
    </message>
    <message>
      <source>%1 (already selected)</source>
      <translation>%1 (schon ausgewählt)</translation>
    </message>
    <message>
      <source>Add suggested services</source>
      <translation>Vorgeschlagene Dienste hinzufügen</translation>
    </message>
  </context>
  <context>
    <name>WelcomePage</name>
    <message>
      <source>Welcome to Policy Editor</source>
      <translation>Willkommen bei Policy Editor</translation>
    </message>
    <message>
      <source>Put together the privacy policy for your website in three steps: tick the services you use, fill in your company details, and export a Word file for your lawyer and HTML for your website. Everything stays on this computer.</source>
      <translation>Stellen Sie die Datenschutzerklärung für Ihre Website in drei Schritten zusammen: Haken Sie die Dienste an, die Sie nutzen, tragen Sie Ihre Firmendaten ein und exportieren Sie eine Word-Datei für Ihre Anwältin oder Ihren Anwalt und HTML für Ihre Website. Alles bleibt auf diesem Computer.</translation>
    </message>
    <message>
      <source>Open the selected &amp;example</source>
      <translation>Ausgewähltes &amp;Beispiel öffnen</translation>
    </message>
    <message>
      <source>Opens the example selected in the list below</source>
      <translation>Öffnet das in der Liste unten ausgewählte Beispiel</translation>
    </message>
    <message>
      <source>&amp;Guide</source>
      <translation>&amp;Anleitung</translation>
    </message>
    <message>
      <source>A short guide for your first hour (F1)</source>
      <translation>Eine kurze Anleitung für die erste Stunde (F1)</translation>
    </message>
    <message>
      <source>&amp;New project</source>
      <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
      <source>Examples:</source>
      <translation>Beispiele:</translation>
    </message>
    <message>
      <source>Example projects</source>
      <translation>Beispielprojekte</translation>
    </message>
    <message>
      <source>Recent files:</source>
      <translation>Zuletzt geöffnet:</translation>
    </message>
    <message>
      <source>Recent files</source>
      <translation>Zuletzt geöffnete Dateien</translation>
    </message>
  </context>
  <context>
    <name>WindowDialogs</name>
    <message>
      <source>Remove %1</source>
      <translation>%1 entfernen</translation>
    </message>
    <message>
      <source>Delete %1</source>
      <translation>%1 löschen</translation>
    </message>
    <message>
      <source>Describe %1</source>
      <translation>%1 beschreiben</translation>
    </message>
    <message>
      <source>Edit %1</source>
      <translation>%1 bearbeiten</translation>
    </message>
    <message>
      <source>Some clause packs could not be loaded completely</source>
      <translation>Einige Textbaustein-Pakete ließen sich nicht vollständig laden</translation>
    </message>
    <message>
      <source>The services and texts from these files are missing until the pack is fixed. Everything else works.

%1</source>
      <translation>Die Dienste und Texte aus diesen Dateien fehlen, bis das Paket korrigiert ist. Alles andere funktioniert.

%1</translation>
    </message>
    <message>
      <source>The policy cannot be exported yet</source>
      <translation>Die Erklärung kann noch nicht exportiert werden</translation>
    </message>
    <message>
      <source>No installed clause pack knows the selected service(s) %1. Install the pack again, or click its finding to remove it from the project.</source>
      <translation>Kein installiertes Baustein-Paket kennt den ausgewählten Dienst bzw. die Dienste %1. Installieren Sie das Paket wieder oder klicken Sie auf den Hinweis dazu, um den Dienst aus dem Projekt zu entfernen.</translation>
    </message>
    <message>
      <source>Date (Stand)</source>
      <translation>Stand</translation>
    </message>
    <message>
      <source>Record export</source>
      <translation>Export vermerken</translation>
    </message>
  </context>
</TS>