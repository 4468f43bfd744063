"""What a screen-reader user hears of a save and a send (issue 62), by real keys in the real window on the sandbox
over HTTP: every announcement the window makes goes through ``win.announcer`` (app/ui/common/announce.py), whose
``said`` signal the tests record, with its politeness. Each is asserted once, in order, with the exact words
the window shows. The undo window ends on the Outbox's injected clocks, never waited for; a refusal is the
sandbox's fault injection."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.outbox.submission import SubState
from tests.helpers.backends import op
from tests.helpers.compose import type_message
from tests.helpers.holds import HeldClocks
from tests.helpers.keys import CTRL, SHIFT, focused, key
from tests.helpers.mailbox import seed_drafts
from tests.helpers.status_bar import whole_message
from tests.helpers.windows import close_window, open_window, wait_idle, wait_task

POLITE, ASSERTIVE = False, True


def _record(win) -> list[tuple[str, bool]]:
    """What the window says, less the address suggestions (they answer the typing of an address, whether the
    directory has answered by then or not: tests/ui/test_suggestions_spoken.py has them)."""
    said: list[tuple[str, bool]] = []
    win.announcer.said.connect(lambda text, assertive: None if text.endswith((" suggestion", " suggestions"))
                               else said.append((text, assertive)))
    return said


def _until_said(qtbot, said, words: str, timeout: int = 20000) -> None:
    qtbot.waitUntil(lambda: any(w == words for w, _a in said), timeout=timeout)


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_compose_save_send_fail_and_take_back_are_each_announced_once_in_order(
        qtbot, aloop, ui_sandbox, ui_backend, settings, screenshot_dir):
    win, session = open_window(qtbot, ui_sandbox, settings, connected=True, backend=ui_backend)
    c = win.compose
    try:
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        settings.set_undo_send_seconds(10)  # the app's default (the test suite's is off)
        ob = session.outbox
        said = _record(win)

        # compose, save (Ctrl+S): where it is
        type_message(qtbot, win, cc="", bcc="", subject="Team lunch", body="Friday at noon?")
        key(qtbot, win, Qt.Key_S, CTRL)
        _until_said(qtbot, said, "Saved to Drafts")

        # send (Ctrl+Return): the countdown's start, with where the keyboard went by itself
        local_id = c.identity().local_id
        clocks = HeldClocks(ob)
        key(qtbot, win, Qt.Key_Return, CTRL)
        qtbot.waitUntil(win.send_timing.bar.isVisible, timeout=10000)
        sub = ob.queue.submission(local_id)
        assert sub.state == SubState.HELD
        assert focused() is c.to.edit, "after a send the cursor is in the new message's To"
        # its last 3 s: said once, at the bar's next second (the Outbox's clock moved, not waited for)
        clocks.advance(sub.retry_at - ob.parts.clock() - 3, poke=False)
        _until_said(qtbot, said, "Sending “Team lunch” in 3 s — Ctrl+Z or Undo takes it back")
        clocks.advance(1, poke=False)  # the next second is shown, not said (no countdown read every second)
        qtbot.waitUntil(lambda: "in 2 s" in win.send_timing.bar.label.text(), timeout=5000)
        clocks.advance(60)  # the undo window is over: sent
        qtbot.waitUntil(lambda: sub.state == SubState.SENT, timeout=20000)
        _until_said(qtbot, said, "Sent: Team lunch")
        wait_idle(qtbot, win)

        # a per-item failure: the server refuses the next one after its undo window
        ui_sandbox.faults.inject(op(ui_backend, "SendItem"), "item_error", count=1, code="ErrorInvalidRecipients",
                                 text="No valid recipients")
        type_message(qtbot, win, cc="", bcc="", subject="Budget", body="The numbers.")
        local_id = c.identity().local_id
        key(qtbot, win, Qt.Key_Return, CTRL)
        qtbot.waitUntil(win.send_timing.bar.isVisible, timeout=10000)
        sub = ob.queue.submission(local_id)
        clocks.advance(60)
        qtbot.waitUntil(lambda: sub.state == SubState.FAILED, timeout=20000)
        refused = ("Not sent: No valid recipients (ErrorInvalidRecipients) — it is in the Outbox (Ctrl+4); Enter there "
                   "takes it back")  # the reason in words, as the status bar shows it
        _until_said(qtbot, said, refused)
        wait_idle(qtbot, win)

        # take-back: Enter on it in the Outbox brings it back into Compose, the cursor in it
        key(qtbot, win, Qt.Key_4, CTRL)
        view = win.journal_bridge.show_outbox()
        qtbot.waitUntil(lambda: "Budget" in [r[0] for r in view.rows()], timeout=5000)
        view.table.setFocus()
        for _ in range(len(view.rows())):  # the arrow keys to its row (the sent one may be listed too)
            if view.current_id() == local_id:
                break
            key(qtbot, win, Qt.Key_Down)
        assert view.current_id() == local_id
        key(qtbot, win, Qt.Key_Return)
        qtbot.waitUntil(lambda: win.current_view() == "compose" and c.subject.text() == "Budget", timeout=5000)
        _until_said(qtbot, said, "Sending cancelled: the message is back in Compose")
        assert c.isAncestorOf(focused()), "the message is back in Compose with the keyboard in it"
        wait_idle(qtbot, win)
        if ui_backend == "ews":
            win.grab().save(str(screenshot_dir / "announced-take-back.png"))

        assert said == [
            ("Saved to Drafts", POLITE),
            ("Sending “Team lunch” in 10 s — Ctrl+Z or Undo takes it back. New message.", POLITE),
            ("Sending “Team lunch” in 3 s — Ctrl+Z or Undo takes it back", POLITE),
            ("Sent: Team lunch", POLITE),
            ("Sending “Budget” in 10 s — Ctrl+Z or Undo takes it back. New message.", POLITE),
            (refused, ASSERTIVE),
            ("Sending cancelled: the message is back in Compose", POLITE),
        ], said
    finally:
        close_window(win, session)


def test_undo_off_sent_refused_and_ctrl_z_take_back_are_announced(qtbot, aloop, sandbox, settings):
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    c = win.compose
    try:
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        settings.set_undo_send_seconds(0)
        said = _record(win)

        # sent at once: the cursor goes to a new message by itself, and the words say so
        type_message(qtbot, win, cc="", bcc="", subject="Quick note", body="Hi.")
        key(qtbot, win, Qt.Key_Return, CTRL)
        _until_said(qtbot, said, "Sent: Quick note. New message.")
        assert focused() is c.to.edit
        wait_idle(qtbot, win)

        # refused at once: the reason in words, assertive; the message stays in Compose
        sandbox.faults.inject("SendItem", "item_error", count=1, code="ErrorSendAsDenied")
        type_message(qtbot, win, cc="", bcc="", subject="Refused", body="Hi.")
        key(qtbot, win, Qt.Key_Return, CTRL)
        qtbot.waitUntil(lambda: c.state() == "Not sent", timeout=20000)
        wait_idle(qtbot, win)
        refused = [w for w, a in said if a]
        assert refused == ["Not sent: You are not allowed to send as this sender (ErrorSendAsDenied)"], said
        assert c.subject.text() == "Refused"

        # a new message (Ctrl+N): the refused one goes to Drafts, and where is said
        key(qtbot, win, Qt.Key_N, CTRL)
        _until_said(qtbot, said, "The previous message was saved to Drafts")
        wait_idle(qtbot, win)

        # undo send on, Ctrl+Z: back in Compose, said once
        settings.set_undo_send_seconds(10)
        type_message(qtbot, win, cc="", bcc="", subject="Second thoughts", body="Hmm.")
        HeldClocks(session.outbox)  # held still: the window never ends by itself
        key(qtbot, win, Qt.Key_Return, CTRL)
        qtbot.waitUntil(win.send_timing.bar.isVisible, timeout=10000)
        assert focused() is c.to.edit
        key(qtbot, win, Qt.Key_Z, CTRL)
        qtbot.waitUntil(lambda: c.subject.text() == "Second thoughts", timeout=5000)
        _until_said(qtbot, said, "Not sent: “Second thoughts” is back in Compose")
        assert c.isAncestorOf(focused())
        wait_idle(qtbot, win)
        assert said == [
            ("Sent: Quick note. New message.", POLITE),
            (refused[0], ASSERTIVE),
            ("The previous message was saved to Drafts", POLITE),
            ("Sending “Second thoughts” in 10 s — Ctrl+Z or Undo takes it back. New message.", POLITE),
            ("Not sent: “Second thoughts” is back in Compose", POLITE),
        ], said
    finally:
        close_window(win, session)


def _send_selected(qtbot, win, sandbox, n: int, prefix: str):
    seed_drafts(sandbox, n, prefix=prefix)
    key(qtbot, win, Qt.Key_2, CTRL)
    d = win.drafts
    key(qtbot, win, Qt.Key_F5)
    qtbot.waitUntil(lambda: d.model.rowCount() == n and not d.model.loading, timeout=20000)
    d.table.setFocus()
    key(qtbot, win, Qt.Key_A, CTRL)
    key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
    qtbot.waitUntil(win.send_timing.batch.bar.isVisible, timeout=10000)


def test_send_selected_countdown_and_its_end_are_announced(qtbot, window, sandbox, settings):
    win, ob = window, window.session.outbox
    settings.set_undo_send_seconds(10)
    clocks = HeldClocks(ob)
    said = _record(win)
    _send_selected(qtbot, win, sandbox, 3, "Batch")
    held = [s for s in ob.queue.submissions() if s.state == SubState.HELD]
    clocks.advance(max(s.retry_at for s in held) - ob.parts.clock() - 3, poke=False)
    _until_said(qtbot, said, "Sending 3 drafts in 3 s — Ctrl+Z or Undo keeps them in Drafts")
    clocks.advance(1, poke=False)  # the next second is shown, not said
    qtbot.waitUntil(lambda: "in 2 s" in win.send_timing.batch.bar.label.text(), timeout=5000)
    clocks.advance(60)
    wait_idle(qtbot, win)
    assert said == [
        ("Sending 3 drafts in 10 s — Ctrl+Z or Undo keeps them in Drafts", POLITE),
        ("Sending 3 drafts in 3 s — Ctrl+Z or Undo keeps them in Drafts", POLITE),
        ("Sent 3 of 3", POLITE),
    ], said
    assert whole_message(win) == "Sent 3 of 3"


def test_send_selected_taken_back_is_announced_once(qtbot, window, sandbox, settings):
    win, ob = window, window.session.outbox
    settings.set_undo_send_seconds(10)
    HeldClocks(ob)  # held still: the countdown never ends by itself
    said = _record(win)
    _send_selected(qtbot, win, sandbox, 2, "Undo me")
    key(qtbot, win, Qt.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not win.send_timing.batch.bar.isVisible(), timeout=5000)
    wait_idle(qtbot, win)
    assert said == [("Sending 2 drafts in 10 s — Ctrl+Z or Undo keeps them in Drafts", POLITE),
                    ("Not sent: 2 drafts stay in Drafts", POLITE)], said


def test_a_send_waiting_in_the_outbox_then_refused_is_announced(qtbot, window, sandbox, settings):
    """Undo send off, the server busy: the send waits in the Outbox (said with where the keyboard went), then the
    server refuses it: a per-item error arriving in the Outbox, said at once."""
    win, ob = window, window.session.outbox
    settings.set_undo_send_seconds(0)
    clocks = HeldClocks(ob)
    said = _record(win)
    sandbox.faults.inject("SendItem", "server_busy", count=1, backoff_ms=600_000)
    type_message(qtbot, win, cc="", bcc="", subject="Busy then refused", body="Hello.")
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: any("In the Outbox (server busy" in w for w, _a in said), timeout=20000)
    sub = next(iter(ob.queue.submissions()))
    sandbox.faults.inject("SendItem", "item_error", count=1, code="ErrorInvalidRecipients", text="No valid recipients")
    clocks.advance(601)  # the server's back-off is over: tried again, refused
    qtbot.waitUntil(lambda: sub.state == SubState.FAILED, timeout=20000)
    wait_idle(qtbot, win)
    waiting = said[0][0]
    assert waiting.startswith("In the Outbox (server busy") and waiting.endswith(
        ": it goes out by itself (Ctrl+4). New message."), waiting
    assert said == [
        (waiting, POLITE),
        ("Not sent: No valid recipients (ErrorInvalidRecipients) — it is in the Outbox (Ctrl+4); Enter there takes it "
         "back", ASSERTIVE),
    ], said


def test_send_later_is_announced_with_where_the_keyboard_went(qtbot, window):
    win, c = window, window.compose
    said = _record(win)
    type_message(qtbot, win, cc="", bcc="", subject="Board minutes", body="To follow.")
    key(qtbot, win, Qt.Key_T, CTRL | SHIFT)
    timing = win.send_timing
    qtbot.waitUntil(lambda: timing.dialog is not None and focused() is timing.dialog.when, timeout=5000)
    qtbot.keyClicks(timing.dialog.when, "in 2 h")
    qtbot.keyClick(timing.dialog.when, Qt.Key_Return)
    qtbot.waitUntil(lambda: bool(said), timeout=10000)
    wait_task(qtbot, win.flows.wait_idle())  # (the server keeps the message 2 h)
    words = said[0][0]
    assert words.startswith("Scheduled: “Board minutes” sends at ") and words.endswith(
        "Exchange keeps it in the Outbox (Ctrl+4), even with Dispatch closed; Enter there takes it back. "
        "New message."), words
    assert said == [(words, POLITE)] and words.replace(" New message.", "") == whole_message(win)
    qtbot.waitUntil(lambda: focused() is c.to.edit, timeout=5000)


def test_a_refusal_arriving_in_the_outbox_after_its_words_left_the_status_bar_is_announced(
        qtbot, window, sandbox, settings):
    """The send waits in the Outbox; the status bar has moved on to other words meanwhile, so nothing follows the
    send there: its refusal, when the server's back-off is over, is still said, once."""
    win, ob = window, window.session.outbox
    settings.set_undo_send_seconds(0)
    clocks = HeldClocks(ob)
    said = _record(win)
    sandbox.faults.inject("SendItem", "server_busy", count=1, backoff_ms=600_000)
    type_message(qtbot, win, cc="", bcc="", subject="Waited long", body="Hello.")
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: any("In the Outbox (server busy" in w for w, _a in said), timeout=20000)
    wait_task(qtbot, win.flows.wait_idle())
    key(qtbot, win, Qt.Key_S, CTRL)  # Compose is empty: the status bar says so, and no longer speaks of the send
    qtbot.waitUntil(lambda: win.statusBar().currentMessage() == "Nothing to save: Compose is empty", timeout=5000)
    sub = next(iter(ob.queue.submissions()))
    sandbox.faults.inject("SendItem", "item_error", count=1, code="ErrorInvalidRecipients", text="No valid recipients")
    clocks.advance(601)
    qtbot.waitUntil(lambda: sub.state == SubState.FAILED, timeout=20000)
    wait_idle(qtbot, win)
    assert said[1:] == [
        ("Nothing to save: Compose is empty", POLITE),  # the status bar's answer to Ctrl+S (the live region)
        ("Not sent: No valid recipients (ErrorInvalidRecipients) — it is in the Outbox (Ctrl+4); Enter there takes it "
         "back", ASSERTIVE),
    ], said


