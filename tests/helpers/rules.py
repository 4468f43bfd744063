"""The source rules, one checker (issue 60, item 5). Each rule reads Python source as a syntax tree
(comments and strings do not count, except a string a module hands to ``importlib.import_module``, which is
an import) and returns findings, ``"<path>:<line> <what>"``; tests/test_rules.py runs each rule on a snippet
of the hole it closes and then over the trees it guards (:data:`SCANNED`: app/, bench/ and scripts/; the test
layout over tests/).

The rules:

- **no internals** (:func:`internals`): nothing patches, re-implements or tunes another library or the
  runtime, and nothing reads or sets another object's private (``_x``) attribute (:func:`pokes`);
- **one state table** (:func:`submission_state_sets`, :func:`event_applications`, :func:`row_state_sets`,
  :func:`holds`, :func:`decision_writes`, :func:`save_event_applications`): a submission's state changes only
  through app/core/outbox/submission.py's table, a save's through app/core/outbox/saves.py's, and the fields that
  decide what happens next to either only travel with an event (set in those two modules only);
- **no circles** (:func:`import_graph`, :func:`circles`), string imports resolved (:func:`string_imports`)
  and checked against pyproject.toml's import-linter contracts (:func:`contract_breaches`), which cannot see
  them;
- **no application-wide filters** (:func:`app_wide_filters`);
- **layout** (:func:`test_module_imports`, :func:`conftest_imports`): no test imports another test module, and
  nothing imports from a conftest module;
- **the Outbox asks, never guesses** (:func:`source_comparisons`, :func:`limit_guesses`): a submission's source
  is compared with a name only in app/core/outbox/sources.py (its strategies), and no client's size limit is
  read with ``getattr(..., "max_send_bytes", default)``;
- **comments say why** (:func:`history_notes`): no "issue N" or "ninth round" in app/'s comments and
  docstrings; a change's history lives in CHANGELOG.md and the commit messages.
"""

from __future__ import annotations

import ast
import functools
import importlib
import io
import re
import tokenize
import tomllib
from pathlib import Path

from tests.helpers.library_names import NOT_YET_REMOVED
from tests.helpers.source_trees import parse_source

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app"
#: the trees the source rules read (the test layout reads tests/)
SCANNED = ("app", "bench", "scripts")
OWN = ("self", "cls")
ATTR_CALLS = ("getattr", "setattr", "hasattr", "delattr")
IMPORT_CALLS = ("import_module", "__import__")


# ---------------------------------------------------------------------------------------------- the trees
@functools.cache
def trees(*tops: str) -> tuple[tuple[str, ast.AST], ...]:
    """(path from the root, syntax tree) of every module under the given top folders, parsed once per run."""
    return tuple((p.relative_to(ROOT).as_posix(), _parsed(p.read_text(encoding="utf-8"), str(p)))
                 for top in tops for p in sorted((ROOT / top).rglob("*.py")))


class Trees:
    """:func:`trees` of the given top folders, parsed when first iterated: a test module's constant that costs
    nothing to collect (every worker of a parallel run collects every test module)."""

    def __init__(self, *tops: str, prefix: str = ""):
        self.tops, self.prefix = tops, prefix

    def __iter__(self):
        return iter([(p, t) for p, t in trees(*self.tops) if p.startswith(self.prefix)])


#: id of a module tree :func:`_parsed` keeps for the whole run -> its nodes in ``ast.walk``'s order: every rule
#: walks every module, several times; listing the nodes once saves most of the rule tests' time
_LISTED: dict[int, tuple[ast.AST, ...]] = {}


@functools.cache
def _parsed(source: str, filename: str) -> ast.AST:
    """The syntax tree of a module's text, parsed once per run (the same text, the same tree; the rules only
    read trees) and its nodes listed for :func:`_walk`."""
    tree = parse_source(source, filename)
    _LISTED[id(tree)] = tuple(ast.walk(tree))
    return tree


def _walk(node: ast.AST):
    """``ast.walk(node)``, the same nodes in the same order; listed once for a tree :func:`_parsed` keeps."""
    listed = _LISTED.get(id(node))
    return listed if listed is not None else ast.walk(node)


def _root(node: ast.AST) -> str:
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _call_name(node: ast.Call) -> str | None:
    return getattr(node.func, "id", getattr(node.func, "attr", None))


def _str_arg(node: ast.Call, i: int = 0) -> str | None:
    a = node.args[i] if len(node.args) > i else None
    return a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None


# ============================================================================ rule: no internals (pokes)
def _own(node: ast.AST, built: frozenset[int] = frozenset()) -> bool:
    return isinstance(node, ast.Name) and (node.id in OWN or id(node) in built)


def _bound_names(node: ast.AST) -> list[str]:
    """The plain names ``node`` binds (assignments, loop and with targets, parameters)."""
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
        return [node.id]
    if isinstance(node, ast.arg):
        return [node.arg]
    return []


def _built_by_cls(tree: ast.AST) -> frozenset[int]:
    """The names (their nodes) standing for an object a method has just built with ``cls(...)`` and never
    rebinds to anything else (``run = cls(...)``, then ``run._attach()``): an alternative constructor
    finishing its own class's object, which is the class's business, not another's."""
    own: set[int] = set()
    for fn in _walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        nodes = list(ast.walk(fn))
        by_cls = {id(t) for n in nodes if isinstance(n, ast.Assign) and isinstance(n.value, ast.Call)
                  and isinstance(n.value.func, ast.Name) and n.value.func.id == "cls"
                  for t in n.targets if isinstance(t, ast.Name)}
        binds: dict[str, list[bool]] = {}
        for n in nodes:
            for name in _bound_names(n):
                binds.setdefault(name, []).append(id(n) in by_cls)
        built = {name for name, flags in binds.items() if all(flags)}
        own.update(id(n) for n in nodes if isinstance(n, ast.Name) and n.id in built)
    return frozenset(own)


