"""The names a template may read are declared once (editor.core.context.CONTEXT):

* a template that reads an undeclared name — or a name its kind of template does not see — is
  refused at pack load with file and line, never composed into silently stale text;
* every declared name's key really follows its value: for each name, a probe section (or
  service) whose template reads only that name is composed warm after a series of edits and
  compared with a composition from scratch, and each probe's text must change along the way.
"""
import pytest
from packtools import MINIMAL_SERVICE, catalog_twin, write_pack

from editor.core import context as ctx
from editor.core.compose import compose
from editor.core.packs import load_catalog
from editor.core.project import Dpo, SelectedService, example_project
from editor.resources import clause_packs_dir

SECTION = '''
[[section]]
id = "{id}"
order = {order}
title = {{ de = "{id}", en = "{id}" }}
template = "{id}"
'''


def _load(tmp_path, **pack):
    write_pack(tmp_path / "packs", **pack)
    return load_catalog([clause_packs_dir()], [tmp_path / "packs"])


def _errors(catalog):
    return [e for e in catalog.errors if e.file.startswith("demo")]


# ---------------------------------------------------------------------------------------------
# undeclared names are refused at load, with file and line


def test_a_section_template_reading_an_unknown_name_is_a_pack_error_at_load(tmp_path):
    body = "Hallo.\n\n{{ controler.name }}\n"  # a typo: the name no template knows
    catalog = _load(tmp_path, sections=SECTION.format(id="probe", order=15), changes_core=("section:probe",),
                    templates={"de/probe.md.j2": body, "en/probe.md.j2": body})
    (error, *rest) = [e for e in _errors(catalog) if e.file.endswith("probe.md.j2")]
    assert error.file == "demo/templates/de/probe.md.j2" and error.line == 3
    assert "'controler'" in error.message and "not a value templates know" in error.message
    assert "probe" not in [s.id for _, s in catalog.sections]  # never composed with stale or broken text


def test_a_section_template_reading_a_service_name_is_refused(tmp_path):
    body = "{{ service.name }}\n"
    catalog = _load(tmp_path, sections=SECTION.format(id="probe", order=15), changes_core=("section:probe",),
                    templates={"de/probe.md.j2": body, "en/probe.md.j2": body})
    errors = [e for e in _errors(catalog) if e.file.endswith("probe.md.j2")]
    assert errors and all(e.line == 1 and "not available to a section template" in e.message for e in errors)
    assert "probe" not in [s.id for _, s in catalog.sections]


def test_a_category_template_reading_company_details_is_refused(tmp_path):
    body = "{{ service.name }}: {{ controller.name }}\n"
    catalog = _load(tmp_path, templates={"de/category-tools.md.j2": body, "en/category-tools.md.j2": "{{ lang }}\n"})
    (error,) = _errors(catalog)
    assert (error.file, error.line) == ("demo/templates/de/category-tools.md.j2", 1)
    assert "'controller' is not available to a service template" in error.message
    assert not catalog.templates.has("demo", "de", "category-tools")


@pytest.mark.parametrize("field, toml, kind", [
    ("retention.de", 'retention = { de = "{{ optionz.days }} Tage.", en = "days" }', "not a value templates know"),
    ("retention.de", 'retention = { de = "{{ controller.name }}", en = "days" }', "not available to a record text template"),
    ("text.en", 'text = { de = "{{ service.name }}", en = "{{ stand }}" }', "not available to a service text template"),
    ("purposes[0].when", 'when = "options.days > 3 and websites"', "not available to a condition template"),
])
def test_a_record_text_reading_an_unknown_name_is_a_pack_error_at_load(tmp_path, field, toml, kind):
    service = MINIMAL_SERVICE.format(id="tool").replace('retention = { de = "7 Tage.", en = "7 days." }\n', "")
    if field.startswith("purposes"):
        service += toml + '\n\n[service.retention]\nde = "7 Tage."\nen = "7 days."\n'
    else:
        service = service.replace("[[service.purposes]]", toml + "\n\n[[service.purposes]]")
        if not field.startswith("retention"):
            service = service.replace("[[service.purposes]]", 'retention = { de = "7 Tage.", en = "7 days." }\n\n[[service.purposes]]')
    catalog = _load(tmp_path, services=service)
    (error,) = _errors(catalog)
    assert error.file == "demo/services/tools.toml" and error.line and error.field == f"tool.{field}"
    assert kind in error.message
    assert "tool" not in catalog.services


