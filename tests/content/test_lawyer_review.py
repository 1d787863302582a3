"""A data-protection lawyer's reading of the shortened policies (issue #12 point 14), in both
languages: each test names a finding and checks the rendered text."""
import pytest

from editor.core.compose import compose
from editor.core.document import iter_runs
from editor.core.project import SelectedService, example_project
from test_special_categories import CATALOG


def _text(services, lang, section_id):
    project = example_project()
    project.services = [SelectedService(id=s) for s in services]
    document = compose(CATALOG, project, lang)
    section = next(s for s in document.walk() if s.id == section_id)
    text = " ".join("".join(r.text for r in iter_runs(b)) for b in section.blocks)
    return " ".join(text.split())


@pytest.mark.parametrize("service_id", ["jtl-wawi", "lexware-desktop"])
def test_software_on_our_own_computers_is_not_placed_on_the_web_hosters_servers(service_id):
    """'runs on our own computers' and 'on the servers of STRATO' cannot both be true."""
    de = _text(["strato", service_id], "de", f"service-{service_id}")
    en = _text(["strato", service_id], "en", f"service-{service_id}")
    assert "eigenen Rechnern" in de and "own computers" in en
    assert "STRATO" not in de and "STRATO" not in en


def test_portability_is_stated_with_its_scope():
    """Art. 20 covers only data provided on consent or contract; an unconditional right promises more."""
    de = _text(["strato"], "de", "rights")
    en = _text(["strato"], "en", "rights")
    assert "Datenübertragbarkeit für Daten, die Sie uns mit Einwilligung oder für einen Vertrag" in de
    assert "data portability for data you gave us with your consent or for a contract" in en
