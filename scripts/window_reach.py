"""How much of the window the rest of the UI reaches: (a) the window's attributes assigned outside
app/ui/window/main_window.py, (b) the distinct window attributes (``w.x``, ``win.x``, ``self.w.x``...) the UI
files outside app/ui/window/ reach, and by how many files; "own" counts only the window's own attributes
(what MainWindow declares or is assigned, its parts), not a QWidget method nor a look-alike ``w`` that is
another widget. The rules are tests/helpers/rules.py's.

Run: ``python scripts/window_reach.py [-v] [--root DIR]`` (``--root``: another checkout, e.g. an older one
unpacked with ``git archive``).
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.helpers.rules import WINDOW_MODULE, window_assignments, window_reads  # noqa: E402


def _trees(root: Path):
    for p in sorted((root / "app").rglob("*.py")):
        yield p.relative_to(root).as_posix(), ast.parse(p.read_text(encoding="utf-8"))


def declared(root: Path) -> set[str]:
    """What MainWindow itself declares: its methods, class attributes, ``self.x`` assignments and parts."""
    names: set[str] = set()
    for path in (WINDOW_MODULE, "app/ui/window/parts.py"):
        if not (root / path).exists():
            continue
        tree = ast.parse((root / path).read_text(encoding="utf-8"))
        for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
            for node in cls.body:
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    names.add(node.name)
                elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                    for t in (node.targets if isinstance(node, ast.Assign) else [node.target]):
                        names |= {e.id for e in ast.walk(t) if isinstance(e, ast.Name)}
            for node in ast.walk(cls):
                if (isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store)
                        and isinstance(node.value, ast.Name) and node.value.id == "self"):
                    names.add(node.attr)
    return {n for n in names if not n.startswith("__")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--root", type=Path, default=ROOT)
    args = ap.parse_args()
    trees = list(_trees(args.root))
    assigned = [f for path, tree in trees for f in window_assignments(path, tree)]
    names = {f.split()[-1] for f in assigned}
    print(f"(a) window attributes assigned outside main_window.py: {len(names)} from "
          f"{len({f.split(':')[0] for f in assigned})} modules")
    if args.v:
        print("\n".join("    " + f for f in assigned))
    reach: dict[str, set[str]] = {}
    for path, tree in trees:
        if path.startswith("app/ui/") and not path.startswith("app/ui/window/"):
            for name in window_reads(path, tree):
                reach.setdefault(name, set()).add(path)
    own = declared(args.root) | names
    mine = {n: ps for n, ps in reach.items() if n in own}
    print(f"(b) window attributes reached from UI files outside app/ui/window/: {len(reach)} from "
          f"{len({p for ps in reach.values() for p in ps})} files; the window's own: {len(mine)} from "
          f"{len({p for ps in mine.values() for p in ps})} files")
    if args.v:
        for name, ps in sorted(reach.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"    {name:24} {len(ps):3} {'own' if name in own else '   '}  "
                  f"{', '.join(sorted(p.split('/')[-1] for p in ps))}")


if __name__ == "__main__":
    main()
