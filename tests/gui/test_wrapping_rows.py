"""Checklist rows as tall as their wrapped text: heights kept as size hints, worked out again when
the column's width changes — and settling when the new heights bring the scroll bar and take it
away again (the width then flips between two values; refitting each time never ended)."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from editor.gui.fit import WrappingDelegate

LONG = "Zahlungsanbieter und Zahlungsdienstleister für Rechnungskauf, Ratenzahlung und Lastschrift"


def tree_with_rows(qtbot):
    tree = QTreeWidget()
    tree.setHeaderHidden(True)
    tree.header().setStretchLastSection(False)  # the test sets the column's width itself
    qtbot.addWidget(tree)
    delegate = WrappingDelegate(tree)
    tree.setItemDelegate(delegate)
    for text in ("Kurz", LONG):
        tree.addTopLevelItem(QTreeWidgetItem([text]))
    tree.resize(400, 300)
    tree.show()
    return tree, delegate


def test_a_long_name_gets_the_height_of_its_lines(qtbot):
    tree, delegate = tree_with_rows(qtbot)
    tree.header().resizeSection(0, 160)
    delegate.refit()
    short, long = tree.topLevelItem(0), tree.topLevelItem(1)
    line = QFontMetrics(long.font(0)).height()
    assert tree.visualItemRect(long).height() >= 2 * line
    assert tree.visualItemRect(short).height() < 2 * line
    tree.header().resizeSection(0, 4000)  # wide enough for one line: back to one line's height
    delegate.refit()
    assert tree.visualItemRect(long).height() < 2 * line


def test_refitting_settles_when_the_width_flips_between_two_values(qtbot):
    tree, delegate = tree_with_rows(qtbot)
    qtbot.wait(5)
    fitted = []
    set_hints = delegate._set_hints
    delegate._set_hints = lambda width, kinds: (fitted.append(width), set_hints(width, kinds))
    for width in (200, 150, 200, 150, 200):
        tree.header().resizeSection(0, width)
        qtbot.wait(5)  # the refit runs once the resize is done
    assert fitted == [200, 150]  # then the narrower one is kept
    tree.header().resizeSection(0, 300)  # a width of its own is fitted again
    qtbot.wait(5)
    assert fitted == [200, 150, 300]


def test_rows_that_bring_the_scroll_bar_are_measured_once_at_the_narrower_width(qtbot):
    """Qt shows the scroll bar the new rows need only in the next turn of the event loop: the
    heights are worked out for the width the column has then, not once more when it narrows."""
    tree = QTreeWidget()
    tree.setHeaderHidden(True)  # one column that stretches with the view, as in the checklist
    qtbot.addWidget(tree)
    delegate = WrappingDelegate(tree)
    tree.setItemDelegate(delegate)
    tree.resize(300, 200)
    tree.show()
    qtbot.wait(5)
    fitted = []
    set_hints = delegate._set_hints
    delegate._set_hints = lambda width, kinds: (fitted.append(width), set_hints(width, kinds))
    tree.addTopLevelItems([QTreeWidgetItem([f"{n} {LONG}"]) for n in range(40)])
    delegate.refit()
    qtbot.wait(20)
    assert tree.verticalScrollBar().isVisible()
    assert fitted == [tree.columnWidth(0)]


def test_the_checklist_measures_its_rows_once_when_it_is_filled(qtbot, catalog):
    """The counts ("3/7") are in before the rows are measured: the count column that grew after
    the measurement narrowed the names and had every row measured again."""
    from editor.gui.checklist import ServiceChecklist

    checklist = ServiceChecklist()
    qtbot.addWidget(checklist)
    checklist.resize(340, 600)
    checklist.show()
    qtbot.wait(5)
    fitted = []
    set_hints = checklist.wrapping._set_hints
    checklist.wrapping._set_hints = lambda width, kinds: (fitted.append(width), set_hints(width, kinds))
    checklist.set_catalog(catalog, "de", set(catalog.services))
    qtbot.wait(20)
    assert checklist.ticked_total == len(catalog.services)
    assert fitted == [checklist.tree.columnWidth(0)]


def _filled_checklist(qtbot, catalog):
    """A shown checklist, narrow, with every service ticked."""
    from editor.gui.checklist import ServiceChecklist

    checklist = ServiceChecklist()
    qtbot.addWidget(checklist)
    checklist.resize(300, 600)
    checklist.show()
    qtbot.wait(5)
    checklist.set_catalog(catalog, "de", set(catalog.services))
    return checklist


def _long_service(checklist):
    """A category and one of its services whose name needs two lines at the checklist's width."""
    for cat in checklist._categories.values():
        for n in range(cat.childCount()):
            item = cat.child(n)
            metrics = QFontMetrics(item.font(0))
            if metrics.horizontalAdvance(item.text(0)) > checklist.tree.columnWidth(0) - 60:
                return cat, item
    raise AssertionError("no service name long enough to wrap")


