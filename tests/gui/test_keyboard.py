"""Keyboard use: Tab follows the screen and passes the preview in one step; undo/redo buttons say what they do."""
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QToolButton

from editor.gui.targets import ControllerField

SHOP = Path(__file__).resolve().parents[2] / "resources" / "examples" / "onlineshop.policy.json"


@pytest.fixture
def shop_window(window, qtbot):
    assert window.session.open_path(str(SHOP))
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.preview.document().characterCount() > 1000)
    return window


def links_in(preview) -> int:
    count, block = 0, preview.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            count += it.fragment().charFormat().isAnchor()
            it += 1
        block = block.next()
    return count


def tab_chain(window, qtbot, start, key=Qt.Key.Key_Tab, limit=200):
    """The widgets Tab (or Shift+Tab) visits from ``start`` until it comes back to it."""
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    chain = [start]
    modifier = Qt.KeyboardModifier.ShiftModifier if key == Qt.Key.Key_Backtab else Qt.KeyboardModifier.NoModifier
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        focused = QApplication.focusWidget()
        if focused is start:
            return chain
        chain.append(focused)
    raise AssertionError(f"Tab never came back to {start}: {chain[-10:]}")


def region(window, widget) -> str:
    for name, area in (("search", window.checklist.search), ("list", window.checklist),
                       ("form", window.tabs), ("preview", window.preview), ("findings", window.findings)):
        if widget is area or area.isAncestorOf(widget):
            return name
    return "other"


def test_tab_passes_the_preview_in_one_step_and_follows_the_screen(shop_window, qtbot):
    w = shop_window
    assert links_in(w.preview) >= 20  # the shop's policy is full of links, each a Tab stop before
    chain = tab_chain(w, qtbot, w.checklist.search)
    assert chain.count(w.preview) == 1
    regions = [region(w, widget) for widget in chain]
    order = list(dict.fromkeys(r for r in regions if r != "other"))
    assert order == ["search", "list", "form", "preview", "findings"]
    # each region is visited in one stretch, never interleaved with another
    stretches = [r for n, r in enumerate(regions) if n == 0 or regions[n - 1] != r]
    assert len(stretches) == len(set(stretches))
    assert chain[1] is w.checklist.tree  # straight from the search into the list
    form = [widget for widget in chain if region(w, widget) == "form"]
    assert form[0] is w.tabs.tabBar()
    assert w.company_form.fields[ControllerField("name")] in form
    assert not any(widget is w.company_scroll for widget in chain)  # the scroll area is no stop of its own
    assert chain[regions.index("preview") + 1] is w.findings


def test_shift_tab_goes_back_through_the_preview_in_one_step(shop_window, qtbot):
    w = shop_window
    chain = tab_chain(w, qtbot, w.findings, key=Qt.Key.Key_Backtab)
    assert chain[1] is w.preview and chain.count(w.preview) == 1
    assert region(w, chain[2]) == "form"


def test_the_preview_still_scrolls_by_keyboard(shop_window, qtbot):
    w = shop_window
    w.preview.setFocus()
    w.preview.moveCursor(QTextCursor.MoveOperation.Start)
    bar = w.preview.verticalScrollBar()
    bar.setValue(0)
    qtbot.keyClick(w.preview, Qt.Key.Key_PageDown)
    assert bar.value() > 0 and w.preview.hasFocus()


def test_undo_and_redo_buttons_are_labelled(project_window, qtbot, ui_language):
    w = project_window
    ui_language("en")
    for action, word in ((w.act.undo, "Undo"), (w.act.redo, "Redo")):
        button = w.act.toolbar.widgetForAction(action)
        assert isinstance(button, QToolButton)
        assert button.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonIconOnly
        assert button.text() == word
    w.push(ControllerField("city"), "Bonn", "City")
    undo_button = w.act.toolbar.widgetForAction(w.act.undo)
    assert undo_button.text() == "Undo"  # the step's name does not widen the button …
    assert "City" in undo_button.toolTip() and "Undo" in undo_button.toolTip()  # … it is in the tooltip
    assert w.act.undo.text() == "&Undo City"  # and in the Edit menu
    ui_language("de")
    assert w.act.toolbar.widgetForAction(w.act.undo).text() == "Rückgängig"
    assert w.act.toolbar.widgetForAction(w.act.redo).text() == "Wiederholen"


def test_ctrl_y_redoes_besides_the_platforms_keys(shop_window, qtbot):
    from PySide6.QtGui import QKeySequence

    from editor.gui.actions import redo_keys

    w = shop_window
    x11 = [QKeySequence("Ctrl+Shift+Z")]  # what Linux's themes bind to Redo
    assert redo_keys(x11) == [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
    windows = [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")]
    assert redo_keys(windows) == windows  # no key twice
    assert QKeySequence("Ctrl+Y") in w.act.redo.shortcuts()
    for standard in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo):
        assert standard in w.act.redo.shortcuts()
    city = w.model.project.controller.city
    w.push(ControllerField("city"), "Bonn", "City")
    w.undo_stack.undo()
    assert w.model.project.controller.city == city
    w.checklist.tree.setFocus()
    qtbot.waitUntil(w.checklist.tree.hasFocus)
    qtbot.keyClick(w.checklist.tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert w.model.project.controller.city == "Bonn"
