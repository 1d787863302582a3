"""Sandboxed Jinja2 for clause templates (packs may come from third parties).

Templates produce Markdown. Every value printed with ``{{ }}`` is escaped for Markdown unless
it is ``MdSafe`` (text that a pack authored as Markdown), so a company called
"Müller & *Söhne* [GmbH]" prints exactly that (editor.core.mdsafe).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Collection

from jinja2 import BaseLoader, StrictUndefined, TemplateNotFound, TemplateSyntaxError, meta, nodes
from jinja2.parser import Parser

from .context import condition_template
from .inline_eval import Evaluated, known as evaluable, simple
from .mdsafe import MdSafe, filled, md_escape, md_link, placeholder
from .sandbox import SandboxEnvironment, TemplateBudgetError
from .template_code import FILE as SHIPPED_CODE, Shipped


class _StoreLoader(BaseLoader):
    def __init__(self, store: "TemplateStore") -> None:
        self.store = store

    def get_source(self, environment, template):  # type: ignore[override]
        try:
            source, filename = self.store.sources[template]
        except KeyError:
            raise TemplateNotFound(template) from None
        return source, filename, lambda: True


def make_environment(loader: BaseLoader | None = None, data_types: Collection[type] = frozenset()) -> SandboxEnvironment:
    """The sandbox templates run in; ``data_types`` are the plain data types whose public,
    non-callable attributes templates may read (views.DATA_TYPES)."""
    env = SandboxEnvironment(
        loader=loader,
        data_types=data_types,
        undefined=StrictUndefined,
        autoescape=False,
        finalize=md_escape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=-1,
    )
    env.globals.update(placeholder=placeholder, filled=filled, link=md_link)
    env.filters.update(md=lambda value: MdSafe(md_escape(value)))  # marked, or the output escapes it again
    return env


def check_template_source(source: str, env: SandboxEnvironment | None = None) -> str | None:
    """A plain message when a template is unusable, else None (see _check_tree)."""
    env = env if env is not None else make_environment()
    try:
        tree = env.parse(source)
    except TemplateSyntaxError as exc:
        return f"template syntax error in line {exc.lineno}: {exc.message}"
    return _check_tree(tree, env)


def _check_tree(tree: nodes.Template, env: SandboxEnvironment) -> str | None:
    return _examine(tree, env)[0]


def _examine(tree: nodes.Template, env: SandboxEnvironment) -> tuple[str | None, bool]:
    """Catches, statically, any reach for private attributes (``__class__``, ``_module``…) —
    the runtime sandbox blocks those too, but a pack that tries deserves to be rejected at
    load, not halfway through an export — and unknown filters and computed template names.
    One walk over the tree; the first problem of the first kind (in this order) is told. The
    same walk tells whether inline_eval can evaluate the tree (``simple``), which compose would
    otherwise find out in a walk of its own."""
    found: list[str | None] = [None, None, None, None]
    plain = True
    for node in tree.find_all(nodes.Node):
        plain = plain and evaluable(node)
        name = None
        if isinstance(node, nodes.Getattr):
            name = node.attr
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            name = node.arg.value
        elif isinstance(node, nodes.Name):
            name = node.name
        elif isinstance(node, nodes.Const):
            if found[1] is None and isinstance(node.value, str) and "__" in node.value:
                found[1] = f"template in line {node.lineno} holds the text '{node.value[:40]}', which templates may not use"
        elif isinstance(node, (nodes.Filter, nodes.Test)):
            known = env.filters if isinstance(node, nodes.Filter) else env.tests
            if found[2] is None and node.name not in known:
                found[2] = f"template in line {node.lineno} uses '{node.name}', which is not available in templates"
        elif isinstance(node, (nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
            if found[3] is None and not isinstance(getattr(node, "template", None), nodes.Const):
                found[3] = f"template in line {node.lineno} includes a computed template name, which is not allowed"
        if name and name.startswith("_"):
            return f"template in line {node.lineno} reaches for '{name}', which templates may not use", False
    return next((problem for problem in found if problem), None), plain


def _reads(tree: nodes.Template, context_names: Collection[str]) -> dict[str, int]:
    """Context names a parsed template reads → first line. A name the template sets itself
    (``{% set roles = … %}``, a loop variable, a macro parameter or import) is not read from
    the context — unless it is a context name, which it may read where it is unset: only then
    Jinja's own (slower) analysis of scopes decides."""
    loaded: dict[str, int] = {}
    stored: set[str] = set()
    scoped = False  # a loop or macro: 'loop', 'caller', 'varargs', 'kwargs' are theirs
    for node in tree.find_all((nodes.Name, nodes.Macro, nodes.CallBlock, nodes.For, nodes.Import, nodes.FromImport)):
        if isinstance(node, nodes.Name):
            if node.ctx == "load":
                loaded[node.name] = min(loaded.get(node.name, node.lineno), node.lineno)
            else:
                stored.add(node.name)
        elif isinstance(node, nodes.Import):
            stored.add(node.target)
        elif isinstance(node, nodes.FromImport):
            stored |= {name[1] if isinstance(name, tuple) else name for name in node.names}
        else:
            scoped = True
            if isinstance(node, nodes.Macro):
                stored.add(node.name)
    if scoped:
        stored |= {"loop", "caller", "varargs", "kwargs"}
    shadowed = stored & set(context_names) & set(loaded)
    if shadowed:
        undeclared = meta.find_undeclared_variables(tree)
        stored -= {name for name in shadowed if name in undeclared}
    return {name: line for name, line in loaded.items() if name not in stored}


