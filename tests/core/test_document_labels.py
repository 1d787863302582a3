"""The document's own wording comes from the core pack's labels ([document.de] / [document.en]),
not from code; a missing key is a pack error, and compose() hands the set to the Document."""
import datetime as dt
import shutil

from editor.core.compose import compose
from editor.core.document import DOCUMENT_LABEL_KEYS, Document, format_date
from editor.core.packs import load_catalog
from editor.core.project import example_project
from editor.resources import clause_packs_dir


def test_every_document_label_exists_in_both_languages(catalog):
    for lang in ("de", "en"):
        assert set(DOCUMENT_LABEL_KEYS) <= set(catalog.labels["document"][lang]), lang
    assert not [e for e in catalog.errors if "document" in str(e)]


def test_a_missing_document_label_is_a_pack_error(tmp_path):
    packs = tmp_path / "packs"
    shutil.copytree(clause_packs_dir() / "core", packs / "core")
    labels = packs / "core" / "labels.toml"
    text = labels.read_text(encoding="utf-8")
    english = text.index("[document.en]")
    labels.write_text(text[:english] + text[english:].replace('page = "Page {page} of {pages}"\n', ""), encoding="utf-8")
    catalog = load_catalog([packs])
    (error,) = [e for e in catalog.errors if "document" in str(e)]
    assert error.file.endswith("labels.toml") and error.field == "document.en" and "'page'" in error.message


def test_compose_hands_the_catalogs_wording_to_the_document(catalog):
    catalog.labels["document"]["de"]["stand"] = "Stand der Erklärung"  # as a pack that changed it would
    try:
        document = compose(catalog, example_project(), "de")
    finally:
        catalog.labels["document"]["de"]["stand"] = "Stand"
    assert document.label("stand") == "Stand der Erklärung"
    assert document.label("page") == "Seite {page} von {pages}"
    assert isinstance(document.stand, dt.date)


def test_one_date_format_per_language():
    day = dt.date(2026, 3, 1)
    assert Document("de", "T", "", day, ()).stand_text() == "01.03.2026"
    assert Document("en", "T", "", day, ()).stand_text() == "1 March 2026"
    assert Document("en", "T", "", None, ()).stand_text() == ""
    assert format_date(day, "{day}. {month_name} {year} {month.__class__}", "a b c d e f g h i j k l") == "1. c 2026 {month.__class__}"