def pokes(path: str, tree: ast.AST) -> list[str]:
    """``x._name`` (read, written or deleted) where ``x`` is anything but ``self`` or ``cls``, and
    ``getattr``/``setattr``/``hasattr``/``delattr`` of a private name given as a string on anything else."""
    found, built = [], _built_by_cls(tree)
    for node in _walk(tree):
        if (isinstance(node, ast.Attribute) and _private(node.attr) and not _own(node.value, built)
                and ast.unparse(node) not in DOCUMENTED_PRIVATES):
            how = {ast.Store: "sets", ast.Del: "deletes"}.get(type(node.ctx), "reads")
            found.append(f"{path}:{node.lineno} {how} {ast.unparse(node)}")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ATTR_CALLS
              and len(node.args) >= 2 and not _own(node.args[0], built) and isinstance(node.args[1], ast.Constant)
              and isinstance(node.args[1].value, str) and _private(node.args[1].value)):
            found.append(f"{path}:{node.lineno} {node.func.id}s {ast.unparse(node.args[0])}.{node.args[1].value}")
    return found


def library_known(finding: str, listed: dict[str, str] | None = None) -> bool:
    """A library's private name that ``listed`` (:data:`NOT_YET_REMOVED`) lists with its reason, in the same
    module ("app/mail/ews/x.py:59 reads FindItem._get_paging_values"): :func:`internals` reports it."""
    path, name = finding.split(":", 1)[0], finding.rsplit(".", 1)[-1]
    keys = NOT_YET_REMOVED if listed is None else listed
    return any(k.startswith(path + " ") and k.endswith(" " + name) for k in keys)


# ========================================================================= rule: no internals (runtime)
#: modules nothing may import: the C library through ctypes, PySide's internals
BANNED_MODULES = ("ctypes", "PySide6.support", "shibokensupport")
#: attributes that tune the interpreter, the collector, the allocator, the stack or PySide's import hook
BANNED_ATTRIBUTES = {"setswitchinterval", "set_threshold", "mallopt", "malloc_trim", "__orig_import__",
                     "pyside_feature_dict", "setrecursionlimit", "settrace", "setprofile", "stack_size"}
#: of the collector, only ``gc.freeze()`` once at start-up (:func:`freezes`)
BANNED_GC = ("disable", "unfreeze", "set_threshold", "set_debug")
#: writes into a foreign module the library documents as the way to use it
DOCUMENTED_HOOKS = {"sys.excepthook"}
#: names with a leading underscore that their library documents as public (os._exit: "Exit the process ...")
DOCUMENTED_PRIVATES = {"os._exit"}
#: the bench's and the scripts' own modules (they import each other by their file names)
LOCAL = frozenset(p.stem for top in SCANNED[1:] for p in (ROOT / top).glob("*.py"))


def _foreign(module: str) -> bool:
    """A module from outside app/: a third-party library's or the standard library's."""
    top = module.split(".")[0]
    return bool(top) and top not in ("app", "__future__", "tests", "bench", "scripts") and top not in LOCAL


def _foreign_names(tree: ast.AST) -> dict[str, str]:
    """The names a module binds to a foreign module or to something imported from one (a class, a function),
    and the names bound to one of those (``v = u`` after ``import exchangelib.util as u``; ``m =
    importlib.import_module("exchangelib.util")``)."""
    names = {}
    for node in _walk(tree):
        if isinstance(node, ast.Import):
            names.update({a.asname or a.name.split(".")[0]: a.name for a in node.names if _foreign(a.name)})
        elif isinstance(node, ast.ImportFrom) and not node.level and _foreign(node.module or ""):
            names.update({a.asname or a.name: f"{node.module}.{a.name}" for a in node.names})
    for _ in range(3):  # aliases of aliases
        for node in _walk(tree):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                value, target = node.value, node.targets[0].id
                if isinstance(value, (ast.Name, ast.Attribute)) and _root(value) in names:
                    names.setdefault(target, names[_root(value)] + ast.unparse(value)[len(_root(value)):])
                elif (isinstance(value, ast.Call) and _call_name(value) in IMPORT_CALLS
                      and _foreign(_str_arg(value) or "")):
                    names.setdefault(target, _str_arg(value))
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


def _library_has(base: str, name: str) -> bool:
    """Whether the library class ``base`` ("exchangelib.services.FindItem") has ``name``; a base that cannot
    be looked up is taken to have it (a private name next to an unknown base is not let through)."""
    module, _, attr = base.rpartition(".")
    while module:
        try:
            obj = importlib.import_module(module)
            break
        except ImportError:
            module, _, more = module.rpartition(".")
            attr = f"{more}.{attr}"
    else:
        return True
    try:
        for part in attr.split("."):
            obj = getattr(obj, part)
    except AttributeError:
        return True
    return hasattr(obj, name)


def _inherited_privates(path: str, tree: ast.AST, foreign: dict[str, str]) -> list[str]:
    """In a subclass of a library's class (or of such a subclass in the same module): ``self._x`` it does
    not set itself, i.e. its base's private name; and a private name it defines that its library base has
    (an override of the library's private method: ``Paged._get_paging_values`` in a ``class Paged(FindItem)``)."""
    classes = {n.name: n for n in _walk(tree) if isinstance(n, ast.ClassDef)}

    def lineage(cls: ast.ClassDef, seen=()) -> tuple[str, set[str]]:
        """(the library base it comes from, or "", the names its in-module bases set)."""
        own, base = set(), ""
        for b in cls.bases:
            root = _root(b)
            if root in foreign:  # ``import a.b`` binds ``a``: the base is as written; else from its import
                written = ast.unparse(b)
                base = base or (written if foreign[root].split(".")[0] == root else foreign[root] + written[len(root):])
            elif isinstance(b, ast.Name) and b.id in classes and b.id not in seen:
                up, names = lineage(classes[b.id], (*seen, cls.name))
                base, own = base or up, own | names | _own_names(classes[b.id])
        return base, own

    found = []
    for cls in classes.values():
        base, inherited = lineage(cls)
        if not base:
            continue
        own = _own_names(cls) | inherited
        for node in ast.walk(cls):
            if (isinstance(node, ast.Attribute) and _private(node.attr) and isinstance(node.value, ast.Name)
                    and node.value.id == "self" and node.attr not in own):
                found.append(f"{path}:{node.lineno} uses its base {base}'s private {node.attr}")
        for name in sorted(n for n in _own_names(cls) - inherited if _private(n)):
            if _library_has(base, name):
                found.append(f"{path}:{cls.lineno} overrides {base}'s private {name}")
    return found


