"""The mouse wheel over a form scrolls the form: a list choice, a number or a date changes by
wheel only once the user has clicked or tabbed into it.

Qt gives the wheel to whatever control lies under the pointer, focused or not: scrolling down
the Company tab turned the federal state from Sachsen to Thüringen as the list passed under the
mouse — a different supervisory authority in the policy, unnoticed.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QScrollBar, QWidget


class _WheelGuard(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            bar = _scroll_bar(watched, vertical=event.angleDelta().y() != 0)
            if bar is not None:  # the turn scrolls what holds the control, as over any other place
                QCoreApplication.sendEvent(bar, event)
            return True
        return False


def _scroll_bar(widget: QWidget, vertical: bool) -> QScrollBar | None:
    """The bar of the nearest scroll area around ``widget`` that has room to scroll."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            bar = parent.verticalScrollBar() if vertical else parent.horizontalScrollBar()
            if bar.maximum() > bar.minimum():
                return bar
        parent = parent.parentWidget()
    return None


def guard_wheel(*widgets: QWidget) -> None:
    """Every list choice and number or date field in ``widgets`` (themselves or inside them)
    takes the wheel only with focus, and no longer takes focus from it."""
    for root in widgets:
        guard = _WheelGuard(root)  # lives and dies with ``root``
        inner = root.findChildren(QComboBox) + root.findChildren(QAbstractSpinBox)
        for widget in [root, *inner] if isinstance(root, (QComboBox, QAbstractSpinBox)) else inner:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.installEventFilter(guard)
