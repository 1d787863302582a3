"""Main window behaviour: checklist, forms, undo, preview, findings, files."""

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QMessageBox, QSpinBox

from editor.core import project as project_io
from editor.gui.targets import STATE, ControllerField, DpoField, ServiceTarget


def first_service(catalog, predicate=lambda s: True):
    return next(s for s in sorted(catalog.services.values(), key=lambda s: s.id) if predicate(s))


def tick(window, sid, on=True):
    item = window.checklist.item(sid)
    item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def test_ticking_a_service_changes_preview_and_counts(project_window, catalog):
    w = project_window
    service = first_service(catalog)
    before = w.preview.toPlainText()
    assert service.name("de") not in before
    tick(w, service.id)
    assert w.model.project.service_ids() == [service.id]
    assert f"service-{service.id}" in w.preview.unit_ids()
    assert service.name("de") in w.preview.toPlainText()
    assert w.checklist.ticked_total == 1
    assert w.checklist.total.text() == "1 service(s) selected"
    category_item = w.checklist.item(service.id).parent()
    assert category_item.text(1).startswith("1/")
    assert w.isWindowModified()


def test_search_filters_by_name_and_keyword(project_window, catalog):
    w = project_window
    service = first_service(catalog, lambda s: any(k.casefold() not in s.names.de.casefold() for k in s.keywords))
    keyword = next(k for k in service.keywords if k.casefold() not in service.names.de.casefold())
    w.checklist.search.setText(keyword)
    visible = w.checklist.visible_ids()
    assert service.id in visible
    assert len(visible) < len(catalog.services)
    w.checklist.search.setText(service.names.en)
    assert service.id in w.checklist.visible_ids()
    w.checklist.search.setText("zzzzqx")
    assert w.checklist.visible_ids() == []
    w.checklist.search.clear()
    assert len(w.checklist.visible_ids()) == len(catalog.services)


def test_typing_in_company_name_is_one_undo_step(project_window, qtbot):
    w = project_window
    edit = w.company_form.fields[ControllerField("name")]
    edit.end(False)
    original = w.model.project.controller.name
    edit.setFocus()
    qtbot.keyClicks(edit, "Mueller & Soehne <GmbH>")
    assert w.model.project.controller.name == original + "Mueller & Soehne <GmbH>"
    assert w.undo_stack.count() == 1
    assert original + "Mueller & Soehne <GmbH>" in w.preview.toPlainText()  # shown as typed, not as markup
    w.undo_stack.undo()
    assert w.model.project.controller.name == original
    assert edit.text() == original
    w.undo_stack.redo()
    assert edit.text() == original + "Mueller & Soehne <GmbH>"
    # leaving the field ends the burst: new typing is a new step
    edit.editingFinished.emit()
    qtbot.keyClicks(edit, "!")
    assert w.undo_stack.count() == 2


def test_undo_redo_of_ticking(project_window, catalog):
    w = project_window
    service = first_service(catalog)
    tick(w, service.id)
    assert w.undo_stack.count() == 1
    w.undo_stack.undo()
    assert w.model.project.services == []
    assert w.checklist.item(service.id).checkState(0) == Qt.CheckState.Unchecked
    assert f"service-{service.id}" not in w.preview.unit_ids()
    assert not w.isWindowModified()
    w.undo_stack.redo()
    assert w.model.project.service_ids() == [service.id]
    assert w.checklist.item(service.id).checkState(0) == Qt.CheckState.Checked
    assert f"service-{service.id}" in w.preview.unit_ids()


def test_option_change_is_a_separate_undo_step(project_window, catalog):
    w = project_window
    service = first_service(catalog, lambda s: any(o.type in ("bool", "choice", "int") for o in s.options))
    option = next(o for o in service.options if o.type in ("bool", "choice", "int"))
    tick(w, service.id)
    w.checklist.select_service(service.id)
    assert w.tabs.currentIndex() == 1
    widget = w.options_form.widgets[option.id]
    if isinstance(widget, QCheckBox):
        widget.click()
        expected = not option.default
    elif isinstance(widget, QComboBox):
        index = (widget.currentIndex() + 1) % widget.count()
        widget.setCurrentIndex(index)
        widget.activated.emit(index)
        expected = widget.itemData(index)
    else:
        assert isinstance(widget, QSpinBox)
        expected = widget.value() + 1 if widget.value() < widget.maximum() else widget.value() - 1
        widget.setValue(expected)
    assert w.model.project.selected(service.id).options[option.id] == expected
    assert w.undo_stack.count() == 2  # tick + option
    w.undo_stack.undo()
    assert option.id not in w.model.project.selected(service.id).options
    assert w.model.project.service_ids() == [service.id]  # still ticked
    w.undo_stack.undo()
    assert w.model.project.services == []


