"""The per-user cache of the composed Document (editor.core.document_cache): a cached document
equals the one compose() builds, its key changes with every input of compose() (pack text,
project, language, app version), and a damaged or forged entry only ever costs time."""
from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

import pytest

from editor.core import cache, document_cache
from editor.core.catalog_cache import cached_catalog
from editor.core.compose import compose
from editor.core.document import Box, BulletList, Document, Paragraph, Provenance, Run, Section, Table
from editor.core.project import example_project
from editor.resources import clause_packs_dir
from packtools import EXTRA_SECTION, write_pack


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("POLICY_EDITOR_CACHE_DIR", str(folder))
    return folder


@pytest.mark.parametrize("lang", ["de", "en"])
def test_cached_equals_uncached_for_the_whole_catalog(catalog, full_project, lang):
    document = compose(catalog, full_project, lang)
    key = "k" * 64
    assert document_cache.decode(document_cache.encode(document, key), key) == document


def test_every_block_kind_and_provenance_survive():
    runs = (Run("a & <b>", bold=True), Run("link", link="https://example.org"), Run("ph", placeholder=True, italic=True))
    blocks = (Paragraph(runs), BulletList((runs, runs[:1]), ordered=True), Table((runs,), ((runs, runs),)),
              Box((Paragraph(runs), BulletList((runs,))), kind="notice"))
    prov = Provenance("core", "1.0", "core/de/x", "stripe", "3", (("a", "b"),), "2026-01-01", ("src",), ("open",))
    document = Document("de", "T", "Müller & *Söhne*", None,
                        (Section("s", "1", "S", blocks, (Section("t", "1.1", "T", blocks, provenance=prov),)),),
                        meta=(("generator", "x"),), errors=("e",), core_changes=("c",), labels=(("title", "T"),))
    assert document_cache.decode(document_cache.encode(document, "k"), "k") == document


