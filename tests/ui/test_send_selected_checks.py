"""Send selected (Ctrl+Shift+Return in Drafts) as Compose's Send (issue 45, item 11), by keys in the real window
on the sandbox over HTTP:

- each draft gets Compose's local address check first: "bob@@example" never reaches the server (it came back
  as ErrorInvalidRecipients), its row says why, the others go; fixed and saved, the row's old error is gone;
- the batch is held in the undo-send window as a Compose send is, with ONE countdown for all of it: Ctrl+Z
  keeps every draft in Drafts, unsent; left alone, the batch goes out in one request when the window ends,
  never before. Time is the Outbox's injected clock (held still, then moved on), never waited for.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.outbox.submission import SubState
from app.domain.models import Folder
from tests.helpers.keys import CTRL, key
from tests.helpers.mailbox import items
from tests.helpers.ews_accounts import seed_drafts
from tests.helpers.backends import ALICE
from tests.helpers.windows import wait_idle, wait_task

SHIFT = Qt.ShiftModifier


def _drafts_page(qtbot, win, n: int):
    key(qtbot, win, Qt.Key_2, CTRL)
    d = win.drafts
    d.model.reload()
    qtbot.waitUntil(lambda: d.model.rowCount() == n and not d.model.loading, timeout=20000)
    d.table.setFocus()
    return d


def _status(d, subject: str) -> str:
    m = d.model
    s = next((m.summary(r) for r in range(m.rowCount()) if m.summary(r).subject == subject), None)
    return m.status(s.ref.id) if s is not None else "(gone)"


def test_send_selected_checks_each_address_like_compose_and_a_fixed_row_loses_its_error(qtbot, window, sandbox):
    win = window
    seed_drafts(sandbox, ALICE, {"Good one": "bob@example.com", "Typo": "bob@@example"})
    d = _drafts_page(qtbot, win, 2)
    key(qtbot, win, Qt.Key_A, CTRL)
    since = len(sandbox.request_log)
    key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
    qtbot.waitUntil(lambda: [m["subject"] for m in items(sandbox, Folder.SENT.value)] == ["Good one"], timeout=20000)
    wait_idle(qtbot, win)
    assert _status(d, "Good one") == "(gone)"  # sent: it left Drafts
    assert _status(d, "Typo") == "Not sent: “bob@@example” is not a valid e-mail address."
    assert sandbox.request_log[since:].count("SendItem") == 1
    assert [m["subject"] for m in items(sandbox, Folder.DRAFTS.value)] == ["Typo"]  # never sent, never refused
    assert "Typo" not in [m["subject"] for m in items(sandbox, "inbox", "bob@example.com")]

    # fixed in Compose and saved (Ctrl+S): its row no longer says it was not sent
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.current_view() == "compose" and win.compose.subject.text() == "Typo", timeout=10000)
    win.compose.to.setFocus()
    key(qtbot, win, Qt.Key_A, CTRL)
    qtbot.keyClicks(win.focusWidget(), "bob@example.com")
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: _status(d, "Typo") == "", timeout=20000)
    wait_idle(qtbot, win)
    assert items(sandbox, Folder.DRAFTS.value)[0]["to"] == ["bob@example.com"]


def test_send_selected_is_held_with_one_countdown_ctrl_z_keeps_the_drafts_then_it_goes_once(
        qtbot, window, sandbox, settings, screenshot_dir):
    win = window
    ob = win.session.outbox
    settings.set_undo_send_seconds(10)
    mono, wall = ob.parts.clock(), ob.parts.wall()
    ob.parts.clock, ob.parts.wall = (lambda: mono), (lambda: wall)  # the Outbox's injected clocks: held still
    subjects = {"Batch A": "bob@example.com", "Batch B": "bob@example.com", "Batch C": "bob@example.com"}
    seed_drafts(sandbox, ALICE, subjects)
    d = _drafts_page(qtbot, win, 3)
    bar = win.send_timing.batch.bar
    since = len(sandbox.request_log)

    key(qtbot, win, Qt.Key_A, CTRL)
    key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
    qtbot.waitUntil(bar.isVisible, timeout=10000)
    held = list(ob.queue.submissions())
    assert len(held) == 3 and {s.state for s in held} == {SubState.HELD}
    assert len({s.release_at for s in held}) == 1  # one countdown for the batch
    assert bar.label.text().startswith("Sending 3 drafts in 10 s")
    journal = win.journal_bridge.journal
    qtbot.waitUntil(lambda: [e.state for e in journal.entries()] == ["held"] * 3, timeout=5000)
    win.grab().save(str(screenshot_dir / "send-selected-countdown.png"))

    key(qtbot, win, Qt.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)
    assert {s.state for s in held} == {SubState.CANCELLED} and ob.queue.subs == {}
    qtbot.waitUntil(lambda: all(_status(d, s) == "Not sent: taken back (Undo)" for s in subjects), timeout=10000)
    ob.parts.clock, ob.parts.wall = (lambda: mono + 60), (lambda: wall + 60)  # well past the window: nothing goes
    ob.parts.worker.poke()
    wait_idle(qtbot, win)
    assert "SendItem" not in sandbox.request_log[since:] and items(sandbox, Folder.SENT.value) == []
    assert journal.entries() == []

    # again, and left alone: nothing before the window ends, then all three in ONE request
    ob.parts.clock, ob.parts.wall = (lambda: mono + 60), (lambda: wall + 60)
    d.table.setFocus()
    key(qtbot, win, Qt.Key_A, CTRL)
    key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
    qtbot.waitUntil(bar.isVisible, timeout=10000)
    held = list(ob.queue.submissions())
    assert {s.state for s in held} == {SubState.HELD}
    assert "SendItem" not in sandbox.request_log[since:]
    ob.parts.clock, ob.parts.wall = (lambda: mono + 71), (lambda: wall + 71)  # the window is over
    ob.parts.worker.poke()
    qtbot.waitUntil(lambda: len(items(sandbox, Folder.SENT.value)) == 3, timeout=20000)
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)  # its next tick: nothing left to count down
    assert {s.state for s in held} == {SubState.SENT}
    assert sandbox.request_log[since:].count("SendItem") == 1
    assert d.model.rowCount() == 0


def test_quitting_while_the_batch_counts_down_says_the_drafts_stay_in_drafts(qtbot, window, sandbox, settings):
    """Issue 45, item 5 for the batch: in its countdown nothing of it is being sent, so Ctrl+Q does not ask
    "quit when sent?" — it says per draft that it stays in Drafts, unsent."""
    from PySide6.QtWidgets import QApplication

    win = window
    ob = win.session.outbox
    settings.set_undo_send_seconds(10)
    mono, wall = ob.parts.clock(), ob.parts.wall()
    ob.parts.clock, ob.parts.wall = (lambda: mono), (lambda: wall)  # the Outbox's injected clocks: held still
    seed_drafts(sandbox, ALICE, {"Kept 1": "bob@example.com", "Kept 2": "bob@example.com"})
    _drafts_page(qtbot, win, 2)
    key(qtbot, win, Qt.Key_A, CTRL)
    key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
    qtbot.waitUntil(win.send_timing.batch.bar.isVisible, timeout=10000)
    qtbot.waitUntil(lambda: win.flows.sending == 0, timeout=5000)  # held: nothing is on its way
    key(qtbot, win, Qt.Key_Q, CTRL)
    box = win._close_question
    qtbot.waitUntil(lambda: box is not None and box.isVisible(), timeout=5000)
    lines = [line for line in box.text().splitlines() if line.startswith("• “")]
    assert len(lines) == 2 and all("stays in Drafts, unsent" in line for line in lines), box.text()
    assert not any(b.text() == "Quit when sent" for b in box.buttons())
    qtbot.waitUntil(lambda: box.isAncestorOf(QApplication.focusWidget()), timeout=5000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Escape)  # Keep open
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)
    assert win.isVisible() and "SendItem" not in sandbox.request_log
    win.drafts.table.setFocus()
    key(qtbot, win, Qt.Key_Z, CTRL)  # the batch taken back: no Send selected left waiting on a closed window
    wait_task(qtbot, win.flows.wait_idle(), timeout=20000)
    assert "SendItem" not in sandbox.request_log
