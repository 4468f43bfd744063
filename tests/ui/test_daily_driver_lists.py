"""Issue 59 (items 3, 7c, 14, 15): the lists never surprise, by keys in the real window on the sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.models import Folder
from tests.helpers.keys import CTRL, SHIFT, key
from tests.helpers.lists import selected
from tests.helpers.mailbox import items, seed_drafts
from tests.helpers.compose import type_message
from tests.helpers.holds import HeldClocks
from tests.helpers.backends import ALICE, BOB
from tests.helpers.windows import close_window, open_window, wait_idle


def _drafts_page(qtbot, win, n: int):
    key(qtbot, win, Qt.Key_2, CTRL)
    d = win.drafts
    d.model.reload()
    qtbot.waitUntil(lambda: d.model.rowCount() == n and not d.model.loading, timeout=20000)
    qtbot.waitUntil(lambda: d.table.hasFocus() and selected(d) == [0], timeout=5000)
    return d


def test_shift_down_extends_the_drafts_selection_and_both_are_sent(qtbot, window, sandbox):
    win = window
    seed_drafts(sandbox, 4)
    d = _drafts_page(qtbot, win, 4)
    key(qtbot, win, Qt.Key_Down, SHIFT)
    assert selected(d) == [0, 1]
    key(qtbot, win, Qt.Key_Down, SHIFT)
    assert selected(d) == [0, 1, 2]
    key(qtbot, win, Qt.Key_Up, SHIFT)
    assert selected(d) == [0, 1]
    key(qtbot, win, Qt.Key_Down)  # a plain arrow: the next row alone
    assert selected(d) == [2]
    key(qtbot, win, Qt.Key_Home)
    assert selected(d) == [0] and d.table.currentIndex().row() == 0
    key(qtbot, win, Qt.Key_End)
    assert selected(d) == [3] and d.table.currentIndex().row() == 3
    key(qtbot, win, Qt.Key_Home, SHIFT)
    assert selected(d) == [0, 1, 2, 3]
    key(qtbot, win, Qt.Key_Home)
    key(qtbot, win, Qt.Key_Down, CTRL)  # Ctrl: the current row moves, the selection stays
    key(qtbot, win, Qt.Key_Down, CTRL)
    assert selected(d) == [0] and d.table.currentIndex().row() == 2
    key(qtbot, win, Qt.Key_Space, CTRL)  # toggles it in
    assert selected(d) == [0, 2]
    key(qtbot, win, Qt.Key_Space, CTRL)  # and out
    assert selected(d) == [0]
    key(qtbot, win, Qt.Key_Space, CTRL)
    # two rows the way every list selects them (Home, Shift+Down), sent: both reach the server
    key(qtbot, win, Qt.Key_Home)
    key(qtbot, win, Qt.Key_Down, SHIFT)
    assert selected(d) == [0, 1]
    chosen = sorted(d.model.summary(r).subject for r in selected(d))
    key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
    qtbot.waitUntil(lambda: sorted(m["subject"] for m in items(sandbox, Folder.SENT.value)) == chosen,
                    timeout=20000)
    wait_idle(qtbot, win)
    assert sorted(m["subject"] for m in items(sandbox, Folder.SENT.value)) == chosen
    left = sorted(m["subject"] for m in items(sandbox, Folder.DRAFTS.value))
    assert len(left) == 2 and not set(left) & set(chosen), left


@pytest.mark.parametrize("scheme", ("light", "dark"))
def test_the_current_row_is_framed_in_both_schemes(qtbot, aloop, sandbox, settings, monkeypatch, scheme,
                                                   screenshot_dir):
    from PySide6.QtGui import QColor

    from app.ui.common.theme import PALETTES

    monkeypatch.setenv("DISPATCH_COLOR_SCHEME", scheme)
    seed_drafts(sandbox, 3)
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    try:
        d = _drafts_page(qtbot, win, 3)
        key(qtbot, win, Qt.Key_Down, SHIFT)  # rows 0 and 1 selected, row 1 current
        assert selected(d) == [0, 1] and d.table.currentIndex().row() == 1
        img = d.table.viewport().grab().toImage()
        dpr = img.devicePixelRatio()
        ring = QColor(PALETTES[scheme]["link"])

        def framed(row: int) -> bool:
            r = d.table.visualRect(d.model.index(row, d.model.COL_SUBJECT))
            y = r.top() + 1
            return all(QColor(img.pixel(int(x * dpr), int(y * dpr))) == ring for x in (r.left() + 5, r.center().x()))

        assert framed(1) and not framed(0), "the current row (and only it) is marked"
        win.grab().save(str(screenshot_dir / f"drafts-current-row-{scheme}.png"))
    finally:
        close_window(win, session)

# ---- 7c. no paperclip for a message whose only picture is inline -------------------------------------------
def test_a_sent_message_whose_only_picture_is_inline_has_no_paperclip(qtbot, ui_window, ui_sandbox):
    from PySide6.QtGui import QColor, QImage

    win, c, sandbox = ui_window, ui_window.compose, ui_sandbox
    type_message(qtbot, win, cc="", bcc="", subject="Just a picture", body="Look ")
    key(qtbot, win, Qt.Key_X, CTRL | SHIFT)  # rich text on
    img = QImage(80, 40, QImage.Format_RGB32)
    img.fill(QColor("#c53030"))
    QApplication.clipboard().setImage(img)
    key(qtbot, win, Qt.Key_V, CTRL)
    qtbot.waitUntil(lambda: any(a.is_inline for a in c.draft().attachments), timeout=5000)
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(items(sandbox, "inbox", BOB)) == 1, timeout=20000)
    wait_idle(qtbot, win)
    assert [a["is_inline"] for a in items(sandbox, "inbox", BOB)[0]["attachments"]] == [True]
    key(qtbot, win, Qt.Key_3, CTRL)
    sent = win.sent
    sent.model.reload()
    qtbot.waitUntil(lambda: sent.model.rowCount() == 1 and not sent.model.loading, timeout=10000)
    index = sent.model.index(0, sent.model.COL_ATTACH)
    assert index.data(Qt.DecorationRole) is None and index.data(Qt.ToolTipRole) is None
    assert "attachment" not in sent.model.index(0, 1).data(Qt.AccessibleDescriptionRole)  # the row's summary
    assert index.data(Qt.AccessibleTextRole) is None


# ---- 14. the Sent preview shows the options a message was sent with ----------------------------------------
SCHEMES = ("light", "dark")


def _shots(qtbot, win, screenshot_dir, name: str, scheme: str) -> None:
    """``win`` at the default size, then at 683 px (half a 1366 px screen): both saved."""
    for width, height, size in ((1100, 720, "default"), (683, 700, "683")):
        win.resize(width, height)
        qtbot.waitUntil(lambda w=width: win.width() == w, timeout=5000)
        QApplication.processEvents()
        win.grab().save(str(screenshot_dir / f"{name}-{size}-{scheme}.png"))


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_sent_preview_shows_reply_to_sensitivity_categories_and_the_flag_with_its_days(
        qtbot, aloop, sandbox, settings, monkeypatch, scheme, screenshot_dir):
    from datetime import date

    from tests.helpers.compose import tab_out

    monkeypatch.setenv("DISPATCH_COLOR_SCHEME", scheme)
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    try:
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        c = win.compose
        c.more.flag.today = lambda: date(2026, 11, 27)
        type_message(qtbot, win, cc="", bcc="", subject="Desk rota", body="Replies go to the desk, please.")
        key(qtbot, win, Qt.Key_O, CTRL | SHIFT)
        qtbot.keyClicks(win.focusWidget(), "Help Desk <desk@example.com>")
        tab_out(qtbot, win, c.more.reply_to)
        key(qtbot, win, Qt.Key_Down)  # Normal -> Personal
        key(qtbot, win, Qt.Key_Down)  # -> Private
        key(qtbot, win, Qt.Key_Tab)
        qtbot.keyClicks(win.focusWidget(), "Rota; Desk")
        key(qtbot, win, Qt.Key_Tab)
        key(qtbot, win, Qt.Key_Down)  # Not flagged -> Flagged
        key(qtbot, win, Qt.Key_Tab)
        key(qtbot, win, Qt.Key_Tab)
        qtbot.keyClicks(win.focusWidget(), "2026-12-04")
        key(qtbot, win, Qt.Key_Tab)
        key(qtbot, win, Qt.Key_Return, CTRL)
        qtbot.waitUntil(lambda: len(items(sandbox, Folder.SENT.value)) == 1, timeout=20000)
        wait_idle(qtbot, win)
        sent = items(sandbox, Folder.SENT.value)[0]
        assert sent["reply_to"] == ["desk@example.com"] and sent["sensitivity"] == "Private"
        key(qtbot, win, Qt.Key_3, CTRL)
        view = win.sent
        view.model.reload()
        qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.model.loading, timeout=10000)
        view.table.setFocus()
        key(qtbot, win, Qt.Key_Home)
        qtbot.waitUntil(lambda: "Reply-To" in view.headers_label.text(), timeout=10000)
        lines = view.headers_label.text().splitlines()
        for line in ("Reply-To: Help Desk <desk@example.com>", "Sensitivity: Private", "Categories: Rota, Desk",
                     "Follow up: Flagged for follow-up, start 2026-11-27, due 2026-12-04"):
            assert line in lines, (line, lines)
        assert view.headers_label.isVisible()  # on screen, not in a tooltip: read without a mouse
        _shots(qtbot, win, screenshot_dir, "sent-preview-options", scheme)
        assert view.headers_label.isVisible() and view.headers_label.visibleRegion().boundingRect().height() \
            >= view.headers_label.heightForWidth(view.headers_label.width()) - 2
    finally:
        close_window(win, session)


# ---- 15. the window comes back at the size it closed at (the real app, started as a user starts it) --------
def _run_real_app(sandbox, home: Path, log: Path, size_to: str) -> list:
    import json
    import os
    import subprocess
    import sys
    import time

    alice = next(a for a in sandbox.accounts if a["email"] == ALICE)
    env = dict(os.environ, DISPATCH_HOME=str(home), QT_QPA_PLATFORM="offscreen", SIZE_LOG=str(log),
               SIZE_TO=size_to, KILL_URL=sandbox.ews_url, KILL_USER=alice.get("username") or ALICE,
               KILL_PW=alice["password"], PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    log.unlink(missing_ok=True)
    proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("window_size_app_child.py"))], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        proc.wait(timeout=90)
    finally:
        if proc.poll() is None:
            proc.kill()
        _out, err = proc.communicate(timeout=30)
    records = [(kind, json.loads(data)) for kind, _, data in
               (line.partition(" ") for line in (log.read_text().splitlines() if log.exists() else []))]
    assert proc.returncode == 0 and [k for k, _ in records] == ["SIZE", "QUIT"], (proc.returncode, records,
                                                                                  err[-2000:])
    return records


def test_the_real_app_reopens_at_the_size_it_was_closed_at(sandbox, tmp_path):
    home = tmp_path / "home"
    first = _run_real_app(sandbox, home, tmp_path / "first.log", "683x600")
    assert first[1][1] == [683, 600]  # as the user left it, then Ctrl+Q
    stored = list(home.rglob("settings.json"))
    assert stored and "window_geometry" in stored[0].read_text(), stored
    again = _run_real_app(sandbox, home, tmp_path / "again.log", "")
    assert again[0][1] == [683, 600], again


# ---- 15. the lists at 683 px: status, recipients, the Outbox's order and failed rows, the View menu ----------
def _seed_draft(sandbox, subject: str) -> None:
    from exchangelib import Mailbox, Message

    from tests.helpers.ews_accounts import make_account

    alice = make_account(sandbox, ALICE)
    Message(account=alice, folder=alice.drafts, subject=subject, body="body", to_recipients=[
        Mailbox(name="Bob Example", email_address="bob@example.com"),
        Mailbox(name="Carol Clark", email_address="carol@example.com")]).save()


def _compose_and_send(qtbot, win, subject: str) -> None:
    """Ctrl+N (what Compose holds goes to Drafts first), the message typed, Ctrl+Return."""
    from tests.helpers.compose import tab_out

    c = win.compose
    key(qtbot, win, Qt.Key_N, CTRL)
    qtbot.waitUntil(lambda: win.focusWidget() is c.to.edit and c.subject.text() == "", timeout=10000)
    qtbot.keyClicks(win.focusWidget(), "Bob Example <bob@example.com>, Carol Clark <carol@example.com>")
    tab_out(qtbot, win, c.to)
    for _ in range(2):  # past Cc and Bcc
        tab_out(qtbot, win, c.cc if win.focusWidget() is c.cc.edit else c.bcc)
    assert win.focusWidget() is c.subject
    qtbot.keyClicks(win.focusWidget(), subject)
    key(qtbot, win, Qt.Key_Tab)
    qtbot.keyClicks(win.focusWidget(), "text")
    key(qtbot, win, Qt.Key_Return, CTRL)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_lists_at_683_px_status_recipients_outbox_order_and_view_menu(qtbot, aloop, sandbox, settings, monkeypatch,
                                                                      scheme, screenshot_dir):
    from PySide6.QtWidgets import QMenu

    from app.core.outbox.submission import SubState
    from app.ui.lists.send_selected import HELD_WORDS
    from app.ui.common.theme import PALETTES

    monkeypatch.setenv("DISPATCH_COLOR_SCHEME", scheme)
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    try:
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        win.resize(683, 700)
        qtbot.waitUntil(lambda: win.width() == 683, timeout=5000)
        # a send that waits in the Outbox (the server busy: back off 10 min, on the Outbox's injected clocks),
        # then is refused: it stays there, failed
        settings.set_undo_send_seconds(0)
        outbox = win.session.outbox
        clocks = HeldClocks(outbox)
        sandbox.faults.inject("SendItem", "server_busy", count=1, backoff_ms=600_000)
        _compose_and_send(qtbot, win, "Refused one")
        qtbot.waitUntil(lambda: win.statusBar().currentMessage().startswith("In the Outbox"), timeout=20000)
        sandbox.faults.inject("SendItem", "item_error", count=1, code="ErrorInvalidRecipients",
                              text="No valid recipients")
        clocks.advance(601)
        qtbot.waitUntil(lambda: [s.state for s in outbox.queue.submissions()] == [SubState.FAILED], timeout=20000)
        settings.set_undo_send_seconds(10)

        # Drafts: a draft to the same people reads the same; its batch's countdown: the status whole, the
        # window as wide
        _seed_draft(sandbox, "Seeded")
        key(qtbot, win, Qt.Key_2, CTRL)
        d = win.drafts
        d.model.reload()
        qtbot.waitUntil(lambda: "Seeded" in [d.model.summary(r).subject for r in range(d.model.rowCount())]
                        and not d.model.loading, timeout=20000)
        row = next(r for r in range(d.model.rowCount()) if d.model.summary(r).subject == "Seeded")
        to = d.model.index(row, d.model.COL_TO).data()
        d.table.setFocus()
        key(qtbot, win, Qt.Key_Home)
        while d.table.currentIndex().row() != row:
            key(qtbot, win, Qt.Key_Down)
        columns = lambda: [d.table.columnWidth(c) for c in range(d.model.columnCount())]  # noqa: E731
        key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
        bar = win.send_timing.batch.bar
        qtbot.waitUntil(bar.isVisible, timeout=10000)
        assert "Ctrl+Z or Undo keeps it in Drafts" in bar.label.text(), bar.label.text()  # one draft: "it"
        ref = d.model.summary(row).ref.id
        qtbot.waitUntil(lambda: d.model.status(ref) == HELD_WORDS, timeout=10000)
        QApplication.processEvents()
        assert win.width() == 683, "the countdown widened the window"
        status = d.table.columnWidth(d.model.COL_STATUS)
        assert d.table.fontMetrics().horizontalAdvance(HELD_WORDS) + 12 <= status, (status, HELD_WORDS)
        _shots(qtbot, win, screenshot_dir, "drafts-countdown", scheme)
        assert win.width() == 683
        held = columns()

        # the Outbox: newest first (the batch, then the refused one), the refused one marked, the same To
        key(qtbot, win, Qt.Key_4, CTRL)
        view = win.journal_bridge.show_outbox()
        qtbot.waitUntil(lambda: [r[0] for r in view.rows()] == ["Seeded", "Refused one"], timeout=10000)
        assert [r[1] for r in view.rows()] == [to, to] and to == "Bob Example; Carol Clark"
        failed = view.table.item(1, 2)
        assert not view.table.item(1, 0).icon().isNull() and view.table.item(0, 0).icon().isNull()
        assert failed.foreground().color().name() == PALETTES[scheme]["danger"]
        assert failed.text().startswith("Not sent: ")
        _shots(qtbot, win, screenshot_dir, "outbox-failed", scheme)

        key(qtbot, win, Qt.Key_2, CTRL)  # back in Drafts; Ctrl+Z takes the batch back: another state, same columns
        qtbot.waitUntil(lambda: d.table.hasFocus(), timeout=5000)
        QApplication.processEvents()
        held = columns()
        key(qtbot, win, Qt.Key_Z, CTRL)
        qtbot.waitUntil(lambda: d.model.status(ref) == "Not sent: taken back (Undo)", timeout=10000)
        QApplication.processEvents()
        assert columns() == held and win.width() == 683

        # the View menu (Alt+V) lists the views in the order of their keys
        key(qtbot, win, Qt.Key_V, Qt.AltModifier)
        qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=5000)
        menu = QApplication.activePopupWidget()
        shown = [(a.text().replace("&", ""), a.shortcut().toString()) for a in menu.actions()]
        views = shown[:shown.index(("", ""))]
        assert views == [("Compose", "Ctrl+1"), ("Drafts", "Ctrl+2"), ("Sent", "Ctrl+3"), ("Outbox", "Ctrl+4")], shown
        qtbot.keyClick(menu, Qt.Key_Escape)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=5000)
    finally:
        close_window(win, session)
