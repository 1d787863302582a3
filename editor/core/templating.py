"""Sandboxed Jinja2 for clause templates (packs may come from third parties).

Templates produce Markdown. Every value printed with ``{{ }}`` is escaped for Markdown unless
it is ``MdSafe`` (text that a pack authored as Markdown), so a company called
"Müller & *Söhne* [GmbH]" prints exactly that. Placeholders travel through Markdown as
private-use characters and become ``Run(placeholder=True)`` when the Markdown is parsed.
"""
from __future__ import annotations

import hashlib
import re
from typing import Any

from jinja2 import BaseLoader, StrictUndefined, TemplateNotFound, TemplateSyntaxError, meta, nodes

from .sandbox import SandboxEnvironment, TemplateBudgetError, budget, template_safe
from .sanitize import LINE_BREAKS, clean_text, has_allowed_scheme, one_line

PH_OPEN, PH_CLOSE = "\ue000", "\ue001"
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
# CommonMark lets any ASCII punctuation be backslash-escaped; escaping all of it is simplest and safe.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~&\"'=:^$])")


class MdSafe(str):
    """Markdown that is printed as it is (pack-authored text, helper output)."""

    __slots__ = ()


def md_escape(value: Any) -> str:
    """Escape user text for Markdown: it must print literally and on one line."""
    if isinstance(value, MdSafe):
        return value
    if value is None:
        return ""
    # A line break would start a new Markdown block; other spacing (NBSP, tabs) is the user's.
    text = clean_text(LINE_BREAKS.sub(" ", str(value)))
    text = _PRIVATE_USE.sub("", text).strip()
    return _MD_SPECIAL.sub(r"\\\1", text)


@template_safe
def placeholder(label: str) -> MdSafe:
    """Text the user still has to provide, e.g. placeholder('Telefonnummer')."""
    clean = _PRIVATE_USE.sub("", str(label))
    return MdSafe(f"{PH_OPEN}{md_escape(clean)}{PH_CLOSE}")


@template_safe
def filled(value: Any, label: str) -> Any:
    """The value when the user has filled it in, else a placeholder named ``label``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return placeholder(label)
    return value


@template_safe
def md_link(text: Any, url: Any) -> MdSafe:
    """A Markdown link whose text is escaped and whose target is kept on https/mailto/tel."""
    # A line break in a pasted value would end the link and start a heading, list or table of
    # the attacker's making in every format; control characters have no place in an address.
    target = one_line(str(url or "")).strip()
    if not has_allowed_scheme(target):
        return MdSafe(md_escape(text))
    target = target.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
    return MdSafe(f"[{md_escape(text)}](<{target}>)")


class _StoreLoader(BaseLoader):
    def __init__(self, store: "TemplateStore") -> None:
        self.store = store

    def get_source(self, environment, template):  # type: ignore[override]
        try:
            source, filename = self.store.sources[template]
        except KeyError:
            raise TemplateNotFound(template) from None
        return source, filename, lambda: True


# Plain data types we hand to templates (frozen views, msgspec records), registered once at
# import by the modules that define them. The sandbox reads only their non-callable public
# attributes (see sandbox.SandboxEnvironment).
DATA_TYPES: set[type] = set()


def data_type(cls: type) -> type:
    """Class decorator / helper: mark a plain data type as safe for attribute reads."""
    DATA_TYPES.add(cls)
    return cls


def make_environment(loader: BaseLoader | None = None) -> SandboxEnvironment:
    env = SandboxEnvironment(
        loader=loader,
        data_types=DATA_TYPES,
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
    env.filters.update(md=md_escape)
    return env


_CHECK_ENV = make_environment()


def check_template_source(source: str) -> str | None:
    """A plain message when a template is unusable, else None.

    Catches syntax errors and, statically, any reach for private attributes (``__class__``,
    ``_module``…) — the runtime sandbox blocks those too, but a pack that tries deserves to be
    rejected at load, not halfway through an export.
    """
    try:
        tree = _CHECK_ENV.parse(source)
    except TemplateSyntaxError as exc:
        return f"template syntax error in line {exc.lineno}: {exc.message}"
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Name)):
        name = None
        if isinstance(node, nodes.Getattr):
            name = node.attr
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            name = node.arg.value
        elif isinstance(node, nodes.Name):
            name = node.name
        if name and name.startswith("_"):
            return f"template in line {node.lineno} reaches for '{name}', which templates may not use"
    for node in tree.find_all(nodes.Const):
        if isinstance(node.value, str) and "__" in node.value:
            return f"template in line {node.lineno} holds the text '{node.value[:40]}', which templates may not use"
    for node in tree.find_all((nodes.Filter, nodes.Test)):
        known = _CHECK_ENV.filters if isinstance(node, nodes.Filter) else _CHECK_ENV.tests
        if node.name not in known:
            return f"template in line {node.lineno} uses '{node.name}', which is not available in templates"
    for node in tree.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
        template = getattr(node, "template", None)
        if not isinstance(template, nodes.Const):
            return f"template in line {node.lineno} includes a computed template name, which is not allowed"
    return None


class TemplateStore:
    """All pack templates, compiled once per process on first use.

    Names are "<pack>/<lang>/<stem>"; a template may import another of its own pack and
    language by that full name (e.g. ``{% import "core/de/macros" as m %}``).
    """

    def __init__(self) -> None:
        self.sources: dict[str, tuple[str, str]] = {}
        self.env = make_environment(_StoreLoader(self))
        self._inline: dict[str, Any] = {}
        self._expressions: dict[str, Any] = {}
        self._variables: dict[str, frozenset[str]] = {}
        self._runaway: dict[str, TemplateBudgetError] = {}

    def add(self, pack: str, lang: str, stem: str, source: str, filename: str) -> None:
        self.sources[f"{pack}/{lang}/{stem}"] = (source, filename)

    def has(self, pack: str, lang: str, stem: str) -> bool:
        return f"{pack}/{lang}/{stem}" in self.sources

    def get(self, pack: str, lang: str, stem: str):
        return self.env.get_template(f"{pack}/{lang}/{stem}")

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
            with budget():
                return run()
        except TemplateBudgetError as exc:
            self._runaway[key] = exc
            raise

    def expression(self, source: str):
        """A compiled Jinja expression (e.g. a purpose's ``when``), compiled once."""
        compiled = self._expressions.get(source)
        if compiled is None:
            compiled = self._expressions[source] = self.env.compile_expression(source)
        return compiled

    def variables(self, pack: str, lang: str, stem: str) -> frozenset[str]:
        """Context names a template (and what it includes) reads — lets compose() skip
        re-rendering a section whose inputs did not change."""
        name = f"{pack}/{lang}/{stem}"
        found = self._variables.get(name)
        if found is None:
            found = self._variables[name] = frozenset(self._collect(name, set()))
        return found

    def _collect(self, name: str, seen: set[str]) -> set[str]:
        seen.add(name)
        tree = self.env.parse(self.sources[name][0])
        names = set(meta.find_undeclared_variables(tree))
        for ref in meta.find_referenced_templates(tree):
            if ref and ref in self.sources and ref not in seen:
                names |= self._collect(ref, seen)
        return names

    def inline(self, source: str):
        """A template from a string held in a record (service ``text``), compiled once."""
        template = self._inline.get(source)
        if template is None:
            name = "inline/" + hashlib.sha256(source.encode("utf-8")).hexdigest()
            self.sources[name] = (source, name)
            template = self._inline[source] = self.env.get_template(name)
        return template
