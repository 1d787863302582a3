"""A multi-line address pasted into the company form (walk6 8): the lines go into their fields as
one undo step, through the clipboard and Ctrl+V / the line's own paste as a user does it."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from editor.core.project import Project
from editor.gui.targets import STATE, WEBSITES, ControllerField

BLOCK = "Bäckerei Sonnenschein GmbH\r\nHauptstraße 5\r\n79098 Freiburg\r\nDeutschland\r\nTel.: 0761 123456\r\nE-Mail: info@sonnenschein.de\r\n"


def _form(window):
    window.session.set_project(Project(), None)
    return window.company_form


def _paste(qtbot, edit, text):
    QApplication.clipboard().setText(text)
    edit.setFocus()
    edit.selectAll()
    qtbot.keySequence(edit, QKeySequence.StandardKey.Paste)


def _controller(window):
    c = window.model.project.controller
    return {name: getattr(c, name) for name in ("name", "street", "postcode", "city", "country", "phone", "email", "legal_form")}


def test_an_address_pasted_into_the_name_fills_every_field_as_one_undo_step(window, qtbot):
    form = _form(window)
    name = form.fields[ControllerField("name")]
    steps, before = window.undo_stack.count(), _controller(window)
    _paste(qtbot, name, BLOCK)
    assert _controller(window) == {
        "name": "Bäckerei Sonnenschein GmbH", "street": "Hauptstraße 5", "postcode": "79098", "city": "Freiburg",
        "country": "Deutschland", "phone": "0761 123456", "email": "info@sonnenschein.de", "legal_form": "gmbh"}
    assert window.model.get(STATE) == "BW"  # the postcode's state, as typing it fills it in
    assert window.undo_stack.count() == steps + 1
    assert window.undo_stack.undoText() == "Paste address"
    # the widgets show it: the name field holds the name only, the others their lines
    assert name.text() == "Bäckerei Sonnenschein GmbH"
    assert form.fields[ControllerField("city")].text() == "Freiburg"
    assert form.legal_form.currentData() == "gmbh"
    # the legal form is printed once, not appended to a joined line again
    qtbot.waitUntil(lambda: "Bäckerei Sonnenschein GmbH" in window.preview.toPlainText(), timeout=5000)
    assert "GmbH GmbH" not in window.preview.toPlainText()
    assert "Hauptstraße 5 79098" not in window.preview.toPlainText()
    window.undo_stack.undo()
    assert _controller(window) == before and window.model.get(STATE) == ""
    assert name.text() == "" and form.fields[ControllerField("street")].text() == ""
    window.undo_stack.redo()
    assert _controller(window)["city"] == "Freiburg"


def test_pasted_into_the_street_with_a_line_nobody_can_place(window, qtbot):
    form = _form(window)
    street = form.fields[ControllerField("street")]
    _paste(qtbot, street, "Café Lisl\nc/o Bürohaus Mitte\nMariahilfer Straße 12/3\nA-1060 Wien\nwww.lisl.at\nFax 01 23456")
    c = window.model.project.controller
    assert (c.name, c.postcode, c.city, c.country) == ("Café Lisl", "1060", "Wien", "Österreich")
    # what is not recognised stays in the field it was pasted into, as one line: nothing is lost
    assert c.street == "c/o Bürohaus Mitte, Mariahilfer Straße 12/3, Fax 01 23456"
    assert street.text() == c.street and "\n" not in street.text()
    # selected, and named in the status bar: one key removes it where it does not belong
    assert street.selectedText() == ", Fax 01 23456"  # with its comma: Delete leaves the street clean
    qtbot.keyClick(street, Qt.Key.Key_Delete)
    assert window.model.project.controller.street == "c/o Bürohaus Mitte, Mariahilfer Straße 12/3"
    assert window.statusBar().currentMessage() == "Not recognised, so left in “Street and number”: Fax 01 23456"
    assert window.model.get(WEBSITES) == ["https://www.lisl.at"]
    assert window.model.get(STATE) == ""  # an Austrian postcode names no German state
    assert c.legal_form == ""  # no legal form in the name, none chosen


def test_typing_after_a_paste_is_its_own_step_and_a_plain_paste_stays_one_line(window, qtbot):
    form = _form(window)
    city = form.fields[ControllerField("city")]
    _paste(qtbot, city, "Freiburg\n")
    assert window.model.project.controller.city == "Freiburg" and city.text() == "Freiburg"
    qtbot.keyClicks(city, " im Breisgau")
    assert window.model.project.controller.city == "Freiburg im Breisgau"
    window.undo_stack.undo()
    assert window.model.project.controller.city == "Freiburg"
    # one line without a break is typed text as ever
    phone = form.fields[ControllerField("phone")]
    _paste(qtbot, phone, "0761 123456")
    assert window.model.project.controller.phone == "0761 123456"
    assert window.undo_stack.undoText() == "Phone"


def test_a_block_that_changes_nothing_leaves_the_field_as_it_was(window, qtbot):
    form = _form(window)
    name = form.fields[ControllerField("name")]
    _paste(qtbot, name, BLOCK)
    steps = window.undo_stack.count()
    _paste(qtbot, name, BLOCK)
    assert window.undo_stack.count() == steps
    assert name.text() == "Bäckerei Sonnenschein GmbH"


def test_the_undo_step_is_named_in_german(window, qtbot, ui_language):
    ui_language("de")
    form = _form(window)
    _paste(qtbot, form.fields[ControllerField("street")], "Hauptstraße 5\n79098 Freiburg")
    assert window.undo_stack.undoText() == "Adresse einfügen"
    assert window.statusBar().currentMessage() == ""  # everything found its field
    _paste(qtbot, form.fields[ControllerField("name")], "Bäckerei Sonnenschein GmbH\nHauptstraße 5\nUSt-IdNr. DE1")
    assert window.statusBar().currentMessage() == "Nicht zugeordnet, daher im Feld „Firmenname“ gelassen: USt-IdNr. DE1"
    assert window.model.project.controller.legal_form == "gmbh"  # from the name, not the line left behind
    assert window.model.project.controller.postcode == "79098"


def test_typing_in_a_field_whose_value_holds_a_line_break_is_typing(window, qtbot):
    """A value may hold a line break already (a file from before, where a pasted block stayed in
    one field): a key typed there is one more letter of that field, not a block to spread over the
    others — only a new line break is a paste."""
    project = Project()
    project.controller.name = "Bäckerei Sonnenschein\nHauptstraße 5"
    project.controller.street = "Marktplatz 1"
    window.session.set_project(project, None)
    name = window.company_form.fields[ControllerField("name")]
    steps = window.undo_stack.count()
    name.setFocus()
    name.end(False)
    qtbot.keyClicks(name, "x")
    c = window.model.project.controller
    assert (c.name, c.street) == ("Bäckerei Sonnenschein\nHauptstraße 5x", "Marktplatz 1")
    assert window.undo_stack.count() == steps + 1 and window.undo_stack.undoText() != "Paste address"
    _paste(qtbot, name, BLOCK)  # a block pasted there still spreads
    assert window.model.project.controller.street == "Hauptstraße 5"


def test_a_block_pasted_over_a_value_with_as_many_line_breaks_still_spreads(window, qtbot):
    project = Project()
    project.controller.name = "Alt\nAlte Straße 1"
    window.session.set_project(project, None)
    _paste(qtbot, window.company_form.fields[ControllerField("name")], "Neu GmbH\nNeue Straße 2")
    c = window.model.project.controller
    assert (c.name, c.street) == ("Neu GmbH", "Neue Straße 2")
