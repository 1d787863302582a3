"""What a new shop owner met on a first walk through the app, in German: counts in the right
plural form, an own-service form whose fields stay under the mouse while the list of what is
missing shrinks, and an export that says how many files it wrote."""
from PySide6.QtCore import QPoint

from editor.gui.translation import install_translators


def test_the_status_bar_counts_in_the_right_plural(window, qapp):
    install_translators(qapp, "de")
    window.session.new_project()
    window.live.run_checks()
    counts = window.findings.counts()
    assert counts["warning"] == 1 and counts["error"] > 1  # a new project: no service yet, no address
    assert window.status_findings.text() == f"{counts['error']} Fehler, 1 Warnung"
    window.editing.toggle_service("ionos", True)  # a hoster: a warning (no server log section) and a task (the DPA)
    window.live.run_checks()
    assert window.findings.counts()["warning"] == 1 and window.findings.counts()["task"] == 1
    assert window.status_findings.text().endswith(", 1 Warnung, 1 Aufgabe offen")


def test_the_export_says_how_many_files_it_wrote(window, qtbot, qapp, tmp_path):
    from editor.gui.export_dialog import ExportDialog

    install_translators(qapp, "de")
    window.session.new_project()
    dialog = ExportDialog(window.catalog, window.model.project, None, window)
    qtbot.addWidget(dialog)
    dialog.confirm_open_errors = lambda errors: True
    for key, box in dialog.format_boxes.items():
        box.setChecked(key == "md")
    dialog.folder.setText(str(tmp_path))
    dialog.base.setText("policy")
    with qtbot.waitSignal(dialog.done, timeout=30000):
        dialog.export_button.click()
    assert dialog.result.text() == f"1 Datei gespeichert in {tmp_path}:\n  policy-de.md"
    assert dialog.names_hint.styleSheet() == ""  # the file list is read, not greyed out


def test_the_own_service_fields_stay_where_they_are_while_the_user_fills_them_in(window, qtbot, catalog):
    from editor.gui.own_service_form import OwnServiceDialog

    window.session.new_project()
    dialog = OwnServiceDialog(catalog, window.model.project, None, "", "de", window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def where(widget):
        return widget.mapTo(dialog, QPoint(0, 0))

    retention = dialog.retention["de"]
    before, lines_before = where(retention), dialog.problems.text().count("\n")
    qtbot.keyClicks(dialog.names["de"], "Kurier Schmidt")
    dialog.category.setCurrentIndex(dialog.category.findData("shipping"))
    qtbot.keyClicks(dialog.privacy_url, "https://kurier.example/datenschutz")
    dialog.purposes.item(0, 0).setText("Lieferung der Blumen")
    qtbot.keyClicks(dialog.data["de"], "Name")
    qtbot.wait(50)
    assert dialog.problems.text().count("\n") < lines_before - 2  # the list did shrink
    assert where(retention) == before
    # the purposes fill the table's width: no empty strip to the right of the last column
    header = dialog.purposes.horizontalHeader()
    assert header.sectionPosition(header.count() - 1) + header.sectionSize(header.count() - 1) == header.width()


def test_a_missing_companion_service_is_named_plainly(window, catalog):
    """One missing service read "aber nichts davon: „Server-Logdateien“" — as if there were several."""
    from editor.core.checks import checks
    from editor.core.project import Project, SelectedService

    project = Project(languages=["de"], services=[SelectedService(id="ionos")])
    found = [f.message for f in checks(catalog, project, lang="de") if f.code == "requires"]
    assert found and found[0].startswith("Sie nutzen „IONOS“; dazu fehlt noch: „Server-Logdateien“. ")
    found = [f.message for f in checks(catalog, project, lang="en") if f.code == "requires"]
    assert found[0].startswith("You use “IONOS”; it also needs: “Server log files”. ")


def _wheel(widget, down=True):
    """A wheel turn over ``widget`` as Qt delivers it from the mouse (to the widget under it)."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, -120 if down else 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_scrolling_the_form_does_not_change_the_federal_state_under_the_mouse(window, qtbot):
    """The wheel over the Company tab turned Sachsen into Thüringen as the list passed the pointer."""
    from editor.gui.targets import STATE

    window.session.new_project()
    window.push(STATE, "SN", "Federal state")
    window.show()
    qtbot.waitExposed(window)
    form, area = window.company_form, window.company_scroll
    window.resize(1000, 600)  # the form taller than its pane: it scrolls
    qtbot.wait(50)
    bar = area.verticalScrollBar()
    bar.setValue(0)
    for combo in (form.state, form.stand):
        _wheel(combo)
    assert window.model.project.state == "SN" and window.undo_stack.count() == 1
    assert bar.value() > 0  # the turn scrolled the form instead
    # in the list (clicked or tabbed into), the wheel chooses as everywhere in Qt
    form.state.setFocus()
    _wheel(form.state)
    assert window.model.project.state != "SN"



def test_the_own_service_form_offers_explicit_consent_in_german(window, qapp, catalog):
    """A practice describing its own tool for health data picks Art. 9(2)(a) in the form."""
    from editor.gui.own_service_form import OwnServiceDialog

    install_translators(qapp, "de")
    window.session.new_project()
    dialog = OwnServiceDialog(catalog, window.model.project, None, "", "de", window)
    combo = dialog.purposes.cellWidget(0, len(dialog.langs))
    labels = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert labels["explicit_consent"].startswith("Ausdrückliche Einwilligung")
    from PySide6.QtWidgets import QTableWidgetItem

    dialog.purposes.setItem(0, 0, QTableWidgetItem("Bereitstellung Ihrer Befunde"))
    combo.setCurrentIndex(combo.findData("explicit_consent"))
    assert dialog.record()["purposes"][0]["basis"] == "explicit_consent"
    dialog.deleteLater()
