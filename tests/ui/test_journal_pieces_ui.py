"""Autosave of a long body writes only what changed into the journal (issue 16), with Compose's own mirrors.

The journal keeps a long body in pieces and a record writes only the pieces it does not hold already
(app/storage/body_blob.py; the rules are tested in tests/core/test_journal_pieces.py). That only pays if
Compose hands over the very same objects for what was not typed into: the plain body's chunks
(app/ui/compose/body/body_mirror.py); a rich body is handed over whole (Qt's ``toHtml()``) and cut by the journal. Typing on into a long body,
each save after the first writes a row or a few, and a fresh reader of the file (a restart) reads exactly
what the editor holds. Real Compose, real journal file; rows written are counted by SQLite's own
``AUTOINCREMENT`` sequence.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app.domain.models import Draft
from app.storage.journal import Journal
from tests.helpers.bodies import open_body, open_rich, rich_body


def _rows_written(journal: Journal) -> int:
    row = journal._db.execute("SELECT seq FROM sqlite_sequence WHERE name='body_pieces'").fetchone()
    return row[0] if row else 0


def _save(autosave) -> None:
    autosave.flush()
    autosave.drain()


def _after_restart(tmp_path, local_id: str) -> str:
    fresh = Journal(tmp_path / "journal.sqlite3")
    try:
        return fresh.get(local_id).draft.body
    finally:
        fresh.close()


def test_typing_into_a_long_plain_body_writes_the_chunk_typed_into(wired, qtbot, tmp_path):
    c, autosave, journal = wired
    big = ("y" * 39 + "ж" * 40 + "\n") * 12500  # 1 MB, not ASCII
    open_body(qtbot, c, Draft(body=big))
    c.body.setFocus()
    c.body.insertPlainText("a first key: ")  # opening a draft is no edit; the first save is of the whole
    _save(autosave)
    assert _rows_written(journal) >= len(big) // (64 * 1024)
    for where in (QTextCursor.End, QTextCursor.Start):
        c.body.moveCursor(where)
        for ch in "typed on ":
            c.body.insertPlainText(ch)
        before = _rows_written(journal)
        _save(autosave)
        assert 1 <= _rows_written(journal) - before <= 2  # the chunk typed into (split when it grew too long)
    assert _after_restart(tmp_path, c.identity().local_id) == c.body.toPlainText()


def test_typing_into_a_long_rich_body_writes_the_rows_typed_into(wired, qtbot, tmp_path):
    """A long rich body is handed to the journal whole (Qt's ``toHtml()``): the journal cuts it itself and
    keeps the rows of what did not change, so a save after typing writes the rows around the keys."""
    c, autosave, journal = wired
    open_rich(qtbot, c, rich_body(6000))
    doc = c.body.document()
    c.body.setFocus()
    c.body.moveCursor(QTextCursor.Start)
    c.body.insertPlainText("a first key: ")  # opening a draft is no edit; the first save is of the whole
    _save(autosave)
    whole = _rows_written(journal)
    assert whole >= 20
    for at in (doc.characterCount() // 3, doc.characterCount() - 1):
        cur = c.body.textCursor()
        cur.setPosition(at)
        c.body.setTextCursor(cur)
        for ch in "forty keys typed on":
            c.body.insertPlainText(ch)
            QApplication.processEvents()
        before = _rows_written(journal)
        _save(autosave)
        assert 1 <= _rows_written(journal) - before <= 4, "the rows around the keys, not the body"
    assert _after_restart(tmp_path, c.identity().local_id) == doc.toHtml()


def test_ctrl_s_while_typing_writes_what_was_typed_not_the_body(qtbot, aloop, sandbox, settings, tmp_path):
    """Ctrl+S: the queue records the message with its body whole (one ``str``) before it goes to the server;
    the journal keeps the rows of the pieces autosave stored, and the entry holds exactly what was saved.
    Real window and queue, the sandbox over HTTP (the save held 1 s, so the entry can be read meanwhile)."""
    from PySide6.QtCore import Qt

    from tests.helpers.windows import close_window, open_window
    from tests.helpers.compose import type_message
    from tests.helpers.keys import CTRL, key

    journal = Journal(tmp_path / "journal.sqlite3")
    win, session = open_window(qtbot, sandbox, settings, connected=True, journal=journal)
    c = win.compose
    try:
        type_message(qtbot, win, subject="a long one", body="first words\n")
        c.body.moveCursor(QTextCursor.End)
        c.body.insertPlainText(("y" * 39 + "ж" * 40 + "\n") * 12500)  # 1 MB more, not ASCII
        c.body.insertPlainText("typed on ")
        autosave = win.journal_bridge.autosave
        _save(autosave)
        whole = _rows_written(journal)
        assert whole >= 1_000_000 // (64 * 1024)
        c.body.moveCursor(QTextCursor.Start)
        c.body.insertPlainText("and at the start ")
        assert c.identity().local_id in autosave.pending  # due 0.5 s after the key, within the save's 1 s
        sandbox.faults.inject("CreateItem", "delay", count=1, seconds=1.0)
        key(qtbot, win, Qt.Key_S, CTRL)
        qtbot.waitUntil(lambda: "CreateItem" in sandbox.request_log, timeout=10000)  # recorded before it went
        assert ("CreateItem", "delay") in sandbox.faults.fired
        assert 1 <= _rows_written(journal) - whole <= 2  # the save's record: what was typed since
        assert _after_restart(tmp_path, c.identity().local_id) == c.body.toPlainText()
        # the autosave still waiting when Ctrl+S took the message was not made while the save was on its way
        # (it would have recorded the same again, taken by the journal for an edit: "Edited", entry kept)
        qtbot.waitUntil(lambda: c.state_label.text() == "Saved to Drafts", timeout=20000)
        assert not journal.has(c.identity().local_id)
    finally:
        close_window(win, session)
