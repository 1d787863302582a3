"""The catalog's content: complete facts in both languages, a legal basis for every purpose,
current law only, https everywhere, and every option combination renders in both languages."""
import datetime as dt
import itertools
import re

import pytest

from editor.core.compose import compose
from editor.core.countries import EEA, ADEQUATE
from editor.core.document import Box, BulletList, Table, iter_runs
from editor.core.catalog_cache import default_catalog
from editor.core.project import SelectedService, example_project
from editor.resources import clause_packs_dir

CATALOG = default_catalog(include_user=False)
SERVICES = sorted(CATALOG.services.values(), key=lambda s: s.id)
OUTDATED = re.compile(r"TTDSG|Privacy[ -]Shield|Safe[ -]Harbou?r|Telemediengesetz|\bTMG\b|2010/87|2001/497|"
                      r"Telemedien|§ ?7 Abs\. ?2 Nr\. ?3 UWG")
URL = re.compile(r"\b(?:https?|ftp)://[^\s)\"'>\]]+")


def texts(service, lang):
    """Every visitor-facing text of a record in one language."""
    yield service.names.get(lang)
    yield service.description.get(lang)
    yield service.retention.get(lang)
    yield from getattr(service.data, lang)
    for p in service.purposes:
        yield p.text.get(lang)
        if p.interest:
            yield p.interest.get(lang)
    for t in (service.withdrawal, service.joint_control, service.text, service.transfer and service.transfer.note):
        if t:
            yield t.get(lang)
    for o in service.options:
        yield o.label.get(lang)
        if o.help:
            yield o.help.get(lang)
        for c in o.choices:
            yield c.label.get(lang)


def test_breadth_at_least_120_services_in_12_categories():
    assert len(SERVICES) >= 120
    assert len({s.category for s in SERVICES}) >= 12


def test_the_bundled_pack_loads_cleanly():
    assert CATALOG.errors == []


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.id)
def test_facts_complete_in_both_languages(service):
    for lang in ("de", "en"):
        for text in texts(service, lang):
            assert text.strip(), f"empty {lang} text"
    assert len(service.data.de) == len(service.data.en) > 0
    assert service.keywords
    if service.role != "self_hosted":
        p = service.provider
        assert p is not None and p.entity.strip() and p.address.strip() and len(p.country) == 2
    assert service.sources, "record where the facts were checked"
    assert dt.date(2025, 1, 1) <= service.verified <= dt.date.today(), "verification date missing or implausible"


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.id)
def test_every_purpose_has_a_basis_and_f_names_the_interest(service):
    assert service.purposes
    for purpose in service.purposes:
        assert purpose.basis in ("consent", "contract", "legal_obligation", "vital_interest", "public_task", "legitimate_interest")
        if purpose.basis == "legitimate_interest":
            assert purpose.interest and purpose.interest.de.strip() and purpose.interest.en.strip()


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.id)
def test_third_country_recipients_have_a_safeguard(service):
    transfer = service.transfer
    if service.provider and service.provider.country not in EEA:
        assert transfer and service.provider.country in transfer.countries, \
            f"provider sits in {service.provider.country}: the record must declare that transfer"
    if transfer and transfer.countries:
        assert transfer.safeguard != "none"
        if "US" in transfer.countries:
            assert transfer.safeguard in ("dpf_scc", "scc", "bcr"), "a US recipient needs DPF/SCC/BCR"
        if transfer.safeguard == "adequacy":
            assert set(transfer.countries) <= ADEQUATE, "adequacy used for a country without a decision"


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.id)
def test_device_access_means_consent(service):
    """Tracking and marketing tools reading the device need consent (§ 25 TDDDG)."""
    if service.device_access and service.category in ("analytics", "advertising", "embeds", "maps"):
        assert any(p.basis == "consent" for p in service.purposes)


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.id)
def test_no_outdated_law_and_only_https(service):
    for lang in ("de", "en"):
        for text in texts(service, lang):
            assert not OUTDATED.search(text), f"outdated law name in: {text[:80]}"
            for url in URL.findall(text):
                assert url.startswith("https://"), url
    if service.provider:
        assert service.provider.privacy_url.startswith("https://")
    for source in service.sources:
        assert source.startswith(("https://", "legal-facts.md")), source


def test_no_outdated_law_names_in_any_pack_file():
    for path in clause_packs_dir().rglob("*"):
        if path.suffix in (".toml", ".j2"):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if line.lstrip().startswith("#"):
                    continue
                assert not OUTDATED.search(line), f"{path.name}:{n}: {line.strip()[:100]}"


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
            assert not OUTDATED.search(text)
            assert not any(r.placeholder for b in section.blocks for r in iter_runs(b)), "placeholder in a service text"
            sections[lang] = section
        # German is the reference; English says the same, paragraph for paragraph
        assert shape(sections["de"].blocks) == shape(sections["en"].blocks), combo
