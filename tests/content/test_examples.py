"""The four demo projects in resources/examples: load, pass checks, and serve as golden files
(their Markdown export is compared, so every change to clause text shows up in review)."""
import os
from pathlib import Path

import pytest

from editor.core.checks import checks
from editor.core.compose import compose
from editor.core.project import load
from editor.export.markdown import render as render_md
from editor.resources import resource

EXAMPLES = sorted(resource("examples").glob("*.policy.json"))
GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "examples"


def test_four_examples_ship():
    assert {p.name.split(".")[0] for p in EXAMPLES} == {"handwerk-tischlerei", "onlineshop", "agentur-crm-ki", "saas-startup"}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_passes_checks_without_errors(catalog, path):
    project = load(path)
    assert all(s.id in catalog.services for s in project.services)
    for lang in ("de", "en"):
        errors = [f.message for f in checks(catalog, project, compose(catalog, project, lang), lang=lang) if f.severity == "error"]
        assert errors == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_example_export_matches_golden(catalog, path, lang):
    text = render_md(compose(catalog, load(path), lang))
    golden = GOLDEN / f"{path.name.split('.')[0]}.{lang}.md"
    if os.environ.get("UPDATE_GOLDEN") == "1" or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"{golden.name} changed; review and re-run with UPDATE_GOLDEN=1"
