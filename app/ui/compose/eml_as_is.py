"""File > Send .eml file as it is… (Ctrl+Shift+U, "unchanged"): a message from a file sent unchanged.

The file is read once and parsed off the UI thread (app/core/compose/eml_files.py ``read_file_as_is``); the user sees
what will be sent in a read-only preview — From, To, Cc, Bcc, subject, attachments and the body, shown
as the Sent preview shows a message (``SafeBrowser``: strangers' text is data, nothing is loaded from
outside the message; inline pictures come from the file's own parts) — and confirms with "Send as it is"
(Enter or Ctrl+Return; Esc cancels). A file without a Message-ID is told that one will be added: the only
change made to its bytes, so that the send is confirmed exactly once. Then the Outbox takes the file's
bytes (``Outbox.submit_mime``: journaled first, sent once, settled by Message-ID); Compose is untouched.

A file already sent: before the preview opens, the file's Message-ID is looked up in Sent
Items as the Outbox's settle path does (``app.core.outbox.sent_copy``; awaited, the requests on the mail client's
worker). A copy there is that message sent, which the Outbox would not send again: the preview says
"Already sent" with the date and offers no send (Enter or Esc closes it). When Sent Items cannot be asked
(offline, no answer in :data:`CHECK_SECONDS`), the preview says that it was not checked.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from app.core.outbox import mime_send
from app.core.sending.request import Sending
from app.core.outbox.sent_copy import SentCopy
from app.domain.models import BodyFormat, Draft
from app.domain.validation import format_recipients
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.port import Level
from app.ui.common.safe_text import PlainLabel, SafeBrowser
from app.ui.common.tr import data_size, shown, translate

def someone_else_note(sender: str) -> str:
    return translate("EmlAsIs", "This file is from {sender}: the server refuses it unless this account may send as, "
                     "or on behalf of, that mailbox.").format(sender=sender)


ADDED_ID_NOTE = QT_TRANSLATE_NOOP("EmlAsIs", "This file has no Message-ID: Dispatch adds one as its first line — the "
                                  "only change made to it — so that the send can be confirmed exactly once.")


CHECK_SECONDS = 15.0  # the look-up in Sent Items before the preview opens; then it opens saying "not checked"


def when_sent(when: datetime | None) -> dict[str, str] | None:
    """The day and the time of ``when`` as the user's locale writes them ("Tue 24 Nov 2026", "09:05")."""
    if when is None:
        return None
    try:
        when = when.astimezone()
    except (ValueError, OSError):
        pass
    loc = QLocale()
    return {"date": loc.toString(when.date(), "ddd dd MMM yyyy"), "time": loc.toString(when.time(), "HH:mm")}


def already_sent_note(copy: SentCopy) -> str:
    on = when_sent(copy.sent)
    if on is None:
        return translate("EmlAsIs", "Already sent: this message (its Message-ID) is in Sent Items. The Outbox never "
                         "sends a message twice, so there is nothing to send.")
    return translate("EmlAsIs", "Already sent on {date} at {time}: this message (its Message-ID) is in Sent Items. "
                     "The Outbox never sends a message twice, so there is nothing to send.").format(**on)


def unchecked_note(why: str) -> str:
    return translate("EmlAsIs", "Sent Items could not be checked ({why}). If this message was sent before, the "
                     "Outbox finds it there and does not send it again.").format(why=why)


def header_text(draft: Draft, sender: str) -> str:
    rows = [(translate("EmlAsIs", "From: {value}"), sender),
            (translate("EmlAsIs", "To: {value}"), format_recipients(draft.to)),
            (translate("EmlAsIs", "Cc: {value}"), format_recipients(draft.cc)),
            (translate("EmlAsIs", "Bcc: {value}"), format_recipients(draft.bcc)),
            (translate("EmlAsIs", "Subject: {value}"), draft.subject or translate("EmlAsIs", "(no subject)"))]
    return "\n".join(k.format(value=v) for k, v in rows if v)


def _why(exc: Exception) -> str:
    """An error's words for the user (the core's words translated)."""
    return shown(exc.args[0]) if exc.args and isinstance(exc.args[0], str) else str(exc)


