"""The window's voice to a screen reader (app/ui/common/announce.py): plain words, polite or assertive, and the
same words not said twice in a row (a countdown or a repeated retry is not a flood)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ui.common.announce import REPEAT_AFTER, Announcer, plain


def test_plain_words_once_each(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    now = [100.0]
    a = Announcer(w, clock=lambda: now[0])
    got = []
    a.said.connect(lambda text, assertive: got.append((text, assertive)))
    a.polite("In the Outbox  (retrying in 5 s —\n ErrorServerBusy)")
    a.polite("In the Outbox (retrying in 5 s — ErrorServerBusy)")  # the same words again at once: not said
    a.assertive("Not sent:\n  the server refused it")
    a.polite("   ")
    now[0] += REPEAT_AFTER
    a.polite("In the Outbox (retrying in 5 s — ErrorServerBusy)")  # later: said again
    assert got == [("In the Outbox (retrying in 5 s — ErrorServerBusy)", False),
                   ("Not sent: the server refused it", True),
                   ("In the Outbox (retrying in 5 s — ErrorServerBusy)", False)]


def test_plain_keeps_what_is_not_markup(qapp):
    assert plain("a < b and c > d") == "a < b and c > d"
    assert plain("Sent to Ann <ann@example.com>") == "Sent to Ann <ann@example.com>"
    assert plain("ErrorMalformedResponse") == "ErrorMalformedResponse"
    # never read as HTML: a subject or an address is data, said as written
    assert plain("Sent: <b>Q3</b>") == "Sent: <b>Q3</b>"
    assert plain("Anna Smith <a.smith@example.com>, 1 of 2 suggestions") == (
        "Anna Smith <a.smith@example.com>, 1 of 2 suggestions")
    assert plain("Found: use <br> not <br/>") == "Found: use <br> not <br/>"


def test_words_that_answer_a_key_are_said_again_at_once(qtbot):
    """Moving back to a suggestion just heard says it again: the user asked (a countdown does not)."""
    w = QWidget()
    qtbot.addWidget(w)
    a = Announcer(w, clock=lambda: 100.0)
    got = []
    a.said.connect(lambda text, assertive: got.append(text))
    a.polite("Ann <ann@example.com>, 1 of 2 suggestions")
    a.polite("Ann <ann@example.com>, 1 of 2 suggestions", keyed=True)
    a.polite("Ann <ann@example.com>, 1 of 2 suggestions")
    assert got == ["Ann <ann@example.com>, 1 of 2 suggestions"] * 2


def test_the_status_bar_is_said_at_the_end_of_the_turn_unless_the_code_said_it(qtbot):
    """The status bar is the window's polite live region: what it shows is said once the turn of the loop that
    showed it ends, unless the code that showed it has said the same words, or words holding them, by then."""
    w = QWidget()
    qtbot.addWidget(w)
    now = [100.0]
    a = Announcer(w, clock=lambda: now[0])
    got = []
    a.said.connect(lambda text, assertive: got.append((text, assertive)))
    a.status("Nothing to save: Compose is empty")
    assert got == [], "not at once: the code that showed it may still say it in its own words"
    qtbot.waitUntil(lambda: len(got) == 1)
    assert got == [("Nothing to save: Compose is empty", False)]
    a.status("Sent: Lunch")
    a.polite("Sent: Lunch. New message.")  # the code's own words hold the bar's
    a.status("Not sent: refused")
    a.assertive("Not sent: refused")  # said assertively by the code: not again, politely, by the bar
    a.status("Theme: Dark")
    a.status("Theme:  Dark")  # the same words twice in a turn: once
    qtbot.wait(1)
    qtbot.waitUntil(lambda: len(got) == 4)
    assert got[1:] == [("Sent: Lunch. New message.", False), ("Not sent: refused", True), ("Theme: Dark", False)]
