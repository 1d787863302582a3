"""The structure the next people rely on, checked on the source itself: every module imports,
none is over about 400 lines, no `global` statement, no module-level cache or other mutable
state in core, core imports no Qt, and files are written only through core/atomic.py. (The
import graph has no cycle: core/test_import_graph.py.)"""
import ast
import importlib
from pathlib import Path

import pytest

import editor

ROOT = Path(editor.__file__).resolve().parent
MOST_LINES = 400
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")
MUTABLE_CALLS = {"list", "dict", "set", "defaultdict", "OrderedDict", "deque", "Counter", "bytearray",
                 "WeakValueDictionary", "WeakKeyDictionary", "WeakSet"}
CACHES = {"cache", "lru_cache", "cached_property"}


def _modules() -> dict[str, Path]:
    # an installed wheel carries the data folders in editor/_data: scripts there are not the app's code
    return {".".join(("editor", *f.relative_to(ROOT).with_suffix("").parts)).removesuffix(".__init__"): f
            for f in sorted(ROOT.rglob("*.py")) if f.relative_to(ROOT).parts[0] != "_data"}


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def _core() -> dict[str, Path]:
    return {name: path for name, path in _modules().items() if name.startswith("editor.core")}


# --------------------------------------------------------------------------------- the rules
def too_long(path: Path) -> int | None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    return lines if lines > MOST_LINES else None


def global_statements(tree: ast.Module) -> list[int]:
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Global)]


def qt_imports(tree: ast.Module) -> list[str]:
    """Qt modules imported anywhere in the file (inside functions and TYPE_CHECKING too)."""
    found = []
    for node in ast.walk(tree):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
        found += [n for n in names if n.split(".")[0] in QT]
    return found


def module_state(tree: ast.Module) -> list[str]:
    """Module-level mutable state: a container bound to a lowercase name (UPPER_CASE names are
    constant tables by convention, and this test holds them to it: nothing may assign to them
    later), and functions or methods with a memoizing decorator."""
    found = []
    for node in tree.body:
        targets, value = ([], None)
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        mutable = isinstance(value, (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)) or (
            isinstance(value, ast.Call) and _called(value.func) in MUTABLE_CALLS)
        for target in targets:
            if mutable and isinstance(target, ast.Name) and target.id != "__all__" and not target.id.lstrip("_").isupper():
                found.append(f"{target.id} (line {node.lineno})")
    constants = {t.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
                 for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
                 if isinstance(t, ast.Name) and t.id.lstrip("_").isupper()}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found += [f"@{_called(d)} {node.name} (line {node.lineno})" for d in node.decorator_list
                      if _called(d) in CACHES]
            # a constant table changed at run time is state after all
            for inner in ast.walk(node):
                if isinstance(inner, (ast.Subscript, ast.Attribute)) and isinstance(inner.ctx, ast.Store) \
                        and isinstance(inner.value, ast.Name) and inner.value.id in constants:
                    found.append(f"{inner.value.id} changed in {node.name} (line {inner.lineno})")
                elif isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) \
                        and isinstance(inner.func.value, ast.Name) and inner.func.value.id in constants \
                        and inner.func.attr in {"append", "extend", "update", "add", "pop", "clear", "setdefault",
                                                "insert", "remove", "discard", "popitem"}:
                    found.append(f"{inner.func.value.id}.{inner.func.attr} in {node.name} (line {inner.lineno})")
    return found


def raw_writes(tree: ast.Module) -> list[str]:
    """Files written other than through the one atomic write: write_text/write_bytes, open() for
    writing, os.replace/rename, shutil's copies and moves."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _called(node.func)
        owner = node.func.value.id if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) else ""
        mode = next((a for a in node.args[1:2]), None) if name == "open" else None
        mode = next((k.value for k in node.keywords if k.arg == "mode"), mode)
        writing_open = name == "open" and isinstance(mode, ast.Constant) and set(str(mode.value)) & set("wax+")
        if name in ("write_text", "write_bytes") or writing_open or (owner == "os" and name in ("replace", "rename")) \
                or (owner == "shutil" and name in ("copy", "copy2", "copyfile", "move")):
            found.append(f"{name} (line {node.lineno})")
    return found


def _called(func: ast.expr) -> str:
    if isinstance(func, ast.Call):
        func = func.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


# --------------------------------------------------------------------------------- the package
@pytest.mark.parametrize("name", [n for n in _modules() if not n.endswith("__main__")])
def test_every_module_imports(name, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    importlib.import_module(name)


def test_no_module_is_over_400_lines():
    assert {name: lines for name, path in _modules().items() if (lines := too_long(path))} == {}


def test_no_global_statement():
    assert {name: lines for name, path in _modules().items() if (lines := global_statements(_tree(path)))} == {}


def test_core_imports_no_qt():
    assert {name: found for name, path in _core().items() if (found := qt_imports(_tree(path)))} == {}


def test_core_keeps_no_module_level_state():
    assert {name: found for name, path in _core().items() if (found := module_state(_tree(path)))} == {}


def test_files_are_written_only_through_the_atomic_write():
    """Projects, autosave, caches, exports, user packs and screenshots: a crash never leaves a
    half-written file (core/atomic.py is the one place that replaces a file)."""
    atomic = ROOT / "core" / "atomic.py"
    assert {name: found for name, path in _modules().items()
            if path != atomic and (found := raw_writes(_tree(path)))} == {}


# --------------------------------------------------------------------------------- the rules can fail
def test_the_rules_see_what_they_forbid():
    bad = ast.parse(
        "import functools\n"
        "from PySide6.QtCore import QObject\n"
        "_cache = {}\n"
        "seen: list = list()\n"
        "TABLE = {'a': 1}\n"
        "__all__ = ['x']\n"
        "@functools.lru_cache(maxsize=None)\n"
        "def x():\n"
        "    global _cache\n"
        "    TABLE['b'] = 2\n"
        "    TABLE.update(c=3)\n"
        "    import shiboken6\n")
    assert global_statements(bad) == [9]
    assert qt_imports(bad) == ["PySide6.QtCore", "shiboken6"]
    assert module_state(bad) == ["_cache (line 3)", "seen (line 4)", "@lru_cache x (line 8)",
                                 "TABLE changed in x (line 10)", "TABLE.update in x (line 11)"]
    good = ast.parse("NAMES = {'de': 'Deutsch'}\n__all__ = ['f']\ndef f():\n    local = {}\n    local['a'] = 1\n")
    assert module_state(good) == [] and global_statements(good) == [] and qt_imports(good) == []
    writes = ast.parse("import os, shutil\np.write_text('x')\nopen(p, 'wb')\nopen(p, mode='a')\nopen(p)\n"
                       "open(p, 'rb')\nos.replace(a, b)\nshutil.copy2(a, b)\nwrite_atomic(p, b'x')\n")
    assert raw_writes(writes) == ["write_text (line 2)", "open (line 3)", "open (line 4)", "replace (line 7)",
                                  "copy2 (line 8)"]


def test_the_length_rule_counts_lines(tmp_path):
    short, long = tmp_path / "short.py", tmp_path / "long.py"
    short.write_text("x = 1\n" * MOST_LINES)
    long.write_text("x = 1\n" * (MOST_LINES + 1))
    assert too_long(short) is None and too_long(long) == MOST_LINES + 1