def _class_swaps_and_string_pokes(path: str, tree: ast.AST) -> list[str]:
    """An object's class swapped; a private name read or set by its string on anything but ``self``."""
    found = []
    for node in _walk(tree):
        for t in _targets(node):
            if isinstance(t, ast.Attribute) and t.attr == "__class__":
                found.append(f"{path}:{node.lineno} swaps an object's class ({ast.unparse(t)})")
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ATTR_CALLS
                and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant)
                and isinstance(node.args[1].value, str) and _private(node.args[1].value)
                and not (isinstance(node.args[0], ast.Name) and node.args[0].id in OWN)):
            found.append(f"{path}:{node.lineno} {node.func.id}s another object's private {node.args[1].value}")
    return found


def _namespace_writes(path: str, tree: ast.AST, foreign: dict[str, str]) -> list[str]:
    """Writes through a namespace rather than an attribute: ``vars(m)[k] = v``, ``m.__dict__[k] = v``,
    ``vars(m).update(...)``, ``m.__dict__.update(...)`` on a foreign name, and ``object.__setattr__`` /
    ``type.__setattr__`` / ``object.__delattr__`` on anything but ``self``."""
    found = []

    def namespace_of(node: ast.AST) -> str | None:
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "vars" and node.args:
            return _root(node.args[0])
        if isinstance(node, ast.Attribute) and node.attr == "__dict__":
            return _root(node.value)
        return None

    for node in _walk(tree):
        for t in _targets(node):
            if isinstance(t, ast.Subscript) and (root := namespace_of(t.value)) in foreign:
                found.append(f"{path}:{node.lineno} writes into {foreign[root]}'s namespace ({ast.unparse(t)})")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            f = node.func
            if f.attr in ("update", "setdefault", "pop", "clear", "__setitem__", "__delitem__") \
                    and (root := namespace_of(f.value)) in foreign:
                found.append(f"{path}:{node.lineno} writes into {foreign[root]}'s namespace ({ast.unparse(f)})")
            if (f.attr in ("__setattr__", "__delattr__") and isinstance(f.value, ast.Name)
                    and f.value.id in ("object", "type") and node.args and not _own(node.args[0])):
                found.append(f"{path}:{node.lineno} uses {f.value.id}.{f.attr} on {ast.unparse(node.args[0])}")
    return found


def patches(path: str, tree: ast.AST) -> list[str]:
    """Writes into a foreign module or class, and uses of a foreign private name."""
    foreign, found = _foreign_names(tree), []
    for node in _walk(tree):
        for t in _targets(node):
            if isinstance(t, ast.Attribute) and _root(t) in foreign and ast.unparse(t) not in DOCUMENTED_HOOKS:
                found.append(f"{path}:{node.lineno} assigns into {foreign[_root(t)]} ({ast.unparse(t)})")
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("setattr", "delattr")
                and node.args and _root(node.args[0]) in foreign):
            found.append(f"{path}:{node.lineno} {node.func.id} on {foreign[_root(node.args[0])]}")
        if isinstance(node, ast.Call) and _root(node.func) in foreign:
            found += [f"{path}:{node.lineno} passes {foreign[_root(node.func)]} its private {k.arg}"
                      for k in node.keywords if k.arg and _private(k.arg)]
        if (isinstance(node, ast.Attribute) and _private(node.attr) and _root(node) in foreign
                and ast.unparse(node) not in DOCUMENTED_PRIVATES):
            found.append(f"{path}:{node.lineno} uses {foreign[_root(node)]}'s private {node.attr}")
        if isinstance(node, ast.ImportFrom) and not node.level and _foreign(node.module or ""):
            found += [f"{path}:{node.lineno} imports {node.module}'s private {a.name}" for a in node.names
                      if _private(a.name)]
        if isinstance(node, ast.Import):
            found += [f"{path}:{node.lineno} imports the private {a.name}" for a in node.names
                      if _foreign(a.name) and any(_private(part) for part in a.name.split("."))]
    return (found + _inherited_privates(path, tree, foreign) + _class_swaps_and_string_pokes(path, tree)
            + _namespace_writes(path, tree, foreign))