def test_closed_categories_are_fitted_when_opened_or_a_moment_later(qtbot, catalog):
    """Qt needs no height for the rows of a closed category: the start measures the categories
    only; a category's rows get their heights when it opens, the others a moment later."""
    from editor.gui.fit import REST_LATER_MS

    checklist = _filled_checklist(qtbot, catalog)
    cat, item = _long_service(checklist)
    assert not item.sizeHint(0).isValid()  # not measured yet
    cat.setExpanded(True)  # the user opens it
    line = QFontMetrics(item.font(0)).height()
    assert checklist.tree.visualItemRect(item).height() >= 2 * line
    others = [c.child(0) for c in checklist._categories.values() if c is not cat]
    assert not any(o.sizeHint(0).isValid() for o in others)
    qtbot.waitUntil(lambda: all(o.sizeHint(0).isValid() for o in others), timeout=REST_LATER_MS + 2000)


def test_a_search_that_opens_a_category_shows_its_long_names_wrapped_at_once(qtbot, catalog):
    checklist = _filled_checklist(qtbot, catalog)
    _cat, item = _long_service(checklist)
    checklist.search.setText(item.text(0))  # opens the category (with the tree's signals blocked)
    assert item.treeWidget() is checklist.tree and item.parent().isExpanded()
    assert checklist.tree.visualItemRect(item).height() >= 2 * QFontMetrics(item.font(0)).height()


def _cut_names(tree, delegate):
    """The shown rows whose name, wrapped in the text rectangle Qt paints it in, needs more lines
    than the row has (Qt then cuts it with "…")."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    cut = []
    for n in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(n)
        for item in (top.child(m) for m in range(top.childCount())) if top.isExpanded() else ():
            index = tree.indexFromItem(item, 0)
            option = QStyleOptionViewItem()
            tree.initViewItemOption(option)
            delegate.initStyleOption(option, index)
            option.rect = tree.visualRect(index)
            style = tree.style()
            text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, tree)
            margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, tree) + 1
            needed = option.fontMetrics.boundingRect(QRect(0, 0, text.width() - 2 * margin, 10_000),
                                                     Qt.TextFlag.TextWordWrap, item.text(0)).height()
            if needed > text.height():
                cut.append(item.text(0))
    return cut


def test_rows_a_search_took_out_do_not_measure_the_rows_it_shows(qtbot, catalog):
    """walk9: a tick brought the count column, the names were measured again — from the first row
    of their kind, which the search had taken out of the tree: without its index Qt's option had
    no check box, the text seemed 20 px wider than it is, and names that need two lines got one
    ("Complianz (WordPress-Cookie-…"). The rows under the mouse moved; the next click ticked the
    service below the one meant."""
    from editor.gui.checklist import ServiceChecklist

    checklist = ServiceChecklist()
    qtbot.addWidget(checklist)
    checklist.show()
    checklist.set_catalog(catalog, "de", set())
    checklist.search.setText("WordPress")  # leaves the hosting category's first rows out
    for width in range(240, 400, 8):
        checklist.resize(width, 600)
        qtbot.wait(5)
        assert not _cut_names(checklist.tree, checklist.wrapping), width
    checklist._items["wordpress"].setCheckState(0, Qt.CheckState.Checked)  # the count column comes in
    for width in range(240, 400, 8):
        checklist.resize(width, 600)
        qtbot.wait(5)
        assert not _cut_names(checklist.tree, checklist.wrapping), width
