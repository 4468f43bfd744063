"""Times and quotes in the window's language, by keys in the real window: a reply from Sent quotes the original
under Outlook's French or German header block ("De :", "Envoyé :" / "Von:", "Gesendet:", the long date in the
language), and Send later understands French or German words and says why it cannot use others, in the
window's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain import follow_up
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, SHIFT, key
from tests.helpers.language import in_language
from tests.helpers.mailbox import items
from tests.helpers.backends import BOB
from tests.helpers.windows import close_window, open_window, wait_idle

NBSP = "\u00a0"
LANGUAGES = {
    "fr": {"lines": [f"De{NBSP}: Alice Anderson <alice@example.com>", f"Envoyé{NBSP}: ",
                     f"À{NBSP}: Bob <bob@example.com>", f"Objet{NBSP}: RE: Chiffres"],
           "reply": f"RE{NBSP}: Chiffres", "forward": f"TR{NBSP}: RE: Chiffres",
           "days": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
           "later": "demain 8h", "wrong": "demain 25h", "says": "n'est pas une heure valide"},
    "de": {"lines": ["Von: Alice Anderson <alice@example.com>", "Gesendet: ", "An: Bob <bob@example.com>",
                     "Betreff: RE: Chiffres"],
           "reply": "AW: Chiffres", "forward": "WG: RE: Chiffres",
           "days": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
           "later": "morgen 8 Uhr", "wrong": "morgen 25 Uhr", "says": "ist keine gültige Uhrzeit"},
}


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_reply_from_sent_quotes_in_the_windows_language(qtbot, aloop, sandbox, settings, screenshot_dir, lang):
    want = LANGUAGES[lang]
    with in_language(lang):
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        try:
            qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
            c = win.compose
            # a reply already (an English one): the language's prefix takes its place, no "AW: RE:" chain
            type_message(qtbot, win, cc="", bcc="", subject="RE: Chiffres", body="Q3 en hausse.")
            key(qtbot, win, Qt.Key_Return, CTRL)
            qtbot.waitUntil(lambda: any(m["subject"] == "RE: Chiffres" for m in items(sandbox, "inbox", BOB)),
                            timeout=20000)
            wait_idle(qtbot, win)
            key(qtbot, win, Qt.Key_3, CTRL)
            qtbot.waitUntil(lambda: win.sent.model.rowCount() >= 1 and not win.sent.model.loading, timeout=10000)
            win.sent.table.setFocus()
            qtbot.keyClick(win.sent.table, Qt.Key_Home)
            qtbot.waitUntil(lambda: win.sent.shown_message() is not None, timeout=10000)
            key(qtbot, win, Qt.Key_R, CTRL | SHIFT)
            qtbot.waitUntil(lambda: win.current_view() == "compose" and "Q3 en hausse." in c.draft().body,
                            timeout=5000)
            assert c.subject.text() == want["reply"]  # Outlook's prefix in the language, once
            body = c.draft().body.replace(NBSP, " ")  # the editor gives its no-break spaces back as spaces
            head = body.split(follow_up.SEPARATOR + "\n", 1)[1].split("\n\n", 1)[0].split("\n")
            lines = [line.replace(NBSP, " ") for line in want["lines"]]
            assert len(head) == 4 and all(got.startswith(w) for got, w in zip(head, lines)), head
            sent_line = head[1]
            assert any(day in sent_line for day in want["days"]), sent_line  # the locale's long date
            assert "From:" not in body and "Subject:" not in body
            win.grab().save(str(screenshot_dir / f"reply-quote-{lang}.png"))
            # Forward (Ctrl+L) from Sent: the language's forward prefix before the reply's
            key(qtbot, win, Qt.Key_D, CTRL | SHIFT)  # put the reply aside (Ctrl+Shift+D discards it)
            key(qtbot, win, Qt.Key_3, CTRL)
            win.sent.table.setFocus()
            qtbot.keyClick(win.sent.table, Qt.Key_Home)
            qtbot.waitUntil(lambda: win.sent.shown_message() is not None, timeout=10000)
            key(qtbot, win, Qt.Key_L, CTRL)
            qtbot.waitUntil(lambda: win.current_view() == "compose" and c.subject.text() == want["forward"],
                            timeout=5000)
        finally:
            close_window(win, session)


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_send_later_takes_the_languages_words_and_says_why_in_it(qtbot, aloop, sandbox, settings, screenshot_dir,
                                                                 lang):
    want = LANGUAGES[lang]
    with in_language(lang):
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        try:
            qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
            type_message(qtbot, win, cc="", bcc="", subject="Demain", body="1. chiffres")
            key(qtbot, win, Qt.Key_T, CTRL | SHIFT)
            timing = win.send_timing
            qtbot.waitUntil(lambda: timing.dialog is not None and timing.dialog.isVisible(), timeout=5000)
            dlg = timing.dialog
            qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.when, timeout=5000)
            assert want["later"].split()[0] in dlg.when.placeholderText()  # the examples in the language
            qtbot.keyClicks(dlg.when, want["wrong"])
            qtbot.keyClick(dlg.when, Qt.Key_Return)
            assert dlg.isVisible() and want["says"] in dlg.error.text(), dlg.error.text()
            assert win.session.outbox.queue.subs == {}
            dlg.grab().save(str(screenshot_dir / f"send-later-error-{lang}.png"))
            dlg.when.selectAll()
            qtbot.keyClicks(dlg.when, want["later"])
            qtbot.keyClick(dlg.when, Qt.Key_Return)
            qtbot.waitUntil(lambda: len(win.session.outbox.queue.subs) == 1, timeout=5000)
        finally:
            close_window(win, session)