def _imported_names(node: ast.AST) -> list[str]:
    """The modules (and ``module.name``\\ s) an import statement or an import by string names."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if isinstance(node, ast.ImportFrom):
        return [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
    if isinstance(node, ast.Call) and _call_name(node) in IMPORT_CALLS and (name := _str_arg(node)):
        return [name]
    return []


def internals(path: str, tree: ast.AST) -> list[str]:
    """Everything :func:`patches` finds, and banned modules (also by string, or a name from one: ``from gc
    import disable``), and tuning the interpreter, the collector, the stack or the thread stack size."""
    found = patches(path, tree)
    for node in _walk(tree):
        modules, picked = _imported_names(node)[:1], _imported_names(node)[1:]
        found += [f"{path}:{node.lineno} imports {n}" for n in modules if n.startswith(BANNED_MODULES)]
        found += [f"{path}:{node.lineno} imports {n}" for n in picked
                  if n in {f"gc.{a}" for a in BANNED_GC} or n.rpartition(".")[2] in BANNED_ATTRIBUTES]
        if isinstance(node, ast.Attribute):
            if node.attr in BANNED_ATTRIBUTES:
                found.append(f"{path}:{node.lineno} uses {node.attr}")
            elif _root(node) == "gc" and node.attr in BANNED_GC:
                found.append(f"{path}:{node.lineno} uses gc.{node.attr}")
    return found


def freezes(tree: ast.AST) -> int:
    return sum(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "freeze"
               and _root(n.func) == "gc" for n in _walk(tree))


def calls(name: str, modules) -> dict[str, int]:
    counts = {path: sum(isinstance(n, ast.Call) and _call_name(n) == name for n in _walk(tree))
              for path, tree in modules}
    return {p: n for p, n in counts.items() if n}


def runtime_known(finding: str) -> bool:
    path, _, what = finding.partition(":")
    return f"{path} {what.partition(' ')[2]}" in NOT_YET_REMOVED


# ================================================================================ rule: one state table
TABLE = "app/core/outbox/submission.py"  # the table itself
TRANSITION = "app/core/outbox/owner.py"  # Outbox._transition(): applies an event and persists it
OWNER = "app/core/outbox/"  # the queue's one owner: the Outbox and the modules of its methods
SAVE_TABLE = "app/core/outbox/saves.py"  # a save's table
#: the modules that set a submission's or a save's decision fields: each table's ``apply`` (and ``restarted``)
FACT_SETTERS = (TABLE, SAVE_TABLE)
#: the fields of a submission or a save that decide what happens next (app.core.outbox.submission.FACTS,
#: app.core.outbox.saves.SAVE_FACTS): set only with an event, by its table's ``apply``
DECISION_FIELDS = frozenset({"retry_at", "kind", "code", "adopt", "attempts", "lookups", "draft", "hold_kind",
                             "release_at", "reason", "again", "version", "saved"})
TABLE_NAMES = {"SubState", "RESTART", "next_state", "TRANSITIONS"}
ROW_STATE_NAMES = {"RowState", "row_verdict", "row_view", "verdict"}
MERGE_MODULES = ("app/core/merge", "app/ui/merge/")  # the merge's own modules: no ``.state`` assigned there


def _state_targets(target: ast.AST, value: ast.AST):
    """(target, its value) for each ``<x>.state`` a (possibly unpacking) assignment sets."""
    if isinstance(target, ast.Attribute) and target.attr == "state":
        yield target, value
    elif isinstance(target, (ast.Tuple, ast.List)):
        values = value.elts if isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(
            target.elts) else [value] * len(target.elts)
        for t, v in zip(target.elts, values):
            yield from _state_targets(t, v)


def _state_sets(tree: ast.AST):
    """(line, the value's names) of each ``<x>.state`` set, by assignment, ``setattr`` or
    ``object.__setattr__``."""
    for node in _walk(tree):
        if isinstance(node, ast.Assign):
            pairs = [p for t in node.targets for p in _state_targets(t, node.value)]
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and node.value is not None:
            pairs = list(_state_targets(node.target, node.value))
        elif (isinstance(node, ast.Call) and _call_name(node) in ("setattr", "__setattr__")
              and len(node.args) == 3 and _str_arg(node, 1) == "state"):
            pairs = [(node, node.args[2])]
        else:
            continue
        for target, value in pairs:
            yield target.lineno, _names(value)


def submission_state_sets(tree: ast.AST):
    for line, names in _state_sets(tree):
        if names & TABLE_NAMES:
            yield line


def row_state_sets(path: str, tree: ast.AST):
    for line, names in _state_sets(tree):
        if names & ROW_STATE_NAMES or path.startswith(MERGE_MODULES):
            yield line


def event_applications(tree: ast.AST):
    for node in _walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "apply"
                and node.args and "Event" in _names(node.args[0])):
            yield node.lineno


def _attr_targets(target: ast.AST):
    if isinstance(target, ast.Attribute):
        yield target
    elif isinstance(target, (ast.Tuple, ast.List, ast.Starred)):
        for t in getattr(target, "elts", [getattr(target, "value", None)]):
            yield from _attr_targets(t)


def decision_writes(tree: ast.AST):
    """(line, field) of each write of a decision field (:data:`DECISION_FIELDS`) of another object than
    ``self``/``cls`` — by assignment (also unpacking, augmented, annotated, a walrus cannot), ``setattr``,
    ``object.__setattr__`` or ``vars(x)[...]``/``x.__dict__[...]`` with the field's name — and of each save's
    ``.status`` set to a :class:`SaveStatus` by hand."""
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for target in targets:
            for attr in _attr_targets(target):
                if attr.attr in DECISION_FIELDS and not _own(attr.value):
                    yield attr.lineno, attr.attr
            for sub in [t for t in ast.walk(target) if isinstance(t, ast.Subscript)]:
                key = sub.slice
                if (isinstance(key, ast.Constant) and key.value in DECISION_FIELDS
                        and (getattr(sub.value, "attr", None) == "__dict__" or (
                            isinstance(sub.value, ast.Call) and _call_name(sub.value) == "vars"))):
                    yield sub.lineno, key.value
        if isinstance(node, ast.Assign) and "SaveStatus" in _names(node.value):
            for target in node.targets:
                for attr in _attr_targets(target):
                    if attr.attr == "status":
                        yield attr.lineno, "status"
        if isinstance(node, ast.Call) and _call_name(node) in ("setattr", "__setattr__") and len(node.args) == 3:
            name = _str_arg(node, 1)
            if name in DECISION_FIELDS and not _own(node.args[0]):
                yield node.lineno, name


def save_event_applications(tree: ast.AST):
    """Line of each ``x.apply(SaveEvent.…)``: a save's event (only its owner applies them)."""
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "apply"
                and node.args and "SaveEvent" in _names(node.args[0])):
            yield node.lineno


def holds(path: str, tree: ast.AST) -> list[str]:
    """``<path>:<function>`` of each function that names ``Event.HOLD``."""
    return [f"{path}:{fn.name}" for fn in _walk(tree) if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
            for node in ast.walk(fn)
            if isinstance(node, ast.Attribute) and node.attr == "HOLD" and _names(node) == {"Event"}]


# ================================================================================ rule: no app-wide filters
def app_wide_filters(tree: ast.AST) -> list[int]:
    """Lines of ``<...>.instance().installEventFilter(...)`` / ``app.installEventFilter`` on the application."""
    found = []
    for node in _walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "installEventFilter":
            target = ast.unparse(node.func.value)
            if "instance()" in target or target in ("app", "qapp", "application"):
                found.append(node.lineno)
    return found


# ========================================================================================= rule: layout
def imported_modules(tree: ast.AST) -> list[str]:
    """Every module an ``import``, ``from ... import`` or import by string in ``tree`` names (relative ones
    by their dotted tail)."""
    names = []
    for node in _walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):  # the module, and what it imports ("from tests.ui import test_x")
            names += [node.module or "."] + [alias.name for alias in node.names]
        elif isinstance(node, ast.Call) and _call_name(node) in IMPORT_CALLS and (name := _str_arg(node)):
            names.append(name)
    return names


def test_module_imports(tree: ast.AST) -> list[str]:
    return [m for m in imported_modules(tree) if m.rsplit(".", 1)[-1].startswith("test_")]


test_module_imports.__test__ = False  # a helper, not a test


def conftest_imports(tree: ast.AST) -> list[str]:
    """The conftest modules ``tree`` imports from: a conftest holds fixtures, shared code lives in tests/helpers/."""
    return [m for m in imported_modules(tree) if m.rsplit(".", 1)[-1] == "conftest"]


