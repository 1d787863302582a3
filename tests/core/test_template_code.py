"""The bundled templates' compiled code shipped with the package (editor.core.template_code):
used only for the very text it was compiled from, the same document as compiling, and a clean
fallback to compiling for any other text, a damaged file or none at all."""
import dataclasses
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core import template_build, template_code
from editor.core.compose import compose
from editor.core.packs import Catalog
from editor.core.templating import TemplateStore
from editor.resources import clause_packs_dir


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    file = tmp_path_factory.mktemp("shipped") / "compiled.marshal"
    assert template_build.build(clause_packs_dir(), file) > 20
    return file


def twin(catalog, shipped: Path | None, change: dict[str, str] | None = None) -> Catalog:
    """The catalog with a new template store reading ``shipped`` (None: no shipped code);
    ``change`` replaces the text of some templates."""
    store = TemplateStore(catalog.templates.env.data_types, catalog.templates.context_names, shipped=shipped)
    store.sources.update({k: v for k, v in catalog.templates.sources.items() if not k.startswith("inline/")})
    for name, text in (change or {}).items():
        store.sources[name] = (text, store.sources[name][1])
    values = {f.name: getattr(catalog, f.name) for f in dataclasses.fields(catalog) if f.init}
    return Catalog(**{**values, "template_store": store})


def compiled_names(catalog: Catalog) -> list[str]:
    """Spy: the pack templates the catalog's store compiles itself from now on."""
    env, names = catalog.templates.env, []
    original = env.compile

    def compile(source, name=None, *args, **kwargs):
        if name in catalog.templates.sources:
            names.append(name)
        return original(source, name, *args, **kwargs)

    env.compile = compile
    return names


@pytest.mark.parametrize("lang", ["de", "en"])
def test_shipped_code_gives_the_document_compiling_gives(catalog, full_project, shipped, lang):
    with_code, without = twin(catalog, shipped), twin(catalog, None)
    compiled = compiled_names(with_code)
    assert compose(with_code, full_project, lang) == compose(without, full_project, lang)
    assert compiled == [], "a bundled template was compiled although its code was shipped"
    name = f"core/{lang}/service"
    assert with_code.templates.get("core", lang, "service").filename == with_code.templates.sources[name][1]


def test_a_changed_template_is_compiled_from_its_text(catalog, full_project, shipped):
    name = "core/de/service"
    text = catalog.templates.sources[name][0] + "\nGeänderter Schluss.\n"
    changed = twin(catalog, shipped, {name: text})
    compiled = compiled_names(changed)
    document = compose(changed, full_project, "de")
    assert compiled == [name]
    assert "Geänderter Schluss." in str(document)


@pytest.mark.parametrize("content", [b"", b"not marshal", marshal.dumps({"format": 0}), marshal.dumps([1, 2]),
                                     marshal.dumps({"format": template_code.FORMAT, "magic": b"old!", "entries": {}})])
def test_a_damaged_or_foreign_file_means_compiling(catalog, full_project, tmp_path, content):
    file = tmp_path / "compiled.marshal"
    file.write_bytes(content)
    broken = twin(catalog, file)
    compiled = compiled_names(broken)
    assert compose(broken, full_project, "de") == compose(twin(catalog, None), full_project, "de")
    assert "core/de/service" in compiled


def test_no_file_means_compiling(catalog, full_project, tmp_path):
    missing = twin(catalog, tmp_path / "absent.marshal")
    compiled = compiled_names(missing)
    compose(missing, full_project, "de")
    assert "core/de/service" in compiled


def test_the_key_is_the_same_in_every_process():
    """A frozenset in our code generator's constants prints in another order in another
    process: the fingerprint must not depend on it, or the wheel's code would never match."""
    code = ("from editor.core.templating import TemplateStore; from editor.core.views import DATA_TYPES; "
            "from editor.core import context, template_code as t; s = TemplateStore(DATA_TYPES, context.CONTEXT); "
            "print(t.fingerprint(s.env, s.context_names).hex())")
    root = str(Path(__file__).resolve().parents[2])
    prints = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": root}).stdout
              for seed in (1, 2, 3)}
    assert len(prints) == 1


def test_the_key_names_what_shapes_the_code(catalog):
    env = catalog.templates.env
    base = template_code.fingerprint(env, catalog.templates.context_names)
    assert template_code.fingerprint(env, {"other"}) != base
    env.trim_blocks = not env.trim_blocks
    try:
        assert template_code.fingerprint(env, catalog.templates.context_names) != base
    finally:
        env.trim_blocks = not env.trim_blocks
    key = template_code.key(base, "core/de/service", "text")
    assert key != template_code.key(base, "core/en/service", "text") != template_code.key(base, "core/de/service", "text ")
