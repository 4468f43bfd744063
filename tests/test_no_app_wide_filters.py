"""No Python event filter on the whole application (issue 47, the batch-send stall).

An application-wide filter written in Python is called for every event of every object (~13,000 during one
batch's countdown); each call wraps the object for Python, and the first send of a batch made Qt's progress
animations appear, whose wrapping cost the UI thread one 25-50 ms stall. Filters go on the widgets they
mean: app.ui.window.undo_key follows the keyboard focus.
"""

import ast
from pathlib import Path

import pytest
from tests.helpers.source_trees import parse_source

pytestmark = pytest.mark.unit
APP = Path(__file__).resolve().parents[1] / "app"


def _app_wide_filters(tree: ast.AST) -> list[int]:
    """Lines of ``<...>.instance().installEventFilter(...)`` / ``app.installEventFilter`` on the application."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "installEventFilter":
            target = ast.unparse(node.func.value)
            if "instance()" in target or target in ("app", "qapp", "application"):
                found.append(node.lineno)
    return found


def test_the_app_installs_no_event_filter_on_the_whole_application():
    found = {str(p.relative_to(APP)): lines for p in APP.rglob("*.py")
             if (lines := _app_wide_filters(parse_source(p.read_text(encoding="utf-8"))))}
    assert found == {}


def test_the_check_sees_an_application_wide_filter():
    assert _app_wide_filters(parse_source("QApplication.instance().installEventFilter(self)")) == [1]
