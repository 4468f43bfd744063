"""Issue 47: in app/ui no module reaches into another object's private (``_x``) attributes. A widget or the
window exposes signals, methods and properties; what the start-up slices build, the window is handed through
its public names (``app/ui/window/setup_steps.py``). Checked on the source's syntax tree (comments and
strings do not count):

- ``x._name`` (read, written or deleted) where ``x`` is anything but ``self`` or ``cls`` (``win._brand``,
  ``self.flows._spawn``, ``self._bar._undo``);
- ``getattr``/``setattr``/``hasattr``/``delattr`` of a private name given as a string, on anything but
  ``self`` or ``cls`` (``getattr(win, "_about", None)``).

Nothing is allowed, so there is no allow-list: a class's own private names are its own (``self._x``), and
a dunder (``x.__class__``) is no private name."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parent.parent / "app" / "ui"
OWN = ("self", "cls")
ATTR_CALLS = ("getattr", "setattr", "hasattr", "delattr")


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _own(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id in OWN


def _pokes(path: str, tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr) and not _own(node.value):
            how = {ast.Store: "sets", ast.Del: "deletes"}.get(type(node.ctx), "reads")
            found.append(f"{path}:{node.lineno} {how} {ast.unparse(node)}")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ATTR_CALLS
              and len(node.args) >= 2 and not _own(node.args[0]) and isinstance(node.args[1], ast.Constant)
              and isinstance(node.args[1].value, str) and _private(node.args[1].value)):
            found.append(f"{path}:{node.lineno} {node.func.id}s {ast.unparse(node.args[0])}.{node.args[1].value}")
    return found


def test_no_module_in_app_ui_reads_or_sets_another_objects_private_attributes():
    found = [f for p in sorted(UI.rglob("*.py"))
             for f in _pokes(str(p.relative_to(UI.parent.parent)), ast.parse(p.read_text(encoding="utf-8")))]
    assert found == [], f"{len(found)} private attributes of another object:\n" + "\n".join(found)


@pytest.mark.parametrize("source", [
    "win._brand = QLabel()",
    "win._early, x = [], 1",
    "win._set_state('idle')",
    "self.win._busy_push('Saving…')",
    "self._bar._undo()",
    "o = self.owner\no._auto_pick = False",
    "del win._about",
    "win._views.append(v)",
    "c._loading += 1",
    "getattr(win, '_about', None)",
    "setattr(task, '_dispatch_keep', True)",
    "hasattr(self.w, '_journal')",
    "super()._private()",
])
def test_the_check_finds_a_poke(source):
    assert len(_pokes("x.py", ast.parse(source))) == 1


@pytest.mark.parametrize("source", [
    "self._brand = QLabel()",
    "cls._cache = {}",
    "x = self._views[0]",
    "win.brand.setText('')",
    "self.w.busy_push('Saving…')",
    "getattr(self, '_loading', False)",
    "getattr(win, 'about_box', None)",
    "t = type(x).__name__\nx.__class__",
    "def _own(self):\n    return self._x",
])
def test_the_check_leaves_a_class_its_own_names(source):
    assert _pokes("x.py", ast.parse(source)) == []
