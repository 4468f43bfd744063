"""The journal never fails silently: a damaged file is moved aside and a fresh one started; one bad row
is set aside, not the whole journal; a journal that cannot be written at all is reported, and the app
still works (with a banner saying typing is not protected). Real files, real SQLite, the real window."""

from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtCore import Qt

from app.domain.models import Draft, Recipient
from app.storage.journal import Journal
from app.storage.journal_file import JournalUnavailable
from tests.helpers.backends import BOB
from tests.helpers.windows import close_window, open_window, wait_task


def _mode(p) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


def test_a_file_that_is_not_a_database_is_moved_aside_and_a_fresh_journal_starts(tmp_path):
    path = tmp_path / "data" / "journal.sqlite3"
    path.parent.mkdir()
    path.write_bytes(b"this is not SQLite at all\x00\xff" * 100)
    j = Journal(path)
    assert j.moved_aside is not None and j.moved_aside.exists()
    assert j.moved_aside.read_bytes().startswith(b"this is not SQLite")  # kept, for whoever wants it
    assert _mode(j.moved_aside) == 0o600 and _mode(path) == 0o600
    j.record(Draft(subject="after the damage", to=[Recipient(BOB)]))
    assert [e.draft.subject for e in j.entries()] == ["after the damage"]


def test_a_corrupted_database_is_moved_aside(tmp_path):
    path = tmp_path / "journal.sqlite3"
    j = Journal(path)
    for i in range(200):
        j.record(Draft(subject=f"m{i}", body="x" * 2000))
    j.close()
    raw = bytearray(path.read_bytes())
    for off in range(4096, len(raw), 4096):  # scribble over every page but the header
        raw[off:off + 512] = b"\xde\xad\xbe\xef" * 128
    path.write_bytes(bytes(raw))
    j = Journal(path)
    assert j.moved_aside is not None
    assert j.entries() == [] and j.count() == 0


def test_one_unreadable_row_is_set_aside_and_the_others_stay(tmp_path):
    j = Journal(tmp_path / "journal.sqlite3")
    good = [Draft(subject=f"good {i}", body="kept") for i in range(3)]
    bad = Draft(subject="bad")
    for d in (good[0], bad, good[1], good[2]):
        j.record(d, account="acct")
    with j._lock:  # damage one row on disk, as a failing disk or an old bug might
        j._db.execute("UPDATE entries SET draft='{not json' WHERE local_id=?", (bad.local_id,))
    assert [e.draft.subject for e in j.entries(account="acct")] == ["good 0", "good 1", "good 2"]
    assert j.quarantined == 1 and j.get(bad.local_id) is None
    kept = j._db.execute("SELECT local_id, reason FROM quarantine").fetchall()
    assert kept == [(bad.local_id, "JSONDecodeError")]  # not lost: set aside with its row
    j.close()
    assert [e.draft.subject for e in Journal(tmp_path / "journal.sqlite3").entries()] == ["good 0", "good 1", "good 2"]


def _two_long_bodies(tmp_path):
    j = Journal(tmp_path / "journal.sqlite3")
    good, bad = Draft(subject="good", body="kept " * 40_000), Draft(subject="bad", body="long body " * 40_000)
    j.record(good)
    j.record(bad)
    return j, good, bad


def _set_aside(tmp_path, good, bad) -> str:
    """Reads the journal afresh: only ``good`` comes back, ``bad`` is set aside; returns its row as text."""
    import json

    j2 = Journal(tmp_path / "journal.sqlite3")  # not the bodies j keeps in memory
    assert [e.draft.subject for e in j2.entries()] == ["good"]
    assert j2.get(good.local_id).draft.body == good.body
    assert j2.quarantined == 1
    reason, row = j2._db.execute("SELECT reason, row FROM quarantine").fetchone()
    # nothing of the row set aside is left behind in the journal's tables
    assert j2._db.execute("SELECT COUNT(*) FROM body_pieces WHERE local_id=?", (bad.local_id,)).fetchone() == (0,)
    return reason, json.loads(row)


def test_a_long_body_damaged_on_disk_sets_its_row_aside_readable(tmp_path):
    """A long body is kept in pieces, a row each, as UTF-8 (app/storage/body_blob.py): bytes that are not
    UTF-8 in one of them set that entry aside (the others stay), and what is set aside keeps the body as
    readable text."""
    j, good, bad = _two_long_bodies(tmp_path)
    with j._lock:
        first = j._db.execute("SELECT pieces FROM entries WHERE local_id=?", (bad.local_id,)).fetchone()[0].split(",")[0]
        j._db.execute("UPDATE body_pieces SET data=CAST(data AS BLOB) || x'ff' WHERE id=?", (int(first),))
    reason, row = _set_aside(tmp_path, good, bad)
    assert reason == "UnicodeDecodeError"
    assert "\ufffd" in row[11] and row[11].replace("\ufffd", "") == bad.body  # the body as text, bad byte marked


