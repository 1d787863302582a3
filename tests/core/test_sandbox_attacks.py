"""A hostile clause pack's templates: each attack here worked, hung or exhausted memory before
the sandbox was closed. Now each ends in a failed section and an error finding, quickly."""
from __future__ import annotations

import resource
import time
from pathlib import Path

import msgspec
import pytest
from jinja2.sandbox import ImmutableSandboxedEnvironment

from editor.core.checks import checks
from editor.core.compose import compose, composer_for
from editor.core.context import label_function
from editor.core.options import option_values
from editor.core.packs import load_catalog
from editor.core.project import Controller, Dpo, SelectedService, example_project
from editor.core.views import DATA_TYPES, ServiceView
from editor.resources import clause_packs_dir
from packtools import MINIMAL_SERVICE, write_pack

SECTION = '''
[[section]]
id = "evil"
order = 15
title = { de = "Böse", en = "Evil" }
template = "evil"
'''


def _compose_with_template(tmp_path: Path, source: str, lang: str = "de"):
    """Compose the example project with one extra fixed section whose template is ``source``."""
    write_pack(tmp_path / "packs", sections=SECTION, changes_core=("section:evil",), templates={"de/evil.md.j2": source, "en/evil.md.j2": source})
    catalog = load_catalog([clause_packs_dir()], [tmp_path / "packs"])
    assert [e for e in catalog.errors if "evil" in e.file] == [], catalog.errors
    started = time.monotonic()
    document = compose(catalog, example_project(), lang)
    return catalog, document, time.monotonic() - started


def _evil_failed(document) -> None:
    evil = next(s for s in document.sections if s.id == "evil")
    assert all(r.placeholder for b in evil.blocks for r in b.runs)
    assert any("evil" in e for e in document.errors), document.errors
    # the rest of the policy is still there
    assert {"controller", "rights", "complaint"} <= {s.id for s in document.sections}


GADGET = (
    # Text.get was a general getattr: Text.get(obj, name) on anything, then os.system
    "{% set g = authority.state_name.get %}"
    "{% set cls = g('_' ~ '_class_' ~ '_') %}"
    "{% set fn = cls.get(g, '_' ~ '_func_' ~ '_') %}"
    "{% set glb = cls.get(fn, '_' ~ '_globals_' ~ '_') %}"
    "{% set bi = glb.get('_' ~ '_builtins_' ~ '_') %}"
    "{{ bi.get('_' ~ '_import_' ~ '_')('os').system('touch {marker}') }}"
)


def test_text_get_gadget_cannot_reach_os_system(tmp_path):
    marker = tmp_path / "pwned"
    catalog, document, _ = _compose_with_template(tmp_path, GADGET.replace("{marker}", str(marker)))
    assert not marker.exists()
    _evil_failed(document)
    assert any("may not" in e for e in document.errors)


@pytest.mark.parametrize("source", [
    "{{ authority.state_name.get('de') }}",  # a method of a data type
    "{{ controller['_' ~ '_class_' ~ '_'] }}",
    "{{ 'x'.center(10) }}",  # str methods beyond a short list
    "{{ '{0}'.format(1) }}",
    "{{ services['_' ~ '_len_' ~ '_']() }}",
    "{{ controller.email.encode('utf-8') }}",
])
def test_templates_call_only_what_is_allowed(tmp_path, source):
    catalog, document, _ = _compose_with_template(tmp_path, "ok {{ controller.name }}" + source)
    _evil_failed(document)


@pytest.mark.parametrize("source", [
    "{% for a in 'x' * 1000 %}{% for b in 'x' * 1000 %}{% for c in 'x' * 1000 %}.{% endfor %}{% endfor %}{% endfor %}",
    "{{ 9 ** (9 ** 9) }}",
    "{{ 'x' * 10 ** 9 }}",
    "{{ ['x'] * 10 ** 9 }}",
    "{{ 'x' * 999999 ~ 'x' * 999999 }}",
    "{% macro m(s, n) %}{% if n %}{{ m(s ~ s, n - 1) }}{% else %}{{ s }}{% endif %}{% endmacro %}{{ m('xx', 40) }}",
    "{% macro m(n) %}{% if n %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}{% endmacro %}{{ m(40) }}",
    "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "{{ ('x' * 900000) | replace('x', 'xx') }}",
    "{{ ('x' * 900000) | replace('', 'yy') }}",
    "{{ (['x' * 900000, 'x' * 900000]) | join('') }}",
    "{{ 1 / 0 }}",
    "{{ 'a' + 1 }}",
    "{{ '%0999999999d' % 1 }}",
])
def test_runaway_templates_end_quickly_with_bounded_memory(tmp_path, source):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    catalog, document, seconds = _compose_with_template(tmp_path, source)
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    _evil_failed(document)
    assert seconds < 5, f"took {seconds:.1f} s"
    assert grown_mib < 200, f"memory grew by {grown_mib:.0f} MiB"
    finding = [f for f in checks(catalog, example_project(), document, lang="en") if f.code == "template-error"]
    assert finding and "evil" in finding[0].message


