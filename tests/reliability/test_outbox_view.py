"""The journal bridge and the Outbox view on the real window + real sandbox (exchangelib over HTTP)."""

from __future__ import annotations

from app.domain.models import Draft, Recipient
from app.storage.journal import Journal
from app.ui.outbox.outbox_view import OutboxView
from app.domain.events import OutboxChanged
from tests.helpers.windows import journal_window
from tests.helpers.backends import ALICE, BOB
from tests.helpers.windows import close_window, wait_task


def test_typing_is_journalled_and_leaves_once_saved(qtbot, aloop, sandbox, tmp_path, screenshot_dir):
    journal = Journal(tmp_path / "journal.sqlite3")
    win, session = journal_window(qtbot, sandbox, tmp_path, journal)
    bridge = win.journal_bridge
    try:
        c = win.compose
        c.to.set_recipients([Recipient(BOB)])
        c.subject.setText("journalled")
        c.body.insertPlainText("typed in the real composer")
        qtbot.waitUntil(lambda: journal.count() == 1 and "composer" in journal.entries()[0].draft.body, timeout=2000)
        e = journal.entries()[0]
        assert e.draft.internet_message_id and e.draft.to == [Recipient(BOB)]
        c.save_requested.emit()
        qtbot.waitUntil(lambda: journal.count() == 0, timeout=20000)  # the server confirmed: it leaves
        assert [it["subject"] for it in sandbox.mailbox(ALICE).items("drafts")] == ["journalled"]
        c.body.insertPlainText(" and more")
        qtbot.waitUntil(lambda: journal.count() == 1, timeout=2000)
        assert journal.entries()[0].draft.ref is not None  # still the same server draft
        win.grab().save(str(screenshot_dir / "journal_bridge_compose.png"))
    finally:
        bridge.close()
        close_window(win, session)


def test_outbox_view_shows_waiting_failed_and_sent(qtbot, aloop, sandbox, tmp_path, screenshot_dir):
    win, session = journal_window(qtbot, sandbox, tmp_path)
    bridge = win.journal_bridge
    try:
        qtbot.waitUntil(lambda: bridge.outbox is not None, timeout=5000)
        assert bridge.outbox_action in win.menus["&View"].actions()  # View > Outbox (Ctrl+4)
        assert bridge.outbox_action.shortcut().toString() == "Ctrl+4"
        bridge.outbox_action.trigger()
        assert win.current_view() == "outbox"  # a page of the window, in the sidebar
        assert bridge._outbox_window.isVisible() and bridge._outbox_window.outbox is bridge.outbox
        win.grab().save(str(screenshot_dir / "outbox.png"))
        view = OutboxView()
        qtbot.addWidget(view)
        view.set_outbox(bridge.outbox)
        view.resize(720, 260)
        view.show()
        sandbox.faults.inject("CreateItem", "server_busy", count=1, backoff_ms=4000)
        wait_task(qtbot, bridge.outbox.submit(Draft(to=[Recipient(BOB)], subject="waits for the server", body="x")))
        sandbox.max_send_bytes = 4000  # the server's limit is lower than the client knows: it refuses
        wait_task(qtbot, bridge.outbox.submit(Draft(to=[Recipient(BOB)], subject="refused", body="y" * 6000)))
        qtbot.waitUntil(lambda: any("Server busy" in t for _, _, t in view.rows()), timeout=20000)
        qtbot.waitUntil(lambda: any(t.startswith("Not sent: ") for _, _, t in view.rows()), timeout=20000)
        texts = dict((s, t) for s, _, t in view.rows())
        assert texts["waits for the server"].startswith("Server busy — waiting ")
        assert "ErrorMessageSizeExceeded" in texts["refused"]
        view.table.selectRow([s for s, _, _ in view.rows()].index("refused"))
        assert view.retry_button.isEnabled() and view.edit_button.isEnabled()
        view.grab().save(str(screenshot_dir / "outbox_view_waiting_failed.png"))
        qtbot.waitUntil(lambda: dict((s, t) for s, _, t in view.rows())["waits for the server"] == "Sent", timeout=30000)
        assert [it["subject"] for it in sandbox.mailbox(BOB).items("inbox")] == ["waits for the server"]
        view.grab().save(str(screenshot_dir / "outbox_view_sent.png"))
    finally:
        bridge.close()
        close_window(win, session)


