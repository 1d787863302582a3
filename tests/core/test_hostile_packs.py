"""Hostile pack files and a tampered per-user cache: each attack ends in a pack error or costs
only time — no leaked file, no hang, no exhausted memory, no code run, no stale text."""
from __future__ import annotations

import errno
import os
import pickle
import threading
import time
from pathlib import Path

import pytest

from editor.core import cache, catalog_cache, packs
from editor.core.catalog_cache import cached_catalog
from editor.core.compose import compose
from editor.core.packs import load_catalog
from editor.core.project import SelectedService, example_project
from editor.resources import clause_packs_dir
from packtools import EXTRA_SECTION as SECTION, MINIMAL_SERVICE, write_pack



def _errors_for(catalog, pack_id: str = "demo") -> list[str]:
    return [str(e) for e in catalog.errors if e.file.startswith(pack_id)]


def _load_user(tmp_path: Path):
    return load_catalog([clause_packs_dir()], [tmp_path / "packs"])


def test_a_template_linked_to_a_file_outside_the_pack_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    pack = write_pack(tmp_path / "packs", sections=SECTION, changes_core=("section:extra",), templates={"de/extra.md.j2": "x", "en/extra.md.j2": "x"})
    (pack / "templates" / "de" / "extra.md.j2").unlink()
    (pack / "templates" / "de" / "extra.md.j2").symlink_to(secret)
    catalog = _load_user(tmp_path)
    assert any("outside the pack" in e for e in _errors_for(catalog))
    assert not any("TOP-SECRET" in source for source, _ in catalog.templates.sources.values())
    document = compose(catalog, example_project(), "de")
    assert "TOP-SECRET" not in repr(document)
    assert "core" in catalog.packs and len(catalog.services) > 100  # the bundled pack is untouched


def test_a_link_inside_the_pack_is_fine(tmp_path):
    pack = write_pack(tmp_path / "packs", sections=SECTION, changes_core=("section:extra",), templates={"de/extra.md.j2": "Hallo", "en/extra.md.j2": "x"})
    (pack / "templates" / "en" / "extra.md.j2").unlink()
    (pack / "templates" / "en" / "extra.md.j2").symlink_to(pack / "templates" / "de" / "extra.md.j2")
    catalog = _load_user(tmp_path)
    assert _errors_for(catalog) == []
    assert any(s.id == "extra" for s in compose(catalog, example_project(), "en").sections)


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "huge", "folder-link"])
def test_special_and_oversized_files_end_in_a_pack_error_quickly(tmp_path, kind):
    pack = write_pack(tmp_path / "packs")
    target = pack / "services" / "more.toml"
    if kind == "dev-zero":
        target.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "huge":
        target.write_text("# " + "x" * (3 * 2**20), encoding="utf-8")
    else:
        (tmp_path / "elsewhere").mkdir()
        (pack / "services" / "linked").symlink_to(tmp_path / "elsewhere")
    result: dict = {}
    worker = threading.Thread(target=lambda: result.setdefault("catalog", _load_user(tmp_path)), daemon=True)
    started = time.monotonic()
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), f"loading hung on {kind}"
    assert time.monotonic() - started < 10
    errors = _errors_for(result["catalog"])
    expected = {"dev-zero": "outside the pack", "fifo": "not a regular file", "huge": "larger than",
                "folder-link": "link to a folder"}[kind]
    assert any(expected in e for e in errors), errors
    assert "tool" in result["catalog"].services  # the pack's good file still loads


def test_deeply_nested_toml_is_a_pack_error_and_the_rest_loads(tmp_path):
    write_pack(tmp_path / "packs", extra_files={"labels.toml": "a = " + "[" * 100_000 + "]" * 100_000 + "\n"})
    catalog = _load_user(tmp_path)
    assert any("labels.toml" in e and "TOML" in e for e in _errors_for(catalog)), catalog.errors
    assert "tool" in catalog.services and "stripe" in catalog.services


def test_a_pack_with_too_many_services_is_cut_with_a_message(tmp_path, monkeypatch):
    monkeypatch.setattr(packs, "MAX_SERVICES", 3)
    write_pack(tmp_path / "packs", services="".join(MINIMAL_SERVICE.format(id=f"tool-{n}") for n in range(5)))
    catalog = _load_user(tmp_path)
    assert sorted(s for s in catalog.services if s.startswith("tool-")) == ["tool-0", "tool-1", "tool-2"]
    assert any("more than 3 services" in e for e in _errors_for(catalog))


def test_an_unexpected_failure_inside_one_pack_stops_only_that_pack(tmp_path, monkeypatch):
    write_pack(tmp_path / "packs")
    real = packs._load_templates

    def broken(pack, files, catalog):
        if pack.id == "demo":
            raise ValueError("boom")
        return real(pack, files, catalog)

    monkeypatch.setattr(packs, "_load_templates", broken)
    catalog = _load_user(tmp_path)
    assert any("could not be loaded" in e and "boom" in e for e in _errors_for(catalog))
    assert "stripe" in catalog.services


