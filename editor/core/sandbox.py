"""The Jinja2 sandbox clause templates run in (packs may come from third parties).

What a template may do, beyond Jinja's own sandbox:
- read public, non-callable attributes of the values we hand it — never a method of our data
  types, so no method can be turned into a general ``getattr`` (``Text.get("__class__")``);
- call only our template helpers, macros, and a short list of harmless ``str``/``dict``/list
  methods; nothing else, and nothing that takes an attribute name;
- use a short list of filters; none of them can blow up a string (``center``, ``format``…);
- spend a bounded budget: every loop step and call is counted, a render ends after
  ``MAX_SECONDS`` or ``MAX_STEPS``, and no string, list or number grows past a limit —
  so ``9 ** (9 ** 9)``, ``"x" * 10**9`` and endless recursion end in a ``TemplateBudgetError``
  instead of a frozen window or an exhausted memory.
Constant folding is off, so nothing is computed (or cached) at compile time.
"""
from __future__ import annotations

import threading
import time
from keyword import iskeyword
from types import BuiltinMethodType, FunctionType, MemberDescriptorType
from typing import Any, Collection, Iterable

from jinja2 import nodes, pass_eval_context
from jinja2.defaults import DEFAULT_FILTERS as _JINJA_FILTERS
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import SecurityError
from jinja2.runtime import LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_SECONDS = 1.0  # per render; the GUI composes on every edit, so a runaway must end quickly
MAX_STEPS = 500_000  # loop iterations + calls per render
MAX_LENGTH = 1_000_000  # characters of a string / items of a list built by a template
MAX_INT_BITS = 256  # numbers a policy needs are small; 9 ** (9 ** 9) is not

STR_METHODS = frozenset({
    "strip", "lstrip", "rstrip", "startswith", "endswith", "lower", "upper", "title", "capitalize",
    "casefold", "split", "rsplit", "count", "find", "rfind", "isdigit", "isalpha", "isalnum", "isspace",
})
DICT_METHODS = frozenset({"get", "items", "keys", "values"})
SEQUENCE_METHODS = frozenset({"index", "count"})
LOOP_METHODS = frozenset({"cycle", "changed"})
FILTERS = frozenset({
    "abs", "capitalize", "count", "d", "default", "dictsort", "first", "float", "int", "join", "last",
    "length", "list", "lower", "map", "max", "min", "reject", "rejectattr", "replace", "reverse", "round",
    "select", "selectattr", "sort", "string", "sum", "title", "trim", "unique", "upper", "wordcount",
})


class TemplateBudgetError(SecurityError):
    """A template used more time, steps or memory than a clause may."""


class _Budget(threading.local):
    """One environment's budget, per thread: a render in one thread never spends another's."""

    deadline: float | None = None
    steps: int = 0


class _BudgetScope:
    """``with``: a fresh budget for a render, unless one runs already (a nested render shares it).
    A class, not a @contextmanager generator: every render enters one."""

    __slots__ = ("state", "seconds", "outer")

    def __init__(self, state: _Budget, seconds: float) -> None:
        self.state, self.seconds, self.outer = state, seconds, False

    def __enter__(self) -> None:
        state = self.state
        self.outer = state.deadline is not None
        if not self.outer:
            state.deadline, state.steps = time.monotonic() + self.seconds, 0

    def __exit__(self, *exc_info: Any) -> None:
        if not self.outer:
            self.state.deadline = None


def _check_size(value: Any) -> Any:
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_LENGTH:
        raise TemplateBudgetError(f"the template built a value longer than {MAX_LENGTH:,}")
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise TemplateBudgetError("the template computed a number too large for a policy")
    return value


def _length(value: Any) -> int:
    try:
        return len(value)
    except TypeError:
        return 1


def _guarded_binop(operator: str, left: Any, right: Any) -> Any:
    """Arithmetic with its result size checked before it is computed."""
    if operator == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and \
                right * max(abs(left).bit_length(), 1) > MAX_INT_BITS:
            raise TemplateBudgetError("the template computed a number too large for a policy")
        return _check_size(left ** right)
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and _length(seq) * times > MAX_LENGTH:
                raise TemplateBudgetError(f"the template built a value longer than {MAX_LENGTH:,}")
        return _check_size(left * right)
    if operator == "%" and isinstance(left, str):
        raise SecurityError("string formatting with % is not available in templates")
    return _check_size(_BINOPS[operator](left, right))


_BINOPS = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "//": lambda a, b: a // b, "%": lambda a, b: a % b,
}


