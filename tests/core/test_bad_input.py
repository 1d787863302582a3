"""Every bad project file is one plain sentence, never a traceback; what loads can be checked
and exported. Limits, duplicates and option ranges are settled in one place each."""
import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.cli import main
from editor.core import project as P
from editor.core.checks import checks
from editor.core.compose import compose
from editor.core.options import option_values
from editor.export.html import render

HEAD = '{"format": "policy-editor-project", "schema_version": 2'


def v1(**fields):
    return json.dumps({"format": P.FORMAT, "schema_version": 1, **fields})


def every_field(length):
    project = P.example_project()
    project.dpo = P.Dpo(name="D", email="d@example.de")
    project.custom_sections = [P.CustomSection(id="c", title=P.LocalText(de="T", en="T"), body=P.LocalText(de="B", en="B"))]
    data = P.to_dict(project)
    for block in (data["controller"], data["dpo"]):
        for key in block:
            block[key] = "x" * length
    data["websites"] = ["https://" + "x" * length]
    data["custom_sections"][0]["body"]["de"] = "x" * length
    return json.dumps(data)


BAD_FILES = {
    "nested 2,000 deep": HEAD + ', "x": ' + "[" * 2000 + "]" * 2000 + "}",
    "nested 100,000 deep": HEAD + ', "x": ' + "{\"a\":" * 100_000 + "1" + "}" * 100_000 + "}",
    "nested 45 deep": HEAD + ', "x": ' + "[" * 45 + "]" * 45 + "}",
    "5,000-digit integer": HEAD + ', "x": ' + "9" * 5000 + "}",
    "5,000-digit schema version": '{"format": "policy-editor-project", "schema_version": ' + "9" * 5000 + "}",
    "4,000-digit schema version": '{"format": "policy-editor-project", "schema_version": ' + "9" * 4000 + "}",
    "v1 company is text": v1(company="Alt & Co"),
    "v1 company is a list": v1(company=["Alt"]),
    "v1 services is a number": v1(services=5),
    "v1 services is an object": v1(services={"a": 1}),
    "v1 service is a number": v1(services=[5]),
    "v1 language is a list": v1(language=["de"]),
    "v1 language unknown": v1(language="fr"),
    "v1 dpo name is a number": v1(has_dpo=True, dpo_name=5),
    "unknown language": HEAD + ', "languages": ["de", "fr"]}',
    "every field 100,000 characters": every_field(100_000),
    "custom body 20,001 characters": every_field(0).replace('"B"', '"' + "b" * 20_001 + '"', 1),
    "101 websites": HEAD + ', "websites": ' + json.dumps(["https://a.example"] * 101) + "}",
    "option key of 1,000 characters": HEAD + ', "services": [{"id": "s", "options": {"' + "k" * 1000 + '": 1}}]}',
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_file_is_one_sentence(name):
    with pytest.raises(P.ProjectError) as info:
        P.loads(BAD_FILES[name], "shop.json")
    message = str(info.value)
    assert message.startswith(("shop.json", "Shop.json", "This project", "The file"))
    assert "\n" not in message and len(message) < 300, message
    assert "Traceback" not in message and "Error" not in message


def test_length_message_names_field_and_limit():
    with pytest.raises(P.ProjectError, match=r"the company's name is 100,000 characters long; "
                                            r"Policy Editor accepts at most 300 there"):
        P.loads(every_field(100_000), "shop.json")
    P.loads(every_field(300), "shop.json")  # at the limit: fine


def test_limits_live_in_one_table():
    assert P.field_limit("controller.name") == P.SHORT
    assert P.field_limit("websites[]") == P.LINK
    assert P.field_limit("custom_sections[].body.de") == P.LONG
    assert P.field_limit("custom_sections[].title.de") == P.SHORT
    assert P.field_limit("services[].options.cookie") == P.LINK
    assert P.clean_text("ab\ud800cd", 3) == "ab\ufffd"


@pytest.mark.parametrize("name", ["v1 company is text", "nested 2,000 deep", "5,000-digit integer", "every field 100,000 characters"])
@pytest.mark.parametrize("command", [["check"], ["export", "-o", "OUT"]])
def test_cli_says_one_sentence_with_non_zero_exit(tmp_path, capsys, name, command):
    path = tmp_path / "shop.policy.json"
    path.write_text(BAD_FILES[name], encoding="utf-8")
    argv = [command[0], str(path)] + [str(tmp_path / "x.html") if a == "OUT" else a for a in command[1:]]
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.startswith("policy-editor: ") and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "x.html").exists()


# --- duplicates ------------------------------------------------------------------------------

def test_duplicated_services_are_kept_once_with_a_warning(tmp_path, catalog):
    sid = "google-analytics"
    services = [{"id": sid, "options": {"signals": True}}] + [{"id": sid, "options": {"signals": False}}] * 9_999
    services.append({"id": "stripe", "options": {}})
    path = tmp_path / "dup.json"
    path.write_text(HEAD + ', "services": ' + json.dumps(services) + "}", encoding="utf-8")
    loaded = P.load_file(path)
    assert loaded.project.service_ids() == [sid, "stripe"]
    assert loaded.project.services[0].options == {"signals": True}  # the first one, as it was
    assert len(loaded.warnings) == 1 and "'google-analytics' more than once" in loaded.warnings[0]
    document = compose(catalog, loaded.project, "de")
    assert sum(s.id == f"service-{sid}" for s in document.walk()) == 1


