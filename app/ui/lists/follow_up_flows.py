"""Reply all, Forward and Edit as new from Sent: the previewed message, followed up
(app/domain/follow_up.py), opens in Compose as a new message. From there it is a draft like any other: saved,
journaled and sent through the one submission path, its thread (In-Reply-To, References) in the draft itself."""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from PySide6.QtCore import QLocale

from app.domain import follow_up
from app.domain.models import Draft, Recipient
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.tr import plain_english, translate
from app.ui.common.port import ShellPort

#: what the status bar says once Compose shows it
OPENED = {"reply_all": QT_TRANSLATE_NOOP("FollowUp", "Reply all: write above the quoted message, then Ctrl+Return"),
          "forward": QT_TRANSLATE_NOOP("FollowUp", "Forward: type who it goes to, then Ctrl+Return"),
          "edit_as_new": QT_TRANSLATE_NOOP("FollowUp", "A copy of the sent message: a new message, not saved yet")}


def quote_header() -> follow_up.Header:
    """The quoted header block and the subject's prefix in the window's language, as Outlook writes them ("De :",
    "Envoyé :", "RE :", "TR :"; "Von:", "Gesendet:", "AW:", "WG:"), the sent date in the language's long format
    (English: Outlook's own, as before)."""
    english = follow_up.Header()
    if plain_english():
        date = english.date
    else:
        def date(when: datetime) -> str:
            loc = QLocale()
            return f"{loc.toString(when.date(), QLocale.FormatType.LongFormat)} {loc.toString(when.time(), 'HH:mm')}"
    return follow_up.Header(sender=translate("Quote", english.sender), sent=translate("Quote", english.sent),
                            to=translate("Quote", english.to), cc=translate("Quote", english.cc),
                            subject=translate("Quote", english.subject), date=date,
                            reply=translate("Quote", english.reply), forward=translate("Quote", english.forward))


def build(kind: str, msg: Draft, account, sent) -> Draft:
    """The new message for ``kind`` from the sent ``msg``; ``account``: the session's (its addresses are
    never replied to; it is the quote's From)."""
    me = Recipient(account.email)
    if kind == "reply_all":
        own = [account.email, *(p.email for p in account.principals)]
        return follow_up.reply_all(msg, own=own, sender=me, sent=sent, header=quote_header())
    if kind == "forward":
        return follow_up.forward(msg, sender=me, sent=sent, header=quote_header())
    return follow_up.edit_as_new(msg)


def open_follow_up(port: ShellPort, stash: Callable[[], bool], compose, sent, kind: str, msg: Draft) -> None:
    """Compose shows the follow-up of the message shown in ``sent``: the keyboard in To for a Forward, else in the
    body above the quote. ``stash()``: what Compose held goes to Drafts first (False: it cannot, nothing changes)."""
    session = port.session
    if session is None or not stash():
        return
    c = compose
    c.load(c.new_message(build(kind, msg, session.account, sent.shown_when())))  # the defaults' receipts
    port.show_view("compose")
    if kind == "forward":
        c.to.setFocus()
    else:
        cursor = c.body.textCursor()
        cursor.setPosition(0)
        c.body.setTextCursor(cursor)
        c.body.setFocus()
    port.say(translate("FollowUp", OPENED[kind]), ms=6000)
