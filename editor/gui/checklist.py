"""Left pane: services by category with checkboxes, search as you type and ticked counts.

The search (editor.core.service_search) ranks its hits: while it has text, categories and their
services are shown best first and categories without a hit are hidden; clearing it brings back
the catalog's order and the categories opened before.

Until the catalog arrives (it loads after the window is shown) the list says it is loading."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QLabel, QLineEdit, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ..core import countries
from ..core.catalog import is_own
from ..core.service_search import SearchIndex
from .fit import WrappingDelegate
from .translation import Retranslating

INDEX_LATER_MS = 1000  # after set_catalog: the start-up's first preview and checks come first

ROLE_ID = Qt.ItemDataRole.UserRole


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
        self.total.setWordWrap(True)  # "…, 1 not in any installed clause pack" must not be cut off
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)  # name | ticked count, so long category names elide but counts stay
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        # the counts' width is set when they change (_fit_counts): Qt's ResizeToContents measured
        # every row shown, a thousand while searching, twice on each keystroke
        self.tree.header().setSectionResizeMode(1, self.tree.header().ResizeMode.Fixed)
        # a long category name takes a second line, no "…"
        self.wrapping = WrappingDelegate(self.tree, lambda: [(c, (self._items[sid] for sid in self._order[cid]))
                                                             for cid, c in self._categories.items()])
        self.tree.setItemDelegate(self.wrapping)
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
        self.describe = QPushButton()
        self.describe.setObjectName("describe_own")
        # both take the search text as the service's name: whoever describes a service after
        # searching did not find it under that name
        for button in (self.dead_end, self.describe):
            button.clicked.connect(lambda: self.describe_requested.emit(self.search.text().strip()))
        self.edit = QPushButton()
        self.edit.setObjectName("edit_own")
        self.edit.setEnabled(False)
        self.edit.clicked.connect(lambda: self.edit_requested.emit(self.current_service()))
        layout.addWidget(self.dead_end)
        layout.addWidget(self.tree, 1)
        self.buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)  # above each other in a narrow pane
        self.buttons.addWidget(self.describe, 1)
        self.buttons.addWidget(self.edit)
        layout.addLayout(self.buttons)
        layout.addWidget(self.total)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._categories: dict[str, QTreeWidgetItem] = {}  # in the catalog's order
        self._order: dict[str, list[str]] = {}  # category id → its service ids in the catalog's order
        self._shown: dict[str, list[str]] = {}  # … the ones in the tree, in the order shown (a search's hits)
        self._category_of: dict[str, str] = {}  # service id → category id
        self._index: SearchIndex | None = None  # of the catalog shown, built when first needed (search_index)
        self._index_timer = QTimer(self)  # … or once the start is over, so the first keystroke need not wait
        self._index_timer.setSingleShot(True)
        self._index_timer.setInterval(INDEX_LATER_MS)
        self._index_timer.timeout.connect(self.search_index)
        self._expanded: set[str] | None = None  # the categories open before a search began
        self._hits = None  # the search's ranked hits; None without search text
        self._kept: QTreeWidgetItem | None = None  # the highlighted service while a search took it out
        self._updating = False
        self._catalog, self._lang = None, ""
        self.ticked_total = 0
        self._unknown = 0  # selected services no installed pack knows (the window asks core: own_services.unknown_selected)
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
        self._fit_describe()
        self.describe.setToolTip(self.tr("For a service the list lacks: describe its provider, purposes and data"))
        self.edit.setText(self.tr("Ed&it…"))
        self.edit.setToolTip(self.tr("Edit the service you described yourself"))
        self._update_dead_end()
        self._update_counts()


    # ------------------------------------------------------------------ content
    def set_catalog(self, catalog, lang: str, ticked: set[str] | None = None, unknown: int = 0) -> None:
        """Fill the list with ``catalog``'s services, named in ``lang``, ticked as ``ticked``
        says (None: the ticks are kept); ``unknown`` selected services no pack describes."""
        if ticked is None:
            ticked = self.selected_ids()
        else:
            self._unknown = unknown
        if catalog is not self._catalog or lang != self._lang:  # (a project opened shows the same one again)
            self._index = None  # the normalised words, once per catalog: not needed for the window to show
            self._index_timer.start()
        self._catalog, self._lang = catalog, lang
        self._updating = True
        # the highlighted row comes back below: a rebuild (another interface language, an own
        # service added) is no new choice, and "none highlighted" in between emptied the options
        highlighted = self.current_service()
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items.clear()
        self._categories.clear()
        self._order.clear()
        self._shown.clear()
        self._category_of.clear()
        self._expanded = None
        self._kept = None
        # items are filled before they join the tree (each row added to a shown tree is a model
        # change the view reacts to), and the flags combined once, not per row
        category_flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        service_flags = category_flags | Qt.ItemFlag.ItemIsUserCheckable
        checked, unchecked = Qt.CheckState.Checked, Qt.CheckState.Unchecked
        top = []
        for category in catalog.ordered_categories():
            services = catalog.services_in(category.id)
            if not services:
                continue
            title = category.title.get(lang)
            cat_item = QTreeWidgetItem([title])
            cat_item.setFlags(category_flags)
            cat_item.setData(0, ROLE_ID, "")
            font = cat_item.font(0)
            font.setBold(True)
            cat_item.setFont(0, font)
            cat_item.setToolTip(0, title + ("\n" + category.intro.get(lang) if category.intro is not None else ""))
            top.append(cat_item)
            self._categories[category.id] = cat_item
            self._order[category.id] = []
            for service in sorted(services, key=lambda s: s.name(lang).casefold()):
                item = QTreeWidgetItem([service.name(lang)])
                item.setFlags(service_flags)
                item.setCheckState(0, checked if service.id in ticked else unchecked)
                item.setData(0, ROLE_ID, service.id)
                if service.provider is not None:
                    item.setToolTip(0, f"{service.provider.entity} · {countries.name(service.provider.country, lang)}")
                elif catalog.without_provider(service) != "own_processing":  # the text says who helps, if anyone
                    item.setToolTip(0, self.tr("Self-hosted: no outside provider"))
                if is_own(catalog, service.id):
                    item.setText(0, self.tr("%1 (described by you)").replace("%1", service.name(lang)))
                    item.setToolTip(0, item.toolTip(0) + "\n" + self.tr("Described by you, not checked by us. "
                                                                       "Double-click to edit."))
                cat_item.addChild(item)
                self._items[service.id] = item
                self._order[category.id].append(service.id)
                self._category_of[service.id] = category.id
            self._shown[category.id] = list(self._order[category.id])
        self.tree.addTopLevelItems(top)
        kept = self._items.get(highlighted)
        if kept is not None:
            kept.parent().setExpanded(True)
            self.tree.setCurrentItem(kept)
        self.tree.blockSignals(False)
        if kept is None and highlighted:  # it is gone (an own service removed): nothing to show
            self.current_changed.emit("")
        self._updating = False
        self.apply_filter(self.search.text())
        self._update_counts()
        # the row heights last: measured before the counts were in, the name column narrowed
        # as the count column grew and every row was measured a second time
        self.wrapping.refit()

    def search_index(self) -> SearchIndex | None:
        """The search index of the catalog shown (None before a catalog), built at the first call."""
        if self._index is None and self._catalog is not None:
            self._index_timer.stop()
            self._index = SearchIndex.of_catalog(self._catalog, self._lang)
        return self._index

    def set_selected(self, ids: set[str], unknown: int = 0) -> None:
        self._unknown = unknown
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
        if item.treeWidget() is not self.tree:  # not a hit of the search
            self.search.clear()
        item.parent().setExpanded(True)
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)

    def show_category(self, cid: str) -> None:
        """A category open at the top of the list, highlighted; a search that hides it is cleared."""
        item = self._categories.get(cid)
        if item is None:
            return
        if self._hits is not None:
            self.search.clear()
        item.setExpanded(True)
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item, QTreeWidget.ScrollHint.PositionAtTop)

    def current_service(self) -> str:
        item = self.tree.currentItem() or self._kept
        return item.data(0, ROLE_ID) if item is not None else ""

    def item(self, sid: str) -> QTreeWidgetItem | None:
        return self._items.get(sid)

    def visible_ids(self) -> list[str]:
        """The services shown, in the order shown (best hits first while searching)."""
        tree = self.tree
        return [cat.child(m).data(0, ROLE_ID) for cat in (tree.topLevelItem(n) for n in range(tree.topLevelItemCount()))
                if not cat.isHidden() for m in range(cat.childCount()) if not cat.child(m).isHidden()]

    # ------------------------------------------------------------------ behaviour
    def apply_filter(self, text: str) -> None:
        """Show the services matching ``text`` best first, or all of them for no text."""
        hits = self.search_index().search(text) if self._catalog is not None and SearchIndex.query_words(text) else None
        searching = hits is not None
        if searching and self._expanded is None:  # a search begins: remember what was open
            self._expanded = {cid for cid, item in self._categories.items() if item.isExpanded()}
        self._arrange(hits)
        if searching:  # the best hit on top, in view: not where the list was, nor at the highlighted row
            self.tree.scrollToTop()
        if not searching and self._expanded is not None:
            for cid, item in self._categories.items():
                item.setExpanded(cid in self._expanded)
            self._expanded = None
        self._hits = hits
        self._update_dead_end()

    def _arrange(self, hits) -> None:
        """Order and filter: the ``hits`` only, best first, each category where its best hit
        ranks; for None, every service in the catalog's order.

        A row that is no hit is taken out of the tree, not hidden: Qt keeps every hidden row as
        a persistent index that each row moved afterwards updates, which made a keystroke cost
        tens of milliseconds with a thousand services. A category whose rows change is filled
        anew in one call; one whose rows stay as they are is not touched."""
        found: dict[str, list[str]] | None = None  # category id → its hits, best first
        if hits is not None:
            found = {}
            for hit in hits:
                found.setdefault(self._category_of[hit.id], []).append(hit.id)
        # the categories shown, in their order, come first; the hidden ones stay where they are
        shown = list(self._categories) if found is None else list(found)
        current = self.tree.currentItem() or self._kept
        # no setUpdatesEnabled(False) around it: turned on again, it repaints the whole tree and
        # its scroll bar even when no row changed; Qt lays out and repaints once after the changes
        self.tree.blockSignals(True)  # taking rows out must not announce a new current service
        try:
            # through the tree, not invisibleRootItem(): each new Python wrapper of the root, when
            # dropped, walked every row below it (a tenth of a keystroke)
            tree = self.tree
            for n, cid in enumerate(shown):
                item = self._categories[cid]
                if tree.topLevelItem(n) is not item:
                    tree.insertTopLevelItem(n, tree.takeTopLevelItem(tree.indexOfTopLevelItem(item)))
            for cid in self._categories:
                cat_item = self._categories[cid]
                wanted = self._order[cid] if found is None else found.get(cid, [])
                if self._shown[cid] != wanted:
                    cat_item.takeChildren()
                    cat_item.addChildren([self._items[sid] for sid in wanted])
                    self._shown[cid] = list(wanted)
                if cat_item.isHidden() == bool(wanted):
                    cat_item.setHidden(not wanted)
                if found is not None and cat_item.isExpanded() != bool(wanted):
                    cat_item.setExpanded(bool(wanted))
            if current is not None and current.treeWidget() is self.tree:
                if self.tree.currentItem() is not current:
                    self.tree.setCurrentItem(current)
                self._kept = None
            elif current is not None:  # no hit: still the highlighted service, for when it is back
                self._kept = current
                self.tree.setCurrentItem(None)
        finally:
            self.tree.blockSignals(False)
        self.wrapping.fit_open()  # the categories the search opened (their signal was blocked)
        # the rows laid out now, not in Qt's next turn of the event loop: the list is repainted
        # with the typed letter, in one frame (left to Qt, it came one paint later)
        self.tree.executeDelayedItemsLayout()

    def _update_dead_end(self) -> None:
        """No hit for the search: offer to describe the searched service."""
        text = self.search.text().strip()
        hits = self._hits
        # no hit, or none that has every word searched for: the service may be missing
        none = bool(text) and self._catalog is not None and hits is not None and (
            not hits or hits[0].matched < len(SearchIndex.query_words(text)))
        self.dead_end.setVisible(none)
        if none:
            full = self.tr("Not in the list? Describe “%1” yourself")
            metrics = self.dead_end.fontMetrics()  # the search text is shortened to fit the pane: a button does not wrap
            template = full
            if self.isVisible() and self.width() - metrics.horizontalAdvance(full.replace("%1", "xx…")) - 24 < 0:
                template = self.tr("Describe “%1” yourself")  # a narrow pane: the short question
            room = self.width() - metrics.horizontalAdvance(template.replace("%1", "")) - 24
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(room, metrics.horizontalAdvance("xx…"))) \
                if self.isVisible() else text  # hidden, its width means nothing yet: resizeEvent comes on show
            self.dead_end.setText(template.replace("%1", shown))
            self.dead_end.setToolTip(full.replace("%1", text))

    def _fit_describe(self) -> None:
        """"Describe a service yourself…" beside "Edit…" where the pane has room for both, else
        above it (a button does not wrap: its text was cut at 1024×700)."""
        margins = self.layout().contentsMargins()
        room = self.width() - margins.left() - margins.right()
        both = self.describe.sizeHint().width() + self.buttons.spacing() + self.edit.sizeHint().width()
        direction = QBoxLayout.Direction.LeftToRight if both <= room or not self.isVisible() \
            else QBoxLayout.Direction.TopToBottom
        if self.buttons.direction() != direction:
            self.buttons.setDirection(direction)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._update_dead_end()
        self._fit_describe()

    def _update_counts(self) -> None:
        if self._catalog is None:
            self.total.setText(self.tr("Loading the services…"))
            return
        total = 0
        for cid, cat_item in self._categories.items():
            services = self._order[cid]  # all of them, also those a search took out
            ticked = sum(self._items[sid].checkState(0) == Qt.CheckState.Checked for sid in services)
            total += ticked
            cat_item.setText(1, f"{ticked}/{len(services)}" if ticked else "")
            cat_item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
        text = self.tr("%n service(s) selected", "", total)
        if self._unknown:  # not in the list: said, not left out silently
            text += ", " + self.tr("%n not in any installed clause pack", "", self._unknown)
        self.total.setText(text)
        self.ticked_total = total
        self._fit_counts()

    def _fit_counts(self) -> None:
        """The count column as wide as the widest count of any category, also one a search hides."""
        header = self.tree.header()
        widest = max((self.tree.sizeHintForIndex(self.tree.indexFromItem(item, 1)).width()
                      for item in self._categories.values()), default=0)
        width = max(widest, header.sectionSizeHint(1), header.minimumSectionSize())
        if header.sectionSize(1) != width:
            header.resizeSection(1, width)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._updating:
            return
        sid = item.data(0, ROLE_ID)
        if sid:
            self._update_counts()
            checked = item.checkState(0) == Qt.CheckState.Checked
            self.toggled.emit(sid, checked)
            if checked:  # a click on the box does not make the row current: its options are what comes next
                self.tree.setCurrentItem(item)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        self._kept = None  # the user highlighted another row
        sid = current.data(0, ROLE_ID) if current is not None else ""
        self.edit.setEnabled(bool(sid) and self._catalog is not None and is_own(self._catalog, sid))
        self.current_changed.emit(sid)

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        sid = item.data(0, ROLE_ID)
        if sid and self._catalog is not None and is_own(self._catalog, sid):
            self.edit_requested.emit(sid)
