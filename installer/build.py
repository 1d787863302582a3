#!/usr/bin/env python3
"""Build the release of Policy Editor for the machine this runs on.

    python installer/build.py                 # bundle + installer for this OS
    python installer/build.py --skip-bundle   # reuse dist/policy-editor, only package again

1. PyInstaller (installed into the running Python if missing) turns installer/policy-editor.spec
   into a one-folder bundle: dist/policy-editor/ (Linux, Windows) or dist/Policy Editor.app (macOS).
2. The installer around it: Linux dist/policy-editor_<version>_<arch>.deb (dpkg-deb);
   Windows dist/policy-editor-<version>-setup.exe (Inno Setup's iscc, when installed);
   macOS dist/policy-editor-<version>-macos.dmg (hdiutil).

The version has one home, editor/__init__.py; the templates in installer/<os>/ get it here.
"""
from __future__ import annotations

import argparse
import math
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

INSTALLER = Path(__file__).resolve().parent
REPO = INSTALLER.parent
SPEC = INSTALLER / "policy-editor.spec"
SLUG = "policy-editor"

# Debian: system libraries the bundle links against but does not carry (PyInstaller leaves out
# libc, OpenGL/EGL and a few others; the spec leaves out D-Bus), by soname → package.
# A soname missing here stops the build: a .deb must not install without its libraries.
SONAME_PACKAGES = {
    "libc.so.6": "libc6", "libm.so.6": "libc6", "libdl.so.2": "libc6", "libpthread.so.0": "libc6",
    "librt.so.1": "libc6", "ld-linux-x86-64.so.2": "libc6", "ld-linux-aarch64.so.1": "libc6",
    "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxcb.so.1": "libxcb1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
# Always required, even where the bundle carries a copy: the system's font configuration and
# fonts (PDF export, UI), keyboard maps for xkbcommon, and the xcb libraries Qt's xcb platform
# plugin expects on the system.
BASE_DEPENDS = [
    "libc6", "libegl1", "libgl1", "libfontconfig1", "libfreetype6", "libxkbcommon0",
    "libxkbcommon-x11-0", "libdbus-1-3", "libx11-6", "libx11-xcb1", "libxcb1", "libxcb-cursor0",
]


def package_field(name: str) -> str:
    """A string constant of editor/__init__.py, read as text (no import: no Qt, no environment)."""
    text = (REPO / "editor" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(rf'^{name}\s*=\s*["\']([^"\']+)["\']', text, re.M)
    if not match:
        raise SystemExit(f"build.py: {name} not found in editor/__init__.py")
    return match.group(1)


MAINTAINER = f"Policy Editor team <{package_field('CONTACT')}>"  # the address the About dialog names


def fill(template: Path, **values: str) -> str:
    """The template with every @KEY@ replaced; a placeholder left over is a build error."""
    text = template.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key.upper()}@", value)
    left = re.findall(r"@[A-Z_]+@", text)
    if left:
        raise SystemExit(f"build.py: {template.name} still has {', '.join(sorted(set(left)))}")
    return text


def step(message: str) -> None:
    print(f"\n==> {message}", flush=True)


def ensure_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
        major = int(PyInstaller.__version__.split(".")[0])
    except ImportError:
        major = 0
    if major < 6:
        step("installing PyInstaller into this Python environment")
        subprocess.run([sys.executable, "-m", "pip", "install", "pyinstaller>=6"], check=True)


def build_bundle(dist: Path, work: Path) -> None:
    ensure_pyinstaller()
    step(f"PyInstaller -> {dist}")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(SPEC)], check=True, cwd=REPO)


