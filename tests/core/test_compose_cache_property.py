"""Cached equals uncached: compose() with its caches warm from earlier edits gives exactly the
document a composition from scratch gives.

Hypothesis plays random edit sessions on a project — tick and untick services, set options to
valid values of their declared types, type into company, DPO, website and state fields (with
Markdown specials), add/edit/move/remove custom sections, override sections, switch the
document language — and after every step compares

* the warm composition: the same catalog object, its composer's caches filled by every earlier step;
* a composition from scratch: a twin of the catalog (a new catalog object with its own, empty
  composer), so not one entry of the warm caches applies to it.

At the end of each session it also empties every cache (composer_for(catalog).reset(), which drops
the compiled templates too) and composes once more with a freshly built template store.
"""
from __future__ import annotations

import functools
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.compose import compose, composer_for
from editor.core.packs import Catalog
from editor.core.project import STATE_CODES, Controller, CustomSection, Dpo, LocalText, SelectedService, example_project
from packtools import catalog_twin

# Text users really type, plus everything Markdown or Jinja might read as syntax.
TRICKY = [
    "Müller & *Söhne* [GmbH]", "", "   ", "_kursiv_", "**fett**", "# Überschrift", "1. Punkt", "- Liste",
    "> Zitat", "`code`", "[Link](https://example.org)", "<b>html</b>", "{{ controller.name }}", "{% if %}",
    "a\\b", "Zeile 1\nZeile 2", "| a | b |\n|---|---|\n| 1 | 2 |", "https://www.example.de", "mailto:x@y.de",
    "info@müller-söhne.de", "+49 (0) 221 / 12 34-5", "Tischlerei Beispiel GmbH",
]
texts = st.one_of(st.sampled_from(TRICKY), st.text(max_size=40))
CONTROLLER_FIELDS = [f for f in Controller.__struct_fields__]
DPO_FIELDS = [f for f in Dpo.__struct_fields__]


def option_value(draw, option):
    if option.type == "bool":
        return draw(st.booleans())
    if option.type == "int":
        low = option.min if option.min is not None else -10**6
        high = option.max if option.max is not None else 10**6
        return draw(st.integers(low, high))
    if option.type == "choice":
        return draw(st.sampled_from([c.value for c in option.choices]))
    return draw(texts)


def edit(draw, catalog: Catalog, project, state: dict) -> str:
    """Apply one random edit to the project; returns a short description for failure reports."""
    service_ids = sorted(catalog.services)
    kind = draw(st.sampled_from(["tick", "tick", "option", "option", "controller", "controller", "dpo",
                                 "state", "websites", "custom_add", "custom_edit", "custom_remove",
                                 "override", "language", "stand"]))
    if kind == "tick":
        sid = draw(st.sampled_from(service_ids))
        if project.selected(sid):
            project.services = [s for s in project.services if s.id != sid]
            return f"untick {sid}"
        project.services = [*project.services, SelectedService(id=sid)]
        return f"tick {sid}"
    if kind == "option":
        with_options = [s for s in project.services if s.id in catalog.services and catalog.services[s.id].options]
        if not with_options:
            return "option (none selectable)"
        selected = draw(st.sampled_from(with_options))
        option = draw(st.sampled_from(catalog.services[selected.id].options))
        if draw(st.integers(0, 5)) == 0:
            selected.options = {k: v for k, v in selected.options.items() if k != option.id}
            return f"{selected.id}.{option.id} back to default"
        value = option_value(draw, option)
        selected.options = {**selected.options, option.id: value}
        return f"{selected.id}.{option.id} = {value!r}"
    if kind == "controller":
        name = draw(st.sampled_from(CONTROLLER_FIELDS))
        value = draw(texts)
        setattr(project.controller, name, value)
        return f"controller.{name} = {value!r}"
    if kind == "dpo":
        if project.dpo is None or draw(st.integers(0, 3)) == 0:
            project.dpo = None if project.dpo is not None else Dpo()
            return f"dpo = {project.dpo!r}"
        name = draw(st.sampled_from(DPO_FIELDS))
        value = draw(texts)
        setattr(project.dpo, name, value)
        return f"dpo.{name} = {value!r}"
    if kind == "state":
        project.state = draw(st.sampled_from(["", "XX", *STATE_CODES]))
        return f"state = {project.state!r}"
    if kind == "websites":
        project.websites = draw(st.lists(texts, max_size=3))
        return f"websites = {project.websites!r}"
    if kind == "custom_add":
        state["custom"] += 1
        section = CustomSection(id=f"c{state['custom']}", title=LocalText(de=draw(texts), en=draw(texts)),
                                body=LocalText(de=draw(texts), en=draw(texts)), after=draw(after_ids(catalog, project)))
        project.custom_sections = [*project.custom_sections, section]
        return f"add {section!r}"
    if kind == "custom_edit":
        if not project.custom_sections:
            return "custom_edit (none)"
        section = draw(st.sampled_from(project.custom_sections))
        part = draw(st.sampled_from(["title", "body", "after"]))
        if part == "after":
            section.after = draw(after_ids(catalog, project))
            return f"{section.id}.after = {section.after!r}"
        lang = draw(st.sampled_from(["de", "en"]))
        value = draw(texts)
        setattr(getattr(section, part), lang, value)
        return f"{section.id}.{part}.{lang} = {value!r}"
    if kind == "custom_remove":
        if not project.custom_sections:
            return "custom_remove (none)"
        section = draw(st.sampled_from(project.custom_sections))
        project.custom_sections = [c for c in project.custom_sections if c is not section]
        return f"remove {section.id}"
    if kind == "override":
        target = draw(after_ids(catalog, project))
        if target in project.overrides and draw(st.booleans()):
            project.overrides = {k: v for k, v in project.overrides.items() if k != target}
            return f"drop override {target}"
        text = LocalText(de=draw(texts), en=draw(texts))
        project.overrides = {**project.overrides, target: text}
        return f"override {target} = {text!r}"
    if kind == "language":
        state["lang"] = draw(st.sampled_from([None, "de", "en"]))
        if state["lang"] is None:
            project.languages = draw(st.sampled_from([["de", "en"], ["en", "de"], ["en"], ["de"]]))
        return f"language {state['lang']!r}, project.languages {project.languages!r}"
    if kind == "stand":
        project.stand = draw(st.sampled_from(["", "2026-01-31", "2025-12-24", "not a date"]))
        return f"stand = {project.stand!r}"
    raise AssertionError(kind)


