"""The five ways sending went wrong before there was one submission path, each reproduced as a user
would, on the real window against the real sandbox over HTTP (real exchangelib). Nothing is mocked.

1. a refused Send (not in Compose, or no recipient) never goes out later, whatever the connection does;
2. a send the server completed while the app was dying is found in Sent Items after the restart: the
   message does not come back as a draft and cannot be sent twice;
3. accounts are kept apart (tests/ui/test_accounts_apart.py);
4. after a batch send from Drafts, Compose no longer offers the message that went out;
5. a 318-character subject is refused at the field, before the network, and never retried.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.outbox.policy import RetryPolicy
from app.core.outbox.submission import SubState
from app.domain.models import Draft, Folder, Recipient
from app.storage.journal import Journal
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.mailbox import items, seed_drafts
from tests.helpers.status_bar import record_messages
from tests.helpers.backends import BOB, logged, op
from tests.helpers.windows import close_window, open_window, wait_idle, wait_task


def _sends_in_journal(journal: Journal) -> list:
    return [e for e in journal.entries() if e.op == "send"]


def test_1_a_send_refused_outside_compose_never_goes_out_later(qtbot, aloop, sandbox_factory, settings, tmp_path):
    sb = sandbox_factory(data=str(tmp_path / "sb"))  # stop() + start() keep its port and data
    journal = Journal(tmp_path / "journal.sqlite3")
    win, session = open_window(qtbot, sb, settings, connected=True, journal=journal)
    said = record_messages(win)
    try:
        type_message(qtbot, win, subject="not to be sent", body="half written")
        key(qtbot, win, Qt.Key_2, CTRL)
        key(qtbot, win, Qt.Key_Return, CTRL)  # once, from Drafts: the app asks to press it again
        qtbot.waitUntil(lambda: any("Press Ctrl+Return again" in m for m in said), timeout=5000)
        assert win.current_view() == "compose"
        # the connection drops and the user refreshes: nothing may move out of Compose
        sb.stop()
        key(qtbot, win, Qt.Key_F5)
        qtbot.waitUntil(lambda: win.session.state.value == "offline", timeout=20000)
        wait_task(qtbot, win.flows.wait_idle())
        assert win.compose.subject.text() == "not to be sent"
        assert _sends_in_journal(journal) == [] and win.session.outbox.rows() == []
        sb.start()
        win.flows.retry()
        qtbot.waitUntil(lambda: win.session.state.value == "connected", timeout=20000)
        wait_task(qtbot, win.session.outbox.waits.drain(timeout=30))
        wait_task(qtbot, win.flows.wait_idle())
        assert "SendItem" not in sb.request_log
        assert items(sb, Folder.SENT.value) == [] and items(sb, "inbox", BOB) == []
        assert win.compose.subject.text() == "not to be sent"  # still the user's, in Compose
    finally:
        close_window(win, session)


def test_1b_a_send_refused_for_no_recipient_creates_nothing(qtbot, aloop, sandbox, settings, tmp_path):
    journal = Journal(tmp_path / "journal.sqlite3")
    win, session = open_window(qtbot, sandbox, settings, connected=True, journal=journal)
    try:
        type_message(qtbot, win, to="", cc="", bcc="", subject="no one to send to", body="text")
        key(qtbot, win, Qt.Key_Return, CTRL)
        qtbot.waitUntil(lambda: "recipient" in win.compose.to.error_text().lower()
                        or "recipient" in win.compose.error_text().lower(), timeout=5000)
        wait_task(qtbot, win.flows.wait_idle())
        assert _sends_in_journal(journal) == [] and win.session.outbox.rows() == []
        assert win.compose.subject.text() == "no one to send to"
        assert not {"CreateItem", "UpdateItem", "SendItem"} & set(sandbox.request_log)
    finally:
        close_window(win, session)


def test_2_a_send_completed_while_the_app_died_is_found_not_resent(qtbot, aloop, sandbox, settings, tmp_path):
    """A saved draft is sent; the server sends it and the answer is lost; the app dies before it looked
    the message up. After the restart: found in Sent Items, nothing comes back, nothing goes out twice."""
    path = tmp_path / "journal.sqlite3"
    win, session = open_window(qtbot, sandbox, settings, connected=True, journal=Journal(path))
    win.session.outbox.parts.policy = RetryPolicy(settle_delay=60.0)  # it would look up only in a minute
    try:
        type_message(qtbot, win, subject="sent as the app died", body="exactly once")
        key(qtbot, win, Qt.Key_S, CTRL)
        qtbot.waitUntil(lambda: win.compose.state_label.text() == "Saved to Drafts", timeout=20000)
        assert win.compose.current_ref() is not None  # a saved draft, with its server id
        lid = win.compose.identity().local_id
        sandbox.faults.inject("SendItem", "drop_after_commit", count=1)
        key(qtbot, win, Qt.Key_Return, CTRL)
        ob = win.session.outbox
        qtbot.waitUntil(lambda: getattr(ob.queue.submission(lid), "state", None) == SubState.UNKNOWN, timeout=20000)
        assert ("SendItem", "drop_after_commit") in sandbox.faults.fired
        assert [m["subject"] for m in items(sandbox, "inbox", BOB)] == ["sent as the app died"]
    finally:
        close_window(win, session)  # "dies": nothing more is done by this app
    before = sandbox.request_log.count("SendItem")
    assert Journal(path).get(lid).state == "unknown"

    win, session = open_window(qtbot, sandbox, settings, connected=True, journal=Journal(path))
    try:
        ob = win.session.outbox
        ob.parts.policy = RetryPolicy(settle_delay=0.2)
        qtbot.waitUntil(lambda: getattr(ob.queue.submission(lid), "state", None) == SubState.SENT, timeout=30000)
        assert ob.queue.submission(lid).reason.startswith("Sent (confirmed in Sent Items)")
        assert win.compose.draft().is_empty(), "nothing comes back as a draft"
        key(qtbot, win, Qt.Key_Return, CTRL)  # and Ctrl+Return has nothing to send
        wait_task(qtbot, win.flows.wait_idle())
        assert sandbox.request_log.count("SendItem") == before
        assert [m["subject"] for m in items(sandbox, "inbox", BOB)] == ["sent as the app died"]
        assert [m["subject"] for m in items(sandbox, Folder.SENT.value)] == ["sent as the app died"]
        assert items(sandbox, Folder.DRAFTS.value) == []
    finally:
        close_window(win, session)


def test_2b_saving_a_message_that_went_out_says_already_sent(qtbot, window, sandbox):
    """Ctrl+S on a message whose draft is gone because it was sent (elsewhere): "Already sent", and no
    new draft is created from it."""
    win = window
    win.compose.load(Draft(to=[Recipient(BOB)], subject="went out elsewhere", body="v1"))
    saved = wait_task(qtbot, win.flows.save_current())
    wait_task(qtbot, win.session.client.send_drafts([saved.ref]))  # another client sent it
    win.compose.body.setPlainText("v2")
    assert wait_task(qtbot, win.flows.save_current()) is None
    assert "Already sent" in win.compose.error_text()
    assert items(sandbox, Folder.DRAFTS.value) == []
    assert [m["subject"] for m in items(sandbox, "inbox", BOB)] == ["went out elsewhere"]


def test_4_after_a_batch_send_compose_does_not_offer_the_sent_message(qtbot, ui_window, ui_sandbox, ui_backend):
    win, sandbox = ui_window, ui_sandbox
    type_message(qtbot, win, subject="one of the batch", body="b")
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: win.compose.state_label.text() == "Saved to Drafts", timeout=20000)
    key(qtbot, win, Qt.Key_2, CTRL)
    qtbot.waitUntil(lambda: not win.drafts.model.loading and win.drafts.model.rowCount() == 1, timeout=10000)
    key(qtbot, win, Qt.Key_A, CTRL)
    key(qtbot, win, Qt.Key_Return, CTRL | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: len(items(sandbox, Folder.SENT.value)) == 1 and not win.busy, timeout=30000)
    key(qtbot, win, Qt.Key_1, CTRL)
    assert win.compose.draft().is_empty() and win.compose.current_ref() is None
    assert win.compose.title.text() == "New message"
    sends = sandbox.request_log.count(logged(ui_backend, "SendItem"))
    key(qtbot, win, Qt.Key_Return, CTRL)  # nothing to send: the field says why, no server error
    wait_task(qtbot, win.flows.wait_idle())
    assert "ErrorItemNotFound" not in win.compose.error_text()
    assert sandbox.request_log.count(logged(ui_backend, "SendItem")) == sends
    qtbot.waitUntil(lambda: sandbox.outbox.wait_idle(0), timeout=10000)  # Graph delivers after its 202
    assert [m["subject"] for m in items(sandbox, "inbox", BOB)] == ["one of the batch"]


def test_5_a_long_subject_is_refused_at_the_field_before_the_network(qtbot, window, sandbox):
    win = window
    type_message(qtbot, win, subject="x" * 318, body="b")
    before = list(sandbox.request_log)
    for k in (Qt.Key_S, Qt.Key_Return):
        key(qtbot, win, k, CTRL)
        wait_task(qtbot, win.flows.wait_idle())
        assert "255" in win.compose.error_text() and "318" in win.compose.error_text()
        assert win.focusWidget() is win.compose.subject
    # the To field's directory look-up (ResolveNames, after a pause in typing) may land at any moment under
    # load; it is no part of saving or sending
    asked = [op for op in sandbox.request_log[len(before):] if op != "ResolveNames"]
    assert asked == [], "no request: a client-side limit needs no server"
    assert win.session.outbox.rows() == []
    assert "busy" not in win.compose.error_text().lower()


def _queue_one(qtbot, win, sandbox, subject: str, backend: str = "ews") -> str:
    """A message sent while the server refuses sends as busy for a minute: it waits in the Outbox."""
    sandbox.faults.inject(op(backend, "SendItem"), "server_busy", count=1, backoff_ms=60_000)
    type_message(qtbot, win, subject=subject, body="queued text")
    lid = win.compose.identity().local_id
    key(qtbot, win, Qt.Key_Return, CTRL)
    ob = win.session.outbox
    qtbot.waitUntil(lambda: getattr(ob.queue.submission(lid), "state", None) == SubState.QUEUED
                    and "busy" in ob.rows()[0].text.lower(), timeout=20000)
    qtbot.waitUntil(lambda: win.compose.draft().is_empty(), timeout=5000)
    return lid


def test_the_queue_is_the_users_edit_and_delete_by_keys(qtbot, ui_window, ui_sandbox, ui_backend, screenshot_dir):
    win, sandbox = ui_window, ui_sandbox
    lid = _queue_one(qtbot, win, sandbox, "take it back", ui_backend)
    key(qtbot, win, Qt.Key_4, CTRL)
    view = win.journal_bridge.show_outbox()
    assert win.focusWidget() is view.table and view.current_id() == lid
    if ui_backend == "ews":  # the page is laid out once its row is in (a grab does not wait for that)
        qtbot.waitUntil(lambda: view.table.isVisible() and view.table.height() > 100, timeout=5000)
        win.grab().save(str(screenshot_dir / "outbox-queued.png"))
    key(qtbot, win, Qt.Key_Return)  # Enter: back into Compose, the send is cancelled
    qtbot.waitUntil(lambda: win.current_view() == "compose", timeout=5000)
    assert win.compose.subject.text() == "take it back" and win.compose.body.toPlainText() == "queued text"
    assert win.session.outbox.rows() == [] and lid not in win.session.outbox.queue.subs
    sandbox.faults.clear()
    win.session.outbox.hand.kick()
    wait_task(qtbot, win.session.outbox.waits.drain(timeout=10))
    qtbot.waitUntil(lambda: sandbox.outbox.wait_idle(0), timeout=10000)  # what Graph accepted is delivered
    assert items(sandbox, "inbox", BOB) == []  # cancelled: it did not go out

    lid2 = _queue_one(qtbot, win, sandbox, "throw it away", ui_backend)
    key(qtbot, win, Qt.Key_4, CTRL)
    assert view.current_id() == lid2
    key(qtbot, win, Qt.Key_Delete)
    box = win.journal_bridge._delete_question
    qtbot.waitUntil(box.isVisible, timeout=5000)
    next(b for b in box.buttons() if b.text() == "Delete").click()
    qtbot.waitUntil(lambda: win.session.outbox.rows() == [], timeout=5000)  # out of the queue at once
    # and out of the journal once its thread has written that (behind any write queued before it)
    qtbot.waitUntil(lambda: win.journal_bridge.journal.get(lid2) is None, timeout=5000)
    sandbox.faults.clear()
    win.session.outbox.hand.kick()
    wait_task(qtbot, win.session.outbox.waits.drain(timeout=10))
    qtbot.waitUntil(lambda: sandbox.outbox.wait_idle(0), timeout=10000)
    assert items(sandbox, "inbox", BOB) == []


@pytest.mark.parametrize("how", ["delete", "edit"])
def test_a_send_taken_out_of_the_outbox_before_its_turn_says_so_and_nothing_waits(qtbot, ui_window, ui_sandbox,
                                                                                   ui_backend, how):
    """Compose's send waits for its first attempt. Taken out of the Outbox (Delete, or Enter: back into
    Compose) while the queue was still busy with a save before it, the send never had one: the wait used to
    last for ever (the window said "Sending…" until closed); then, told, it said the message was waiting in
    the Outbox. It was not."""
    win, sandbox = ui_window, ui_sandbox
    said = record_messages(win)
    sandbox.faults.inject(op(ui_backend, "CreateItem"), "hold_after_commit", seconds=60, then="answer")
    type_message(qtbot, win, subject="keeps the queue busy", body="first")
    type_message(qtbot, win, subject="taken out", body="second")  # its Ctrl+N saved the first to Drafts
    qtbot.waitUntil(lambda: sandbox.faults.holding() == 1, timeout=10000)  # that save's reply is held
    lid = win.compose.identity().local_id
    key(qtbot, win, Qt.Key_Return, CTRL)
    ob = win.session.outbox
    qtbot.waitUntil(lambda: lid in ob.queue.subs and win.flows.sending == 1, timeout=10000)
    if how == "delete":
        _delete_in_the_outbox(qtbot, win, lid)
    else:
        _select_in_the_outbox(qtbot, win, lid)
        key(qtbot, win, Qt.Key_Return)  # Enter: back into Compose
        qtbot.waitUntil(lambda: win.current_view() == "compose" and win.compose.subject.text() == "taken out",
                        timeout=5000)
    sandbox.faults.release_held()
    wait_idle(qtbot, win)
    assert win.flows.sending == 0 and not win.busy
    words = "Not sent: it was taken out of the Outbox" if how == "delete" else "the message is back in Compose"
    assert any(words in m for m in said), said
    assert not any(m.startswith("In the Outbox") for m in said), said
    if how == "edit":  # the message is the user's again, as it was
        assert win.compose.subject.text() == "taken out" and win.compose.body.toPlainText() == "second"
        assert "Not sent: it was taken out of the Outbox" not in said, "the Outbox said where it went"
    assert [m["subject"] for m in items(sandbox, "inbox", BOB)] == []
    assert "taken out" not in [m["subject"] for m in items(sandbox, "sent")]


def _select_in_the_outbox(qtbot, win, lid: str) -> None:
    """Ctrl+4, then Down to the send's row."""
    key(qtbot, win, Qt.Key_4, CTRL)
    view = win.journal_bridge.show_outbox()
    ob = win.session.outbox
    qtbot.waitUntil(lambda: lid in [r.local_id for r in ob.rows()], timeout=5000)
    for _ in range(len(ob.rows())):
        if view.current_id() == lid:
            break
        key(qtbot, win, Qt.Key_Down)
    assert view.current_id() == lid