def test_a_long_body_missing_a_piece_sets_its_row_aside_with_the_rest(tmp_path):
    j, good, bad = _two_long_bodies(tmp_path)
    with j._lock:
        ids = [int(i) for i in j._db.execute("SELECT pieces FROM entries WHERE local_id=?",
                                             (bad.local_id,)).fetchone()[0].split(",")]
        data = dict(j._db.execute("SELECT id, data FROM body_pieces WHERE local_id=?", (bad.local_id,)))
        j._db.execute("DELETE FROM body_pieces WHERE id=?", (ids[1],))
    reason, row = _set_aside(tmp_path, good, bad)
    assert reason == "KeyError"
    assert len(ids) > 2 and row[11] == b"".join(data[i] for i in ids if i != ids[1]).decode()  # the rest, in order


def test_a_long_body_in_the_column_of_older_journals_damaged_sets_its_row_aside_readable(tmp_path):
    """Journals written before the pieces kept a long body in the entry's ``body`` column: read as before,
    and set aside readable when damaged."""
    j, good, bad = _two_long_bodies(tmp_path)
    with j._lock:
        for d, tail in ((good, b""), (bad, b"\xff")):
            j._db.execute("UPDATE entries SET body=?, pieces=NULL WHERE local_id=?", (d.body.encode() + tail, d.local_id))
            j._db.execute("DELETE FROM body_pieces WHERE local_id=?", (d.local_id,))
    reason, row = _set_aside(tmp_path, good, bad)
    assert reason == "UnicodeDecodeError"
    assert bad.body + "\ufffd" in row  # the body as text (the bad byte marked), not bytes' repr


def test_a_journal_that_cannot_be_written_is_reported(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the data directory should be")
    with pytest.raises(JournalUnavailable):
        Journal(blocker / "journal.sqlite3")


def test_the_window_says_typing_is_not_protected_and_still_sends(qtbot, aloop, sandbox, settings, tmp_path,
                                                                 monkeypatch):
    blocker = tmp_path / "home-is-a-file"
    blocker.write_text("x")
    monkeypatch.setenv("DISPATCH_HOME", str(blocker))  # the data dir cannot be created
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    try:
        assert not win.journal_bridge.journal.persistent
        assert win.journal_notice.isVisible() and "Typing is not protected" in win.journal_notice.text()
        assert "cannot be written" in win.journal_notice.toolTip()
        win.compose.load(Draft(to=[Recipient(BOB)], subject="still works", body="b"))
        outcome = wait_task(qtbot, win.flows.send_current())
        assert outcome is not None and outcome.ok
        assert [m["subject"] for m in sandbox.mailbox(BOB).items("inbox")] == ["still works"]
    finally:
        close_window(win, session)


def test_a_journal_that_stops_working_while_typing_shows_a_banner(qtbot, aloop, sandbox, settings, tmp_path):
    journal = Journal(tmp_path / "journal.sqlite3")
    win, session = open_window(qtbot, sandbox, settings, connected=True, journal=journal)
    try:
        assert not win.banner.isVisible()
        with journal._lock:  # not under a statement of the journal's thread: closing SQLite mid-statement crashes
            journal._db.close()  # from now on every write fails, as on a vanished or read-only disk
        win.compose.body.setFocus()
        qtbot.keyClicks(win.compose.body, "typed while the disk is gone")
        qtbot.keyClick(win, Qt.Key_2, Qt.ControlModifier)  # a view switch writes the journal at once
        qtbot.waitUntil(lambda: win.banner.isVisible() and "Typing is not protected" in win.banner.text()
                        and win.journal_notice.isVisible(), timeout=5000)
        assert win.compose.body.toPlainText() == "typed while the disk is gone"  # nothing on screen is lost
    finally:
        close_window(win, session)


def test_a_damaged_journal_is_named_in_the_status_bar(qtbot, aloop, sandbox, settings, tmp_path):
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"garbage" * 1000)
    win, session = open_window(qtbot, sandbox, settings, connected=True, journal=Journal(path))
    try:
        assert win.journal_bridge.journal.moved_aside is not None
        assert win.journal_notice.isVisible() and "damaged" in win.journal_notice.toolTip()
        assert win.journal_bridge.journal.moved_aside.name in win.journal_notice.toolTip()
    finally:
        close_window(win, session)