# ---------------------------------------------------------------------------------------------
# the per-user cache


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("POLICY_EDITOR_CACHE_DIR", str(folder))
    return folder


def _user_pack(tmp_path: Path, text: str = "Original text.") -> Path:
    return write_pack(tmp_path / "packs", sections=SECTION, changes_core=("section:extra",),
                      templates={"de/extra.md.j2": text, "en/extra.md.j2": text})


def _extra_text(catalog) -> str:
    section = next(s for s in compose(catalog, example_project(), "de").sections if s.id == "extra")
    return "".join(r.text for b in section.blocks for r in b.runs)


def _entry(folder: Path) -> Path:
    entries = list(folder.glob("catalog-*.msgpack"))
    assert len(entries) == 1, entries
    return entries[0]


def test_the_cache_serves_the_second_load_and_holds_no_code(tmp_path, cache_folder, monkeypatch):
    _user_pack(tmp_path)
    first = cached_catalog([clause_packs_dir()], [tmp_path / "packs"])
    assert _entry(cache_folder).read_bytes().startswith(cache.MAGIC)
    monkeypatch.setattr(catalog_cache, "load_catalog", lambda *a, **k: pytest.fail("the cache was not used"))
    second = cached_catalog([clause_packs_dir()], [tmp_path / "packs"])
    assert second.services == first.services and _extra_text(second) == "Original text."
    assert second.templates.env.bytecode_cache is None


def test_a_pickle_planted_as_template_bytecode_is_never_loaded(tmp_path, cache_folder):
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    (cache_folder / "jinja").mkdir(parents=True)
    for n in range(3):
        (cache_folder / "jinja" / f"__jinja2_{n}.cache").write_bytes(b"j2/" + pickle.dumps(Evil()))
    project = example_project()
    project.services = [SelectedService(id="stripe")]
    for _ in range(2):
        compose(cached_catalog([clause_packs_dir()], []), project, "de")
    assert not marker.exists()


def test_a_forged_entry_does_not_replace_policy_text(tmp_path, cache_folder):
    _user_pack(tmp_path)
    cached_catalog([clause_packs_dir()], [tmp_path / "packs"])
    entry = _entry(cache_folder)
    payload = entry.read_bytes()[len(cache.MAGIC) + 32:]
    forged = payload.replace(b"Stripe", b"Str1pe")
    assert forged != payload
    import hashlib
    import hmac
    entry.write_bytes(cache.MAGIC + hmac.new(b"k" * 32, forged, hashlib.sha256).digest() + forged)
    catalog = cached_catalog([clause_packs_dir()], [tmp_path / "packs"])
    assert catalog.services["stripe"].names.de == "Stripe"


def test_an_edit_that_keeps_size_and_date_is_seen(tmp_path, cache_folder):
    pack = _user_pack(tmp_path, "Original text.")
    assert _extra_text(cached_catalog([clause_packs_dir()], [tmp_path / "packs"])) == "Original text."
    template = pack / "templates" / "de" / "extra.md.j2"
    stat = template.stat()
    template.write_text("Modified text.", encoding="utf-8")
    os.utime(template, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert template.stat().st_size == stat.st_size
    assert _extra_text(cached_catalog([clause_packs_dir()], [tmp_path / "packs"])) == "Modified text."


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "directory", "bitflip"])
def test_a_damaged_entry_only_costs_time(tmp_path, cache_folder, damage):
    _user_pack(tmp_path)
    good = cached_catalog([clause_packs_dir()], [tmp_path / "packs"])
    entry = _entry(cache_folder)
    data = entry.read_bytes()
    if damage == "truncated":
        entry.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        entry.write_bytes(os.urandom(5000))
    elif damage == "empty":
        entry.write_bytes(b"")
    elif damage == "directory":
        entry.unlink()
        entry.mkdir()
    else:
        entry.write_bytes(data[:-100] + bytes([data[-100] ^ 1]) + data[-99:])
    again = cached_catalog([clause_packs_dir()], [tmp_path / "packs"])
    assert again.services == good.services and _extra_text(again) == "Original text."


def test_a_full_disk_or_unwritable_folder_only_costs_time(tmp_path, cache_folder, monkeypatch):
    _user_pack(tmp_path)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cache.os, "replace", full)
    catalog = cached_catalog([clause_packs_dir()], [tmp_path / "packs"])
    assert _extra_text(catalog) == "Original text."
    assert [p.name for p in cache_folder.iterdir()] == []  # no temporary file left behind
    monkeypatch.undo()
    monkeypatch.setenv("POLICY_EDITOR_CACHE_DIR", str(tmp_path / "a-file"))
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    assert _extra_text(cached_catalog([clause_packs_dir()], [tmp_path / "packs"])) == "Original text."
