"""The demo projects in resources/examples (a trade, a shop, a shop on marketplaces, an agency, a SaaS
start-up, a physiotherapy practice, a restaurant, a coach and a sports club): load, pass checks, and serve as golden files
(their Markdown export is compared, so every change to clause text shows up in review)."""
import shutil

import pytest

from editor.core.checks import checks
from editor.core.compose import compose
from editor.core.project import load
from editor.export.markdown import render as render_md
from editor.resources import clause_packs_dir, resource
from golden_files import check_golden, compare_golden

EXAMPLES = sorted(resource("examples").glob("*.policy.json"))


def test_the_examples_ship():
    assert {p.name.split(".")[0] for p in EXAMPLES} == {
        "handwerk-tischlerei", "onlineshop", "onlineshop-marktplatz", "agentur-crm-ki", "saas-startup",
        "praxis-physiotherapie", "restaurant", "coaching", "verein",
    }


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_passes_checks_without_errors(catalog, path):
    project = load(path)
    assert all(s.id in catalog.services for s in project.services)
    for lang in ("de", "en"):
        errors = [f.message for f in checks(catalog, project, compose(catalog, project, lang), lang=lang) if f.severity == "error"]
        assert errors == []


def golden_name(path, lang: str) -> str:
    return f"examples/{path.name.split('.')[0]}.{lang}.md"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_example_export_matches_golden(catalog, path, lang):
    check_golden(golden_name(path, lang), render_md(compose(catalog, load(path), lang)))


def test_a_changed_template_sentence_fails_the_example_goldens(tmp_path):
    """The examples are the golden files for clause text: one sentence added to a core template
    must show up as a failing comparison, in the language of that template only."""
    from editor.core.packs import load_catalog

    packs = tmp_path / "clause_packs"
    shutil.copytree(clause_packs_dir(), packs)
    intro = packs / "core" / "templates" / "de" / "intro.md.j2"
    lines = intro.read_text(encoding="utf-8").splitlines(keepends=True)
    plain = next(n for n, line in enumerate(lines) if line.strip() and "{" not in line)  # a line of pure text
    lines[plain] = lines[plain].rstrip("\n") + " Dieser Satz ist neu.\n"
    intro.write_text("".join(lines), encoding="utf-8")
    changed = load_catalog([packs])
    assert changed.errors == []
    path = resource("examples", "onlineshop.policy.json")
    with pytest.raises(AssertionError, match=r"(?s)onlineshop.de.md differs.*\n\+.*Dieser Satz ist neu\."):
        compare_golden(golden_name(path, "de"), render_md(compose(changed, load(path), "de")))
    compare_golden(golden_name(path, "en"), render_md(compose(changed, load(path), "en")))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_english_recipient_line_agrees_in_number(catalog, path):
    """One processor is "Recipient: … (processor, see there)", several "Recipients: … (processors" (walk8 10)."""
    lines = [line for line in render_md(compose(catalog, load(path), "en")).splitlines()
             if line.startswith("**Recipient") and "see there" in line]
    for line in lines:
        names = line.split(":** ", 1)[1].split(" (processor")[0].split(", ")
        one = len(names) == 1
        assert line.startswith("**Recipient:**" if one else "**Recipients:**"), line
        assert ("(processor, see there)" if one else "(processors, see there)") in line, line