def test_the_bundled_packs_read_only_declared_names(catalog):
    assert not catalog.errors
    for name in catalog.templates.sources:
        if name.startswith("inline/"):  # other tests' ad-hoc templates
            continue
        assert set(catalog.templates.reads(name)) <= set(ctx.CONTEXT), name


# ---------------------------------------------------------------------------------------------
# every declared name's key changes whenever its value may


PROBE_SERVICE = '''
[[service]]
id = "{id}"
category = "{category}"
version = "1"
names = {{ de = "{id}", en = "{id} (en)" }}
keywords = ["probe"]
role = "processor"
verified = 2026-11-21
sources = ["https://example.org/source"]
description = {{ de = "Sonde.", en = "Probe." }}
data = {{ de = ["IP-Adresse"], en = ["IP address"] }}
retention = {{ de = "{{{{ options.days }}}} Tage.", en = "{{{{ options.days }}}} days." }}
{extra}

[service.provider]
entity = "Probe Ltd"
address = "1 Probe Street, Dublin"
country = "IE"
privacy_url = "https://example.org/privacy"

[[service.purposes]]
text = {{ de = "Betrieb.", en = "Operation." }}
basis = "contract"

[[service.options]]
id = "days"
type = "int"
default = 7
label = {{ de = "Tage", en = "Days" }}
'''

# what a probe template prints for each name: the whole value, so any change of it shows
PRINT = {"label": '{{ label("basis", "consent") }}', "placeholder": '{{ placeholder("x") }}',
         "filled": '{{ filled("", "x") }}', "link": '{{ link("a", "https://example.org") }}'}
SERVICE_NAMES = [n for n in ctx.CONTEXT if ctx.SERVICE in ctx.CONTEXT[n].kinds and ctx.SECTION not in ctx.CONTEXT[n].kinds]
SECTION_NAMES = [n for n in ctx.CONTEXT if ctx.SECTION in ctx.CONTEXT[n].kinds]
HELPERS = {n for n, d in ctx.CONTEXT.items() if d.build is None}
# names only conditions read: a fact of the service record, the same for every project (own test below)
CONDITION_NAMES = [n for n in ctx.CONTEXT if ctx.CONTEXT[n].kinds == {ctx.CONDITION}]


def _probe_catalog(tmp_path):
    sections = "".join(SECTION.format(id=f"probe-{n}", order=15) for n in SECTION_NAMES)
    templates = {}
    for name in [*SECTION_NAMES, *SERVICE_NAMES]:
        for lang in ("de", "en"):
            templates[f"{lang}/probe-{name}.md.j2"] = PRINT.get(name, "{{ %s }}" % name) + "\n"
    services = "".join(PROBE_SERVICE.format(id=f"probe-{n}", category={"shared": "fonts", "hosted": "hosting"}.get(n, "tools"),
                                            extra=f'template = "probe-{n}"') for n in SERVICE_NAMES)
    # what a category says once needs two services of it whose templates read it: the shared
    # probe gets a twin in a category of its own ("probe options" then sets only one's days)
    services += PROBE_SERVICE.format(id="probe-shared-twin", category="fonts", extra='template = "probe-shared"')
    # the handlers probe names the selected hosting services ("select more services" adds one)
    services = services.replace('template = "probe-handlers"', 'template = "probe-handlers"\nhandled_by = ["hosting"]')
    services = services.replace('template = "probe-extra"', 'template = "probe-extra"\n'
                                'text = { de = "{{ consent_tool.name if consent_tool else \'-\' }} {{ options.days }}", '
                                'en = "{{ consent_tool.retention if consent_tool else \'-\' }} {{ lang }}" }')
    services += PROBE_SERVICE.format(id="probe-consent", category="consent", extra="")
    catalog = _load(tmp_path, sections=sections, templates=templates, services=services,
                    changes_core=tuple(f"section:probe-{n}" for n in SECTION_NAMES))
    assert not catalog.errors, catalog.errors
    return catalog


