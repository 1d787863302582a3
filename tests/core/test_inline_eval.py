"""Record texts evaluated by walking Jinja's tree (editor.core.inline_eval) give what the compiled
template gives — the same text, or the same error — and stay inside the sandbox."""
import pytest
from jinja2.exceptions import SecurityError, UndefinedError
from packtools import catalog_twin

from editor.core import inline_eval, templating
from editor.core.compose import compose
from editor.core.context import label_function
from editor.core.inline_eval import Evaluated, simple
from editor.core.project import SelectedService, example_project


def _variants(service):
    """Option values that move every branch of a service's texts: defaults, each choice, each bool flipped, limits."""
    yield {}
    for option in service.options:
        if option.type == "choice":
            for choice in option.choices:
                yield {option.id: choice.value}
        elif option.type == "bool":
            yield {option.id: not option.default}
        elif option.type == "int":
            for limit in (option.min, option.max):
                if limit is not None:
                    yield {option.id: limit}


def test_every_bundled_text_reads_the_same_evaluated_and_compiled(catalog, monkeypatch):
    rounds = [[]]
    for service in catalog.services.values():
        for n, options in enumerate(_variants(service)):
            while len(rounds) <= n:
                rounds.append([])
            rounds[n].append(SelectedService(id=service.id, options=options))
    assert len(rounds) > 2
    evaluated_twin = catalog_twin(catalog, fresh_templates=True)
    compiled_twin = catalog_twin(catalog, fresh_templates=True)
    for services in rounds:
        project = example_project()
        project.services = services
        for lang in ("de", "en"):
            evaluated = compose(evaluated_twin, project, lang)
            with monkeypatch.context() as m:
                m.setattr(templating, "simple", lambda tree: False)
                compiled = compose(compiled_twin, project, lang)
            assert evaluated == compiled
    walked = sum(isinstance(t, Evaluated) for t in evaluated_twin.templates._inline.values())
    assert walked > 100 and not any(isinstance(t, Evaluated) for t in compiled_twin.templates._inline.values())


SOURCES = [
    "{{ options.days }} Tage", "{{ options.missing }}", "{{ nothing }}", "{{ options.items }}", "{{ options.__class__ }}",
    "{{ options['days'] }}", "{{ lang.__class__.__mro__ }}", "{{ label('basis', 'consent') }}", "{{ label.__globals__ }}",
    "{{ placeholder('Name') }} {{ filled('', 'Ort') }} {{ link('a', 'https://x.org') }}", "{{ label('x') }}",
    "{% if options.days > 3 %}viele{% elif options.days == 3 %}drei{% else %}wenige{% endif %}",
    "{% if options.mode == 'a' and not options.flag or lang in ('de',) %}ja{% endif %}", "{{ 'a' if options.flag else 'b' }}",
    "{{ options.days < nothing }}", "{% if nothing %}x{% endif %}", "{{ 2 ** 2000 }}", "{{ options.days ~ 'x' }}",
    "  {% if options.flag %}\n  eins\n{% endif %}\nzwei\n", "{{ 'Müller & *Söhne*' }} {{ options.text }}", "{{ lang.upper() }}",
    "{{ options.get('days') }}", "{{ x.y.z }}",
]


@pytest.mark.parametrize("source", SOURCES)
def test_a_text_evaluated_gives_what_it_gives_compiled(catalog, source):
    env = catalog.templates.env
    values = {"options": {"days": 3, "mode": "a", "flag": False, "text": "[*x*]"}, "lang": "de",
              "label": label_function(catalog, "de")}
    tree = env.parse(source)

    def outcome(render):
        try:
            with env.budget():
                return "ok", render(values)
        except (SecurityError, UndefinedError, TypeError) as exc:
            return type(exc).__name__, str(exc)

    compiled = outcome(env.from_string(tree).render)
    if simple(tree):  # (the others are compiled, as before)
        assert outcome(Evaluated(env, tree).render) == compiled


def test_the_walk_counts_calls_against_the_budget(catalog, monkeypatch):
    env = catalog.templates.env
    ticks = []
    monkeypatch.setattr(env, "tick", lambda: ticks.append(1))
    tree = env.parse("{{ placeholder('a') }}{{ placeholder('b') }}")
    assert simple(tree)
    Evaluated(env, tree).render({})
    assert len(ticks) == 2
    assert inline_eval.simple(env.parse("{% for x in y %}{% endfor %}")) is False


def test_a_condition_checked_at_load_is_evaluated_from_that_tree_as_from_its_own_parse(catalog):
    """The pack loader parses every ``when`` as ``{{ when }}``; the store evaluates that tree
    instead of parsing the expression again — with the same value for every bundled condition
    and option variant, and with the old parse where the template was not one expression."""
    from editor.core import context as ctx
    from editor.core.options import option_values

    def store_with(texts):
        store = templating.TemplateStore(catalog.templates.env.data_types, catalog.templates.context_names, shipped=None)
        for text in texts:
            assert store.check(ctx.condition_template(text))[0] is None, text
        return store

    conditions = {p.when for s in catalog.services.values() for p in s.purposes if p.when}
    conditions |= {c.when for s in catalog.services.values() for c in s.data.conditional}
    assert len(conditions) > 20
    loaded, fresh = store_with(conditions), store_with(())
    assert all(loaded._text_trees.get(ctx.condition_template(c)) for c in conditions)
    checked = 0
    for service in catalog.services.values():
        whens = [p.when for p in service.purposes if p.when] + [c.when for c in service.data.conditional]
        for options in _variants(service):
            values = ctx.context(ctx.CONDITION, ctx.Inputs(catalog, "de", options=option_values(service, options, [])))
            for when in whens:
                assert loaded.evaluate(when, **values) == fresh.evaluate(when, **values), (service.id, when)
                checked += 1
    assert checked > 100 and not any(ctx.condition_template(c) in loaded._text_trees for c in conditions)

    odd = store_with(["options.a, options.b", "options.a }}{{ options.b"])
    for when in ("options.a, options.b", "options.a }}{{ options.b"):  # parsed again: the same error
        with pytest.raises(Exception) as before:
            store_with(()).expression(when)
        with pytest.raises(type(before.value), match=str(before.value)):
            odd.expression(when)
