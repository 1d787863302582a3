"""handled_by naming a selected tool of ours: who holds that tool's data holds these too — one
step only, so two tools naming each other compose without looping."""
from packtools import MINIMAL_SERVICE, write_pack

from editor.core.compose import compose
from editor.core.document import iter_runs
from editor.core.packs import load_catalog
from editor.core.project import SelectedService, example_project
from editor.resources import clause_packs_dir


def test_two_tools_naming_each_other_name_the_hoster_of_the_one_on_its_servers(tmp_path):
    services = (MINIMAL_SERVICE.format(id="tool-a").replace('role = "self_hosted"', 'role = "self_hosted"\nhandled_by = ["tool-b"]')
                + MINIMAL_SERVICE.format(id="tool-b").replace('role = "self_hosted"',
                                                              'role = "self_hosted"\nhandled_by = ["tool-a", "hosting"]'))
    write_pack(tmp_path / "packs", services=services)
    catalog = load_catalog([clause_packs_dir()], [tmp_path / "packs"])
    assert not [e for e in catalog.errors if e.file.startswith("demo")]
    project = example_project()
    project.services = [SelectedService(id=s) for s in ("ionos", "tool-a", "tool-b")]
    texts = {s.id: " ".join(r.text for b in s.blocks for r in iter_runs(b)) for s in compose(catalog, project, "en").walk()}
    assert "on servers of IONOS" in texts["service-tool-a"]  # through tool-b, whose data IONOS holds
    assert "on servers of IONOS" in texts["service-tool-b"]
    project.services = [SelectedService(id=s) for s in ("ionos", "tool-a")]  # a tool not selected names no one
    texts = {s.id: " ".join(r.text for b in s.blocks for r in iter_runs(b)) for s in compose(catalog, project, "en").walk()}
    assert "IONOS" not in texts["service-tool-a"]
