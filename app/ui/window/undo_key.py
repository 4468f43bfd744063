"""Ctrl+Z (the platform's Undo key) for an undo bar: one undo key for send, delete and discard.

While a bar with an Undo shows, Ctrl+Z is the bar's — unless the focused text field has typing of its
own to undo: then Ctrl+Z undoes that, as everywhere (the bar's button still takes its action back).
The key is claimed at its shortcut override, before the Edit menu's Undo (a window shortcut) sees it.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit


def own_undo(widget) -> bool:
    """The focused widget is a text field with something of its own to undo (its Ctrl+Z comes first)."""
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly() and widget.isUndoAvailable()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly() and widget.document().isUndoAvailable()
    return False


class UndoKey(QObject):
    """Ctrl+Z in ``window`` runs ``undo`` while ``active()`` says the bar offers an undo. Watches the
    application's key events only between :meth:`watch` and :meth:`unwatch`."""

    def __init__(self, window, active: Callable[[], bool], undo: Callable[[], None]):
        super().__init__(window)
        self.w, self._active, self._undo = window, active, undo
        self._watching = False

    def watch(self) -> None:
        if not self._watching:
            QApplication.instance().installEventFilter(self)
            self._watching = True

    def unwatch(self) -> None:
        if self._watching:
            QApplication.instance().removeEventFilter(self)
            self._watching = False

    def _claims(self, obj, event) -> bool:
        if not event.matches(QKeySequence.Undo) or not self._active():
            return False
        focus = QApplication.focusWidget()
        if obj is not (focus or self.w) or (focus is not None and focus.window() is not self.w):
            return False
        return not own_undo(focus)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        t = event.type()
        if t not in (QEvent.ShortcutOverride, QEvent.KeyPress) or not self._claims(obj, event):
            return False
        event.accept()
        if t == QEvent.KeyPress:
            self._undo()
        return True
