"""The layers are enforced: import-linter contracts (in pyproject.toml) run as part of the tests, and the import
graph of app/ has no circles."""

import ast
import subprocess
import sys
from pathlib import Path
from tests.helpers.source_trees import parse_source

ROOT = Path(__file__).resolve().parent.parent


def test_import_linter_contracts_hold():
    exe = Path(sys.executable).with_name("lint-imports")
    proc = subprocess.run([str(exe), "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_image_the_readme_shows_exists_and_the_tests_refresh_it():
    import re

    from tests.conftest import README_SHOTS

    root = Path(__file__).resolve().parent.parent
    linked = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", (root / "README.md").read_text(encoding="utf-8"))
    assert linked
    missing = [p for p in linked if not (root / p).is_file()]
    assert missing == [], missing
    stale = [p for p in linked if p.startswith("docs/screenshots/") and Path(p).name not in README_SHOTS]
    assert stale == [], f"README screenshots no test refreshes: {stale}"


# ---------------------------------------------------------------------- no circles in the import graph
def _module_names(package: Path) -> dict[str, Path]:
    """Every module under ``package`` by its dotted name (a package by its ``__init__.py``)."""
    names = {}
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


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


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports, anywhere in its text (a function's import or
    one under TYPE_CHECKING counts: hiding an import does not cut a circle)."""
    names = _module_names(package)
    graph: dict[str, set[str]] = {m: set() for m in names}
    for module, path in names.items():
        for node in ast.walk(parse_source(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                graph[module] |= _imported(node, module, path.name == "__init__.py", names) - {None, module}
    return graph


def _nearest_module(dotted: str, names) -> str | None:
    while dotted and dotted not in names:
        dotted = dotted.rpartition(".")[0]
    return dotted or None


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


def test_the_import_graph_has_no_circles():
    """A module that needs another's piece and is needed by it means the piece lives in the wrong place:
    move it where it belongs (issue 47)."""
    found = circles(import_graph(ROOT / "app"))
    assert found == [], "import circles: " + "; ".join(" <-> ".join(c) for c in found)


def test_the_circle_finder_finds_a_circle(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from pkg.sub import b\n")
    (pkg / "sub" / "b.py").write_text("def f():\n    from .c import x\n")  # hidden in a function: still counts
    (pkg / "sub" / "c.py").write_text("from ..a import y\n")
    (pkg / "d.py").write_text("import pkg.a\n")
    assert circles(import_graph(pkg)) == [["pkg.a", "pkg.sub.b", "pkg.sub.c"]]