def test_send_while_server_down_goes_to_outbox_then_out_once(qtbot, aloop, sandbox_factory, tmp_path, screenshot_dir):
    """The server is down: the window's Send fails to connect, the bridge hands the message to the
    Outbox (compose is cleared, the row waits), the server comes back (same data, same port), and the
    message goes out exactly once."""
    sb = sandbox_factory(data=str(tmp_path / "sb"))  # stop() + start() keep its port and data
    journal = Journal(tmp_path / "journal.sqlite3")
    win, session = journal_window(qtbot, sb, tmp_path, journal)
    bridge = win.journal_bridge
    try:
        view = bridge.outbox_view()
        qtbot.addWidget(view)
        view.resize(720, 200)
        view.show()
        sb.stop()
        c = win.compose
        c.to.set_recipients([Recipient(BOB)])
        c.subject.setText("written offline")
        c.body.insertPlainText("the server is down")
        c.send_requested.emit()
        qtbot.waitUntil(lambda: bool(view.rows()), timeout=30000)
        qtbot.waitUntil(lambda: c.draft().is_empty(), timeout=30000)  # the message moved to the Outbox
        e = journal.entries()[0]
        assert e.op == "send" and e.draft.subject == "written offline"
        view.grab().save(str(screenshot_dir / "outbox_view_offline.png"))
        sb.start()
        qtbot.waitUntil(lambda: view.rows() and view.rows()[0][2] == "Sent", timeout=60000)
        assert [it["subject"] for it in sb.mailbox(ALICE).items("sentitems")] == ["written offline"]
        assert [it["subject"] for it in sb.mailbox(BOB).items("inbox")] == ["written offline"]
        assert [it["subject"] for it in sb.mailbox(ALICE).items("drafts")] == []
        assert journal.count() == 0
    finally:
        bridge.close()
        close_window(win, session)


def test_401_parks_the_outbox_until_signed_in_again(qtbot, aloop, sandbox, tmp_path):
    """401s mid-session: the row says "Waiting for sign-in", the window shows a non-modal banner with
    Retry; nothing fails; after Retry (the server accepts us again) the message goes out once."""
    win, session = journal_window(qtbot, sandbox, tmp_path)
    bridge = win.journal_bridge
    try:
        qtbot.waitUntil(lambda: bridge.outbox is not None, timeout=5000)
        # the lists' first pages are in: a 401 for "*" must meet the send, not a listing still under way
        # (on a loaded machine the Drafts and Sent listings took two of them and the send none)
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading and not win.sent.model.loading,
                        timeout=20000)
        seen = []
        bridge.outbox.news.subscribe(OutboxChanged, lambda _e: seen.extend(t for _, _, t in bridge.outbox.queue.row_texts()))
        sandbox.faults.inject("*", "http_401", count=4)  # the send, then the re-connect, are refused
        d = Draft(to=[Recipient(BOB)], subject="after sign-in", body="x")
        wait_task(qtbot, bridge.outbox.submit(d))
        qtbot.waitUntil(lambda: bridge.outbox.queue.needs_sign_in and win.banner.isVisible(), timeout=20000)
        assert bridge.outbox.queue.row_texts()[0][2] == "Waiting for sign-in"
        sandbox.faults.clear()
        win.flows.retry()  # the banner's Retry
        qtbot.waitUntil(lambda: bridge.outbox.queue.row_texts()[0][2] == "Sent", timeout=30000)
        assert "Waiting for sign-in" in seen
        assert [it["subject"] for it in sandbox.mailbox(BOB).items("inbox")] == ["after sign-in"]
        refused = [f["operation"] for f in sandbox.faults.fired_list() if f["kind"] == "http_401"]
        assert refused[:1] == ["CreateItem"] and "FindItem" not in refused, refused  # the send met the first
    finally:
        bridge.close()
        close_window(win, session)