def test_a_save_the_server_cannot_take_now_says_it_is_kept_on_this_computer_then_saved(qtbot, window, sandbox):
    win, c = window, window.compose
    clocks = HeldClocks(window.session.outbox)
    said = _record(win)
    sandbox.faults.inject("CreateItem", "http_503", count=-1, retry_after=60)
    type_message(qtbot, win, cc="", bcc="", subject="Offline draft", body="Later.")
    key(qtbot, win, Qt.Key_S, CTRL)
    _until_said(qtbot, said, "No connection: kept on this computer; saved to the server when it is back")
    assert c.state() == "Kept on this computer — not on server yet"
    sandbox.faults.clear()
    clocks.advance(61)  # the server's Retry-After is over: the queue saves it by itself
    _until_said(qtbot, said, "Saved to Drafts")
    wait_idle(qtbot, win)
    assert c.state() == "Saved to Drafts"
    assert said == [("No connection: kept on this computer; saved to the server when it is back", POLITE),
                    ("Saved to Drafts", POLITE)], said


def test_a_draft_kept_on_this_computer_then_sent_is_not_said_saved_to_drafts(qtbot, window, sandbox, settings):
    """Ctrl+S with the server unreachable keeps the draft on this computer; Ctrl+Return then hands it to the
    Outbox. When the server is back, the Outbox saves it before sending it: that save is the send's, not the
    kept draft reaching Drafts, and "Saved to Drafts" would be false about a message being sent."""
    win, ob = window, window.session.outbox
    settings.set_undo_send_seconds(0)
    clocks = HeldClocks(ob)
    said = _record(win)
    sandbox.faults.inject("CreateItem", "http_503", count=-1, retry_after=60)
    type_message(qtbot, win, cc="", bcc="", subject="Kept then sent", body="Later.")
    local_id = win.compose.identity().local_id
    key(qtbot, win, Qt.Key_S, CTRL)
    _until_said(qtbot, said, "No connection: kept on this computer; saved to the server when it is back")
    wait_task(qtbot, win.flows.wait_idle())  # (the Outbox is not drained: the draft waits in it)
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: any(w.startswith("In the Outbox (") for w, _a in said), timeout=20000)
    sandbox.faults.clear()
    clocks.advance(61)  # the server's Retry-After is over: the Outbox saves it, then sends it
    sub = ob.queue.submission(local_id)
    qtbot.waitUntil(lambda: sub.state == SubState.SENT, timeout=20000)
    wait_idle(qtbot, win)
    assert "Saved to Drafts" not in [w for w, _a in said], said
    waiting = said[1][0]
    assert waiting.startswith("In the Outbox (") and waiting.endswith("New message."), said
    assert said == [("No connection: kept on this computer; saved to the server when it is back", POLITE),
                    (waiting, POLITE), ("Sent: Kept then sent", POLITE)], said


