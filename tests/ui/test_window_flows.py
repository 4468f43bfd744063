"""The real window driven with key presses, against the real sandbox over HTTP (real exchangelib via
the EWS backend). Nothing is mocked."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from app.domain.models import Folder
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.mailbox import emails, items
from tests.helpers.backends import ALICE, BOB, logged
from tests.helpers.windows import close_window, wait_idle


def test_ctrl_s_saves_every_field_then_update_changes_recipients(qtbot, ui_window, ui_sandbox, ui_backend, tmp_path,
                                                                 screenshot_dir):
    win, sandbox = ui_window, ui_sandbox
    att = tmp_path / "numbers.csv"
    att.write_bytes(b"q,amount\n1,100\n2,250\n")
    type_message(qtbot, win)
    win.compose.importance.setCurrentIndex(2)  # High
    win.compose.read_receipt.setChecked(True)
    win.compose.delivery_receipt.setChecked(True)
    win.compose.attachments.add_paths([str(att)])
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: len(items(sandbox, "drafts")) == 1, timeout=20000)
    qtbot.waitUntil(lambda: not win.busy, timeout=10000)
    d = items(sandbox, "drafts")[0]
    assert d["subject"] == "Quarterly numbers"
    assert emails(d["to"]) == {BOB} and emails(d["cc"]) == {"carol@example.com"}
    assert emails(d["bcc"]) == {"dave@example.com"}
    assert "the numbers are attached" in d["body"]
    assert [a["name"] for a in d["attachments"]] == ["numbers.csv"]
    assert str(d.get("importance", "High")).lower() == "high"
    # the server's own copy of the item's fields (what EWS stored, not what we meant to send)
    f = d["fields"]
    assert f["Importance"] == "High" and d["importance"] == "High"
    assert f["IsReadReceiptRequested"] is True
    assert f["IsDeliveryReceiptRequested"] is True
    assert win.compose.current_ref() is not None and win.compose.state_label.text() == "Saved to Drafts"
    win.compose.to.setFocus()
    win.compose.to.edit.selectAll()
    qtbot.keyClicks(win.compose.to.edit, "Erin <erin@example.com>; frank@example.com")
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: emails(items(sandbox, "drafts")[0]["to"]) == {"erin@example.com", "frank@example.com"},
                    timeout=20000)
    assert len(items(sandbox, "drafts")) == 1, "the second save updates the same draft"
    assert logged(ui_backend, "UpdateItem") in sandbox.request_log
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 1 and not win.busy, timeout=10000)
    if ui_backend == "ews":
        win.compose.grab().save(str(screenshot_dir / "compose.png"))
        win.grab().save(str(screenshot_dir / "window-compose.png"))


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_ctrl_return_sends_to_sent_items_and_bobs_inbox(qtbot, ui_window, ui_sandbox, ui_backend, screenshot_dir):
    win, sandbox = ui_window, ui_sandbox
    type_message(qtbot, win, cc="", bcc="", subject="Lunch?", body="Noon at the usual place?")
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: any(m["subject"] == "Lunch?" for m in items(sandbox, Folder.SENT.value)), timeout=20000)
    qtbot.waitUntil(lambda: any(m["subject"] == "Lunch?" for m in items(sandbox, "inbox", BOB)), timeout=10000)
    qtbot.waitUntil(lambda: win.compose.subject.text() == "" and not win.busy, timeout=10000)
    wait_idle(qtbot, win)  # every request of the send has finished, and the server delivered what it accepted
    qtbot.waitUntil(lambda: sandbox.outbox.wait_idle(0), timeout=10000)
    assert [m["subject"] for m in items(sandbox, "inbox", BOB)] == ["Lunch?"], "exactly one copy delivered"
    assert [m["subject"] for m in items(sandbox, Folder.SENT.value)] == ["Lunch?"]
    assert items(sandbox, "drafts") == []
    assert win.compose.to.text() == "" and win.compose.error_text() == ""
    # Sent view: newest first, read-only preview
    key(qtbot, win, Qt.Key_3, CTRL)
    assert win.current_view() == "sent"
    qtbot.waitUntil(lambda: win.sent.model.rowCount() == 1, timeout=10000)
    win.sent.table.setFocus()
    win.sent.table.setCurrentIndex(win.sent.model.index(0, 1))
    qtbot.waitUntil(lambda: win.sent.subject_label.text() == "Lunch?", timeout=10000)
    assert "Noon at the usual place?" in win.sent.body.toPlainText()
    assert BOB in win.sent.headers_label.text()
    assert ALICE in win.sent.headers_label.text()  # From: the mailbox that sent it
    if ui_backend == "ews":
        win.grab().save(str(screenshot_dir / "sent.png"))


@pytest.fixture
def small_sandbox(sandbox_factory, ui_backend):
    """A sandbox (serving Graph too for the Graph run) whose server refuses messages over 40 KB (to provoke
    ErrorMessageSizeExceeded)."""
    return sandbox_factory(max_send_bytes=40_000, graph=ui_backend == "graph")


def batch_requests(backend: str, request_log) -> int:
    """Requests that sent drafts: EWS SendItem; Graph $batch (its inner sends are logged too, one per draft)."""
    return request_log.count("SendItem" if backend == "ews" else "graph:Batch")


def test_send_five_selected_two_fail_inline(qtbot, aloop, small_sandbox, ui_backend, settings, screenshot_dir):
    from app.domain.models import Attachment, Draft, Recipient
    from tests.helpers.windows import open_window, wait_task

    sb = small_sandbox
    win, session = open_window(qtbot, sb, settings, connected=True, backend=ui_backend)
    saved = []
    for i in range(5):
        atts = [Attachment("big.bin", b"x" * 60_000, size=60_000)] if i == 1 else []
        d = Draft(to=[Recipient(BOB)], subject=f"Batch {i}", body=f"message {i}", attachments=atts)
        saved.append(wait_task(qtbot, session.save_draft(d)))
    # draft 3 disappears on the server behind our back (another client hard-deleted it)
    wait_task(qtbot, session.client.delete_items([saved[3].ref], to_trash=False))
    win.flows.refresh()
    win.drafts.model.reload()
    # generous waits here and below: a loaded machine (parallel test workers) stretches each round trip
    qtbot.waitUntil(lambda: not win.drafts.model.loading and win.drafts.model.rowCount() == 4, timeout=60000)
    # the list is stale by design: show the deleted draft's row too (it was listed before the delete)
    from app.domain.models import MessageSummary, Page

    rows = {s.ref.id for s in win.drafts.model.summaries()}
    assert saved[3].ref.id not in rows
    win.drafts.model._add_page(Page([MessageSummary(saved[3].ref, "Batch 3", BOB, None, False)], 0, 5, True))
    key(qtbot, win, Qt.Key_2, CTRL)
    assert win.current_view() == "drafts" and win.focusWidget() is win.drafts.table
    key(qtbot, win, Qt.Key_A, CTRL)
    assert len(win.drafts.selected_refs()) == 5
    sends_before = batch_requests(ui_backend, sb.request_log)
    key(qtbot, win, Qt.Key_Return, CTRL | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: len(items(sb, Folder.SENT.value)) == 3 and not win.busy, timeout=60000)
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 2, timeout=60000)
    # the rows' outcomes are set once the whole batch is final (the sent rows may leave before that)
    m = win.drafts.model
    qtbot.waitUntil(lambda: "Sending…" not in {m.status(s.ref.id) for s in m.summaries()}, timeout=60000)
    left = {s.subject: win.drafts.model.status(s.ref.id) for s in win.drafts.model.summaries()}
    assert left["Batch 1"] == "Too large to send (ErrorMessageSizeExceeded)"
    assert "(ErrorItemNotFound)" in left["Batch 3"]
    assert {m["subject"] for m in items(sb, Folder.SENT.value)} == {"Batch 0", "Batch 2", "Batch 4"}
    assert batch_requests(ui_backend, sb.request_log) - sends_before == 1, "the batch of 5 is one request"
    suffix = "" if ui_backend == "ews" else "-graph"
    win.grab().save(str(screenshot_dir / f"drafts{suffix}.png"))
    close_window(win, session)


def test_bad_input_is_shown_inline_and_nothing_is_lost(qtbot, window, sandbox, tmp_path, screenshot_dir):
    win = window
    # no recipients -> send refused at the To field
    key(qtbot, win, Qt.Key_N, CTRL)
    key(qtbot, win, Qt.Key_Tab)
    key(qtbot, win, Qt.Key_Tab)
    key(qtbot, win, Qt.Key_Tab)
    qtbot.keyClicks(win.focusWidget(), "To nobody")
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "at least one recipient" in win.compose.to.error_text(), timeout=5000)
    assert win.compose.to.edit.property("invalid") is True
    assert win.compose.subject.text() == "To nobody"
    # malformed address -> marked inline, text kept; saved as a draft as typed (a draft may hold
    # anything), never sent
    win.compose.to.setFocus()
    qtbot.keyClicks(win.compose.to.edit, "bob@example.com, bob@@example")
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: "bob@@example" in win.compose.to.error_text(), timeout=5000)
    assert win.compose.to.text() == "bob@example.com, bob@@example"
    qtbot.waitUntil(lambda: len(items(sandbox, "drafts")) == 1, timeout=20000)
    win.compose.to.set_errors([])
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "bob@@example" in win.compose.to.error_text(), timeout=5000)
    # oversized attachment -> refused with the reason, nothing else lost
    big = tmp_path / "video.mp4"
    with open(big, "wb") as f:
        f.truncate(11 * 1024 * 1024)
    win.compose.attachments.add_paths([str(big)])
    assert "video.mp4" in win.compose.attachments.error_text() and "at most 10.0 MB" in win.compose.attachments.error_text()
    assert win.compose.draft().attachments == [] and win.compose.subject.text() == "To nobody"
    win.grab().save(str(screenshot_dir / "compose-errors.png"))
    wait_idle(qtbot, win)  # every Ctrl+S / Ctrl+Return above has finished: "nothing sent" is final
    assert items(sandbox, "drafts")[0]["to"] == ["bob@example.com", "bob@@example"]
    assert items(sandbox, "sentitems") == [] and "SendItem" not in sandbox.request_log


def test_enter_opens_draft_delete_with_undo(qtbot, window, sandbox):
    from app.domain.models import Draft, Recipient
    from tests.helpers.windows import wait_task

    win = window
    for i in range(3):
        wait_task(qtbot, win.session.save_draft(Draft(to=[Recipient(BOB)], subject=f"Note {i}", body=f"b{i}")))
    win.drafts.model.reload()
    key(qtbot, win, Qt.Key_2, CTRL)
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 3 and not win.drafts.model.loading, timeout=10000)
    assert [s.subject for s in win.drafts.model.summaries()] == ["Note 2", "Note 1", "Note 0"]  # newest first
    win.drafts.table.setFocus()
    win.drafts.table.setCurrentIndex(win.drafts.model.index(1, 1))
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.compose.subject.text() == "Note 1", timeout=10000)
    assert win.current_view() == "compose" and win.compose.to.recipients()[0].email == BOB
    # edit it and save: same server item updated
    win.compose.body.setPlainText("edited body")
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: any(d["body"].strip() == "edited body" for d in items(sandbox, "drafts")), timeout=10000)
    assert len(items(sandbox, "drafts")) == 3
    # delete with undo
    key(qtbot, win, Qt.Key_2, CTRL)
    qtbot.waitUntil(lambda: not win.drafts.model.loading and win.drafts.model.rowCount() == 3, timeout=10000)
    win.drafts.table.setCurrentIndex(win.drafts.model.index(0, 1))
    win.drafts.select_rows([0])
    key(qtbot, win, Qt.Key_Delete)
    assert win.drafts.model.rowCount() == 2 and win.drafts.undo_bar.isVisible()
    qtbot.mouseClick(win.drafts.undo_bar.button, Qt.LeftButton)
    assert win.drafts.model.rowCount() == 3
    win.drafts.select_rows([0])
    key(qtbot, win, Qt.Key_Delete)
    win.drafts.flush_pending()
    qtbot.waitUntil(lambda: len(items(sandbox, "drafts")) == 2, timeout=10000)


def test_unreachable_server_shows_banner_with_retry(qtbot, aloop, settings):
    import socket

    from app.core.accounts.session import ConnectionState, Session
    from app.domain.account import AccountConfig
    from tests.helpers.windows import make_window

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    acc = AccountConfig(email=ALICE, ews_url=f"http://127.0.0.1:{port}/EWS/Exchange.asmx", username=ALICE)
    session = Session.for_account(acc, "pw")
    win = make_window(qtbot, session, settings)
    qtbot.waitUntil(lambda: win.banner.isVisible(), timeout=30000)
    assert session.state == ConnectionState.OFFLINE
    assert win.banner.retry_button.isVisible() and "Offline" in win.state_label.text()
    assert win.isVisible() and win.compose.isEnabled()
    from tests.helpers.paths import SCREENSHOTS

    win.grab().save(str(SCREENSHOTS / "offline-banner.png"))
    win.close()
    session.close()


def test_two_sends_list_newest_first_and_preview_lists_attachments(qtbot, window, sandbox, tmp_path, screenshot_dir):
    win = window
    first, second = tmp_path / "agenda.txt", tmp_path / "budget.xlsx"
    first.write_bytes(b"a" * 300)              # 300 bytes
    second.write_bytes(b"b" * 3 * 1024)        # 3.0 KB
    for subject, att in (("First out", first), ("Second out", second)):
        type_message(qtbot, win, cc="", bcc="", subject=subject, body=f"{subject} body")
        win.compose.attachments.add_paths([str(att)])
        key(qtbot, win, Qt.Key_Return, CTRL)
        qtbot.waitUntil(lambda s=subject: any(m["subject"] == s for m in items(sandbox, Folder.SENT.value)),
                        timeout=20000)
        sent_by = int(time.time())  # the server stamped DateTimeSent at this second or before
        qtbot.waitUntil(lambda: win.compose.subject.text() == "" and not win.busy, timeout=10000)
        # Wall clock, not synchronisation: DateTimeSent has one-second resolution, so the next send must
        # be stamped in a later second than this one for "newest first" to be decidable
        qtbot.waitUntil(lambda t=sent_by: int(time.time()) > t, timeout=3000)
    assert sandbox.request_log.count("SendItem") + sandbox.request_log.count("CreateItem") >= 2
    key(qtbot, win, Qt.Key_3, CTRL)
    assert win.current_view() == "sent"
    qtbot.waitUntil(lambda: win.sent.model.rowCount() == 2 and not win.sent.model.loading, timeout=10000)
    assert [s.subject for s in win.sent.model.summaries()] == ["Second out", "First out"], "newest first"
    win.sent.table.setFocus()
    win.sent.table.setCurrentIndex(win.sent.model.index(0, 1))
    qtbot.waitUntil(lambda: win.sent.subject_label.text() == "Second out", timeout=10000)
    qtbot.waitUntil(lambda: "budget.xlsx" in win.sent.attachments_label.text(), timeout=10000)
    assert win.sent.attachments_label.text() == "Attachments: budget.xlsx (3.0 KB)"
    key(qtbot, win, Qt.Key_Down)
    qtbot.waitUntil(lambda: win.sent.subject_label.text() == "First out", timeout=10000)
    qtbot.waitUntil(lambda: win.sent.attachments_label.text() == "Attachments: agenda.txt (300 bytes)", timeout=10000)
    win.grab().save(str(screenshot_dir / "sent-two-with-attachments.png"))


def test_recent_recipients_come_from_a_real_send_and_are_offered(qtbot, window, sandbox, settings):
    win = window
    quinn = "Quinn Outside <quinn@partner.example.org>"
    mine = win.session.account.key
    assert settings.recent_recipients(mine) == [] and quinn not in win.compose.to.offered()
    type_message(qtbot, win, to=quinn, cc="", bcc="", subject="Hello Quinn", body="Nice to meet you.")
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: any(m["subject"] == "Hello Quinn" for m in items(sandbox, Folder.SENT.value)),
                    timeout=20000)
    qtbot.waitUntil(lambda: win.compose.subject.text() == "" and not win.busy, timeout=10000)
    assert quinn in settings.recent_recipients(mine), "the send recorded its recipient"
    assert settings.recent_recipients("sandbox:carol@example.com") == [], "for this account only"
    assert "quinn@partner.example.org" in settings.path.read_text(), "and kept it in the settings file"
    # a new message: typing part of the name offers the recent recipient in the completer popup
    key(qtbot, win, Qt.Key_N, CTRL)
    assert win.focusWidget() is win.compose.to.edit
    qtbot.keyClicks(win.compose.to.edit, "quin")
    suggestions = win.compose.to.suggestions
    qtbot.waitUntil(suggestions.isVisible, timeout=5000)
    assert quinn in suggestions.entries()
    # Down + Return (typed in the field, which keeps the keyboard) picks it
    key(qtbot, win, Qt.Key_Down)
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: [r.email for r in win.compose.to.recipients()] == ["quinn@partner.example.org"],
                    timeout=5000)


def test_delete_key_on_the_focused_attachment_list_removes_it(qtbot, window, sandbox, tmp_path):
    win = window
    keep, drop = tmp_path / "keep.txt", tmp_path / "drop.txt"
    keep.write_text("keep me")
    drop.write_text("drop me")
    type_message(qtbot, win, cc="", bcc="", subject="Two files, then one", body="see attached")
    win.compose.attachments.add_paths([str(drop), str(keep)])
    lst = win.compose.attachments.list
    lst.setFocus()
    qtbot.waitUntil(lambda: win.focusWidget() is lst, timeout=3000)
    lst.setCurrentRow(0)
    assert lst.currentItem().text().startswith("drop.txt")
    qtbot.keyClick(win.focusWidget(), Qt.Key_Delete)  # a real key press on the focused list
    assert [a.name for a in win.compose.draft().attachments] == ["keep.txt"]
    assert lst.count() == 1 and lst.item(0).text().startswith("keep.txt")
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: len(items(sandbox, "drafts")) == 1, timeout=20000)
    assert [a["name"] for a in items(sandbox, "drafts")[0]["attachments"]] == ["keep.txt"]
