"""A window that fits from 1024×700 to 4K: the three columns share the width, forms put their
labels above the fields when a column is too narrow for both side by side, and the findings
dock takes the height a project's first findings need, and keeps it while the user works."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractSpinBox, QDockWidget, QMainWindow, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem, QComboBox, QFormLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QSplitter, QTabWidget,
    QTextEdit, QWidget,
)

SHARES = (0.24, 0.32, 0.44)  # checklist | forms | preview, of the splitter's width at the first start
STRETCH = (1, 2, 4)  # how they share what the window gains or loses later (maximising)
FIELD_CHARS = 30  # a text field beside its label gets at least this many average characters
Policy = QFormLayout.RowWrapPolicy


def share_width(splitter: QSplitter) -> None:
    """Columns in SHARES of the splitter's current width, each at least its minimum width."""
    total = sum(splitter.sizes()) or splitter.width()
    widgets = [splitter.widget(i) for i in range(splitter.count())]
    sizes = [max(int(total * share), w.minimumSizeHint().width(), w.minimumWidth()) for share, w in zip(SHARES, widgets)]
    sizes[-1] = max(total - sum(sizes[:-1]), widgets[-1].minimumWidth())
    splitter.setSizes(sizes)


class _ShareOnFirstShow(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, watched, lambda: share_width(watched))  # once it has its width
        return False


def share_on_first_show(splitter: QSplitter) -> None:
    """share_width() when the splitter first appears (a first start shows the start page first,
    and the splitter has no width of its own before)."""
    splitter.installEventFilter(_ShareOnFirstShow(splitter))


def _text_field(widget: QWidget) -> bool:
    return isinstance(widget, (QLineEdit, QComboBox, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QListWidget))


def _label_width(label: QLabel) -> int:
    return label.fontMetrics().horizontalAdvance(label.text().replace("&&", "\0").replace("&", "").replace("\0", "&"))


def typed_width(edit: QLineEdit) -> int:
    """What the text typed into ``edit`` needs to show whole."""
    return edit.fontMetrics().horizontalAdvance(edit.text()) + 12


def side_by_side_width(form: QFormLayout, typed: dict[int, int] | None = None, label_column: int = 0) -> int:
    """The width ``form`` needs to show every label in one line beside a usable field; a line
    edit's text counts as measured in ``typed`` (by id), or as it is now without it. The label
    column is at least ``label_column`` wide (shared with the other forms of its page)."""
    labels, fields = [label_column], [0]
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is not None and isinstance(label.widget(), QLabel) and not label.widget().isHidden():
            labels.append(_label_width(label.widget()))
        if field is not None and field.widget() is not None:
            widget = field.widget()
            need = widget.fontMetrics().averageCharWidth() * FIELD_CHARS if _text_field(widget) else 0
            if isinstance(widget, QLineEdit):  # what the user typed must show whole, beside its label too
                need = max(need, typed.get(id(widget), 0) if typed is not None else typed_width(widget))
            fields.append(max(need, widget.sizeHint().width()))
        elif field is not None and field.layout() is not None:
            fields.append(field.layout().sizeHint().width())
    margins = form.contentsMargins()
    return max(labels) + form.horizontalSpacing() + max(fields) + margins.left() + margins.right()