def _set_option(project, service_id, days):
    project.services = [SelectedService(id=s.id, options={"days": days} if s.id == service_id else s.options)
                        for s in project.services]


def _edits(catalog):
    """(description, edit of project and language) — together they move every declared dependency."""
    bundled = [s for s in catalog.services.values() if not s.id.startswith("probe-")]
    more = [next(s.id for s in bundled if s.transfer and s.transfer.countries),
            next(s.id for s in bundled if s.role == "joint_controller"),
            next(s.id for s in bundled if s.category == "consent"), "probe-consent",
            next(s.id for s in bundled if s.category == "hosting" and s.provider is not None),
            # a self-hosted tool on the hoster's servers: the hosted probe (a hoster) names it
            "etherpad-self-hosted",
            next(s.id for s in bundled if catalog.categories[s.category].automated_decisions == "scoring"),
            next(s.id for s in bundled if catalog.categories[s.category].automated_decisions == "by_provider"
                 and s.role == "controller"),
            next(s.id for s in bundled if catalog.serves_patients(s))]  # a practice's: patients

    def select_all(p):
        p.services = [*p.services, *(SelectedService(id=s) for s in more)]

    def controller(p):
        p.controller.name = "Müller & *Söhne*"

    def legal_form(p):
        p.controller.legal_form = "freelancer"  # no merchant: § 147 AO only

    def dpo(p):
        p.dpo = Dpo(name="Dora")

    def dpo_name(p):
        p.dpo.name = "Dieter"

    def state(p):
        p.state = "BY"

    def websites(p):
        p.websites = ["https://www.example.org"]

    def stand(p):
        p.stand = "2025-12-24"

    def probe_options(p):
        for name in SERVICE_NAMES:
            _set_option(p, f"probe-{name}", 9)

    def some_option(p):
        _set_option(p, "probe-service", 11)

    def consent_option(p):
        _set_option(p, "probe-consent", 30)

    def consent_off(p):
        p.services = [s for s in p.services if catalog.services[s.id].category != "consent"]

    return [("select more services", select_all), ("company name", controller), ("legal form", legal_form), ("add a DPO", dpo), ("DPO name", dpo_name),
            ("state", state), ("websites", websites), ("stand", stand), ("probe options", probe_options),
            ("one option", some_option), ("consent tool option", consent_option), ("no consent tool", consent_off)]


def _probe_texts(document):
    found = {}
    for section in document.walk():
        if section.id.startswith(("probe-", "service-probe-")):
            name = section.id.removeprefix("service-").removeprefix("probe-")
            found[name] = repr(section.blocks)
    return found


def test_every_declared_name_invalidates_what_reads_it(tmp_path):
    assert set(SERVICE_NAMES) | set(SECTION_NAMES) | set(CONDITION_NAMES) == set(ctx.CONTEXT), "a declared name has no probe"
    catalog = _probe_catalog(tmp_path)
    project = example_project()
    project.stand = "2026-01-31"
    project.services = [SelectedService(id=f"probe-{n}") for n in (*SERVICE_NAMES, "shared-twin")]
    seen: dict[str, set[str]] = {}
    for lang in ("de", "en"):
        steps = []
        for description, edit in [("start", lambda p: None), *_edits(catalog)]:
            edit(project)
            steps.append(description)
            warm = compose(catalog, project, lang)
            scratch = compose(catalog_twin(catalog), project, lang)
            assert warm == scratch, f"{lang}: stale after " + " → ".join(steps)
            for name, text in _probe_texts(warm).items():
                seen.setdefault(name, set()).add(text)
        project = example_project()
        project.stand = "2026-01-31"
        project.services = [SelectedService(id=f"probe-{n}") for n in (*SERVICE_NAMES, "shared-twin")]
    unchanged = sorted(n for n, texts in seen.items() if len(texts) < 2 and n not in HELPERS)
    assert not unchanged, f"no edit changed what these names print, so their keys went untested: {unchanged}"


