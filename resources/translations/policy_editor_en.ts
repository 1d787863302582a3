<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
  <context>
    <name>About</name>
    <message>
      <source>Policy Editor helps you write your privacy policy, but it is not legal advice. Have the result reviewed by a lawyer or a data protection expert before you publish it.</source>
      <translation>Policy Editor helps you write your privacy policy, but it is not legal advice. Have the result reviewed by a lawyer or a data protection expert before you publish it.</translation>
    </message>
    <message>
      <source>user pack</source>
      <translation>user pack</translation>
    </message>
    <message>
      <source>licence: %1</source>
      <translation>licence: %1</translation>
    </message>
    <message>
      <source>%1 services in the catalog</source>
      <translation>%1 services in the catalog</translation>
    </message>
    <message>
      <source>proprietary, all rights reserved</source>
      <translation>proprietary, all rights reserved</translation>
    </message>
    <message>
      <source>Composes GDPR privacy policies in German and English. Works offline.</source>
      <translation>Composes GDPR privacy policies in German and English. Works offline.</translation>
    </message>
    <message>
      <source>Licence: %1</source>
      <translation>Licence: %1</translation>
    </message>
    <message>
      <source>Contact: %1</source>
      <translation>Contact: %1</translation>
    </message>
    <message>
      <source>Built with Qt %1 and PySide6 %2.</source>
      <translation>Built with Qt %1 and PySide6 %2.</translation>
    </message>
    <message>
      <source>Clause packs:</source>
      <translation>Clause packs:</translation>
    </message>
    <message>
      <source>About Policy Editor</source>
      <translation>About Policy Editor</translation>
    </message>
  </context>
  <context>
    <name>AddressPaste</name>
    <message>
      <source>Paste address</source>
      <translation>Paste address</translation>
    </message>
    <message>
      <source>Not recognised, so left in “%1”: %2</source>
      <translation>Not recognised, so left in “%1”: %2</translation>
    </message>
  </context>
  <context>
    <name>CompanyForm</name>
    <message>
      <source>Company (controller)</source>
      <translation>Company (controller)</translation>
    </message>
    <message>
      <source>Company &amp;name:</source>
      <translation>Company &amp;name:</translation>
    </message>
    <message>
      <source>Headcount</source>
      <translation>Headcount</translation>
    </message>
    <message>
      <source>&amp;Legal form:</source>
      <translation>&amp;Legal form:</translation>
    </message>
    <message>
      <source>Authority, date and languages</source>
      <translation>Authority, date and languages</translation>
    </message>
    <message>
      <source>Policy l&amp;anguages:</source>
      <translation>Policy l&amp;anguages:</translation>
    </message>
    <message>
      <source>&amp;Represented by:</source>
      <translation>&amp;Represented by:</translation>
    </message>
    <message>
      <source>S&amp;treet and number:</source>
      <translation>S&amp;treet and number:</translation>
    </message>
    <message>
      <source>&amp;Postcode:</source>
      <translation>&amp;Postcode:</translation>
    </message>
    <message>
      <source>C&amp;ity:</source>
      <translation>C&amp;ity:</translation>
    </message>
    <message>
      <source>Co&amp;untry:</source>
      <translation>Co&amp;untry:</translation>
    </message>
    <message>
      <source>&amp;E-mail:</source>
      <translation>&amp;E-mail:</translation>
    </message>
    <message>
      <source>P&amp;hone:</source>
      <translation>P&amp;hone:</translation>
    </message>
    <message>
      <source>Data protection officer</source>
      <translation>Data protection officer</translation>
    </message>
    <message>
      <source>We have a data protection &amp;officer</source>
      <translation>We have a data protection &amp;officer</translation>
    </message>
    <message>
      <source>We have a data protection officer</source>
      <translation>We have a data protection officer</translation>
    </message>
    <message>
      <source>Name of the DPO:</source>
      <translation>Name of the DPO:</translation>
    </message>
    <message>
      <source>External firm:</source>
      <translation>External firm:</translation>
    </message>
    <message>
      <source>DPO e-mail:</source>
      <translation>DPO e-mail:</translation>
    </message>
    <message>
      <source>DPO phone:</source>
      <translation>DPO phone:</translation>
    </message>
    <message>
      <source>DPO address:</source>
      <translation>DPO address:</translation>
    </message>
    <message>
      <source>— not set —</source>
      <translation>— not set —</translation>
    </message>
    <message>
      <source>Federal state</source>
      <translation>Federal state</translation>
    </message>
    <message>
      <source>Re&amp;gister entry:</source>
      <translation>Re&amp;gister entry:</translation>
    </message>
    <message>
      <source>Legal form</source>
      <translation>Legal form</translation>
    </message>
    <message>
      <source>Legal form in your own words</source>
      <translation>Legal form in your own words</translation>
    </message>
    <message>
      <source>e.g. Ltd., PartG mbB</source>
      <translation>e.g. Ltd., PartG mbB</translation>
    </message>
    <message>
      <source>Contact and website</source>
      <translation>Contact and website</translation>
    </message>
    <message>
      <source>&amp;20 or more people process personal data</source>
      <translation>&amp;20 or more people process personal data</translation>
    </message>
    <message>
      <source>Tick this if, as a rule, at least 20 people at your business constantly work with personal data on computers (staff, trainees, freelancers). A data protection officer is then required (§ 38 BDSG) — whatever the headcount, also for processing that needs a data protection impact assessment.</source>
      <translation>Tick this if, as a rule, at least 20 people at your business constantly work with personal data on computers (staff, trainees, freelancers). A data protection officer is then required (§ 38 BDSG) — whatever the headcount, also for processing that needs a data protection impact assessment.</translation>
    </message>
    <message>
      <source>&amp;Federal state:</source>
      <translation>&amp;Federal state:</translation>
    </message>
    <message>
      <source>https://www.example.de (one per line)</source>
      <translation>https://www.example.de (one per line)</translation>
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
      <translation>Appl&amp;y</translation>
    </message>
    <message>
      <source>Date of this version (Stand)</source>
      <translation>Date of this version (Stand)</translation>
    </message>
    <message>
      <source>&amp;Date (Stand):</source>
      <translation>&amp;Date (Stand):</translation>
    </message>
    <message>
      <source>German</source>
      <translation>German</translation>
    </message>
    <message>
      <source>German and English</source>
      <translation>German and English</translation>
    </message>
    <message>
      <source>Policy in German only</source>
      <translation>Policy in German only</translation>
    </message>
    <message>
      <source>Policy in German and English</source>
      <translation>Policy in German and English</translation>
    </message>
    <message>
      <source>German is always included. Add English if your website also addresses English-speaking visitors: your own texts are then needed in both languages.</source>
      <translation>German is always included. Add English if your website also addresses English-speaking visitors: your own texts are then needed in both languages.</translation>
    </message>
    <message>
      <source>O&amp;wner:</source>
      <translation>O&amp;wner:</translation>
    </message>
    <message>
      <source>The postcode %1 is in %2.</source>
      <translation>The postcode %1 is in %2.</translation>
    </message>
    <message>
      <source>Use %1 as the federal state</source>
      <translation>Use %1 as the federal state</translation>
    </message>
    <message>
      <source>Policy languages</source>
      <translation>Policy languages</translation>
    </message>
    <message>
      <source>Date (Stand)</source>
      <translation>Date (Stand)</translation>
    </message>
  </context>
  <context>
    <name>CustomSectionsForm</name>
    <message>
      <source>Add text of your own, e.g. about your shop's customer account. The body is Markdown: **bold**, *italic*, lists with "- ".</source>
      <translation>Add text of your own, e.g. about your shop's customer account. The body is Markdown: **bold**, *italic*, lists with "- ".</translation>
    </message>
    <message>
      <source>Custom sections</source>
      <translation>Custom sections</translation>
    </message>
    <message>
      <source>&amp;Add section</source>
      <translation>&amp;Add section</translation>
    </message>
    <message>
      <source>Re&amp;move section</source>
      <translation>Re&amp;move section</translation>
    </message>
    <message>
      <source>Section title</source>
      <translation>Section title</translation>
    </message>
    <message>
      <source>Section text (Markdown)</source>
      <translation>Section text (Markdown)</translation>
    </message>
    <message>
      <source>New section</source>
      <translation>New section</translation>
    </message>
    <message>
      <source>Add section</source>
      <translation>Add section</translation>
    </message>
    <message>
      <source>Remove section</source>
      <translation>Remove section</translation>
    </message>
    <message>
      <source>Custom section</source>
      <translation>Custom section</translation>
    </message>
    <message>
      <source>German</source>
      <translation>German</translation>
    </message>
    <message>
      <source>English</source>
      <translation>English</translation>
    </message>
    <message>
      <source>&amp;Title (%1):</source>
      <translation>&amp;Title (%1):</translation>
    </message>
    <message>
      <source>Te&amp;xt (%1):</source>
      <translation>Te&amp;xt (%1):</translation>
    </message>
    <message>
      <source>For the %1 text, choose %1 under “Document language” in the toolbar.</source>
      <translation>For the %1 text, choose %1 under “Document language” in the toolbar.</translation>
    </message>
  </context>
  <context>
    <name>DocumentLanguageBox</name>
    <message>
      <source>Document language</source>
      <translation>Document language</translation>
    </message>
    <message>
      <source>Language of the policy shown in the preview</source>
      <translation>Language of the policy shown in the preview</translation>
    </message>
    <message>
      <source>This project's policy is in German only. Add English on the Company tab, under “Policy languages”.</source>
      <translation>This project's policy is in German only. Add English on the Company tab, under “Policy languages”.</translation>
    </message>
    <message>
      <source>%1 — add it on the Company tab</source>
      <translation>%1 — add it on the Company tab</translation>
    </message>
  </context>
  <context>
    <name>Editing</name>
    <message>
      <source>The text was cut to the most characters Policy Editor accepts for this field.</source>
      <translation>The text was cut to the most characters Policy Editor accepts for this field.</translation>
    </message>
    <message>
      <source>Mark task as done</source>
      <translation>Mark task as done</translation>
    </message>
    <message>
      <source>Mark task as open</source>
      <translation>Mark task as open</translation>
    </message>
    <message>
      <source>Add %1</source>
      <translation>Add %1</translation>
    </message>
    <message>
      <source>Remove %1</source>
      <translation>Remove %1</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>Formats</source>
      <translation>Formats</translation>
    </message>
    <message>
      <source>&amp;Word document (DOCX) — for your lawyer</source>
      <translation>&amp;Word document (DOCX) — for your lawyer</translation>
    </message>
    <message>
      <source>&amp;HTML page — complete web page</source>
      <translation>&amp;HTML page — complete web page</translation>
    </message>
    <message>
      <source>HTML &amp;fragment — to paste into your website</source>
      <translation>HTML &amp;fragment — to paste into your website</translation>
    </message>
    <message>
      <source>&amp;Markdown — for website builders</source>
      <translation>&amp;Markdown — for website builders</translation>
    </message>
    <message>
      <source>&amp;Plain text</source>
      <translation>&amp;Plain text</translation>
    </message>
    <message>
      <source>P&amp;DF</source>
      <translation>P&amp;DF</translation>
    </message>
    <message>
      <source>&amp;Review edition: notes and comments for your lawyer</source>
      <translation>&amp;Review edition: notes and comments for your lawyer</translation>
    </message>
    <message>
      <source>Set “&amp;Stand” to today (now %1)</source>
      <translation>Set “&amp;Stand” to today (now %1)</translation>
    </message>
    <message>
      <source>Languages</source>
      <translation>Languages</translation>
    </message>
    <message>
      <source>&amp;German</source>
      <translation>&amp;German</translation>
    </message>
    <message>
      <source>E&amp;nglish</source>
      <translation>E&amp;nglish</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>Where</translation>
    </message>
    <message>
      <source>Output folder</source>
      <translation>Output folder</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>&amp;Browse…</translation>
    </message>
    <message>
      <source>F&amp;older:</source>
      <translation>F&amp;older:</translation>
    </message>
    <message>
      <source>File name without ending</source>
      <translation>File name without ending</translation>
    </message>
    <message>
      <source>File &amp;name:</source>
      <translation>File &amp;name:</translation>
    </message>
    <message>
      <source>&amp;Export</source>
      <translation>&amp;Export</translation>
    </message>
    <message>
      <source>&amp;Open folder</source>
      <translation>&amp;Open folder</translation>
    </message>
    <message>
      <source>privacy-policy</source>
      <translation>privacy-policy</translation>
    </message>
    <message>
      <source>Files: %1</source>
      <translation>Files: %1</translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) written to %1:</source>
      <translation>
        <numerusform>%n file written to %1:</numerusform>
        <numerusform>%n files written to %1:</numerusform>
      </translation>
    </message>
    <message>
      <source>Choose at least one format and one language.</source>
      <translation>Choose at least one format and one language.</translation>
    </message>
    <message>
      <source>Export to folder</source>
      <translation>Export to folder</translation>
    </message>
    <message>
      <source>Replace existing files?</source>
      <translation>Replace existing files?</translation>
    </message>
    <message>
      <source>These files already exist and would be replaced:
