"""Smoke test of the frozen app (PyInstaller bundle) and the Debian package built around it.

Slow (the build takes minutes), so it runs only with POLICY_EDITOR_BUILD_BUNDLE=1. It builds
through installer/build.py, or reuses a bundle when POLICY_EDITOR_BUNDLE_DIR names one
(e.g. dist/policy-editor). Every output of the frozen app must equal what the source install
writes for the same project. Sizes and the start time are printed (run pytest with -s).
"""
from __future__ import annotations

import configparser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

import editor

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("POLICY_EDITOR_BUILD_BUNDLE") != "1",
                       reason="set POLICY_EDITOR_BUILD_BUNDLE=1 to build and test the frozen app"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the smoke test runs on Linux"),
]

REPO = Path(__file__).resolve().parents[2]
BUILD = REPO / "installer" / "build.py"
MAX_BUNDLE_MIB = 120
FORMATS = ("docx", "html", "md", "txt", "pdf")
SCREEN = (1280, 800)


def _arch() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture(scope="session")
def bundle() -> Path:
    given = os.environ.get("POLICY_EDITOR_BUNDLE_DIR")
    if given:
        folder = Path(given).resolve()
        assert (folder / "policy-editor").is_file(), f"POLICY_EDITOR_BUNDLE_DIR={given} holds no policy-editor executable"
        deb = folder.parent / f"policy-editor_{editor.__version__}_{_arch()}.deb"
        if not deb.is_file():  # package the given bundle
            subprocess.run([sys.executable, str(BUILD), "--skip-bundle", "--dist", str(folder.parent)], check=True)
        return folder
    started = time.perf_counter()
    subprocess.run([sys.executable, str(BUILD)], check=True, cwd=REPO)
    print(f"\n[frozen] build (PyInstaller + .deb): {time.perf_counter() - started:.0f} s")
    return REPO / "dist" / "policy-editor"


@pytest.fixture(scope="session")
def deb(bundle) -> Path:
    path = bundle.parent / f"policy-editor_{editor.__version__}_{_arch()}.deb"
    assert path.is_file(), f"{path} was not built"
    return path


@pytest.fixture(scope="session")
def env(tmp_path_factory) -> dict:
    """Headless, and a fresh home: no user packs, settings or autosaves of whoever runs this."""
    home = tmp_path_factory.mktemp("home")
    result = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
                  XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"), LC_ALL="C.UTF-8")
    result.pop("PYTHONPATH", None)
    return result