def test_dpo_checkbox_and_undo_keeps_fields(project_window, qtbot):
    w = project_window
    w.company_form.has_dpo.click()
    assert w.model.project.dpo is not None
    assert w.company_form.dpo_fields.isEnabled()
    qtbot.keyClicks(w.company_form.fields[DpoField("name")], "Dr. Datenschutz")
    w.company_form.has_dpo.click()
    assert w.model.project.dpo is None
    w.undo_stack.undo()
    assert w.model.project.dpo.name == "Dr. Datenschutz"
    assert w.company_form.fields[DpoField("name")].text() == "Dr. Datenschutz"


def test_save_and_open_round_trip(project_window, tmp_path, catalog):
    w = project_window
    service = first_service(catalog)
    tick(w, service.id)
    target = tmp_path / "mine.policy.json"
    w.prompts.ask_save_path = lambda *_: str(tmp_path / "mine")
    assert w.session.save()
    assert target.exists()
    assert not w.isWindowModified()
    assert w.windowTitle().startswith("mine.policy.json[*]")
    loaded = project_io.load(target)
    assert loaded.service_ids() == [service.id]
    w.session.close_project()
    assert not w.session.has_project
    assert w.session.open_path(str(target))
    assert w.model.project.service_ids() == [service.id]
    assert w.checklist.item(service.id).checkState(0) == Qt.CheckState.Checked
    from editor.gui import settings

    assert settings.recent_files()[0] == str(target.resolve())


def test_unsaved_changes_prompt_cancel_keeps_window(project_window, qtbot):
    w = project_window
    w.show()
    qtbot.keyClicks(w.company_form.fields[ControllerField("city")], "x")
    asked = []
    w.prompts.ask_unsaved = lambda _name: asked.append(1) or "cancel"
    assert not w.close()
    assert asked and w.isVisible() and w.session.has_project
    w.prompts.ask_unsaved = lambda _name: "discard"
    assert w.close()


def test_unsaved_changes_prompt_real_message_box(project_window, qtbot, tmp_path):
    """Drive the real QMessageBox: choose Save, which saves through Save As."""
    from editor.gui.prompts import Prompts

    w = project_window
    w.prompts.ask_unsaved = Prompts.ask_unsaved.__get__(w.prompts)
    w.prompts.ask_save_path = lambda *_: str(tmp_path / "answered.policy.json")
    qtbot.keyClicks(w.company_form.fields[ControllerField("city")], "x")
    seen = []

    def click_save():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Save).click()

    QTimer.singleShot(50, click_save)
    assert w.session.maybe_save()
    assert seen and "save" in seen[0].lower()
    assert (tmp_path / "answered.policy.json").exists()


def test_corrupt_file_reports_and_is_untouched(window, tmp_path):
    bad = tmp_path / "broken.policy.json"
    content = b'{"format": "policy-editor-project", "schema_version": 2, "controller": {'
    bad.write_bytes(content)
    assert not window.session.open_path(str(bad))
    assert window.errors and "damaged" in window.errors[0][1]
    assert bad.read_bytes() == content
    assert not window.session.has_project


def test_newer_version_is_refused(window, tmp_path):
    newer = tmp_path / "future.policy.json"
    newer.write_text('{"format": "policy-editor-project", "schema_version": 99}', encoding="utf-8")
    assert not window.session.open_path(str(newer))
    assert "newer" in window.errors[0][1]


def test_document_language_switch(project_window):
    w = project_window
    assert "Datenschutzerklärung" in w.preview.toPlainText()
    w.language_combo.setCurrentIndex(w.language_combo.findData("en"))
    assert w.live.doc_language == "en"
    text = w.preview.toPlainText()
    assert "Privacy Policy" in text and "Datenschutzerklärung" not in text
    assert not w.isWindowModified()  # a view choice, not an edit


