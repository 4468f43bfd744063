"""Issue 4 "Local journal" / "Offline and outbox" on the real window and its own journal bridge
(``win.journal_bridge``) + real sandbox (exchangelib over HTTP, every SOAP body schema-checked):

- the journal is written on every view switch (Ctrl+2) and on close, not only by the typing timer;
- after a crash, every unsaved message comes back with its recipients and attachment bytes: the newest
  in Compose, the others on the server's Drafts (each exactly once), and the user is told so;
- Save while the server is down keeps the draft locally ("not on server yet"), and the Outbox puts it
  on the server (once, all fields) when it is back;
- the Outbox page (Ctrl+4) shows a row waiting, retrying in N s, not sent (with the reason) and sent;
  a save that reached the server leaves the Outbox.

"Nothing more arrives" is checked after the queue is idle (``Outbox.waits.drain``, ``flows.wait_idle``),
never after a fixed sleep.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.core.outbox.policy import RetryPolicy
from app.core.accounts.session import ConnectionState, Session
from app.domain.models import Attachment, Draft, Recipient, new_message_id
from app.storage.journal import Journal
from app.storage.settings import Settings
from app.domain.events import OutboxChanged
from tests.helpers.status_bar import record_messages
from tests.helpers.windows import journal_window
from tests.helpers.backends import ALICE, BOB
from tests.helpers.windows import _window_or_its_dialog_is_active, account_for, close_window, wait_task

CAROL = "carol@example.com"
NOT_ON_SERVER = "Kept on this computer — not on server yet"  # Compose's save-state label, word for word


def _key(win, key) -> None:
    QTest.keyClick(win, key, Qt.ControlModifier)


def _close(bridge, win, session) -> None:
    bridge.close()
    close_window(win, session)


def _idle(qtbot, win) -> None:
    """Until everything the window and its queue started has finished (the event to wait on before
    checking that nothing more arrived)."""
    ob = win.journal_bridge.outbox
    if ob is not None:
        wait_task(qtbot, ob.waits.drain(timeout=30), timeout=40000)
    wait_task(qtbot, win.flows.wait_idle(), timeout=40000)


def _wait(qtbot, condition, why, timeout: int) -> None:
    """``qtbot.waitUntil``, failing with ``why()`` (what was seen instead) on a timeout."""
    from pytestqt.exceptions import TimeoutError as QtTimeout

    try:
        qtbot.waitUntil(condition, timeout=timeout)
    except QtTimeout:
        pytest.fail(f"timed out after {timeout} ms: {why()}")


def _wait_told(qtbot, said: list[str], message: str, timeout: int = 5000) -> None:
    """Until the status bar has said ``message`` (on a timeout: fail, listing what it did say)."""
    _wait(qtbot, lambda: message in said, lambda: f"the status bar never said {message!r}; it said {said!r}",
          timeout)


def _window_heard(qtbot, sandbox, tmp_path, journal, said: list[str]):
    """Like ``journal_window``, but every status-bar message from the window's first moment on goes to
    ``said`` (the window is built the way the app builds it: frame first, then ``finish_setup``, which
    builds the journal bridge and reopens a recovered message)."""
    from app.ui.window.main_window import MainWindow

    acc, pw = account_for(sandbox)
    session = Session.for_account(acc, pw)
    win = MainWindow(session, settings=Settings(tmp_path / "settings.json"), journal=journal, lazy=True)
    qtbot.addWidget(win)
    record_messages(win, said)
    win.finish_setup()
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.raise_()
    qtbot.waitUntil(lambda: _window_or_its_dialog_is_active(win), timeout=5000)
    qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=20000)
    return win, session


def test_view_switch_and_close_write_the_journal(qtbot, aloop, sandbox, tmp_path):
    journal = Journal(tmp_path / "journal.sqlite3")
    win, session = journal_window(qtbot, sandbox, tmp_path, journal)
    bridge = win.journal_bridge
    assert bridge.journal is journal
    bridge.autosave.idle = bridge.autosave.max_delay = 60.0  # the typing timer never fires: only flushes write
    try:
        win.show_view("compose")
        c = win.compose
        c.to.set_recipients([Recipient(BOB)])
        c.cc.set_recipients([Recipient(CAROL)])
        c.subject.setText("flushed on switch")
        c.body.setFocus()
        qtbot.keyClicks(c.body, "typed before Ctrl+2")
        wait_task(qtbot, win.flows.wait_idle())  # the loop ran; whatever the window started is done
        assert journal.count() == 0 and bridge.autosave.pending  # nothing written yet: the timer is long
        threads: list[str] = []
        record = journal.record

        def spy(*a, **kw):  # where does the write run? (never on the UI thread: typing must not wait)
            import threading

            threads.append(threading.current_thread().name)
            return record(*a, **kw)

        journal.record = spy
        _key(win, Qt.Key_2)
        assert win.current_view() == "drafts"
        assert not bridge.autosave.pending  # handed to the journal thread at the switch, not by the timer
        bridge.autosave.drain()  # on disk within the write's own time (no timer involved)
        entries = journal.entries()
        assert len(entries) == 1
        assert threads and all(t.startswith("journal") for t in threads), threads
        d = entries[0].draft
        assert (d.subject, d.body) == ("flushed on switch", "typed before Ctrl+2")
        assert d.to == [Recipient(BOB)] and d.cc == [Recipient(CAROL)]
        assert d.internet_message_id  # given at the first keystroke (for exactly-once after a crash)

        _key(win, Qt.Key_1)
        assert win.current_view() == "compose"
        c.body.setFocus()
        c.body.moveCursor(c.body.textCursor().MoveOperation.End)
        qtbot.keyClicks(c.body, ", then more before closing")
        wait_task(qtbot, win.flows.wait_idle())
        assert journal.entries()[0].draft.body == "typed before Ctrl+2"  # still the switch's copy
        win._force_close = True
        win.close()  # the real close path (closeEvent); the bridge watches the window's Close event
        bridge.autosave.drain()
        entries = journal.entries()
        assert len(entries) == 1
        assert entries[0].draft.body == "typed before Ctrl+2, then more before closing"
        assert entries[0].draft.to == [Recipient(BOB)] and entries[0].draft.cc == [Recipient(CAROL)]
        assert not bridge.autosave.pending
    finally:
        _close(bridge, win, session)


def _unsaved(subject: str, i: int) -> Draft:
    return Draft(
        to=[Recipient(BOB)], cc=[Recipient(CAROL)], subject=subject, body=f"the text of {subject}\nline two",
        attachments=[Attachment(f"part-{i}.bin", bytes(range(256)) * (i + 1), "application/octet-stream")],
        internet_message_id=new_message_id(),  # the bridge gives one at the first keystroke
    )


def test_restart_brings_back_every_unsaved_message(qtbot, aloop, sandbox, tmp_path, screenshot_dir):
    """A journal left by a crash with three unsaved messages (To, Cc, an attachment each): the newest
    reopens in Compose; the other two are queued as saves and go to the server's Drafts, each once,
    with everything (then they leave the Outbox); the user is told; the journal then holds only the
    message in Compose."""
    path = tmp_path / "journal.sqlite3"
    seeded = [_unsaved(s, i) for i, s in enumerate(("oldest unsaved", "middle unsaved", "newest unsaved"))]
    j = Journal(path)
    for d in seeded:
        j.record(d)
        # distinct "updated" times: the last one is the newest (wait for the clock, not a fixed time)
        t = j.get(d.local_id).updated
        while time.time() <= t:
            time.sleep(0.001)
    j.close()
    assert len({e.updated for e in Journal(path).entries()}) == 3

    said: list[str] = []
    journal = Journal(path)
    win, session = _window_heard(qtbot, sandbox, tmp_path, journal, said)  # connected: recovery runs now
    bridge = win.journal_bridge
    reopened = "Reopened the message you were writing; 2 other unsaved messages go to Drafts"
    try:
        c = win.compose
        d = c.draft()
        newest = seeded[-1]
        assert (d.subject, d.body) == (newest.subject, newest.body)
        assert d.to == [Recipient(BOB)] and d.cc == [Recipient(CAROL)]
        assert [(a.name, a.content) for a in d.attachments] == [(a.name, a.content) for a in newest.attachments]
        assert any(m.startswith(reopened) for m in said), said

        def on_server():
            return [it for it in sandbox.mailbox(ALICE).items("drafts")]

        qtbot.waitUntil(lambda: len(on_server()) >= 2 and journal.count() == 1, timeout=30000)
        _idle(qtbot, win)  # the queue is idle: nothing more is on its way (no second copy)
        ob = bridge.outbox
        assert ob is not None and ob.queue.row_texts() == []  # saved: they left the Outbox
        items = on_server()
        assert sorted(it["subject"] for it in items) == ["middle unsaved", "oldest unsaved"]
        for want in seeded[:2]:
            it = next(x for x in items if x["subject"] == want.subject)
            assert it["to"] == [BOB] and it["cc"] == [CAROL]
            assert (it["body"] or "").replace("\r\n", "\n") == want.body
            assert [(a["name"], a["content"]) for a in it["attachments"]] == [
                (a.name, a.content) for a in want.attachments]
            assert it["internet_message_id"] == want.internet_message_id
        assert sandbox.request_log.count("CreateItem") == 2, sandbox.request_log  # one create each, no retry
        left = journal.entries()
        assert [e.local_id for e in left] == [newest.local_id] == [c.draft().local_id]
        win.grab().save(str(screenshot_dir / "recovered-after-crash.png"))
        _key(win, Qt.Key_2)  # and the user finds them in the Drafts list
        listed = lambda: sorted(m.subject for m in win.drafts.model.summaries())  # noqa: E731
        _wait(qtbot, lambda: not win.drafts.model.loading and listed() == ["middle unsaved", "oldest unsaved"],
              lambda: f"the Drafts list shows {listed()!r}", timeout=10000)
        # the user was told: that the others go to Drafts (not wiped at once by "Connecting…"), then that
        # they are there
        _wait_told(qtbot, said, "2 other unsaved messages were restored to Drafts")
        last = max(i for i, m in enumerate(said) if m.startswith(reopened))
        assert said[last + 1:last + 2] == ["2 other unsaved messages were restored to Drafts"], said
    finally:
        _close(bridge, win, session)


def test_save_while_server_down_is_kept_locally_then_saved_once(qtbot, aloop, sandbox_factory, tmp_path,
                                                               screenshot_dir):
    """Ctrl+S with the server stopped: Compose says "not on server yet" and keeps everything; the Outbox
    retries with backoff; the server comes back (same data dir, same port): exactly one draft with all
    fields, the journal entry is gone, Compose says "Saved to Drafts"."""
    sb = sandbox_factory(data=str(tmp_path / "sb"))  # stop() + start() keep its port and data
    journal = Journal(tmp_path / "journal.sqlite3")
    win, session = journal_window(qtbot, sb, tmp_path, journal)
    bridge = win.journal_bridge
    try:
        qtbot.waitUntil(lambda: bridge.outbox is not None, timeout=5000)
        # shorter than the defaults (10 s settle, 2 s base) to keep the test short; still a growing backoff
        bridge.outbox.parts.policy = RetryPolicy(base=1.0, factor=2.0, settle_delay=1.0, jitter=0)
        c = win.compose
        c.to.set_recipients([Recipient(BOB)])
        c.cc.set_recipients([Recipient(CAROL)])
        c.subject.setText("saved while offline")
        f = tmp_path / "notes.bin"
        f.write_bytes(b"\x00\x01offline attachment\xff" * 50)
        assert c.attachments.add_paths([str(f)]) == []
        c.body.setFocus()
        qtbot.keyClicks(c.body, "written while the server was away")
        before = c.draft()
        sb.stop()
        _key(win, Qt.Key_S)
        qtbot.waitUntil(lambda: c.state_label.text() == NOT_ON_SERVER, timeout=30000)
        after = c.draft()  # Compose unchanged
        assert (after.subject, after.body, after.to, after.cc, after.local_id) == (
            before.subject, before.body, before.to, before.cc, before.local_id)
        assert [(a.name, a.content) for a in after.attachments] == [(a.name, a.content) for a in before.attachments]
        assert after.ref is None
        e = journal.get(before.local_id)
        assert e is not None and e.op == "save" and e.draft.body == before.body
        texts: list[str] = []
        qtbot.waitUntil(lambda: texts.extend(t for _, _, t in bridge.outbox.queue.row_texts()) or any(
            t.startswith("Retrying in ") for t in texts), timeout=30000)  # an attempt failed: backoff
        win.grab().save(str(screenshot_dir / "offline-save.png"))
        assert c.state_label.text() == NOT_ON_SERVER
        assert any("not on server yet" in t for t in texts if t.startswith("Retrying in "))  # the Outbox row too

        sb.start()
        qtbot.waitUntil(lambda: journal.count() == 0, timeout=60000)
        _idle(qtbot, win)  # the queue is idle: nothing more is on its way (no second copy)
        items = sb.mailbox(ALICE).items("drafts")
        assert len(items) == 1, [it["subject"] for it in items]
        it = items[0]
        assert it["subject"] == "saved while offline" and it["to"] == [BOB] and it["cc"] == [CAROL]
        assert (it["body"] or "").replace("\r\n", "\n") == before.body
        assert [(a["name"], a["content"]) for a in it["attachments"]] == [("notes.bin", f.read_bytes())]
        assert it["internet_message_id"] == before.internet_message_id
        assert c.current_ref() is not None and c.current_ref().id == it["id"]  # further saves update it
        assert bridge.outbox.queue.row_texts() == []  # saved: it left the Outbox
        assert c.state_label.text() == "Saved to Drafts"  # and Compose no longer says "not on server yet"
    finally:
        _close(bridge, win, session)


def test_outbox_page_shows_waiting_retrying_failed_and_done(qtbot, aloop, sandbox, tmp_path, screenshot_dir):
    """The row states as the user reads them in the Outbox page's table (Ctrl+4): waiting, retrying in
    N s, saving, not sent (with the reason) and sent; a save that reached the server leaves the table."""
    win, session = journal_window(qtbot, sandbox, tmp_path)
    bridge = win.journal_bridge
    try:
        qtbot.waitUntil(lambda: bridge.outbox is not None, timeout=5000)
        ob = bridge.outbox
        ob.parts.policy = RetryPolicy(base=4.0, settle_delay=4.0, jitter=0)  # a visible countdown, short test
        _key(win, Qt.Key_4)
        assert win.current_view() == "outbox"
        page = bridge._outbox_window
        assert page.isVisible()
        seen: dict[str, list[str]] = {}

        def table() -> dict[str, str]:
            t = page.table
            out = {}
            for i in range(t.rowCount()):
                if t.item(i, 0) is not None and t.item(i, 2) is not None:
                    out[t.item(i, 0).text()] = t.item(i, 2).text()
            for s, text in out.items():
                seen.setdefault(s, []).append(text)
            return out

        def changed(_event):  # after the page's own listener (subscribed first), we read the table
            table()

        ob.news.subscribe(OutboxChanged, changed)

        sandbox.max_send_bytes = 4000  # the server's limit is lower than the client knows: it refuses
        wait_task(qtbot, ob.submit(Draft(to=[Recipient(BOB)], subject="too large for the server",
                                         body="x" * 6000)))  # refused: not sent, with the reason
        wait_task(qtbot, ob.submit(Draft(to=[Recipient(BOB)], subject="goes out", body="y")))
        qtbot.waitUntil(lambda: table().get("goes out") == "Sent"
                        and table().get("too large for the server", "").startswith("Not sent: "), timeout=20000)
        sandbox.faults.inject("CreateItem", "http_500_html", count=1)
        wait_task(qtbot, ob.save(Draft(to=[Recipient(CAROL)], subject="retried", body="z"), wait=False))
        qtbot.waitUntil(lambda: table().get("retried", "").startswith("Retrying in "), timeout=20000)
        sandbox.faults.inject("CreateItem", "delay", count=1, seconds=3.0)
        wait_task(qtbot, ob.save(Draft(to=[Recipient(BOB)], subject="slow save", body="s"), wait=False))
        qtbot.waitUntil(lambda: table().get("slow save") == "Saving…", timeout=10000)
        wait_task(qtbot, ob.save(Draft(to=[Recipient(BOB)], subject="queued behind", body="q"), wait=False))
        qtbot.waitUntil(lambda: "queued behind" in table(), timeout=5000)  # the page repaints on its next turn
        now = table()
        assert now["queued behind"] == "Waiting — not on server yet"
        assert now["retried"].startswith("Retrying in ") and " s — not on server yet (" in now["retried"]
        refused = now["too large for the server"]
        assert refused.startswith("Not sent: ") and "ErrorMessageSizeExceeded" in refused
        assert now["goes out"] == "Sent"
        assert page.count_label.text() == "3 waiting, 1 not sent"
        win.grab().save(str(screenshot_dir / "outbox-states.png"))

        saves = ("retried", "slow save", "queued behind")
        qtbot.waitUntil(lambda: not any(s in table() for s in saves), timeout=40000)  # saved: they left
        wait_task(qtbot, ob.waits.drain(timeout=30), timeout=40000)  # nothing more on its way (no second copy)
        assert table() == {"too large for the server": refused, "goes out": "Sent"}
        assert page.count_label.text() == "1 not sent"
        assert "Waiting — not on server yet" in seen["queued behind"]
        assert "Saving…" in seen["slow save"]
        assert any(t.startswith("Retrying in ") for t in seen["retried"])
        # each save once; the refused send was saved before its send request (its content is kept there)
        assert sorted(it["subject"] for it in sandbox.mailbox(ALICE).items("drafts")) == [
            "queued behind", "retried", "slow save", "too large for the server"]
        assert [it["subject"] for it in sandbox.mailbox(BOB).items("inbox")] == ["goes out"]
        assert [it["subject"] for it in sandbox.mailbox(ALICE).items("sentitems")] == ["goes out"]
    finally:
        _close(bridge, win, session)