def frozen(bundle: Path, env: dict, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run([str(bundle / "policy-editor"), *args], capture_output=True, env=env, cwd=cwd, timeout=300)
    assert result.returncode == 0, f"frozen {' '.join(args)} failed:\n{result.stderr.decode(errors='replace')}"
    return result


def source(env: dict, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The same command through the `editor` package these tests import (wheel or source tree)."""
    env = dict(env, PYTHONPATH=str(Path(editor.__file__).resolve().parent.parent))
    result = subprocess.run([sys.executable, "-m", "editor", *args], capture_output=True, env=env, cwd=cwd, timeout=300)
    assert result.returncode == 0, f"source {' '.join(args)} failed:\n{result.stderr.decode(errors='replace')}"
    return result


@pytest.fixture(scope="session")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("frozen")


@pytest.fixture(scope="session")
def project(bundle, env, work) -> Path:
    """The example company with every service of the catalog, created by the frozen app."""
    from editor.core.catalog_cache import default_catalog

    services = [a for sid in sorted(default_catalog(include_user=False).services) for a in ("--service", sid)]
    frozen(bundle, env, "new", "--example", "-o", "x.policy.json", *services, cwd=work)
    return work / "x.policy.json"


def test_bundle_size_and_layout(bundle):
    kib = int(subprocess.run(["du", "-sk", str(bundle)], capture_output=True, text=True, check=True).stdout.split()[0])
    print(f"\n[frozen] bundle on disk (du -sk): {kib / 1024:.1f} MiB = {kib * 1024 / 1e6:.1f} MB")
    assert kib < MAX_BUNDLE_MIB * 1024, f"the bundle grew to {kib / 1024:.0f} MiB (limit {MAX_BUNDLE_MIB})"
    internal = bundle / "_internal"
    # editor/resources.py looks for exactly these names under sys._MEIPASS
    assert (internal / "clause_packs" / "core" / "pack.toml").is_file()
    assert (internal / "resources" / "translations" / "policy_editor_de.qm").is_file()
    assert not list((internal / "resources").rglob("*.ts")), "translation sources do not belong in the bundle"
    qt_translations = sorted(p.name for p in internal.rglob("qt*.qm"))
    assert qt_translations == ["qtbase_de.qm", "qtbase_en.qm"]
    # what the spec keeps out: unused Qt modules, the GTK theme's stack, OpenSSL, Tk
    for excluded in ("QtNetwork*", "libQt6Network*", "QtQml*", "libQt6Quick*", "libgtk*", "libqgtk3*",
                     "libssl*", "_ssl*", "_tkinter*", "libtk*", "libqjpeg*"):
        assert not list(internal.rglob(excluded)), f"{excluded} is in the bundle"


def test_version(bundle, env, work):
    assert frozen(bundle, env, "--version", cwd=work).stdout.decode().strip() == f"policy-editor {editor.__version__}"


def test_catalog_json_equals_the_source_install(bundle, env, work):
    mine = frozen(bundle, env, "catalog", "--json", cwd=work).stdout
    theirs = source(env, "catalog", "--json", cwd=work).stdout
    assert len(json.loads(mine)) == len(json.loads(theirs)) > 100
    assert mine == theirs


def test_new_project_equals_the_source_install(project, env, work):
    services = [a for s in json.loads(project.read_text(encoding="utf-8"))["services"] for a in ("--service", s["id"])]
    source(env, "new", "--example", "-o", "y.policy.json", *services, cwd=work)
    assert project.read_bytes() == (work / "y.policy.json").read_bytes()


def _in_process_export(project: Path, out: Path, fmt: str) -> None:
    from editor.core.compose import compose
    from editor.core.catalog_cache import default_catalog
    from editor.core.export_gate import as_exported
    from editor.core.project import load
    from editor.export import export

    loaded = load(project)
    catalog = default_catalog(include_user=False)
    document = compose(catalog, loaded, loaded.languages[0])
    export(as_exported(catalog, loaded, document), out, fmt)  # as `export` writes it: open errors marked as a draft


def _pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", data))


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_equals_the_source_install(bundle, env, work, project, fmt):
    mine, theirs = work / f"frozen.{fmt}", work / f"source.{fmt}"
    frozen(bundle, env, "export", project.name, "-o", mine.name, cwd=work)
    _in_process_export(project, theirs, fmt)
    if fmt in ("html", "md", "txt"):
        assert mine.read_bytes() == theirs.read_bytes()
    elif fmt == "docx":
        with zipfile.ZipFile(mine) as a, zipfile.ZipFile(theirs) as b:
            assert a.read("word/document.xml") == b.read("word/document.xml")
            assert sorted(a.namelist()) == sorted(b.namelist())
    else:
        data = mine.read_bytes()
        assert data.startswith(b"%PDF")
        assert _pdf_pages(data) == _pdf_pages(theirs.read_bytes()) > 1


def test_review_docx_works_frozen(bundle, env, work, project):
    # python-docx finds its templates through docx/parts/../templates on disk (see the spec)
    frozen(bundle, env, "export", project.name, "-o", "review.docx", "--review", cwd=work)
    with zipfile.ZipFile(work / "review.docx") as z:
        assert "word/comments.xml" in z.namelist()


def test_screenshot_and_start_time(bundle, env, work, project):
    """Start to window shown, measured end to end: process start, Qt, the window with the
    project, one paint, the PNG written, exit. The second run is the warm one users see."""
    times = []
    for n in range(2):
        out = work / f"shot{n}.png"
        started = time.perf_counter()
        frozen(bundle, env, "screenshot", project.name, "-o", out.name, "--size", "x".join(map(str, SCREEN)), cwd=work)
        times.append(time.perf_counter() - started)
        data = out.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == SCREEN
    started = time.perf_counter()
    source(env, "screenshot", project.name, "-o", "source.png", "--size", "x".join(map(str, SCREEN)), cwd=work)
    source_time = time.perf_counter() - started
    # Same Qt, same resources, same translations: the frozen window must look exactly the same.
    assert (work / "shot1.png").read_bytes() == (work / "source.png").read_bytes(), \
        "the frozen app's window differs from the source install's (missing icon, translation or plugin?)"
    print(f"\n[frozen] `policy-editor screenshot` end to end (start → window shown → PNG → exit): "
          f"cold {times[0]:.2f} s, warm {times[1]:.2f} s; source install {source_time:.2f} s")


def test_gui_opens_a_project_file_and_keeps_running(bundle, env, work, project):
    """What the desktop entry runs (Exec=policy-editor %f): the window stays up until closed."""
    process = subprocess.Popen([str(bundle / "policy-editor"), str(project)], env=env, cwd=work,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        time.sleep(4)
        assert process.poll() is None, f"the app exited with {process.returncode}: {process.stderr.read().decode(errors='replace')}"
    finally:
        process.terminate()
        process.communicate(timeout=30)


# ------------------------------------------------------------------------------- the .deb
@pytest.fixture(scope="session")
def unpacked(deb, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("deb")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    subprocess.run(["dpkg-deb", "-e", str(deb), str(root / "DEBIAN")], check=True)
    print(f"\n[frozen] .deb: {deb.stat().st_size / 1e6:.1f} MB ({deb.name})")
    return root


def _control(unpacked: Path) -> dict:
    fields, key = {}, None
    for line in (unpacked / "DEBIAN" / "control").read_text(encoding="utf-8").splitlines():
        if line.startswith(" ") and key:
            fields[key] += "\n" + line
        else:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


def test_deb_control(unpacked):
    fields = _control(unpacked)
    assert fields["Package"] == "policy-editor"
    assert fields["Version"] == editor.__version__
    assert fields["Architecture"] == _arch()
    assert re.fullmatch(r".+ <[^@\s]+@[^@\s]+>", fields["Maintainer"])
    assert int(fields["Installed-Size"]) > 50_000  # KiB; the bundle itself
    depends = {d.strip() for d in fields["Depends"].split(",")}
    assert {"libegl1", "libgl1", "libfontconfig1", "libxkbcommon0", "libxkbcommon-x11-0", "libdbus-1-3",
            "libxcb-cursor0"} <= depends
    for script in ("postinst", "postrm"):
        path = unpacked / "DEBIAN" / script
        assert os.access(path, os.X_OK)
        text = path.read_text()
        assert "update-desktop-database" in text and "update-mime-database" in text
        assert subprocess.run(["sh", "-n", str(path)]).returncode == 0


def _owner(path: str) -> str | None:
    """The Debian package of a library file; dpkg may know it under /lib or /usr/lib (usrmerge)."""
    candidates = []
    for p in dict.fromkeys([path, os.path.realpath(path)]):
        candidates += [p, p[4:] if p.startswith("/usr/") else "/usr" + p]
    for candidate in candidates:
        owner = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if owner.returncode == 0:
            return owner.stdout.split(":")[0]
    return None


def test_deb_depends_covers_every_system_library(unpacked):
    """Each library the app links but does not carry belongs to a package in Depends."""
    depends = {d.strip() for d in _control(unpacked)["Depends"].split(",")}
    app = unpacked / "opt" / "policy-editor"
    present = {p.name for p in app.rglob("*")}
    needed = set()
    for path in app.rglob("*"):
        if path.is_file() and not path.is_symlink() and path.read_bytes()[:4] == b"\x7fELF":
            out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
            needed |= set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))
    ldconfig = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout
    missing = []
    for soname in sorted(needed - present):
        match = re.search(rf"^\s*{re.escape(soname)} \(.*\) => (\S+)$", ldconfig, re.M)
        if not match:
            missing.append(f"{soname} (not installed here)")
            continue
        package = _owner(match.group(1))
        if package not in depends:
            missing.append(f"{soname} ({package or 'no package'})")
    assert not missing, f"not covered by Depends: {', '.join(missing)}"


def test_deb_desktop_entry(unpacked):
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(unpacked / "usr" / "share" / "applications" / "policy-editor.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "policy-editor %f"
    assert entry["Icon"] == "policy-editor"
    assert "application/x-policy-editor-project" in entry["MimeType"].split(";")
    assert "Office" in entry["Categories"].split(";")
    assert entry["Name"] and entry["Name[de]"] and entry["Comment"] and entry["Comment[de]"]
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(unpacked / "usr/share/applications/policy-editor.desktop")],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    # Exec and Icon resolve inside the package
    launcher = unpacked / "usr" / "bin" / "policy-editor"
    assert os.access(launcher, os.X_OK) and "/opt/policy-editor/policy-editor" in launcher.read_text()
    icons = unpacked / "usr" / "share" / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / "policy-editor.svg").is_file()
    sizes = sorted(int(p.parent.parent.name.split("x")[0]) for p in icons.glob("*x*/apps/policy-editor.png"))
    assert 48 in sizes and 256 in sizes, sizes
    for png in icons.glob("*x*/apps/policy-editor.png"):
        side = int(png.parent.parent.name.split("x")[0])
        assert struct.unpack(">II", png.read_bytes()[16:24]) == (side, side), png


def test_deb_mime_type(unpacked):
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(unpacked / "usr" / "share" / "mime" / "packages" / "policy-editor.xml").getroot()
    mime = root.find("m:mime-type", ns)
    assert mime.get("type") == "application/x-policy-editor-project"
    assert [g.get("pattern") for g in mime.findall("m:glob", ns)] == ["*.policy.json"]
    assert mime.find("m:sub-class-of", ns).get("type") == "application/json"
    comments = {c.get("{http://www.w3.org/XML/1998/namespace}lang"): c.text for c in mime.findall("m:comment", ns)}
    assert comments.get(None) and comments.get("de")


def test_deb_app_runs_from_the_package(unpacked, env, work):
    app = unpacked / "opt" / "policy-editor" / "policy-editor"
    assert app.is_file() and os.access(app, os.X_OK)
    result = subprocess.run([str(app), "catalog", "--json"], capture_output=True, env=env, cwd=work, timeout=120)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert len(json.loads(result.stdout)) > 100