def _refs(tree: nodes.Template) -> tuple[tuple[str, int], ...]:
    """(template name, line) of every template this one includes, imports or extends."""
    return tuple((node.template.value, node.lineno)
                 for node in tree.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport))
                 if isinstance(node.template, nodes.Const) and isinstance(node.template.value, str))


class TemplateStore:
    """All pack templates, compiled once per process on first use.

    Names are "<pack>/<lang>/<stem>"; a template may import another of its own pack and
    language by that full name (e.g. ``{% import "core/de/macros" as m %}``).
    """

    def __init__(self, data_types: Collection[type] = frozenset(), context_names: Collection[str] = frozenset(),
                 shipped: Path | None = SHIPPED_CODE) -> None:
        """``data_types``: see make_environment; ``context_names``: the names compose() hands
        templates (context.CONTEXT), told apart from a template's own variables in reads();
        ``shipped``: the compiled code of the bundled templates (template_code), None for none."""
        self.sources: dict[str, tuple[str, str]] = {}
        self.context_names = frozenset(context_names)
        self.env = make_environment(_StoreLoader(self), data_types)
        self._shipped = Shipped(self.env, self.context_names, shipped)
        # What the pack loader derived from the sources alone: the names each template reads,
        # and the trees it parsed to check templates and record texts, not compiled yet (each
        # is used once, so compose never parses a text the load parsed already). reset() keeps
        # them, as a fresh process that loaded the packs has them.
        self._own: dict[str, tuple[dict[str, int], tuple[tuple[str, int], ...]]] = {}  # name → (reads, referenced templates)
        self._checked: dict[str, tuple[str | None, dict[str, int]]] = {}  # record texts checked at load
        self._trees: dict[str, nodes.Template] = {}  # template name → tree
        self._text_trees: dict[str, tuple[nodes.Template, bool]] = {}  # record text → tree, simple(tree)
        self.reset()

    def reset(self) -> None:
        """Forget everything compiled or rendered, as in a fresh process."""
        for name in [n for n in self.sources if n.startswith("inline/")]:
            del self.sources[name]
        self.env.cache.clear()
        self._inline: dict[str, Any] = {}
        self._expressions: dict[str, Any] = {}
        self._compiled: dict[str, Any] = {}
        self._variables: dict[str, frozenset[str]] = {}
        self._runaway: dict[str, TemplateBudgetError] = {}

    def add(self, pack: str, lang: str, stem: str, source: str, filename: str) -> str | None:
        """Check a pack template and add it; returns why it is unusable (then it is not added)."""
        error, tree, _ = self._parse_checked(source)
        if error is None:
            name = f"{pack}/{lang}/{stem}"
            self.sources[name] = (source, filename)
            self._own[name] = (_reads(tree, self.context_names), _refs(tree))
            self._trees[name] = tree
        return error

    def check(self, source: str) -> tuple[str | None, dict[str, int]]:
        """Why a template text (of a record) is unusable, or None; and the names it reads.
        The same text (generated packs repeat theirs) is checked once."""
        found = self._checked.get(source)
        if found is None:
            error, tree, plain = self._parse_checked(source)
            found = self._checked[source] = (error, {} if tree is None else _reads(tree, self.context_names))
            if error is None:
                self._text_trees[source] = (tree, plain)
        return found

    def _parse_checked(self, source: str) -> tuple[str | None, nodes.Template | None, bool]:
        """(why the text is unusable or None, its tree, whether inline_eval can evaluate it)."""
        try:
            tree = self.env.parse(source)
        except TemplateSyntaxError as exc:
            return f"template syntax error in line {exc.lineno}: {exc.message}", None, False
        error, plain = _examine(tree, self.env)
        return error, tree, plain

    def remove(self, pack: str, lang: str, stem: str) -> None:
        name = f"{pack}/{lang}/{stem}"
        self.sources.pop(name, None)
        self._own.pop(name, None)
        self._trees.pop(name, None)

    def has(self, pack: str, lang: str, stem: str) -> bool:
        return f"{pack}/{lang}/{stem}" in self.sources

    def get(self, pack: str, lang: str, stem: str):
        """The compiled template: the shipped code when it has this text, else compiled on
        first use — from the tree reads() parsed when there is one (compose asks what a template
        reads before it renders it: one parse)."""
        name = f"{pack}/{lang}/{stem}"
        template = self._compiled.get(name)
        if template is None:
            source, filename = self.sources[name]
            tree = self._trees.pop(name, None)
            code = self._shipped.code(name, source, filename)
            if code is None:
                code = self.env.compile(tree or self.env.parse(source, name, filename), name, filename)
            template = self._compiled[name] = self.env.template_class.from_code(self.env, code, self.env.make_globals(None))
        return template

    def render(self, pack: str, lang: str, stem: str, context: dict[str, Any]) -> str:
        """Render a pack template under the sandbox's time and size budget."""
        return self._guarded(f"{pack}/{lang}/{stem}", lambda: self.get(pack, lang, stem).render(context))

    def render_inline(self, source: str, context: dict[str, Any]) -> str:
        return self._guarded(source, lambda: self.inline(source).render(context))

    def evaluate(self, source: str, **values: Any) -> Any:
        """The value of a Jinja expression (a purpose's ``when``), under the budget."""
        return self._guarded(source, lambda: self.expression(source)(**values))

    def _guarded(self, key: str, run):
        # A template that ran out of budget once is not run again: a runaway pack costs its
        # time once per catalog, not on every keystroke.
        if key in self._runaway:
            raise self._runaway[key]
        try:
            with self.env.budget():
                return run()
        except TemplateBudgetError as exc:
            self._runaway[key] = exc
            raise

    def expression(self, source: str):
        """A Jinja expression (e.g. a purpose's ``when``), made callable once: evaluated by
        walking its tree when it is simple (see inline_eval), else compiled."""
        compiled = self._expressions.get(source)
        if compiled is None:
            tree = self._checked_expression(source)
            usable = tree is not None
            if not usable:
                try:
                    parser = Parser(self.env, source, state="variable")
                    tree = parser.parse_expression()
                    usable = parser.stream.eos and simple(tree)
                except TemplateSyntaxError:
                    usable = False
            compiled = Evaluated(self.env, tree) if usable else self.env.compile_expression(source)
            self._expressions[source] = compiled
        return compiled

    def _checked_expression(self, source: str) -> nodes.Expr | None:
        """The simple tree of an expression the pack loader checked as ``{{ source }}``, or None.
        Taken only when that template printed the one expression (no tuple): then its tokens
        were the expression's, and the parse is the one ``expression`` would make."""
        checked = self._text_trees.pop(condition_template(source), None)
        if checked is None or not checked[1]:
            return None
        body = checked[0].body
        if len(body) == 1 and isinstance(body[0], nodes.Output) and len(body[0].nodes) == 1 \
                and not isinstance(body[0].nodes[0], (nodes.TemplateData, nodes.Tuple)):
            return body[0].nodes[0]
        return None

    def variables(self, pack: str, lang: str, stem: str) -> frozenset[str]:
        """Context names a template (and what it includes) reads — lets compose() skip
        re-rendering a section whose inputs did not change."""
        name = f"{pack}/{lang}/{stem}"
        found = self._variables.get(name)
        if found is None:
            found = self._variables[name] = frozenset(self.reads(name))
        return found

    def reads(self, name: str) -> dict[str, int]:
        """Context names template ``name`` and the templates it includes or imports read → the
        first line (of ``name`` itself, or of the include that brings the name in)."""
        found: dict[str, int] = {}
        own, refs = self.own_reads(name)
        found.update(own)
        seen = {name}
        for ref, line in refs:
            for sub in self._collect(ref, seen):
                found.setdefault(sub, line)
        return found

    def own_reads(self, name: str) -> tuple[dict[str, int], tuple[tuple[str, int], ...]]:
        """Names template ``name`` itself reads (→ first line) and the templates it refers to."""
        own = self._own.get(name)
        if own is None:  # after reset(), or a catalog from the per-user cache (checked when it was written)
            source, filename = self.sources[name]
            own = self._shipped.reads(name, source)
            if own is None:
                tree = self._trees[name] = self.env.parse(source, name, filename)
                own = (_reads(tree, self.context_names), _refs(tree))
            self._own[name] = own
        return own

    def _collect(self, name: str, seen: set[str]) -> set[str]:
        if name in seen or name not in self.sources:
            return set()
        seen.add(name)
        own, refs = self.own_reads(name)
        names = set(own)
        for ref, _ in refs:
            names |= self._collect(ref, seen)
        return names

    def inline(self, source: str):
        """A template from a string held in a record (service ``text``), made renderable once:
        evaluated by walking its tree when it is simple (see inline_eval), else compiled."""
        template = self._inline.get(source)
        if template is None:
            checked = self._text_trees.pop(source, None)  # parsed and walked at load
            if checked is None:
                tree = self.env.parse(source)
                checked = (tree, simple(tree))
            tree, plain = checked
            template = Evaluated(self.env, tree) if plain else self.env.from_string(tree)
            self._inline[source] = template
        return template
