"""The window's size and position, remembered across runs: saved when it closes, as plain data
in the settings file (Qt's saveGeometry() bytes, base64), given back when the next window is made. A
stored value Qt cannot read (damaged, from another screen layout) leaves the default size."""

from __future__ import annotations

import binascii
import logging

from PySide6.QtCore import QByteArray, QEvent, QObject

log = logging.getLogger(__name__)


class GeometryKeeper(QObject):
    """Gives ``window`` its stored geometry now and stores it again whenever the window closes."""

    def __init__(self, window, settings):
        super().__init__(window)
        self.window, self.settings = window, settings
        self.restore()
        window.installEventFilter(self)

    def restore(self) -> bool:
        text = self.settings.window_geometry()
        if not text:
            return False
        try:
            data = QByteArray(binascii.a2b_base64(text.encode("ascii")))
        except (binascii.Error, ValueError, UnicodeEncodeError):
            log.warning("the stored window geometry could not be read; the default size is used")
            return False
        return bool(self.window.restoreGeometry(data))

    def save(self) -> None:
        data = bytes(self.window.saveGeometry().data())
        self.settings.set_window_geometry(binascii.b2a_base64(data, newline=False).decode("ascii"))

    def eventFilter(self, obj, ev):  # noqa: N802
        if obj is self.window and ev.type() == QEvent.Close:
            self.save()
        return False


def keep_geometry(window, settings) -> GeometryKeeper | None:
    """Remember ``window``'s geometry in ``settings`` (nothing without settings)."""
    return GeometryKeeper(window, settings) if settings is not None else None


class ScreenFit(QObject):
    """The window's frame inside its screen's available area when it is shown: the
    default size (1100 x 720) or a size remembered from a larger screen is made smaller, the place moved in.
    Compose's form scrolls when the window is short (app/ui/compose/form_area.py), so a smaller window loses
    nothing."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)

    def eventFilter(self, obj, ev):  # noqa: N802
        if obj is self.window and ev.type() == QEvent.Show:
            self.fit()
        return False

    def fit(self) -> None:
        w = self.window
        screen = w.screen()
        if screen is None or w.isMaximized() or w.isFullScreen():
            return
        room = screen.availableGeometry()
        frame, inner = w.frameGeometry(), w.geometry()
        extra_w, extra_h = frame.width() - inner.width(), frame.height() - inner.height()
        width = max(min(inner.width(), room.width() - extra_w), w.minimumWidth())
        height = max(min(inner.height(), room.height() - extra_h), w.minimumHeight())
        if (width, height) != (inner.width(), inner.height()):
            w.resize(width, height)
        frame = w.frameGeometry()
        x = max(room.left(), min(frame.left(), room.right() + 1 - frame.width()))
        y = max(room.top(), min(frame.top(), room.bottom() + 1 - frame.height()))
        if (x, y) != (frame.left(), frame.top()):
            w.move(x, y)


def fit_screen(window) -> ScreenFit:
    """Keep ``window``'s frame inside its screen's available area whenever it is shown."""
    return ScreenFit(window)
