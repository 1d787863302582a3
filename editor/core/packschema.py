"""JSON Schemas of the clause-pack files, generated from the validation types (schema.py).

They let an editor check a pack while it is written (VS Code with "Even Better TOML", or any
taplo-based tool: put ``#:schema <path>/services.schema.json`` in the file's first line).
The schemas ship in resources/schema/; ``scripts/pack_schema.py`` writes them and a test fails
when the shipped files differ from what the types say. The loader stays the authority: rules
beyond the types (servicerules, inherit) are not in the schema.
"""
from __future__ import annotations

import json

import msgspec

from . import schema

FILES: dict[str, tuple[type, str]] = {
    "services": (schema.ServiceFile, "Clause pack services/*.toml: [[service]] records"),
    "providers": (schema.ProviderFile, "Clause pack providers.toml: [[provider]] records services name by id"),
    "categories": (schema.CategoryFile, "Clause pack categories.toml: [[category]] records with defaults and flags"),
}


def json_schemas() -> dict[str, str]:
    """File name → JSON text of each schema, stable (sorted keys, newline at the end)."""
    out = {}
    for name, (struct, title) in FILES.items():
        generated = msgspec.json.schema(struct)
        document = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **generated}
        out[f"{name}.schema.json"] = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return out