# ============================================================================ rule: no circles, contracts
def module_names(package: Path) -> dict[str, Path]:
    """Every module under ``package`` by its dotted name (a package by its ``__init__.py``)."""
    names = {}
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _nearest_module(dotted: str, names) -> str | None:
    while dotted and dotted not in names:
        dotted = dotted.rpartition(".")[0]
    return dotted or None


def _imported(node, module: str, is_package: bool, names) -> set[str]:
    """The modules of ``names`` an import statement imports (``from a import b``: the submodule ``a.b`` if
    there is one, else ``a``)."""
    if isinstance(node, ast.Import):
        return {_nearest_module(a.name, names) for a in node.names}
    base = node.module or ""
    if node.level:  # relative: from the module's own package up
        package = module.split(".") if is_package else module.split(".")[:-1]
        package = package[: len(package) - node.level + 1]
        base = ".".join(package + ([base] if base else []))
    return {f"{base}.{a.name}" if f"{base}.{a.name}" in names else _nearest_module(base, names) for a in node.names}


def string_imports(tree: ast.AST, names) -> set[str]:
    """The modules of ``names`` a module imports by their string: in a module that calls
    ``importlib.import_module`` or ``__import__``, every string constant that names one of them (handed
    straight to the call, or kept in a table and handed over later, as app/mail/backends.py's backends and
    app/ui/window/setup_steps.py's start-up slices are)."""
    if not any(isinstance(n, ast.Call) and _call_name(n) in IMPORT_CALLS for n in _walk(tree)):
        return set()
    return {n.value for n in _walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and n.value in names}


def import_graph(package: Path, *, by_string: bool = True) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports, anywhere in its text (a function's import or
    one under TYPE_CHECKING counts: hiding an import does not cut a circle; nor does importing by string)."""
    names = module_names(package)
    graph: dict[str, set[str]] = {m: set() for m in names}
    for module, path in names.items():
        tree = _parsed(path.read_text(encoding="utf-8"), str(path))
        for node in _walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                graph[module] |= _imported(node, module, path.name == "__init__.py", names) - {None, module}
        if by_string:
            graph[module] |= string_imports(tree, names) - {module}
    return graph


def string_edges(package: Path) -> set[tuple[str, str]]:
    """(importer, imported) of each import by string only (none of the module's import statements names it):
    the edges import-linter cannot see."""
    real, full = import_graph(package, by_string=False), import_graph(package)
    return {(a, b) for a in full for b in full[a] - real[a]}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        while work:
            node, edges = work[-1]
            nxt = next((w for w in edges if w not in index or w in stack), None)
            if nxt is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = stack[stack.index(node):]
                    del stack[stack.index(node):]
                    if len(component) > 1:
                        found.append(sorted(component))
            elif nxt in index:
                low[node] = min(low[node], index[nxt])
            else:
                index[nxt] = low[nxt] = len(index)
                stack.append(nxt)
                work.append((nxt, iter(sorted(graph[nxt]))))
    return found


def contracts(pyproject: Path = ROOT / "pyproject.toml") -> list[dict]:
    return tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]


def _under(module: str, packages) -> str | None:
    return next((p for p in packages if module == p or module.startswith(p + ".")), None)


def _breaks_layers(importer: str, imported: str, layer_list: list[str]) -> bool:
    """A lower layer imports a higher one, or one of a layer's independent siblings (``a | b``) imports
    another; non-independent siblings (``a : b``) may import each other."""
    layers = [[p.strip() for p in re.split(r"[|:]", layer)] for layer in layer_list]
    at = [next((i for i, ps in enumerate(layers) if _under(m, ps)), None) for m in (importer, imported)]
    if None in at:
        return False
    if at[0] != at[1]:
        return at[0] > at[1]
    siblings = layers[at[0]]
    return "|" in layer_list[at[0]] and _under(importer, siblings) != _under(imported, siblings)


def contract_breaches(edges, contract_list: list[dict]) -> list[str]:
    """The import-linter contracts an import by string breaks, each edge on its own, as a direct import
    (``forbidden``: source imports forbidden; ``layers``: a lower layer imports a higher, or an independent
    sibling another; ``independence``:
    one module imports another). Import-linter checks every import statement; these it cannot see."""
    found = []
    for importer, imported in sorted(edges):
        for c in contract_list:
            if c["type"] == "forbidden":
                broken = _under(importer, c["source_modules"]) and _under(imported, c["forbidden_modules"])
            elif c["type"] == "layers":
                broken = _breaks_layers(importer, imported, c["layers"])
            elif c["type"] == "independence":
                a, b = _under(importer, c["modules"]), _under(imported, c["modules"])
                broken = a and b and a != b
            else:
                raise AssertionError(f"a contract type this checker does not know: {c['type']}")
            if broken:
                found.append(f"{importer} imports {imported} by string: breaks {c['name']!r}")
    return found


#: the one module outside the sandbox that imports it: the built-in sandbox mailbox starts it
SANDBOX_OPENER = "app.core.accounts.demo"


def sandbox_importers(graph: dict[str, set[str]]) -> set[str]:
    """The modules outside app.sandbox that import it (by statement or by string)."""
    return {m for m, deps in graph.items() if not _under(m, ["app.sandbox"]) and any(
        _under(d, ["app.sandbox"]) for d in deps)}


# ================================================================================ rule: comments say why
#: a change's history named in a comment or docstring: "issue 49", "the ninth round"
HISTORY = re.compile(r"\b[Ii]ssue \d+|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
                     r"|eleventh|twelfth|\d+(?:st|nd|rd|th)) round\b", re.IGNORECASE)


def _docstrings(tree: ast.AST):
    """(line, text) of every docstring: a module's, a class's or a function's, and a string standing alone
    as a statement (the attribute docstrings Sphinx reads)."""
    for node in _walk(tree):
        if (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)):
            yield node.lineno, node.value.value


def history_notes(path: str, source: str) -> list[str]:
    """Every comment or docstring of ``source`` that names an issue or a round (a change's history, not
    the reason the code is as it is now). Other strings (what the user reads) are not comments."""
    texts = [(t.start[0], t.string) for t in tokenize.generate_tokens(io.StringIO(source).readline)
             if t.type == tokenize.COMMENT]
    texts += list(_docstrings(_parsed(source, str(ROOT / path))))  # the tree trees() parsed, for a module of the run
    return [f"{path}:{line} {m.group(0)!r}" for line, text in sorted(texts) for m in HISTORY.finditer(text)]


# ------------------------------------------------------------------------- translator comments are where they mean
#: what marks a line as translatable for pyside6-lupdate
TRANSLATABLE = re.compile(r"translate\(|QT_TRANSLATE_NOOP|QT_TR_NOOP|\btr\(")


def stray_translator_comments(path: str, source: str) -> list[str]:
    """Every ``#:`` comment block of ``source`` that is not right above a translatable line (its statement's
    first lines). pyside6-lupdate reads ``#:`` as a comment for translators and gathers every one since the last
    message into the next message's: a note on a constant forty lines above was shown to translators as the
    meaning of the next sentence. A comment for the reader is ``#``."""
    lines = source.split("\n")
    found, i = [], 0
    while i < len(lines):
        if not lines[i].lstrip().startswith("#:"):
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].lstrip().startswith("#:"):
            j += 1
        k = j
        while k < len(lines) and (not lines[k].strip() or lines[k].lstrip().startswith("#")):
            k += 1
        statement = "\n".join(lines[k:k + 4])
        first = lines[k] if k < len(lines) else ""
        if not (TRANSLATABLE.search(first) or (first.rstrip().endswith("(") and TRANSLATABLE.search(statement))):
            found.append(f"{path}:{i + 1} {lines[i].strip()[:60]!r}")
        i = j
    return found


