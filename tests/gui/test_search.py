"""The checklist's search as the user sees it: ranked hits grouped by category, nothing rebuilt per key."""
from PySide6.QtCore import Qt


def shown_categories(checklist):
    root = checklist.tree.invisibleRootItem()
    return [root.child(n) for n in range(root.childCount()) if not root.child(n).isHidden()]


def shown_children(category_item):
    return [category_item.child(n).data(0, Qt.ItemDataRole.UserRole) for n in range(category_item.childCount())
            if not category_item.child(n).isHidden()]


def payment_ids(catalog):
    return {s.id for s in catalog.services.values() if s.category == "payment"}


def test_typing_a_word_with_its_ending_shows_every_payment_provider(project_window, qtbot, catalog):
    w = project_window
    qtbot.keyClicks(w.checklist.search, "Zahlungs")
    visible = set(w.checklist.visible_ids())
    assert payment_ids(catalog) <= visible
    # anything else shown is about payments too (card terminals in the shop), by name or keyword
    for sid in visible - payment_ids(catalog):
        service = catalog.services[sid]
        assert any("zahl" in word.lower() for word in [service.names.de, *service.keywords]), sid
    categories = shown_categories(w.checklist)
    assert categories[0].isExpanded() and set(shown_children(categories[0])) == payment_ids(catalog)
    assert len(categories) < len(catalog.categories) / 4  # categories without a hit are hidden
    assert not w.checklist.dead_end.isVisibleTo(w.checklist)  # every word found: no "not in the list"


def test_zahlung_finds_prepayment_and_invoice(project_window, qtbot):
    w = project_window
    qtbot.keyClicks(w.checklist.search, "Zahlung")
    assert "bank-transfer" in w.checklist.visible_ids()


def test_several_words_show_the_best_hits_first_in_their_categories(project_window, qtbot, catalog):
    w = project_window
    qtbot.keyClicks(w.checklist.search, "Google Kalender Termine")
    categories = shown_categories(w.checklist)
    firsts = [shown_children(c)[0] for c in categories[:3]]
    # both words first: the calendar integration, then an embedded Google calendar; then Workspace
    assert firsts == ["google-calendar-integration", "google-calendar-embed", "google-workspace"]
    assert "calendly" in w.checklist.visible_ids()  # "Termine" alone is enough to be offered
    # the rows follow the ranking of the core search, category by category
    ranked = [h.id for h in w.checklist.search_index().search("Google Kalender Termine")]
    for category in categories:
        children = shown_children(category)
        assert children == sorted(children, key=ranked.index)
    # no service has all three words: the list may lack it, so the own-service form is offered
    assert w.checklist.dead_end.isVisibleTo(w.checklist)


def test_umlauts_spelled_out_and_typos(project_window, qtbot):
    w = project_window
    w.checklist.search.setText("Ueberweisung")
    assert w.checklist.visible_ids()[0] == "bank-transfer"
    w.checklist.search.setText("Kalnder")
    assert "google-calendar-integration" in w.checklist.visible_ids()


def test_clearing_the_search_restores_order_and_open_categories(project_window, qtbot, catalog):
    w = project_window
    checklist = w.checklist
    before_ids = checklist.visible_ids()
    root = checklist.tree.invisibleRootItem()
    before_categories = [root.child(n).text(0) for n in range(root.childCount())]
    checklist._categories["hosting"].setExpanded(True)
    qtbot.keyClicks(checklist.search, "Google Kalender")
    assert checklist.visible_ids() != before_ids
    checklist.search.clear()
    assert checklist.visible_ids() == before_ids
    assert [root.child(n).text(0) for n in range(root.childCount())] == before_categories
    assert checklist._categories["hosting"].isExpanded() and not checklist._categories["payment"].isExpanded()


def test_ticks_and_the_highlighted_service_survive_the_reordering(project_window, qtbot, catalog):
    w = project_window
    checklist = w.checklist
    checklist.item("stripe").setCheckState(0, Qt.CheckState.Checked)
    checklist.select_service("klarna")
    changes = []
    checklist.current_changed.connect(changes.append)
    qtbot.keyClicks(checklist.search, "Google Kalender Zahlung")
    checklist.search.clear()
    assert checklist.current_service() == "klarna" and changes == []
    assert w.model.project.service_ids() == ["stripe"]
    assert checklist.item("stripe").checkState(0) == Qt.CheckState.Checked


def test_typing_does_not_rebuild_the_search_index(project_window, qtbot, monkeypatch):
    """The normalised words are worked out once per catalog, never per keystroke."""
    from editor.core import service_search

    built = []
    original = service_search.SearchIndex.__init__
    monkeypatch.setattr(service_search.SearchIndex, "__init__",
                        lambda self, *a, **k: (built.append(1), original(self, *a, **k))[1])
    qtbot.keyClicks(project_window.checklist.search, "Google Kalender Termine")
    assert len(built) <= 1  # the first keystroke builds it unless the window's idle moment did
    assert project_window.checklist.visible_ids()
    qtbot.keyClicks(project_window.checklist.search, " Friseur")
    assert len(built) <= 1


