"""Issue 48: no test imports another test module; the helpers tests share live in tests/helpers/."""

import ast
from pathlib import Path
from tests.helpers.source_trees import parse_source

TESTS = Path(__file__).resolve().parent


def _imported_modules(tree: ast.AST) -> list[str]:
    """Every module an ``import`` or ``from ... import`` in ``tree`` names (relative ones by their dotted tail)."""
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):  # the module, and what it imports ("from tests.ui import test_x")
            names += [node.module or "."] + [alias.name for alias in node.names]
    return names


def _test_module_imports(path: Path) -> list[str]:
    tree = parse_source(path.read_text(encoding="utf-8"), filename=str(path))
    return [m for m in _imported_modules(tree) if m.rsplit(".", 1)[-1].startswith("test_")]


def test_no_file_under_tests_imports_a_test_module():
    found = {str(p.relative_to(TESTS)): mods for p in sorted(TESTS.rglob("*.py")) if (mods := _test_module_imports(p))}
    assert found == {}, f"move the shared helpers to tests/helpers/: {found}"


def test_the_check_sees_every_form_of_import():
    tree = parse_source("import tests.ui.test_a\nfrom tests.ui.test_b import x\nfrom .test_c import y\n"
                     "from . import test_d\nfrom tests.ui import test_e\nfrom tests.helpers.keys import key\n")
    assert [m for m in _imported_modules(tree) if m.rsplit(".", 1)[-1].startswith("test_")] == [
        "tests.ui.test_a", "tests.ui.test_b", "test_c", "test_d", "test_e"]
