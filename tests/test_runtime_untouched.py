"""Issue 47: nothing in app/ patches, re-implements or tunes another library or the runtime. The one
allowed setting is a single ``gc.freeze()`` at the end of start-up (:func:`app.runtime.settle_gc_after_start`).
Checked on the source's syntax tree (comments and strings do not count).

Nothing assigns into (or deletes from, or ``setattr``s on) a module the app imports from outside app/ or
anything imported from one (``exchangelib.util.x = ...``, ``SomeLibClass.method = ...``), and nothing uses or
imports a private (``_x``) name of one (``exchangelib.util._ILLEGAL_XML_CHARS_RE``, ``re._parser``), or passes
one a private keyword (``Root(_distinguished_id=...)``). Nor does anything swap an object's class
(``response.__class__ = Mine``), read a private name by its string (``getattr(attachment, "_content")``)
on anything but itself, or, in a subclass of a library's class, use a private name the subclass does not
set itself: its base's (``self._session_pool_lock`` in a ``Protocol``)."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

from tests.helpers.library_names import NOT_YET_REMOVED  # findings known and not yet removed (issue 47: to go, not to grow)
from tests.helpers.source_trees import parse_source

APP = Path(__file__).resolve().parent.parent / "app"

#: modules the app must not import: the C library through ctypes, PySide's internals
BANNED_MODULES = ("ctypes", "PySide6.support", "shibokensupport")
#: attributes that tune the interpreter, the collector, the allocator or PySide's import hook
BANNED_ATTRIBUTES = {"setswitchinterval", "set_threshold", "mallopt", "malloc_trim", "__orig_import__",
                     "pyside_feature_dict"}
#: writes into a foreign module the library documents as the way to use it
DOCUMENTED_HOOKS = {"sys.excepthook"}


@functools.cache
def _modules() -> tuple[tuple[str, ast.AST], ...]:
    """Every module of app/, parsed once per run (the checks only read the trees)."""
    return tuple((str(p.relative_to(APP.parent)), parse_source(p.read_text(encoding="utf-8")))
                 for p in sorted(APP.rglob("*.py")))


def _root(node: ast.AST) -> str:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _foreign(module: str) -> bool:
    """A module from outside app/: a third-party library's or the standard library's."""
    top = module.split(".")[0]
    return bool(top) and top not in ("app", "__future__")


def _foreign_names(tree: ast.AST) -> dict[str, str]:
    """The names a module binds to a foreign module or to something imported from one (a class, a function)."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update({a.asname or a.name.split(".")[0]: a.name for a in node.names if _foreign(a.name)})
        elif isinstance(node, ast.ImportFrom) and not node.level and _foreign(node.module or ""):
            names.update({a.asname or a.name: f"{node.module}.{a.name}" for a in node.names})
    return names


def _targets(node: ast.AST) -> list[ast.AST]:
    """What an assignment or ``del`` writes to (tuples unpacked)."""
    if isinstance(node, ast.Assign):
        found = list(node.targets)
    elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        found = [node.target]
    elif isinstance(node, ast.Delete):
        found = list(node.targets)
    else:
        return []
    flat = []
    while found:
        t = found.pop()
        found.extend(t.elts) if isinstance(t, (ast.Tuple, ast.List)) else flat.append(t)
    return flat


def _own_names(cls: ast.ClassDef) -> set[str]:
    """The names a class sets itself: its methods and class attributes, and ``self.x = ...``."""
    names = {n.name for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    for node in ast.walk(cls):
        if not isinstance(node, (ast.Assign, ast.AnnAssign)):
            continue  # x += 1 and del x change a name; they do not make it the class's own
        for t in _targets(node):
            if isinstance(t, ast.Name) and node in cls.body:
                names.add(t.id)
            elif isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self":
                names.add(t.attr)
    return names


def _inherited_privates(path: str, tree: ast.AST, foreign: dict[str, str]) -> list[str]:
    """In a subclass of a library's class (or of such a subclass in the same module): ``self._x`` it does
    not set itself, i.e. its base's private name."""
    classes = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}

    def lineage(cls: ast.ClassDef, seen=()) -> tuple[str, set[str]]:
        """(the library base it comes from, or "", the names it and its in-module bases set)."""
        own, base = _own_names(cls), ""
        for b in cls.bases:
            root = _root(b)
            if root in foreign:  # ``import a.b`` binds ``a``: the base is as written; else from its import
                written = ast.unparse(b)
                base = base or (written if foreign[root].split(".")[0] == root else foreign[root] + written[len(root):])
            elif isinstance(b, ast.Name) and b.id in classes and b.id not in seen:
                up, names = lineage(classes[b.id], (*seen, cls.name))
                base, own = base or up, own | names
        return base, own

    found = []
    for cls in classes.values():
        base, own = lineage(cls)
        if not base:
            continue
        for node in ast.walk(cls):
            if (isinstance(node, ast.Attribute) and _private(node.attr) and isinstance(node.value, ast.Name)
                    and node.value.id == "self" and node.attr not in own):
                found.append(f"{path}:{node.lineno} uses its base {base}'s private {node.attr}")
    return found


