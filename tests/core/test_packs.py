"""Loading and validating clause packs: good packs load, broken ones are reported precisely."""
from pathlib import Path

import pytest

from packtools import MINIMAL_SERVICE, write_pack
from editor.core.checks import checks
from editor.core.compose import ComposeError, compose, composer_for
from editor.core.packs import load_catalog, locate_line
from editor.core.project import SelectedService, example_project
from editor.resources import clause_packs_dir


def load_with(tmp_path: Path):
    return load_catalog([clause_packs_dir(), tmp_path])


def test_bundled_catalog_loads_without_errors(catalog):
    assert catalog.errors == []
    assert "core" in catalog.packs
    assert len(catalog.authorities) == 16
    assert {s.id for _, s in catalog.sections} >= {"controller", "rights", "complaint", "changes"}


def test_good_extra_pack_adds_its_service(tmp_path):
    write_pack(tmp_path)
    catalog = load_with(tmp_path)
    assert catalog.errors == []
    assert catalog.service_pack["tool"] == "demo"
    assert catalog.categories["tools"].title.de == "Werkzeuge"


def test_missing_field_is_reported_with_file_line_and_field(tmp_path):
    broken = MINIMAL_SERVICE.format(id="tool").replace('retention = { de = "7 Tage.", en = "7 days." }\n', "")
    write_pack(tmp_path, services=broken)
    catalog = load_with(tmp_path)
    assert "tool" not in catalog.services
    (error,) = [e for e in catalog.errors if "demo" in e.file]
    assert error.file.endswith("demo/services/tools.toml")
    assert "retention" in error.message
    assert error.line == 2  # the [[service]] header of the record


def test_wrong_type_points_at_the_line_of_the_field(tmp_path):
    broken = MINIMAL_SERVICE.format(id="tool").replace('keywords = ["tool"]', "keywords = 5")
    write_pack(tmp_path, services=broken)
    (error,) = [e for e in load_with(tmp_path).errors if "demo" in e.file]
    assert error.field == "service[0].keywords"
    assert error.line == 7
    assert "array" in error.message or "list" in error.message


def test_missing_translation_is_an_error(tmp_path):
    broken = MINIMAL_SERVICE.format(id="tool").replace('names = { de = "Werkzeug", en = "Tool" }', 'names = { de = "Werkzeug" }')
    write_pack(tmp_path, services=broken)
    (error,) = [e for e in load_with(tmp_path).errors if "demo" in e.file]
    assert "'en'" in error.message


def test_toml_syntax_error_has_line_and_other_packs_still_load(tmp_path):
    write_pack(tmp_path, services="[[service]\nid = 1\n")
    catalog = load_with(tmp_path)
    (error,) = [e for e in catalog.errors if "demo" in e.file]
    assert error.line == 1 and "TOML" in error.message
    assert "google-analytics" in catalog.services  # the bundled pack is untouched


def test_unknown_field_is_reported_as_possible_typo(tmp_path):
    broken = MINIMAL_SERVICE.format(id="tool").replace('role = "self_hosted"', 'role = "self_hosted"\nrolle = "x"')
    write_pack(tmp_path, services=broken)
    (error,) = [e for e in load_with(tmp_path).errors if "demo" in e.file]
    assert "rolle" in error.message and "typo" in error.message


@pytest.mark.parametrize("change, field, words", [
    ('basis = "contract"', "purposes[0].interest", "legitimate interest"),
    ('role = "self_hosted"', "provider", "needs a provider"),
    ('sources = ["https://example.org/source"]', "sources", "https"),
])
def test_semantic_rules(tmp_path, change, field, words):
    record = MINIMAL_SERVICE.format(id="tool")
    replacement = {
        'basis = "contract"': 'basis = "legitimate_interest"',
        'role = "self_hosted"': 'role = "processor"',
        'sources = ["https://example.org/source"]': 'sources = ["http://insecure.example"]',
    }[change]
    write_pack(tmp_path, services=record.replace(change, replacement))
    errors = [e for e in load_with(tmp_path).errors if "demo" in e.file]
    assert any(e.field == f"tool.{field}" and words in e.message for e in errors), errors


def test_us_transfer_without_safeguard_is_rejected(tmp_path):
    record = MINIMAL_SERVICE.format(id="tool").replace('role = "self_hosted"', 'role = "processor"') + '''
[service.provider]
entity = "Tool Inc."
address = "1 Main St, Springfield"
country = "US"
privacy_url = "https://tool.example/privacy"

[service.transfer]
countries = ["US"]
safeguard = "none"
'''
    write_pack(tmp_path, services=record)
    errors = [e for e in load_with(tmp_path).errors if "demo" in e.file]
    assert any(e.field == "tool.transfer.safeguard" for e in errors)


def test_duplicate_service_id_keeps_the_first(tmp_path):
    write_pack(tmp_path, services=MINIMAL_SERVICE.format(id="google-analytics"))
    catalog = load_with(tmp_path)
    assert catalog.service_pack["google-analytics"] == "core"
    assert any("already defined" in e.message for e in catalog.errors)