# ------------------------------------------------------------------------------- the window declares its parts
#: the names the window goes by in the UI's code: ``w.x``, ``win.x``, ``window.x``, ``self.w.x``, ``self.win.x``
WINDOW_NAMES = ("w", "win", "window")
#: the one module that assigns the window's attributes
WINDOW_MODULE = "app/ui/window/main_window.py"


def _window_attribute(node: ast.AST) -> str | None:
    """``x`` when ``node`` is ``<window>.x`` (the window by one of :data:`WINDOW_NAMES`, or ``<anything>.<name>``)."""
    if not isinstance(node, ast.Attribute):
        return None
    base = node.value
    if isinstance(base, ast.Name) and base.id in WINDOW_NAMES:
        return node.attr
    if isinstance(base, ast.Attribute) and base.attr in WINDOW_NAMES:  # self.w.x, flows.w.x
        return node.attr
    return None


def window_assignments(path: str, tree: ast.AST) -> list[str]:
    """Every ``<window>.x = ...`` (also augmented, annotated, in a tuple, or ``setattr(<window>, "x", ...)``)
    outside :data:`WINDOW_MODULE`: the window's attributes are assigned in one place."""
    if path == WINDOW_MODULE:
        return []
    found = []
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = _targets(node)
        elif (isinstance(node, ast.Call) and _call_name(node) == "setattr" and len(node.args) >= 2
              and isinstance(node.args[0], ast.Name) and node.args[0].id in WINDOW_NAMES):
            found.append(f"{path}:{node.lineno} {node.args[0].id}.{_str_arg(node, 1)}")
        for t in targets:
            name = _window_attribute(t)
            if name is not None:
                found.append(f"{path}:{t.lineno} {name}")
    return found


def window_reads(path: str, tree: ast.AST) -> set[str]:
    """The distinct window attributes ``path`` reaches (``<window>.x``, read or written)."""
    return {name for node in ast.walk(tree) if (name := _window_attribute(node)) is not None}


def window_reach(top: str = "app/ui", inside: str = "app/ui/window/") -> dict[str, set[str]]:
    """Window attribute -> the UI files outside ``inside`` that reach it."""
    reach: dict[str, set[str]] = {}
    for path, tree in trees(top):
        if path.startswith(inside):
            continue
        for name in window_reads(path, tree):
            reach.setdefault(name, set()).add(path)
    return reach


#: the one module of the UI that subscribes to the core's events (and re-emits them as Qt signals)
QT_BRIDGE = "app/ui/common/core_events.py"


# --------------------------------------------------------------- the features are handed a port, not the window
#: the UI's features: each is handed the shell's port (app/ui/common/port.py) and the parts it works with, never the
#: window (app/ui/window/ is the shell; app/ui/common/ the kit)
FEATURES = ("app/ui/compose/", "app/ui/lists/", "app/ui/merge/", "app/ui/outbox/", "app/ui/accounts/", "app/ui/notify/")
#: what only the main window answers (a QMainWindow's own): reached through a widget's ``window()`` it is the window
MAIN_WINDOW_ONLY = ("statusBar", "menuBar", "setStatusBar", "setMenuBar", "centralWidget", "addToolBar")


def _shell_names() -> set[str]:
    """The names the main window answers beyond a widget's: its methods, properties and attributes
    (app/ui/window/main_window.py), its parts (app/ui/window/parts.py) and a QMainWindow's own."""
    names = set(MAIN_WINDOW_ONLY)
    for path, tree in trees("app/ui/window"):
        if path == WINDOW_MODULE:
            for node in _walk(tree):
                if isinstance(node, ast.ClassDef) and node.name == "MainWindow":
                    for item in node.body:
                        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                            names.add(item.name)
                        for t in _targets(item) if isinstance(item, (ast.Assign, ast.AnnAssign)) else []:
                            names |= {n.id for n in ast.walk(t) if isinstance(n, ast.Name)}
                elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):  # self.x = …: the window's own
                    names |= {t.attr for t in _targets(node) if isinstance(t, ast.Attribute)
                              and isinstance(t.value, ast.Name) and t.value.id == "self"}
        elif path == "app/ui/window/parts.py":
            for node in _walk(tree):
                if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "NAMES" for t in node.targets):
                    names |= {c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant)}
    return names - {"__init__"}


