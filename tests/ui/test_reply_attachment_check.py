"""Issue 73, item 2: the attachment check reads only what the user wrote. A reply to a message that said
"attached" (its file not carried, as Outlook does) goes out without "Send without an attachment?": the quoted
header block and original are not the user's, in every language's header (From:, De :, Von:) and in a plain
or a rich reply (a rich one as Compose's editor writes it back). Words the user types above the quote are
still read. Real window on the sandbox over HTTP, by keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.helpers.backends import BOB
from tests.helpers.keys import CTRL, SHIFT, focus_key, key
from tests.helpers.language import in_language
from tests.helpers.mailbox import items
from tests.helpers.windows import close_window, open_window, wait_idle

SAID = {"en": "From:", "fr": "De\u00a0:", "de": "Von:"}


def _sent_with_a_file(sandbox, subject: str, rich: bool) -> None:
    """A message in Alice's Sent that says its file is attached, and has it (sent by another client)."""
    from exchangelib import FileAttachment, HTMLBody, Mailbox, Message

    from tests.helpers.ews_accounts import make_account

    alice = make_account(sandbox, "alice@example.com")
    body = HTMLBody("<html><body><p>Please find <b>attached</b> the numbers.</p></body></html>") if rich \
        else "Please find attached the numbers."
    m = Message(account=alice, folder=alice.sent, subject=subject, to_recipients=[Mailbox(email_address=BOB)],
                body=body)
    m.attach(FileAttachment(name="numbers.csv", content=b"q3,12"))
    m.send_and_save()


def _reply_to(qtbot, win, subject: str) -> None:
    key(qtbot, win, Qt.Key_3, CTRL)
    key(qtbot, win, Qt.Key_F5)
    qtbot.waitUntil(lambda: win.sent.model.rowCount() >= 1 and not win.sent.model.loading, timeout=10000)
    win.sent.table.setFocus()
    qtbot.keyClick(win.sent.table, Qt.Key_Home)
    qtbot.waitUntil(lambda: win.sent.shown_message() is not None
                    and win.sent.shown_message().subject == subject, timeout=10000)
    key(qtbot, win, Qt.Key_R, CTRL | SHIFT)
    qtbot.waitUntil(lambda: win.current_view() == "compose" and subject in win.compose.subject.text(), timeout=5000)
    qtbot.waitUntil(lambda: "numbers." in win.compose.body.toPlainText(), timeout=5000)


def _send_and_see(qtbot, win, sandbox, subject_sent: str) -> str:
    """Ctrl+Return: "sent" when the reply reached Bob, "asked" when the question came up instead."""
    key(qtbot, win, Qt.Key_Return, CTRL)
    inbox = lambda: [m for m in items(sandbox, "inbox", BOB) if m["subject"] == subject_sent]  # noqa: E731
    qtbot.waitUntil(lambda: win.flows.send_question is not None or len(inbox()) == 1, timeout=20000)
    return "asked" if win.flows.send_question is not None else "sent"


@pytest.mark.parametrize("lang,rich", [("en", False), ("fr", True), ("de", False), ("de", True)])
def test_a_reply_to_a_message_that_said_attached_is_sent_without_the_question(qtbot, aloop, sandbox, settings,
                                                                             lang, rich):
    subject = f"Numbers {lang} {'rich' if rich else 'plain'}"
    _sent_with_a_file(sandbox, subject, rich)
    with in_language(lang):
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        try:
            c = win.compose
            _reply_to(qtbot, win, subject)
            assert c.rich.isChecked() == rich and SAID[lang].replace("\u00a0", " ") in c.body.toPlainText(), \
                "the language's quote header (the editor's text gives its no-break space as a space)"
            assert c.attachments.attachments() == [], "a reply carries no file"
            qtbot.keyClicks(c.body, "Thanks, the totals match.")
            prefix = c.subject.text()
            assert _send_and_see(qtbot, win, sandbox, prefix) == "sent", \
                "the quoted original said 'attached', the user did not"
            wait_idle(qtbot, win)
        finally:
            close_window(win, session)


def test_the_users_own_words_above_the_quote_are_still_read(qtbot, window, sandbox):
    win, c = window, window.compose
    _sent_with_a_file(sandbox, "Budget", rich=False)
    _reply_to(qtbot, win, "Budget")
    qtbot.keyClicks(c.body, "Corrected file attached.")
    assert _send_and_see(qtbot, win, sandbox, "RE: Budget") == "asked"
    box = win.flows.send_question
    assert "“attached”" in box.text()
    focus_key(qtbot, win, Qt.Key_Escape)  # Go back
    qtbot.waitUntil(lambda: win.flows.send_question is None, timeout=5000)
    wait_idle(qtbot, win)
    assert all(m["subject"] != "RE: Budget" for m in items(sandbox, "inbox", BOB)), "not sent"
