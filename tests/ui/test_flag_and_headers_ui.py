"""The follow-up flag and custom headers rows of Compose's "More options" panel, by keys, against the real sandbox
over HTTP: Ctrl+Shift+O opens the panel, the flag is set with a due date (its start becomes today), two headers
are added (the first one wrong at first: its error is shown at it, then fixed), Ctrl+S saves them to the server
and the draft reopened from Drafts shows them (the panel open). Then: their errors stop a send at their rows,
and the headers stop at 5 ("5 of 5")."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.domain.extras import MAX_HEADERS, FlagStatus, FollowUpFlag
from tests.helpers.compose import reopen_only_draft, tab_out, type_message
from tests.helpers.keys import CTRL, SHIFT, key
from tests.helpers.mailbox import items
from tests.helpers.windows import wait_idle

TODAY = date(2026, 11, 27)  # a Friday; injected as the flag row's today


def _open_flag_row(qtbot, win):
    """Ctrl+Shift+O, then Tab from Reply-To through sensitivity and categories to the flag's status."""
    c = win.compose
    c.more.flag.today = lambda: TODAY
    key(qtbot, win, Qt.Key_O, CTRL | SHIFT)
    assert c.more.isVisible() and win.focusWidget() is c.more.reply_to.edit
    tab_out(qtbot, win, c.more.reply_to)
    key(qtbot, win, Qt.Key_Tab)
    key(qtbot, win, Qt.Key_Tab)
    assert win.focusWidget() is c.more.flag.status


def _visible_error(label) -> str:
    return label.text() if label.isVisible() else ""


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_flag_and_headers_by_keys_saved_and_reopened(qtbot, ui_window, ui_sandbox, ui_backend, screenshot_dir):
    win, sandbox = ui_window, ui_sandbox
    c, more = win.compose, win.compose.more
    type_message(qtbot, win, cc="", bcc="", subject="Nevada plan", body="The plan, with a date.")
    _open_flag_row(qtbot, win)
    key(qtbot, win, Qt.Key_Down)  # Not flagged -> Flagged
    key(qtbot, win, Qt.Key_Tab)
    assert win.focusWidget() is more.flag.start
    key(qtbot, win, Qt.Key_Tab)
    assert win.focusWidget() is more.flag.due
    qtbot.keyClicks(win.focusWidget(), "fri")
    assert more.flag.start.text() == "2026-11-27", "a due date without a start starts today"
    key(qtbot, win, Qt.Key_Tab)  # leaving the field writes the day as a date
    assert more.flag.due.text() == "2026-11-27" and _visible_error(more.flag.error_label) == ""
    assert win.focusWidget() is more.headers.add_button
    key(qtbot, win, Qt.Key_Space)
    first = more.headers.lines[0]
    assert win.focusWidget() is first.name
    qtbot.keyClicks(win.focusWidget(), "Project")
    assert "must start with “X-”" in _visible_error(first.error_label), "the error is shown at the header"
    key(qtbot, win, Qt.Key_Tab)
    qtbot.keyClicks(win.focusWidget(), "Nevada 1")
    key(qtbot, win, Qt.Key_Tab, SHIFT)
    assert win.focusWidget() is first.name
    key(qtbot, win, Qt.Key_Home)
    qtbot.keyClicks(win.focusWidget(), "X-")
    assert first.name.text() == "X-Project" and _visible_error(first.error_label) == ""
    for _ in range(3):  # value, Remove, Add
        key(qtbot, win, Qt.Key_Tab)
    assert win.focusWidget() is more.headers.add_button
    key(qtbot, win, Qt.Key_Space)
    second = more.headers.lines[1]
    assert win.focusWidget() is second.name
    qtbot.keyClicks(win.focusWidget(), "x-group-id")
    key(qtbot, win, Qt.Key_Tab)
    qtbot.keyClicks(win.focusWidget(), "NV001")
    if ui_backend == "ews":
        # the picture with room for every line (in a short window they scroll), once they are laid out
        win.resize(win.width(), 1200)  # the body keeps a third of it (app/ui/compose/form_area.py)
        qtbot.waitUntil(lambda: all(w.height() == w.sizeHint().height() for w in (more.headers.area, more.headers)))
        c.grab().save(str(screenshot_dir / "compose-more-options-flag-headers.png"))
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: len(items(sandbox, "drafts")) == 1 and not win.busy, timeout=20000)
    wait_idle(qtbot, win)
    flag = FollowUpFlag(FlagStatus.FLAGGED, TODAY, TODAY)
    assert c.draft().headers == [("X-Project", "Nevada 1"), ("x-group-id", "NV001")] and c.draft().flag == flag

    key(qtbot, win, Qt.Key_N, CTRL)  # a new message: nothing of the last one, the panel closed
    assert more.isHidden() and more.headers.lines == [] and more.flag.flag() == FollowUpFlag()
    assert more.flag.start.text() == more.flag.due.text() == ""
    reopen_only_draft(qtbot, win, "Nevada plan")
    assert more.isVisible(), "a draft with a flag or headers opens with the panel shown"
    assert more.flag.status.currentText() == "Flagged"
    assert more.flag.start.text() == more.flag.due.text() == "2026-11-27"
    assert [(ln.name.text(), ln.value.text()) for ln in more.headers.lines] == [("X-Project", "Nevada 1"),
                                                                                 ("x-group-id", "NV001")]
    back = c.draft()
    assert back.flag == flag and back.headers == [("X-Project", "Nevada 1"), ("x-group-id", "NV001")]
    # Graph sets headers only when a message is created: changing a saved draft's makes a new draft
    assert more.headers.note.isVisible() == (ui_backend == "graph")