class FormFitter(QObject):
    """Keeps every form in ``column`` readable: labels beside the fields while both fit in one
    line, else labels above the fields (wrapping if they must) — never a clipped label.

    Typed text is measured only when the column changes width, is shown or switches tabs, or a
    project opens: measured on every keystroke (or when the findings below change the column's
    height), the first letters could flip the layout under the user's mouse."""

    def __init__(self, column: QWidget) -> None:
        super().__init__(column)
        self.column = column
        self._pending = False
        self._measure = True
        self._typed: dict[int, int] = {}  # id(line edit) → typed_width() when last measured
        self._measured_width = -1
        self._watched: set[int] = set()
        column.installEventFilter(self)
        if isinstance(column, QTabWidget):
            column.currentChanged.connect(lambda _index: self._schedule(measure=True))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LayoutRequest):
            self._schedule(measure=watched is self.column and event.type() == QEvent.Type.Show)
        return False

    def measure(self) -> None:
        """Fit again, measuring the line edits' texts (a project was opened, not typed)."""
        self._schedule(measure=True)

    def _schedule(self, measure: bool) -> None:
        self._measure = self._measure or measure
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.fit)

    def fit(self) -> None:
        """One decision per page (a tab of the column): its forms all side by side, or all wrapped."""
        self._pending = False
        if self._measure or self.column.width() != self._measured_width:
            self._measured_width = self.column.width()
            self._typed = {id(e): typed_width(e) for e in self.column.findChildren(QLineEdit)}
            self._measure = False
        scrollbar = self.column.style().pixelMetric(self.column.style().PixelMetric.PM_ScrollBarExtent)
        pages = [self.column.widget(i) for i in range(self.column.count())] if isinstance(self.column, QTabWidget) \
            else [self.column]
        for page in pages:
            forms = [f for f in page.findChildren(QFormLayout) if f.parentWidget() is not None]
            widths = {}
            for form in forms:
                owner = form.parentWidget()
                if id(owner) not in self._watched:  # rows come and go (a service's options): look again then
                    self._watched.add(id(owner))
                    owner.installEventFilter(self)
                inset = max(owner.mapTo(page, QPoint(0, 0)).x(), 0) if owner.isVisible() else 0
                widths[id(form)] = self.column.width() - 2 * inset - scrollbar
            column = label_column(page, forms)
            wrap = any(widths[id(f)] < side_by_side_width(f, self._typed, column)
                       for f in forms if f.parentWidget().isVisible())
            policy = Policy.WrapAllRows if wrap else Policy.DontWrapRows
            for form in forms:
                if form.rowWrapPolicy() != policy:
                    form.setRowWrapPolicy(policy)
                margins = form.contentsMargins()
                room = widths[id(form)] - margins.left() - margins.right()
                for row in range(form.rowCount()):
                    item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                    label = item.widget() if item is not None else None
                    if isinstance(label, QLabel):  # wrap only a label longer than the whole width
                        long = wrap and _label_width(label) > room
                        if label.wordWrap() != long:
                            label.setWordWrap(long)
                        # side by side, the groups' fields start at one x (each form would size
                        # its own label column); above the fields a label needs no width of its own
                        width = 0 if wrap else column
                        if label.minimumWidth() != width:
                            label.setMinimumWidth(width)

def _form_labels(form: QFormLayout) -> list[QLabel]:
    items = (form.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(form.rowCount()))
    return [item.widget() for item in items if item is not None and isinstance(item.widget(), QLabel)]


def label_column(page: QWidget, forms: list[QFormLayout]) -> int:
    """The width of the widest label, in one line, of the ``forms`` shown on ``page`` (in the
    interface language of the moment: German labels are longer)."""
    def width(label: QLabel) -> int:  # Qt's own hint may be a pixel wider than the text
        return max(_label_width(label), 0 if label.wordWrap() else label.sizeHint().width())

    return max((width(label) for form in forms if form.parentWidget().isVisibleTo(page)
                for label in _form_labels(form) if not label.isHidden()), default=0)