def _waits_in_the_outbox_out_of_the_bar(qtbot, win, sandbox, said, subject: str):
    """Undo send off, the server busy: ``subject`` waits in the Outbox; then Ctrl+S on the empty Compose puts
    other words in the status bar, so nothing follows the send there any more. Its submission."""
    sandbox.faults.inject("SendItem", "server_busy", count=1, backoff_ms=600_000)
    type_message(qtbot, win, cc="", bcc="", subject=subject, body="Hello.")
    local_id = win.compose.identity().local_id
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: any("In the Outbox (server busy" in w for w, _a in said), timeout=20000)
    wait_task(qtbot, win.flows.wait_idle())
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: win.statusBar().currentMessage() == "Nothing to save: Compose is empty", timeout=5000)
    return win.session.outbox.queue.submission(local_id)


def test_a_send_that_waited_in_the_outbox_is_said_sent_when_it_goes_after_its_words_left_the_status_bar(
        qtbot, window, sandbox, settings):
    win, ob = window, window.session.outbox
    settings.set_undo_send_seconds(0)
    clocks = HeldClocks(ob)
    said = _record(win)
    sub = _waits_in_the_outbox_out_of_the_bar(qtbot, win, sandbox, said, "Waited then sent")
    clocks.advance(601)  # the server's back-off is over: tried again, sent
    qtbot.waitUntil(lambda: sub.state == SubState.SENT, timeout=20000)
    wait_idle(qtbot, win)
    assert said[1:] == [("Nothing to save: Compose is empty", POLITE), ("Sent: Waited then sent", POLITE)], said