@pass_eval_context
def _guarded_replace(eval_ctx, value: Any, old: Any, new: Any, count: int | None = None):
    text, old, new = str(value), str(old), str(new)
    hits = (len(text) + 1 if not old else text.count(old)) if count is None else count
    if len(text) + max(hits, 0) * max(len(new) - len(old), 0) > MAX_LENGTH:
        raise TemplateBudgetError(f"the template built a value longer than {MAX_LENGTH:,}")
    return _JINJA_FILTERS["replace"](eval_ctx, value, old, new, count)


@pass_eval_context
def _guarded_join(eval_ctx, value: Any, d: str = "", attribute: Any = None):
    return _check_size(_JINJA_FILTERS["join"](eval_ctx, value, d, attribute))


@pass_eval_context
def _items(eval_ctx, value: Any):
    """A list in running text: joined with ", ", or with "; " once an item holds a comma or a
    colon itself (else a reader cannot tell where one item ends and the next begins)."""
    values = list(value)
    separator = "; " if any("," in str(v) or ":" in str(v) for v in values) else ", "
    return _guarded_join(eval_ctx, values, separator)


class _GuardingCodeGenerator(CodeGenerator):
    """Jinja's code generator, with ``~`` concatenation size-checked and attribute reads of our
    data types' fields compiled to plain reads.

    ``x.name`` with a literal public name becomes ``o.name`` when ``type(o)`` is one of the data
    types that declare ``name`` as a field (``SandboxEnvironment.field_types``, looked up once
    per template, when its code is run) and the value read is not callable — the reads the
    sandbox's ``getattr`` allows anyway, without a call into it (a compose makes ≈ 13,500 reads).
    Everything else — another type, an underscored name, a method, a callable value — goes
    through ``environment.getattr`` as before."""

    def visit_Template(self, node: nodes.Template, frame=None) -> None:
        self._field_types: dict[str, str] = {}  # attribute name → the module global with its types
        super().visit_Template(node, frame)
        for attr, types in self._field_types.items():  # module level: run once, before any render
            self.writeline(f"{types} = environment.field_types({attr!r})")

    def visit_Getattr(self, node: nodes.Getattr, frame) -> None:
        attr = node.attr
        if attr.startswith("_") or not attr.isidentifier() or iskeyword(attr) or self.environment.is_async:
            super().visit_Getattr(node, frame)
            return
        types = self._field_types.setdefault(attr, f"fields_{len(self._field_types)}")
        # each name is read right after it is set, so nested reads can share them
        self.write(f"((field_value if not callable(field_value := field_owner.{attr}) "
                   f"else environment.getattr(field_owner, {attr!r})) if type(field_owner := ")
        self.visit(node.node, frame)
        self.write(f") in {types} else environment.getattr(field_owner, {attr!r}))")

    def visit_Concat(self, node: nodes.Concat, frame) -> None:
        self.write("environment.guarded_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class SandboxEnvironment(ImmutableSandboxedEnvironment):
    code_generator_class = _GuardingCodeGenerator
    intercepted_binops = frozenset({"**", "*", "+", "-", "//", "%"})

    def __init__(self, *args: Any, data_types: Collection[type] = frozenset(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.data_types = frozenset(data_types)
        self.optimized = False  # no constant folding: nothing is computed at compile time
        self.filters = {name: f for name, f in self.filters.items() if name in FILTERS}
        self.filters.update(replace=_guarded_replace, join=_guarded_join, items=_items, loop_guard=self._loop_guard)
        self._budget = _Budget()
        # per data type, is_safe_attribute's verdict by name for plain (non-callable) values
        self._plain_verdicts: dict[type, dict[str, bool]] = {kind: {} for kind in self.data_types}
        self._field_types: dict[str, frozenset[type]] = {}  # attribute name → field_types()
        for name in ("range", "lipsum", "cycler", "joiner", "namespace", "dict"):
            self.globals.pop(name, None)

    # -- the budget of time and steps every render runs under
    def budget(self, seconds: float = MAX_SECONDS) -> "_BudgetScope":
        """Run a render under a fresh budget (nested renders share the outer one)."""
        return _BudgetScope(self._budget, seconds)

    def tick(self) -> None:
        """Count one step (a loop iteration, a call, an operator) against the budget."""
        state = self._budget
        if state.deadline is None:
            return
        state.steps += 1
        if state.steps > MAX_STEPS:
            raise TemplateBudgetError(f"the template ran more than {MAX_STEPS:,} steps")
        if state.steps % 256 == 0 and time.monotonic() > state.deadline:
            raise TemplateBudgetError(f"the template ran longer than {MAX_SECONDS} seconds")

    def _loop_guard(self, iterable: Any) -> Iterable[Any]:
        """Wraps every ``{% for %}``: counts the steps against the budget."""
        for item in iterable:
            self.tick()
            yield item

    # -- attributes: plain values of our data types; a few methods of builtin containers
    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_") or not super().is_safe_attribute(obj, attr, value):
            return False
        if not callable(value):
            return True
        if isinstance(obj, str):
            return attr in STR_METHODS
        if isinstance(obj, dict):
            return attr in DICT_METHODS
        if isinstance(obj, (list, tuple)):
            return attr in SEQUENCE_METHODS
        if isinstance(obj, LoopContext):
            return attr in LOOP_METHODS
        return False  # methods of our data types and anything else

    def field_types(self, attribute: str) -> frozenset[type]:
        """The data types whose instances hold ``attribute`` as a declared field (a slot of a
        msgspec Struct): compiled templates read it from them directly (_GuardingCodeGenerator).
        The same verdict ``is_safe_attribute`` gives any non-callable value there."""
        found = self._field_types.get(attribute)
        if found is None:
            found = self._field_types[attribute] = frozenset(
                kind for kind in self.data_types
                if not attribute.startswith("_") and attribute in getattr(kind, "__struct_fields__", ())
                and isinstance(getattr(kind, attribute, None), MemberDescriptorType))
        return found

    def getattr(self, obj: Any, attribute: str) -> Any:
        # Fast path for our plain data types (tens of thousands of reads per compose). It is
        # never wider than the generic path: the same is_safe_attribute decides.
        kind = type(obj)
        verdicts = self._plain_verdicts.get(kind)
        if verdicts is not None:  # one of the data types
            try:
                value = getattr(obj, attribute)
            except AttributeError:
                return self.undefined(obj=obj, name=attribute)
            if callable(value):
                safe = self.is_safe_attribute(obj, attribute, value)
            else:  # for a plain value the verdict depends on the type and the name alone: keep it
                safe = verdicts.get(attribute)
                if safe is None:
                    safe = verdicts[attribute] = self.is_safe_attribute(obj, attribute, value)
            return value if safe else self.unsafe_undefined(obj, attribute)
        if kind is dict and attribute in DICT_METHODS:  # options.get: what the generic path gives
            return getattr(obj, attribute)
        return super().getattr(obj, attribute)

    def wrap_str_format(self, value: Any) -> None:
        return None  # no str.format: is_safe_attribute refuses it (widths build huge strings)

    # -- calls: our helpers, macros, and the methods is_safe_attribute let through
    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(obj, Macro) or getattr(obj, "template_callable", False) is True:
            return True
        owner = getattr(obj, "__self__", None)
        name = getattr(obj, "__name__", "")
        if owner is None or not callable(obj):
            return False
        return (isinstance(owner, str) and name in STR_METHODS) or (isinstance(owner, dict) and name in DICT_METHODS) \
            or (isinstance(owner, (list, tuple)) and name in SEQUENCE_METHODS) \
            or (isinstance(owner, LoopContext) and name in LOOP_METHODS)

    def call(__self, __context, __obj, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's signature)
        __self.tick()
        kind = type(__obj)
        if (kind is FunctionType and __obj.__dict__.get("template_callable") is True
                and not hasattr(__obj, "jinja_pass_arg")) or \
                (kind is BuiltinMethodType and type(__obj.__self__) is dict and __obj.__name__ in DICT_METHODS):
            # one of our helpers (label, link…) or options.get, called thousands of times per
            # compose: what Context.call would do, without its checks for macros and contexts
            kwargs.pop("_loop_vars", None)
            kwargs.pop("_block_vars", None)
            return _check_size(__obj(*args, **kwargs))
        return _check_size(super().call(__context, __obj, *args, **kwargs))

    # -- operators and concatenation, size-checked
    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        self.tick()
        return _guarded_binop(operator, left, right)

    def guarded_concat(self, parts: tuple) -> str:
        if sum(len(str(p)) for p in parts) > MAX_LENGTH:
            raise TemplateBudgetError(f"the template built a value longer than {MAX_LENGTH:,}")
        return "".join(map(str, parts))

    # -- every loop goes through the budget
    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        if "for" not in source:  # no loop to guard (most record texts): spare the walk over the tree
            return tree
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, "loop_guard", [], [], None, None, lineno=loop.lineno)
        return tree

