"""Core benchmarks (pytest-benchmark; run with --benchmark-only). Bars from DESIGN.md:
full-catalog DOCX export ≤ 300 ms; a synthetic catalog of 1,000 services loads in ≤ 1 s and
composes in ≤ 100 ms. No assertions on time here — machines are noisy; read the report."""
import textwrap

import pytest

from editor.core.compose import _SERVICE_CACHE, compose
from editor.core.packs import default_catalog, load_catalog
from editor.core.project import SelectedService, example_project
from editor.resources import clause_packs_dir


@pytest.fixture(scope="module")
def document(catalog):
    project = example_project()
    project.services = [SelectedService(id=s) for s in catalog.services]
    return compose(catalog, project, "de")


def test_catalog_load(benchmark):
    """What every start after the first pays: the validated catalog from the per-user cache."""
    catalog = benchmark(default_catalog, False)
    assert not catalog.errors


def test_catalog_load_uncached(benchmark):
    """The first start, or after a pack changed: parse and validate every TOML file."""
    catalog = benchmark(load_catalog, [clause_packs_dir()])
    assert not catalog.errors and len(catalog.services) >= 120


def test_compose_full_catalog_cold(benchmark, catalog, full_project):
    def cold():
        _SERVICE_CACHE.clear()
        return compose(catalog, full_project, "de")

    assert benchmark(cold).sections


def test_compose_full_catalog_after_one_edit(benchmark, catalog, full_project):
    """What the preview pays per keystroke: services cached, fixed sections re-rendered."""
    compose(catalog, full_project, "de")
    counter = iter(range(10**9))

    def edit():
        full_project.controller.name = f"Firma {next(counter)}"
        return compose(catalog, full_project, "de")

    assert benchmark(edit).sections


@pytest.mark.parametrize("fmt", ["docx", "html", "md", "txt"])
def test_export_full_catalog(benchmark, document, tmp_path, fmt):
    from editor.export import export

    path = tmp_path / f"out.{fmt}"
    benchmark(export, document, path, fmt)
    assert path.stat().st_size > 10_000


def test_export_full_catalog_docx_review(benchmark, document, tmp_path):
    from editor.export import export

    path = tmp_path / "review.docx"
    benchmark(export, document, path, "docx", review=True)
    assert path.stat().st_size > 10_000


SYNTH = '''
[[service]]
id = "synthetic-{n}"
category = "analytics"
version = "1"
names = {{ de = "Synthetischer Dienst {n}", en = "Synthetic service {n}" }}
keywords = ["synthetisch", "test{n}"]
role = "processor"
device_access = true
verified = 2026-11-21
sources = ["https://example.org/{n}"]
description = {{ de = "Ein Dienst für Messungen Nummer {n}.", en = "A service for benchmark number {n}." }}
data = {{ de = ["IP-Adresse", "Gerätedaten"], en = ["IP address", "device data"] }}
retention = {{ de = "{{{{ options.days }}}} Tage.", en = "{{{{ options.days }}}} days." }}

[service.provider]
entity = "Synthetic {n} Ltd"
address = "{n} Example Street, Dublin"
country = "IE"
privacy_url = "https://example.org/privacy/{n}"

[service.transfer]
countries = ["US"]
safeguard = "dpf_scc"
recipient = "Synthetic Inc."

[[service.purposes]]
text = {{ de = "Statistik.", en = "Statistics." }}
basis = "consent"

[[service.options]]
id = "days"
type = "int"
default = {n}
label = {{ de = "Tage", en = "Days" }}
'''


@pytest.fixture(scope="module")
def synthetic_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("synthetic")
    pack = root / "synthetic"
    (pack / "services").mkdir(parents=True)
    (pack / "pack.toml").write_text(textwrap.dedent('''
        id = "synthetic"
        version = "1"
        licence = "test"
        title = { de = "Synthetisch", en = "Synthetic" }
    '''), encoding="utf-8")
    for chunk in range(10):  # 10 files × 100 records
        text = "".join(SYNTH.format(n=chunk * 100 + i) for i in range(100))
        (pack / "services" / f"s{chunk}.toml").write_text(text, encoding="utf-8")
    return root


def test_synthetic_1000_services_load(benchmark, synthetic_root):
    catalog = benchmark(load_catalog, [clause_packs_dir(), synthetic_root])
    assert sum(s.startswith("synthetic-") for s in catalog.services) == 1000 and not catalog.errors


def test_synthetic_1000_services_compose(benchmark, synthetic_root):
    catalog = load_catalog([clause_packs_dir(), synthetic_root])
    project = example_project()
    project.services = [SelectedService(id=s) for s in catalog.services if s.startswith("synthetic-")]

    def cold():
        _SERVICE_CACHE.clear()
        return compose(catalog, project, "de")

    document = benchmark(cold)
    assert sum(len(s.subsections) for s in document.sections) == 1000