def test_a_scheduled_send_is_never_said_sent_when_the_server_takes_it(qtbot, window, sandbox, settings):
    """Send later: the server takes the message at once and keeps it until its time. That it reached the server is
    not "Sent": only the scheduling is said (the server sends it later, maybe with Dispatch closed)."""
    win, ob = window, window.session.outbox
    said = _record(win)
    type_message(qtbot, win, cc="", bcc="", subject="Board minutes", body="To follow.")
    key(qtbot, win, Qt.Key_T, CTRL | SHIFT)
    timing = win.send_timing
    qtbot.waitUntil(lambda: timing.dialog is not None and focused() is timing.dialog.when, timeout=5000)
    qtbot.keyClicks(timing.dialog.when, "in 2 h")
    qtbot.keyClick(timing.dialog.when, Qt.Key_Return)
    # waited on its own line: on a loaded machine another line (the connection's) can come before it
    qtbot.waitUntil(lambda: any(w.startswith("Scheduled: ") for w, _a in said), timeout=10000)
    # the server has it, kept: waited there, since the Outbox's own row may already have made way for the row of
    # the server's copy (a read of the server's Outbox forgets a send that it lists)
    qtbot.waitUntil(lambda: [m["subject"] for m in sandbox.mailbox("alice@example.com").items("outbox")]
                    == ["Board minutes"], timeout=20000)
    wait_idle(qtbot, win)
    assert all(s.state == SubState.SENT for s in ob.queue.submissions()), ob.queue.submissions()
    assert [w for w, _a in said if w.startswith(("Sent", "Sending"))] == [], said