def test_a_runaway_template_costs_its_time_once(tmp_path):
    source = "{% for a in 'x' * 999999 %}{% for b in 'x' * 999999 %}.{% endfor %}{% endfor %}"
    catalog, document, _ = _compose_with_template(tmp_path, source)
    _evil_failed(document)
    started = time.monotonic()
    again = compose(catalog, example_project(), "de")
    assert time.monotonic() - started < 0.5
    assert again.errors == document.errors


def test_constant_folding_computes_nothing_at_compile_time(tmp_path):
    catalog = load_catalog([clause_packs_dir()])
    code = catalog.templates.env.compile("{{ 'x' | replace('x', 'y' * 100) ~ 'z' * 99999 }}", raw=True)
    assert len(code) < 20_000


def test_runaway_condition_of_a_purpose_is_a_pack_error(tmp_path):
    service = MINIMAL_SERVICE.format(id="tool") + 'when = "\'x\' * 10 ** 9"\n'
    write_pack(tmp_path / "packs", services=service)
    catalog = load_catalog([clause_packs_dir()], [tmp_path / "packs"])
    project = example_project()
    project.services = [SelectedService(id="tool")]
    started = time.monotonic()
    document = compose(catalog, project, "de")
    assert time.monotonic() - started < 5
    assert any("tool" in e and "condition" in e for e in document.errors), document.errors
    tool = next(s for s in document.walk() if s.id == "service-tool")
    assert all(r.placeholder for b in tool.blocks for r in b.runs)


def test_one_broken_service_keeps_the_other_services(tmp_path):
    broken = MINIMAL_SERVICE.format(id="tool").replace('retention = { de = "7 Tage.", en = "7 days." }',
                                                       'retention = { de = "{{ 1 / 0 }}", en = "{{ 1 / 0 }}" }')
    write_pack(tmp_path / "packs", services=broken)
    catalog = load_catalog([clause_packs_dir()], [tmp_path / "packs"])
    project = example_project()
    project.services = [SelectedService(id="tool"), SelectedService(id="stripe")]
    document = compose(catalog, project, "en")
    ids = {s.id for s in document.walk()}
    assert {"service-tool", "service-stripe"} <= ids
    assert any("tool" in e and "ZeroDivisionError" in e for e in document.errors)
    stripe = next(s for s in document.walk() if s.id == "service-stripe")
    assert not any(r.placeholder for b in stripe.blocks for r in getattr(b, "runs", ()))


# ---------------------------------------------------------------------------------------------
# the fast path for our data types is never wider than Jinja's generic sandbox


def _instances(catalog) -> list:
    project = example_project()
    objects: list = [project.controller, Dpo(name="D", email="d@example.org"), *catalog.authorities.values()]
    for service in catalog.services.values():
        view = composer_for(catalog).service_view(service, "de", option_values(service, {}, []))
        objects += [view, *view.purposes, service.names, service.retention]
        if view.provider:
            objects.append(view.provider)
        if view.transfer:
            objects += [view.transfer, *view.transfer.recipients]
        if service.provider:
            objects.append(service.provider)
    # the transfers table's lines, built from the views of every service with a transfer
    from editor.core import context as ctx
    views = tuple(v for v in objects if isinstance(v, ServiceView))
    objects += ctx.CONTEXT["transfer_rows"].build(ctx.Inputs(catalog, "de", project, views))
    # what the selected services of a category say alike (every service selected)
    objects += [shared for c in catalog.categories if (shared := composer_for(catalog).shared(c, views, "de"))]
    return objects


def test_every_public_attribute_of_every_data_type_is_a_plain_value(catalog):
    env = catalog.templates.env
    generic = ImmutableSandboxedEnvironment()
    objects = _instances(catalog)
    seen_types = {type(o) for o in objects}
    assert DATA_TYPES <= seen_types | {Controller, Dpo}, f"no instance checked for {DATA_TYPES - seen_types}"
    checked = 0
    for obj in objects:
        for name in dir(obj):
            value = env.getattr(obj, name)
            if isinstance(value, env.undefined):
                continue
            checked += 1
            assert not name.startswith("_"), (type(obj).__name__, name)
            assert not callable(value), f"{type(obj).__name__}.{name} is callable from templates"
            assert generic.is_safe_attribute(obj, name, value), (type(obj).__name__, name)
    assert checked > 1000


