"""A non-modal banner at the top of the window: an error with Retry, a short notice, or a choice.

A choice (:meth:`Banner.show_choice`, e.g. "Trust this certificate / Cancel") stays until it is
answered: errors that follow from the same cause do not replace it (they are logged by the window).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QStackedWidget, QWidget

from app.ui.common.safe_text import PlainLabel
from app.ui.common.tr import shown, translate


class Banner(QFrame):
    retry = Signal()
    # what it shows, for a screen reader (the window announces it): the words, and whether they interrupt (an
    # error or a question does; a notice does not)
    spoken = Signal(str, bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.setProperty("kind", "error")
        self.setAccessibleName(translate("Banner", "Notification banner"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 6, 8, 6)
        self.label = PlainLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.label.setAccessibleName(translate("Banner", "Banner message"))
        self.retry_button = QPushButton(translate("Banner", "Retry"), self)
        self.retry_button.setAccessibleName(translate("Banner", "Retry"))
        self.retry_button.clicked.connect(self._on_retry)
        self.accept_button = QPushButton(self)  # the choice's "yes" (text and name set per choice)
        self.accept_button.setObjectName("bannerAccept")
        self.accept_button.setAccessibleName(translate("Banner", "Accept"))
        self.accept_button.clicked.connect(self._on_accept)
        self.accept_button.hide()
        self.close_button = QPushButton(translate("Banner", "Dismiss"), self)
        self.close_button.setAccessibleName(translate("Banner", "Dismiss banner"))
        self.close_button.clicked.connect(self._on_close)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.retry_button)
        lay.addWidget(self.accept_button)
        lay.addWidget(self.close_button)
        self._plain = ""
        self._choice: tuple[Callable[[], None], Callable[[], None] | None] | None = None
        self.hide()

    def height_for(self, width: int) -> int:
        """The height the banner needs at ``width``: its words wrapped in what its buttons leave them (a
        box layout's own answer wraps a label at its narrowest and was a line or two too tall)."""
        self.ensurePolished()
        lay = self.layout()
        m = lay.contentsMargins()
        frame_w = self.width() - self.contentsRect().width()  # the style sheet's border and padding
        frame_h = self.height() - self.contentsRect().height()
        buttons = [b for b in (self.retry_button, self.accept_button, self.close_button) if not b.isHidden()]
        room = width - frame_w - m.left() - m.right() - sum(b.sizeHint().width() + lay.spacing() for b in buttons)
        text = self.label.heightForWidth(max(1, room))
        inner = max([text] + [b.sizeHint().height() for b in buttons])
        return inner + m.top() + m.bottom() + frame_h

    def _set_kind(self, kind: str) -> None:
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)

    def show_message(self, text: str, *, kind: str = "error", retry: bool = False, say: bool = True) -> None:
        """``text`` on a banner over the views (the core's words in the user's language:
        :func:`app.ui.common.tr.shown`); ``say``: announced too (an error assertively)."""
        if self.choice_pending:
            return  # the open question stays until answered
        text = shown(text)
        self._set_kind(kind)
        self.label.setTextFormat(Qt.PlainText)
        self.label.setText(text)
        self._plain = text
        self.label.setAccessibleDescription("")  # its words are its description (PlainLabel)
        self.retry_button.setVisible(retry)
        self.accept_button.hide()
        self.close_button.setText(translate("Banner", "Dismiss"))
        self.close_button.setAccessibleName(translate("Banner", "Dismiss banner"))
        self.show()
        if say:
            self.spoken.emit(text, kind == "error")

    def show_choice(self, text: str, accept: str, on_accept: Callable[[], None], *, reject: str = "",
                    on_reject: Callable[[], None] | None = None, kind: str = "error", html: str = "") -> None:
        """A question with two buttons (mnemonics in ``accept``/``reject``, e.g. "&Trust this certificate":
        Alt+T). Non-modal: the window keeps working while it is open. ``html``: how to show ``text``
        (e.g. a fingerprint in monospace over two lines); :meth:`text` stays the plain ``text``. ``reject``:
        "Cancel" in the user's language when not given."""
        text, accept = shown(text), shown(accept)
        reject = shown(reject) or translate("Banner", "&Cancel")
        self._choice = (on_accept, on_reject)
        self._set_kind(kind)
        self.label.setTextFormat(Qt.RichText if html else Qt.PlainText)
        self.label.setText(html or text)
        self._plain = text
        self.label.setAccessibleDescription(text)
        self.retry_button.hide()
        self.accept_button.setText(accept)
        self.accept_button.setAccessibleName(accept.replace("&", ""))
        self.accept_button.show()
        self.close_button.setText(reject)
        self.close_button.setAccessibleName(reject.replace("&", ""))
        self.show()
        self.spoken.emit(text, True)  # a question, in its plain words

    @property
    def choice_pending(self) -> bool:
        return self._choice is not None and self.isVisible()

    def text(self) -> str:
        return self._plain if self.isVisible() else ""

    def hide(self) -> None:  # noqa: D102 - hiding drops an unanswered choice
        self._choice = None
        super().hide()

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt override (show() and hide() come here)
        # the message goes with the banner: its label hidden says nothing to a reader (a PlainLabel's
        # description is its words only while it shows), shown again with the next message
        self.label.setVisible(visible)
        super().setVisible(visible)

    def _on_retry(self) -> None:
        self.hide()
        self.retry.emit()

    def _on_accept(self) -> None:
        choice = self._choice
        self.hide()
        if choice is not None:
            choice[0]()

    def _on_close(self) -> None:
        choice = self._choice
        self.hide()
        if choice is not None and choice[1] is not None:
            choice[1]()


class BannerSlot(QWidget):
    """The banner's place at the top of the page. It keeps little room while no banner shows (room kept for good
    would be ~70 px of empty space above every page title). A banner covers nothing of the page (floating
    over the title row, it would hide page titles and the Outbox's buttons): while it shows, the
    slot grows by the banner's height and the page makes way; it shrinks back when the banner goes. The banner
    is a child of the slot's parent, raised, placed over the slot."""

    MARGINS = (28, 4, 28, 0)  # left, top, right, bottom around the banner
    # the room kept while no banner shows
    HEIGHT = 16

    def __init__(self, banner: Banner, parent: QWidget, pages: QStackedWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bannerSlot")
        self.banner = banner
        self.pages = pages
        banner.setParent(parent)
        self.setFixedHeight(self.HEIGHT)
        self.installEventFilter(self)
        banner.installEventFilter(self)
        if pages is not None:
            pages.currentChanged.connect(lambda _i: self.place())
        banner.hide()

    def eventFilter(self, obj, ev):  # noqa: N802
        if ev.type() in (QEvent.Resize, QEvent.Move, QEvent.Show, QEvent.Hide, QEvent.LayoutRequest):
            self.place()
        return False

    def place(self) -> None:
        left, top, right, bottom = self.MARGINS
        g = self.geometry()
        w = max(0, g.width() - left - right)
        height = self.banner.height_for(w)  # every line of it, never cut
        self.banner.setGeometry(g.x() + left, g.y() + top, w, height)
        # its words laid out in that room now: a banner resized while its layout waited kept its label at the
        # height of an earlier width (two lines of four shown, German at 683 px)
        self.banner.layout().setGeometry(self.banner.contentsRect())
        self.banner.raise_()
        shown = self.banner.isVisibleTo(self.parentWidget())
        self.setFixedHeight(max(self.HEIGHT, top + height + bottom + top) if shown else self.HEIGHT)
