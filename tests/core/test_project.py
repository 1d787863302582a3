"""Project files: stable JSON, atomic saves with backup, migrations, clear refusals."""
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core import project as P


def test_round_trip_keeps_every_field(tmp_path):
    project = P.example_project()
    project.dpo = P.Dpo(name="Dr. D", email="dsb@example.de")
    project.services = [P.SelectedService(id="google-analytics", options={"signals": True, "retention_months": "14"})]
    project.custom_sections = [P.CustomSection(id="c1", title=P.LocalText(de="Eigenes", en="Own"), body=P.LocalText(de="Text", en="Text"))]
    project.overrides = {"security": P.LocalText(de="Eigener Text", en="")}
    path = tmp_path / "p.policy.json"
    P.save(project, path)
    assert P.load(path) == project


def test_file_is_pretty_stable_and_marked(tmp_path):
    project = P.example_project()
    project.services = [P.SelectedService(id="x", options={"b": 1, "a": True})]
    path = tmp_path / "p.json"
    P.save(project, path)
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["format"] == P.FORMAT and data["schema_version"] == P.SCHEMA_VERSION
    assert list(data)[:3] == ["format", "schema_version", "languages"]
    assert list(data["services"][0]["options"]) == ["a", "b"]  # sorted for clean diffs
    assert text.startswith("{\n  \"format\"") and text.endswith("}\n")
    assert "Köln" in text  # UTF-8, not \\u escapes
    P.save(project, path)
    assert path.read_text(encoding="utf-8") == text  # saving twice changes nothing


def test_save_keeps_one_backup(tmp_path):
    path = tmp_path / "p.json"
    first = P.example_project(company="Erste GmbH")
    P.save(first, path)
    P.save(P.example_project(company="Zweite GmbH"), path)
    assert P.load(path).controller.name == "Zweite GmbH"
    assert P.load(tmp_path / "p.json.bak").controller.name == "Erste GmbH"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.json", "p.json.bak"]  # no temp files left


V1 = {
    "format": "policy-editor-project",
    "schema_version": 1,
    "language": "en",
    "company": {"name": "Alt & Co", "owner": "Eva Alt", "street": "Weg 1", "zip": "10115", "city": "Berlin",
                "email": "info@alt.example", "phone": "030 1"},
    "state": "BE",
    "websites": ["https://alt.example"],
    "services": ["google-analytics", "gone-service"],
    "has_dpo": True,
    "dpo_name": "Dr. Daten",
    "dpo_email": "dsb@alt.example",
    "stand": "2025-01-31",
}


def test_migration_from_v1_keeps_every_value():
    project = P.loads(json.dumps(V1))
    assert project.schema_version == P.SCHEMA_VERSION
    c = project.controller
    assert (c.name, c.representative, c.street, c.postcode, c.city, c.email, c.phone) == (
        "Alt & Co", "Eva Alt", "Weg 1", "10115", "Berlin", "info@alt.example", "030 1")
    assert project.languages == ["en", "de"]
    assert [s.id for s in project.services] == ["google-analytics", "gone-service"]  # unknown id kept
    assert project.dpo == P.Dpo(name="Dr. Daten", email="dsb@alt.example")
    assert project.stand == "2025-01-31" and project.state == "BE"


def test_migrated_file_saves_as_current_version(tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps(V1), encoding="utf-8")
    P.save(P.load(path), path)
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == P.SCHEMA_VERSION
    assert json.loads((tmp_path / "old.json.bak").read_text(encoding="utf-8"))["schema_version"] == 1


def test_newer_version_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "new.json"
    original = json.dumps({"format": P.FORMAT, "schema_version": 99})
    path.write_text(original, encoding="utf-8")
    with pytest.raises(P.ProjectError, match="newer Policy Editor") as info:
        P.load(path)
    assert "99" in str(info.value)
    assert path.read_text(encoding="utf-8") == original


def test_corrupt_file_reports_position_and_is_not_touched(tmp_path):
    path = tmp_path / "broken.json"
    text = '{\n  "format": "policy-editor-project",\n  "schema_version": 2,\n  "state": "NW"\n  "x": 1\n}'
    path.write_text(text, encoding="utf-8")
    with pytest.raises(P.ProjectError) as info:
        P.load(path)
    assert "line 5" in str(info.value) and "damaged" in str(info.value)
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("content, words", [
    ('{"hello": 1}', "not a Policy Editor project"),
    ('[1, 2]', "not a Policy Editor project"),
    ('{"format": "policy-editor-project"}', "no valid schema version"),
    ('{"format": "policy-editor-project", "schema_version": 2, "services": 5}', "cannot use"),
    ('{"format": "policy-editor-project", "schema_version": 2, "controller": {"name": 7}}', "cannot use"),
])
def test_bad_content_gets_a_plain_message(tmp_path, content, words):
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(P.ProjectError, match=words):
        P.load(path)


