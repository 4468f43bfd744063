"""Ctrl+Z (the platform's Undo key) for an undo bar: one undo key for send, delete and discard.

While a bar with an Undo shows, Ctrl+Z is the bar's — unless the focused text field has typing of its
own to undo: then Ctrl+Z undoes that, as everywhere (the bar's button still takes its action back).
The key is claimed at its shortcut override, before the Edit menu's Undo (a window shortcut) sees it.

Only the focused widget's events are watched (it changes with ``QApplication.focusChanged``), never the
whole application's: an application-wide filter in Python is called for every event of every object
(~13,000 during a batch's 10 s countdown), and wrapping each of those objects for Python cost the UI
thread one 25-50 ms stall when the first send of a batch made Qt's progress animations appear.
"""

from __future__ import annotations

import contextlib
from typing import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget


def own_undo(widget) -> bool:
    """The focused widget is a text field with something of its own to undo (its Ctrl+Z comes first)."""
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly() and widget.isUndoAvailable()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly() and widget.document().isUndoAvailable()
    return False


class UndoKey(QObject):
    """Ctrl+Z in the window of ``scope`` (a window, or a page inside a dialog) runs ``undo`` while
    ``active()`` says the bar offers an undo. Watches key events only between :meth:`watch` and
    :meth:`unwatch`, and only those of the widget with the keyboard focus (or of the window itself)."""

    def __init__(self, scope: QWidget, active: Callable[[], bool], undo: Callable[[], None]):
        super().__init__(scope)
        self.scope, self._active, self._undo = scope, active, undo
        self._watching = False
        self._watched: QWidget | None = None

    def watch(self) -> None:
        if not self._watching:
            self._watching = True
            QApplication.instance().focusChanged.connect(self._follow_focus)
            self._follow_focus(None, QApplication.focusWidget())

    def unwatch(self) -> None:
        if self._watching:
            self._watching = False
            QApplication.instance().focusChanged.disconnect(self._follow_focus)
            self._watch_only(None)

    def _follow_focus(self, _old, new) -> None:
        window = self.scope.window()
        self._watch_only(new if new is not None and new.window() is window else window)

    def _watch_only(self, widget: QWidget | None) -> None:
        if widget is self._watched:
            return
        if self._watched is not None:
            with contextlib.suppress(RuntimeError):  # it was deleted (a closed dialog's field)
                self._watched.removeEventFilter(self)
        self._watched = widget
        if widget is not None:
            widget.installEventFilter(self)

    def _claims(self, obj, event) -> bool:
        if not event.matches(QKeySequence.Undo) or not self._active():
            return False
        focus, window = QApplication.focusWidget(), self.scope.window()
        if obj is not (focus or window) or (focus is not None and focus.window() is not window):
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
