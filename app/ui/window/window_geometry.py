"""The window's size and position, remembered across runs (issue 45): saved when it closes, as plain data
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
