"""Issue 16: the list models answer each cell's roles in one call into Python (``multiData``,
app/ui/lists/cell_roles.py). Qt's delegate asks 7 roles of every cell it paints; through ``data()`` each one was a
call into Python that takes the GIL anew, and beside a worker thread busy in Python (a page of drafts being
converted, a merge creating its drafts) each call waited for it: a repaint of the merge's results took
12-15 ms there against 3-4 ms alone (5-7 ms with one call per cell). Here: a paint asks through
``multiData`` only, and what it answers is exactly what ``data()`` answers, role by role."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QAbstractTableModel, QModelRoleData, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QTableView

from app.core.merge.run import MergeRun, RowState
from app.domain import merge as dm
from app.domain.models import Draft, ItemRef, MessageSummary, Page
from app.storage.merges import MergeStore
from app.ui.merge.merge_model import MergeModel
from app.ui.lists.message_models import MessageTableModel

#: every role Qt defines for an item, and a user role
ROLES = [int(r.value) for r in Qt.ItemDataRole if int(r.value) < int(Qt.ItemDataRole.UserRole.value)]
ROLES.append(int(Qt.ItemDataRole.UserRole.value))


def _drafts_model(cls=MessageTableModel) -> MessageTableModel:
    base = datetime(2026, 1, 1, tzinfo=timezone.utc)
    rows = [MessageSummary(ItemRef(f"id{i}"), f"Draft {i}", "bob@example.com", base - timedelta(minutes=i),
                           i % 3 == 0) for i in range(60)]
    model = cls(page_size=100)
    model._add_page(Page(rows, 0, len(rows), True))
    model.set_status("id1", "Too large to send (ErrorMessageSizeExceeded)")
    model.set_status("id2", "Saved", error=False)
    return model


def _merge_model(tmp_path, cls=MergeModel) -> MergeModel:
    table = dm.parse_table(("email,name\n" + "".join(f"p{n}@example.com,P{n}\n" for n in range(40))).encode())
    run = MergeRun.create(None, MergeStore(tmp_path / "merges"), Draft(subject="Hi {name}", body="x"), table,
                          dm.recipient_column(table.header))
    from app.core.merge.rows import Ending
    from app.core.outbox.submission import SubState
    from app.domain.models import ErrorKind

    states = [RowState.READY, RowState.INVALID, RowState.FAILED, RowState.SENT]  # (sending: needs an Outbox)
    refused = Ending(SubState.FAILED, "the server refused it (ErrorInvalidRecipients)", ErrorKind.INVALID_INPUT)
    for row, state in zip(run.rows, states * 10):  # what each row holds to show that state (derived, never set)
        if state == RowState.INVALID:
            row.invalid = "not a valid e-mail address"
        elif state != RowState.READY:
            row.sub_id, row.end = "s", refused if state == RowState.FAILED else Ending(SubState.SENT)
    assert [row.state for row in run.rows] == states * 10
    model = cls()
    model.set_run(run)
    return model


def _counted(cls):
    """A subclass of ``cls`` that counts ``multiData`` calls and the ``data`` calls not made from it (Qt's).
    (A subclass made here, not the class patched: PySide looks a class's Python overrides up once.)"""
    calls: Counter = Counter()
    inside = [False]

    class Counted(cls):
        def data(self, index, role=int(Qt.ItemDataRole.DisplayRole.value)):
            if not inside[0]:
                calls["data"] += 1
            return super().data(index, role)

    def multi(self, index, span):
        calls["multiData"] += 1
        inside[0] = True
        try:
            super(Counted, self).multiData(index, span)
        finally:
            inside[0] = False

    if cls.multiData is not QAbstractTableModel.multiData:  # the model's own is counted, Qt's is left alone
        Counted.multiData = multi
    return Counted, calls


def _same(a, b) -> bool:
    if isinstance(a, QIcon) or isinstance(b, QIcon):
        return isinstance(a, QIcon) and isinstance(b, QIcon) and a.cacheKey() == b.cacheKey()
    return a == b


def _assert_answers_as_data(model) -> None:
    """Cell by cell, in the same slots from cell to cell as Qt's delegate does (a slot a model leaves alone
    keeps the value the cell before put in it: a colour or an icon showed on every cell after)."""
    slots = {role: QModelRoleData(role) for role in ROLES}
    checked = 0
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            index = model.index(r, c)
            for role, slot in slots.items():
                index.multiData(slot)  # through Qt, as its delegate asks
                want = model.data(index, role)
                assert _same(slot.data(), want), (r, c, role, slot.data(), want)
                checked += want is not None
    assert checked > model.rowCount() * model.columnCount(), "the cells answer something"


def _paint_asks(qtbot, model, calls: Counter) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    calls.clear()
    view.viewport().grab()  # a paint of the table, now (a repaint waits for the window to be on screen)
    on_screen = (view.rowAt(view.viewport().height() - 1) - view.rowAt(0) + 1) * model.columnCount()
    assert calls["multiData"] >= on_screen > 10, (calls, on_screen)
    assert calls["data"] == 0, f"Qt asked data() {calls['data']} times: a call into Python per role"


def test_a_draft_list_paint_asks_each_cell_once_and_gets_what_data_says(qtbot):
    counted, calls = _counted(MessageTableModel)
    model = _drafts_model(counted)
    _paint_asks(qtbot, model, calls)
    _assert_answers_as_data(model)


def test_the_merge_results_paint_asks_each_cell_once_and_gets_what_data_says(qtbot, tmp_path):
    counted, calls = _counted(MergeModel)
    model = _merge_model(tmp_path, counted)
    _paint_asks(qtbot, model, calls)
    _assert_answers_as_data(model)
    empty = MergeModel()
    slot = QModelRoleData(int(Qt.ItemDataRole.DisplayRole.value))
    empty.multiData(empty.index(0, 0), slot)  # no run: nothing, and no error
    assert slot.data() is None
