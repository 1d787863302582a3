"""Ticking a service's box with the mouse shows that service in the Service tab (walk8 15: the
tab kept the previously highlighted service, and its options were not where the user looked)."""
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem


def click_box(tree, item):
    tree.scrollToItem(item)
    QApplication.processEvents()
    option = QStyleOptionViewItem()
    option.rect = tree.visualItemRect(item)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, box.center())
    QApplication.processEvents()


def test_a_ticked_box_shows_its_service_and_an_unticked_one_stays_where_it_is(project_window, catalog):
    w = project_window
    w.resize(1400, 900)
    w.show()
    QApplication.processEvents()
    checklist = w.checklist
    checklist.select_service("stripe")
    click_box(checklist.tree, checklist.item("paypal"))
    assert checklist.item("paypal").checkState(0) == Qt.CheckState.Checked
    assert checklist.tree.currentItem() is checklist.item("paypal")
    assert w.options_form.title.text() == catalog.services["paypal"].name("en")
    checklist.select_service("stripe")
    click_box(checklist.tree, checklist.item("paypal"))  # unticked: the highlighted row stays
    assert checklist.item("paypal").checkState(0) == Qt.CheckState.Unchecked
    assert checklist.tree.currentItem() is checklist.item("stripe")
    w.undo_stack.undo()  # ticked again by undo: no jump either
    assert checklist.item("paypal").checkState(0) == Qt.CheckState.Checked
    assert checklist.tree.currentItem() is checklist.item("stripe")
