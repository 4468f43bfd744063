"""The application object: Qt's ``QApplication`` and the one thing Dispatch adds to it, the links the system hands
the running application.

On macOS a ``mailto:`` link clicked (or an ``.eml`` file opened from the Finder) while Dispatch runs does not start
a second process, as on Linux (where the second start hands its link over the account's door:
app/command/window_start.py): the system tells the running application, and Qt delivers that to the application
object as a ``QFileOpenEvent`` ("File open events will be sent to the QApplication::instance() when the operating
system requests that a file or URL should be opened", Qt's QFileOpenEvent documentation; the bundle declares the
``mailto`` scheme in ``CFBundleURLTypes``: dispatch.spec). Qt's documented way to receive it is the application's
own :meth:`event`, hence this class. A link that comes before the window can take it (during the start) waits here
until :meth:`deliver_links` is called.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtWidgets import QApplication


class DispatchApplication(QApplication):
    """A ``QApplication`` that hands each link the system asks it to open to the window (:meth:`deliver_links`)."""

    def __init__(self, argv: list[str]):
        super().__init__(argv)
        self._early: list[str] = []
        self._receiver: Callable[[str], None] | None = None

    def deliver_links(self, receiver: Callable[[str], None]) -> None:
        """From now on each link goes to ``receiver`` (the window's :func:`app.ui.window.start_link.open_from_door`),
        the ones that came before it first, in order."""
        early, self._early, self._receiver = self._early, [], receiver
        for link in early:
            receiver(link)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.FileOpen:
            link = link_of(e.url(), e.file())
            if self._receiver is None:
                self._early.append(link)
            else:
                self._receiver(link)
            return True
        return super().event(e)


def link_of(url: QUrl, file: str) -> str:
    """What a ``QFileOpenEvent`` asks to open, as a start's command line would give it: a file's path, else the URL
    percent-encoded, as the desktop gives a link on Linux (a decoded form would make ``%26`` in a ``mailto:`` body
    an ``&``, a new field; a URL of another kind is then said in the banner, as for a start given one)."""
    if file or url.isLocalFile():
        return file or url.toLocalFile()
    return bytes(url.toEncoded().data()).decode("ascii")
