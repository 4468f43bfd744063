"""Issue 59, item 12: the window never grows past the screen. By keys in the real window on the real sandbox,
at half of a 1366 px screen (683 px) and at the default size, in both colour schemes: More options
(Ctrl+Shift+O) and Edit as new (Ctrl+E from Sent) of a message with every field leave the window's frame inside
the screen's available area (the offscreen platform's screen: 800 x 800), Send, Save draft, the status bar and
the undo bar inside the window; the form scrolls instead."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.domain.extras import FlagStatus, FollowUpFlag
from app.domain.models import Attachment, Draft, Recipient, Sensitivity
from tests.helpers.geometry import inside, on_screen, settle
from tests.helpers.keys import CTRL, SHIFT, focus_key
from tests.helpers.mailbox import items
from tests.helpers.backends import BOB
from tests.helpers.windows import close_window, open_window, wait_idle

SIZES = ("683", "default")
SCHEMES = ("light", "dark")
SUBJECT = "Every field"


def everything() -> Draft:
    """A message with every row of Compose and of More options in use, and files attached."""
    return Draft(to=[Recipient(BOB)], cc=[Recipient("carol@example.com")], bcc=[Recipient("dave@example.com")],
                 subject=SUBJECT, body="All of it.", reply_to=[Recipient("desk@example.com", "Help Desk")],
                 sensitivity=Sensitivity.CONFIDENTIAL, categories=["Red", "Blue"],
                 flag=FollowUpFlag(FlagStatus.FLAGGED, date(2026, 11, 27), date(2026, 11, 30)),
                 headers=[(f"X-Row-{i}", f"value {i}") for i in range(5)],
                 attachments=[Attachment(f"file-{i}.txt", b"x" * 10, "text/plain") for i in range(4)])


def within(win, where: str, width: int | None = None) -> None:
    """The frame on the screen (and as wide as it was: ``width``); Send, Save draft and the status bar (and the
    undo bar when shown) in the window."""
    on_screen(win)
    assert width is None or win.width() == width, f"the window grew from {width} to {win.width()} px ({where})"
    c = win.compose
    for w, what in ((c.send_button, "Send"), (c.save_button, "Save draft"), (win.statusBar(), "the status bar")):
        inside(w, win, f"{what} ({where})")
    if win.send_timing.bar.isVisible():
        inside(win.send_timing.bar, win, f"the undo bar ({where})")


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", SIZES)
def test_more_options_and_edit_as_new_keep_the_window_on_the_screen(qtbot, aloop, sandbox, settings, monkeypatch,
                                                                     size, scheme, screenshot_dir):
    monkeypatch.setenv("DISPATCH_COLOR_SCHEME", scheme)
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    try:
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        c = win.compose
        if size == "683":
            win.resize(683, 700)
            qtbot.waitUntil(lambda: win.width() == 683)
        within(win, "as opened")  # the default size (1100 x 720) is made to fit a smaller screen
        width = win.width()

        # More options on a new message: the panel shows, the window stays
        focus_key(qtbot, win, Qt.Key_N, CTRL)
        focus_key(qtbot, win, Qt.Key_O, CTRL | SHIFT)
        assert c.more.isVisible() and win.focusWidget() is c.more.reply_to.edit
        within(win, "More options shown", width)
        focus_key(qtbot, win, Qt.Key_O, CTRL | SHIFT)
        assert c.more.isHidden()
        within(win, "More options hidden", width)

        # a sent message with every field, then Edit as new (Ctrl+E from Sent): the panel opens with all its rows
        c.load(everything())
        focus_key(qtbot, win, Qt.Key_Return, CTRL)
        qtbot.waitUntil(lambda: any(m["subject"] == SUBJECT for m in items(sandbox, "sentitems")), timeout=20000)
        wait_idle(qtbot, win)
        focus_key(qtbot, win, Qt.Key_3, CTRL)
        qtbot.waitUntil(lambda: win.sent.model.rowCount() >= 1 and not win.sent.model.loading, timeout=10000)
        win.sent.table.setFocus()
        qtbot.keyClick(win.sent.table, Qt.Key_Home)
        qtbot.waitUntil(lambda: win.sent.shown_message() is not None
                        and win.sent.shown_message().subject == SUBJECT, timeout=10000)
        focus_key(qtbot, win, Qt.Key_E, CTRL)
        qtbot.waitUntil(lambda: win.current_view() == "compose" and c.subject.text() == SUBJECT, timeout=5000)
        qtbot.waitUntil(lambda: len(c.more.headers.lines) == 5 and len(c.attachments.attachments()) == 4,
                        timeout=5000)
        assert c.more.isVisible()
        within(win, "Edit as new", width)
        assert c.form_area.scrolls(), "the form scrolls inside the window"
        win.grab().save(str(screenshot_dir / f"window-fits-edit-as-new-{size}-{scheme}.png"))

        # the undo bar of a held send shows above the buttons, inside the window too
        settings.set_undo_send_seconds(30)
        focus_key(qtbot, win, Qt.Key_Return, CTRL)
        qtbot.waitUntil(win.send_timing.bar.isVisible, timeout=5000)
        within(win, "undo bar", width)
        win.grab().save(str(screenshot_dir / f"window-fits-undo-bar-{size}-{scheme}.png"))
        focus_key(qtbot, win, Qt.Key_Z, CTRL)  # taken back: the message is in Compose again
        qtbot.waitUntil(lambda: not win.send_timing.bar.isVisible() and c.subject.text() == SUBJECT, timeout=5000)
        within(win, "the send taken back", width)
        assert c.more.isVisible()
        focus_key(qtbot, win, Qt.Key_O, CTRL | SHIFT)
        assert c.more.isHidden()
        within(win, "the panel hidden after Edit as new", width)
        win.grab().save(str(screenshot_dir / f"window-fits-panel-hidden-{size}-{scheme}.png"))
    finally:
        close_window(win, session)
