"""The company form names the owner's field "Owner" / "Inhaber/in" for a sole trader, an e. K.
or a freelancer, and "Represented by" / "Vertreten durch" otherwise."""
from editor.core.project import Project
from editor.gui.company_form import LEGAL_FORM, REPRESENTATIVE


def test_the_representative_label_follows_the_legal_form(window, qtbot, ui_language):
    window.session.set_project(Project(), None)
    form = window.company_form
    assert form.labels[REPRESENTATIVE].text() == "&Represented by:"
    window.push(LEGAL_FORM, "sole_trader", "Legal form")
    assert form.labels[REPRESENTATIVE].text() == "O&wner:"
    assert form.fields[REPRESENTATIVE].accessibleName() == "Owner"
    ui_language("de")
    assert form.labels[REPRESENTATIVE].text() == "&Inhaber/in:"
    window.push(LEGAL_FORM, "gmbh", "Rechtsform")
    assert form.labels[REPRESENTATIVE].text() == "&Vertreten durch:"
    window.undo_stack.undo()  # back to the sole trader
    assert form.labels[REPRESENTATIVE].text() == "&Inhaber/in:"


def test_a_sole_trader_without_an_owner_is_a_finding_that_leads_to_the_field(window, qtbot):
    project = Project()
    project.controller.legal_form = "freelancer"
    window.session.set_project(project, None)
    window.live.run_checks()
    (found,) = [f for f in window.findings.findings if f.code == "owner-missing"]
    assert found.severity == "warning" and found.target == "controller.representative"
    assert "enter the owner's name" in found.message


def test_a_person_named_without_a_legal_form_leads_to_the_legal_form(window, qtbot):
    project = Project()
    project.controller.representative = "Maria Huber"
    window.session.set_project(project, None)
    window.resize(1400, 900)
    window.show()
    window.tabs.setCurrentIndex(1)
    window.live.run_checks()
    (row,) = [i for i, f in enumerate(window.findings.findings) if f.code == "legal-form-missing"]
    window.findings.itemClicked.emit(window.findings.item(row))
    qtbot.waitUntil(lambda: window.company_form.legal_form.hasFocus())
    assert window.tabs.currentIndex() == 0
