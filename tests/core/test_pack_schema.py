"""The JSON Schemas shipped for pack authors are the ones the validation types generate."""
from editor.core.packschema import json_schemas
from editor.resources import resource


def test_shipped_schemas_match_the_validation_types():
    for name, text in json_schemas().items():
        shipped = resource("schema", name)
        assert shipped.is_file(), f"{name} is not shipped: run scripts/pack_schema.py"
        assert shipped.read_text(encoding="utf-8") == text, f"{name} is out of date: run scripts/pack_schema.py"


def test_schemas_refuse_unknown_keys_and_know_the_dpf_entry():
    import json

    providers = json.loads(json_schemas()["providers.schema.json"])
    defs = providers["$defs"]
    assert defs["Provider"]["additionalProperties"] is False
    assert set(defs["Dpf"]["required"]) == {"certified", "checked", "source"}
