"""The bundled templates' compiled code, shipped with the package — as Python ships .pyc.

Compiling a template (Jinja's parse and code generation, then Python's compile) is about a
fifth of a first compose. The wheel build (hatch_build.py) compiles every template of the
bundled packs once (template_build.py) and writes the code, with what each template reads,
to ``FILE`` beside this module. A TemplateStore takes an entry only when its key matches: the sha256 of the
template's name and text, Jinja's version, Python's bytecode magic and everything of ours
that shapes the generated code (``fingerprint``). Any other text — a changed template, a
third-party pack — is compiled as before, and so is everything in a source checkout, which has
no such file. The file is never written at run time, and never to a per-user folder (code
read from there could have been planted): it is part of the installed package, trusted as
its .py files are.
"""
from __future__ import annotations

import hashlib
import importlib.util
import marshal
from pathlib import Path
from types import CodeType
from typing import Any, Collection

FILE = Path(__file__).with_name("compiled-templates.marshal")
FORMAT = 2  # 2: attribute reads of data types compiled to plain reads (sandbox._GuardingCodeGenerator)

# the Environment settings the code generator reads
_SETTINGS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
             "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
             "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized", "is_async")


def _code_digest(code: CodeType, digest) -> None:
    digest.update(code.co_code)
    digest.update(repr(code.co_names).encode())
    for const in code.co_consts:
        if isinstance(const, CodeType):
            _code_digest(const, digest)
        else:
            digest.update(_stable(const).encode())


def _stable(const: Any) -> str:
    """repr() that does not change from one process to the next (a frozenset's order does)."""
    if isinstance(const, frozenset):
        return "frozenset(" + repr(sorted(map(_stable, const))) + ")"
    if isinstance(const, tuple):
        return "(" + ", ".join(map(_stable, const)) + ")"
    return repr(const)


def fingerprint(env: Any, context_names: Collection[str]) -> bytes:
    """What decides a template's code and reads besides its own name and text: the versions,
    the environment's settings, filters and tests, our code generator and parse hook (their
    bytecode), and the context names (templating._reads tells them from a template's own)."""
    import jinja2

    digest = hashlib.sha256()
    digest.update(f"{FORMAT}|{jinja2.__version__}|{importlib.util.MAGIC_NUMBER.hex()}|".encode())
    digest.update(repr([getattr(env, name) for name in _SETTINGS]).encode())
    digest.update(repr((sorted(env.filters), sorted(env.tests), sorted(env.extensions), bool(env.autoescape),
                        env.finalize is not None, getattr(env.finalize, "jinja_pass_arg", None))).encode())
    digest.update(repr(sorted(context_names)).encode())
    for cls in type(env).__mro__ + env.code_generator_class.__mro__:
        if cls.__module__.startswith("jinja2"):  # Jinja's own: its version says it
            continue
        for value in vars(cls).values():
            code = getattr(value, "__code__", None)
            if isinstance(code, CodeType):
                _code_digest(code, digest)
    return digest.digest()


def key(fingerprint_: bytes, name: str, source: str) -> bytes:
    return hashlib.sha256(fingerprint_ + name.encode() + b"\0" + source.encode()).digest()


class Shipped:
    """The shipped entries for one environment, read on first use."""

    def __init__(self, env: Any, context_names: Collection[str], file: Path | None = FILE) -> None:
        self._env, self._context_names, self._file = env, context_names, file
        self._entries: dict[bytes, tuple] | None = None
        self._fingerprint = b""

    def _entry(self, name: str, source: str) -> tuple | None:
        if self._entries is None:
            self._entries = _read(self._file)
            self._fingerprint = fingerprint(self._env, self._context_names) if self._entries else b""
        return self._entries.get(key(self._fingerprint, name, source)) if self._entries else None

    def code(self, name: str, source: str, filename: str) -> CodeType | None:
        """The compiled code of template ``name`` with this text, or None (compile it)."""
        entry = self._entry(name, source)
        return None if entry is None else _with_filename(entry[0], filename)

    def reads(self, name: str, source: str) -> tuple[dict[str, int], tuple[tuple[str, int], ...]] | None:
        """(names read → first line, referenced templates) of template ``name``, or None."""
        entry = self._entry(name, source)
        return None if entry is None else (dict(entry[1]), entry[2])


def _read(file: Path | None) -> dict[bytes, tuple]:
    if file is None:
        return {}
    try:
        data = file.read_bytes()
    except OSError:  # a source checkout, or a package without it: compile as before
        return {}
    try:
        found = marshal.loads(data)
    except (EOFError, ValueError, TypeError):  # another Python's, or damaged
        return {}
    if not isinstance(found, dict) or found.get("format") != FORMAT or found.get("magic") != importlib.util.MAGIC_NUMBER:
        return {}
    return found["entries"]


def _with_filename(code: CodeType, filename: str) -> CodeType:
    """``code`` as if compiled from ``filename`` (what Jinja's compile gives the template)."""
    if code.co_filename == filename:
        return code
    consts = tuple(_with_filename(c, filename) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)