class SendAsIsDialog(QDialog):
    """The read-only preview of the file's message, and the question: send it as it is?"""

    def __init__(self, parent, name: str, raw: bytes, parsed, own: str = "", *, sent: SentCopy | None = None,
                 unchecked: str = "", principals=()):
        super().__init__(parent)
        draft: Draft = parsed.draft
        self.sent = sent
        self.setObjectName("sendEmlAsIsDialog")
        self.setWindowTitle((translate("EmlAsIs", "{name} was already sent") if sent
                             else translate("EmlAsIs", "Send {name} as it is")).format(name=name))
        self.setAccessibleName(translate("EmlAsIs", "Send .eml file as it is"))
        lay = QVBoxLayout(self)
        intro = QLabel(translate("EmlAsIs", "“{name}” will be sent exactly as the file holds it, from the account's "
                                 "mailbox; a copy goes to Sent Items.").format(name=name), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.PlainText)
        intro.setVisible(sent is None)
        lay.addWidget(intro)
        self.already = PlainLabel(already_sent_note(sent) if sent else "", self)  # its note is its description
        self.already.setObjectName("fieldError")
        self.already.setAccessibleName(translate("EmlAsIs", "Already sent"))
        self.already.setTextFormat(Qt.PlainText)
        self.already.setWordWrap(True)
        self.already.setVisible(sent is not None)
        lay.addWidget(self.already)
        sender = parsed.sender.email if parsed.sender is not None else ""
        self.headers = QLabel(header_text(draft, sender), self)
        self.headers.setObjectName("asIsHeaders")
        self.headers.setTextFormat(Qt.PlainText)  # names and subjects are data
        self.headers.setWordWrap(True)  # a long subject or list of recipients made the dialog wider than the screen
        self.headers.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        lay.addWidget(self.headers)
        self.body = SafeBrowser(self)
        self.body.setObjectName("asIsBody")
        self.body.setAccessibleName(translate("EmlAsIs", "The file's message (read-only)"))
        self.body.inline_source = lambda cid: next(
            (a.content for a in draft.attachments if a.is_inline and a.content_id == cid), None)
        if draft.body_format == BodyFormat.HTML:
            self.body.setHtml(draft.body)
        else:
            self.body.setPlainText(draft.body)
        lay.addWidget(self.body, 1)
        listed = [a for a in draft.attachments if not a.is_inline]
        names = ", ".join(f"{a.name} ({data_size(max(a.byte_size, 0))})" for a in listed)
        self.attachments = QLabel(translate("EmlAsIs", "Attachments: {names}").format(names=names) if names
                                  else translate("EmlAsIs", "No attachments"), self)
        self.attachments.setObjectName("asIsAttachments")
        self.attachments.setTextFormat(Qt.PlainText)
        self.attachments.setWordWrap(True)
        lay.addWidget(self.attachments)
        self.added_id = mime_send.with_message_id(raw, make_id=lambda: "<new@dispatch>").added_id
        notes = [translate("EmlAsIs", ADDED_ID_NOTE)] if self.added_id else []
        if unchecked:
            notes.append(unchecked_note(unchecked))
        if sender and own and not Sending.sender(sender, own, principals).allowed:
            notes.append(someone_else_note(sender))
        notes += [shown(n) for n in parsed.notes[:3]]  # what the preview reads differently (an unknown charset…); the file goes as it is
        self.note = QLabel("\n".join(notes), self)
        self.note.setObjectName("asIsNote")
        self.note.setTextFormat(Qt.PlainText)  # the address is data
        self.note.setWordWrap(True)
        self.note.setVisible(bool(notes))
        lay.addWidget(self.note)
        buttons = QDialogButtonBox(self)
        self.send_button = buttons.addButton(translate("EmlAsIs", "&Send as it is"), QDialogButtonBox.AcceptRole)
        self.send_button.setObjectName("asIsSend")
        self.close_button = buttons.addButton(QDialogButtonBox.Close if sent else QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        if sent is None:
            self.send_button.setDefault(True)
            QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.accept)
        else:  # nothing to send: no send offered; Enter closes, as Esc does
            self.send_button.hide()
            self.close_button.setDefault(True)
        self.resize(640, 480)
        from app.ui.common.room_for_text import make_room

        make_room(self)  # the notes and the attachments' names get their lines at any width
        (self.send_button if sent is None else self.close_button).setFocus(Qt.OtherFocusReason)


