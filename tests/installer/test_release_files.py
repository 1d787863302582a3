"""Fast checks of the release files: one version everywhere, templates that fill and parse.

The frozen app itself is tested in test_frozen_app.py (slow, opt-in).
"""
from __future__ import annotations

import configparser
import importlib.util
import plistlib
import re
from pathlib import Path

import pytest

import editor

REPO = Path(__file__).resolve().parents[2]
INSTALLER = REPO / "installer"


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("policy_editor_build", INSTALLER / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _releases() -> list[tuple[str, str, str]]:
    """(version, date, body) of each release heading in CHANGELOG.md, newest first."""
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    heads = list(re.finditer(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", text, re.M))
    return [(m.group(1), m.group(2), text[m.end(): heads[i + 1].start() if i + 1 < len(heads) else len(text)])
            for i, m in enumerate(heads)]


def test_changelog_newest_version_is_the_package_version():
    releases = _releases()
    assert releases, "CHANGELOG.md has no release heading like '## [0.1.0] - 2026-11-21'"
    assert releases[0][0] == editor.__version__


def test_changelog_releases_are_ordered_and_bilingual():
    releases = _releases()
    versions = [tuple(map(int, v.split("."))) for v, _, _ in releases]
    assert versions == sorted(versions, reverse=True) and len(set(versions)) == len(versions)
    for version, _date, body in releases:
        assert "### Kurzfassung" in body, f"release {version} lacks its German summary"
        assert re.search(r"^### (Added|Changed|Fixed|Removed|Deprecated|Security)$", body, re.M), version


def test_build_reads_the_version_and_name_the_package_has(build):
    # build.py and the spec read editor/__init__.py as text; a reformatted line must not slip by
    assert build.package_field("__version__") == editor.__version__
    assert build.package_field("APP_NAME") == editor.APP_NAME


def test_fill_refuses_a_leftover_placeholder(build, tmp_path):
    template = tmp_path / "t.txt"
    template.write_text("Version: @VERSION@\nArch: @ARCH@\n")
    assert build.fill(template, version="1.2.3", arch="amd64") == "Version: 1.2.3\nArch: amd64\n"
    with pytest.raises(SystemExit, match="@ARCH@"):
        build.fill(template, version="1.2.3")


def test_debian_control_template_fills_completely(build):
    text = build.fill(INSTALLER / "linux" / "control", version="0.1.0", arch="amd64", installed_size="1",
                      maintainer=build.MAINTAINER, depends="libc6")
    keys = [line.split(":")[0] for line in text.splitlines() if line and not line.startswith(" ")]
    assert keys[:2] == ["Package", "Version"] and "Description" in keys and "Depends" in keys


def test_desktop_entry_template():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(INSTALLER / "linux" / "policy-editor.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Exec"] == "policy-editor %f" and entry["Icon"] == "policy-editor"
    mime = (INSTALLER / "linux" / "policy-editor.xml").read_text(encoding="utf-8")
    assert f'type="{entry["MimeType"].rstrip(";")}"' in mime


def test_macos_info_plist_template():
    text = (INSTALLER / "macos" / "Info.plist").read_text(encoding="utf-8")
    plist = plistlib.loads(text.replace("@VERSION@", "0.1.0").replace("@APP_NAME@", "Policy Editor").encode())
    assert plist["CFBundleShortVersionString"] == "0.1.0"
    exported = {t["UTTypeIdentifier"]: t for t in plist["UTExportedTypeDeclarations"]}
    owned = [d for d in plist["CFBundleDocumentTypes"] if d["LSHandlerRank"] == "Owner"]
    assert owned and set(owned[0]["LSItemContentTypes"]) <= set(exported)
    uti = exported[owned[0]["LSItemContentTypes"][0]]
    assert "public.json" in uti["UTTypeConformsTo"]
    assert uti["UTTypeTagSpecification"]["public.filename-extension"] == ["policy.json"]


def test_inno_setup_script_takes_the_version_from_the_build():
    iss = (INSTALLER / "windows" / "policy-editor.iss").read_text(encoding="utf-8")
    # build.py passes /DAppVersion=…; the script must not carry a version of its own
    assert re.search(r"#ifndef AppVersion\s+#define AppVersion \"0\.0\.0\"", iss)
    assert "AppVersion={#AppVersion}" in iss and "OutputBaseFilename=policy-editor-{#AppVersion}-setup" in iss