def test_the_search_index_waits_until_it_is_needed(qtbot, catalog, monkeypatch):
    """Filling the list does not build the search index (the window is complete sooner); the
    first search builds it, once; without a search it is built a moment later all the same."""
    from editor.core import service_search
    from editor.gui import checklist as checklist_module

    built = []
    original = service_search.SearchIndex.__init__
    monkeypatch.setattr(service_search.SearchIndex, "__init__",
                        lambda self, *a, **k: (built.append(1), original(self, *a, **k))[1])
    monkeypatch.setattr(checklist_module, "INDEX_LATER_MS", 50)
    searched = checklist_module.ServiceChecklist()
    qtbot.addWidget(searched)
    searched.set_catalog(catalog, "de")
    assert built == []
    qtbot.keyClicks(searched.search, "Kalender")
    assert built == [1] and "google-calendar-integration" in searched.visible_ids()
    idle = checklist_module.ServiceChecklist()
    qtbot.addWidget(idle)
    idle.set_catalog(catalog, "de")
    qtbot.waitUntil(lambda: len(built) == 2)
    qtbot.wait(100)
    assert len(built) == 2  # the search's index was not built again by its timer


def test_the_offer_to_describe_a_service_fits_the_pane(project_window, qtbot):
    """A long search is shortened in the button (which cannot wrap), and told in full in its tooltip."""
    w = project_window
    w.resize(1024, 700)
    w.show()
    qtbot.waitExposed(w)
    text = "Google Kalender Termine Buchungssystem Friseur"
    w.checklist.search.setText(text)
    button = w.checklist.dead_end
    assert button.isVisible() and text in button.toolTip()
    assert button.sizeHint().width() <= w.checklist.width()
    assert "Describe “Google" in button.text()  # the short question in a narrow pane
    button.click()
    assert all(widget.text() == text for widget in w.own_service_dialog.names.values())  # the form gets it all
    w.own_service_dialog.reject()


def test_a_service_the_catalog_lacks_shows_the_offer_to_describe_it(project_window, qtbot):
    w = project_window
    w.checklist.search.setText("Blumenabo-Plattform XY")
    assert w.checklist.visible_ids() == []
    assert w.checklist.dead_end.isVisibleTo(w.checklist)


def test_the_search_index_is_kept_for_the_same_catalog_and_made_anew_for_another(qtbot, catalog, monkeypatch):
    """Opening a project shows the same catalog again: its words are not worked out again. A
    catalog with the user's own services, or another language, gets an index of its own."""
    import dataclasses

    from editor.core import service_search
    from editor.gui.checklist import ServiceChecklist

    built = []
    original = service_search.SearchIndex.__init__
    monkeypatch.setattr(service_search.SearchIndex, "__init__",
                        lambda self, *a, **k: (built.append(1), original(self, *a, **k))[1])
    checklist = ServiceChecklist()
    qtbot.addWidget(checklist)
    checklist.set_catalog(catalog, "de")
    checklist.search.setText("Kalender")
    checklist.set_catalog(catalog, "de", {"stripe"})
    checklist.search.setText("Kalender Zahlung")
    assert built == [1] and "stripe" in checklist.visible_ids()
    checklist.set_catalog(catalog, "en")
    checklist.search.setText("Kalender")
    assert built == [1, 1]
    without_stripe = dataclasses.replace(catalog, services={k: v for k, v in catalog.services.items() if k != "stripe"})
    checklist.set_catalog(without_stripe, "en")
    checklist.search.setText("Stripe")
    assert built == [1, 1, 1] and "stripe" not in checklist.visible_ids()


def test_the_count_column_keeps_its_width_while_searching(qtbot, catalog):
    """The ticked counts ("10/24") take the width of the widest one, also while a search hides
    its category: the names beside them do not change their width with each letter typed."""
    from editor.gui.checklist import ServiceChecklist

    analytics = sorted(s.id for s in catalog.services.values() if s.category == "analytics")[:10]
    checklist = ServiceChecklist()
    qtbot.addWidget(checklist)
    checklist.resize(320, 800)
    checklist.show()
    checklist.set_catalog(catalog, "de", set())
    tree, header = checklist.tree, checklist.tree.header()
    nothing_ticked = header.sectionSize(1)
    checklist.set_selected({*analytics, "stripe"})
    counts = checklist._categories["analytics"]
    assert counts.text(1).startswith("10/")
    before = header.sectionSize(1)
    assert before > nothing_ticked  # the column grows with its counts
    assert before >= tree.sizeHintForIndex(tree.indexFromItem(counts, 1)).width()  # "10/…" is not cut
    checklist.search.setText("Stripe")
    qtbot.wait(10)
    assert counts.isHidden() and not checklist._categories["payment"].isHidden()
    assert header.sectionSize(1) == before


def test_every_keystroke_shows_the_best_hit_at_the_top(project_window, qtbot):
    """walk6 #4: after ticking services far down the list, "google maps" opened scrolled mid-way
    with the best hit above the visible area."""
    w = project_window
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    checklist = w.checklist
    tree = checklist.tree
    for sid in ("stripe", "klarna", "dhl"):
        checklist.select_service(sid)
        checklist.item(sid).setCheckState(0, Qt.CheckState.Checked)
    assert tree.verticalScrollBar().value() > 0  # the list is scrolled down to the last one ticked
    for query in ("google maps", "google fonts", "Zahlung"):
        checklist.search.clear()
        for letter in query:
            qtbot.keyClicks(checklist.search, letter)
            if not checklist.visible_ids():
                continue
            best = checklist.item(checklist.visible_ids()[0])
            assert tree.verticalScrollBar().value() == 0, (query, letter)
            rect = tree.visualItemRect(best)
            assert rect.isValid() and 0 <= rect.top() and rect.bottom() <= tree.viewport().height(), (query, letter)
