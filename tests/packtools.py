"""Helpers for tests that need small clause packs of their own."""
import textwrap
from pathlib import Path

MINIMAL_SERVICE = '''
[[service]]
id = "{id}"
category = "tools"
version = "1"
names = {{ de = "Werkzeug", en = "Tool" }}
keywords = ["tool"]
role = "self_hosted"
verified = 2026-11-21
sources = ["https://example.org/source"]
description = {{ de = "Beschreibung.", en = "Description." }}
data = {{ de = ["IP-Adresse"], en = ["IP address"] }}
retention = {{ de = "7 Tage.", en = "7 days." }}

[[service.purposes]]
text = {{ de = "Betrieb.", en = "Operation." }}
basis = "contract"
'''

# a fixed section "extra" that a test pack adds (with changes_core=("section:extra",))
EXTRA_SECTION = '''
[[section]]
id = "extra"
order = 15
title = { de = "Extra", en = "Extra" }
template = "extra"
'''


def write_pack(root: Path, pack_id: str = "demo", services: str | None = None, templates: dict | None = None,
               sections: str = "", extra_files: dict | None = None, changes_core: tuple[str, ...] = ()) -> Path:
    """Write a small pack folder for tests; returns its path."""
    pack = root / pack_id
    (pack / "services").mkdir(parents=True, exist_ok=True)
    (pack / "pack.toml").write_text(textwrap.dedent(f'''
        id = "{pack_id}"
        version = "1.0"
        licence = "test"
        title = {{ de = "Demo", en = "Demo" }}
    ''') + (f"changes_core = {list(changes_core)!r}\n".replace("'", '"') if changes_core else ""), encoding="utf-8")
    (pack / "categories.toml").write_text(textwrap.dedent('''
        [[category]]
        id = "tools"
        order = 150
        title = { de = "Werkzeuge", en = "Tools" }
    '''), encoding="utf-8")
    (pack / "services" / "tools.toml").write_text(services if services is not None else MINIMAL_SERVICE.format(id="tool"), encoding="utf-8")
    if sections:
        (pack / "sections.toml").write_text(textwrap.dedent(sections), encoding="utf-8")
    for rel, text in (templates or {}).items():
        path = pack / "templates" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for rel, text in (extra_files or {}).items():
        (pack / rel).write_text(text, encoding="utf-8")
    return pack


def catalog_twin(catalog, fresh_templates: bool = False):
    """The same catalog data in a new catalog object, whose composer starts empty, so not one
    entry of the original's composition caches applies to it. With ``fresh_templates`` also a
    new template store: every template compiled again from source — what every start pays."""
    import dataclasses

    from editor.core.packs import Catalog
    from editor.core.templating import TemplateStore

    values = {f.name: getattr(catalog, f.name) for f in dataclasses.fields(catalog) if f.init}
    values["template_store"] = catalog.templates  # made now if the original has not used it yet
    if fresh_templates:
        store = TemplateStore(catalog.templates.env.data_types, catalog.templates.context_names)
        store.sources.update({k: v for k, v in catalog.templates.sources.items() if not k.startswith("inline/")})
        values["template_store"] = store
    return Catalog(**values)
