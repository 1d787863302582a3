"""Left pane: services by category with checkboxes, search as you type and ticked counts.

Until the catalog arrives (it loads after the window is shown) the list says it is loading."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ..core import countries
from .fit import WrappingDelegate
from .translation import Retranslating

ROLE_ID = Qt.ItemDataRole.UserRole
ROLE_SEARCH = Qt.ItemDataRole.UserRole + 1


def is_own(catalog, sid: str) -> bool:
    """Whether ``sid`` is one of the project's own services (imported late: the window starts
    before the clause packs and their modules load)."""
    from ..core.own_services import is_own as own

    return own(catalog, sid)


class ServiceChecklist(Retranslating, QWidget):
    toggled = Signal(str, bool)  # service id, ticked — only for user clicks
    current_changed = Signal(str)  # service id of the highlighted row ("" for a category)
    describe_requested = Signal(str)  # the own-service form, prefilled with this text (may be "")
    edit_requested = Signal(str)  # the own-service form for this own service

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.total = QLabel()
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)  # name | ticked count, so long category names elide but counts stay
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, self.tree.header().ResizeMode.ResizeToContents)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))  # a long category name takes a second line, no "…"
        self.label = label = QLabel()
        label.setBuddy(self.search)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.search)
        # a service the catalog lacks is never a dead end: the search offers the own-service form
        self.dead_end = QPushButton()
        self.dead_end.setObjectName("describe_searched")
        self.dead_end.setVisible(False)
        self.dead_end.clicked.connect(lambda: self.describe_requested.emit(self.search.text().strip()))
        self.describe = QPushButton()
        self.describe.setObjectName("describe_own")
        self.describe.clicked.connect(lambda: self.describe_requested.emit(""))
        self.edit = QPushButton()
        self.edit.setObjectName("edit_own")
        self.edit.setEnabled(False)
        self.edit.clicked.connect(lambda: self.edit_requested.emit(self.current_service()))
        layout.addWidget(self.dead_end)
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.describe, 1)
        buttons.addWidget(self.edit)
        layout.addLayout(buttons)
        layout.addWidget(self.total)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._categories: dict[str, QTreeWidgetItem] = {}
        self._titles: dict[str, str] = {}
        self._updating = False
        self._catalog, self._lang = None, ""
        self.ticked_total = 0
        self.search.textChanged.connect(self.apply_filter)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 - Qt's name
        self.search.setPlaceholderText(self.tr("Search services and keywords…"))
        self.search.setAccessibleName(self.tr("Search services"))
        self.tree.setAccessibleName(self.tr("Services"))
        self.label.setText(self.tr("&Services you use:"))
        self.describe.setText(self.tr("Describe a service &yourself…"))
        self.describe.setToolTip(self.tr("For a service the list lacks: describe its provider, purposes and data"))
        self.edit.setText(self.tr("Ed&it…"))
        self.edit.setToolTip(self.tr("Edit the service you described yourself"))
        self._update_dead_end()
        self._update_counts()


    # ------------------------------------------------------------------ content
    def set_catalog(self, catalog, lang: str) -> None:
        """Fill the list with ``catalog``'s services, named in ``lang``; the ticks are kept."""
        ticked = self.selected_ids()
        self._catalog, self._lang = catalog, lang
        self._updating = True
        self.tree.clear()
        self._items.clear()
        self._categories.clear()
        for category in catalog.ordered_categories():
            services = catalog.services_in(category.id)
            if not services:
                continue
            title = category.title.get(lang)
            cat_item = QTreeWidgetItem([title])
            cat_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            cat_item.setData(0, ROLE_ID, "")
            font = cat_item.font(0)
            font.setBold(True)
            cat_item.setFont(0, font)
            cat_item.setToolTip(0, title + ("\n" + category.intro.get(lang) if category.intro is not None else ""))
            self.tree.addTopLevelItem(cat_item)
            self._categories[category.id] = cat_item
            self._titles[category.id] = title
            for service in sorted(services, key=lambda s: s.name(lang).casefold()):
                item = QTreeWidgetItem([service.name(lang)])
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked if service.id in ticked else Qt.CheckState.Unchecked)
                item.setData(0, ROLE_ID, service.id)
                words = [service.id, service.names.de, service.names.en, *service.keywords]
                if service.provider is not None:
                    words.append(service.provider.entity)
                    item.setToolTip(0, f"{service.provider.entity} · {countries.name(service.provider.country, lang)}")
                else:
                    item.setToolTip(0, self.tr("Self-hosted: no outside provider"))
                if is_own(catalog, service.id):
                    item.setText(0, self.tr("%1 (described by you)").replace("%1", service.name(lang)))
                    item.setToolTip(0, item.toolTip(0) + "\n" + self.tr("Described by you, not checked by us. "
                                                                       "Double-click to edit."))
                item.setData(0, ROLE_SEARCH, " ".join(words).casefold())
                cat_item.addChild(item)
                self._items[service.id] = item
        self._updating = False
        self.apply_filter(self.search.text())
        self._update_counts()

    def set_selected(self, ids: set[str]) -> None:
        self._updating = True
        for sid, item in self._items.items():
            state = Qt.CheckState.Checked if sid in ids else Qt.CheckState.Unchecked
            if item.checkState(0) != state:
                item.setCheckState(0, state)
        self._updating = False
        self._update_counts()

    def selected_ids(self) -> set[str]:
        return {sid for sid, item in self._items.items() if item.checkState(0) == Qt.CheckState.Checked}

    def select_service(self, sid: str) -> None:
        item = self._items.get(sid)
        if item is None:
            return
        if item.isHidden():
            self.search.clear()
        item.parent().setExpanded(True)
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)

    def current_service(self) -> str:
        item = self.tree.currentItem()
        return item.data(0, ROLE_ID) if item is not None else ""

    def item(self, sid: str) -> QTreeWidgetItem | None:
        return self._items.get(sid)

    def visible_ids(self) -> list[str]:
        return [sid for sid, item in self._items.items() if not item.isHidden()]

    # ------------------------------------------------------------------ behaviour
    def apply_filter(self, text: str) -> None:
        words = text.casefold().split()
        for cat_item in self._categories.values():
            shown = 0
            for n in range(cat_item.childCount()):
                child = cat_item.child(n)
                hay = child.data(0, ROLE_SEARCH)
                match = all(w in hay for w in words)
                child.setHidden(not match)
                shown += match
            cat_item.setHidden(shown == 0)
            cat_item.setExpanded(bool(words) and shown > 0 or cat_item.isExpanded() and not words)
        self._update_dead_end()

    def _update_dead_end(self) -> None:
        """No hit for the search: offer to describe the searched service."""
        text = self.search.text().strip()
        none = bool(text) and self._catalog is not None and not self.visible_ids()
        self.dead_end.setVisible(none)
        if none:
            shown = text if len(text) <= 40 else text[:39] + "…"
            self.dead_end.setText(self.tr("Not in the list? Describe “%1” yourself").replace("%1", shown))

    def _update_counts(self) -> None:
        if self._catalog is None:
            self.total.setText(self.tr("Loading the services…"))
            return
        total = 0
        for cid, cat_item in self._categories.items():
            ticked = sum(cat_item.child(n).checkState(0) == Qt.CheckState.Checked for n in range(cat_item.childCount()))
            total += ticked
            cat_item.setText(1, f"{ticked}/{cat_item.childCount()}" if ticked else "")
            cat_item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
        self.total.setText(self.tr("%n service(s) selected", "", total))
        self.ticked_total = total

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._updating:
            return
        sid = item.data(0, ROLE_ID)
        if sid:
            self._update_counts()
            self.toggled.emit(sid, item.checkState(0) == Qt.CheckState.Checked)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        sid = current.data(0, ROLE_ID) if current is not None else ""
        self.edit.setEnabled(bool(sid) and self._catalog is not None and is_own(self._catalog, sid))
        self.current_changed.emit(sid)

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        sid = item.data(0, ROLE_ID)
        if sid and self._catalog is not None and is_own(self._catalog, sid):
            self.edit_requested.emit(sid)