def _pokes(path: str, tree: ast.AST) -> list[str]:
    """An object's class swapped; a private name read or set by its string on anything but ``self``."""
    found = []
    for node in ast.walk(tree):
        for t in _targets(node):
            if isinstance(t, ast.Attribute) and t.attr == "__class__":
                found.append(f"{path}:{node.lineno} swaps an object's class ({ast.unparse(t)})")
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("getattr", "setattr", "hasattr",
                                                                              "delattr")
                and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant)
                and isinstance(node.args[1].value, str) and _private(node.args[1].value)
                and not (isinstance(node.args[0], ast.Name) and node.args[0].id in ("self", "cls"))):
            found.append(f"{path}:{node.lineno} {node.func.id}s another object's private {node.args[1].value}")
    return found


def _patches(path: str, tree: ast.AST) -> list[str]:
    """Writes into a foreign module or class, and uses of a foreign private name."""
    foreign, found = _foreign_names(tree), []
    for node in ast.walk(tree):
        for t in _targets(node):
            if isinstance(t, ast.Attribute) and _root(t) in foreign and ast.unparse(t) not in DOCUMENTED_HOOKS:
                found.append(f"{path}:{node.lineno} assigns into {foreign[_root(t)]} ({ast.unparse(t)})")
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("setattr", "delattr")
                and node.args and _root(node.args[0]) in foreign):
            found.append(f"{path}:{node.lineno} {node.func.id} on {foreign[_root(node.args[0])]}")
        if isinstance(node, ast.Call) and _root(node.func) in foreign:
            found += [f"{path}:{node.lineno} passes {foreign[_root(node.func)]} its private {k.arg}"
                      for k in node.keywords if k.arg and _private(k.arg)]
        if isinstance(node, ast.Attribute) and _private(node.attr) and _root(node) in foreign:
            found.append(f"{path}:{node.lineno} uses {foreign[_root(node)]}'s private {node.attr}")
        if isinstance(node, ast.ImportFrom) and not node.level and _foreign(node.module or ""):
            found += [f"{path}:{node.lineno} imports {node.module}'s private {a.name}" for a in node.names
                      if _private(a.name)]
        if isinstance(node, ast.Import):
            found += [f"{path}:{node.lineno} imports the private {a.name}" for a in node.names
                      if _foreign(a.name) and any(_private(part) for part in a.name.split("."))]
    return found + _inherited_privates(path, tree, foreign) + _pokes(path, tree)


