"""Issue 4 "Local journal" / "Offline and outbox" on the real window + JournalBridge + real sandbox
(exchangelib over HTTP, every SOAP body schema-checked):

- the journal is written on every view switch (Ctrl+2) and on close, not only by the typing timer;
- after a crash, every unsaved message comes back with its recipients and attachment bytes: the newest
  in Compose, the others on the server's Drafts (each exactly once), and the user is told so;
- Save while the server is down keeps the draft locally ("not on server yet"), and the Outbox puts it
  on the server (once, all fields) when it is back;
- the Outbox page (Ctrl+4) shows a row waiting, retrying in N s, failed (with the reason) and done.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.core.retry import RetryPolicy, new_message_id
from app.domain.models import Attachment, Draft, Recipient
from app.storage.journal import Journal
from app.ui.journal_bridge import JournalBridge
from tests.reliability.test_outbox_view import _window
from tests.ui.conftest import ALICE, BOB, close_window

CAROL = "carol@example.com"
NOT_ON_SERVER = "Kept on this computer — not on server yet"  # Compose's save-state label, word for word


def _key(win, key) -> None:
    QTest.keyClick(win, key, Qt.ControlModifier)


def _close(bridge, win, session) -> None:
    bridge.close()
    close_window(win, session)


def test_view_switch_and_close_write_the_journal(qtbot, aloop, sandbox, tmp_path):
    win, session = _window(qtbot, sandbox, tmp_path)
    journal = Journal(tmp_path / "journal.sqlite3")
    bridge = JournalBridge(win, journal=journal)
    bridge.autosave.idle = bridge.autosave.max_delay = 60.0  # the typing timer never fires: only flushes write
    try:
        win.show_view("compose")
        c = win.compose
        c.to.set_recipients([Recipient(BOB)])
        c.cc.set_recipients([Recipient(CAROL)])
        c.subject.setText("flushed on switch")
        c.body.setFocus()
        qtbot.keyClicks(c.body, "typed before Ctrl+2")
        qtbot.wait(200)
        assert journal.count() == 0 and bridge.autosave.pending  # nothing written yet: the timer is long
        _key(win, Qt.Key_2)
        assert win.current_view() == "drafts"
        entries = journal.entries()  # at once: no waiting
        assert len(entries) == 1
        d = entries[0].draft
        assert (d.subject, d.body) == ("flushed on switch", "typed before Ctrl+2")
        assert d.to == [Recipient(BOB)] and d.cc == [Recipient(CAROL)]
        assert d.internet_message_id  # given at the first keystroke (for exactly-once after a crash)

        _key(win, Qt.Key_1)
        assert win.current_view() == "compose"
        c.body.setFocus()
        c.body.moveCursor(c.body.textCursor().MoveOperation.End)
        qtbot.keyClicks(c.body, ", then more before closing")
        qtbot.wait(200)
        assert journal.entries()[0].draft.body == "typed before Ctrl+2"  # still the switch's copy
        win._force_close = True
        win.close()  # the real close path (closeEvent); the bridge watches the window's Close event
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
    reopens in Compose; the other two go to the server's Drafts, each once, with everything; the user is
    told; the journal then holds only the message in Compose."""
    path = tmp_path / "journal.sqlite3"
    seeded = [_unsaved(s, i) for i, s in enumerate(("oldest unsaved", "middle unsaved", "newest unsaved"))]
    j = Journal(path)
    for d in seeded:
        j.record(d)
        time.sleep(0.02)  # distinct "updated" times: the last one is the newest
    j.close()

    win, session = _window(qtbot, sandbox, tmp_path)
    said: list[str] = []
    win.statusBar().messageChanged.connect(said.append)
    journal = Journal(path)
    bridge = JournalBridge(win, journal=journal)  # the session is connected: recovery runs now
    try:
        c = win.compose
        d = c.draft()
        newest = seeded[-1]
        assert (d.subject, d.body) == (newest.subject, newest.body)
        assert d.to == [Recipient(BOB)] and d.cc == [Recipient(CAROL)]
        assert [(a.name, a.content) for a in d.attachments] == [(a.name, a.content) for a in newest.attachments]
        assert any(m.startswith("Reopened the message you were writing; 2 other unsaved messages go to Drafts")
                   for m in said), said

        def on_server():
            return [it for it in sandbox.mailbox(ALICE).items("drafts")]

        qtbot.waitUntil(lambda: len(on_server()) >= 2 and journal.count() == 1, timeout=30000)
        qtbot.waitUntil(lambda: "2 other unsaved messages were restored to Drafts" in said, timeout=5000)
        qtbot.wait(1500)  # nothing more arrives (no second copy)
        items = on_server()
        assert sorted(it["subject"] for it in items) == ["middle unsaved", "oldest unsaved"]
        for want in seeded[:2]:
            it = next(x for x in items if x["subject"] == want.subject)
            assert it["to"] == [BOB] and it["cc"] == [CAROL]
            assert (it["body"] or "").replace("\r\n", "\n") == want.body
            assert [(a["name"], a["content"]) for a in it["attachments"]] == [
                (a.name, a.content) for a in want.attachments]
            assert it["internet_message_id"] == want.internet_message_id
        left = journal.entries()
        assert [e.local_id for e in left] == [newest.local_id] == [c.draft().local_id]
        assert bridge.outbox is not None and all(t == "Saved" for _, _, t in bridge.outbox.row_texts())
        win.grab().save(str(screenshot_dir / "recovered-after-crash.png"))
        _key(win, Qt.Key_2)  # and the user finds them in the Drafts list
        qtbot.waitUntil(lambda: not win.drafts.model.loading and sorted(
            m.subject for m in win.drafts.model.summaries()) == ["middle unsaved", "oldest unsaved"], timeout=10000)
    finally:
        _close(bridge, win, session)