def test_cli_check_prints_the_duplicate_warning(tmp_path, capsys):
    path = tmp_path / "dup.json"
    path.write_text(HEAD + ', "services": [{"id": "stripe"}, {"id": "stripe"}]}', encoding="utf-8")
    main(["check", str(path)])  # in the findings' language: the project's first, German here
    _, err = capsys.readouterr()
    assert err.count("mehr als einmal") == 1 and err.startswith("policy-editor: warning: ")
    main(["check", "--language", "en", str(path)])
    _, err = capsys.readouterr()
    assert err.count("more than once") == 1 and err.startswith("policy-editor: warning: ")


def test_ten_thousand_distinct_unknown_services_load_check_and_compose_fast(catalog):
    text = HEAD + ', "services": ' + json.dumps([{"id": f"gone-{i}"} for i in range(5_000)]) + "}"
    start = time.perf_counter()
    project = P.loads(text)
    checks(catalog, project, lang="de")
    assert time.perf_counter() - start < 5


# --- integer options outside min/max ----------------------------------------------------------

def int_option(catalog):
    return next((s, o) for s in sorted(catalog.services.values(), key=lambda s: s.id) for o in s.options
                if o.type == "int" and o.min is not None and o.max is not None)


def test_out_of_range_integer_is_clamped_and_reported(catalog):
    service, option = int_option(catalog)
    assert option_values(service, {option.id: -5}, [])[option.id] == option.min
    assert option_values(service, {option.id: option.max + 10**9}, [])[option.id] == option.max
    assert option_values(service, {option.id: option.min}, [])[option.id] == option.min
    project = P.example_project()
    project.services = [P.SelectedService(id=service.id, options={option.id: -5})]
    text = "\n".join(str(b) for s in compose(catalog, project, "de").walk() for b in s.blocks)
    assert "-5" not in text
    found = [f for f in checks(catalog, project, lang="en") if f.code == "option-range"]
    assert len(found) == 1 and found[0].target == f"service:{service.id}"
    assert f"is -5, but {option.min} to {option.max} is allowed" in found[0].message
    assert f"says {option.min}" in found[0].message
    de = [f for f in checks(catalog, project, lang="de") if f.code == "option-range"]
    assert f"erlaubt ist {option.min} bis {option.max}" in de[0].message


# --- property-based: damaged project files ------------------------------------------------

junk = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=True)
    | st.text(max_size=20) | st.sampled_from(["", "de", "en", "fr", "NW", "google-analytics", "stripe", "\ud800"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def valid_data(catalog):
    project = P.example_project()
    project.dpo = P.Dpo(name="D", email="d@example.de")
    service, option = int_option(catalog)
    project.services = [P.SelectedService(id=service.id, options={option.id: option.min}), P.SelectedService(id="stripe")]
    project.custom_sections = [P.CustomSection(id="c1", title=P.LocalText(de="Titel", en="Title"),
                                               body=P.LocalText(de="Text *fett*", en="Text"), after="")]
    project.overrides = {"security": P.LocalText(de="Eigener Text", en="Own text")}
    return P.to_dict(project)


def paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from paths(value, prefix + (index,))


@st.composite
def damaged(draw, base):
    data = json.loads(json.dumps(base))
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.sampled_from(list(paths(data))[1:]))
        parent = data
        for step in where[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["junk", "delete", "partial-language", "deep", "huge-number", "long"]))
        if action == "delete":
            del parent[where[-1]]
        elif action == "partial-language":
            parent[where[-1]] = draw(st.sampled_from([{"de": "nur deutsch"}, {"en": "only English"}, ["en"], ["de"], []]))
        elif action == "deep":
            parent[where[-1]] = "DEEP"
        elif action == "huge-number":
            parent[where[-1]] = "HUGE"
        elif action == "long":
            parent[where[-1]] = "x" * draw(st.sampled_from([299, 301, 20_001]))
        else:
            parent[where[-1]] = draw(junk)
    text = json.dumps(data, ensure_ascii=False, allow_nan=True)
    depth = draw(st.sampled_from([10, 39, 41, 1500]))
    text = text.replace('"DEEP"', "[" * depth + "]" * depth)
    return text.replace('"HUGE"', draw(st.sampled_from(["9" * 30, "9" * 5000, "1e999", "-0.0"])))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_damaged_files_load_or_say_why_and_what_loads_checks_and_exports(catalog, data):
    text = data.draw(damaged(valid_data(catalog)))
    try:
        project = P.loads(text, "fuzz.json")
    except P.ProjectError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    lang = project.languages[0] if project.languages else "de"
    findings = checks(catalog, project, lang=lang)
    assert all(f.message for f in findings)
    for doc_lang in ("de", "en"):
        render(compose(catalog, project, doc_lang))
    P.loads(P.dumps(project))  # and what loads saves to something that loads again


def test_cli_process_prints_no_traceback(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "deep.policy.json"
    path.write_text(BAD_FILES["nested 100,000 deep"], encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "editor.cli", "check", str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stdout == ""
    # in the language of check's findings: German unless --language en
    assert result.stderr.count("\n") == 1 and "verschachtelt" in result.stderr and "Traceback" not in result.stderr