def feature_window_reaches(path: str, tree: ast.AST, shell: set[str] | None = None) -> list[str]:
    """Every reach into the window from a feature module (:data:`FEATURES`): the window held or taken under one of
    :data:`WINDOW_NAMES` (``w.x``, ``win.x``, ``self.w``, ``flows.w.x``, a parameter ``win``, ``getattr(win, …)``),
    one of its own names reached through a widget's ``window()`` (``self.window().statusBar()``), or an import of
    the shell (app.ui.window)."""
    if not path.startswith(FEATURES):
        return []
    shell = _shell_names() if shell is None else shell
    called = {id(n.func) for n in _walk(tree) if isinstance(n, ast.Call)}
    found = []

    def top_window(node: ast.AST) -> bool:  # ``<widget>.window()``: Qt's top-level widget
        return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "window"
                and not node.args)

    for node in _walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Attribute):
            if _window_attribute(node) is not None or (node.attr in WINDOW_NAMES and id(node) not in called):
                found.append(f"{path}:{line} {ast.unparse(node)}")
            elif top_window(node.value) and node.attr in shell:
                found.append(f"{path}:{line} {ast.unparse(node)}")
        elif isinstance(node, ast.Call) and _call_name(node) in ATTR_CALLS and node.args:
            target = node.args[0]
            if (isinstance(target, ast.Name) and target.id in WINDOW_NAMES) or (
                    top_window(target) and _str_arg(node, 1) in shell):
                found.append(f"{path}:{line} {ast.unparse(node)}")
        elif isinstance(node, ast.arg) and node.arg in WINDOW_NAMES:
            found.append(f"{path}:{line} takes {node.arg}")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            found += [f"{path}:{line} imports {m}" for m in modules if m == "app.ui.window" or
                      m.startswith("app.ui.window.")]
    return found



def core_subscriptions(path: str, tree: ast.AST) -> list[str]:
    """Every ``x.subscribe(...)`` in ``path`` (a UI module other than :data:`QT_BRIDGE`): the core's news
    reaches Qt through the one bridge."""
    if path == QT_BRIDGE:
        return []
    return [f"{path}:{n.lineno} subscribe" for n in ast.walk(tree)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "subscribe"]


# ============================================================================ rule: typed events, no callbacks
#: the calls that tell or take core news: each names an event class (app/domain/events.py), never a string
NEWS_CALLS = ("subscribe", "publish", "tell")


def string_topics(path: str, tree: ast.AST) -> list[str]:
    """Every piece of core news named by a string: ``Listeners("changed", ...)``, ``x.subscribe("changed", fn)``,
    ``x.publish("saved", ...)``, ``x.tell("finished", ...)``. Core news is a typed event (app/domain/events.py),
    so a misspelt one is a NameError, not a listener never told."""
    found = []
    for n in ast.walk(tree):
        if not isinstance(n, ast.Call):
            continue
        name = _call_name(n)
        if name == "Listeners" and any(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in n.args):
            found.append(f"{path}:{n.lineno} Listeners(<topic>)")
        elif name in NEWS_CALLS and isinstance(n.func, ast.Attribute) and _str_arg(n) is not None:
            found.append(f"{path}:{n.lineno} {name}({_str_arg(n)!r})")
    return found


def _callback_name(name: str | None) -> bool:
    return bool(name) and name.startswith("on_")


def callback_assignments(path: str, tree: ast.AST) -> list[str]:
    """Every ``x.on_y = ...`` (also augmented, in a tuple, or ``setattr(x, "on_y", ...)``) where ``x`` is not the
    object's own ``self``/``cls``: nobody reassigns another object's callback; it subscribes to that object's
    events (its ``news``)."""
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and _call_name(node) == "setattr" and len(node.args) >= 2
                and not _own(node.args[0]) and _callback_name(_str_arg(node, 1))):
            found.append(f"{path}:{node.lineno} setattr {_str_arg(node, 1)}")
        for t in _targets(node):
            if isinstance(t, ast.Attribute) and _callback_name(t.attr) and not _own(t.value):
                found.append(f"{path}:{t.lineno} {t.attr}")
    return found


def listener_lists(path: str, tree: ast.AST) -> list[str]:
    """Every ``add_listener`` (defined or called): a listener list of its own, with no way to unsubscribe, beside
    the events' hub."""
    return [f"{path}:{n.lineno} add_listener" for n in ast.walk(tree)
            if (isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == "add_listener")
            or (isinstance(n, ast.Attribute) and n.attr == "add_listener")]


# ============================================================================ rule: one account queue
#: the one package that builds an account's queue, for the window and the command alike
ACCOUNT_QUEUE = "app/core/account_queue/"
#: what only it builds: the account's runtime (journal restored into its Outbox), the hold on its lock and door,
#: and the desk that door answers with
QUEUE_PARTS = ("AccountRuntime", "QueueKeeper", "ScriptDesk")
QT_MODULES = ("PySide6", "qasync")


def queue_parts_built(path: str, tree: ast.AST) -> list[str]:
    """Every ``AccountRuntime(...)``, ``QueueKeeper(...)`` or ``ScriptDesk(...)`` in ``path`` outside
    :data:`ACCOUNT_QUEUE`: the window and the command each build an account's queue through
    ``AccountQueue``, never by hand."""
    if path.startswith(ACCOUNT_QUEUE):
        return []
    return [f"{path}:{n.lineno} {_call_name(n)}" for n in ast.walk(tree)
            if isinstance(n, ast.Call) and _call_name(n) in QUEUE_PARTS]


def qt_imports(path: str, tree: ast.AST) -> list[str]:
    """Every Qt module (:data:`QT_MODULES`) ``tree`` imports, also by string."""
    return [f"{path} imports {m}" for m in imported_modules(tree) if m.split(".", 1)[0] in QT_MODULES]


# ======================================================================= the Outbox: sources and limits
#: the one module that reads a submission's source by its name: one strategy per source (compose, a server
#: draft, a file's bytes), each deciding for itself what the queue's branches once decided by comparing strings
SOURCE_STRATEGIES = "app/core/outbox/sources.py"


def _reads_source(node: ast.AST) -> bool:
    """``x.source``, ``source``, ``meta["source"]`` or ``meta.get("source", ...)``: a submission's source read."""
    if isinstance(node, ast.Attribute):
        return node.attr == "source"
    if isinstance(node, ast.Name):
        return node.id == "source"
    if isinstance(node, ast.Subscript):
        return isinstance(node.slice, ast.Constant) and node.slice.value == "source"
    return isinstance(node, ast.Call) and _call_name(node) == "get" and _str_arg(node) == "source"


