"""The catalog cache found by its pack files' stamp (sizes, times, inodes — no file read): a
start with unchanged packs reads no pack file, and every change of a pack is still seen — an
edit (also one that keeps the size and puts the modification time back), a file added, removed
or replaced — as are files too fresh for their times to tell."""
from __future__ import annotations

import os

import pytest

from editor.core import catalog_cache, packfiles
from editor.core.catalog_cache import cached_catalog
from editor.core.compose import compose
from editor.core.project import example_project
from editor.resources import clause_packs_dir
from packtools import EXTRA_SECTION, write_pack

TEMPLATES = {"de/extra.md.j2": "Original text.", "en/extra.md.j2": "Original text."}


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("POLICY_EDITOR_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def trusting(monkeypatch):
    """Files written a moment ago count as old enough for their stamp (the tests edit them
    long after a tick of the file clock, as a user would)."""
    monkeypatch.setattr(packfiles, "STAMP_SLACK_NS", 0)


@pytest.fixture
def reads(monkeypatch):
    """The pack folders read by each load."""
    seen: list = []
    real = catalog_cache.read_pack_files

    def counting(path):
        seen.append(path)
        return real(path)

    monkeypatch.setattr(catalog_cache, "read_pack_files", counting)
    return seen


def _load(tmp_path):
    return cached_catalog([clause_packs_dir()], [tmp_path / "packs"])


def _extra(catalog) -> str:
    """The text of the pack's own section, as composed."""
    section = next(s for s in compose(catalog, example_project(), "de").sections if s.id == "extra")
    return "".join(r.text for b in section.blocks for r in b.runs)


def _pack(tmp_path):
    return write_pack(tmp_path / "packs", sections=EXTRA_SECTION, changes_core=("section:extra",), templates=TEMPLATES)


def test_unchanged_packs_are_not_read_again(tmp_path, cache_folder, trusting, reads, monkeypatch):
    _pack(tmp_path)
    first = _load(tmp_path)
    assert reads  # the first load reads them
    reads.clear()
    monkeypatch.setattr(catalog_cache, "load_catalog", lambda *a, **k: pytest.fail("the cache was not used"))
    second = _load(tmp_path)
    assert reads == []
    assert second.services == first.services and second.content_key == first.content_key
    assert _extra(second) == "Original text." and second.templates.sources == first.templates.sources


@pytest.mark.parametrize("change", ["same size", "same size and time", "added", "removed", "replaced"])
def test_every_change_of_a_pack_file_is_seen(tmp_path, cache_folder, trusting, reads, change):
    pack = _pack(tmp_path)
    first = _load(tmp_path)
    template = pack / "templates" / "de" / "extra.md.j2"
    before = template.stat()
    if change.startswith("same size"):
        template.write_text("Modified text.", encoding="utf-8")  # as long as "Original text."
        if change == "same size and time":
            os.utime(template, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert template.stat().st_size == before.st_size
    elif change == "added":
        (pack / "services" / "more.toml").write_text((pack / "services" / "tools.toml").read_text(encoding="utf-8")
                                                     .replace('id = "tool"', 'id = "more"'), encoding="utf-8")
    elif change == "removed":
        (pack / "services" / "tools.toml").unlink()
    else:  # a new file in the old one's place, of the same size
        fresh = template.with_name("new.tmp")
        fresh.write_text("Modified text.", encoding="utf-8")
        os.replace(fresh, template)
    reads.clear()
    second = _load(tmp_path)
    assert reads  # the stamp did not match: the files were read
    assert second.content_key != first.content_key
    if change.startswith("same size") or change == "replaced":
        assert _extra(second) == "Modified text."
    elif change == "added":
        assert "more" in second.services and "more" not in first.services
    else:
        assert "tool" in first.services and "tool" not in second.services


def test_fresh_files_are_read_until_their_times_can_tell(tmp_path, cache_folder, reads, monkeypatch):
    """A file changed within the slack before the stamp has none: the next load reads the
    files, finds the same content and keeps the entry (a slack of a day: however slow this
    machine, the files written here stay fresh)."""
    monkeypatch.setattr(packfiles, "STAMP_SLACK_NS", 86_400 * 10**9)
    _pack(tmp_path)
    first = _load(tmp_path)
    reads.clear()
    second = _load(tmp_path)
    assert reads and second.content_key == first.content_key  # read again, same content: the entry served
    assert catalog_cache._stamp(catalog_cache.pack_folders([clause_packs_dir()], [tmp_path / "packs"])) == ""


def test_touched_files_keep_the_entry_and_get_a_new_stamp(tmp_path, cache_folder, trusting, reads, monkeypatch):
    pack = _pack(tmp_path)
    first = _load(tmp_path)
    os.utime(pack / "pack.toml")  # new times, same content
    monkeypatch.setattr(catalog_cache, "load_catalog", lambda *a, **k: pytest.fail("the same content was loaded again"))
    reads.clear()
    assert _load(tmp_path).content_key == first.content_key
    assert reads  # the stamp had changed: read and compared
    reads.clear()
    assert _load(tmp_path).content_key == first.content_key
    assert reads == []  # stamped anew


def test_a_linked_file_is_always_read(tmp_path, cache_folder, trusting, reads):
    pack = _pack(tmp_path)
    template = pack / "templates" / "de" / "extra.md.j2"
    target = pack / "templates" / "de" / "target.md"
    target.write_text("Original text.", encoding="utf-8")
    template.unlink()
    template.symlink_to(target)
    _load(tmp_path)
    reads.clear()
    _load(tmp_path)
    assert reads
