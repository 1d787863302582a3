"""The data folders must reach an installed wheel, found through the one resource locator."""
import os
from pathlib import Path

import pytest

import editor
import tools
from editor.resources import clause_packs_dir, data_root, resource

REPO = Path(__file__).resolve().parents[1]


def test_data_folders_are_found():
    assert (clause_packs_dir() / "core" / "pack.toml").is_file()
    assert data_root("resources").is_dir()
    assert resource("html").is_dir()


@pytest.mark.skipif(os.environ.get("POLICY_EDITOR_EXPECT_INSTALLED") != "1", reason="only when CI installed the wheel")
def test_running_against_the_installed_wheel_not_the_source_tree():
    package = Path(editor.__file__).resolve().parent
    assert package != REPO / "editor" and "site-packages" in package.parts, \
        f"tests imported the source tree ({package}), not the installed wheel"
    assert clause_packs_dir() == package / "_data" / "clause_packs"
    assert data_root("resources") == package / "_data" / "resources"


@pytest.mark.skipif(not tools.REQUIRED, reason="only where the export tools are required (CI)")
def test_ci_has_the_tools_the_export_checks_need():
    """Tests that open exports in LibreOffice or poppler skip without them on a developer's
    machine; where the tools are required they must all be there."""
    import shutil

    assert shutil.which("soffice"), "LibreOffice missing: DOCX exports would go unchecked"
    assert shutil.which("pdfinfo") and shutil.which("pdftotext"), "poppler-utils missing: PDF exports would go unchecked"
    assert any(Path(p).exists() for p in tools.DRAW_LIBRARIES), "LibreOffice Draw missing: PDF import untested"


@pytest.mark.skipif(os.environ.get("POLICY_EDITOR_EXPECT_INSTALLED") != "1", reason="only when CI installed the wheel")
def test_installed_wheel_ships_every_bundled_template_compiled():
    """The wheel build compiles the bundled templates (hatch_build.py); a first start then
    compiles none of them (editor.core.template_code)."""
    from editor.core import template_code
    from editor.core.packs import load_catalog

    assert template_code.FILE.is_file(), "the wheel carries no compiled templates"
    store = load_catalog([clause_packs_dir()]).templates
    missing = [name for name, (source, filename) in store.sources.items()
               if store._shipped.code(name, source, filename) is None]
    assert store.sources and not missing, f"compiled at run time: {missing}"


@pytest.mark.skipif(os.environ.get("POLICY_EDITOR_EXPECT_INSTALLED") != "1", reason="only when CI installed the wheel")
def test_installed_wheel_ships_the_start_up_toml_parsed():
    """The wheel build parses the TOML files the start-up reads (hatch_build.py); a start then
    needs no tomllib for them (editor.core.tomldata)."""
    from editor.core import tomldata

    missing = [path.name for path in tomldata.sources() if not (tomldata.FOLDER / tomldata.stored_name(path.read_bytes())).is_file()]
    assert not missing, f"parsed at run time: {missing}"
