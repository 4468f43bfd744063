"""The read-only preview beside a list (Sent, Drafts): a note above the message (Drafts: why its last send did
not go, whole), its subject, its header lines, its body (strangers' text as data: app/ui/common/safe_text.py,
its cid: pictures from its own attachments, nothing fetched) and its attachments. A long body goes in a piece per
turn (app.ui.compose.body.body_loader)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QVBoxLayout

from app.domain import inline_images as inline
from app.domain.models import BodyFormat, Draft
from app.ui.common.safe_text import ElidedLabel, PlainLabel, SafeBrowser
from app.ui.common.tr import data_size, translate


class PreviewPane(QFrame):
    """``names``: the accessible names of (the pane, its subject, headers, body, attachments, note), in the
    user's language; ``placeholder`` its subject while nothing is shown ("Select a message")."""

    def __init__(self, parent, names: tuple[str, str, str, str, str, str], placeholder: str):
        super().__init__(parent)
        pane, subject, headers, body, attachments, note = names
        self.placeholder = placeholder
        self.setObjectName("preview")
        self.setAccessibleName(pane)
        self.lay = pv = QVBoxLayout(self)
        pv.setContentsMargins(18, 14, 18, 14)
        pv.setSpacing(6)
        self.note_label = PlainLabel("", self)  # read by keys too: Tab reaches it, a reader reads it whole
        self.note_label.setObjectName("previewNote")
        self.note_label.setWordWrap(True)
        self.note_label.setAccessibleName(note)
        self.note_label.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.note_label.setFocusPolicy(Qt.TabFocus)
        self.note_label.hide()
        self.subject_label = ElidedLabel(placeholder, self)  # never widens the window
        self.subject_label.setObjectName("viewTitle")
        self.subject_label.setAccessibleName(subject)
        self.headers_label = PlainLabel("", self)
        self.headers_label.setObjectName("viewSubtitle")
        self.headers_label.setWordWrap(True)
        self.headers_label.setAccessibleName(headers)
        self.headers_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.body = SafeBrowser(self)
        self.body.inline_source = self._inline_image  # its cid: pictures, from the message's own attachments
        self.body.setAccessibleName(body)
        self._loader = None  # app.ui.compose.body.body_loader.BodyLoader, made when the first message is shown
        self._reaper = None
        self.attachments_label = PlainLabel("", self)
        self.attachments_label.setObjectName("viewSubtitle")
        self.attachments_label.setWordWrap(True)
        self.attachments_label.setAccessibleName(attachments)
        for w in (self.note_label, self.subject_label, self.headers_label):
            pv.addWidget(w)
        line = QFrame(self)
        line.setFrameShape(QFrame.HLine)
        line.setFrameShadow(QFrame.Plain)
        line.setForegroundRole(QPalette.Mid)  # the scheme's own divider colour, light or dark
        pv.addWidget(line)
        pv.addWidget(self.body, 1)
        pv.addWidget(self.attachments_label)
        self.message: Draft | None = None  # the message shown, attachments' bytes included

    @property
    def loader(self):
        """The body's piecewise loader (None until a message was shown)."""
        return self._loader

    @property
    def reaper(self):
        """What frees a long body's document a piece per turn (None until a message was shown)."""
        return self._reaper

    def set_note(self, text: str) -> None:
        """The note above the message ("" : none); it goes the moment it is set to ""."""
        self.note_label.setText(text)
        self.note_label.setAccessibleDescription(text)
        self.note_label.setVisible(bool(text))

    def show_message(self, msg: Draft, rows: list[tuple[str, str]]) -> None:
        """``msg`` with its header ``rows`` (name, value; an empty value is left out), as plain text."""
        self.message = msg
        self.subject_label.setText(msg.subject or translate("SentView", "(no subject)"))
        line = translate("SentView", "{header}: {value}")
        text = "\n".join(line.format(header=k, value=v) for k, v in rows if v)  # plain text: names are data
        self.headers_label.setText(text)
        self.headers_label.setAccessibleDescription(text)
        self._show_body(msg.body, msg.body_format == BodyFormat.HTML)
        names = ", ".join(f"{a.name} ({data_size(max(a.byte_size, 0), plain=(QLocale.Language.C,))})"
                          for a in self.files(msg))
        self.attachments_label.setText(translate("SentView", "Attachments: {names}").format(names=names) if names else "")

    def clear(self) -> None:
        self.message = None
        self.set_note("")
        self.subject_label.setText(self.placeholder)
        self.headers_label.setText("")
        if self._loader is None:
            self.body.clear()  # nothing was shown yet: the loader's modules stay out of start-up
        else:
            self._show_body("", False)
        self.attachments_label.setText("")

    @staticmethod
    def files(msg: Draft) -> list:
        """The message's attachments less the pictures its body shows in place (they are not listed twice)."""
        return inline.listed(msg.attachments, msg.body if msg.body_format == BodyFormat.HTML else None)

    def _inline_image(self, content_id: str) -> bytes | None:
        """The shown message's inline picture (its own attachment's bytes; nothing is fetched)."""
        msg = self.message
        if msg is None:
            return None
        return next((a.content for a in msg.attachments if a.is_inline and a.content_id == content_id), None)

    def _show_body(self, body: str, rich: bool) -> None:
        """A long body goes in a piece per turn, and the last one, if big, is freed a piece per turn
        (a 10 MB message set or freed in one call holds the UI thread up to seconds)."""
        if self._loader is None:
            from app.ui.compose.body.body_loader import BodyLoader
            from app.ui.compose.body.doc_reaper import DocumentReaper

            self._loader = BodyLoader(self)
            self._reaper = DocumentReaper(self)
            self._loader.attach(self.body)
        self._loader.cancel()
        if self._reaper.big(self.body.document()):
            self._reaper.reap(self.body.fresh_document())
        else:  # the last message's pictures go with it (a document keeps its images past a new setHtml)
            self.body.document().clear()
        self._loader.start(self.body, body, rich)