def tree_bytes(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


# ---------------------------------------------------------------------------------- Linux: .deb
def elf_needed(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(4) == b"\x7fELF"
    except OSError:
        return False


def system_sonames(bundle: Path) -> set[str]:
    """Sonames the bundle's binaries link against that the bundle does not contain."""
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]
    present = {p.name for p in bundle.rglob("*")}
    return {name for f in files for name in elf_needed(f) if name not in present}


def debian_depends(bundle: Path) -> list[str]:
    unknown = sorted(s for s in system_sonames(bundle) if s not in SONAME_PACKAGES)
    if unknown:
        raise SystemExit("build.py: the bundle links system libraries with no Debian package in "
                         f"SONAME_PACKAGES: {', '.join(unknown)}. Add them (dpkg -S <path> names the package).")
    packages = list(BASE_DEPENDS)
    for soname in sorted(system_sonames(bundle)):
        if SONAME_PACKAGES[soname] not in packages:
            packages.append(SONAME_PACKAGES[soname])
    return packages


def _normalise_modes(root: Path) -> None:
    """Directories 0755, executables 0755, everything else 0644 (dpkg keeps what it finds)."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def build_deb(bundle: Path, dist: Path, work: Path, version: str) -> Path:
    if not shutil.which("dpkg-deb"):
        raise SystemExit("build.py: dpkg-deb is missing (apt-get install dpkg); cannot build the .deb")
    if not shutil.which("readelf"):
        raise SystemExit("build.py: readelf is missing (apt-get install binutils); it lists the libraries to depend on")
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    step(f"Debian package for {arch}")
    root = work / "deb" / f"{SLUG}_{version}_{arch}"
    if root.exists():
        shutil.rmtree(root)
    linux = INSTALLER / "linux"
    icons = REPO / "resources" / "icons"

    shutil.copytree(bundle, root / "opt" / SLUG, symlinks=True)
    launcher = root / "usr" / "bin" / SLUG
    launcher.parent.mkdir(parents=True)
    shutil.copyfile(linux / "launcher.sh", launcher)
    launcher.chmod(0o755)

    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "applications" / f"{SLUG}.desktop").write_text(fill(linux / "policy-editor.desktop"), encoding="utf-8")
    (share / "mime" / "packages").mkdir(parents=True)
    (share / "mime" / "packages" / f"{SLUG}.xml").write_text(fill(linux / "policy-editor.xml"), encoding="utf-8")
    pngs = sorted(icons.glob("app-*.png"))
    if not pngs or not (icons / "app.svg").is_file():
        raise SystemExit(f"build.py: the app icon is missing in {icons} (app.svg and app-<size>.png)")
    for png in pngs:
        size = png.stem.split("-")[1]
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{SLUG}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png, target)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps" / f"{SLUG}.svg"
    scalable.parent.mkdir(parents=True)
    shutil.copyfile(icons / "app.svg", scalable)
    doc = share / "doc" / SLUG
    doc.mkdir(parents=True)
    shutil.copyfile(REPO / "CHANGELOG.md", doc / "CHANGELOG.md")

    _normalise_modes(root)
    debian = root / "DEBIAN"
    debian.mkdir()
    installed_kib = sum(math.ceil(p.lstat().st_size / 1024) for p in root.rglob("*") if not p.is_dir())
    control = fill(linux / "control", version=version, arch=arch, installed_size=str(installed_kib),
                   maintainer=MAINTAINER, depends=", ".join(debian_depends(bundle)))
    (debian / "control").write_text(control, encoding="utf-8")
    for script in ("postinst", "postrm"):
        shutil.copyfile(linux / script, debian / script)
        (debian / script).chmod(0o755)
    debian.chmod(0o755)

    out = dist / f"{SLUG}_{version}_{arch}.deb"
    # xz: every dpkg reads it (zstd needs dpkg ≥ 1.21.18 on Debian)
    subprocess.run(["dpkg-deb", "-Zxz", "--root-owner-group", "--build", str(root), str(out)], check=True,
                   stdout=subprocess.DEVNULL)
    return out


# ------------------------------------------------------------------------ Windows: Inno Setup
def find_iscc() -> str | None:
    found = shutil.which("iscc")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").is_file():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    return None


def build_windows_setup(bundle: Path, dist: Path, version: str) -> Path | None:
    iscc = find_iscc()
    if not iscc:
        print("build.py: Inno Setup (iscc) not found - only the folder bundle was built. "
              "Install it with `choco install innosetup` and run again with --skip-bundle.")
        return None
    step("Inno Setup installer")
    subprocess.run([iscc, f"/DAppVersion={version}", f"/DSourceDir={bundle}", f"/DOutputDir={dist}",
                    str(INSTALLER / "windows" / "policy-editor.iss")], check=True)
    return dist / f"{SLUG}-{version}-setup.exe"


# ------------------------------------------------------------------------------ macOS: .dmg
def build_dmg(app: Path, dist: Path, work: Path, version: str) -> Path:
    """The .app next to a link to /Applications: the usual "drag it over" disk image."""
    step("disk image")
    staging = work / "dmg"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    shutil.copytree(app, staging / app.name, symlinks=True)
    (staging / "Applications").symlink_to("/Applications")
    out = dist / f"{SLUG}-{version}-macos.dmg"
    subprocess.run(["hdiutil", "create", "-volname", package_field("APP_NAME"), "-srcfolder", str(staging),
                    "-ov", "-format", "UDZO", str(out)], check=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-bundle", action="store_true", help="reuse the bundle in --dist, only package it")
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=REPO / "build", help="PyInstaller's work folder (default: build/)")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    version = package_field("__version__")
    started = time.perf_counter()

    if not args.skip_bundle:
        build_bundle(dist, work)
    bundle = dist / (f"{package_field('APP_NAME')}.app" if sys.platform == "darwin" else SLUG)
    if not bundle.is_dir():
        raise SystemExit(f"build.py: no bundle at {bundle}; run without --skip-bundle")

    artefacts = [bundle]
    if sys.platform.startswith("linux"):
        artefacts.append(build_deb(bundle, dist, work, version))
    elif sys.platform == "win32":
        setup = build_windows_setup(bundle, dist, version)
        if setup:
            artefacts.append(setup)
    elif sys.platform == "darwin":
        artefacts.append(build_dmg(bundle, dist, work, version))

    step(f"Policy Editor {version} built in {time.perf_counter() - started:.0f} s")
    for path in artefacts:
        size = tree_bytes(path) if path.is_dir() else path.stat().st_size
        print(f"  {path.relative_to(dist.parent) if dist.parent in path.parents else path}  {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
