"""A start with a link: ``dispatch-mail 'mailto:…'`` (what the desktop gives its mail program for a link, for
``xdg-email``, for "Send to" in a file manager) or ``dispatch-mail FILE.eml`` (a file opened from a file manager).

Opened once the account's queue is open in this window (:meth:`JournalBridge.when_open`), so that the message the
journal reopens is in Compose first and goes to Drafts, as with Ctrl+N, rather than being replaced; with no account
set up yet, once one is. A ``mailto:`` link becomes a new message in Compose (app/domain/mailto.py: never sent,
never a file attached by the link: each one it names waits for the user's Enter or Delete, or is refused with
its reason: app/ui/compose/pending_files.py); an ``.eml`` file its "send as it is" preview (as Ctrl+Shift+U). A
link that cannot be read (or a URL of another kind) is said in the banner, and nothing is opened.
"""

from __future__ import annotations

import os

from app.domain import words
from app.domain.addresses import printable
from app.ui.common.port import Level
from app.ui.common.tr import counted, shown, translate

FILES_NAMED = words.translate("StartLink", "A new message from a link: it names %n file(s) to attach. A file is "
                                           "attached only if you choose to: see the list under the message.", None, 0)


def open_at_start(win, link: str) -> None:
    """Open ``link`` (a ``mailto:`` link or an ``.eml`` file's name, relative to the folder Dispatch started in)
    once the window can."""
    from app.domain.mailto import MailtoError, file_of, is_mailto, read_mailto

    if is_mailto(link):
        try:
            asked = read_mailto(link)
        except MailtoError as exc:
            win.show_error(shown(str(exc)))
            return
        _when_open(win, lambda: _open_mailto(win, asked))
    else:
        path = file_of(link, os.getcwd())
        if path is None:
            win.show_error(translate("StartLink", "Dispatch opens mailto: links and .eml files, not “{link}”.").format(
                link=printable(link)))
            return
        _when_open(win, lambda: _open_eml(win, path))


def open_from_door(win, link: str) -> None:
    """A second start of the window handed ``link`` over the account's door (app/command/window_start.py; "":
    none): this window comes forward, and opens it."""
    come_forward(win)
    if link:
        open_at_start(win, link)


def come_forward(win) -> None:
    """The window restored if minimised, raised and given the keyboard (a link handed over, a notification's
    action)."""
    if win.isMinimized():
        win.showNormal()
    win.raise_()
    win.activateWindow()


def _when_open(win, then) -> None:
    if win.journal_bridge is not None:
        win.journal_bridge.when_open(then)
    else:  # the journal's part is built in a later slice of the start
        win.setup_finished.connect(lambda: win.journal_bridge.when_open(then))


def _open_mailto(win, asked) -> None:
    from app.domain.mailto import file_of

    if not win.flows.open_new(asked.draft()):
        return
    n = len(asked.files)
    if n:  # each file pending (Enter attaches it, Delete drops it) or refused with its reason (pending_files.py)
        pending = win.compose.pending_files
        # the keyboard stays where it was put: a file is attached by an Enter on its row, never by one typed ahead
        pending.offer([file_of(f, os.getcwd()) or f for f in asked.files])
        # in the banner, until closed: the status bar's next words (the previous message saved) would hide it
        win.port.say(counted(FILES_NAMED, n), Level.ERROR)
    else:
        win.port.say(translate("StartLink", "A new message from a link: read it before you send it"), ms=15000)


def _open_eml(win, path: str) -> None:
    from app.ui.compose.eml_as_is import send_path_as_is

    win.flows.spawn(send_path_as_is(win.eml, path))
