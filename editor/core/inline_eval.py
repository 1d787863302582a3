"""Evaluate the simple texts of pack records without compiling them to Python.

A service record's texts hold small templates ("… nach {{ options.retention_days }} Tagen",
"{% if options.region == 'eu' %}…{% else %}…{% endif %}", a purpose's ``when``). Compiling each
one with Jinja (parse, generate Python, compile) costs about as much as rendering all of them,
and a cold compose of a large catalog meets hundreds. Here Jinja still parses them — the
lexer, trim_blocks and lstrip_blocks stay Jinja's own — and its tree is evaluated directly,
when it holds only text, output, names, attribute reads, constants, comparisons, not/and/or,
conditional expressions, ifs and calls. Anything else is compiled as before.

Every step goes through the same sandbox hooks a compiled template uses: attributes through
``environment.getattr``, calls through ``environment.call`` (which counts the budget and checks
the callee), printing through ``environment.finalize``; names that are not set become the
environment's (strict) undefined. Operators the sandbox intercepts (arithmetic) are not
evaluated here at all.
"""
from __future__ import annotations

import operator
from typing import Any

from jinja2 import nodes
from jinja2.runtime import Undefined, new_context

from .sandbox import SandboxEnvironment

_COMPARE = {"eq": operator.eq, "ne": operator.ne, "gt": operator.gt, "gteq": operator.ge, "lt": operator.lt,
            "lteq": operator.le, "in": lambda a, b: a in b, "notin": lambda a, b: a not in b}
_SIMPLE = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.Name, nodes.Getattr, nodes.Const, nodes.If,
           nodes.Compare, nodes.Operand, nodes.Not, nodes.And, nodes.Or, nodes.CondExpr, nodes.Call, nodes.Keyword)


def simple(tree: nodes.Node) -> bool:
    """Whether the evaluator below knows every node of ``tree``."""
    return all(map(known, tree.find_all(nodes.Node)))


def known(node: nodes.Node) -> bool:
    """Whether the evaluator below knows ``node`` (not what is below it)."""
    if not isinstance(node, _SIMPLE):
        return False
    if isinstance(node, nodes.Name) and node.ctx != "load":
        return False
    if isinstance(node, nodes.Operand) and node.op not in _COMPARE:
        return False
    if isinstance(node, nodes.CondExpr) and node.expr2 is None:
        return False  # Jinja's own undefined for a missing else: leave it to Jinja
    if isinstance(node, nodes.Call) and (node.dyn_args is not None or node.dyn_kwargs is not None):
        return False
    return True


class Evaluated:
    """A parsed simple template, rendered (or, for an expression, evaluated) by walking it."""

    def __init__(self, environment: SandboxEnvironment, tree: nodes.Node) -> None:
        self.environment = environment
        self.tree = tree

    def render(self, *args: Any, **kwargs: Any) -> str:
        out: list[str] = []
        _Walk(self.environment, dict(*args, **kwargs)).body(self.tree.body, out)
        return "".join(out)

    def __call__(self, **variables: Any) -> Any:
        """The value of an expression tree (like Jinja's compile_expression: undefined → None)."""
        value = _Walk(self.environment, variables).value(self.tree)
        return None if isinstance(value, Undefined) else value


class _Walk:
    def __init__(self, environment: SandboxEnvironment, variables: dict[str, Any]) -> None:
        self.env = environment
        self.variables = variables
        self._context = None

    def context(self):
        if self._context is None:  # what environment.call hands on to Context.call
            self._context = new_context(self.env, None, {}, self.variables, shared=False, globals=self.env.globals)
        return self._context

    def body(self, body: list[nodes.Node], out: list[str]) -> None:
        for node in body:
            if isinstance(node, nodes.Output):
                for child in node.nodes:
                    if isinstance(child, nodes.TemplateData):
                        out.append(child.data)
                    else:
                        out.append(str(self.env.finalize(self.value(child))))
            elif isinstance(node, nodes.If):
                for branch in (node, *node.elif_):
                    if self.value(branch.test):
                        self.body(branch.body, out)
                        break
                else:
                    self.body(node.else_, out)
            else:
                raise AssertionError(type(node).__name__)  # simple() lets nothing else through

    def value(self, node: nodes.Node) -> Any:
        if isinstance(node, nodes.Const):
            return node.value
        if isinstance(node, nodes.Name):
            if node.name in self.variables:
                return self.variables[node.name]
            if node.name in self.env.globals:
                return self.env.globals[node.name]
            return self.env.undefined(name=node.name)
        if isinstance(node, nodes.Getattr):
            return self.env.getattr(self.value(node.node), node.attr)
        if isinstance(node, nodes.Compare):
            left = self.value(node.expr)
            result: Any = True
            for operand in node.ops:
                right = self.value(operand.expr)
                result = _COMPARE[operand.op](left, right)
                if not result:
                    return result
                left = right
            return result
        if isinstance(node, nodes.Not):
            return not self.value(node.node)
        if isinstance(node, nodes.And):
            return self.value(node.left) and self.value(node.right)
        if isinstance(node, nodes.Or):
            return self.value(node.left) or self.value(node.right)
        if isinstance(node, nodes.CondExpr):
            return self.value(node.expr1) if self.value(node.test) else self.value(node.expr2)
        if isinstance(node, nodes.Call):
            func = self.value(node.node)
            args = [self.value(a) for a in node.args]
            kwargs = {k.key: self.value(k.value) for k in node.kwargs}
            return self.env.call(self.context(), func, *args, **kwargs)
        raise AssertionError(type(node).__name__)