def test_save_while_server_down_is_kept_locally_then_saved_once(qtbot, aloop, sandbox_factory, tmp_path,
                                                               screenshot_dir):
    """Ctrl+S with the server stopped: Compose says "not on server yet" and keeps everything; the Outbox
    retries with backoff; the server comes back (same data dir, same port): exactly one draft with all
    fields, the journal entry is gone, Compose says "Saved"."""
    sb = sandbox_factory(data=str(tmp_path / "sb"))  # stop() + start() keep its port and data
    win, session = _window(qtbot, sb, tmp_path)
    journal = Journal(tmp_path / "journal.sqlite3")
    bridge = JournalBridge(win, journal=journal)
    try:
        qtbot.waitUntil(lambda: bridge.outbox is not None, timeout=5000)
        # shorter than the defaults (10 s settle, 2 s base) to keep the test short; still a growing backoff
        bridge.outbox.policy = RetryPolicy(base=1.0, factor=2.0, settle_delay=1.0, jitter=0)
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
        qtbot.waitUntil(lambda: texts.extend(t for _, _, t in bridge.outbox.row_texts()) or any(
            t.startswith("Retrying in ") for t in texts), timeout=30000)  # an attempt failed: backoff
        win.grab().save(str(screenshot_dir / "offline-save.png"))
        assert c.state_label.text() == NOT_ON_SERVER
        assert any("not on server yet" in t for t in texts if t.startswith("Retrying in "))  # the Outbox row too

        sb.start()
        qtbot.waitUntil(lambda: journal.count() == 0 and c.state_label.text() == "Saved", timeout=60000)
        qtbot.wait(1000)
        items = sb.mailbox(ALICE).items("drafts")
        assert len(items) == 1, [it["subject"] for it in items]
        it = items[0]
        assert it["subject"] == "saved while offline" and it["to"] == [BOB] and it["cc"] == [CAROL]
        assert (it["body"] or "").replace("\r\n", "\n") == before.body
        assert [(a["name"], a["content"]) for a in it["attachments"]] == [("notes.bin", f.read_bytes())]
        assert it["internet_message_id"] == before.internet_message_id
        assert c.current_ref() is not None and c.current_ref().id == it["id"]  # further saves update it
        assert bridge.outbox.row_texts()[0][2] == "Saved"
    finally:
        _close(bridge, win, session)


def test_outbox_page_shows_waiting_retrying_failed_and_done(qtbot, aloop, sandbox, tmp_path, screenshot_dir):
    """The four row states as the user reads them in the Outbox page's table (Ctrl+4)."""
    win, session = _window(qtbot, sandbox, tmp_path)
    bridge = JournalBridge(win, journal=Journal(tmp_path / "journal.sqlite3"))
    try:
        qtbot.waitUntil(lambda: bridge.outbox is not None, timeout=5000)
        ob = bridge.outbox
        ob.policy = RetryPolicy(base=4.0, settle_delay=4.0, jitter=0)  # a visible countdown, short test
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

        prev = ob.on_change  # the page's own refresh runs first, then we read the table

        def changed():
            prev()
            table()

        ob.on_change = changed

        ob.send(Draft(subject="no recipients", body="x"))  # refused: failed, with the reason
        ob.send(Draft(to=[Recipient(BOB)], subject="goes out", body="y"))
        qtbot.waitUntil(lambda: table().get("goes out") == "Sent"
                        and table().get("no recipients", "").startswith("Failed: "), timeout=20000)
        sandbox.faults.inject("CreateItem", "http_500_html", count=1)
        ob.queue_save(Draft(to=[Recipient(CAROL)], subject="retried", body="z"))
        qtbot.waitUntil(lambda: table().get("retried", "").startswith("Retrying in "), timeout=20000)
        sandbox.faults.inject("CreateItem", "delay", count=1, seconds=3.0)
        ob.queue_save(Draft(to=[Recipient(BOB)], subject="slow save", body="s"))
        qtbot.waitUntil(lambda: table().get("slow save") == "Saving…", timeout=10000)
        ob.queue_save(Draft(to=[Recipient(BOB)], subject="queued behind", body="q"))
        now = table()
        assert now["queued behind"] == "Waiting — not on server yet"
        assert now["retried"].startswith("Retrying in ") and " s — " in now["retried"]
        assert now["no recipients"].startswith("Failed: ") and "recipient" in now["no recipients"].lower()
        assert now["goes out"] == "Sent"
        assert page.count_label.text() == "3 waiting, 1 failed"
        win.grab().save(str(screenshot_dir / "outbox-states.png"))

        qtbot.waitUntil(lambda: all(table().get(s) == "Saved" for s in ("retried", "slow save", "queued behind")),
                        timeout=40000)
        assert table()["no recipients"].startswith("Failed: ")
        assert "Waiting — not on server yet" in seen["queued behind"]
        assert any(t.startswith("Retrying in ") for t in seen["retried"])
        assert sorted(it["subject"] for it in sandbox.mailbox(ALICE).items("drafts")) == [
            "queued behind", "retried", "slow save"]
        assert [it["subject"] for it in sandbox.mailbox(BOB).items("inbox")] == ["goes out"]
    finally:
        _close(bridge, win, session)