def test_a_waiting_sends_refusal_is_said_while_another_send_is_under_way(qtbot, window, sandbox, settings):
    """Message A waits in the Outbox (server busy), its words gone from the status bar; Send selected is sending
    draft B (reading it for its check: the server slow to answer). Meanwhile the server refuses A: B's send
    being under way does not hide A's refusal. B then waits in its undo window and goes; its end is the
    batch's."""
    win, ob = window, window.session.outbox
    settings.set_undo_send_seconds(0)
    clocks = HeldClocks(ob)
    said = _record(win)
    a = _waits_in_the_outbox_out_of_the_bar(qtbot, win, sandbox, said, "Message A")
    settings.set_undo_send_seconds(10)
    seed_drafts(sandbox, 1, prefix="Draft B")
    key(qtbot, win, Qt.Key_2, CTRL)
    d = win.drafts
    key(qtbot, win, Qt.Key_F5)

    def row_b():
        return next((r for r in range(d.model.rowCount()) if d.model.summary(r).subject.startswith("Draft B")), None)
    qtbot.waitUntil(lambda: row_b() is not None and not d.model.loading, timeout=20000)
    d.table.setFocus()
    key(qtbot, win, Qt.Key_Home)
    for _ in range(d.model.rowCount()):  # the arrow keys to B's row (A's draft is listed too)
        if d.table.currentIndex().row() == row_b():
            break
        key(qtbot, win, Qt.Key_Down)
    assert d.table.currentIndex().row() == row_b()
    # its preview read first (the delay below is for the send's own read)
    qtbot.waitUntil(lambda: getattr(d.preview.message, "subject", "").startswith("Draft B"), timeout=10000)
    sandbox.faults.inject("GetItem", "delay", count=1, seconds=60)  # on the faults' time: until skip()
    key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
    qtbot.waitUntil(lambda: sandbox.faults.pausing() == 1, timeout=10000)  # B's send under way: its read
    assert win.flows.sending == 1
    sandbox.faults.inject("SendItem", "item_error", count=1, code="ErrorInvalidRecipients", text="No valid recipients")
    clocks.advance(601)  # A's back-off is over: tried again, refused
    qtbot.waitUntil(lambda: a.state == SubState.FAILED, timeout=20000)
    sandbox.faults.skip(60)  # B read: held in its undo window
    qtbot.waitUntil(win.send_timing.batch.bar.isVisible, timeout=10000)
    [b] = [s for s in ob.queue.submissions() if s.state == SubState.HELD]
    clocks.advance(11)
    qtbot.waitUntil(lambda: b.state == SubState.SENT, timeout=20000)
    wait_idle(qtbot, win)
    assert said[1:] == [
        ("Nothing to save: Compose is empty", POLITE),
        ("Not sent: No valid recipients (ErrorInvalidRecipients) — it is in the Outbox (Ctrl+4); Enter there takes it "
         "back", ASSERTIVE),
        ("Sending 1 draft in 10 s — Ctrl+Z or Undo keeps it in Drafts", POLITE),
        ("Sent 1 of 1", POLITE),
    ], said
