"""Shared fixtures. Before any test module imports the application, every per-user folder
(cache, data, config, state, autosave) and HOME itself point into one temporary folder, so the
suite never reads or writes the real ones; the session fails if a real one was touched."""
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

APP_DIR_NAMES = ("policy-editor", "Policy Editor")


def _real_user_folders() -> list[Path]:
    home = Path(os.environ.get("HOME") or Path.home())
    env = os.environ
    return [Path(env.get("XDG_CACHE_HOME") or home / ".cache"), Path(env.get("XDG_DATA_HOME") or home / ".local" / "share"),
            Path(env.get("XDG_CONFIG_HOME") or home / ".config"), Path(env.get("XDG_STATE_HOME") or home / ".local" / "state")]


def _app_entries(folders: list[Path]) -> dict[Path, float]:
    """Every policy-editor entry in the given folders, with its modification time."""
    found = {}
    for folder in folders:
        for name in APP_DIR_NAMES:
            path = folder / name
            if path.exists():
                found[path] = max((p.stat().st_mtime for p in [path, *path.rglob("*")]), default=0.0)
    return found


REAL_FOLDERS = _real_user_folders()
REAL_BEFORE = _app_entries(REAL_FOLDERS)
TEST_HOME = Path(tempfile.mkdtemp(prefix="policy-editor-tests-home-"))
os.environ.update(
    HOME=str(TEST_HOME),
    XDG_CACHE_HOME=str(TEST_HOME / ".cache"),
    XDG_DATA_HOME=str(TEST_HOME / ".local" / "share"),
    XDG_CONFIG_HOME=str(TEST_HOME / ".config"),
    XDG_STATE_HOME=str(TEST_HOME / ".local" / "state"),
    POLICY_EDITOR_CACHE_DIR=str(TEST_HOME / ".cache" / "policy-editor"),
)


@pytest.fixture(scope="session")
def test_home() -> Path:
    """The temporary HOME every per-user folder points into during the tests."""
    return TEST_HOME


@pytest.fixture(scope="session")
def real_user_folders() -> list[Path]:
    """The real cache, data, config and state folders, which the tests must never touch."""
    return REAL_FOLDERS


def pytest_sessionfinish(session, exitstatus):
    """Fail the run if the real per-user folders gained or changed a policy-editor entry."""
    after = _app_entries(REAL_FOLDERS)
    touched = sorted(str(p) for p, mtime in after.items() if REAL_BEFORE.get(p) != mtime)
    shutil.rmtree(TEST_HOME, ignore_errors=True)
    if touched:
        session.config.pluginmanager.get_plugin("terminalreporter").write_line(
            "the tests touched the real per-user folders: " + ", ".join(touched), red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def catalog():
    from editor.core.catalog_cache import default_catalog

    return default_catalog(include_user=False)


@pytest.fixture
def full_project(catalog):
    """The example project with every service of the catalog selected."""
    from editor.core.project import SelectedService, example_project

    project = example_project()
    project.services = [SelectedService(id=s) for s in sorted(catalog.services)]
    return project