class DockFitter(QObject):
    """The findings ``dock`` of ``window`` as tall as the rows of ``view`` (at least MIN_ROWS,
    at most a quarter of the window) — fitted once per project, to its first findings, then
    left alone: refitted after every check it moved the panes above it (the checklist's buttons)
    while the user worked; later findings scroll. A height the user dragged stands for good
    (``user_sized``: a height restored from the last session)."""

    def __init__(self, window: QMainWindow, dock: QDockWidget, view: QListWidget, user_sized: bool) -> None:
        super().__init__(window)
        self.window, self.dock, self.view = window, dock, view
        self.active = not user_sized
        self.due = True  # the next findings are a project's first: fit to them
        self._timer = QTimer(self, singleShot=True, interval=0)  # once the rows are laid out
        self._timer.timeout.connect(self.fit)
        view.model().modelReset.connect(self._later)
        view.model().rowsInserted.connect(self._later)
        window.installEventFilter(self)
        dock.installEventFilter(self)  # findings that came while it was hidden are fitted when it shows

    def refit_next(self) -> None:
        """A new project: fit to its first findings."""
        self.due = True

    def _later(self) -> None:
        if self.due:
            self._timer.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        # a press on the window itself, not on a child, grabs a separator: from then on the
        # user decides the findings' height
        if event.type() == QEvent.Type.MouseButtonPress and self.window.childAt(event.position().toPoint()) is None:
            self.active = False
        elif event.type() == QEvent.Type.Show and watched is self.dock:
            self._later()
        return False

    def fit(self) -> None:
        dock, view = self.dock, self.view
        if not (self.active and self.due and dock.isVisible() and view.count()):  # no findings yet: wait for them
            return
        self.due = False
        height = list_height(view, self.window.height() // 4) + dock.height() - view.height()
        if abs(height - dock.height()) > 2:
            self.window.resizeDocks([dock], [height], Qt.Orientation.Vertical)


MIN_ROWS = 3  # of the findings pane: findings that come later have room to be seen (and scroll)


def list_height(view: QListWidget, most: int) -> int:
    """The height that shows all of ``view``'s rows (at least MIN_ROWS one-line rows), at most ``most``."""
    view.doItemsLayout()
    heights = [view.visualItemRect(view.item(i)).height() for i in range(view.count())]
    one_row = min(heights) if heights else view.fontMetrics().height() * 2
    rows = max(sum(heights), MIN_ROWS * one_row)
    return min(rows + 2 * view.frameWidth() + 2, most)


REST_LATER_MS = 1000  # the rows of closed groups: fitted once the start-up is over (or when opened)


class WrappingDelegate(QStyledItemDelegate):
    """Rows of a two-level tree as tall as their first column's text wrapped to the column's
    width: Qt's own word wrap paints several lines but keeps one line of height (then "…").

    The height is worked out when the column's width changes (``refit``) and kept in the row's
    size hint of every row, which Qt reads as it is: a search that shows and hides a thousand
    rows lays them out again on every keystroke, and a sizeHint() written in Python — or Qt's
    own, which lays out each wrapping text — cost more than the search itself.

    Qt needs no height for the rows of a closed group: they are fitted when it opens, or a
    moment after the refit (REST_LATER_MS). The checklist shows its 39 categories closed at the
    start; measuring all 449 rows then cost 5–8 ms of the start-up."""

    def __init__(self, view: QTreeWidget, groups=None) -> None:
        """``groups()``: every (top row, its rows) to fit, the rows also those a search took out
        of the tree (by default the rows in the tree). A group opened while the tree's signals
        are blocked is fitted by ``fit_open()``."""
        super().__init__(view)
        self.view = view
        self.groups = groups or self._tree_groups
        self._width = self._before = -1  # the column width the hints were worked out for, and the one before
        self._kinds: dict[tuple, tuple[int, QFontMetrics, QSize]] = {}  # (depth, flags, font) → measured at _width
        # id → top row whose rows have their hints for _width (by id: comparing a row the tree
        # deleted raises; the row kept here keeps its id from being reused)
        self._fitted: dict[int, QTreeWidgetItem] = {}
        view.setWordWrap(True)
        view.setUniformRowHeights(False)
        self._later = QTimer(self)  # a resize refits once the view has settled, not inside its layout
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(lambda: self.refit(force=False))
        view.header().sectionResized.connect(lambda col, _old, _new: col == 0 and self._later.start())
        self._rest = QTimer(self)
        self._rest.setSingleShot(True)
        self._rest.setInterval(REST_LATER_MS)
        self._rest.timeout.connect(lambda: self._fit(lambda _top: True))
        view.itemExpanded.connect(lambda _item: self.fit_open())

    def refit(self, force: bool = True) -> None:
        """Work the heights out again (the rows changed, or — ``force`` False — only if the
        column's width did)."""
        width = self._column_width()
        if not force:
            if width == self._before:
                # back to the width before: the rows' new heights took the scroll bar away or
                # brought it back. Fit the narrower width (with the bar) and stay there, or the
                # two would take turns for ever.
                width = min(width, self._width)
            if width == self._width:
                return
        self._before, self._width = self._width, width
        self._kinds, self._fitted = {}, {}
        self._blocked(lambda: self._set_hints(width, self._kinds))
        self._rest.start()

    def fit_open(self) -> None:
        """Fit the rows of every open group that are not fitted yet."""
        if self._width >= 0:
            self._fit(QTreeWidgetItem.isExpanded)

    def _fit(self, wanted) -> None:
        if any(id(top) not in self._fitted and wanted(top) for top, _rows in self.groups()):
            self._blocked(lambda: self._fit_groups(wanted, self._width, self._kinds))

    def _blocked(self, change) -> None:
        model = self.view.model()
        model.blockSignals(True)  # one layout at the end, not one update per row
        try:
            change()
        finally:
            model.blockSignals(False)
        self.view.doItemsLayout()

    def _column_width(self) -> int:
        """The first column's width once the scroll bar the rows need is shown: Qt shows it only
        in the next turn of the event loop, and the narrower column measured every row again."""
        width = self.view.columnWidth(0)
        bar = self.view.verticalScrollBar()
        if bar.isVisibleTo(self.view) or self.view.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAsNeeded \
                or self.view.style().styleHint(QStyle.StyleHint.SH_ScrollBar_Transient, None, bar):
            return width
        self.view.doItemsLayout()  # the scroll range of the rows as they are now (one line each, or as fitted)
        if bar.maximum() <= bar.minimum():
            return width
        return width - self.view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, bar)

    def _set_hints(self, width: int, kinds: dict) -> None:
        """The top rows and the rows of the open groups, at a new width."""
        for top, _rows in self.groups():
            self._set_hint(top, 0, width, kinds)
        self._fit_groups(QTreeWidgetItem.isExpanded, width, kinds)

    def _fit_groups(self, wanted, width: int, kinds: dict) -> None:
        for top, rows in self.groups():
            if id(top) not in self._fitted and wanted(top):
                self._fitted[id(top)] = top
                for item in rows:
                    self._set_hint(item, 1, width, kinds)

    def _set_hint(self, item, depth: int, width: int, kinds: dict) -> None:
        kind = (depth, int(item.flags().value), item.font(0).key())
        found = kinds.get(kind)
        if found is None:
            found = kinds[kind] = self._measure(item, depth, width)
        room, metrics, one_line = found
        text, hint = item.text(0), one_line
        # ">=": the advance is rounded; a text exactly as wide as the room may still wrap there
        if metrics.horizontalAdvance(text) >= room:
            lines = metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, text).height()
            hint = QSize(one_line.width(), max(one_line.height(), lines + one_line.height() - metrics.height()))
        if item.sizeHint(0) != hint:
            item.setSizeHint(0, hint)

    def _tree_groups(self):
        tree = self.view
        tops = [tree.topLevelItem(n) for n in range(tree.topLevelItemCount())]
        return [(top, [top.child(m) for m in range(top.childCount())]) for top in tops]

    def _option(self, item) -> QStyleOptionViewItem:
        option = QStyleOptionViewItem()
        self.view.initViewItemOption(option)
        index = self.view.indexFromItem(item, 0)
        if index.isValid():
            self.initStyleOption(option, index)
            return option
        # a row a search took out of the tree has no index: what initStyleOption reads from one.
        # Without its check box the text seemed 20 px wider, and rows measured that way were
        # painted cut off with "…" (walk9)
        option.text, option.font = item.text(0), item.font(0)
        option.fontMetrics = QFontMetrics(option.font)
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
        if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
            option.checkState = item.checkState(0)
        if not item.icon(0).isNull():
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
            option.icon = item.icon(0)
        return option

    def _measure(self, item, depth: int, width: int) -> tuple[int, QFontMetrics, QSize]:
        """For rows like ``item`` (depth, check box, font) at ``width``: the width their text
        has, the metrics of their font and Qt's own hint for one line."""
        indent = self.view.indentation() * (depth + (1 if self.view.rootIsDecorated() else 0))
        option = self._option(item)
        style = self.view.style()
        # Qt's own hint (QStyledItemDelegate.sizeHint less its index, which such a row lacks)
        one_line = QSize(style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option, QSize(), self.view))
        option.rect = QRect(0, 0, max(width - indent, 40), option.fontMetrics.height())
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, self.view)
        # Qt draws the text inside that rectangle less a margin on each side; one pixel too many
        # and a name that looked as if it fitted on one line was cut with "…"
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, self.view) + 1
        return max(text.width() - 2 * margin, 20), QFontMetrics(option.font), one_line
