"""File › Scan my website…: the real dialog, the real scanner in its worker thread, the real undo stack."""
from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from scantools import local_site

from editor.core.project import SelectedService

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "scan"
SHOP = ["meta-pixel", "google-tag-manager", "borlabs-cookie", "contact-form", "email-contact", "phone-contact",
        "woocommerce", "google-fonts-local", "mailchimp", "paypal", "klarna", "trusted-shops", "facebook-page",
        "instagram-profile", "wordpress"]


def open_scan(window):
    window.act.scan.trigger()
    dialog = window.suggestions_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def scan_and_wait(qtbot, dialog, source, timeout=10_000):
    dialog.source.setText(str(source))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=timeout)


def rows(tree):
    return {tree.topLevelItem(n).data(0, Qt.ItemDataRole.UserRole) or tree.topLevelItem(n).text(0): tree.topLevelItem(n)
            for n in range(tree.topLevelItemCount())}


@pytest.fixture
def shop_window(project_window):
    """The example project with PayPal already selected."""
    project = project_window.model.project
    project.services = [SelectedService(id="paypal")]
    project_window.model.replace(project)
    return project_window


def test_scan_of_a_saved_site_adds_the_ticked_services_as_one_undo_step(shop_window, qtbot):
    window = shop_window
    dialog = open_scan(window)
    steps = window.undo_stack.count()
    scan_and_wait(qtbot, dialog, FIXTURES / "shop")

    services = rows(dialog.services_tree)
    assert set(services) == set(SHOP)
    paypal = services["paypal"]  # already selected: shown as such, not a choice
    assert "already selected" in paypal.text(0)
    assert paypal.checkState(0) == Qt.CheckState.Checked
    assert not paypal.flags() & Qt.ItemFlag.ItemIsEnabled
    klarna = services["klarna"]  # not selected yet: ticked by default, with its evidence
    assert klarna.checkState(0) == Qt.CheckState.Checked
    assert klarna.text(1) == "produkt.html" and "klarna.com" in klarna.text(2)
    assert "klarna.js" in klarna.toolTip(2) and klarna.childCount() == len(dialog.result.suggestions[
        [s.id for s in dialog.result.suggestions].index("klarna")].evidence) - 1
    assert dialog.tabs.tabText(0) == "Services (15)" and dialog.tabs.tabText(1) == "Not recognised (0)"

    klarna.setCheckState(0, Qt.CheckState.Unchecked)  # the user unticks one
    assert "klarna" not in dialog.chosen_services()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    added = [sid for sid in SHOP if sid not in ("paypal", "klarna")]
    assert window.model.project.service_ids() == ["paypal", *added]
    assert window.checklist.ticked_total == len(added) + 1
    assert window.undo_stack.count() == steps + 1  # one step
    assert window.act.undo.text() == "&Undo Add suggested services"
    assert not dialog.isVisible() and window.suggestions_dialog is None
    window.undo_stack.undo()  # removes all at once
    assert window.model.project.service_ids() == ["paypal"]
    window.undo_stack.redo()
    assert window.model.project.service_ids() == ["paypal", *added]


def test_har_file_lists_hosts_no_service_explains(project_window, qtbot):
    dialog = open_scan(project_window)
    scan_and_wait(qtbot, dialog, FIXTURES / "agency.har")
    unknown = rows(dialog.unknown_tree)
    assert "unpkg.com" in unknown
    assert "agency.har" in unknown["unpkg.com"].text(1) and "unpkg.com" in unknown["unpkg.com"].text(2)
    assert dialog.tabs.tabText(1) == f"Not recognised ({len(unknown)})"
    assert "describe yourself" in dialog.unknown_note.text()
    assert "google-analytics" in rows(dialog.services_tree)
    dialog.reject()
    assert project_window.model.project.service_ids() == []  # closing applies nothing


@pytest.mark.parametrize("content, expected", [
    (b"\x00\x01\x02binary\x00" * 100, "is not a web page"),
    (None, "does not exist"),
])
def test_a_broken_source_shows_one_sentence(project_window, qtbot, tmp_path, content, expected):
    path = tmp_path / "broken.bin"
    if content is not None:
        path.write_bytes(content)
    dialog = open_scan(project_window)
    scan_and_wait(qtbot, dialog, path)
    message = dialog.status.text()
    assert expected in message and "\n" not in message and "Traceback" not in message
    assert dialog.status.isVisible() and not dialog.tabs.isVisible()
    assert not dialog.apply_button.isEnabled()
    assert dialog.start_button.isEnabled()  # the user can correct it and scan again
    assert project_window.undo_stack.count() == 0


