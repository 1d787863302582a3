"""What the checklist shows for a set of searches, typed key by key, is what it showed when the
golden file was reviewed: the same services, in the same order, under the same categories,
with the same ticks, the same highlighted row and the same offer to describe a missing service.

The list is changed in place from one keystroke to the next (only categories whose rows change
are touched), so the queries are typed one letter at a time, some after another without
clearing, and the state is written down after each whole query."""
import pytest
from PySide6.QtCore import Qt

from golden_files import check_golden

# German terms, endings, compounds, old names, umlauts both ways, typos the search accepts,
# English, joining words, a service the catalog lacks; "+" types on after the query before
QUERIES = [
    "Zahlung", "Zahlungs", "Zahlungen", "Überweisung", "Ueberweisung", "Onlinezahlung", "Kauf auf Rechnung", "kauf",
    "Rechnungskauf", "Google Kalender Termine", "Termine", "Kalnder", "Kalendar", "Sendinblue", "Brevo",
    "Twitter", "G Suite", "Facebook", "Gefällt mir", "Gefaellt", "Schriften", "Schriftarten", "Straße",
    "kontaktlos", "Kontakt", "Stirpe", "Klarma", "Paypl", "payments", "Payment providers", "Newsletter",
    "Friseur", "Buchungssystem Friseur", "Blumenabo-Plattform XY", "und", "die", "Café", "E-Mail-Marketing",
    "+ Versand", "Versand", "+ DHL", "G", "Go", "Goo", "x", "Ana", "Analyse", "Google Business",
]


def _state(checklist) -> list[str]:
    """What the user sees of the list: the categories shown, open or closed, their rows with
    their ticks, the highlighted row and the offer to describe a missing service."""
    lines = []
    root = checklist.tree.invisibleRootItem()
    for n in range(root.childCount()):
        category = root.child(n)
        if category.isHidden():
            continue
        lines.append(f"{category.text(0)} [{category.text(1)}]{' (open)' if category.isExpanded() else ''}")
        for m in range(category.childCount()):
            row = category.child(m)
            if row.isHidden():
                continue
            tick = "x" if row.checkState(0) == Qt.CheckState.Checked else " "
            lines.append(f"  [{tick}] {row.data(0, Qt.ItemDataRole.UserRole)}: {row.text(0)}")
    current = checklist.tree.currentItem()
    lines.append(f"highlighted: {current.data(0, Qt.ItemDataRole.UserRole) if current is not None else '-'}"
                 f" / kept: {checklist.current_service() or '-'}")
    lines.append(f"offer to describe: {checklist.dead_end.text() if checklist.dead_end.isVisibleTo(checklist) else '-'}")
    return lines


@pytest.fixture
def checklist(qtbot, catalog):
    from editor.gui.checklist import ServiceChecklist

    checklist = ServiceChecklist()
    qtbot.addWidget(checklist)
    checklist.resize(320, 800)
    checklist.set_catalog(catalog, "de", {"stripe", "brevo", "google-calendar-integration"})
    return checklist


def test_search_results_are_unchanged(checklist):
    checklist.select_service("klarna")
    before = _state(checklist)
    lines = ["# the list before any search", *before]
    for query in QUERIES:
        typed = query[2:] if query.startswith("+ ") else query
        start = checklist.search.text() + " " if query.startswith("+ ") else ""
        if not start:
            checklist.search.clear()
        for n in range(1, len(typed) + 1):
            checklist.search.setText(start + typed[:n])
        lines += ["", f"# {checklist.search.text()}", *_state(checklist)]
    checklist.search.clear()
    assert _state(checklist) == before  # clearing brings back the catalog's order and the highlighted row
    check_golden("search/checklist.txt", "\n".join(lines) + "\n")
