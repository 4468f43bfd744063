"""Reply all, Forward and Edit as new from Sent by keys (issue 50), in the real window on each backend (EWS,
Graph) against the sandbox over HTTP: a message is sent; Ctrl+3, its row, Ctrl+Shift+R opens Compose with
the original's recipients (never Alice), ``RE:`` and the quote, the keyboard above it; Ctrl+Return sends a
reply that joins the original's thread on Bob's side. Ctrl+L forwards (the keyboard in To), Ctrl+E opens a
copy as a new message."""

from __future__ import annotations

import base64

from PySide6.QtCore import Qt

from app.domain import follow_up
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, SHIFT, key
from tests.helpers.lists import select_sent
from tests.helpers.mailbox import items
from tests.helpers.status_bar import whole_message
from tests.helpers.backends import BOB
from tests.helpers.windows import wait_idle

CAROL = "carol@example.com"
DAVE = "dave@example.com"


def _inbox(sandbox, who, subject):
    return [m for m in items(sandbox, "inbox", who) if m["subject"] == subject]


def test_reply_all_forward_and_edit_as_new_by_keys(qtbot, ui_window, ui_sandbox, ui_backend, screenshot_dir):
    win, c, sandbox = ui_window, ui_window.compose, ui_sandbox
    type_message(qtbot, win, cc=CAROL, bcc="", subject="Numbers", body="Q3 is up.")
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(_inbox(sandbox, BOB, "Numbers")) == 1, timeout=20000)
    wait_idle(qtbot, win)
    [orig] = _inbox(sandbox, BOB, "Numbers")

    # Reply all: Bob in To, Carol in Cc, never Alice; the quote below, the keyboard above it
    select_sent(qtbot, win, "Numbers", Qt.Key_Home)
    key(qtbot, win, Qt.Key_R, CTRL | SHIFT)
    qtbot.waitUntil(lambda: win.current_view() == "compose" and c.subject.text() == "RE: Numbers", timeout=5000)
    qtbot.waitUntil(lambda: "Q3 is up." in c.draft().body, timeout=5000)
    d = c.draft()
    assert [r.email for r in d.to] == [BOB] and [r.email for r in d.cc] == [CAROL] and d.bcc == []
    assert f"\n{follow_up.SEPARATOR}\nFrom: Alice Anderson <alice@example.com>\n" in d.body  # as the server read it
    assert win.focusWidget() is c.body and c.body.textCursor().position() == 0
    assert d.in_reply_to == orig["internet_message_id"]
    # the index Outlook would compute: the original's plus one child block, and its topic
    assert d.thread_index[:-5] == base64.b64decode(orig["fields"]["ConversationIndex"]) and d.thread_topic == "Numbers"
    win.grab().save(str(screenshot_dir / f"sent-reply-all-{ui_backend}.png"))
    qtbot.keyClicks(c.body, "Thanks, all.")
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(_inbox(sandbox, CAROL, "RE: Numbers")) == 1, timeout=20000)
    wait_idle(qtbot, win)
    [got] = _inbox(sandbox, BOB, "RE: Numbers")
    assert got["body"].startswith("Thanks, all.\n\n" + follow_up.SEPARATOR)
    assert got["fields"]["InReplyTo"] == orig["internet_message_id"]
    first = base64.b64decode(orig["fields"]["ConversationIndex"])
    assert base64.b64decode(got["fields"]["ConversationIndex"])[:len(first)] == first  # the same conversation
    assert base64.b64decode(got["fields"]["ConversationIndex"]) == d.thread_index  # the one the client computed

    # Forward the original (now the second row): To is empty and has the keyboard
    select_sent(qtbot, win, "Numbers", Qt.Key_End)
    key(qtbot, win, Qt.Key_L, CTRL)
    qtbot.waitUntil(lambda: c.subject.text() == "FW: Numbers", timeout=5000)
    assert c.draft().all_recipients() == [] and win.focusWidget() is c.to.edit
    win.grab().save(str(screenshot_dir / f"sent-forward-{ui_backend}.png"))
    qtbot.keyClicks(c.to.edit, DAVE)
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(_inbox(sandbox, DAVE, "FW: Numbers")) == 1, timeout=20000)
    wait_idle(qtbot, win)
    assert _inbox(sandbox, DAVE, "FW: Numbers")[0]["fields"]["InReplyTo"] == orig["internet_message_id"]

    # Edit as new: the same message again, as a new one with its own Message-ID
    select_sent(qtbot, win, "Numbers", Qt.Key_End)
    key(qtbot, win, Qt.Key_E, CTRL)
    qtbot.waitUntil(lambda: c.subject.text() == "Numbers" and win.current_view() == "compose", timeout=5000)
    qtbot.waitUntil(lambda: c.draft().body == "Q3 is up.", timeout=5000)
    assert [r.email for r in c.draft().to] == [BOB] and c.current_ref() is None
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(_inbox(sandbox, BOB, "Numbers")) == 2, timeout=20000)
    wait_idle(qtbot, win)
    assert len({m["internet_message_id"] for m in _inbox(sandbox, BOB, "Numbers")}) == 2


def test_the_keys_elsewhere_say_where_they_work(qtbot, window):
    win = window
    key(qtbot, win, Qt.Key_2, CTRL)
    win.actions_.reply_all.trigger()  # from the menu, outside Sent
    assert "press Ctrl+3" in whole_message(win)
    assert win.current_view() == "drafts"


def test_a_rich_message_is_forwarded_with_its_files_and_its_quote_loads_nothing_remote(qtbot, window, sandbox,
                                                                                       screenshot_dir):
    from exchangelib import FileAttachment, HTMLBody, Mailbox, Message

    from tests.helpers.ews_accounts import make_account

    alice = make_account(sandbox, "alice@example.com")
    m = Message(account=alice, folder=alice.sent, subject="Poster", to_recipients=[Mailbox(email_address=BOB)],
                body=HTMLBody('<html><head><title>t</title></head><body><p>Hello <b>team</b>'
                              '<img src="http://127.0.0.1:9/track.png"></p></body></html>'))
    m.attach(FileAttachment(name="plan.txt", content=b"the plan"))
    m.send_and_save()
    win, c = window, window.compose
    key(qtbot, win, Qt.Key_3, CTRL)
    key(qtbot, win, Qt.Key_F5)  # put there after the window listed Sent
    select_sent(qtbot, win, "Poster", Qt.Key_Home)
    key(qtbot, win, Qt.Key_L, CTRL)
    qtbot.waitUntil(lambda: c.subject.text() == "FW: Poster" and "Hello team" in c.body.toPlainText(), timeout=5000)
    assert c.rich.isChecked()
    assert [a.name for a in c.draft().attachments] == ["plan.txt"]
    assert c.body.document().blocked == ["http://127.0.0.1:9/track.png"]  # the quote's remote picture: refused
    assert "Subject: Poster" in c.body.toPlainText() and "<title>" not in c.draft().body
    win.grab().save(str(screenshot_dir / "sent-forward-rich.png"))
