"""Issue 11 (A): the Compose editor's formatting, driven by keys in the real window on the real sandbox.

B/I/U act at once and show the format at the cursor; with Rich text off a formatting key switches it on first;
switching Rich text off asks before it drops formatting and offers Undo; a long subject never widens the
window and the subject field states its limit; links, numbered lists, indents and a plain-text paste
reach the server as HTML.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app.domain.models import Draft
from tests.helpers.compose import runs
from tests.helpers.backends import ALICE, BOB
from tests.helpers.windows import wait_idle

CTRL = Qt.ControlModifier
SHIFT = Qt.ShiftModifier


def key(qtbot, win, k, mods=Qt.NoModifier):
    qtbot.keyClick(win.focusWidget() or win, k, mods)


def new_message(qtbot, win, to=BOB, subject="Formatted", rich=True):
    """Ctrl+N, To, Tab Tab Tab to Subject, then (rich) Rich text ticked with Space, then Tab to the body."""
    key(qtbot, win, Qt.Key_N, CTRL)
    qtbot.keyClicks(win.focusWidget(), to)
    for _ in range(3):
        key(qtbot, win, Qt.Key_Tab)
    assert win.focusWidget() is win.compose.subject
    qtbot.keyClicks(win.focusWidget(), subject)
    key(qtbot, win, Qt.Key_Tab)
    assert win.focusWidget() is win.compose.body
    if rich:
        key(qtbot, win, Qt.Key_Tab)  # body -> Rich text
        assert win.focusWidget() is win.compose.rich
        key(qtbot, win, Qt.Key_Space)
        assert win.compose.rich.isChecked()
        win.compose.body.setFocus(Qt.TabFocusReason)  # Shift+Tab back is the same; keep the test short


def shot(win, path) -> None:
    QApplication.processEvents()  # lay out what was shown or hidden since the last key
    win.grab().save(path)


def test_bold_italic_underline_act_at_once_and_show_the_format_at_the_cursor(qtbot, window, screenshot_dir):
    win = window
    c = win.compose
    new_message(qtbot, win)
    body = c.body
    # each key changes the format before the very next character: no ~100 ms late click
    qtbot.keyClick(body, Qt.Key_B, CTRL)
    qtbot.keyClicks(body, "Bold")
    qtbot.keyClick(body, Qt.Key_B, CTRL)
    qtbot.keyClicks(body, " then ")
    qtbot.keyClick(body, Qt.Key_I, CTRL)  # used to raise TypeError (QTextEdit.setFontItalic) and do nothing
    qtbot.keyClicks(body, "italic")
    qtbot.keyClick(body, Qt.Key_I, CTRL)
    qtbot.keyClicks(body, " and ")
    qtbot.keyClick(body, Qt.Key_U, CTRL)
    qtbot.keyClicks(body, "under")
    qtbot.keyClick(body, Qt.Key_U, CTRL)
    qtbot.keyClicks(body, ".")
    assert runs(body) == [("Bold", True, False, False), (" then ", False, False, False),
                          ("italic", False, True, False), (" and ", False, False, False),
                          ("under", False, False, True), (".", False, False, False)]
    # the buttons (and actions) follow the cursor
    qtbot.keyClick(body, Qt.Key_Home)
    qtbot.keyClick(body, Qt.Key_Right)
    assert c.bold.isChecked() and c.bold_action.isChecked() and not c.italic.isChecked()
    for _ in range(len("Bold then it")):
        qtbot.keyClick(body, Qt.Key_Right)
    assert c.italic.isChecked() and c.italic_action.isChecked() and not c.bold.isChecked()
    qtbot.keyClick(body, Qt.Key_End)
    assert not (c.bold.isChecked() or c.italic.isChecked() or c.underline.isChecked())
    # the buttons are the same commands
    c.italic.click()
    qtbot.keyClicks(body, "!")
    assert runs(body)[-1] == ("!", False, True, False)
    html = c.draft().body
    assert "font-weight" in html and "font-style:italic" in html and "text-decoration: underline" in html
    shot(win, str(screenshot_dir / "compose-formatting.png"))


def test_with_rich_text_off_every_formatting_key_switches_to_rich_text_first(qtbot, window, screenshot_dir):
    """Issue 45: in a plain-text message Ctrl+B/I/U, Ctrl+Shift+7/8 and Ctrl+K used to do nothing (the
    commands were disabled); each now switches the message to rich text, then formats, and says so."""
    win = window
    c = win.compose
    new_message(qtbot, win, rich=False)
    assert not c.rich.isChecked()
    qtbot.keyClicks(c.body, "plain")
    assert c.draft().body == "plain" and runs(c.body) == [("plain", False, False, False)]
    shot(win, str(screenshot_dir / "compose-plain-text.png"))
    checks = {
        (Qt.Key_B, CTRL): lambda: c.bold_action.isChecked(),
        (Qt.Key_I, CTRL): lambda: c.italic_action.isChecked(),
        (Qt.Key_U, CTRL): lambda: c.underline_action.isChecked(),
        (Qt.Key_7, CTRL | SHIFT): lambda: c.body.textCursor().currentList() is not None,
        (Qt.Key_8, CTRL | SHIFT): lambda: c.body.textCursor().currentList() is not None,
        (Qt.Key_K, CTRL): lambda: c.fmt.link_bar.isVisible(),
    }
    for (k, mods), done in checks.items():
        c.rich.setChecked(False)  # plain again (nothing formatted yet: no question)
        assert not c.rich.isChecked() and not c.fmt.question.isVisible()
        c.body.setFocus(Qt.TabFocusReason)
        win.statusBar().clearMessage()
        qtbot.keyClick(c.body, k, mods)
        assert c.rich.isChecked(), k
        assert done(), k
        assert "Rich text is on" in win.statusBar().currentMessage()
        if c.fmt.link_bar.isVisible():
            key(qtbot, win, Qt.Key_Escape)
        else:
            qtbot.keyClick(c.body, Qt.Key_Z, CTRL)  # the format (a list) undone: nothing left to lose


def test_unticking_rich_text_asks_first_and_offers_undo(qtbot, window, sandbox, screenshot_dir):
    win = window
    c = win.compose
    new_message(qtbot, win)
    qtbot.keyClick(c.body, Qt.Key_B, CTRL)
    qtbot.keyClicks(c.body, "Keep")
    qtbot.keyClick(c.body, Qt.Key_B, CTRL)
    qtbot.keyClicks(c.body, " me")
    c.rich.setFocus()
    key(qtbot, win, Qt.Key_Space)  # untick: formatting would be lost, so nothing happens before an answer
    assert c.fmt.question.isVisible() and "formatting" in c.fmt.question.label.text()
    assert c.rich.isChecked() and "font-weight" in c.draft().body
    shot(win, str(screenshot_dir / "compose-rich-off-question.png"))
    assert win.focusWidget() is c.fmt.question.accept_button  # "Keep rich text" is Tab away
    key(qtbot, win, Qt.Key_Tab)
    assert win.focusWidget() is c.fmt.question.reject_button
    key(qtbot, win, Qt.Key_Space)  # Keep rich text
    assert not c.fmt.question.isVisible() and c.rich.isChecked() and "font-weight" in c.draft().body

    c.rich.setFocus()
    key(qtbot, win, Qt.Key_Space)
    assert win.focusWidget() is c.fmt.question.accept_button
    key(qtbot, win, Qt.Key_Space)  # Remove formatting
    d = c.draft()
    assert not c.rich.isChecked() and d.body == "Keep me" and d.body_format.value == "Text"
    assert c.fmt.undo_bar.isVisible() and win.focusWidget() is c.fmt.undo_bar.accept_button
    shot(win, str(screenshot_dir / "compose-rich-off-undo.png"))
    key(qtbot, win, Qt.Key_Space)  # Undo
    d = c.draft()
    assert c.rich.isChecked() and d.body_format.value == "HTML" and "font-weight" in d.body
    assert runs(c.body) == [("Keep", True, False, False), (" me", False, False, False)]
    assert not c.fmt.undo_bar.isVisible()

    # a body with no formatting switches at once, without a question
    key(qtbot, win, Qt.Key_N, CTRL)
    c.body.setFocus()
    c.rich.setChecked(True)
    qtbot.keyClicks(c.body, "just words")
    c.rich.setChecked(False)
    assert not c.fmt.question.isVisible() and c.draft().body == "just words"


def test_a_long_subject_never_widens_the_window_and_the_field_states_its_limit(qtbot, window, screenshot_dir):
    win = window
    c = win.compose
    width = win.width()
    screen = win.screen().availableGeometry().width()
    needs = c.minimumSizeHint().width()
    assert needs < screen - 150, "Compose (with its toolbar) fits beside the sidebar on an 800-pixel screen"
    key(qtbot, win, Qt.Key_N, CTRL)
    c.subject.setFocus()
    qtbot.keyClicks(c.subject, "y" * 254)
    assert not c.subject_note.isVisible()
    qtbot.keyClicks(c.subject, "y")
    assert c.subject_note.isVisible() and "255 characters" in c.subject_note.text()
    assert c.subject_note.objectName() == "viewSubtitle"  # reached: a note, not yet an error
    qtbot.keyClicks(c.subject, "y" * 63)  # 318: nothing typed is cut off; the note says how many there are
    assert len(c.subject.text()) == 318 and "318" in c.subject_note.text()
    assert c.subject_note.objectName() == "fieldError"
    QApplication.processEvents()
    assert c.title.text() == "y" * 318
    assert win.width() == width and c.minimumSizeHint().width() == needs
    assert c.send_button.isVisible() and c.send_button.geometry().right() <= c.width()
    shot(win, str(screenshot_dir / "compose-long-subject.png"))
    for _ in range(63):
        key(qtbot, win, Qt.Key_Backspace)
    assert c.subject_note.isVisible() and "318" not in c.subject_note.text()
    key(qtbot, win, Qt.Key_Backspace)
    assert not c.subject_note.isVisible()

    # the Sent preview's heading: one unbroken 318-character subject
    key(qtbot, win, Qt.Key_3, CTRL)
    s = win.sent
    s.show_message(Draft(subject="short", body="b"), sender=ALICE)
    QApplication.processEvents()
    needs = s.minimumSizeHint().width()
    s.show_message(Draft(subject="z" * 318, body="b"), sender=ALICE)
    QApplication.processEvents()
    assert s.subject_label.text() == "z" * 318
    assert win.width() == width and s.minimumSizeHint().width() == needs < screen - 150
    shot(win, str(screenshot_dir / "sent-long-subject.png"))


def test_link_numbered_list_indent_and_plain_paste_reach_the_server_as_html(qtbot, window, sandbox, screenshot_dir):
    win = window
    c = win.compose
    new_message(qtbot, win, subject="Rich features")
    body = c.body
    qtbot.keyClicks(body, "See the ")
    qtbot.keyClick(body, Qt.Key_K, CTRL)  # link with nothing selected: the address becomes the text
    assert c.fmt.link_bar.isVisible() and win.focusWidget() is c.fmt.link_bar.field
    qtbot.keyClicks(win.focusWidget(), "javascript:alert(1)")
    key(qtbot, win, Qt.Key_Return)  # refused, the field stays open
    assert c.fmt.link_bar.isVisible() and "https" in c.fmt.link_bar.label.text()
    win.focusWidget().clear()
    qtbot.keyClicks(win.focusWidget(), "example.com/plan")
    key(qtbot, win, Qt.Key_Return)
    assert not c.fmt.link_bar.isVisible() and win.focusWidget() is body
    qtbot.keyClicks(body, " now")  # typed after the link: not part of it
    qtbot.keyClick(body, Qt.Key_Return)
    # select the word "Agenda" and make it a link
    qtbot.keyClicks(body, "Agenda")
    for _ in range(6):
        qtbot.keyClick(body, Qt.Key_Left, SHIFT)
    qtbot.keyClick(body, Qt.Key_K, CTRL)
    qtbot.keyClicks(win.focusWidget(), "https://example.org/agenda")
    key(qtbot, win, Qt.Key_Return)
    qtbot.keyClick(body, Qt.Key_End)
    qtbot.keyClick(body, Qt.Key_Return)
    qtbot.keyClick(body, Qt.Key_7, CTRL | SHIFT)  # numbered list
    assert c.numbered_action.isChecked() and body.textCursor().currentList() is not None
    qtbot.keyClicks(body, "first")
    qtbot.keyClick(body, Qt.Key_Return)
    qtbot.keyClicks(body, "second")
    qtbot.keyClick(body, Qt.Key_Return)
    qtbot.keyClick(body, Qt.Key_7, CTRL | SHIFT)  # numbered list off
    assert body.textCursor().currentList() is None and not c.numbered_action.isChecked()
    qtbot.keyClick(body, Qt.Key_BracketRight, CTRL)  # indent
    qtbot.keyClicks(body, "indented")
    qtbot.keyClick(body, Qt.Key_Return)
    qtbot.keyClick(body, Qt.Key_BracketLeft, CTRL)  # outdent
    # paste as plain text: the clipboard's HTML (bold, a remote image) is not taken, only its words
    mime = QMimeData()
    mime.setHtml("<b>pasted</b> <img src='http://127.0.0.1:9/x.png'>words")
    mime.setText("pasted words")
    QApplication.clipboard().setMimeData(mime)
    qtbot.keyClick(body, Qt.Key_V, CTRL | SHIFT)
    assert body.toPlainText().endswith("pasted words")
    assert runs(body)[-1][1:] == (False, False, False)
    shot(win, str(screenshot_dir / "compose-rich-features.png"))

    draft = c.draft()
    assert '<a href="https://example.com/plan">' in draft.body
    key(qtbot, win, Qt.Key_Return, CTRL)  # Send
    qtbot.waitUntil(lambda: len(sandbox.mailbox(BOB).items("inbox")) == 1
                    and len(sandbox.mailbox(ALICE).items("sentitems")) == 1, timeout=30000)
    wait_idle(qtbot, win)
    for who, folder in ((BOB, "inbox"), (ALICE, "sentitems")):
        (item,) = sandbox.mailbox(who).items(folder)
        html = item["body"]
        assert item["body_type"] == "HTML"
        links = re.sub(r"</?span[^>]*>", "", html)  # the link's own style (underline, colour) aside
        assert '<a href="https://example.com/plan">example.com/plan</a> now' in links  # " now": not the link
        assert '<a href="https://example.org/agenda">Agenda</a>' in links
        assert "<ol" in html and html.count("<li") == 2 and "first" in html and "second" in html
        assert "margin-left:40px" in html.replace(" ", "") and "indented" in html
        indented = html.split("indented")[0].rsplit("<p", 1)[1]
        assert "margin-left:40px" in indented.replace(" ", "")
        pasted = html.split("pasted words")[0].rsplit("<p", 1)[1]
        assert "margin-left:40px" not in pasted.replace(" ", "") and "font-weight:700" not in pasted
        assert "127.0.0.1:9" not in html


def test_formatting_commands_are_actions_with_shortcuts(qtbot, window):
    c = window.compose
    want = {"bold_action": "Ctrl+B", "italic_action": "Ctrl+I", "underline_action": "Ctrl+U",
            "link_action": "Ctrl+K", "numbered_action": "Ctrl+Shift+7", "bullets_action": "Ctrl+Shift+8",
            "indent_action": "Ctrl+]", "outdent_action": "Ctrl+[", "paste_plain_action": "Ctrl+Shift+V"}
    for name, keys in want.items():
        a = getattr(c, name)
        assert a.shortcut().toString() == keys and a.shortcutContext() == Qt.WidgetWithChildrenShortcut
        assert a in c.actions() and a in c.formatting_actions() and a.text()
    # cursor helper for readers: the bullets still work through their key
    c.rich.setChecked(True)
    c.body.setFocus()
    qtbot.keyClick(c.body, Qt.Key_8, CTRL | SHIFT)
    assert c.bullets.isChecked() and c.body.textCursor().currentList() is not None
    assert c.body.textCursor().position() == QTextCursor(c.body.document()).position()


def test_paste_as_plain_text_goes_to_the_focused_field(qtbot, window):
    win = window
    c = win.compose
    new_message(qtbot, win, subject="Re: ")
    mime = QMimeData()
    mime.setHtml("<b>Quarterly</b><br>numbers")
    mime.setText("Quarterly\nnumbers")
    QApplication.clipboard().setMimeData(mime)
    c.subject.setFocus()
    qtbot.keyClick(c.subject, Qt.Key_V, CTRL | SHIFT)
    assert c.subject.text() == "Re: Quarterly numbers" and c.body.toPlainText() == ""
    c.body.setFocus()
    qtbot.keyClick(c.body, Qt.Key_B, CTRL)
    qtbot.keyClick(c.body, Qt.Key_V, CTRL | SHIFT)  # the format at the cursor (bold), none of the paste's
    assert c.body.toPlainText() == "Quarterly\nnumbers"
    assert [r[1] for r in runs(c.body)] == [True, True]

