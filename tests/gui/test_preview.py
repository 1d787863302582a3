"""The incremental preview: same result as a full render, and many updates without a crash."""
import random
from datetime import date

from editor.core.compose import compose
from editor.core.document import Document, Paragraph, Run, Section
from editor.core.project import CustomSection, Dpo, LocalText, SelectedService, example_project
from editor.gui.preview import Preview
from editor.export.qtdoc import unit_html


def fresh(document):
    view = Preview()
    view.show_document(document)
    return view


def test_incremental_updates_equal_full_render(qtbot, catalog):
    view = Preview()
    qtbot.addWidget(view)
    project = example_project()
    ids = sorted(catalog.services)
    rnd = random.Random(7)
    for step in range(120):
        r = rnd.random()
        if r < 0.45:
            sid = rnd.choice(ids)
            if project.selected(sid):
                project.services = [s for s in project.services if s.id != sid]
            else:
                project.services.append(SelectedService(id=sid))
        elif r < 0.65:
            project.controller.name = rnd.choice(["", "A & B <x>", "Müller *GmbH*", "Z"])
        elif r < 0.8:
            project.dpo = None if project.dpo else Dpo(name="Dr. D")
        elif r < 0.9:
            project.custom_sections = [] if project.custom_sections else [
                CustomSection(id="s1", title=LocalText(de="Eigenes"), body=LocalText(de="- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |"))]
        else:
            project.state = rnd.choice(["", "BY", "NW", "BE"])
        document = compose(catalog, project, "de")
        view.show_document(document)
        reference = fresh(document)
        assert view.toPlainText() == reference.toPlainText(), step
        assert view.toHtml() == reference.toHtml(), step
        assert view.unit_ids() == reference.unit_ids()