def test_binary_and_missing_files(tmp_path):
    path = tmp_path / "bin.json"
    path.write_bytes(b"\xff\xfe\x00\x01garbage")
    with pytest.raises(P.ProjectError, match="not a text file"):
        P.load(path)
    with pytest.raises(P.ProjectError, match="does not exist"):
        P.load(tmp_path / "nope.json")


def test_unknown_fields_from_other_tools_do_not_break_loading():
    data = {"format": P.FORMAT, "schema_version": 2, "x-agency-ticket": "ABC-1"}
    assert P.loads(json.dumps(data)).schema_version == P.SCHEMA_VERSION


def test_unknown_keys_survive_load_and_save_at_top_level_and_inside_records():
    data = json.loads(P.dumps(P.example_project()))
    data["x-client-id"] = "ACME-7"
    data["controller"]["x-crm"] = {"id": 5}
    data["services"] = [{"id": "matomo-cloud", "options": {}, "x-note": "by ticket 12"}]
    data["custom_sections"] = [{"id": "c", "x-owner": "eva"}]
    data["own_services"] = [{"id": "own-crm", "x-source": "agency"}]
    out = json.loads(P.dumps(P.loads(json.dumps(data))))
    assert out["x-client-id"] == "ACME-7" and out["controller"]["x-crm"] == {"id": 5}
    assert out["services"][0]["x-note"] == "by ticket 12" and out["custom_sections"][0]["x-owner"] == "eva"
    assert out["own_services"] == [{"id": "own-crm", "x-source": "agency"}]
    assert list(out)[-1] == "x-client-id"  # unknown keys follow the known ones: stable diffs


def test_migration_from_v2_adds_own_services_and_keeps_everything():
    data = json.loads(P.dumps(P.example_project()))
    data.update(schema_version=2, overrides={"security": {"de": "Eigener Text", "en": ""}})
    del data["own_services"], data["override_basis"]
    project = P.loads(json.dumps(data))
    assert project.schema_version == P.SCHEMA_VERSION and project.own_services == [] and project.override_basis == {}
    assert project.overrides["security"].de == "Eigener Text"
    assert set(P.MIGRATIONS) == {1, 2, 3}


# --- property-based: whatever a user types survives save → load ------------------------------

user_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=user_text, street=user_text, email=user_text, websites=st.lists(user_text, max_size=3),
       option=st.one_of(st.booleans(), st.integers(-2**40, 2**40), user_text))
def test_any_user_input_round_trips(tmp_path, name, street, email, websites, option):
    project = P.example_project()
    project.controller.name, project.controller.street, project.controller.email = name, street, email
    project.websites = websites
    project.services = [P.SelectedService(id="s", options={"o": option})]
    path = tmp_path / "h.json"
    P.save(project, path)
    assert P.load(path) == project


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_save_keeps_permissions_and_new_files_follow_the_umask(tmp_path):
    new = tmp_path / "new.json"
    old_umask = os.umask(0o022)
    try:
        P.save(P.example_project(), new)
    finally:
        os.umask(old_umask)
    assert new.stat().st_mode & 0o777 == 0o644  # not mkstemp's private 0600
    new.chmod(0o640)
    P.save(P.example_project(company="Zweite"), new)
    assert new.stat().st_mode & 0o777 == 0o640


def test_tasks_done_is_an_optional_key_kept_through_load_and_save_without_a_new_version():
    from editor.core.project import SCHEMA_VERSION, dumps, loads

    data = json.loads(dumps(P.Project()))
    assert "tasks_done" not in data  # a project that never marked a task is written as before
    data["tasks_done"] = ["cookie-settings-link", "art28-strato"]
    project = loads(json.dumps(data))
    assert project.tasks_done == ["cookie-settings-link", "art28-strato"]
    again = json.loads(dumps(project))
    assert again["tasks_done"] == ["cookie-settings-link", "art28-strato"] and again["schema_version"] == SCHEMA_VERSION
    data["tasks_done"] = "all"
    with pytest.raises(P.ProjectError, match="tasks marked done should be a list"):
        loads(json.dumps(data))