MALICIOUS = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ self._TemplateReference__context }}",
    "{% include 'core/de/' ~ name %}",
    "{{ cycler.__init__.__globals__.os }}",
]


@pytest.mark.parametrize("source", MALICIOUS)
def test_malicious_template_is_rejected_at_load(tmp_path, source):
    sections = '''
    [[section]]
    id = "evil"
    order = 15
    title = { de = "Böse", en = "Evil" }
    template = "evil"
    '''
    write_pack(tmp_path, sections=sections, templates={"de/evil.md.j2": source, "en/evil.md.j2": source})
    catalog = load_with(tmp_path)
    assert not any(s.id == "evil" for _, s in catalog.sections)
    messages = [str(e) for e in catalog.errors if "demo" in e.file]
    assert messages, "the malicious template was not reported"


def test_sandbox_blocks_internals_even_without_static_check(catalog):
    """The static check is a first line; the runtime sandbox must hold on its own."""
    from jinja2.exceptions import SecurityError, UndefinedError

    env = catalog.templates.env
    for source in ("{{ x.__class__ }}", "{{ x.mro() }}", "{{ f.__globals__ }}"):
        with pytest.raises((SecurityError, UndefinedError)):
            env.from_string(source).render(x="", f=lambda: 1)


def test_no_file_system_or_network_from_templates(catalog):
    from jinja2.exceptions import TemplateNotFound

    env = catalog.templates.env
    with pytest.raises(TemplateNotFound):
        env.from_string("{% include '/etc/passwd' %}").render()
    with pytest.raises(TemplateNotFound):
        env.from_string("{% include 'https://example.org/x' %}").render()
    assert "range" not in env.globals and "lipsum" not in env.globals


def test_runtime_security_error_becomes_a_failed_section_and_an_error_finding(tmp_path):
    # An attribute name built at run time slips past the static check; the sandbox stops it,
    # the section says it failed, checks() reports it, and every other section is still there.
    source = "{{ controller['_' ~ '_' ~ 'class' ~ '_' ~ '_'] }}"
    sections = '''
    [[section]]
    id = "sneaky"
    order = 15
    title = { de = "X", en = "X" }
    template = "sneaky"
    '''
    write_pack(tmp_path, sections=sections, changes_core=("section:sneaky",),
               templates={"de/sneaky.md.j2": source, "en/sneaky.md.j2": source})
    catalog = load_with(tmp_path)
    assert catalog.errors == []
    document = compose(catalog, example_project(), "de")
    assert len(document.errors) == 1
    assert "sneaky" in document.errors[0] and "may not" in document.errors[0]
    sneaky = next(s for s in document.sections if s.id == "sneaky")
    assert [r.placeholder for b in sneaky.blocks for r in b.runs] == [True]
    assert {"controller", "rights"} <= {s.id for s in document.sections}
    findings = [f for f in checks(catalog, example_project(), document, lang="en") if f.code == "template-error"]
    assert findings and findings[0].severity == "error" and "sneaky" in findings[0].message


def test_static_check_refuses_dunder_text_in_templates():
    from editor.core.templating import check_template_source

    assert "may not use" in check_template_source("{{ x[\"__class__\"] }}")
    assert "may not use" in check_template_source("{{ x.get('__class__') }}")
    assert "not available" in check_template_source("{{ 'x' | center(99) }}")
    assert check_template_source("{{ services | map(attribute='name') | join(', ') }}") is None


def test_locate_line_finds_nested_tables():
    text = '[[service]]\nid = "a"\n[[service]]\nid = "b"\n[[service.purposes]]\nbasis = "x"\n[[service.purposes]]\nbasis = "y"\n'
    assert locate_line(text, ["service", 1, "purposes", 1, "basis"]) == 8
    assert locate_line(text, ["service", 1, "id"]) == 4


def test_user_pack_loads_after_bundled(tmp_path):
    user = tmp_path / "user"
    user.mkdir()
    write_pack(user, pack_id="mine", services=MINIMAL_SERVICE.format(id="my-tool"))
    catalog = load_catalog([clause_packs_dir()], [user])
    assert catalog.packs["mine"].user is True
    project = example_project()
    project.services = [SelectedService(id="my-tool")]
    titles = [s.title for s in compose(catalog, project, "de").walk()]
    assert "Werkzeug" in titles


def test_fast_attribute_path_for_views_still_refuses_private_names(catalog):
    from jinja2.exceptions import SecurityError, UndefinedError

    from editor.core.options import option_values

    service = catalog.services["google-analytics"]
    view = composer_for(catalog).service_view(service, "de", option_values(service, {}, []))
    env = catalog.templates.env
    assert env.from_string("{{ s.name }}").render(s=view) == "Google Analytics 4"
    for source in ("{{ s.__class__ }}", "{{ s.__dict__ }}", "{{ s.provider.__class__.__mro__ }}",
                   "{{ s.__reduce__() }}", "{{ s._fields }}"):
        with pytest.raises((SecurityError, UndefinedError)):
            env.from_string(source).render(s=view)


