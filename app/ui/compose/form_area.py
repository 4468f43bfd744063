"""Compose's form (the fields, More options, the toolbar, the body, the attachments) in a scroll area of its
own: what the form needs beyond the window's height scrolls inside the window. Else the
More options panel (Ctrl+Shift+O) or a message with many of its fields (Edit as new) would raise Compose's
minimum height, and Qt would grow the window to it: past the bottom of an 800 px screen, Send, Save draft, the
status bar and the undo bar with it, and it would stay so after the panel hid.

The area asks for the form's whole height (its size hint: no scrolling while there is room) and for little
more than one row at least; its minimum width is the form's (plus the scroll bar's), so nothing scrolls or
is cut sideways.

The body keeps at least a third of the window's height (:func:`body_height`), however short the window and
whatever a banner takes: in a short window the header rows (From to Options, More options, the toolbar)
scroll out of view above it when the keyboard is in the body, and Compose's margins tighten
(:func:`page_margins`). The form follows the keyboard wherever it goes in it (:meth:`FormArea.keep_in_view`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from app.ui.common.tr import translate

# the least height the form keeps: a field row and a bit of the next (it scrolls below that)
MIN_HEIGHT = 64
# the least height of the body in any window
BODY_MIN = 60
# a window shorter than this is "short": Compose's margins and spacing tighten
SHORT_BELOW = 600


def body_height(window_height: int) -> int:
    """The least height the body keeps in a window ``window_height`` high: a third of it (rounded up)."""
    return max(BODY_MIN, -(-window_height // 3))


def page_margins(window_height: int) -> tuple[tuple[int, int, int, int], int]:
    """Compose's margins (left, top, right, bottom) and the spacing between its parts in a window that high."""
    if window_height < SHORT_BELOW:
        return (28, 6, 28, 6), 6
    return (28, 14, 28, 12), 12


class FormArea(QScrollArea):
    """A vertical scroll area whose widget (``form``, laid out by ``lay``) is as wide as the area."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("composeForm")
        self.setAccessibleName(translate("Compose", "Message form"))
        self.setFrameShape(QFrame.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.NoFocus)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Expanding)
        self.form = QWidget(self)
        self.form.setObjectName("page")  # the page's background (theme), not the viewport's base colour
        self.lay = QVBoxLayout(self.form)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.setWidget(self.form)
        self.viewport().setAutoFillBackground(False)
        # the form follows the keyboard, however it moved (Tab, a shortcut, a panel opened with it inside)
        QApplication.instance().focusChanged.connect(self._focus_moved)

    def _focus_moved(self, _old, new) -> None:
        if new is not None and self.form.isAncestorOf(new):
            # once the layout the move may have asked for (a panel shown) is done
            QTimer.singleShot(0, self, lambda: self._follow(new))

    def _follow(self, widget: QWidget) -> None:
        if widget.hasFocus() and self.scrolls():
            self.keep_in_view(widget)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        """The form's layout changed (a panel or a row shown or hidden): so did the area's size hints
        (QScrollArea lets its widget's layout requests end at the widget)."""
        if obj is self.widget() and event.type() == QEvent.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(obj, event)

    def _bar_width(self) -> int:
        return self.verticalScrollBar().sizeHint().width()

    def sizeHint(self) -> QSize:  # noqa: N802  the whole form (QScrollArea's own stops at 24 lines of text)
        hint = self.form.sizeHint()
        return QSize(hint.width() + self._bar_width(), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802  the form's width, a row's height
        return QSize(self.form.minimumSizeHint().width() + self._bar_width(), MIN_HEIGHT)

    def keep_in_view(self, widget: QWidget) -> None:
        """Show ``widget`` (where the keyboard is): the form scrolls as little as it takes; one taller than the
        view (the body in a short window) from its top, the rows above it scrolled out of view."""
        top = widget.mapTo(self.form, widget.rect().topLeft()).y()
        bottom, bar, room = top + widget.height(), self.verticalScrollBar(), self.viewport().height()
        if widget.height() >= room or top < bar.value():
            bar.setValue(top)
        elif bottom > bar.value() + room:
            bar.setValue(bottom - room)

    def scrolls(self) -> bool:
        """Is part of the form out of view (the scroll bar shown)?"""
        return self.verticalScrollBar().maximum() > 0