async def send_path_as_is(files, path: str) -> bool:
    """Read ``path``, show what will be sent, and on the user's yes queue its bytes. False (said in the
    banner or the status bar) when it is not sent."""
    from app.core.compose.eml_files import open_eml, read_file_as_is
    from app.domain.eml_read import EmlError
    from app.core.sending.request import Result

    port, flows, name = files.port, files.flows, Path(path).name
    session = port.session
    if session is None:
        return False
    with flows.tracked(translate("EmlAsIs", "Opening {name}…").format(name=name)):
        try:
            raw, parsed = await open_eml(path, 2 * files.compose.max_send_bytes, read=read_file_as_is)
        except EmlError as exc:
            port.say(translate("EmlAsIs", "Could not open {name}: {reason}").format(name=name, reason=_why(exc)),
                     Level.ERROR)
            return False
        sent, unchecked = await sent_check(files.sent, flows.outbox(), session, raw, parsed)
    if session is not port.session:
        return False
    dlg = SendAsIsDialog(port.dialog_parent, name, raw, parsed, own=session.account.email, sent=sent, unchecked=unchecked,
                         principals=session.account.principals)
    files.as_is_dialog = dlg
    try:
        if not await _answer(dlg) or sent is not None:
            port.say(_not_sent(sent, name), ms=8000)
            return False
    finally:
        files.as_is_dialog = None
        dlg.deleteLater()
        port.activate()
    outbox = flows.outbox()
    if outbox is None or session is not port.session:
        return False
    r = await flows.sender.send_mime(outbox, raw, parsed.draft)
    if r.result != Result.WAITING:
        port.say(translate("EmlAsIs", "Not sent: {name}: {reason}").format(name=name, reason=shown(r.reason)),
                 Level.ERROR)
        return False
    bridge = files.journal_bridge()
    if bridge is not None:  # "its progress is in the Outbox (Ctrl+4)": Ctrl+4 lands on its row
        bridge.point_at(r.sub.local_id)
    port.say(translate("EmlAsIs", "Sending {name} as it is: its progress is in the Outbox (Ctrl+4)")
             .format(name=name), ms=10000)
    return True


def _not_sent(sent: SentCopy | None, name: str) -> str:
    """The status bar's words when the file was not sent: already sent (when), or not sent."""
    if sent is None:
        return translate("EmlAsIs", "Not sent: {name}").format(name=name)
    on = when_sent(sent.sent)
    if on is None:
        return translate("EmlAsIs", "Already sent: {name}").format(name=name)
    return translate("EmlAsIs", "Already sent on {date} at {time}: {name}").format(name=name, **on)


async def sent_check(sent_list, outbox, session, raw: bytes, parsed) -> tuple[SentCopy | None, str]:
    """(the file's message already sent, or None; why that could not be known, or ""): the one rule a script's
    sendmail is held to too (:meth:`app.core.sending.request.Sending.already_sent`). A file without a Message-ID gets a
    new one: nothing can have been sent with it, nothing is asked."""
    mid = mime_send.message_id_of(raw)
    remembered = None if outbox is None else (
        lambda: outbox.parts.write(outbox.parts.journal.was_sent, outbox.account, mid))
    found = await Sending.already_sent(session, mid, remembered=remembered, patience=CHECK_SECONDS,
                                      loaded=sent_list.model.summaries() if sent_list is not None else [],
                                      file_date=parsed.date)
    if found.timed_out:
        return None, translate("EmlAsIs", "no answer from the server")
    return found.copy, found.error


async def _answer(dlg: QDialog) -> bool:
    """The dialog's answer, awaited (``open()``, never ``exec()``)."""
    import asyncio

    fut = asyncio.get_running_loop().create_future()
    dlg.finished.connect(lambda r: fut.done() or fut.set_result(r == QDialog.Accepted))
    dlg.open()
    return await fut