def test_data_type_methods_are_refused_through_every_path(catalog):
    from jinja2.exceptions import SecurityError, UndefinedError

    env = catalog.templates.env
    authority = next(iter(catalog.authorities.values()))
    for source in ("{{ a.state_name.get('de') }}", "{{ a.state_name['get']('de') }}",
                   "{{ [a.state_name] | map(attribute='get') | first }}", "{{ a.verified.replace(year=1) }}"):
        with pytest.raises((SecurityError, UndefinedError)):
            env.from_string(source).render(a=authority)
    assert label_function(catalog, "de")("basis", "consent")


def test_a_condition_is_checked_at_load_like_a_template(tmp_path):
    service = MINIMAL_SERVICE.format(id="tool") + 'when = "options[\'_\' ~ \'_class__\']"\n'
    write_pack(tmp_path / "packs", services=service)
    catalog = load_catalog([clause_packs_dir()], [tmp_path / "packs"])
    assert "tool" not in catalog.services
    assert any(e.field == "tool.purposes[0].when" and "may not use" in e.message for e in catalog.errors)


# ---------------------------------------------------------------------------------------------
# compiled templates read our data types' fields directly; nothing else takes that way


@pytest.mark.parametrize("source", [
    "{{ service.__class__ }}", "{{ service.__struct_fields__ }}", "{{ service.provider.__init__ }}",
    "{{ service.__class__.__init__.__globals__ }}", "{{ service.provider.__reduce__() }}",
    "{{ provider.privacy_address('de') }}", "{{ provider.privacy_address }}", "{{ service.names.get('de') }}",
    "{{ a.state_name.get('de') }}", "{{ a.state_name.get }}", "{{ a.verified.replace(year=1) }}",
    "{{ service.options.pop('x') }}", "{{ service.purposes.__len__() }}",
])
def test_plain_field_reads_refuse_what_the_sandbox_refuses(catalog, source):
    from jinja2.exceptions import SecurityError, UndefinedError

    env, view = catalog.templates.env, _view(catalog, "google-analytics")
    template = env.from_string(source)  # compiled by our code generator, not checked at load
    with pytest.raises((SecurityError, UndefinedError)):
        template.render(service=view, provider=catalog.services["google-analytics"].provider,
                        a=next(iter(catalog.authorities.values())))


def test_a_callable_in_a_field_is_refused_like_a_method(catalog):
    from jinja2.exceptions import SecurityError, UndefinedError

    env = catalog.templates.env
    forged = msgspec.structs.replace(_view(catalog, "google-analytics"), name=print, product=object)
    for source in ("{{ service.name }}", "{{ service.name('x') }}", "{{ service.product() }}"):
        with pytest.raises((SecurityError, UndefinedError)):
            env.from_string(source).render(service=forged)


def test_only_declared_fields_of_the_exact_data_types_are_read_directly(catalog):
    env = catalog.templates.env
    assert env.field_types("name") >= {ServiceView, Controller}
    for name in ("get", "privacy_address", "__class__", "__struct_fields__", "_secret", "__init__", "items"):
        assert env.field_types(name) == frozenset(), name
    assert all(kind in DATA_TYPES for name in ("name", "entity", "purposes") for kind in env.field_types(name))

    class Forged(ServiceView, frozen=True):
        @property
        def secret(self):
            return "leaked"

    forged = Forged(**msgspec.structs.asdict(_view(catalog, "google-analytics")))
    assert env.from_string("{{ service.name }}").render(service=forged) == env.getattr(forged, "name")
    assert env.field_types("secret") == frozenset()  # a subclass is not a data type: the old way


def test_a_plain_read_gives_what_the_sandbox_gives(catalog):
    env, read, checked = catalog.templates.env, {}, 0
    assert "field_owner.name" in env.compile("{{ service.name }}", raw=True)
    for obj in _instances(catalog):
        for name in type(obj).__struct_fields__:
            if name not in read:
                read[name] = env.compile_expression(f"o.{name}")
            assert read[name](o=obj) is env.getattr(obj, name), (type(obj).__name__, name)
            checked += 1
    assert checked > 5000


def _view(catalog, service_id: str) -> ServiceView:
    service = catalog.services[service_id]
    return composer_for(catalog).service_view(service, "de", option_values(service, {}, []))
