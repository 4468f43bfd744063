"""Issue 73 (items 1, 3, 6 and 9 in part): the Outbox and the lists say one true thing, by keys in the real
window on the sandbox over HTTP.

1. The window's words that send the user to the Outbox for a message ("It waits in the Outbox (Ctrl+4); Enter
   there takes it back") make that message's row the current one there: Enter takes back the message named,
   never the row the list had before (a Sent row). The primary button names what Enter does to the row.
3. Send selected tells one story: a draft Compose's check holds back says "Will not be sent: …" from the start
   (never "Sending…"); the countdown alone says when and how many go (no "Sending 2 drafts…" beside it).
6. A reason the Status column shortens is whole in the Drafts preview (reached by the arrow keys).
9. "Send selected" is off with no draft; Drafts says when it is empty; Drafts previews the selected draft.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.outbox.submission import SubState
from tests.helpers.backends import ALICE
from tests.helpers.compose import send_one, type_message
from tests.helpers.ews_accounts import seed_drafts
from tests.helpers.keys import CTRL, SHIFT, key
from tests.helpers.status_bar import whole_message
from tests.helpers.windows import wait_idle


def _drafts_page(qtbot, win, n: int):
    """Drafts by its key once its ``n`` rows are loaded (the seeded ones: loaded again first)."""
    d = win.drafts
    d.model.reload()
    qtbot.waitUntil(lambda: d.model.rowCount() == n and not d.model.loading, timeout=20000)
    key(qtbot, win, Qt.Key_2, CTRL)
    qtbot.waitUntil(lambda: n == 0 or d.table.hasFocus(), timeout=5000)
    return d


def _status(d, subject: str) -> str:
    m = d.model
    s = next((m.summary(r) for r in range(m.rowCount()) if m.summary(r).subject == subject), None)
    return m.status(s.ref.id) if s is not None else "(gone)"


def _send_later(qtbot, win, subject: str) -> str:
    """Ctrl+Shift+T, "tomorrow 8:00", Enter: the server keeps the message in its Outbox; its local id."""
    type_message(qtbot, win, cc="", bcc="", subject=subject, body="1. numbers")
    lid = win.compose.identity().local_id
    key(qtbot, win, Qt.Key_T, CTRL | SHIFT)
    timing = win.send_timing
    qtbot.waitUntil(lambda: timing.dialog is not None and timing.dialog.isVisible()
                    and QApplication.focusWidget() is timing.dialog.when, timeout=5000)
    qtbot.keyClicks(timing.dialog.when, "tomorrow 8:00")
    qtbot.keyClick(timing.dialog.when, Qt.Key_Return)
    ob = win.session.outbox
    qtbot.waitUntil(lambda: lid in ob.queue.subs, timeout=5000)
    sub = ob.queue.submission(lid)
    qtbot.waitUntil(lambda: sub.state == SubState.SENT, timeout=10000)  # the server has it, to keep until 8:00
    qtbot.waitUntil(lambda: "Outbox (Ctrl+4)" in whole_message(win), timeout=5000)
    return lid


# ---- 1. Ctrl+4 after the banner lands on the message it names ---------------------------------------------
def test_enter_in_the_outbox_after_send_later_takes_back_the_message_the_banner_names(qtbot, window):
    win = window
    sent = send_one(qtbot, win, "Already out")
    key(qtbot, win, Qt.Key_4, CTRL)  # the user looked at the Outbox: the sent row is the current one
    view = win.journal_bridge.show_outbox()
    qtbot.waitUntil(lambda: view.current_id() == sent and view.table.hasFocus(), timeout=5000)
    assert view.edit_button.text() == "Open in Sent"

    later = _send_later(qtbot, win, "Tomorrow's agenda")
    assert "Enter there takes it back" in whole_message(win)
    key(qtbot, win, Qt.Key_4, CTRL)
    qtbot.waitUntil(lambda: win.current_view() == "outbox" and view.table.hasFocus(), timeout=5000)
    # on the message named, first its queue row, then (the server's Outbox read) the server's copy's row
    qtbot.waitUntil(lambda: view.rows()[view.table.currentRow()][2].endswith("(kept by Exchange)"), timeout=10000)
    assert view.rows()[view.table.currentRow()][0] == "Tomorrow's agenda"
    assert view.table.selectionModel().isRowSelected(view.table.currentRow())
    # the view's primary button names what Enter does to this row
    assert view.edit_button.objectName() == "primary" and view.now_button.objectName() != "primary"
    assert view.edit_button.text() == "Take back" and view.edit_button.isEnabled()
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.current_view() == "compose" and win.compose.subject.text() == "Tomorrow's agenda",
                    timeout=10000)
    ob = win.session.outbox
    assert "Tomorrow's agenda" not in [subject for subject, _to, _text in view.rows()], "taken back: not scheduled"
    assert ob.queue.submission(sent).state == SubState.SENT and later

    # the user's own move afterwards is kept: Ctrl+4 again stays on the row the user was on
    key(qtbot, win, Qt.Key_4, CTRL)
    qtbot.waitUntil(lambda: view.table.hasFocus() and view.current_id() == sent, timeout=5000)
    assert view.edit_button.text() == "Open in Sent"


def test_ctrl4_after_a_send_left_waiting_lands_on_that_message(qtbot, window, sandbox, settings):
    """"In the Outbox (server busy — …): it goes out by itself (Ctrl+4)": Ctrl+4 lands on that message."""
    win = window
    sent = send_one(qtbot, win, "Already out")
    key(qtbot, win, Qt.Key_4, CTRL)
    view = win.journal_bridge.show_outbox()
    qtbot.waitUntil(lambda: view.current_id() == sent and view.table.hasFocus(), timeout=5000)
    settings.set_undo_send_seconds(0)
    sandbox.faults.inject("CreateItem", "server_busy", count=1, backoff_ms=600_000)
    type_message(qtbot, win, cc="", bcc="", subject="Waits", body="x")
    lid = win.compose.identity().local_id
    key(qtbot, win, Qt.Key_Return, CTRL)
    ob = win.session.outbox
    qtbot.waitUntil(lambda: ("CreateItem", "server_busy") in sandbox.faults.fired, timeout=20000)
    qtbot.waitUntil(lambda: "(Ctrl+4)" in whole_message(win) and getattr(ob.queue.submission(lid), "state", None)
                    == SubState.QUEUED, timeout=20000)
    key(qtbot, win, Qt.Key_4, CTRL)
    qtbot.waitUntil(lambda: win.current_view() == "outbox" and view.table.hasFocus(), timeout=5000)
    assert view.current_id() == lid and view.edit_button.text() == "Take back"
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.current_view() == "compose" and win.compose.subject.text() == "Waits", timeout=5000)
    assert ob.queue.submission(lid) is None and ob.queue.submission(sent).state == SubState.SENT


# ---- 3. one account of the batch, from the start -----------------------------------------------------------
def test_send_selected_says_will_not_be_sent_from_the_start_and_counts_only_what_goes(
        qtbot, window, sandbox, settings):
    win = window
    ob = win.session.outbox
    settings.set_undo_send_seconds(10)
    mono, wall = ob.parts.clock(), ob.parts.wall()
    ob.parts.clock, ob.parts.wall = (lambda: mono), (lambda: wall)  # the Outbox's injected clocks: held still
    seed_drafts(sandbox, ALICE, {"Good one": "bob@example.com", "Typo": "bob@@example.com"})
    d = _drafts_page(qtbot, win, 2)
    bar = win.send_timing.batch.bar
    key(qtbot, win, Qt.Key_A, CTRL)
    key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
    qtbot.waitUntil(bar.isVisible, timeout=10000)
    assert bar.label.text().startswith("Sending 1 draft in 10 s")
    # the row of the draft the check holds back says so now, in the check's own words; never "Sending…"
    assert _status(d, "Typo") == "Will not be sent: “bob@@example.com” is not a valid e-mail address."
    assert _status(d, "Good one") == "Waiting to send"
    # the countdown alone says when and how many: no "Sending 2 drafts…" in the status bar or the banner
    said = whole_message(win)
    assert "draft" not in said and not (win.banner.isVisible() and "draft" in win.banner.text()), said
    key(qtbot, win, Qt.Key_Z, CTRL)  # taken back: nothing goes
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)
    wait_idle(qtbot, win)
    assert "SendItem" not in sandbox.request_log


# ---- 6 and 9. the reason whole by keys; Send selected off with no draft; the empty list; the preview --------
def test_drafts_previews_the_selected_draft_with_its_reason_whole_and_send_selected_needs_a_draft(
        qtbot, window, sandbox):
    from PySide6.QtWidgets import QApplication

    win = window
    d = _drafts_page(qtbot, win, 0)
    # no draft: the list says what comes here, and "Send selected" is off
    assert d.table.isVisible() and "No drafts" in d.table.accessibleDescription()
    assert win.focusWidget() is d.table  # the list keeps the keyboard
    assert not d.send_button.isEnabled()

    seed_drafts(sandbox, ALICE, {"Good one": "bob@example.com", "Typo": "bob@@example.com"})
    d = _drafts_page(qtbot, win, 2)
    assert d.table.accessibleDescription() == "" and d.preview.isVisible()
    assert d.send_button.isEnabled()  # the first row is selected as the list gets the keyboard
    key(qtbot, win, Qt.Key_A, CTRL)
    key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
    qtbot.waitUntil(lambda: _status(d, "Typo").startswith("Not sent: “bob@@example.com”"), timeout=20000)
    wait_idle(qtbot, win)
    assert d.model.rowCount() == 1
    reason = _status(d, "Typo")
    d.table.setFocus()
    key(qtbot, win, Qt.Key_Home)  # the arrow keys reach the row; its preview says the reason whole
    qtbot.waitUntil(lambda: d.preview.message is not None and d.preview.message.subject == "Typo", timeout=10000)
    assert d.preview.note_label.isVisible() and d.preview.note_label.text() == reason
    assert d.preview.note_label.accessibleDescription() == reason  # what a screen reader reads
    assert "bob@@example.com" in d.preview.headers_label.text()
    assert d.preview.body.toPlainText().startswith("Typo: body")
    # Tab from the list reaches the whole reason (its text is selectable by keys)
    for _ in range(6):
        key(qtbot, win, Qt.Key_Tab)
        if QApplication.focusWidget() is d.preview.note_label:
            break
    assert QApplication.focusWidget() is d.preview.note_label
    # a draft with no such reason has no note
    d.table.setFocus()
    key(qtbot, win, Qt.Key_A, CTRL)
    d.model.set_statuses({d.model.summary(0).ref.id: ("", True)})
    qtbot.waitUntil(lambda: not d.preview.note_label.isVisible(), timeout=5000)
    # nothing selected: "Send selected" is off again
    d.table.clearSelection()
    assert not d.send_button.isEnabled()


# ---- screenshots: items 1, 3 and 9 at 683×500 and the default size, both schemes, English, French, German ----
def _shots(qtbot, win, screenshot_dir, name: str) -> None:
    """``win`` at the default size, then at 683×500 (half a small screen): both saved."""
    for width, height, size in ((1100, 720, "default"), (683, 500, "683x500")):
        win.resize(width, height)
        qtbot.waitUntil(lambda w=width: win.width() == w, timeout=5000)  # (the height: as low as the window goes)
        QApplication.processEvents()
        win.grab().save(str(screenshot_dir / f"{name}-{size}.png"))


@pytest.mark.parametrize("language,scheme", [("en", "light"), ("fr", "light"), ("fr", "dark"), ("de", "light"),
                                             ("de", "dark")])
def test_screenshots_of_the_outbox_pointed_row_the_batch_countdown_and_the_drafts_preview(
        qtbot, aloop, sandbox, settings, monkeypatch, language, scheme, screenshot_dir):
    import time

    from tests.helpers.language import in_language
    from tests.helpers.windows import close_window, open_window, wait_task

    monkeypatch.setenv("DISPATCH_COLOR_SCHEME", scheme)
    with in_language(language):
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        try:
            qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
            tag = f"{language}-{scheme}"
            # 9: an empty Drafts list says so; Send selected is off
            d = _drafts_page(qtbot, win, 0)
            assert d.table.accessibleDescription() and not d.send_button.isEnabled()
            _shots(qtbot, win, screenshot_dir, f"s73-drafts-empty-{tag}")
            # 1: the message Send later named is the current row when the Outbox shows
            send_one(qtbot, win, "Already out")
            type_message(qtbot, win, cc="", bcc="", subject="Tomorrow's agenda", body="1. numbers")
            later = win.compose.identity().local_id
            wait_task(qtbot, win.send_timing.schedule(time.time() + 86400))  # the dialog's own call
            key(qtbot, win, Qt.Key_4, CTRL)
            view = win.journal_bridge.show_outbox()
            qtbot.waitUntil(lambda: view.table.hasFocus() and view.rows()[view.table.currentRow()][2].endswith(
                "(kept by Exchange)"), timeout=10000)  # the server's copy of the message named
            _shots(qtbot, win, screenshot_dir, f"s73-outbox-pointed-{tag}")
            key(qtbot, win, Qt.Key_Return)  # taken back to Drafts (not left scheduled behind the next shots)
            qtbot.waitUntil(lambda: win.compose.subject.text() == "Tomorrow's agenda", timeout=10000)
            assert later
            # 3: the batch's countdown, the held-back draft marked from the start
            ob = win.session.outbox
            settings.set_undo_send_seconds(10)
            mono, wall = ob.parts.clock(), ob.parts.wall()
            ob.parts.clock, ob.parts.wall = (lambda: mono), (lambda: wall)
            seed_drafts(sandbox, ALICE, {"Good one": "bob@example.com", "Typo": "bob@@example.com",
                            "Team": "project-team-alpha-europe@example.com"})
            d = _drafts_page(qtbot, win, 4)  # and the message taken back
            key(qtbot, win, Qt.Key_Home)
            key(qtbot, win, Qt.Key_Down, SHIFT)
            key(qtbot, win, Qt.Key_Down, SHIFT)
            bar = win.send_timing.batch.bar
            key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
            qtbot.waitUntil(bar.isVisible, timeout=10000)
            qtbot.waitUntil(lambda: _status(d, "Typo").startswith("Will not be sent"), timeout=5000)
            _shots(qtbot, win, screenshot_dir, f"s73-send-selected-countdown-{tag}")
            key(qtbot, win, Qt.Key_Z, CTRL)
            qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)
            wait_idle(qtbot, win)
            # 9 and 6: the preview of the held-back draft, its reason whole above it
            d.table.setFocus()
            key(qtbot, win, Qt.Key_Home)
            for _ in range(4):
                s = d.model.summary(d.table.currentIndex().row())
                if s is not None and s.subject == "Typo":
                    break
                key(qtbot, win, Qt.Key_Down)
            qtbot.waitUntil(lambda: d.preview.message is not None and d.preview.message.subject == "Typo",
                            timeout=10000)
            assert d.preview.note_label.isVisible()
            _shots(qtbot, win, screenshot_dir, f"s73-drafts-preview-{tag}")
        finally:
            close_window(win, session)



@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_at_683_px_the_sidebar_shows_icons_as_narrow_in_every_language_and_the_subject_keeps_its_words(
        qtbot, aloop, sandbox, settings, language):
    """At half a small screen the sidebar shows only its icons, as narrow in French and German as in English (a
    German sidebar kept 130 px for them, and Drafts' Subject column was cut to "Betre" / "G…e")."""
    from app.ui.window.sidebar_fit import COMPACT_WIDTH
    from tests.helpers.language import in_language
    from tests.helpers.windows import close_window, open_window

    with in_language(language):
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        try:
            seed_drafts(sandbox, ALICE, {"Good one": "bob@example.com", "Team": "project-team-alpha-europe@example.com"})
            d = _drafts_page(qtbot, win, 2)
            win.resize(683, 500)
            qtbot.waitUntil(lambda: win.width() == 683 and win.sidebar_fit.compact, timeout=5000)
            qtbot.waitUntil(lambda: win.frame.side.width() == COMPACT_WIDTH, timeout=5000)
            subject = next(c for c in range(d.model.columnCount())
                           if d.model.headerData(c, Qt.Horizontal) in ("Subject", "Objet", "Betreff"))
            fm = d.table.fontMetrics()
            assert d.table.columnWidth(subject) >= fm.horizontalAdvance("Good one") + 12, d.table.columnWidth(subject)
        finally:
            close_window(win, session)


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_at_the_default_width_every_sidebar_name_is_whole(qtbot, aloop, sandbox, settings, language):
    """The sidebar's full width holds its longest name whole in the room an item gives its text (the list's and
    the item's padding, the icon and its gap, the view's text margins): "Éléments envoyés" was cut to
    "Éléments envo…" once the sidebar's padding was the style sheet's own."""
    from tests.helpers.language import in_language
    from tests.helpers.windows import close_window, open_window

    with in_language(language):
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        try:
            win.resize(1100, 720)
            qtbot.waitUntil(lambda: win.width() == 1100 and not win.sidebar_fit.compact, timeout=5000)
            side = win.sidebar
            QApplication.processEvents()
            for row in range(side.count()):
                item = side.item(row)
                room = (min(side.visualItemRect(item).width(), side.viewport().width())
                        - 2 * 12 - side.iconSize().width() - 6 - 2 * 4)  # item padding, icon + gap, text margins
                name = item.text()
                assert side.fontMetrics().horizontalAdvance(name) <= room, (name, room)
        finally:
            close_window(win, session)