def after_ids(catalog: Catalog, project):
    ids = [section.id for _, section in catalog.sections]
    ids += [f"category-{c}" for c in catalog.categories] + [f"service-{s.id}" for s in project.services]
    ids += [f"custom-{c.id}" for c in project.custom_sections]
    return st.sampled_from(["", "nowhere", *ids])


@functools.cache
def own_catalog() -> Catalog:
    """A catalog of its own (other tests' compositions must not warm it); not a fixture, so
    Hypothesis does not print the whole catalog in a failure report."""
    from editor.core.catalog_cache import default_catalog

    return catalog_twin(default_catalog(include_user=False))


def difference(warm, scratch) -> str:
    """The first section that differs, both ways, so a failure reads in a few lines."""
    if warm.sections == scratch.sections:
        return f"document fields differ: {warm!r} vs {scratch!r}"[:2000]
    for a, b in itertools.zip_longest(warm.sections, scratch.sections):
        if a != b:
            return f"\n  cached : {a!r}\n  scratch: {b!r}"
    return ""


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_cached_compose_equals_compose_from_scratch(data):
    catalog = own_catalog()
    composer_for(catalog).reset()
    project = example_project()
    project.stand = "2026-01-31"
    start = data.draw(st.lists(st.sampled_from(sorted(catalog.services)), max_size=25, unique=True), label="start")
    project.services = [SelectedService(id=s) for s in start]
    state = {"custom": 0, "lang": None}
    warm = compose(catalog, project, state["lang"])
    steps = []
    for _ in range(data.draw(st.integers(1, 15), label="steps")):
        steps.append(edit(data.draw, catalog, project, state))
        warm = compose(catalog, project, state["lang"])
        scratch = compose(catalog_twin(catalog), project, state["lang"])
        assert warm == scratch, "cached compose differs from scratch after: " + " → ".join(steps) + difference(warm, scratch)
    composer_for(catalog).reset()
    cold = compose(catalog_twin(catalog, fresh_templates=True), project, state["lang"])
    assert warm == cold, "differs from a compose with every cache emptied" + difference(warm, cold)
    composer_for(catalog).reset()


def test_reset_caches_empties_every_composition_cache(full_project):
    composer = composer_for(own_catalog())
    compose(own_catalog(), full_project, "de")
    cached = composer.cached()
    assert cached["services"] and cached["sections"] and cached["views"]
    assert cached["markdown"]
    composer.reset()
    cached = composer.cached()
    assert not (cached["services"] or cached["sections"] or cached["views"])
    assert cached["markdown"] == 0
