"""Compose's form (the fields, More options, the toolbar, the body, the attachments) in a scroll area of its
own: what the form needs beyond the window's height scrolls inside the window. Else the
More options panel (Ctrl+Shift+O) or a message with many of its fields (Edit as new) would raise Compose's
minimum height, and Qt would grow the window to it: past the bottom of an 800 px screen, Send, Save draft, the
status bar and the undo bar with it, and it would stay so after the panel hid.

The area asks for the form's whole height (its size hint: no scrolling while there is room) and for little
more than one row at least; its minimum width is the form's (plus the scroll bar's), so nothing scrolls or
is cut sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from app.ui.common.tr import translate

#: the least height the form keeps: a field row and a bit of the next (it scrolls below that)
MIN_HEIGHT = 64


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

    def scrolls(self) -> bool:
        """Is part of the form out of view (the scroll bar shown)?"""
        return self.verticalScrollBar().maximum() > 0
