"""Dialogs make room for their messages. A top-level window's minimum height is its
layout's minimum, which takes no account of wrapped text: a long message (Find server's failure, a connection
error) wrapped to many lines was given the height of one, and Qt squeezed the form's rows over each other
(10 px apart after a failed Find server; unreadable after a redirect loop).

:func:`make_room` keeps ``dialog`` at least as tall as its layout needs at its width, wrapped text included:
whenever its contents change (a layout request) or its width does, its minimum height is set to that and the
dialog grows to it (never past its screen's available height; moved up if its bottom would be)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject


class RoomForText(QObject):
    def __init__(self, dialog):
        super().__init__(dialog)
        self.dialog = dialog
        self._width = -1
        dialog.installEventFilter(self)

    def eventFilter(self, obj, ev):  # noqa: N802
        if obj is self.dialog:
            kind = ev.type()
            if kind in (QEvent.LayoutRequest, QEvent.Show) or (kind == QEvent.Resize and obj.width() != self._width):
                self.fit()
        return False

    def needed(self) -> int:
        """The height the dialog's layout needs at its width (its wrapped labels' lines counted)."""
        lay = self.dialog.layout()
        if lay is None:
            return 0
        width = self.dialog.width()
        least = lay.totalMinimumSize().height()
        return max(least, lay.totalHeightForWidth(width)) if lay.hasHeightForWidth() else least

    def fit(self) -> None:
        d = self.dialog
        self._width = d.width()
        need = self.needed()
        screen = d.screen()
        if screen is not None:
            frame_h = d.frameGeometry().height() - d.height() if d.isVisible() else 0
            need = min(need, screen.availableGeometry().height() - frame_h)
        if need <= 0:
            return
        if d.minimumHeight() != need:
            d.setMinimumHeight(need)
        if d.height() < need:
            d.resize(d.width(), need)
            if screen is not None and d.isVisible():  # grown past the bottom of the screen: moved up
                room, frame = screen.availableGeometry(), d.frameGeometry()
                if frame.bottom() > room.bottom():
                    d.move(d.x(), max(room.top(), d.y() - (frame.bottom() - room.bottom())))


def make_room(dialog) -> RoomForText:
    """Keep ``dialog`` tall enough for its messages (see the module's doc)."""
    return RoomForText(dialog)


def sized_within_screen(dialog, width: int, height: int, margin: int = 40) -> None:
    """Give ``dialog`` its default size, no larger than its screen's available area (less ``margin`` for the
    window frame): a 900 px dialog on a smaller screen was wider than the screen."""
    screen = dialog.screen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width() - margin), min(height, room.height() - margin)
    dialog.resize(width, height)