def test_findings_click_navigates_to_field_and_service(project_window, catalog, qtbot):
    w = project_window
    w.show()
    qtbot.waitExposed(w)
    w.navigator.go(ControllerField("email"))
    assert w.tabs.currentIndex() == 0
    assert w.focusWidget() is w.company_form.fields[ControllerField("email")]
    service = first_service(catalog)
    w.navigator.go(ServiceTarget(service.id))
    assert w.checklist.current_service() == service.id
    assert w.tabs.currentIndex() == 1
    # through the list: a finding that points at the e-mail field
    w.model.project.controller.email = ""
    w.live.run_checks()
    targets = [f.target for f in w.findings.findings]
    assert "controller.email" in targets
    row = targets.index("controller.email")
    w.tabs.setCurrentIndex(2)
    w.findings.itemClicked.emit(w.findings.item(row))
    assert w.tabs.currentIndex() == 0
    assert w.focusWidget() is w.company_form.fields[ControllerField("email")]


def test_a_contact_channel_finding_leads_to_its_service_in_the_checklist(project_window, qtbot):
    """walk9: the example's e-mail address is printed, "Contact by email" is not ticked: the
    finding says so and a click shows that service, ready to tick."""
    w = project_window
    w.show()
    qtbot.waitExposed(w)
    w.live.run_checks()
    targets = [f.target for f in w.findings.findings]
    row = targets.index("service:email-contact")
    assert "Contact by email" in w.findings.findings[row].message
    w.findings.itemClicked.emit(w.findings.item(row))
    assert w.checklist.current_service() == "email-contact" and w.tabs.currentIndex() == 1


def test_preview_click_selects_service(project_window, catalog):
    w = project_window
    service = first_service(catalog)
    tick(w, service.id)
    unit_index = w.preview.unit_ids().index(f"service-{service.id}")
    start = w.preview._starts[unit_index]
    assert w.preview.unit_at(start + 2).service == service.id
    w.navigator.preview_clicked(f"service-{service.id}", service.id)
    assert w.checklist.current_service() == service.id


def test_drop_of_project_file_opens_it(window, example_file, qtbot):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(example_file))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.session.has_project)
    assert window.session.path == example_file.resolve()
    assert window.windowTitle().startswith("shop.policy.json")


def test_custom_section_add_edit_undo(project_window, qtbot):
    w = project_window
    w.custom_form.add_section()
    assert len(w.model.project.custom_sections) == 1
    cid = w.model.project.custom_sections[0].id
    w.custom_form.body.setPlainText("Unser **Kundenkonto** speichert Bestellungen.")
    assert "Kundenkonto" in w.preview.toPlainText()
    assert f"custom-{cid}" in w.preview.unit_ids()
    w.undo_stack.undo()  # the body
    w.undo_stack.undo()  # the section
    assert w.model.project.custom_sections == []
    assert f"custom-{cid}" not in w.preview.unit_ids()


def test_new_project_welcome_and_example(window):
    assert not window.session.has_project
    assert window.stack.currentWidget() is window.welcome
    window.session.open_example("")
    assert window.session.has_project and window.model.project.controller.name
    assert window.preview.toPlainText().strip()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_screenshot_renders_png(tmp_path, example_file, lang):
    from PySide6.QtGui import QImage

    from editor.gui.screenshot import render_screenshot

    out = tmp_path / f"shot-{lang}.png"
    render_screenshot(str(example_file), str(out), lang, (1000, 700))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)
    # a picture of the window, not an empty canvas: many colours, spread over the whole width
    colours = {image.pixel(x, y) for x in range(0, 1000, 10) for y in range(0, 700, 10)}
    assert len(colours) > 20
    assert len({image.pixel(x, 350) for x in range(0, 330, 5)}) > 1 and len({image.pixel(x, 350) for x in range(670, 1000, 5)}) > 1


def test_about_lists_packs(window, catalog):
    from editor.gui.about import about_html

    html = about_html(catalog)
    for pack in catalog.packs.values():
        assert f"{pack.id} {pack.manifest.version}" in html
    assert "PySide6" in html and "Qt" in html
    from editor import __version__

    assert __version__ in html  # the same version the DOCX properties and the HTML page name


def test_window_title_and_modified_flag(project_window):
    w = project_window
    assert w.windowTitle() == "Untitled[*] — Policy Editor"
    assert not w.isWindowModified()
    w.push(STATE, "BY", "state")
    assert w.isWindowModified()
    w.undo_stack.undo()
    assert not w.isWindowModified()


def test_every_input_has_an_accessible_name(project_window):
    from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit

    w = project_window
    checked = 0
    for kind in (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox):
        for widget in w.findChildren(kind):
            if widget.parent() is not None and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
                continue  # internal editors of combos and spin boxes
            assert widget.accessibleName(), widget
            checked += 1
    assert checked >= len(w.company_form.fields) > 5  # the loop really saw the forms


