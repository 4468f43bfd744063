"""The before → after figures of issue 76's closing note, for a checkout (this one, or ``--root DIR``).

- the send paths (files, distinct calls, boundaries) of the window's Ctrl+Return and of ``dispatch-mail send``:
  from ``bench/out/send_path.json``, which ``tests/ui/test_send_path.py`` writes (``--measure`` runs it first; for
  another checkout, the script and the test are copied into it first, then removed);
- ``w.``/``win.`` reaches into the window (``grep -rhoE "\\b(w|win)\\.[a-zA-Z_]+"``) in app/ui's features (every
  folder of app/ui but the shell ``window/`` and the kit ``common/``) and in all of app/ui, with their files;
- the ``Outbox`` class's public names (of the class and its bases in app/, and ``self.name =`` attributes);
- the places that build the core: constructors of AccountRuntime, QueueKeeper, ScriptDesk, AccountQueue outside
  the module or package that defines each;
- the modules that parse a command line: they import argparse or shlex, read ``sys.argv``, or take an ``argv``
  parameter (a command line parsed by hand);
- the core → UI mechanisms: string topics of ``Listeners``, ``add_listener`` calls, ``x.on_* = ...`` reassignments
  of another object's callback, ``on_problem`` (Settings), the keeper's callbacks (QueueKeeper's callable
  keywords where it is built).

Run: ``python scripts/metrics76.py [--root DIR] [--measure] [--json]``.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
CORE_BUILDERS = ("AccountRuntime", "QueueKeeper", "ScriptDesk", "AccountQueue")
KEEPER_NOT_CALLBACKS = {"kind", "retry_every", "clock"}
REACH = re.compile(r"\b(w|win)\.[a-zA-Z_]+")
TOOLS = ("scripts/send_path.py", "tests/ui/test_send_path.py")


def _modules(root: Path, under: str = "app"):
    for path in sorted((root / under).rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        rel = path.relative_to(root).as_posix()
        try:
            yield rel, ast.parse(path.read_text(encoding="utf-8"), rel)
        except SyntaxError:
            continue


# ---- the send paths ----

def paths(root: Path, measure: bool) -> dict:
    out = root / "bench" / "out" / "send_path.json"
    if measure:
        copied = [t for t in TOOLS if not (root / t).exists()]
        for t in copied:
            shutil.copy(HERE / t, root / t)
        try:
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
            subprocess.call([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-n", "0",
                             TOOLS[1]], cwd=root, env=env, stdout=subprocess.DEVNULL)
        finally:
            for t in copied:
                (root / t).unlink()
    if not out.exists():
        return {}
    data = json.loads(out.read_text(encoding="utf-8"))
    return {k: {"files": len(v["files"]), "calls": len(v["calls"]), "boundaries": len(v["boundaries"]),
                "boundary list": v["boundaries"]} for k, v in data.items()}


# ---- reaches into the window ----

def reaches(root: Path) -> dict:
    ui = root / "app" / "ui"
    every: dict[str, int] = {}
    for path in sorted(ui.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        n = len(REACH.findall(path.read_text(encoding="utf-8")))
        if n:
            every[path.relative_to(root).as_posix()] = n
    features = {f: n for f, n in every.items() if f.split("/")[2] not in ("window", "common")
                and len(f.split("/")) > 3}
    return {"features": {"reaches": sum(features.values()), "files": len(features)},
            "all app/ui": {"reaches": sum(every.values()), "files": len(every)}}


# ---- the Outbox's public face ----

def outbox_names(root: Path) -> dict:
    classes: dict[str, ast.ClassDef] = {}
    for _rel, tree in _modules(root, "app/core"):
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                classes.setdefault(node.name, node)
    names: set[str] = set()
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen or name not in classes:
            return
        seen.add(name)
        cls = classes[name]
        for item in cls.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                names.add(item.name)
                for n in ast.walk(item):
                    if isinstance(n, (ast.Assign, ast.AnnAssign)):
                        for t in (n.targets if isinstance(n, ast.Assign) else [n.target]):
                            if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self":
                                names.add(t.attr)
            elif isinstance(item, ast.Assign):
                names.update(t.id for t in item.targets if isinstance(t, ast.Name))
            elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                names.add(item.target.id)
        for base in cls.bases:
            visit(base.id if isinstance(base, ast.Name) else getattr(base, "attr", ""))

    visit("Outbox")
    public = sorted(n for n in names if not n.startswith("_"))
    return {"count": len(public), "names": public}


# ---- who builds the core ----

def _called(node: ast.Call) -> str:
    f = node.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def core_builders(root: Path) -> dict:
    home: dict[str, str] = {}  # class → the module or package that defines it
    trees = dict(_modules(root))
    for rel, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name in CORE_BUILDERS:
                folder = rel.rsplit("/", 1)[0]
                home[node.name] = folder + "/" if folder not in ("app/core", "app") else rel
    places: list[str] = []
    for rel, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called(node) in CORE_BUILDERS:
                own = home.get(_called(node), "")
                if own and not rel.startswith(own):
                    places.append(f"{rel}:{node.lineno} {_called(node)}")
    return {"count": len(places), "files": len({p.split(":")[0] for p in places}), "places": places}


# ---- command-line parsers ----

def parsers(root: Path) -> dict:
    found = []
    for rel, tree in _modules(root):
        why = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                why.update(a.name for a in node.names if a.name in ("argparse", "shlex"))
            elif isinstance(node, ast.ImportFrom) and node.module in ("argparse", "shlex"):
                why.add(node.module)
            elif (isinstance(node, ast.Attribute) and node.attr == "argv" and isinstance(node.value, ast.Name)
                  and node.value.id == "sys"):
                why.add("sys.argv")
            elif isinstance(node, ast.arg) and node.arg == "argv":
                why.add("an argv parameter")
        if why:
            found.append(f"{rel} ({', '.join(sorted(why))})")
    return {"count": len(found), "modules": found}


# ---- core → UI mechanisms ----

def mechanisms(root: Path) -> dict:
    topics, subscribes, add_listener, reassigned, on_problem, keeper = set(), 0, [], [], [], []
    for rel, tree in _modules(root):
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = _called(node)
                if name == "Listeners":
                    topics.update(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
                elif name in ("subscribe", "tell") and node.args and isinstance(node.args[0], ast.Constant) \
                        and isinstance(node.args[0].value, str):
                    subscribes += 1
                elif name == "add_listener":
                    add_listener.append(f"{rel}:{node.lineno}")
                elif name == "QueueKeeper":
                    keeper += [f"{rel}:{node.lineno} {k.arg}" for k in node.keywords
                               if k.arg and k.arg not in KEEPER_NOT_CALLBACKS]
            elif isinstance(node, ast.Assign):
                for t in node.targets:
                    if (isinstance(t, ast.Attribute) and t.attr.startswith("on_")
                            and not (isinstance(t.value, ast.Name) and t.value.id in ("self", "cls"))):
                        (on_problem if t.attr == "on_problem" else reassigned).append(f"{rel}:{node.lineno} {t.attr}")
    kinds = {"Listeners string topics": len(topics), "string-topic subscribe/tell calls": subscribes,
             "add_listener calls": len(add_listener), "on_* reassignments": len(reassigned),
             "Settings.on_problem assignments": len(on_problem), "keeper callbacks": len(keeper)}
    return {"mechanisms in use": sum(1 for k in ("Listeners string topics", "add_listener calls",
                                                   "on_* reassignments", "Settings.on_problem assignments",
                                                   "keeper callbacks") if kinds[k]),
            **kinds, "sites": {"add_listener": add_listener, "on_*": reassigned, "on_problem": on_problem,
                               "keeper": keeper, "topics": sorted(topics)}}


def metrics(root: Path, measure: bool) -> dict:
    return {"checkout": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True,
                                       text=True).stdout.strip(),
            "send paths": paths(root, measure), "w./win. reaches": reaches(root),
            "Outbox public names": outbox_names(root), "places that build the core": core_builders(root),
            "command-line parsers": parsers(root), "core → UI": mechanisms(root)}


def show(m: dict) -> str:
    lines = [f"checkout {m['checkout']}"]
    for key, s in m["send paths"].items() or [("paths", None)]:
        lines.append(f"  {key} path: " + (f"{s['files']} files, {s['calls']} distinct calls, {s['boundaries']} "
                                          f"boundaries: {'; '.join(s['boundary list'])}" if s else
                                          "not measured (run with --measure)"))
    r = m["w./win. reaches"]
    lines.append(f"  w./win. reaches: features {r['features']['reaches']} in {r['features']['files']} files; "
                 f"all app/ui {r['all app/ui']['reaches']} in {r['all app/ui']['files']} files")
    lines.append(f"  Outbox public names: {m['Outbox public names']['count']}")
    b = m["places that build the core"]
    lines.append(f"  places that build the core: {b['count']} in {b['files']} files: {'; '.join(b['places'])}")
    p = m["command-line parsers"]
    lines.append(f"  command-line parsers: {p['count']}: {'; '.join(p['modules'])}")
    c = {k: v for k, v in m["core → UI"].items() if k != "sites"}
    lines.append("  core → UI: " + ", ".join(f"{k} {v}" for k, v in c.items()))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", default=str(HERE), help="the checkout to measure (default: this one)")
    ap.add_argument("--measure", action="store_true", help="run the send paths first (tests/ui/test_send_path.py)")
    ap.add_argument("--json", action="store_true", help="everything, as JSON")
    a = ap.parse_args(argv)
    m = metrics(Path(a.root).resolve(), a.measure)
    print(json.dumps(m, indent=1, ensure_ascii=False) if a.json else show(m))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
