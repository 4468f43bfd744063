"""Every submission state change goes through the one table (issue 47, item 2).

Read from the source (AST), so a new module that sets a submission's state by hand fails here at once:

- a submission's ``state`` is set only in :mod:`app.core.submission` (``apply``, ``restarted``): anywhere
  else, an assignment to ``<x>.state`` of a ``SubState`` value (or of a ``RESTART``/``next_state`` result)
  is a state change the table never saw;
- an event is applied (``<x>.apply(Event.…)``) only by the Outbox, whose ``transition()`` persists it: a
  module applying one itself changes the state without the journal hearing of it;
- a mail-merge row's state is never assigned at all: it is derived from the row's submission
  (:func:`app.core.merge_rows.row_view`). Nothing in app/ sets ``<x>.state`` to a ``RowState`` (or to a
  verdict of a submission), and the merge's modules set no ``<x>.state`` of any kind.
"""

from __future__ import annotations

import ast
from pathlib import Path
from tests.helpers.source_trees import parse_source

APP = Path(__file__).resolve().parents[2] / "app"
TABLE = "core/submission.py"  # the table itself
TRANSITION = "core/outbox.py"  # Outbox.transition(): applies an event and persists it
TABLE_NAMES = {"SubState", "RESTART", "next_state", "TRANSITIONS"}


def _modules():
    for path in sorted(APP.rglob("*.py")):
        yield path.relative_to(APP).as_posix(), parse_source(path.read_text(encoding="utf-8"), str(path))


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _state_targets(target: ast.AST, value: ast.AST):
    """(target, its value) for each ``<x>.state`` a (possibly unpacking) assignment sets."""
    if isinstance(target, ast.Attribute) and target.attr == "state":
        yield target, value
    elif isinstance(target, (ast.Tuple, ast.List)):
        values = value.elts if isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(
            target.elts) else [value] * len(target.elts)
        for t, v in zip(target.elts, values):
            yield from _state_targets(t, v)


def _submission_state_sets(tree: ast.AST):
    for line, names in _state_sets(tree):
        if names & TABLE_NAMES:
            yield line


ROW_STATE_NAMES = {"RowState", "row_verdict", "row_view", "verdict"}
MERGE_MODULES = ("core/merge", "ui/merge/")  # the merge's own modules: no ``.state`` assigned there at all


def _state_sets(tree: ast.AST):
    """(line, the value's names) of each ``<x>.state`` set, by assignment or ``setattr``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            pairs = [p for t in node.targets for p in _state_targets(t, node.value)]
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and node.value is not None:
            pairs = list(_state_targets(node.target, node.value))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr" \
                and len(node.args) == 3 and isinstance(node.args[1], ast.Constant) and node.args[1].value == "state":
            pairs = [(node, node.args[2])]
        else:
            continue
        for target, value in pairs:
            yield target.lineno, _names(value)


def _row_state_sets(name: str, tree: ast.AST):
    for line, names in _state_sets(tree):
        if names & ROW_STATE_NAMES or name.startswith(MERGE_MODULES):
            yield line


def _event_applications(tree: ast.AST):
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "apply"
                and node.args and "Event" in _names(node.args[0])):
            yield node.lineno


def test_no_module_sets_a_submission_state_outside_the_table():
    found = [f"app/{name}:{line}" for name, tree in _modules() if name != TABLE
             for line in _submission_state_sets(tree)]
    assert found == [], f"a submission's state set outside the transition table: {found}"


def test_only_the_outbox_applies_events_and_it_persists_them():
    found = [f"app/{name}:{line}" for name, tree in _modules() if name not in (TABLE, TRANSITION)
             for line in _event_applications(tree)]
    assert found == [], f"an event applied without Outbox.transition() (not journaled): {found}"


def test_no_module_assigns_a_merge_rows_state():
    """A row's state is what its submission says (issue 47, item 2): assigned nowhere, so never a second
    lifecycle beside the one table."""
    found = [f"app/{name}:{line}" for name, tree in _modules() for line in _row_state_sets(name, tree)]
    assert found == [], f"a merge row's state assigned instead of derived from its submission: {found}"


def test_a_send_is_held_only_as_it_is_made():
    """``queued --hold--> held`` is the table's only way into HELD, and only Outbox.new_submission applies it
    (a new submission, before its first record): a queued send already on its way is never held back."""
    found = []
    for name, tree in _modules():
        for fn in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
            for node in ast.walk(fn):
                if isinstance(node, ast.Attribute) and node.attr == "HOLD" and _names(node) == {"Event"}:
                    found.append(f"app/{name}:{fn.name}")
    assert found == [f"app/{TRANSITION}:new_submission"]


def test_the_checks_see_what_they_look_for():
    """The checks themselves: each form of a hand-made state change is found."""
    src = ("sub.state = SubState.HELD\n"
           "sub.state, sub.reason = SubState(x), ''\n"
           "setattr(sub, 'state', RESTART[s])\n"
           "sub.apply(Event.CANCEL)\n"
           "row.state = RowState.SENT\n")  # a merge row's own field: not a submission's state
    tree = parse_source(src)
    assert sorted(_submission_state_sets(tree)) == [1, 2, 3]
    assert list(_event_applications(tree)) == [4]
    rows = parse_source("row.state = RowState.SENT\n"
                     "row.state, row.error, row.retry = verdict\n"
                     "setattr(row, 'state', RowState(x))\n"
                     "row.shown = RowState.SENT\n"
                     "job.state = 'x'\n")
    assert sorted(_row_state_sets("core/other.py", rows)) == [1, 2, 3]
    assert sorted(_row_state_sets("core/merge_rows.py", rows)) == [1, 2, 3, 5]


def test_the_journal_holds_the_same_states_as_before_deleting_is_never_written():
    """Journal compatibility: the states a submission is stored in are those older versions wrote and read
    (DELETING is persisted as its entry leaving the journal, as SENT is), and each resumes per RESTART."""
    from app.core.submission import RESTART, STORED, SubState

    assert {s.value for s in STORED} == {"queued", "send_saving", "submitting", "unknown", "failed", "held"}
    assert set(RESTART) == set(STORED) and SubState.DELETING not in STORED
