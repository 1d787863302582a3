import os
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def catalog():
    from editor.core.packs import default_catalog

    return default_catalog(include_user=False)


@pytest.fixture
def full_project(catalog):
    """The example project with every service of the catalog selected."""
    from editor.core.project import SelectedService, example_project

    project = example_project()
    project.services = [SelectedService(id=s) for s in sorted(catalog.services)]
    return project


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Tests never read or write the user's real cache folder."""
    os.environ["POLICY_EDITOR_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
