"""What a shop owner's walk-through through the real window found: the findings pane keeps its
height while the user works, a new project starts with an empty service search, Enter on the
start page does what a first-time user expects, and the company groups' fields line up."""
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFormLayout

from editor.core.project import Project, example_project, load, save

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def settle():
    for _ in range(6):
        QApplication.processEvents()


@pytest.fixture
def open_window(qtbot, catalog, ui_language):
    """A first start (no saved layout) in ``language``, shown at ``size``, with ``project``."""
    from editor.gui.mainwindow import MainWindow

    windows = []

    def make(language="en", size=(1366, 768), project=None):
        ui_language(language)
        win = MainWindow(catalog=catalog, ui_language=language)
        win.persist_state = False
        win.prompts.ask_unsaved = lambda _name: "discard"
        qtbot.addWidget(win)
        windows.append(win)
        if project is not None:
            win.session.set_project(project, None)
        win.resize(*size)
        win.show()
        qtbot.waitExposed(win)
        settle()
        return win

    yield make
    for win in windows:
        win.undo_stack.setClean()


def checks_done(qtbot, win):
    """Wait for the checks the last edit started (they run a moment after it)."""
    live = win.live  # a project's first checks wait until its first preview has settled
    qtbot.waitUntil(lambda: win.findings.checked and not (live.checks_timer.isActive() or live.settle_timer.isActive()),
                    timeout=5000)
    settle()


# ---------------------------------------------------------------------- 1. findings pane
def tick(qtbot, win, sid):
    """Tick ``sid`` in the checklist as the user does: highlight the row, press Space."""
    item = win.checklist.item(sid)
    win.checklist.tree.setFocus()
    win.checklist.tree.setCurrentItem(item)
    qtbot.keyClick(win.checklist.tree.viewport(), Qt.Key.Key_Space)
    assert item.checkState(0) == Qt.CheckState.Checked


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_findings_pane_keeps_its_height_while_the_user_works(qtbot, open_window, language):
    win = open_window(language, project=Project())
    checks_done(qtbot, win)
    qtbot.wait(50)
    settle()
    buttons = (win.checklist.describe, win.checklist.edit)

    def layout():
        return (win.findings_dock.geometry(), [b.mapTo(win, QPoint(0, 0)) for b in buttons], win.preview.height())

    before, counts = layout(), {win.findings.count()}
    for sid in ("stripe", "google-analytics", "mailchimp", "calendly", "meta-pixel"):
        tick(qtbot, win, sid)
        checks_done(qtbot, win)
        qtbot.wait(50)
        settle()
        counts.add(win.findings.count())
        assert layout() == before, f"ticking {sid} moved the panes ({win.findings.count()} findings)"
    qtbot.keyClicks(win.company_form.fields[next(iter(win.company_form.bindings))], "Blumenladen Rosenrot")
    checks_done(qtbot, win)
    settle()
    counts.add(win.findings.count())
    assert layout() == before
    assert len(counts) >= 3  # the checks did change the number of findings
    # readable: several rows fit, the rest scroll
    row = min(win.findings.visualItemRect(win.findings.item(i)).height() for i in range(win.findings.count()))
    assert win.findings.viewport().height() >= 3 * row
    assert win.findings.verticalScrollBar().maximum() > 0


def test_a_new_project_fits_the_findings_pane_again(qtbot, open_window):
    """Between projects the pane may change (nothing is under the user's mouse then): a project
    with few findings does not keep the tall pane of one with many."""
    many = load(EXAMPLES / "agentur-crm-ki.policy.json")
    win = open_window("de", size=(1366, 1300), project=many)
    checks_done(qtbot, win)
    qtbot.wait(50)
    settle()
    tall = win.findings_dock.height()
    assert tall >= 1300 // 4 - 40  # many tasks: a quarter of the window
    win.session.set_project(Project(), None)  # a handful of missing details
    qtbot.waitUntil(lambda: win.findings_dock.height() < tall, timeout=5000)


# ---------------------------------------------------------------------- 2. the service search
@pytest.mark.parametrize("how", ["new", "open", "reopen"])
def test_a_new_or_opened_project_starts_with_an_empty_search(qtbot, open_window, tmp_path, how):
    path = tmp_path / "shop.policy.json"
    save(example_project(), path)
    win = open_window("de")
    assert win.session.open_path(str(path))
    settle()
    everything = win.checklist.visible_ids()
    qtbot.keyClicks(win.checklist.search, "stripe")
    assert win.checklist.visible_ids() != everything
    if how == "reopen":  # closed, then opened again from the start page's recent files
        win.act.close.trigger()
        settle()
        assert win.stack.currentWidget() is win.welcome
        item = win.welcome.recent.item(0)
        qtbot.mouseClick(win.welcome.recent.viewport(), Qt.MouseButton.LeftButton,
                         pos=win.welcome.recent.visualItemRect(item).center())
    elif how == "open":
        win.session.open_path(str(path))
    else:
        win.act.new.trigger()
    settle()
    assert win.stack.currentWidget() is win.splitter
    assert win.checklist.search.text() == ""
    assert win.checklist.visible_ids() == everything
    assert not win.checklist.dead_end.isVisible()


