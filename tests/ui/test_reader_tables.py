"""Drafts and Sent read like tables, in-process through Qt's accessibility API on the real window and the sandbox
(the table's accessible children: its cells and row headers, each with its QAccessibleTableCellInterface):

- each cell is read as its own column's text (the Outbox's already were), the date as the locale speaks it;
- the row's summary is the row's description (its row header's, and the Subject cell's, where a reader lands);
- the current row's cells say they are selected, and the state follows the keys.

The same is read over AT-SPI as Orca reads it in tests/accessibility/test_atspi_reader.py."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAccessible

from app.domain.models import Attachment, Draft, Recipient
from app.ui.lists.spoken_date import spoken_date
from tests.helpers.keys import CTRL, key, press
from tests.helpers.lists import open_loaded
from tests.helpers.mail_services import Services
from tests.helpers.windows import close_window

NAME, DESCRIPTION = QAccessible.Text.Name, QAccessible.Text.Description
#: the C locale's long date and short time, as the test runs (the weekday and month in words)
SPOKEN = re.compile(r"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} [A-Z][a-z]+ \d{4} "
                    r"at \d{1,2}:\d{2}$")


def test_a_date_is_spoken_as_the_locale_says_it():
    when = datetime(2026, 11, 27, 14, 5)
    assert spoken_date(when, QLocale(QLocale.English, QLocale.UnitedKingdom)) == "Friday, 27 November 2026 at 14:05"
    assert spoken_date(when, QLocale(QLocale.German, QLocale.Germany)).startswith("Freitag, 27. November 2026 at 14:05")
    assert spoken_date(None) == ""


def cells(table) -> dict[tuple[int, int], object]:
    """(row, column) -> the accessible interface of each cell of ``table`` (row headers: column -1)."""
    iface = QAccessible.queryAccessibleInterface(table)
    out = {}
    for i in range(iface.childCount()):
        child = iface.child(i)
        role = child.role()
        if role == QAccessible.Role.RowHeader:
            out[(len({r for r, c in out if c == -1}), -1)] = child
        elif role == QAccessible.Role.Cell:
            cell = child.tableCellInterface()
            out[(cell.rowIndex(), cell.columnIndex())] = child
    return out


@pytest.fixture
def lists(qtbot, aloop, sandbox, settings):
    services = Services(sandbox)
    try:
        svc = services.ews()
        svc.save_draft(Draft(to=[Recipient("bob@example.com", "Bob")], subject="Quarterly numbers",
                             attachments=[Attachment(name="q3.csv", content_type="text/csv", content=b"a;b\r\n")]))
        svc.save_draft(Draft(to=[Recipient("carol@example.com")], subject="Team lunch"))
        sent = svc.save_draft(Draft(to=[Recipient("dave@example.com", "Dave")], subject="Board minutes"))
        assert all(o.ok for o in svc.send_drafts([sent.ref]))
    finally:
        services.close()
    win, session = open_loaded(qtbot, sandbox, settings)
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 2 and win.sent.model.rowCount() == 1, timeout=20000)
    yield win
    close_window(win, session)


@pytest.mark.parametrize("view", ["drafts", "sent"])
def test_each_cell_reads_its_own_column(qtbot, lists, view):
    win = lists
    key(qtbot, win, Qt.Key_2 if view == "drafts" else Qt.Key_3, CTRL)
    v = getattr(win, view)
    model = v.model
    got = cells(v.table)
    for row in range(model.rowCount()):
        summary = model.summary(row)
        read = {}
        for col in range(model.columnCount()):
            name = got[(row, col)].text(NAME)
            shown = model.index(row, col).data(Qt.DisplayRole)
            if col == model.COL_TIME:
                assert SPOKEN.match(name), name
                assert name == spoken_date(datetime.strptime(shown, "%Y-%m-%d %H:%M"))  # the date the cell shows
            elif col == model.COL_ATTACH:
                assert name == ("Has attachments" if summary.has_attachments else "")
            else:
                assert name == (shown or ""), (col, name, shown)
            read[col] = name
        words = [w for w in read.values() if w]
        assert len(words) == len(set(words)), f"cells of row {row} read the same: {read}"
        # the row's summary: the row header's description and the Subject cell's, and only there
        row_words = got[(row, -1)].text(DESCRIPTION)
        assert row_words.startswith(summary.subject) and f"to {summary.display_to}" in row_words, row_words
        assert got[(row, model.COL_SUBJECT)].text(DESCRIPTION) == row_words
        assert all(got[(row, c)].text(DESCRIPTION) == "" for c in (model.COL_TO, model.COL_TIME, model.COL_STATUS))
        assert ("with attachments" in row_words) == summary.has_attachments


def test_the_current_row_says_it_is_selected(qtbot, lists):
    win = lists
    key(qtbot, win, Qt.Key_2, CTRL)
    table, model = win.drafts.table, win.drafts.model
    qtbot.waitUntil(table.hasFocus, timeout=3000)  # Ctrl+2 puts the focus in the list
    qtbot.waitUntil(lambda: table.currentIndex().isValid(), timeout=3000)
    first = table.currentIndex().row()

    def selected_rows():
        got = cells(table)
        return {r for (r, c), cell in got.items() if c >= 0 and cell.state().selected}, got

    rows, got = selected_rows()
    assert rows == {first}
    assert all(got[(first, c)].state().selected for c in range(model.columnCount()))  # the whole row
    assert got[(first, model.COL_SUBJECT)].state().focused
    press(qtbot, Qt.Key_Down if first == 0 else Qt.Key_Up)
    other = 1 - first
    qtbot.waitUntil(lambda: selected_rows()[0] == {other}, timeout=3000)
    assert selected_rows()[1][(other, model.COL_SUBJECT)].state().focused