def test_a_damaged_or_foreign_entry_is_a_miss(catalog):
    document = compose(catalog, example_project(), "de")
    data = document_cache.encode(document, "k")
    assert document_cache.decode(data, "other") is None  # an entry for another key
    assert document_cache.decode(data[: len(data) // 2], "k") is None
    assert document_cache.decode(b"\x93\x01\x02\x03", "k") is None


def test_the_key_follows_project_language_and_catalog(catalog):
    project = example_project()
    project.stand = "2026-01-02"
    base = document_cache.key("catalog", project, "de")
    assert base == document_cache.key("catalog", example_project_with_stand("2026-01-02"), "de")
    assert base != document_cache.key("catalog", project, "en")
    assert base != document_cache.key("other catalog", project, "de")
    project.controller.phone = "+49 30 1"
    assert base != document_cache.key("catalog", project, "de")
    assert document_cache.key("", project, "de") is None  # a catalog not loaded through the cache


def example_project_with_stand(stand: str):
    project = example_project()
    project.stand = stand
    return project


def test_a_changed_pack_text_changes_the_key(tmp_path, cache_folder):
    pack = write_pack(tmp_path / "packs", sections=EXTRA_SECTION, changes_core=("section:extra",),
                      templates={"de/extra.md.j2": "Original text.", "en/extra.md.j2": "Original text."})
    project = example_project()
    first = cached_catalog([clause_packs_dir()], [tmp_path / "packs"])
    key = document_cache.key(first.content_key, project, "de")
    document_cache.store(key, compose(first, project, "de"))
    assert document_cache.load(key) == compose(first, project, "de")
    (pack / "templates" / "de" / "extra.md.j2").write_text("Modified text.", encoding="utf-8")
    second = cached_catalog([clause_packs_dir()], [tmp_path / "packs"])
    assert document_cache.key(second.content_key, project, "de") != key


def test_a_forged_entry_is_not_shown(tmp_path, cache_folder, catalog):
    project = example_project()
    key = document_cache.key("catalog", project, "de")
    document_cache.store(key, compose(catalog, project, "de"))
    (entry,) = Path(cache_folder).glob("document-*.msgpack")
    payload = entry.read_bytes()[len(cache.MAGIC) + 32:]
    forged = payload.replace(b"Tischlerei", b"Fischlerei")
    assert forged != payload
    entry.write_bytes(cache.MAGIC + hmac.new(b"k" * 32, forged, hashlib.sha256).digest() + forged)
    assert document_cache.load(key) is None


def test_the_cache_holds_data_only(cache_folder, catalog, full_project):
    key = document_cache.key("catalog", full_project, "de")
    document_cache.store(key, compose(catalog, full_project, "de"))
    (entry,) = Path(cache_folder).glob("document-*.msgpack")
    import msgspec

    def plain(value) -> bool:  # only msgpack's own data types: no extension types, nothing to run
        if isinstance(value, list):
            return all(plain(v) for v in value)
        return value is None or isinstance(value, (str, bool, int))

    assert plain(msgspec.msgpack.decode(entry.read_bytes()[len(cache.MAGIC) + 32:]))



def test_an_entry_with_unclean_text_is_cleaned_on_the_way_in():
    """The Structs clean what msgspec decodes, as their constructors do: text that did not come
    through them (a damaged or tampered entry) never reaches the preview unclean."""
    import msgspec

    run = ["Ruf\x07 an\r\n", False, False, "javascript:alert(1)", False]
    linked = ["Web", False, False, "https://exa\nmple.org", False]
    prov = ["core\x00", "1", "t", None, None, [["k\x1b", "v\x85w"]], None, ["s\x07"], ["u\x7f"]]
    section = ["s\x01", "1", "Titel\x0b", [["p", [run, linked]], ["b", [["h", [run]]], "notice"]], [], prov]
    entry = ["k", ["de", "T\x00", "Firma\x1b", "2026-01-02", [section], [["generator\x07", "x"]], [], ["c\x07"],
                   [["title", "T\x07"]], ["d\x07"]]]
    document = document_cache.decode(msgspec.msgpack.encode(entry), "k")
    assert document is not None
    section = document.sections[0]
    first, second = section.blocks[0].runs
    assert (first.text, first.link, second.link) == ("Ruf an\n", None, "https://example.org")
    assert section.blocks[1].blocks[0].runs[0].text == "Ruf an\n"
    assert (section.id, section.title, document.title, document.company) == ("s", "Titel", "T", "Firma")
    prov = section.provenance
    assert (prov.pack, prov.options, prov.sources, prov.uncertain) == ("core", (("k", "v\nw"),), ("s",), ("u",))
    assert (document.meta, document.core_changes, document.labels, document.draft) == (
        (("generator", "x"),), ("c",), (("title", "T"),), ("d",))


def test_an_entry_of_the_wrong_shape_is_a_miss():
    import msgspec

    good = ["de", "T", "F", None, [], [], [], [], [], []]
    assert document_cache.decode(msgspec.msgpack.encode(["k", good]), "k") is not None
    for bad in (["de", "T", "F", "no date", [], [], [], [], [], []],  # not a date
                ["de", 1, "F", None, [], [], [], [], [], []],  # a number for a text
                ["de", "T", "F", None, [["s", "1", "S", [["x", []]], [], None]], [], [], [], [], []]):  # unknown block
        assert document_cache.decode(msgspec.msgpack.encode(["k", bad]), "k") is None


def test_an_entry_nested_deeper_than_any_document_is_a_miss():
    """review: the Structs decode any depth; 400 boxes in boxes made the HTML writer recurse
    until RecursionError — a traceback in the preview from a forged entry."""
    def nested(depth):
        block = Paragraph((Run("x"),))
        for _ in range(depth):
            block = Box((block,))
        return Document("de", "T", "F", None, (Section("s", "1", "S", (block,)),))

    for depth, shown in ((document_cache.MAX_DEPTH - 1, True), (400, False)):
        data = document_cache.encode(nested(depth), "k")
        assert (document_cache.decode(data, "k") is not None) is shown, depth