def test_a_wrong_flag_stops_a_send_at_the_flag_row(qtbot, window, sandbox):
    """EWS only: what the composer does with the fields is the same whatever the backend."""
    win, c = window, window.compose
    type_message(qtbot, win, cc="", bcc="", subject="Rota", body="See the rota.")
    _open_flag_row(qtbot, win)
    key(qtbot, win, Qt.Key_Down)
    key(qtbot, win, Qt.Key_Tab)
    qtbot.keyClicks(win.focusWidget(), "2026-12-04")
    key(qtbot, win, Qt.Key_Tab)
    qtbot.keyClicks(win.focusWidget(), "2026-12-01")  # due before start
    assert "before its start" in _visible_error(c.more.flag.error_label), "shown as it is typed"
    key(qtbot, win, Qt.Key_O, CTRL | SHIFT)  # closed: the keyboard goes back to the body
    assert c.more.isHidden() and win.focusWidget() is c.body
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: c.more.isVisible() and win.focusWidget() is c.more.flag.due, timeout=5000)
    assert "before its start" in _visible_error(c.more.flag.error_label)
    assert c.error_text() == "", "shown at the flag, not above the buttons"
    wait_idle(qtbot, win)
    assert items(sandbox, "inbox", "bob@example.com") == [] and items(sandbox, "sentitems") == []


def test_a_wrong_header_stops_a_save_at_its_line_and_a_typed_day_must_be_a_day(qtbot, window, sandbox):
    win, c = window, window.compose
    type_message(qtbot, win, cc="", bcc="", subject="Tags", body="Tagged.")
    _open_flag_row(qtbot, win)
    key(qtbot, win, Qt.Key_Tab)
    key(qtbot, win, Qt.Key_Tab)
    qtbot.keyClicks(win.focusWidget(), "next week")  # not a day
    assert _visible_error(c.more.flag.error_label) == "", "not marked while it is typed"
    key(qtbot, win, Qt.Key_Tab)
    assert "not a day" in _visible_error(c.more.flag.error_label), "marked when the field is left"
    key(qtbot, win, Qt.Key_Space)
    qtbot.keyClicks(win.focusWidget(), "X-Tag")
    key(qtbot, win, Qt.Key_Tab)
    key(qtbot, win, Qt.Key_Tab)
    key(qtbot, win, Qt.Key_Tab)
    key(qtbot, win, Qt.Key_Space)
    qtbot.keyClicks(win.focusWidget(), "x-tag")  # the same name again
    line = c.more.headers.lines[1]
    assert "already there" in _visible_error(line.error_label)
    key(qtbot, win, Qt.Key_O, CTRL | SHIFT)
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: c.more.isVisible() and win.focusWidget() is c.more.flag.due, timeout=5000)
    assert "not a day" in _visible_error(c.more.flag.error_label) and c.error_text() == ""
    wait_idle(qtbot, win)
    assert items(sandbox, "drafts") == [], "a day that is not a day is not saved as none"
    c.more.flag.due.clear()
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: win.focusWidget() is line.name, timeout=5000)
    assert "already there" in _visible_error(line.error_label) and c.error_text() == ""
    wait_idle(qtbot, win)
    assert items(sandbox, "drafts") == []


def test_at_most_five_headers(qtbot, window):
    win, more = window, window.compose.more
    key(qtbot, win, Qt.Key_N, CTRL)
    key(qtbot, win, Qt.Key_O, CTRL | SHIFT)
    more.headers.add_button.setFocus()
    for i in range(MAX_HEADERS):
        key(qtbot, win, Qt.Key_Space)
        qtbot.keyClicks(win.focusWidget(), f"X-H{i}")
        for _ in range(3):
            key(qtbot, win, Qt.Key_Tab)
    assert len(more.headers.lines) == MAX_HEADERS and not more.headers.add_button.isEnabled()
    assert _visible_error(more.headers.count_label).startswith("5 of 5")
    # a short window: the lines scroll, never squeezed over each other, and Tab brings the next into view
    more.headers.lines[0].name.setText("Project")  # an error under it makes it taller
    win.resize(683, 700)
    qtbot.waitUntil(lambda: more.headers.area.height() < more.headers.area.sizeHint().height())
    assert all(ln.height() >= ln.sizeHint().height() for ln in more.headers.lines)
    more.headers.lines[3].remove.setFocus()
    key(qtbot, win, Qt.Key_Tab)
    last = more.headers.lines[4].name
    assert win.focusWidget() is last and not last.visibleRegion().isEmpty(), "scrolled into view"
    assert more.headers.area.verticalScrollBar().value() > 0
    more.headers.lines[0].name.setText("X-H0")
    more.headers.lines[2].remove.setFocus()
    key(qtbot, win, Qt.Key_Space)  # Remove: the keyboard goes to the next line
    assert len(more.headers.lines) == 4 and win.focusWidget() is more.headers.lines[2].name
    assert more.headers.add_button.isEnabled() and more.headers.count_label.isHidden()
    assert [n for n, _v in win.compose.draft().headers] == ["X-H0", "X-H1", "X-H3", "X-H4"]


def test_a_loaded_flag_is_shown_as_it_is(qtbot):
    """A due day with no start day (from another client, or an .eml) is shown as such, not given today: the
    start becomes today only when the user types a due day."""
    from app.domain.models import Draft
    from app.ui.compose.compose_view import ComposeView

    c = ComposeView()
    qtbot.addWidget(c)
    c.more.flag.today = lambda: TODAY
    flag = FollowUpFlag(FlagStatus.FLAGGED, None, date(2026, 12, 4))
    c.load(Draft(subject="From elsewhere", flag=flag))
    assert c.more.flag.start.text() == "" and c.draft().flag == flag
    c.more.flag.due.setText("2026-12-05")
    assert c.more.flag.start.text() == "2026-11-27"