def test_only_changed_sections_are_rewritten(qtbot, catalog):
    project = example_project()
    project.services = [SelectedService(id=i) for i in catalog.services]
    view = Preview()
    qtbot.addWidget(view)
    view.show_document(compose(catalog, project, "de"))
    total = len(view.unit_ids())
    project.controller.email = "neu@example.de"
    assert view.show_document(compose(catalog, project, "de")) < max(6, total // 10)
    assert "neu@example.de" in view.toPlainText()
    assert view.show_document(compose(catalog, project, "de")) == 0


def test_scroll_position_is_kept(qtbot, catalog):
    project = example_project()
    project.services = [SelectedService(id=i) for i in catalog.services]
    view = Preview()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    view.show_document(compose(catalog, project, "de"))
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    project.controller.phone = "+49 30 999"
    view.show_document(compose(catalog, project, "de"))
    assert bar.value() == before


def test_text_is_escaped_and_placeholders_highlighted(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextDocument

    from editor.export.qtdoc import Unit

    html = unit_html(Unit("x", 2, "1", "<b>T</b>", (Paragraph((Run("<script>"), Run("Telefon", placeholder=True))),)))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;T&lt;/b&gt;" in html
    # as Qt draws it: the user's text literally, only the placeholder on a coloured background
    document = QTextDocument()
    document.setHtml(html)
    assert "<b>T</b>" in document.toPlainText() and "<script>Telefon" in document.toPlainText()
    assert document.find("Telefon").charFormat().background().style() != Qt.BrushStyle.NoBrush
    assert document.find("<script>").charFormat().background().style() == Qt.BrushStyle.NoBrush


def test_ten_thousand_preview_updates_do_not_crash(qtbot):
    """Guards the PySide6 6.12 / Python 3.11 none_dealloc abort (DESIGN.md, known pitfalls)."""
    view = Preview()
    qtbot.addWidget(view)
    sections = tuple(Section(f"s{i}", str(i + 1), f"Abschnitt {i}", (Paragraph((Run("Text"),)),)) for i in range(5))
    calls = 0
    for n in range(10_000):
        changed = list(sections)
        changed[n % 5] = Section(f"s{n % 5}", str(n % 5 + 1), f"Abschnitt {n % 5}", (Paragraph((Run(f"Text {n}"),)),))
        document = Document("de", "Datenschutzerklärung", "Firma", date(2026, 1, 1), tuple(changed))
        calls += view.show_document(document)
    assert calls >= 10_000
    assert "Text 9999" in view.toPlainText()


def _structure(qdoc):
    """Text and block structure of a QTextDocument: per block its text, heading level, list
    style and nesting in tables (frames)."""
    out = []
    block = qdoc.begin()
    while block.isValid():
        text_list = block.textList()
        frame = block.document().frameAt(block.position())
        out.append((block.text(), block.blockFormat().headingLevel(),
                    text_list.format().style() if text_list is not None else None,
                    frame is not block.document().rootFrame()))
        block = block.next()
    return out


def test_the_preview_shows_what_the_pdf_prints(qtbot, catalog):
    """One Qt builder: the preview's document and the PDF's document hold the same text in the
    same blocks — after a full render and after incremental updates."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPdfWriter

    from editor.export import pdf

    project = example_project()
    project.services = [SelectedService(id=i) for i in sorted(catalog.services)[:25]]
    view = Preview()
    qtbot.addWidget(view)
    for step in range(3):
        document = compose(catalog, project, "de")
        view.show_document(document)
        buffer = QBuffer(QByteArray())
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        printed = pdf.layout_document(document, QPdfWriter(buffer))
        assert view.toPlainText() == printed.toPlainText(), step
        assert _structure(view.document()) == _structure(printed), step
        assert "Inhalt" in printed.toPlainText() and "Stand: " in printed.toPlainText()
        project.controller.name = f"Firma {step}"  # incremental updates from here on
        project.services = project.services[1:]


def test_one_html_pass_gives_the_ranges_of_unit_by_unit_inserts(qtbot, catalog, full_project):
    """fill() sets all units as one HTML and reads the unit ranges back from the heading blocks;
    the result equals inserting unit by unit (the reference, and the fallback), both languages."""
    from PySide6.QtGui import QTextDocument

    from editor.export import qtdoc

    for lang in ("de", "en"):
        units = qtdoc.units(compose(catalog, full_project, lang))
        fast, slow = QTextDocument(), QTextDocument()
        for doc in (fast, slow):
            qtdoc.prepare(doc)
        ranges = qtdoc.fill(fast, units, qtdoc.HeadingFormats())
        assert ranges == qtdoc.fill_by_units(slow, units, qtdoc.HeadingFormats())
        assert fast.toHtml() == slow.toHtml()
        view = fresh(compose(catalog, full_project, lang))
        assert view.unit_ids() == [u.id for u in units] and view.textCursor().position() == 0
        assert view.toHtml() == fresh_by_units(units).toHtml()


def fresh_by_units(units):
    from editor.export import qtdoc

    view = Preview()
    qtdoc.fill_by_units(view.document(), units, qtdoc.HeadingFormats())
    return view


def test_a_heading_count_that_does_not_add_up_falls_back_to_unit_inserts(qtbot):
    from PySide6.QtGui import QTextDocument

    from editor.export import qtdoc

    doc = QTextDocument()
    doc.setHtml("<h2>one</h2><p>x</p><h2>two</h2>")
    assert qtdoc.unit_ranges(doc, 2) == [(0, 5), (6, doc.characterCount() - 1)]
    assert qtdoc.unit_ranges(doc, 3) is None
    doc.setHtml("<p>before</p><h2>one</h2>")
    assert qtdoc.unit_ranges(doc, 1) is None  # the first unit must start the document


def test_units_of_an_unchanged_section_are_the_units_shown_before(catalog, full_project):
    """After a company-field edit compose() hands out the same category sections; units() gives
    their units back as the same objects (the preview then skips them by identity), and the
    units equal those built from nothing."""
    from editor.export import qtdoc

    known = {}
    qtdoc.units(compose(catalog, full_project, "de"), None, known)
    before = {id(unit) for _, built in known.values() for unit in built}
    full_project.controller.phone = "+49 30 999"
    document = compose(catalog, full_project, "de")
    units = qtdoc.units(document, None, known)
    assert units == qtdoc.units(document)
    services = [u for u in units if u.service]
    assert len(services) > 300 and all(id(u) in before for u in services)
    assert len(known) == len(document.sections)  # the memo holds the sections shown, no more


def test_a_click_on_a_section_names_it_and_a_selection_does_not(qtbot, catalog):
    """A left click in a section's text emits the section (and its service); a click that ends a
    selection, a right click and a click on a fixed section (the title) do not."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QTextCursor

    project = example_project()
    project.services = [SelectedService(id="paypal")]
    view = Preview()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    view.show_document(compose(catalog, project, "de"))
    qtbot.waitExposed(view)
    clicks = []
    view.sectionClicked.connect(lambda section, service: clicks.append((section, service)))

    def click_into(section_id, button=Qt.MouseButton.LeftButton):
        view.scroll_to(section_id)
        rect = view.cursorRect(view.textCursor())
        qtbot.mouseClick(view.viewport(), button, pos=QPoint(rect.left() + 4, rect.center().y()))

    click_into("service-paypal")
    assert clicks == [("service-paypal", "paypal")]
    click_into("controller")
    assert clicks[-1] == ("controller", "")
    click_into("controller", Qt.MouseButton.RightButton)
    assert len(clicks) == 2
    view.selectAll()
    view.viewport().update()
    rect = view.cursorRect(view.textCursor())
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 4, rect.center().y()))
    assert len(clicks) == 2, "the release that ends a selection is no click on a section"
    view.moveCursor(QTextCursor.MoveOperation.Start)  # no selection any more
    click_into(view.unit_ids()[0])  # the policy's title: not a section to edit
    assert len(clicks) == 2