def test_the_search_stays_while_the_project_stays(qtbot, open_window, ui_language):
    """Only a new project clears it: ticking a hit or switching the interface language does not."""
    win = open_window("en", project=Project())
    qtbot.keyClicks(win.checklist.search, "stripe")
    tick(qtbot, win, "stripe")
    ui_language("de")
    settle()
    assert win.checklist.search.text() == "stripe"
    assert "stripe" in win.checklist.visible_ids()
    assert len(win.checklist.visible_ids()) < 10


# ---------------------------------------------------------------------- 3. the start page
def focused(_win):
    return QApplication.focusWidget()


@pytest.mark.parametrize("language", ["de", "en"])
def test_enter_on_a_first_start_begins_a_new_project(qtbot, open_window, language):
    win = open_window(language)
    win.activateWindow()
    qtbot.waitUntil(lambda: focused(win) is win.welcome.new_button, timeout=3000)
    assert win.welcome.new_button.isDefault()
    assert not win.welcome.example_button.isDefault()
    qtbot.keyClick(focused(win), Qt.Key.Key_Return)
    settle()
    assert win.session.has_project and win.session.path is None
    assert win.model.project.controller.name == ""  # a new, empty project, not an example
    assert win.model.project.service_ids() == []


def test_enter_on_the_start_page_opens_the_last_file_once_there_is_one(qtbot, open_window, tmp_path):
    path = tmp_path / "shop.policy.json"
    project = example_project()
    save(project, path)
    win = open_window("de")
    win.session.open_path(str(path))
    settle()
    win.act.close.trigger()
    settle()
    assert win.stack.currentWidget() is win.welcome
    win.activateWindow()
    qtbot.waitUntil(lambda: focused(win) is win.welcome.recent, timeout=3000)
    assert win.welcome.recent.currentRow() == 0
    assert not any(b.isDefault() for b in (win.welcome.new_button, win.welcome.example_button))
    qtbot.keyClick(win.welcome.recent, Qt.Key.Key_Return)
    settle()
    assert win.session.has_project and win.session.path == path.resolve()


def test_the_start_pages_lists_never_cut_a_row(qtbot, open_window, tmp_path):
    """walk6 #19: the examples list showed six rows and half of the seventh."""
    win = open_window("de", size=(1600, 1000))
    for n in range(8):
        path = tmp_path / f"p{n}.policy.json"
        save(example_project(), path)
        win.session.open_path(str(path))
        settle()
        win.act.close.trigger()
        settle()
    assert win.stack.currentWidget() is win.welcome
    for widget in (win.welcome.examples, win.welcome.recent):
        assert widget.count() > 6
        height = widget.viewport().height()
        for row in range(widget.count()):
            rect = widget.visualItemRect(widget.item(row))
            inside, outside = rect.top() >= 0 and rect.bottom() < height, rect.top() >= height or rect.bottom() < 0
            assert inside or outside, (widget.accessibleName(), row, rect, height)
        widget.scrollToBottom()  # scrolled to the end, the last row is whole too
        last = widget.visualItemRect(widget.item(widget.count() - 1))
        assert last.bottom() < widget.viewport().height()


# ---------------------------------------------------------------------- 4. the company form
def field_xs(form_widget):
    """Every shown field of the company tab's groups → its x in the form."""
    xs = {}
    for form in form_widget.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or not label.widget().text() or field is None or field.widget() is None:
                continue
            if field.widget().isVisibleTo(form_widget):
                xs[label.widget().text()] = field.widget().mapTo(form_widget, QPoint(0, 0)).x()
    return xs


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("size", [(1920, 1080), (2560, 1440)])
def test_the_company_groups_fields_start_at_one_x(qtbot, open_window, language, size):
    win = open_window(language, size=size, project=example_project())
    win.tabs.setCurrentIndex(0)
    qtbot.wait(50)
    settle()
    forms = win.company_form.findChildren(QFormLayout)
    assert {f.rowWrapPolicy() for f in forms} == {QFormLayout.RowWrapPolicy.DontWrapRows}  # side by side
    xs = field_xs(win.company_form)
    assert len(xs) >= 15  # every group took part
    assert len(set(xs.values())) == 1, xs
    for form in forms:  # and no label is cut for it
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label is not None and label.widget().isVisibleTo(win.company_form):
                assert label.widget().width() >= label.widget().sizeHint().width(), label.widget().text()


def test_the_fields_line_up_again_after_switching_the_interface_language(qtbot, open_window, ui_language):
    win = open_window("en", size=(1920, 1080), project=example_project())
    english = field_xs(win.company_form)
    assert len(set(english.values())) == 1, english
    ui_language("de")
    qtbot.wait(50)
    settle()
    german = field_xs(win.company_form)
    assert len(set(german.values())) == 1, german
    assert set(german.values()) != set(english.values())  # the German labels are longer: a wider column
