"""Issue 47: no module in app/ (app/sandbox included) reaches into another object's private (``_x``)
attributes. A widget or the window exposes signals, methods and properties; what the start-up slices build,
the window is handed through its public names (``app/ui/window/setup_steps.py``); the sandbox's front ends
(EWS, Graph, $batch, upload, authority) use the Sandbox's and the HTTP handler's public hooks
(``sb.observe``, ``sb.log_op``, ``h.send``, ``h.close_after_reply``), a journal helper the journal's
(``journal.transaction()``). The sandbox is checked too: it is the code a newcomer meets first (every test
talks to it), and its modules are split by protocol, which only works when they meet through public names.
Checked on the source's syntax tree (comments and strings do not count):

- ``x._name`` (read, written or deleted) where ``x`` is anything but ``self`` or ``cls`` (``win._brand``,
  ``self.flows._spawn``, ``self._bar._undo``);
- ``getattr``/``setattr``/``hasattr``/``delattr`` of a private name given as a string, on anything but
  ``self`` or ``cls`` (``getattr(win, "_about", None)``).

Nothing of the app's own is allowed, so there is no allow-list: a class's own private names are its own
(``self._x``), and a dunder (``x.__class__``) is no private name. Another library's private name is
tests/test_runtime_untouched.py's business: one it lists as not yet removed (with its reason) is left to it
here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers.library_names import NOT_YET_REMOVED
from tests.helpers.source_trees import parse_source

APP = Path(__file__).resolve().parent.parent / "app"
OWN = ("self", "cls")
ATTR_CALLS = ("getattr", "setattr", "hasattr", "delattr")


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _own(node: ast.AST, built: frozenset[int] = frozenset()) -> bool:
    return isinstance(node, ast.Name) and (node.id in OWN or id(node) in built)


def _built_by_cls(tree: ast.AST) -> frozenset[int]:
    """The names (their nodes) standing for an object a method has just built with ``cls(...)`` and never
    rebinds to anything else (``run = cls(...)``, then ``run._attach()``): an alternative constructor
    finishing its own class's object, which is the class's business, not another's."""
    own: set[int] = set()
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        by_cls = {id(t) for n in ast.walk(fn) if isinstance(n, ast.Assign) and isinstance(n.value, ast.Call)
                  and isinstance(n.value.func, ast.Name) and n.value.func.id == "cls"
                  for t in n.targets if isinstance(t, ast.Name)}
        binds: dict[str, list[bool]] = {}
        for n in ast.walk(fn):
            for name in _bound_names(n):
                binds.setdefault(name, []).append(id(n) in by_cls)
        built = {name for name, by_cls in binds.items() if all(by_cls)}
        own.update(id(n) for n in ast.walk(fn) if isinstance(n, ast.Name) and n.id in built)
    return frozenset(own)


def _bound_names(node: ast.AST) -> list[str]:
    """The plain names ``node`` binds (assignments, loop and with targets, parameters)."""
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
        return [node.id]
    if isinstance(node, ast.arg):
        return [node.arg]
    return []


def _pokes(path: str, tree: ast.AST) -> list[str]:
    found, built = [], _built_by_cls(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr) and not _own(node.value, built):
            how = {ast.Store: "sets", ast.Del: "deletes"}.get(type(node.ctx), "reads")
            found.append(f"{path}:{node.lineno} {how} {ast.unparse(node)}")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ATTR_CALLS
              and len(node.args) >= 2 and not _own(node.args[0], built) and isinstance(node.args[1], ast.Constant)
              and isinstance(node.args[1].value, str) and _private(node.args[1].value)):
            found.append(f"{path}:{node.lineno} {node.func.id}s {ast.unparse(node.args[0])}.{node.args[1].value}")
    return found


def _library_known(finding: str) -> bool:
    """A library's private name that tests/test_runtime_untouched.py lists as not yet removed, in the same
    module ("app/mail/ews/service.py:59 reads FindItem._get_paging_values")."""
    path, name = finding.split(":", 1)[0], finding.rsplit(".", 1)[-1]
    return any(k.startswith(path + " ") and k.endswith(" " + name) for k in NOT_YET_REMOVED)


def test_no_module_in_app_reads_or_sets_another_objects_private_attributes():
    found = [f for p in sorted(APP.rglob("*.py"))
             for f in _pokes(str(p.relative_to(APP.parent)), parse_source(p.read_text(encoding="utf-8")))]
    found = [f for f in found if not _library_known(f)]
    assert found == [], f"{len(found)} private attributes of another object:\n" + "\n".join(found)


def test_only_a_library_name_listed_with_its_reason_is_left_to_the_runtime_check():
    assert _library_known("app/mail/ews/service.py:59 reads FindItem._get_paging_values")
    assert not _library_known("app/mail/ews/service.py:59 reads FindItem._get_elements")
    assert not _library_known("app/sandbox/server.py:90 getattrs response._content_consumed")


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
    "class C:\n    @classmethod\n    def load(cls, d):\n        run = Other(d)\n        run._attach()",
    "class C:\n    @classmethod\n    def load(cls, d, o):\n        run = cls(d)\n        run = o\n        run._attach()",
    "class C:\n    @classmethod\n    def load(cls, run):\n        run._attach()",
])
def test_the_check_finds_a_poke(source):
    assert len(_pokes("x.py", parse_source(source))) == 1


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
    "class C:\n    @classmethod\n    def load(cls, d):\n        run = cls(d)\n        run._attach()\n        return run",
])
def test_the_check_leaves_a_class_its_own_names(source):
    assert _pokes("x.py", parse_source(source)) == []
