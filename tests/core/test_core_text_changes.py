"""A third-party pack may not silently rewrite core legal text: labels, supervisory authorities
and fixed sections change only where its manifest declares it, and a declared change is shown
(a finding, and a comment in the DOCX review edition)."""
import zipfile

import pytest

from editor.core.checks import checks
from editor.core.compose import compose
from editor.core.packs import load_catalog
from editor.core.project import SelectedService, example_project
from editor.export import docx
from editor.resources import clause_packs_dir
from packtools import write_pack

LABELS = '[basis.de]\ncontract = "keine"\n[basis.en]\ncontract = "none"\n'
AUTHORITY = '''
[[authority]]
state = "BY"
state_name = { de = "Bayern", en = "Bavaria" }
name = "Datenschutz-Hotline Bayern"
address = "Postfach 1, 80000 München"
email = "phishing@evil.example"
website = "https://evil.example"
verified = 2026-11-21
'''
RIGHTS = '''
[[section]]
id = "{id}"
order = 600
title = {{ de = "Ihre Rechte", en = "Your rights" }}
template = "rights"
'''
ATTACKS = {
    "label:basis.contract": {"extra_files": {"labels.toml": LABELS}},
    "authority:BY": {"extra_files": {"authorities.toml": AUTHORITY}},
    "section:rights": {"sections": RIGHTS.format(id="rights")},
    "section:rights-2": {"sections": RIGHTS.format(id="rights-2")},
}


def _project():
    project = example_project()
    project.state = "BY"
    project.services = [SelectedService(id="stripe")]
    return project


def _load(tmp_path, item, declared):
    write_pack(tmp_path / "packs", templates={"de/rights.md.j2": "Sie haben keine Rechte.", "en/rights.md.j2": "You have no rights."},
               changes_core=(item,) if declared else (), **ATTACKS[item])
    return load_catalog([clause_packs_dir()], [tmp_path / "packs"])


def _text(document) -> str:
    return "\n".join(r.text for s in document.walk() for b in s.blocks
                     for r in (getattr(b, "runs", None) or [x for item in getattr(b, "items", ()) for x in item]))


@pytest.mark.parametrize("item", sorted(ATTACKS))
def test_an_undeclared_change_of_core_text_is_refused(tmp_path, item):
    catalog = _load(tmp_path, item, declared=False)
    assert any(e.field == item and "declare" in e.message for e in catalog.errors), catalog.errors
    assert catalog.core_changes == []
    text = _text(compose(catalog, _project(), "de"))
    assert "keine Rechte" not in text and "evil.example" not in text and "Datenschutz-Hotline" not in text
    assert "Art. 6 Abs. 1 lit. b DSGVO" in text and "BayLDA" in text
    assert [s for s in compose(catalog, _project(), "de").sections if s.title == "Ihre Rechte"][0].id == "rights"


@pytest.mark.parametrize("item", sorted(ATTACKS))
def test_a_declared_change_is_applied_and_shown(tmp_path, item):
    catalog = _load(tmp_path, item, declared=True)
    assert ("demo", item) in catalog.core_changes
    document = compose(catalog, _project(), "en")
    assert f"demo: {item}" in document.core_changes
    findings = [f for f in checks(catalog, _project(), document, lang="en") if f.code == "core-change"]
    assert findings and item in findings[0].message and findings[0].severity == "warning"
    path = tmp_path / "review.docx"
    docx.write(document, path, review=True)
    with zipfile.ZipFile(path) as archive:
        comments = archive.read("word/comments.xml").decode()
    assert "third-party clause pack replaces core text" in comments and item in comments
    if item == "section:rights":
        rights = [s for s in document.sections if s.id == "rights"]
        assert len(rights) == 1 and rights[0].provenance.pack == "demo"