def _delete_in_the_outbox(qtbot, win, lid: str) -> None:
    """Ctrl+4, Down to the send's row, Delete, and Delete in the question."""
    _select_in_the_outbox(qtbot, win, lid)
    key(qtbot, win, Qt.Key_Delete)
    box = win.journal_bridge._delete_question
    qtbot.waitUntil(box.isVisible, timeout=5000)
    next(b for b in box.buttons() if b.text() == "Delete").click()
    qtbot.waitUntil(lambda: win.journal_bridge.journal.get(lid) is None, timeout=5000)


@pytest.mark.parametrize("how", ["delete", "edit"])
def test_a_draft_taken_out_of_a_batch_in_the_outbox_says_so_in_its_row(qtbot, ui_window, ui_sandbox, ui_backend,
                                                                        how):
    """The same for Send selected: the draft taken out of the batch before its turn (Delete, or Enter: open
    it) stays in Drafts, and its row says it was not sent (not "In the Outbox", not "Queued")."""
    win, sandbox = ui_window, ui_sandbox
    seed_drafts(sandbox, 2, prefix="Batch")
    key(qtbot, win, Qt.Key_2, CTRL)
    key(qtbot, win, Qt.Key_F5)
    model = win.drafts.model
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 2, timeout=10000)
    sandbox.faults.inject(op(ui_backend, "CreateItem"), "hold_after_commit", seconds=60, then="answer")
    type_message(qtbot, win, subject="keeps the queue busy", body="first")
    key(qtbot, win, Qt.Key_N, CTRL)  # saves it to Drafts: that save's reply is held
    qtbot.waitUntil(lambda: sandbox.faults.holding() == 1, timeout=10000)
    key(qtbot, win, Qt.Key_2, CTRL)
    key(qtbot, win, Qt.Key_A, CTRL)
    key(qtbot, win, Qt.Key_Return, CTRL | Qt.ShiftModifier)
    ob = win.session.outbox
    qtbot.waitUntil(lambda: len([s for s in ob.queue.submissions() if s.source == "server"]) == 2, timeout=10000)
    gone = next(s for s in ob.queue.submissions() if s.draft.subject == "Batch 00")
    ref_id = gone.draft.ref.id
    if how == "delete":
        _delete_in_the_outbox(qtbot, win, gone.local_id)
    else:
        _select_in_the_outbox(qtbot, win, gone.local_id)
        key(qtbot, win, Qt.Key_Return)
        qtbot.waitUntil(lambda: gone.local_id not in ob.queue.subs, timeout=5000)
    sandbox.faults.release_held()
    wait_idle(qtbot, win)
    assert win.flows.sending == 0 and not win.busy
    qtbot.waitUntil(lambda: sandbox.outbox.wait_idle(0), timeout=10000)
    assert [m["subject"] for m in items(sandbox, "inbox", BOB)] == ["Batch 01"]
    assert "Batch 00" in [m["subject"] for m in items(sandbox, Folder.DRAFTS.value)]
    assert model.status(ref_id) == "Not sent: taken out of the Outbox"


def test_quitting_with_a_queued_send_asks_and_keeps_it(qtbot, window, sandbox):
    from PySide6.QtWidgets import QMessageBox

    win = window
    lid = _queue_one(qtbot, win, sandbox, "still queued at quit")
    win.close()
    assert win.isVisible(), "queued mail: the window asks before it goes"
    box = win._close_question
    assert box is not None and box.isVisible() and "waiting in the Outbox" in box.text()
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.RejectRole).click()  # Keep open
    assert win.isVisible()
    win.close()
    next(b for b in win._close_question.buttons() if b.text() == "Quit").click()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=5000)
    assert win.journal_bridge.journal.get(lid).state == "queued"  # kept for the next start