def _findings(path: str, tree: ast.AST) -> list[str]:
    found = _patches(path, tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            names = []
        found += [f"{path}:{node.lineno} imports {n}" for n in names if n.startswith(BANNED_MODULES)]
        if isinstance(node, ast.Attribute):
            if node.attr in BANNED_ATTRIBUTES:
                found.append(f"{path}:{node.lineno} uses {node.attr}")
            elif _root(node) == "gc" and node.attr in ("disable", "unfreeze"):
                found.append(f"{path}:{node.lineno} uses gc.{node.attr}")
    return found


def _freezes(tree: ast.AST) -> int:
    return sum(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "freeze"
               and _root(n.func) == "gc" for n in ast.walk(tree))


def _known(finding: str) -> bool:
    path, _, what = finding.partition(":")
    return f"{path} {what.partition(' ')[2]}" in NOT_YET_REMOVED


def test_nothing_in_the_app_tunes_the_runtime_or_reaches_into_a_library():
    found = [f for path, tree in _modules() for f in _findings(path, tree)]
    assert [f for f in found if not _known(f)] == [], "\n".join(found)
    assert len(found) == len(NOT_YET_REMOVED), "a finding listed as not yet removed is gone: drop it from the list"


@pytest.mark.parametrize("source", [
    "import exchangelib.util as u\nu.safe_xml_value = f",
    "import exchangelib.util\nexchangelib.util.value_to_xml_text = f",
    "import exchangelib.services.common as c\nc.EWSService.wrap = f",
    "from exchangelib.services.common import EWSService\nEWSService.wrap = f",
    "from exchangelib import Body\nBody.x, y = 1, 2",
    "import requests\nrequests.Response.iter_content += 1",
    "import exchangelib\ndel exchangelib.x",
    "import exchangelib.util as u\nsetattr(u, 'safe_xml_value', f)",
    "import exchangelib.util as u\nu._ILLEGAL_XML_CHARS_RE.sub('?', t)",
    "from exchangelib.services import FindItem\nFindItem._get_paging_values(e)",
    "from exchangelib.util import _ILLEGAL_XML_CHARS_RE",
    "from re import _parser",
    "import re._parser as p",
    "from PySide6 import QtCore\nQtCore._private()",
    "from exchangelib.folders import Root\nRoot(account=a, _distinguished_id=d)",
    "import requests\nclass R(requests.Response):\n    pass\ndef f(r):\n    r.__class__ = R",
    "x = getattr(attachment, '_content', None)",
    "setattr(window, '_force_close', True)",
    "from exchangelib.protocol import Protocol\nclass P(Protocol):\n    def f(self):\n"
    "        with self._session_pool_lock:\n            pass",
    "from exchangelib.protocol import Protocol\nclass P(Protocol):\n    def f(self):\n"
    "        self._session_pool_size -= 1",
    "import requests\nclass R(requests.Response):\n    def f(self):\n        return self._content_consumed",
    "from exchangelib.protocol import Protocol\nclass P(Protocol):\n    pass\n"
    "class Q(P):\n    def f(self):\n        return self._session_pool",
])
def test_the_check_finds_a_patch_or_a_private_name(source):
    assert len(_patches("x.py", parse_source(source))) == 1


@pytest.mark.parametrize("source", [
    "from exchangelib import Message\nmsg = Message()\nmsg.subject = 's'",
    "from app.mail.ews import convert\nconvert.PIECE = 1",
    "import sys\nsys.excepthook = hook",
    "import exchangelib.util as u\nx = u.safe_xml_value(t)",
    "from exchangelib.folders import Root\nRoot(account=a, **kw)",
    "from exchangelib import Body\nclass Mine(Body):\n    x = 1\n    def _own(self):\n        self._y = 1",
    "from exchangelib import Body\nclass Mine(Body):\n    def __init__(self):\n        self._lock = 1\n"
    "    def _own(self):\n        with self._lock:\n            return self._own()",
    "from exchangelib import Body\nclass Mine(Body):\n    _k = 1\nclass Yours(Mine):\n    def f(self):\n"
    "        return self._k",
    "class Mine:\n    def f(self, other):\n        return getattr(self, '_cache', None)",
    "x = getattr(handler, 'name', '')",
])
def test_the_check_leaves_ordinary_use_alone(source):
    assert _patches("x.py", parse_source(source)) == []


def _calls(name: str) -> dict[str, int]:
    calls = {path: sum(isinstance(n, ast.Call) and getattr(n.func, "id", getattr(n.func, "attr", None)) == name
                       for n in ast.walk(tree)) for path, tree in _modules()}
    return {p: n for p, n in calls.items() if n}


def test_gc_freeze_is_called_in_one_place_once_at_start_up():
    freezes = {path: n for path, tree in _modules() if (n := _freezes(tree))}
    assert freezes == {"app/runtime.py": 1}
    assert _calls("settle_gc") == {"app/runtime.py": 1}, "settle_gc: only by settle_gc_after_start"
    assert _calls("settle_gc_after_start") == {"app/app_main.py": 1}, "once, by the app's start"