class _SlowSite(http.server.BaseHTTPRequestHandler):
    """Answers only when the test releases it (or after 20 s): a site that hangs."""

    asked = threading.Event()
    release = threading.Event()

    def do_GET(self):  # noqa: N802 - http.server's name
        type(self).asked.set()
        type(self).release.wait(20)
        body = b"<!doctype html><html><body><script src='https://www.googletagmanager.com/gtag/js?id=G-1'></script>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def slow_site():
    _SlowSite.asked.clear()
    _SlowSite.release.clear()
    with local_site(_SlowSite) as address:  # 127.0.0.1 only
        try:
            yield address + "/"
        finally:
            _SlowSite.release.set()  # before the server closes: it waits for its handlers


def test_cancel_during_a_slow_scan_returns_at_once_and_changes_nothing(project_window, qtbot, slow_site):
    window = project_window
    before = window.model.project.service_ids()
    dialog = open_scan(window)
    dialog.source.setText(slow_site)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.running and dialog.progress_box.isVisible() and not dialog.start_button.isEnabled()
    qtbot.waitUntil(_SlowSite.asked.is_set, timeout=5000)
    # the worker is stuck in the read; the window still runs its event loop and shows the progress
    qtbot.waitUntil(lambda: dialog.progress_label.text().startswith("Loading http://127.0.0.1"), timeout=5000)
    task = dialog.task

    started = time.monotonic()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert time.monotonic() - started < 0.5
    assert not dialog.running and not dialog.progress_box.isVisible()
    assert dialog.status.text() == "Cancelled; nothing was changed."
    assert dialog.start_button.isEnabled() and not dialog.apply_button.isEnabled()

    _SlowSite.release.set()  # the site answers late: its result must be ignored
    qtbot.waitUntil(task.done.is_set, timeout=15_000)
    qtbot.wait(50)  # the late signals are delivered
    assert dialog.result is None and not dialog.tabs.isVisible()
    assert dialog.status.text() == "Cancelled; nothing was changed."
    assert window.model.project.service_ids() == before and window.undo_stack.count() == 0


def test_closing_the_dialog_during_a_scan_cancels_it(project_window, qtbot, slow_site):
    dialog = open_scan(project_window)
    dialog.source.setText(slow_site)
    dialog.start()
    qtbot.waitUntil(_SlowSite.asked.is_set, timeout=5000)
    task = dialog.task
    dialog.reject()
    assert task.cancel.is_set() and not dialog.isVisible()
    _SlowSite.release.set()
    qtbot.waitUntil(task.done.is_set, timeout=15_000)
    qtbot.wait(50)
    assert project_window.model.project.service_ids() == [] and project_window.undo_stack.count() == 0


def test_return_in_the_address_starts_the_scan_and_nothing_cancels_it(project_window, qtbot):
    """The input is disabled while the scan runs; the focus it hands on must not turn the same
    Return into a click on Cancel."""
    dialog = open_scan(project_window)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    dialog.source.setFocus()
    dialog.source.setText(str(FIXTURES / "shop"))
    qtbot.keyClick(dialog.source, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    assert dialog.result is not None, dialog.status.text()
    assert dialog.tabs.isVisible() and not dialog.placeholder.isVisible()


def test_scan_dialog_is_translated(project_window, qtbot, ui_language):
    dialog = open_scan(project_window)
    scan_and_wait(qtbot, dialog, FIXTURES / "shop")
    dialog.cancel_button.setText("")
    ui_language("de")
    assert dialog.windowTitle() == "Eigene Website scannen"
    assert dialog.start_button.text() == "S&cannen"
    assert dialog.apply_button.text() == "Ausgewählte &Dienste hinzufügen"
    assert dialog.cancel_button.text() == "&Abbrechen"
    assert dialog.tabs.tabText(0) == "Dienste (15)" and dialog.tabs.tabText(1) == "Nicht erkannt (0)"
    assert "eigene Website" in dialog.hint.text() and "HAR" in dialog.hint.text()
    assert dialog.status.text().startswith("3 Seite(n) gelesen.")
    assert dialog.services_tree.headerItem().text(1) == "Gefunden in"
    assert project_window.act.scan.text() == "Eigene &Website scannen …"
    ui_language("en")
    assert dialog.start_button.text() == "&Scan"
    assert dialog.tabs.tabText(0) == "Services (15)"


def test_scan_and_import_need_an_open_project(window):
    assert not window.act.scan.isEnabled() and not window.act.import_policy.isEnabled()
    window.scan_dialog()
    assert window.suggestions_dialog is None


def test_a_host_not_recognised_opens_the_own_service_form_prefilled(project_window, qtbot):
    dialog = open_scan(project_window)
    scan_and_wait(qtbot, dialog, FIXTURES / "agency.har")
    host = rows(dialog.unknown_tree)["unpkg.com"]
    dialog.unknown_tree.setCurrentItem(host.child(0) if host.childCount() else host)
    assert dialog.describe_button.isEnabled()
    dialog.describe_button.click()
    form = project_window.own_service_dialog
    assert form is not None and form.parent() is dialog  # above the scan dialog, not behind it
    assert all(widget.text() == "unpkg.com" for widget in form.names.values())
    assert "unpkg.com" in form.entity.placeholderText()
    form.reject()
    dialog.reject()
