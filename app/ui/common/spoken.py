"""What the window tells a screen reader about a save or a send, through a feature's port (its one channel,
:meth:`app.ui.common.port.ShellPort.say`, to the window's one voice, app.ui.common.announce): the same words the window shows (the Compose state, the status bar, the undo bar), so
what is read and what is seen agree. Wiring only: which countdown seconds are said is
:mod:`app.core.outbox.countdown_speech`; the words of a send in the Outbox are :mod:`app.core.outbox.words`.

Polite (said after what is being read): a draft saved (and where), the undo countdown, sent, waiting in the
Outbox, taken back, a message back in Compose. Assertive (said at once): a save or a send refused, with the
reason in words, and a per-item error arriving in the Outbox.

When the keyboard moved by itself (a send cleared Compose and put the cursor in a new message's To field),
the announcement says where it went: "Sent: Team lunch. New message."
"""

from __future__ import annotations

from app.core.outbox import words as outbox_words
from app.core.sending.batch_report import batch_summary, not_sent
from app.core.outbox.rows import send_view
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.port import Level
from app.ui.common.tr import shown, translate

#: where the cursor is after a send cleared Compose (its title then; translated where shown: :func:`new_message`)
NEW_MESSAGE = QT_TRANSLATE_NOOP("Spoken", "New message")


def new_message() -> str:
    """:data:`NEW_MESSAGE` in the user's language."""
    return translate("Spoken", NEW_MESSAGE)


def with_focus(words: str, moved_to: str = "") -> str:
    """``words``, then where the keyboard went by itself ("Sent: Lunch. New message."), in the user's language."""
    words, moved_to = shown(words), shown(moved_to)
    if not moved_to:
        return words
    return translate("Spoken", "{words}. {moved_to}.").format(words=words.rstrip(" ."), moved_to=moved_to)


def speak(voice, words: str, level: Level, moved_to: str = "") -> None:
    """The voice's part of :meth:`app.ui.common.port.ShellPort.say`: ``words`` (then where the keyboard went by
    itself) said by ``voice`` (the window's Announcer) politely, or at once for an ALERT; a PROGRESS step is not said
    (its outcome is); an ERROR is the banner's to say."""
    if voice is None or not words or level in (Level.PROGRESS, Level.ERROR):
        return
    voice.say(with_focus(shown(words), moved_to), assertive=level == Level.ALERT)


def say(port, words: str, moved_to: str = "", *, loud: bool = False) -> None:
    """``words`` (then where the keyboard went by itself) to a screen reader only (they are shown by the view itself):
    an error or a question ``loud`` (assertive), else polite. Through the port's one channel
    (:meth:`app.ui.common.port.ShellPort.say`)."""
    if words:
        port.say(shown(words), Level.ALERT if loud else Level.INFO, moved_to=moved_to, bar=False)


def show(port, words: str, ms: int, *, loud: bool = False, moved_to: str = "") -> None:
    """``words`` in the status bar for ``ms``, and said: one call of the port's channel."""
    port.say(words, Level.ALERT if loud else Level.INFO, ms=ms, moved_to=moved_to)


def polite(port, words: str, moved_to: str = "") -> None:
    say(port, words, moved_to)


def assertive(port, words: str, moved_to: str = "") -> None:
    say(port, words, moved_to, loud=True)


def saved(port, words: str) -> None:
    """A draft was saved: ``words`` say where ("Saved to Drafts", or kept on this computer)."""
    polite(port, words)


def not_saved(port, words: str) -> None:
    """A save was refused: why."""
    assertive(port, words)


def countdown(port, bar_text: str, moved_to: str = "") -> None:
    """The undo countdown's start or its last seconds (:mod:`app.core.outbox.countdown_speech` says which), in the bar's
    words."""
    polite(port, bar_text, moved_to)


def sent(port, subject: str, moved_to: str = "") -> None:
    polite(port, outbox_words.sent(subject), moved_to)


def refused(port, words: str, moved_to: str = "") -> None:
    """A send refused (the reason in words, as Compose or the status bar shows it), or a per-item error
    arriving in the Outbox."""
    assertive(port, words, moved_to)



def back_in_compose(port, words: str) -> None:
    """A message taken back (Undo, or out of the Outbox) is in Compose again, the cursor in it."""
    polite(port, words)


def batch_done(port, total: int, sent: int, taken_back: int, later: int = 0) -> None:
    """Send selected's end in the status bar's line ("Sent 2 of 3; 1 not sent (see Status)"): assertive when some
    were not sent (their rows say why), else polite (``later``: kept in the Outbox for a later day, the user's
    choice, not a refusal). All taken back by Undo: Undo said so already."""
    if total and taken_back == total:
        return
    words = batch_summary(total, sent, taken_back, later)
    say(port, words, loud=not_sent(total, sent, taken_back, later))


def outbox_words_said(port, sub, words: str, moved_to: str = "") -> None:
    """The status bar's words about a send handed to the Outbox (:func:`app.core.outbox.words.words_now`), said
    as they change: a refusal assertive, anything else polite."""
    say(port, words, moved_to, loud=sub is not None and send_view(sub).not_sent)