def _names_a_value(node: ast.AST) -> bool:
    """A string, a collection of strings, or a constant's name (``SOURCE``, ``mime_send.SOURCE``, ``OWN``)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return bool(node.elts) and all(_names_a_value(e) for e in node.elts)
    name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
    return bool(name) and name.isupper()


def source_comparisons(path: str, tree: ast.AST) -> list[str]:
    """Every comparison of a submission's source with a name (``sub.source == "compose"``, ``source in
    OWN_CONTENT``, ``meta.get("source", "compose") != "compose"``, ``match sub.source: case "mime"``) outside
    :data:`SOURCE_STRATEGIES`: the queue asks the source's strategy (:func:`app.core.outbox.sources.of`)."""
    if path == SOURCE_STRATEGIES:
        return []
    found = []
    for node in _walk(tree):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_reads_source(s) for s in sides) and any(_names_a_value(s) for s in sides):
                found.append(f"{path}:{node.lineno} compares a source")
        elif isinstance(node, ast.Match) and _reads_source(node.subject):
            found.append(f"{path}:{node.lineno} matches a source")
    return found


# what a client answers the Outbox, never guessed at: a guess with a default is silently the default for a
# client that has another name for it (the Outbox's client is the Session, whose send settle was once read as 0)
CLIENT_ANSWERS = ("max_send_bytes", "send_settle_seconds")


def limit_guesses(path: str, tree: ast.AST) -> list[str]:
    """Every ``getattr``/``hasattr`` of ``max_send_bytes`` or ``send_settle_seconds``: a client answers its limits
    (:class:`app.mail.service.MessageLimits`, ``client.message_limits``) and its settle (``send_settle_seconds``)
    instead of being guessed at with a default."""
    return [f"{path}:{n.lineno} {_call_name(n)} {_str_arg(n, 1)}" for n in _walk(tree)
            if isinstance(n, ast.Call) and _call_name(n) in ATTR_CALLS and _str_arg(n, 1) in CLIENT_ANSWERS]


# ====================================================================== a command line is parsed at the edge
# where every command line of Dispatch is parsed: the commands' and the window's (app/command/window_args.py)
COMMAND_LINE = "app/command/"
# the entry (``dispatch-mail`` / ``python -m app``): it reads ``sys.argv`` only to say whom the command line is for
# (a command by its first word, a helper process by its flag, else the window) and hands it there unparsed
ENTRY = "app/cli.py"
# modules that read a command line by themselves: argparse and its kin, or a tokenizer of command lines
PARSERS = ("argparse", "optparse", "getopt", "shlex", "click", "typer", "docopt")
# the sandbox is a separate server program (``python -m app.sandbox``), never dispatch-mail's command line
SANDBOX_PROGRAM = "app/sandbox/"


def command_line_parsers(path: str, tree: ast.AST) -> list[str]:
    """Every import of a command-line parser (:data:`PARSERS`) and every read of ``sys.argv`` beyond the program's
    name (``sys.argv[0]``, ``sys.argv[:1]``: what a QApplication is given) outside :data:`COMMAND_LINE` (the entry
    :data:`ENTRY` may read ``sys.argv`` to hand it on, never import a parser; :data:`SANDBOX_PROGRAM` is another
    program)."""
    if path.startswith((COMMAND_LINE, SANDBOX_PROGRAM)):
        return []
    found = []
    for node in _walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            found += [f"{path}:{node.lineno} imports {n}" for n in names if n.split(".")[0] in PARSERS]
        elif isinstance(node, ast.Call) and _call_name(node) in IMPORT_CALLS and (_str_arg(node) or "").split(
                ".")[0] in PARSERS:
            found.append(f"{path}:{node.lineno} imports {_str_arg(node)}")
        elif _is_argv(node) and path != ENTRY and not _program_name(node, tree):
            found.append(f"{path}:{node.lineno} reads sys.argv")
    return found


def _is_argv(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "argv" and isinstance(node.value, ast.Name) and \
        node.value.id == "sys"


def _program_name(node: ast.AST, tree: ast.AST) -> bool:
    """``sys.argv[0]``, ``sys.argv[:1]`` (the program's name, not its arguments), or ``if sys.argv`` guarding one."""
    for parent in _walk(tree):
        if isinstance(parent, ast.Subscript) and parent.value is node:
            index = parent.slice
            if isinstance(index, ast.Constant) and index.value == 0:
                return True
            return isinstance(index, ast.Slice) and index.lower is None and index.step is None and \
                isinstance(index.upper, ast.Constant) and index.upper.value == 1
        if isinstance(parent, ast.IfExp) and parent.test is node:
            return True
    return False


# ======================================================================= the Outbox: its public face
#: the Outbox and the mix-ins its methods are kept in (app/core/outbox/drive.py, takeback.py): one class's face
OUTBOX_CLASSES = {"app/core/outbox/owner.py": "Outbox", "app/core/outbox/drive.py": "Drive",
                  "app/core/outbox/takeback.py": "TakeBack"}


def public_names(tree: ast.AST, class_name: str) -> set[str]:
    """The names of ``class_name`` in ``tree`` that do not start with ``_``: its methods and properties, what its
    body assigns, and every ``self.<name>`` its methods assign (an attribute is as public as a method)."""
    names: set[str] = set()
    for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == class_name]:
        for node in cls.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                names.add(node.name)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
        for node in ast.walk(cls):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
                node, (ast.AnnAssign, ast.AugAssign)) else []
            names |= {a.attr for t in targets for a in _attr_targets(t)
                      if isinstance(a.value, ast.Name) and a.value.id == "self"}
    return {n for n in names if not n.startswith("_")}


def outbox_face(trees) -> set[str]:
    """The Outbox's public names (:func:`public_names` of it and its mix-ins)."""
    return {n for path, tree in trees if path in OUTBOX_CLASSES for n in public_names(tree, OUTBOX_CLASSES[path])}


# ======================================================================= views read row models
def sub_state_reads(path: str, tree: ast.AST) -> list[str]:
    """Every ``SubState`` named in the UI (imported, or read as ``x.SubState``): a view reads what a row says
    (:mod:`app.core.outbox.rows`: :class:`OutboxRow`, :func:`send_view`), never a submission's state."""
    if not path.startswith("app/ui/"):
        return []
    found = []
    for node in _walk(tree):
        if isinstance(node, ast.Name) and node.id == "SubState" or (
                isinstance(node, ast.Attribute) and node.attr == "SubState"):
            found.append(f"{path}:{node.lineno} reads SubState")
        elif isinstance(node, ast.ImportFrom) and any(a.name == "SubState" for a in node.names):
            found.append(f"{path}:{node.lineno} imports SubState")
    return found