def leave(widget):
    """Focus leaves ``widget`` (offscreen windows never become active, so no real focus events)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QFocusEvent

    QApplication.sendEvent(widget, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))


def test_websites_then_stand_are_two_undo_steps(project_window, qtbot):
    """Typing in the websites field, then in "Stand": undo takes back only the date. Leaving the
    websites field ends its typing burst (its merge session was never renewed before, so every
    later typing in it merged into the first step)."""
    w = project_window
    form = w.company_form
    qtbot.keyClicks(form.websites, "https://shop.example")
    sites = list(w.model.project.websites)
    assert "https://shop.example" in "\n".join(sites)
    leave(form.websites)
    before = w.model.project.stand
    form.stand.setCurrentSection(form.stand.Section.YearSection)
    qtbot.keyClick(form.stand, Qt.Key.Key_Up)  # one year later, typed
    assert w.model.project.stand != before
    w.undo_stack.undo()
    assert w.model.project.stand == before
    assert w.model.project.websites == sites  # the websites typing is a step of its own
    leave(form.stand)
    steps = w.undo_stack.index()  # the websites step
    qtbot.keyClicks(form.websites, "x")  # back in the websites field: a new burst
    assert w.undo_stack.index() == steps + 1
    leave(form.websites)
    qtbot.keyClicks(form.websites, "y")
    assert w.undo_stack.index() == steps + 2
    w.undo_stack.undo()
    assert "y" not in "".join(w.model.project.websites) and "x" in "".join(w.model.project.websites)


def test_finding_targets_are_read_once_into_typed_targets():
    from editor.gui.targets import (
        CustomSectionTarget, DocumentSection, DpoTarget, PackTarget, ServicesTarget, finding_target, preview_target,
    )

    assert finding_target("controller.email") == ControllerField("email")
    assert finding_target("dpo") == DpoTarget() and finding_target("dpo.email") == DpoField("email")
    assert finding_target("state") == STATE
    assert finding_target("service:google-analytics") == ServiceTarget("google-analytics")
    assert finding_target("custom:s1") == CustomSectionTarget("s1")
    assert finding_target("section:hosting") == DocumentSection("hosting")
    assert finding_target("pack:packs/x/services.toml") == PackTarget("packs/x/services.toml")
    assert finding_target("services") == ServicesTarget()
    assert finding_target("") is None and finding_target("nonsense:") is None
    assert preview_target("service-x", "x") == ServiceTarget("x")
    assert preview_target("custom-s1", "") == CustomSectionTarget("s1")
    assert preview_target("complaint", "") == STATE and preview_target("intro", "") is None


def test_a_custom_section_finding_leads_to_the_section(project_window):
    w = project_window
    w.custom_form.add_section()
    w.custom_form.add_section()
    first = w.model.project.custom_sections[0].id
    w.live.run_checks()
    (row,) = [i for i, f in enumerate(w.findings.findings) if f.target == f"custom:{first}"][:1]
    w.tabs.setCurrentIndex(0)
    w.findings.itemClicked.emit(w.findings.item(row))
    assert w.tabs.currentIndex() == 2 and w.custom_form.current_id() == first


def test_a_pack_error_is_one_finding(project_window, catalog):
    import copy

    from editor.core.packs import PackError

    w = project_window
    broken = copy.copy(catalog)
    broken.errors = [PackError("packs/extra/services.toml", 3, None, "not valid TOML")]
    w.catalog = w.live.catalog = broken
    w.live.run_checks()
    about_packs = [f for f in w.findings.findings if f.target.startswith("pack:")]
    assert [f.code for f in about_packs] == ["pack-error"]


def test_checks_that_fail_are_an_error_not_zero_errors(project_window, monkeypatch):
    from editor.core import checks

    def broken(*args, **kwargs):
        raise ValueError("a bug in a check")

    w = project_window
    monkeypatch.setattr(checks, "checks", broken)
    w.live.run_checks()
    (finding,) = w.findings.findings
    assert finding.severity == "error" and finding.code == "checks-failed"
    assert "could not run" in finding.message and "ValueError" in finding.message
    assert type(finding) is checks.Finding  # one Finding type, core's
    assert w.status_findings.text() == "Checks failed" and "0 errors" not in w.status_findings.text()
    assert "could not run" in w.statusBar().currentMessage()


def test_tasks_are_their_own_group_and_ticking_one_is_saved_in_the_project_undoably(project_window, catalog):
    from editor.gui.findings import ROLE_TASK

    w = project_window
    tick(w, "cookiebot")
    w.live.run_checks()
    rows = [w.findings.item(i) for i in range(w.findings.count())]
    tasks = [r for r in rows if r.data(ROLE_TASK)]
    heading = rows[rows.index(tasks[0]) - 1]
    assert heading.text().startswith("To do on your website") and not heading.data(ROLE_TASK)
    assert all(not r.data(ROLE_TASK) for r in rows[:rows.index(heading)])  # errors and warnings come first
    item = next(r for r in tasks if r.data(ROLE_TASK) == "cookie-settings-link")
    assert item.flags() & Qt.ItemFlag.ItemIsUserCheckable and item.checkState() == Qt.CheckState.Unchecked
    open_before = w.findings.counts()["task"]
    item.setCheckState(Qt.CheckState.Checked)
    assert w.model.project.tasks_done == ["cookie-settings-link"]
    w.live.run_checks()
    done = next(w.findings.item(i) for i in range(w.findings.count())
                if w.findings.item(i).data(ROLE_TASK) == "cookie-settings-link")
    assert done.checkState() == Qt.CheckState.Checked
    assert w.findings.counts()["task"] == open_before - 1
    assert f"{open_before - 1} task(s) open" in w.status_findings.text()  # source text: no translator installed
    assert project_io.to_dict(w.model.project)["tasks_done"] == ["cookie-settings-link"]
    w.undo_stack.undo()
    assert w.model.project.tasks_done == []
    assert "tasks_done" not in project_io.to_dict(w.model.project)  # files that never used it stay as they were


def test_clicking_a_task_checkbox_ticks_it_without_leading_away_but_clicking_its_text_leads_to_the_service(
        project_window, qtbot):
    from editor.gui.findings import ROLE_TASK

    w = project_window
    w.show()
    qtbot.waitExposed(w)
    tick(w, "cookiebot")
    w.live.run_checks()
    item = next(w.findings.item(i) for i in range(w.findings.count())
                if w.findings.item(i).data(ROLE_TASK) == "cookie-settings-link")
    w.tabs.setCurrentIndex(0)
    w.findings.scrollToItem(item)
    rect = w.findings.visualItemRect(item)
    box = QPointF(rect.left() + 10, rect.center().y()).toPoint()  # the checkbox sits at the row's left edge
    qtbot.mouseClick(w.findings.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert w.model.project.tasks_done == ["cookie-settings-link"] and w.tabs.currentIndex() == 0
    w.findings.itemClicked.emit(item)  # a click on the text: to the service it belongs to
    assert w.tabs.currentIndex() == 1 and w.checklist.current_service() == "cookiebot"


def test_new_check_results_keep_the_findings_list_where_the_reader_was(qtbot):
    from editor.core.checks import Finding
    from editor.gui.findings import FindingsList

    pane = FindingsList()
    qtbot.addWidget(pane)
    pane.resize(500, 90)
    pane.show()
    qtbot.waitExposed(pane)
    findings = [Finding("warning", "w", f"Warning {n}", "services") for n in range(10)]
    findings += [Finding("task", "task", f"Task {n}", "services", task=f"t{n}") for n in range(10)]
    pane.set_findings(findings)
    bar = pane.verticalScrollBar()
    QApplication.processEvents()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    pane.set_findings(findings)  # e.g. after ticking the last task
    QApplication.processEvents()
    assert bar.value() == bar.maximum() > 0


def test_switching_the_interface_language_keeps_the_service_whose_options_are_shown(project_window, ui_language):
    """review9: the checklist is rebuilt in the new language; the rebuild emptied the highlighted
    row, and the options form went blank under the user's eyes (set_catalog cleared the tree)."""
    w = project_window
    w.checklist.select_service("server-logs")
    w.tabs.setCurrentIndex(0)  # back on the Company tab: the switch must not change tabs either
    ui_language("de")
    assert w.checklist.current_service() == "server-logs" and w.options_form.service_id == "server-logs"
    assert "retention_days" in w.options_form.widgets and w.tabs.currentIndex() == 0


def test_a_rebuilt_checklist_without_the_highlighted_service_empties_its_options(project_window, catalog):
    import copy

    w = project_window
    w.checklist.select_service("strato")
    smaller = copy.copy(catalog)  # as after an own service was removed
    smaller.services = {k: v for k, v in catalog.services.items() if k != "strato"}
    w.checklist.set_catalog(smaller, "en")
    assert w.options_form.service_id == "" and w.checklist.current_service() == ""
