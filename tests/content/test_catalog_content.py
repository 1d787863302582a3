"""The bundled catalog's content.

The legal and authoring rules (a legal basis for every purpose, third-country safeguards,
§ 25 TDDDG, current law, https, German and English alike) run at load for every pack
(editor/core/packrules.py, tested in tests/core/test_pack_rules.py); here the bundled pack must
load with zero findings. What stays are checks no load rule covers: breadth, complete facts,
current law in the files the rules do not read, and every option combination rendered."""
import datetime as dt
import itertools

import pytest

from editor.core.compose import compose
from editor.core.packrules import outdated_law, record_texts
from editor.core.document import Box, BulletList, Table, iter_runs
from editor.core.catalog_cache import default_catalog
from editor.core.project import SelectedService, example_project
from editor.resources import clause_packs_dir

CATALOG = default_catalog(include_user=False)
SERVICES = sorted(CATALOG.services.values(), key=lambda s: s.id)


def test_breadth_at_least_120_services_in_12_categories():
    assert len(SERVICES) >= 120
    assert len({s.category for s in SERVICES}) >= 12


def test_the_bundled_pack_loads_with_zero_findings():
    """Not one error or warning of any rule: the bundled pack keeps every rule it imposes."""
    assert [str(e) for e in CATALOG.errors] == []


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.id)
def test_facts_complete_in_both_languages(service):
    for field, text in record_texts(service):
        for lang in ("de", "en"):
            assert text.get(lang).strip(), f"empty {lang} text in {field}"
    assert len(service.data.de) == len(service.data.en) > 0
    assert service.keywords
    if service.role != "self_hosted":
        p = service.provider
        assert p is not None and p.entity.strip() and p.address.strip() and len(p.country) == 2
    assert service.sources, "record where the facts were checked"
    assert dt.date(2025, 1, 1) <= service.verified <= dt.date.today(), "verification date missing or implausible"


def test_no_outdated_law_names_in_any_pack_file():
    """Also the files and keys the load rules do not read: authorities, the
    manifest, keywords, open points."""
    for path in clause_packs_dir().rglob("*"):
        if path.suffix in (".toml", ".j2"):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if line.lstrip().startswith("#"):
                    continue
                assert not list(outdated_law(line)), f"{path.name}:{n}: {line.strip()[:100]}"


def option_combinations(service):
    values = []
    for o in service.options:
        if o.type == "bool":
            values.append([(o.id, True), (o.id, False)])
        elif o.type == "choice":
            values.append([(o.id, c.value) for c in o.choices])
        elif o.type == "int":
            values.append(sorted({(o.id, o.default), (o.id, o.min if o.min is not None else 0), (o.id, o.max if o.max is not None else 10_000)}))
        else:
            values.append([(o.id, o.default), (o.id, "Müller & *Söhne* [GmbH]")])
    combos = list(itertools.product(*values))
    return combos[:64]  # more than enough to reach every branch of a record's text


def shape(blocks):
    """The block structure of a section, language-independent."""
    out = []
    for b in blocks:
        if isinstance(b, BulletList):
            out.append(("list", len(b.items)))
        elif isinstance(b, Table):
            out.append(("table", len(b.rows)))
        elif isinstance(b, Box):
            out.append(("box", shape(b.blocks)))
        else:
            out.append(type(b).__name__)
    return out


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.id)
def test_every_option_combination_renders_in_both_languages_alike(service):
    for combo in option_combinations(service):
        sections = {}
        for lang in ("de", "en"):
            project = example_project()
            project.services = [SelectedService(id=service.id, options=dict(combo))]
            document = compose(CATALOG, project, lang)
            section = next(s for s in document.walk() if s.id == f"service-{service.id}")
            text = " ".join(r.text for b in section.blocks for r in iter_runs(b))
            assert "{{" not in text and "{%" not in text and "}}" not in text, "template syntax leaked"
            assert not list(outdated_law(text))
            assert not any(r.placeholder for b in section.blocks for r in iter_runs(b)), "placeholder in a service text"
            sections[lang] = section
        # German is the reference; English says the same, paragraph for paragraph
        assert shape(sections["de"].blocks) == shape(sections["en"].blocks), combo