RUNS_SITE_PROBE = MINIMAL_SERVICE.replace('role = "self_hosted"', 'role = "self_hosted"\n{extra}').replace(
    'en = ["IP address"] }}', 'en = ["IP address"], conditional = [{{ de = "Aufrufdaten", en = "request data", when = "runs_site" }}] }}'
) + '''
[[service.purposes]]
text = {{ de = "Protokolle jedes Aufrufs.", en = "Logs of every request." }}
basis = "contract"
when = "runs_site"

[[service.purposes]]
text = {{ de = "Kein Server.", en = "No server." }}
basis = "contract"
when = "not runs_site"

[[service.tasks]]
id = "logs-{id}"
text = {{ de = "Logs prüfen.", en = "Check the logs." }}
when = "runs_site"
'''


def test_runs_site_in_a_condition_is_the_records_and_stays_true_warm(tmp_path):
    """runs_site (the service's own, else its category's — catalog.runs_site) decides purposes,
    conditional data and tasks alike; its key is the value, fixed by the record: warm == scratch."""
    assert CONDITION_NAMES == ["runs_site"]
    from editor.core.tasks import site_tasks

    services = (RUNS_SITE_PROBE.format(id="server", extra="runs_site = true")
                + RUNS_SITE_PROBE.format(id="plain", extra=""))
    catalog = _load(tmp_path, services=services)
    assert not catalog.errors, catalog.errors
    project = example_project()
    project.stand = "2026-01-31"
    for chosen in (["plain"], ["server", "plain"], ["server"]):
        project.services = [SelectedService(id=s) for s in chosen]
        for lang in ("de", "en"):
            warm = compose(catalog, project, lang)
            assert warm == compose(catalog_twin(catalog), project, lang)
        texts = {s.id: repr(s.blocks) for s in compose(catalog, project, "de").walk() if s.id.startswith("service-")}
        for sid in chosen:
            runs = sid == "server"
            assert ("Protokolle jedes Aufrufs" in texts[f"service-{sid}"]) is runs
            assert ("Aufrufdaten" in texts[f"service-{sid}"]) is runs
            assert ("Kein Server" in texts[f"service-{sid}"]) is not runs
        assert [t.id for t in site_tasks(catalog, project) if t.id.startswith("logs-")] == (
            ["logs-server"] if "server" in chosen else [])


def test_runs_site_in_a_requirements_condition_is_the_records(tmp_path):
    """A requirement's ``when`` is a condition like a purpose's: the pack loader accepts runs_site
    there, so checks() decides it as compose() does — it was evaluated with the options alone,
    failed on the unknown name and then held for every service."""
    from editor.core.checks import checks

    needs = '''
[[service.requires]]
any_of = ["helper"]
when = "runs_site"
because = { de = "Der Server braucht den Helfer.", en = "The server needs the helper." }
'''
    services = (MINIMAL_SERVICE.replace('role = "self_hosted"', 'role = "self_hosted"\nruns_site = true')
                .format(id="server") + needs
                + MINIMAL_SERVICE.format(id="plain") + needs + MINIMAL_SERVICE.format(id="helper"))
    catalog = _load(tmp_path, services=services)
    assert not catalog.errors, catalog.errors
    project = example_project()
    for chosen, needy in ((["plain"], []), (["server"], ["server"]), (["server", "helper"], [])):
        project.services = [SelectedService(id=s) for s in chosen]
        found = [f.message for f in checks(catalog, project, lang="en") if f.code == "requires"]
        assert len(found) == len(needy) and all("needs the helper" in m for m in found), (chosen, found)
