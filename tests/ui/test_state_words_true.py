"""Issue 73, item 9 (part): Compose's state and the Drafts list say the true thing, or nothing. By keys in the
real window on the sandbox over HTTP:

- an empty new message says nothing beside its title (there is nothing to save: "Not saved" said something
  was at risk); typed in, "Not saved" until the journal has it; emptied again, nothing;
- a message taken back with Undo, nobody having edited it since, says where it is ("Kept on this computer"),
  never "Edited — kept on this computer";
- Enter on the Drafts row of the message that is in Compose says it is already open there."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.compose.compose_view import EDITED_KEPT, KEPT, SAVED
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.status_bar import record_messages


def test_an_empty_new_message_says_nothing_and_one_typed_in_says_not_saved(qtbot, window):
    win, c = window, window.compose
    key(qtbot, win, Qt.Key_N, CTRL)
    assert win.focusWidget() is c.to.edit
    assert c.state_label.text() == "" and c.title.text() == "New message"
    qtbot.keyClicks(c.to.edit, "b")
    assert c.state_label.text() == "Not saved", "typed, not yet on this computer's disk"
    key(qtbot, win, Qt.Key_Backspace)
    assert c.state_label.text() == "", "nothing written again: nothing to say"
    key(qtbot, win, Qt.Key_S, CTRL)  # "Nothing to save": still nothing beside the title
    assert c.state_label.text() == ""


def test_undo_send_with_no_edit_says_kept_not_edited(qtbot, window, settings, screenshot_dir):
    win, c = window, window.compose
    settings.set_undo_send_seconds(60)  # the hold outlasts the test: Ctrl+Z comes first
    type_message(qtbot, win, subject="Take me back", body="First version.")
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: c.state() == SAVED and c.current_ref() is not None, timeout=20000)
    qtbot.keyClicks(c.body, " Second version.")  # newer than the Drafts copy when it is sent
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: win.send_timing.bar.isVisible(), timeout=5000)
    key(qtbot, win, Qt.Key_Z, CTRL)
    qtbot.waitUntil(lambda: c.subject.text() == "Take me back", timeout=5000)
    qtbot.waitUntil(lambda: c.state() in (KEPT, EDITED_KEPT), timeout=5000)
    assert c.state() == KEPT and c.state_label.text() == "Kept on this computer", c.state()
    win.grab().save(str(screenshot_dir / "compose-undo-kept.png"))
    assert c.dirty, "newer than the Drafts copy: leaving it still saves it"


def test_enter_on_the_draft_that_is_in_compose_says_it_is_already_open(qtbot, window):
    win, c = window, window.compose
    said = record_messages(win)
    type_message(qtbot, win, subject="Open twice", body="Here.")
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: c.state() == SAVED, timeout=20000)
    key(qtbot, win, Qt.Key_2, CTRL)
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 1 and not win.drafts.model.loading, timeout=10000)
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.current_view() == "compose", timeout=5000)
    assert "Already open in Compose" in said and "This draft is the message in Compose" not in said