@pytest.mark.parametrize("extra, field, words", [
    ('tasks = [{ id = "Bad Id", text = { de = "Tun.", en = "Do." } }]', "tasks[0].id", "own id"),
    ('tasks = [{ id = "t", text = { de = "Tun.", en = "" } }]', "tasks[0].text", "German and English"),
    ('tasks = [{ id = "t", option = "nope", text = { de = "Tun.", en = "Do." } }]', "tasks[0].option", "not an option"),
    ('tasks = [{ id = "t", link = "http://x.example", text = { de = "Tun.", en = "Do." } }]', "tasks[0].link", "https"),
    ('periods = [{ data = "server_logs" }]', "periods[0]", "either days or the option"),
    ('periods = [{ data = "server_logs", option = "nope" }]', "periods[0].option", "not an int option"),
])
def test_tasks_and_periods_are_checked_at_load(tmp_path, extra, field, words):
    record = MINIMAL_SERVICE.format(id="tool").replace('role = "self_hosted"\n', 'role = "self_hosted"\n' + extra + "\n")
    write_pack(tmp_path, services=record)
    errors = [e for e in load_with(tmp_path).errors if "demo" in e.file]
    assert any(e.field == f"tool.{field}" and words in e.message for e in errors), errors


def test_a_good_task_and_period_load(tmp_path):
    record = MINIMAL_SERVICE.format(id="tool").replace('role = "self_hosted"\n', 'role = "self_hosted"\n'
        'tasks = [{ id = "say-it", text = { de = "Sagen Sie es.", en = "Say it." }, link = "https://example.org/x" }]\n'
        'periods = [{ data = "server_logs", days = 7 }]\n')
    write_pack(tmp_path, services=record)
    catalog = load_with(tmp_path)
    assert not [e for e in catalog.errors if "demo" in e.file]
    assert catalog.services["tool"].tasks[0].link == "https://example.org/x" and catalog.services["tool"].periods[0].days == 7


def test_a_category_task_is_checked_at_load_and_switched_on_by_a_service_option(tmp_path):
    categories = '''
[[category]]
id = "tools"
order = 150
title = { de = "Werkzeuge", en = "Tools" }
tasks = [{ id = "tell-them", option = "ads", text = { de = "Sagen Sie es.", en = "Tell them." } }]

[[category]]
id = "broken"
order = 151
title = { de = "Kaputt", en = "Broken" }
tasks = [{ id = "x", text = { de = "", en = "Do." } }]
'''
    record = MINIMAL_SERVICE.format(id="tool") + '''
[[service.options]]
id = "ads"
type = "bool"
default = false
label = { de = "Werbung", en = "Advertising" }
'''
    write_pack(tmp_path, services=record, extra_files={"categories.toml": categories})
    catalog = load_with(tmp_path)
    assert [e.field for e in catalog.errors if "demo" in e.file] == ["category broken.tasks[0].text"]
    from editor.core.project import SelectedService, example_project
    from editor.core.tasks import site_tasks

    project = example_project()
    project.services = [SelectedService(id="tool")]
    assert "tell-them" not in [t.id for t in site_tasks(catalog, project)]
    project.services = [SelectedService(id="tool", options={"ads": True})]
    assert [t.text for t in site_tasks(catalog, project, "en") if t.id == "tell-them"] == ["Tell them."]


CONDITIONAL_DATA = MINIMAL_SERVICE.format(id="tool").replace(
    'data = { de = ["IP-Adresse"], en = ["IP address"] }\n', "") + """
[[service.options]]
id = "surveys"
type = "bool"
default = false
label = { de = "Umfragen", en = "Surveys" }

[service.data]
de = ["IP-Adresse"]
en = ["IP address"]
[[service.data.conditional]]
de = "Antworten in Umfragen"
en = "answers in surveys"
when = "WHEN"
"""


def test_a_data_category_with_a_when_is_listed_only_while_its_option_holds(tmp_path):
    write_pack(tmp_path, services=CONDITIONAL_DATA.replace("WHEN", "options.surveys"))
    catalog = load_with(tmp_path)
    assert [e for e in catalog.errors if "demo" in e.file] == []
    for lang, item in (("de", "Antworten in Umfragen"), ("en", "answers in surveys")):
        for surveys in (False, True):
            project = example_project()
            project.services = [SelectedService(id="tool", options={"surveys": surveys})]
            view = composer_for(catalog).service_view(catalog.services["tool"], lang, {"surveys": surveys})
            assert (item in view.data) is surveys
            text = " ".join(r.text for s in compose(catalog, project, lang).walk() if s.id == "service-tool"
                            for b in s.blocks for r in getattr(b, "runs", ()))
            assert (item in text) is surveys


@pytest.mark.parametrize("when, words", [
    ("options.survey", "'survey' is not an option"),  # a typo would never hold
    ("options.surveys and", "syntax"),
    ("controller.name", "not available"),  # a condition sees the options only
])
def test_a_data_category_condition_is_checked_at_load(tmp_path, when, words):
    write_pack(tmp_path, services=CONDITIONAL_DATA.replace("WHEN", when))
    errors = [e for e in load_with(tmp_path).errors if "demo" in e.file]
    assert any(e.field == "tool.data.conditional[0].when" and words in e.message for e in errors), errors
