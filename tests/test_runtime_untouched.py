"""Issue 47: nothing in app/ patches, re-implements or tunes another library or the runtime. The one
allowed setting is a single ``gc.freeze()`` at the end of start-up (:func:`app.runtime.settle_gc_after_start`).
Checked on the source's syntax tree (comments and strings do not count)."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"

#: modules the app must not import: the C library through ctypes, PySide's internals
BANNED_MODULES = ("ctypes", "PySide6.support", "shibokensupport")
#: attributes that tune the interpreter, the collector, the allocator or PySide's import hook
BANNED_ATTRIBUTES = {"setswitchinterval", "set_threshold", "mallopt", "malloc_trim", "__orig_import__",
                     "pyside_feature_dict"}
QT_ROOTS = ("PySide6", "shiboken6")


def _modules() -> list[tuple[str, ast.AST]]:
    return [(str(p.relative_to(APP.parent)), ast.parse(p.read_text(encoding="utf-8")))
            for p in sorted(APP.rglob("*.py"))]


def _root(node: ast.AST) -> str:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _findings(path: str, tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
            if names[0].startswith(QT_ROOTS):
                found += [f"{path}:{node.lineno} imports {a.name}" for a in node.names if _private(a.name)]
        else:
            names = []
        found += [f"{path}:{node.lineno} imports {n}" for n in names if n.startswith(BANNED_MODULES)]
        if isinstance(node, ast.Attribute):
            if node.attr in BANNED_ATTRIBUTES:
                found.append(f"{path}:{node.lineno} uses {node.attr}")
            elif _private(node.attr) and _root(node) in QT_ROOTS:
                found.append(f"{path}:{node.lineno} uses {_root(node)}'s private {node.attr}")
            elif _root(node) == "gc" and node.attr in ("disable", "unfreeze"):
                found.append(f"{path}:{node.lineno} uses gc.{node.attr}")
    return found


def _freezes(tree: ast.AST) -> int:
    return sum(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "freeze"
               and _root(n.func) == "gc" for n in ast.walk(tree))


def test_nothing_in_the_app_tunes_the_runtime_or_reaches_into_a_library():
    found = [f for path, tree in _modules() for f in _findings(path, tree)]
    assert found == [], "\n".join(found)


def _calls(name: str) -> dict[str, int]:
    calls = {path: sum(isinstance(n, ast.Call) and getattr(n.func, "id", getattr(n.func, "attr", None)) == name
                       for n in ast.walk(tree)) for path, tree in _modules()}
    return {p: n for p, n in calls.items() if n}


def test_gc_freeze_is_called_in_one_place_once_at_start_up():
    freezes = {path: n for path, tree in _modules() if (n := _freezes(tree))}
    assert freezes == {"app/runtime.py": 1}
    assert _calls("settle_gc") == {"app/runtime.py": 1}, "settle_gc: only by settle_gc_after_start"
    assert _calls("settle_gc_after_start") == {"app/app_main.py": 1}, "once, by the app's start"