%1</source>
      <translation>These files already exist and would be replaced:
%1</translation>
    </message>
    <message numerus="yes">
      <source>%n open error(s) — export anyway?</source>
      <translation>
        <numerusform>%n open error — export anyway?</numerusform>
        <numerusform>%n open errors — export anyway?</numerusform>
      </translation>
    </message>
    <message>
      <source>The exported files would say at their top that they are a draft and list these errors. Fix them first (each finding at the bottom of the window leads to its place), or export the draft now.</source>
      <translation>The exported files would say at their top that they are a draft and list these errors. Fix them first (each finding at the bottom of the window leads to its place), or export the draft now.</translation>
    </message>
    <message>
      <source>Export &amp;anyway</source>
      <translation>Export &amp;anyway</translation>
    </message>
    <message>
      <source>&amp;Don't export</source>
      <translation>&amp;Don't export</translation>
    </message>
    <message>
      <source>The folder %1 cannot be created (%2).</source>
      <translation>The folder %1 cannot be created (%2).</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>Exporting…</translation>
    </message>
    <message>
      <source>Writing %1…</source>
      <translation>Writing %1…</translation>
    </message>
    <message>
      <source>Not written:</source>
      <translation>Not written:</translation>
    </message>
  </context>
  <context>
    <name>FileSession</name>
    <message>
      <source>The example cannot be opened</source>
      <translation>The example cannot be opened</translation>
    </message>
    <message>
      <source>The project cannot be opened</source>
      <translation>The project cannot be opened</translation>
    </message>
    <message>
      <source>Please note</source>
      <translation>Please note</translation>
    </message>
    <message>
      <source>Something went wrong that Policy Editor did not expect (%1). Nothing was changed on disk.</source>
      <translation>Something went wrong that Policy Editor did not expect (%1). Nothing was changed on disk.</translation>
    </message>
    <message>
      <source>The project was not saved</source>
      <translation>The project was not saved</translation>
    </message>
    <message>
      <source>Your changes are still open here; try another folder with Save As.</source>
      <translation>Your changes are still open here; try another folder with Save As.</translation>
    </message>
    <message>
      <source>The project was saved without a backup</source>
      <translation>The project was saved without a backup</translation>
    </message>
    <message>
      <source>Saved to %1</source>
      <translation>Saved to %1</translation>
    </message>
    <message>
      <source>Autosave failed: %1</source>
      <translation>Autosave failed: %1</translation>
    </message>
    <message>
      <source>Unsaved changes cannot be restored</source>
      <translation>Unsaved changes cannot be restored</translation>
    </message>
    <message>
      <source>The autosave %1 cannot be read: %2 It was kept, in case it can be rescued by hand.</source>
      <translation>The autosave %1 cannot be read: %2 It was kept, in case it can be rescued by hand.</translation>
    </message>
    <message>
      <source>a new project</source>
      <translation>a new project</translation>
    </message>
    <message>
      <source>Restore unsaved changes from %1 to %2?</source>
      <translation>Restore unsaved changes from %1 to %2?</translation>
    </message>
  </context>
  <context>
    <name>FindingsList</name>
    <message>
      <source>Findings</source>
      <translation>Findings</translation>
    </message>
    <message>
      <source>No findings: everything the checks look at is in place.</source>
      <translation>No findings: everything the checks look at is in place.</translation>
    </message>
    <message>
      <source>To do on your website and in your business (%1 of %2 open)</source>
      <translation>To do on your website and in your business (%1 of %2 open)</translation>
    </message>
    <message>
      <source>Tick when done; it is saved with the project.</source>
      <translation>Tick when done; it is saved with the project.</translation>
    </message>
  </context>
  <context>
    <name>GuideDialog</name>
    <message>
      <source>Getting started with Policy Editor</source>
      <translation>Getting started with Policy Editor</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>Policies (*.txt *.md *.html *.htm *.docx *.pdf);;All files (*)</source>
      <translation>Policies (*.txt *.md *.html *.htm *.docx *.pdf);;All files (*)</translation>
    </message>
    <message>
      <source>Import existing policy</source>
      <translation>Import existing policy</translation>
    </message>
    <message>
      <source>Policy file: %1</source>
      <translation>Policy file: %1</translation>
    </message>
    <message>
      <source>&amp;Other file…</source>
      <translation>&amp;Other file…</translation>
    </message>
    <message>
      <source>Ticked details fill empty fields of your company form. A field you have already filled is replaced only if you tick it.</source>
      <translation>Ticked details fill empty fields of your company form. A field you have already filled is replaced only if you tick it.</translation>
    </message>
    <message>
      <source>What Policy Editor noticed about the old text — for your information; it changes nothing in your project.</source>
      <translation>What Policy Editor noticed about the old text — for your information; it changes nothing in your project.</translation>
    </message>
    <message>
      <source>Notes about the old policy</source>
      <translation>Notes about the old policy</translation>
    </message>
    <message>
      <source>&amp;Apply selection</source>
      <translation>&amp;Apply selection</translation>
    </message>
    <message>
      <source>Company name</source>
      <translation>Company name</translation>
    </message>
    <message>
      <source>Street and number</source>
      <translation>Street and number</translation>
    </message>
    <message>
      <source>Postcode</source>
      <translation>Postcode</translation>
    </message>
    <message>
      <source>City</source>
      <translation>City</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>Email</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>Company details (%1)</source>
      <translation>Company details (%1)</translation>
    </message>
    <message>
      <source>About the old text (%1)</source>
      <translation>About the old text (%1)</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>(already entered)</source>
      <translation>(already entered)</translation>
    </message>
    <message>
      <source>— replaces “%1”</source>
      <translation>— replaces “%1”</translation>
    </message>
    <message>
      <source>No company details were found in the old text.</source>
      <translation>No company details were found in the old text.</translation>
    </message>
    <message>
      <source>Untick what does not apply to you any more, then apply the rest.</source>
      <translation>Untick what does not apply to you any more, then apply the rest.</translation>
    </message>
    <message>
      <source>The old text names no service Policy Editor knows and no company details.</source>
      <translation>The old text names no service Policy Editor knows and no company details.</translation>
    </message>
    <message>
      <source>Import from %1</source>
      <translation>Import from %1</translation>
    </message>
  </context>
  <context>
    <name>LivePolicy</name>
    <message>
      <source>The checks could not run, so nothing was checked: %1</source>
      <translation>The checks could not run, so nothing was checked: %1</translation>
    </message>
    <message>
      <source>Checks failed</source>
      <translation>Checks failed</translation>
    </message>
    <message numerus="yes">
      <source>%n error(s)</source>
      <translation>
        <numerusform>%n error</numerusform>
        <numerusform>%n errors</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n warning(s)</source>
      <translation>
        <numerusform>%n warning</numerusform>
        <numerusform>%n warnings</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n task(s) open</source>
      <translation>
        <numerusform>%n task open</numerusform>
        <numerusform>%n tasks open</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MainActions</name>
    <message>
      <source>&amp;New</source>
      <translation>&amp;New</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>&amp;Open…</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>Save &amp;As…</translation>
    </message>
    <message>
      <source>&amp;Export…</source>
      <translation>&amp;Export…</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>&amp;Close</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <source>&amp;Find service</source>
      <translation>&amp;Find service</translation>
    </message>
    <message>
      <source>Scan my &amp;website…</source>
      <translation>Scan my &amp;website…</translation>
    </message>
    <message>
      <source>&amp;About Policy Editor</source>
      <translation>&amp;About Policy Editor</translation>
    </message>
    <message>
      <source>&amp;Import existing policy…</source>
      <translation>&amp;Import existing policy…</translation>
    </message>
    <message>
      <source>&amp;Getting started</source>
      <translation>&amp;Getting started</translation>
    </message>
    <message>
      <source>System default</source>
      <translation>System default</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>Open &amp;Recent</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>Main</source>
      <translation>Main</translation>
    </message>
    <message>
      <source>Document &amp;language:</source>
      <translation>Document &amp;language:</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Undo</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Undo</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Redo</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Redo</translation>
    </message>
    <message>
      <source>&amp;Clear list</source>
      <translation>&amp;Clear list</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;Company</source>
      <translation>&amp;Company</translation>
    </message>
    <message>
      <source>Se&amp;rvice</source>
      <translation>Se&amp;rvice</translation>
    </message>
    <message>
      <source>Own se&amp;ctions</source>
      <translation>Own se&amp;ctions</translation>
    </message>
    <message>
      <source>Preview of the privacy policy</source>
      <translation>Preview of the privacy policy</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>Findings</translation>
    </message>
    <message>
      <source>Preparing the preview…</source>
      <translation>Preparing the preview…</translation>
    </message>
    <message>
      <source>Untitled</source>
      <translation>Untitled</translation>
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
      <translation>Describe a service yourself</translation>
    </message>
    <message>
      <source>Edit your own service</source>
      <translation>Edit your own service</translation>
    </message>
    <message>
      <source>Describe the service as its provider does in its privacy notice and contract. Policy Editor checks your entries by the same rules as the services of the clause packs, but cannot check the facts: the review edition marks them as described by you.</source>
      <translation>Describe the service as its provider does in its privacy notice and contract. Policy Editor checks your entries by the same rules as the services of the clause packs, but cannot check the facts: the review edition marks them as described by you.</translation>
    </message>
    <message>
      <source>Ca&amp;tegory:</source>
      <translation>Ca&amp;tegory:</translation>
    </message>
    <message>
      <source>&amp;Role of the provider:</source>
      <translation>&amp;Role of the provider:</translation>
    </message>
    <message>
      <source>Provider (legal &amp;entity):</source>
      <translation>Provider (legal &amp;entity):</translation>
    </message>
    <message>
      <source>Provider's a&amp;ddress:</source>
      <translation>Provider's a&amp;ddress:</translation>
    </message>
    <message>
      <source>Provider's c&amp;ountry:</source>
      <translation>Provider's c&amp;ountry:</translation>
    </message>
    <message>
      <source>Transfer &amp;safeguard:</source>
      <translation>Transfer &amp;safeguard:</translation>
    </message>
    <message>
      <source>Provider's &amp;privacy notice (https://…):</source>
      <translation>Provider's &amp;privacy notice (https://…):</translation>
    </message>
    <message>
      <source>Device access:</source>
      <translation>Device access:</translation>
    </message>
    <message>
      <source>— choose a category —</source>
      <translation>— choose a category —</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>&amp;Name</translation>
    </message>
    <message>
      <source>Data processed, one per line</source>
      <translation>Data processed, one per line</translation>
    </message>
    <message>
      <source>How long it is kept</source>
      <translation>How long it is kept</translation>
    </message>
    <message>
      <source>What the joint-control arrangement covers</source>
      <translation>What the joint-control arrangement covers</translation>
    </message>
    <message>
      <source>Processes data on our behalf (processor, Art. 28 GDPR)</source>
      <translation>Processes data on our behalf (processor, Art. 28 GDPR)</translation>
    </message>
    <message>
      <source>Decides on its own (independent controller)</source>
      <translation>Decides on its own (independent controller)</translation>
    </message>
    <message>
      <source>Decides together with us (joint controller, Art. 26 GDPR)</source>
      <translation>Decides together with us (joint controller, Art. 26 GDPR)</translation>
    </message>
    <message>
      <source>We run it ourselves (self-hosted, no recipient)</source>
      <translation>We run it ourselves (self-hosted, no recipient)</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— choose —</translation>
    </message>
    <message>
      <source>Adequacy decision of the EU Commission</source>
      <translation>Adequacy decision of the EU Commission</translation>
    </message>
    <message>
      <source>EU-US Data Privacy Framework, standard contractual clauses as fallback</source>
      <translation>EU-US Data Privacy Framework, standard contractual clauses as fallback</translation>
    </message>
    <message>
      <source>Standard contractual clauses (2021/914)</source>
      <translation>Standard contractual clauses (2021/914)</translation>
    </message>
    <message>
      <source>Binding corporate rules</source>
      <translation>Binding corporate rules</translation>
    </message>
    <message>
      <source>Consent</source>
      <translation>Consent</translation>
    </message>
    <message>
      <source>Explicit consent (health and other special data)</source>
      <translation>Explicit consent (health and other special data)</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>Contract</translation>
    </message>
    <message>
      <source>Legal obligation</source>
      <translation>Legal obligation</translation>
    </message>
    <message>
      <source>Legitimate interest</source>
      <translation>Legitimate interest</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>Purpose</translation>
    </message>
    <message>
      <source>Legal basis</source>
      <translation>Legal basis</translation>
    </message>
    <message>
      <source>Purposes and their legal basis</source>
      <translation>Purposes and their legal basis</translation>
    </message>
    <message>
      <source>&amp;Add purpose</source>
      <translation>&amp;Add purpose</translation>
    </message>
    <message>
      <source>Remove purpose</source>
      <translation>Remove purpose</translation>
    </message>
    <message>
      <source>&amp;Delete service</source>
      <translation>&amp;Delete service</translation>
    </message>
    <message>
      <source>Save as &amp;user pack…</source>
      <translation>Save as &amp;user pack…</translation>
    </message>
    <message>
      <source>German</source>
      <translation>German</translation>
    </message>
    <message>
      <source>English</source>
      <translation>English</translation>
    </message>
    <message>
      <source>The company behind %1, e.g. “Example Inc.”</source>
      <translation>The company behind %1, e.g. “Example Inc.”</translation>
    </message>
    <message>
      <source>Missing in %1: %2</source>
      <translation>Missing in %1: %2</translation>
    </message>
    <message>
      <source>%1 is outside the EU/EEA: choose a transfer safeguard.</source>
      <translation>%1 is outside the EU/EEA: choose a transfer safeguard.</translation>
    </message>
    <message>
      <source>Privacy notice in English, if separate:</source>
      <translation>Privacy notice in English, if separate:</translation>
    </message>
    <message>
      <source>Not printed for a processor: the policy names it with its country, like every processor.</source>
      <translation>Not printed for a processor: the policy names it with its country, like every processor.</translation>
    </message>
    <message>
      <source>Stores or reads data on the visitor's device</source>
      <translation>Stores or reads data on the visitor's device</translation>
    </message>
    <message>
      <source>For example cookies, local storage or a device fingerprint: then the visitors must consent first (Section 25 TDDDG).</source>
      <translation>For example cookies, local storage or a device fingerprint: then the visitors must consent first (Section 25 TDDDG).</translation>
    </message>
    <message>
      <source>Interest</source>
      <translation>Interest</translation>
    </message>
    <message>
      <source>For a legitimate interest (Art. 6(1)(f) GDPR), spell out the interest.</source>
      <translation>For a legitimate interest (Art. 6(1)(f) GDPR), spell out the interest.</translation>
    </message>
    <message>
      <source>Still missing or to check:</source>
      <translation>Still missing or to check:</translation>
    </message>
    <message>
      <source>Complete: nothing is missing.</source>
      <translation>Complete: nothing is missing.</translation>
    </message>
    <message>
      <source>Delete service</source>
      <translation>Delete service</translation>
    </message>
    <message>
      <source>Delete this service from the project? You can undo it.</source>
      <translation>Delete this service from the project? You can undo it.</translation>
    </message>
    <message>
      <source>Save as user pack</source>
      <translation>Save as user pack</translation>
    </message>
    <message>
      <source>The pack could not be written (%1).</source>
      <translation>The pack could not be written (%1).</translation>
    </message>
    <message>
      <source>Saved as a clause pack in %1. It is available in every project after the next start.</source>
      <translation>Saved as a clause pack in %1. It is available in every project after the next start.</translation>
    </message>
  </context>
  <context>
    <name>Prompts</name>
    <message>
      <source>Do you want to save the changes to %1?</source>
      <translation>Do you want to save the changes to %1?</translation>
    </message>
    <message>
      <source>the new project</source>
      <translation>the new project</translation>
    </message>
    <message>
      <source>If you don't save, your changes will be lost.</source>
      <translation>If you don't save, your changes will be lost.</translation>
    </message>
    <message>
      <source>Policy Editor was not closed properly last time. Restoring opens these changes as unsaved work; discarding deletes them.</source>
      <translation>Policy Editor was not closed properly last time. Restoring opens these changes as unsaved work; discarding deletes them.</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>&amp;Restore</translation>
    </message>
    <message>
      <source>&amp;Discard</source>
      <translation>&amp;Discard</translation>
    </message>
    <message>
      <source>The file was changed by another program since you opened it.</source>
      <translation>The file was changed by another program since you opened it.</translation>
    </message>
    <message>
      <source>Overwriting %1 replaces those changes with yours. Save As keeps both.</source>
      <translation>Overwriting %1 replaces those changes with yours. Save As keeps both.</translation>
    </message>
    <message>
      <source>&amp;Overwrite</source>
      <translation>&amp;Overwrite</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>Save &amp;As…</translation>
    </message>
    <message>
      <source>%1 is read-only. Overwrite it anyway?</source>
      <translation>%1 is read-only. Overwrite it anyway?</translation>
    </message>
    <message>
      <source>The file stays read-only afterwards. Choose Cancel and then Save As to keep it unchanged.</source>
      <translation>The file stays read-only afterwards. Choose Cancel and then Save As to keep it unchanged.</translation>
    </message>
    <message>
      <source>Open project</source>
      <translation>Open project</translation>
    </message>
    <message>
      <source>Policy Editor projects (*.policy.json *.json);;All files (*)</source>
      <translation>Policy Editor projects (*.policy.json *.json);;All files (*)</translation>
    </message>
    <message>
      <source>privacy-policy</source>
      <translation>privacy-policy</translation>
    </message>
    <message>
      <source>Save project</source>
      <translation>Save project</translation>
    </message>
    <message>
      <source>Policy Editor projects (*.policy.json)</source>
      <translation>Policy Editor projects (*.policy.json)</translation>
    </message>
    <message>
      <source>Import existing policy</source>
      <translation>Import existing policy</translation>
    </message>
    <message>
      <source>No installed clause pack knows the service %1.</source>
      <translation>No installed clause pack knows the service %1.</translation>
    </message>
    <message>
      <source>“%1”</source>
      <translation>“%1”</translation>
    </message>
    <message>
      <source>It stays in the project file but is missing from the policy, and the policy cannot be exported. Remove it from the project, or install its pack again and open the project anew. Removing it can be undone.</source>
      <translation>It stays in the project file but is missing from the policy, and the policy cannot be exported. Remove it from the project, or install its pack again and open the project anew. Removing it can be undone.</translation>
    </message>
    <message>
      <source>&amp;Remove from the project</source>
      <translation>&amp;Remove from the project</translation>
    </message>
  </context>
  <context>
    <name>ScanDialog</name>
    <message>
      <source>Scan my website</source>
      <translation>Scan my website</translation>
    </message>
    <message>
      <source>https://www.your-site.de — or a saved page, folder or HAR file</source>
      <translation>https://www.your-site.de — or a saved page, folder or HAR file</translation>
    </message>
    <message>
      <source>Address of your website, or a saved page, folder or HAR file</source>
      <translation>Address of your website, or a saved page, folder or HAR file</translation>
    </message>
    <message>
      <source>Saved &amp;page…</source>
      <translation>Saved &amp;page…</translation>
    </message>
    <message>
      <source>&amp;Folder…</source>
      <translation>&amp;Folder…</translation>
    </message>
    <message>
      <source>&amp;HAR file…</source>
      <translation>&amp;HAR file…</translation>
    </message>
    <message>
      <source>Add&amp;ress or saved copy:</source>
      <translation>Add&amp;ress or saved copy:</translation>
    </message>
    <message>
      <source>Pages at &amp;most:</source>
      <translation>Pages at &amp;most:</translation>
    </message>
    <message>
      <source>for an address: links on your site are followed up to this number</source>
      <translation>for an address: links on your site are followed up to this number</translation>
    </message>
    <message>
      <source>&amp;Scan</source>
      <translation>&amp;Scan</translation>
    </message>
    <message>
      <source>Scan only your own site. Scripts are not executed, so services that load later (after consent or through a tag manager) can be missing; a HAR file records them: in Firefox or Chrome press F12, open the Network tab, reload and click through the page, then save the list with "Save all as HAR" (Firefox) or "Export HAR…" (Chrome).</source>
      <translation>Scan only your own site. Scripts are not executed, so services that load later (after consent or through a tag manager) can be missing; a HAR file records them: in Firefox or Chrome press F12, open the Network tab, reload and click through the page, then save the list with "Save all as HAR" (Firefox) or "Export HAR…" (Chrome).</translation>
    </message>
    <message>
      <source>Not recognised</source>
      <translation>Not recognised</translation>
    </message>
    <message>
      <source>Your site loads something from these third-party hosts, but Policy Editor knows no service behind them. Check what they are: each may need a section you describe yourself.</source>
      <translation>Your site loads something from these third-party hosts, but Policy Editor knows no service behind them. Check what they are: each may need a section you describe yourself.</translation>
    </message>
    <message>
      <source>Host</source>
      <translation>Host</translation>
    </message>
    <message>
      <source>Seen in</source>
      <translation>Seen in</translation>
    </message>
    <message>
      <source>What matched</source>
      <translation>What matched</translation>
    </message>
    <message>
      <source>Hosts not recognised</source>
      <translation>Hosts not recognised</translation>
    </message>
    <message>
      <source>&amp;Describe the service behind this host yourself…</source>
      <translation>&amp;Describe the service behind this host yourself…</translation>
    </message>
    <message>
      <source>&amp;Add selected services</source>
      <translation>&amp;Add selected services</translation>
    </message>
    <message>
      <source>Not recognised (%1)</source>
      <translation>Not recognised (%1)</translation>
    </message>
    <message>
      <source>Folder of a saved site</source>
      <translation>Folder of a saved site</translation>
    </message>
    <message>
      <source>HAR files (*.har);;All files (*)</source>
      <translation>HAR files (*.har);;All files (*)</translation>
    </message>
    <message>
      <source>Web pages (*.html *.htm *.xhtml *.shtml);;All files (*)</source>
      <translation>Web pages (*.html *.htm *.xhtml *.shtml);;All files (*)</translation>
    </message>
    <message>
      <source>Saved page</source>
      <translation>Saved page</translation>
    </message>
    <message>
      <source>HAR file</source>
      <translation>HAR file</translation>
    </message>
    <message>
      <source>No known service and no third-party host found in %1 page(s).</source>
      <translation>No known service and no third-party host found in %1 page(s).</translation>
    </message>
    <message>
      <source>%1 page(s) read. Untick what your site does not use, then add the rest.</source>
      <translation>%1 page(s) read. Untick what your site does not use, then add the rest.</translation>
    </message>
  </context>
  <context>
    <name>ServiceChecklist</name>
    <message>
      <source>Search services and keywords…</source>
      <translation>Search services and keywords…</translation>
    </message>
    <message>
      <source>Search services</source>
      <translation>Search services</translation>
    </message>
    <message>
      <source>Services</source>
      <translation>Services</translation>
    </message>
    <message>
      <source>&amp;Services you use:</source>
      <translation>&amp;Services you use:</translation>
    </message>
    <message>
      <source>Describe a service &amp;yourself…</source>
      <translation>Describe a service &amp;yourself…</translation>
    </message>
    <message>
      <source>For a service the list lacks: describe its provider, purposes and data</source>
      <translation>For a service the list lacks: describe its provider, purposes and data</translation>
    </message>
    <message>
      <source>Ed&amp;it…</source>
      <translation>Ed&amp;it…</translation>
    </message>
    <message>
      <source>Edit the service you described yourself</source>
      <translation>Edit the service you described yourself</translation>
    </message>
    <message>
      <source>Self-hosted: no outside provider</source>
      <translation>Self-hosted: no outside provider</translation>
    </message>
    <message>
      <source>%1 (described by you)</source>
      <translation>%1 (described by you)</translation>
    </message>
    <message>
      <source>Described by you, not checked by us. Double-click to edit.</source>
      <translation>Described by you, not checked by us. Double-click to edit.</translation>
    </message>
    <message>
      <source>Not in the list? Describe “%1” yourself</source>
      <translation>Not in the list? Describe “%1” yourself</translation>
    </message>
    <message>
      <source>Describe “%1” yourself</source>
      <translation>Describe “%1” yourself</translation>
    </message>
    <message>
      <source>Loading the services…</source>
      <translation>Loading the services…</translation>
    </message>
    <message numerus="yes">
      <source>%n service(s) selected</source>
      <translation>
        <numerusform>%n service selected</numerusform>
        <numerusform>%n services selected</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n not in any installed clause pack</source>
      <translation>
        <numerusform>%n not in any installed clause pack</numerusform>
        <numerusform>%n not in any installed clause pack</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ServiceOptionsForm</name>
    <message>
      <source>&amp;Include this service in the policy</source>
      <translation>&amp;Include this service in the policy</translation>
    </message>
    <message>
      <source>Options</source>
      <translation>Options</translation>
    </message>
    <message>
      <source>Choose a service in the list on the left to see its details and options.</source>
      <translation>Choose a service in the list on the left to see its details and options.</translation>
    </message>
    <message>
      <source>Provider: %1, %2</source>
      <translation>Provider: %1, %2</translation>
    </message>
    <message>
      <source>Self-hosted: no outside provider</source>
      <translation>Self-hosted: no outside provider</translation>
    </message>
    <message>
      <source>Described by you: %1</source>
      <translation>Described by you: %1</translation>
    </message>
    <message>
      <source>Facts verified: %1</source>
      <translation>Facts verified: %1</translation>
    </message>
    <message numerus="yes">
      <source>Follows %1: %n day(s). A value you set here applies instead.</source>
      <translation>
        <numerusform>Follows %1: %n day. A value you set here applies instead.</numerusform>
        <numerusform>Follows %1: %n days. A value you set here applies instead.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SuggestionsDialog</name>
    <message>
      <source>&amp;Cancel</source>
      <translation>&amp;Cancel</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>Progress</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>Service</translation>
    </message>
    <message>
      <source>Seen in</source>
      <translation>Seen in</translation>
    </message>
    <message>
      <source>What matched</source>
      <translation>What matched</translation>
    </message>
    <message>
      <source>Suggested services</source>
      <translation>Suggested services</translation>
    </message>
    <message>
      <source>Tick the services your policy should describe. Each row shows where the service was seen; open a row for more evidence.</source>
      <translation>Tick the services your policy should describe. Each row shows where the service was seen; open a row for more evidence.</translation>
    </message>
    <message>
      <source>C&amp;lose</source>
      <translation>C&amp;lose</translation>
    </message>
    <message>
      <source>The services found will be listed here, each with where it was seen.</source>
      <translation>The services found will be listed here, each with where it was seen.</translation>
    </message>
    <message>
      <source>Services (%1)</source>
      <translation>Services (%1)</translation>
    </message>
    <message>
      <source>Reading %1…</source>
      <translation>Reading %1…</translation>
    </message>
    <message>
      <source>Loading %1…</source>
      <translation>Loading %1…</translation>
    </message>
    <message>
      <source>Comparing with the services Policy Editor knows…</source>
      <translation>Comparing with the services Policy Editor knows…</translation>
    </message>
    <message>
      <source>Starting…</source>
      <translation>Starting…</translation>
    </message>
    <message>
      <source>Cancelled; nothing was changed.</source>
      <translation>Cancelled; nothing was changed.</translation>
    </message>
    <message>
      <source>Something unexpected went wrong (%1). Nothing was changed.</source>
      <translation>Something unexpected went wrong (%1). Nothing was changed.</translation>
    </message>
    <message>
      <source>%1 (already selected)</source>
      <translation>%1 (already selected)</translation>
    </message>
    <message>
      <source>Add suggested services</source>
      <translation>Add suggested services</translation>
    </message>
  </context>
  <context>
    <name>WelcomePage</name>
    <message>
      <source>Welcome to Policy Editor</source>
      <translation>Welcome to Policy Editor</translation>
    </message>
    <message>
      <source>Put together the privacy policy for your website in three steps: tick the services you use, fill in your company details, and export a Word file for your lawyer and HTML for your website. Everything stays on this computer.</source>
      <translation>Put together the privacy policy for your website in three steps: tick the services you use, fill in your company details, and export a Word file for your lawyer and HTML for your website. Everything stays on this computer.</translation>
    </message>
    <message>
      <source>Open the selected &amp;example</source>
      <translation>Open the selected &amp;example</translation>
    </message>
    <message>
      <source>Opens the example selected in the list below</source>
      <translation>Opens the example selected in the list below</translation>
    </message>
    <message>
      <source>&amp;Guide</source>
      <translation>&amp;Guide</translation>
    </message>
    <message>
      <source>A short guide for your first hour (F1)</source>
      <translation>A short guide for your first hour (F1)</translation>
    </message>
    <message>
      <source>&amp;New project</source>
      <translation>&amp;New project</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>&amp;Open…</translation>
    </message>
    <message>
      <source>Examples:</source>
      <translation>Examples:</translation>
    </message>
    <message>
      <source>Example projects</source>
      <translation>Example projects</translation>
    </message>
    <message>
      <source>Recent files:</source>
      <translation>Recent files:</translation>
    </message>
    <message>
      <source>Recent files</source>
      <translation>Recent files</translation>
    </message>
  </context>
  <context>
    <name>WindowDialogs</name>
    <message>
      <source>Remove %1</source>
      <translation>Remove %1</translation>
    </message>
    <message>
      <source>Delete %1</source>
      <translation>Delete %1</translation>
    </message>
    <message>
      <source>Describe %1</source>
      <translation>Describe %1</translation>
    </message>
    <message>
      <source>Edit %1</source>
      <translation>Edit %1</translation>
    </message>
    <message>
      <source>Some clause packs could not be loaded completely</source>
      <translation>Some clause packs could not be loaded completely</translation>
    </message>
    <message>
      <source>The services and texts from these files are missing until the pack is fixed. Everything else works.

%1</source>
      <translation>The services and texts from these files are missing until the pack is fixed. Everything else works.

%1</translation>
    </message>
    <message>
      <source>The policy cannot be exported yet</source>
      <translation>The policy cannot be exported yet</translation>
    </message>
    <message>
      <source>No installed clause pack knows the selected service(s) %1. Install the pack again, or click its finding to remove it from the project.</source>
      <translation>No installed clause pack knows the selected service(s) %1. Install the pack again, or click its finding to remove it from the project.</translation>
    </message>
    <message>
      <source>Date (Stand)</source>
      <translation>Date (Stand)</translation>
    </message>
    <message>
      <source>Record export</source>
      <translation>Record export</translation>
    </message>
  </context>
</TS>