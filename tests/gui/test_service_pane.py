"""The service pane shows the description as the policy words it, never template code."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_description_shows_template_code(project_window, catalog, lang):
    w = project_window
    w.options_form.set_language(lang)
    templated = [s for s in catalog.services.values() if "{" in s.description.get(lang)]
    assert len(templated) > 10  # the catalog has such descriptions (41 when this was written)
    shown = {}
    for sid in catalog.services:
        w.options_form.show_service(sid)
        shown[sid] = w.options_form.facts.text()
    leaking = [sid for sid, text in shown.items() if "{%" in text or "{{" in text or "%}" in text or "}}" in text]
    assert leaking == []
    assert all(text.strip() for text in shown.values())
    meta = shown["meta-pixel"]
    assert meta.split("\n")[0].strip() and "Meta" in meta


def test_the_description_follows_the_options(project_window, catalog):
    w = project_window
    sid = "google-calendar-integration"
    w.checklist.item(sid).setCheckState(0, Qt.CheckState.Checked)
    w.checklist.select_service(sid)
    facts = w.options_form.facts
    assert "We only read your events" in facts.text()  # the default: read only
    combo = w.options_form.widgets["scope"]
    assert isinstance(combo, QComboBox)
    index = combo.findData("write")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert w.model.project.selected(sid).options["scope"] == "write"
    assert "create and change events" in facts.text() and "We only read your events" not in facts.text()
    w.undo_stack.undo()  # undo re-renders too
    assert "We only read your events" in facts.text()


def test_the_description_of_an_unticked_service_uses_the_defaults(project_window, catalog):
    w = project_window
    w.checklist.select_service("google-calendar-integration")
    assert "We only read your events" in w.options_form.facts.text()


def test_user_text_in_an_option_is_shown_as_typed(project_window, catalog):
    """Option values are escaped for Markdown inside the text; the pane shows them unescaped."""
    w = project_window
    service = catalog.services["email-contact"]
    option = next(o for o in service.options if o.id == "mail_provider")
    assert option.type == "text"
    w.checklist.item(service.id).setCheckState(0, Qt.CheckState.Checked)
    w.checklist.select_service(service.id)
    edit = w.options_form.widgets["mail_provider"]
    edit.setText("Mail-Haus (Berlin) GmbH")
    edit.textEdited.emit("Mail-Haus (Berlin) GmbH")
    text = w.options_form.facts.text()
    assert "Mail-Haus (Berlin) GmbH" in text and "\\" not in text


@pytest.mark.parametrize("lang, expected", [("de", "21.11.2026"), ("en", "21 November 2026")])
def test_the_verified_date_is_written_the_interface_languages_way(project_window, catalog, lang, expected, monkeypatch):
    import datetime as dt

    import msgspec

    w = project_window
    service = msgspec.structs.replace(catalog.services["paypal"], verified=dt.date(2026, 11, 21))
    monkeypatch.setitem(catalog.services, "paypal", service)
    w.options_form.set_language(lang)
    w.options_form.show_service("paypal")
    facts = w.options_form.facts.text()
    assert facts.splitlines()[-1].endswith(expected) and "2026-11-21" not in facts, facts


def test_the_health_data_option_shows_only_at_a_practice_or_while_on(project_window, catalog):
    """walk9 7: a guesthouse owner read "Patients send us health data (practice)" under the
    contact form. It shows where it matters — a practice (a service for patients is ticked) — or
    while it is on; the health-data-off warning of a practice still leads to it."""
    w = project_window
    form = w.options_form
    assert not any(catalog.serves_patients(catalog.services[s.id]) for s in w.model.project.services)
    for sid in ("contact-form", "email-contact"):
        w.checklist.item(sid).setCheckState(0, Qt.CheckState.Checked)
        w.checklist.select_service(sid)
        assert not form.options_form.isRowVisible(form.widgets["health_data"]), sid
        assert form.options_form.isRowVisible(form.widgets["delivery" if sid == "contact-form" else "mail_provider"])
    w.checklist.item("doctolib").setCheckState(0, Qt.CheckState.Checked)  # now a practice
    w.live.run_checks()
    found = next(f for f in w.findings.findings if f.code == "health-data-off" and f.target == "service:contact-form")
    w.checklist.select_service(found.target.split(":", 1)[1])
    assert form.service_id == "contact-form" and form.options_form.isRowVisible(form.widgets["health_data"])
    form.widgets["health_data"].click()  # on: it stays shown without the practice
    assert w.model.project.selected("contact-form").options["health_data"] is True
    w.checklist.item("doctolib").setCheckState(0, Qt.CheckState.Unchecked)
    w.checklist.select_service("contact-form")
    assert form.options_form.isRowVisible(form.widgets["health_data"])
    form.widgets["health_data"].click()  # off again, no practice: it does not vanish under the mouse …
    assert form.options_form.isRowVisible(form.widgets["health_data"])
    w.checklist.select_service("email-contact")
    w.checklist.select_service("contact-form")  # … but is gone the next time
    assert not form.options_form.isRowVisible(form.widgets["health_data"])
