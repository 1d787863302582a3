"""Compile the templates of the bundled packs into the file template_code.py reads — at wheel
build (hatch_build.py) and bundle build (installer/policy-editor.spec), or by hand in a source
checkout to measure: python -m editor.core.template_build clause_packs editor/core/compiled-templates.marshal"""
from __future__ import annotations

import importlib.util
import marshal
import sys
from pathlib import Path

from .atomic import write_atomic
from .packs import load_catalog
from .template_code import FORMAT, fingerprint, key


def build(packs: Path, file: Path) -> int:
    """Compile every template of the packs under ``packs`` into ``file``; returns how many."""
    store = load_catalog([packs]).templates
    fingerprint_ = fingerprint(store.env, store.context_names)
    entries = {}
    for name, (source, filename) in sorted(store.sources.items()):
        code = store.env.compile(store.env.parse(source, name, filename), name, "<template>")
        reads, refs = store.own_reads(name)
        entries[key(fingerprint_, name, source)] = (code, tuple(reads.items()), refs)
    write_atomic(file, marshal.dumps({"format": FORMAT, "magic": importlib.util.MAGIC_NUMBER, "entries": entries}))
    return len(entries)


if __name__ == "__main__":
    print(f"{build(Path(sys.argv[1]), Path(sys.argv[2]))} templates compiled into {sys.argv[2]}")
