"""The words and politeness app/ui/common/spoken.py gives the window's events, on a real Announcer (no window):
what a batch's end says when some were not sent, and where the keyboard went said after the words."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtWidgets import QWidget

from app.core.outbox.submission import SubState
from app.ui.common.announce import Announcer
from app.ui.common.port import Level
from app.ui.common import spoken
from app.ui.common.spoken import speak


def _window(qtbot):
    anchor = QWidget()
    qtbot.addWidget(anchor)
    now = [0.0]
    voice = Announcer(anchor, clock=lambda: now[0])
    # the shell's port as the spoken words reach it (its voice part is the kit's: spoken.speak); no status bar here
    w = SimpleNamespace(say=lambda words, level=Level.INFO, *, moved_to="", **_shown: speak(voice, words, level, moved_to))
    said = []
    voice.said.connect(lambda text, assertive: said.append((text, assertive)))

    def later():
        now[0] += 10  # past the Announcer's repeat window: each case on its own
    return w, said, later


def test_a_batch_end_is_assertive_when_some_were_not_sent_and_silent_when_undo_took_all_back(qtbot):
    w, said, later = _window(qtbot)
    spoken.batch_done(w, 3, 2, 0)
    later()
    spoken.batch_done(w, 3, 3, 0)
    later()
    spoken.batch_done(w, 2, 0, 2)  # Undo said "Not sent: 2 drafts stay in Drafts" already
    later()
    spoken.batch_done(w, 3, 1, 2)
    later()
    spoken.batch_done(w, 3, 2, 0, later=1)  # kept for later by the user's choice: not a refusal
    assert said == [("Sent 2 of 3; 1 not sent (see Status)", True), ("Sent 3 of 3", False),
                    ("Sent 1 of 3; 2 drafts taken back, kept in Drafts", False),
                    ("Sent 2 of 3; 1 kept in the Outbox for later", False)]


def test_where_the_keyboard_went_follows_the_words(qtbot):
    w, said, later = _window(qtbot)
    spoken.sent(w, "Team lunch", spoken.NEW_MESSAGE)
    later()
    spoken.sent(w, "", "")
    later()
    failed, queued = SimpleNamespace(state=SubState.FAILED), SimpleNamespace(state=SubState.QUEUED)
    spoken.outbox_words_said(w, failed, "Not sent: No valid recipients — it is in the Outbox (Ctrl+4)")
    spoken.outbox_words_said(w, queued, "In the Outbox (waiting to send): it goes out by itself (Ctrl+4)",
                             spoken.NEW_MESSAGE)
    assert said == [("Sent: Team lunch. New message.", False), ("Sent: (no subject)", False),
                    ("Not sent: No valid recipients — it is in the Outbox (Ctrl+4)", True),
                    ("In the Outbox (waiting to send): it goes out by itself (Ctrl+4). New message.", False)]
