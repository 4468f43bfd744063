"""How much of the window the rest of the UI reaches: (a) the window's attributes assigned outside
app/ui/window/main_window.py, (b) the distinct window attributes (``w.x``, ``win.x``, ``self.w.x``...) the UI
files outside app/ui/window/ reach, and by how many files. The rules are tests/helpers/rules.py's.

Run: ``python scripts/window_reach.py [-v]``
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.helpers.rules import trees, window_assignments, window_reach  # noqa: E402


def main() -> None:
    verbose = "-v" in sys.argv
    assigned = [f for path, tree in trees("app") for f in window_assignments(path, tree)]
    names = {f.split()[-1] for f in assigned}
    modules = {f.split(":")[0] for f in assigned}
    print(f"(a) window attributes assigned outside main_window.py: {len(names)} from {len(modules)} modules")
    if verbose:
        print("\n".join("    " + f for f in assigned))
    reach = window_reach()
    files = {p for ps in reach.values() for p in ps}
    print(f"(b) window attributes reached from UI files outside app/ui/window/: {len(reach)} from {len(files)} files")
    if verbose:
        for name, ps in sorted(reach.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"    {name:24} {len(ps):3}  {', '.join(sorted(p.split('/')[-1] for p in ps))}")


if __name__ == "__main__":
    main()
