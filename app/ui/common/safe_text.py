"""Mail content is data, never code: how the UI shows text and HTML that strangers wrote.

- Labels that can hold a subject, a name, an address, an attachment name or a server's words are
  :class:`PlainLabel` (``Qt.PlainText``): a QLabel left on ``Qt.AutoText`` renders anything that looks
  like HTML, and its ``<img src="/dev/zero">`` is read by Qt itself (the UI freezes, memory grows without
  end).
- Tooltips go through :func:`tooltip`: Qt shows a tooltip as rich text when it looks like HTML, so the
  text is escaped inside a paragraph and always shows literally.
- A screen reader gets a :class:`PlainLabel`'s words, plain and true: Qt reads a widget's tooltip as its
  accessible description when it has none (the rich text of :func:`tooltip`, tags and all), and reads only the
  accessible name of a named label (an error label named "Account error" said nothing of the error). So a
  PlainLabel's description is always set: its own if it was given one, else its text (when a name stands in
  for it) and its tooltip's words, made plain; none while it is hidden (a message that went is not read).
- Message bodies are shown in a :class:`SafeDocument` (the Sent preview, the Compose editor). It loads
  ``data:`` URIs and the message's own inline images (``cid:``, from the bytes of its attachments, which
  the widget's ``inline_source`` hands it) and nothing else: every other URL — http(s), ``file://``,
  ``file://host/share`` (a UNC path on Windows: an SMB connection that would leak the user's NTLM hash), a
  bare path, ``/dev/zero`` — gets a placeholder. Returning nothing is not enough: for an image Qt then opens the file itself
  (QTextImageHandler's "direct loading").
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPainter, QTextDocument, QTextDocumentFragment
from PySide6.QtGui import Qt as GuiQt  # Qt's GUI functions (mightBeRichText) are on QtGui's Qt namespace
from PySide6.QtWidgets import QLabel, QSizePolicy, QTextBrowser, QTextEdit, QWidget

# the document that loads nothing has a module of its own (Qt GUI only: the HTML helper process uses it)
from app.ui.common.safe_document import MAX_DATA_RESOURCES, SafeDocument, allowed, placeholder_image  # noqa: F401


class PlainLabel(QLabel):
    """A QLabel that shows its text literally (``Qt.PlainText``), whatever the text looks like, and tells a
    screen reader its words plainly (see the module's docstring: :meth:`spoken_description`)."""

    def __init__(self, text="", parent=None):
        if isinstance(text, QWidget):  # PlainLabel(parent), like QLabel(parent)
            text, parent = "", text
        super().__init__(parent)
        self._own_description = ""
        self._tip_words = ""  # the tooltip's words, read once per tooltip (not at each change of the text)
        self.setTextFormat(Qt.PlainText)
        self.setText(text)

    def spoken_description(self) -> str:
        """The accessible description this label has now: its own (:meth:`setAccessibleDescription`), else its
        text when its accessible name is not its text, and its tooltip's words; only the tooltip's while it is
        hidden (Qt would read the tooltip, rich, if the description were empty). Words as they are (a subject
        "<b>" stays "<b>"), on one line."""
        tip = getattr(self, "_tip_words", "")
        if self.isHidden():
            return tip
        own = " ".join(getattr(self, "_own_description", "").split())
        if own:
            return own
        shown = self.text()  # rich text only where the code chose it (the banner's question): read as its words
        text = tooltip_words(shown) if self.textFormat() == Qt.RichText else " ".join(shown.split())
        name = self.accessibleName()
        words = [text] if text and name and name != text else []
        return " — ".join(words + [tip] if tip and tip != text else words) or tip

    def _describe(self) -> None:
        if hasattr(self, "_own_description"):  # not before __init__ has run
            super().setAccessibleDescription(self.spoken_description())

    def setText(self, text):  # noqa: N802 - Qt override
        super().setText(text)
        self._describe()

    def setToolTip(self, tip):  # noqa: N802 - Qt override
        super().setToolTip(tip)
        self._tip_words = tooltip_words(tip)
        self._describe()

    def setAccessibleName(self, name):  # noqa: N802 - Qt override
        super().setAccessibleName(name)
        self._describe()

    def setAccessibleDescription(self, description):  # noqa: N802 - Qt override: the label's own words
        self._own_description = description or ""
        self._describe()

    def setVisible(self, visible):  # noqa: N802 - Qt override (show() and hide() come here)
        super().setVisible(visible)
        self._describe()


class ElidedLabel(PlainLabel):
    """A one-line PlainLabel that shows as much of its text as fits, ending in "…": a long subject never
    widens the window. ``text()`` stays the whole text; the tooltip shows it all."""

    def __init__(self, text="", parent=None):
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)  # give it a stretch in its layout

    def setText(self, text):  # noqa: N802 - Qt override
        super().setText(text)
        self.setToolTip(tooltip(text))

    def minimumSizeHint(self):  # noqa: N802
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, _event):  # noqa: N802
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(" ".join(self.text().split()), Qt.ElideRight, rect.width())
        p = QPainter(self)
        p.setPen(self.palette().color(self.foregroundRole()))
        p.drawText(rect, int(self.alignment()), shown)
        p.end()


def tooltip(text: str | None) -> str:
    """A tooltip string that Qt shows as ``text`` literally (escaped; line breaks kept)."""
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>"


def tooltip_words(tip: str | None) -> str:
    """The words a tooltip shows, on one line: rich text (as Qt takes it: :func:`tooltip`'s) read as its plain
    text, plain text as it is."""
    if not tip:
        return ""
    if GuiQt.mightBeRichText(tip):
        tip = QTextDocumentFragment.fromHtml(tip).toPlainText()
    return " ".join(tip.split())


def _widget_resource(widget, type_, url):
    """The widget's own hook. QTextDocument's base loader asks the widget first, then decodes ``data:``
    URIs itself: answer nothing for those (no recursion); anything else is refused like the document does."""
    if allowed(url):
        return None
    doc = widget.document()
    return doc.loadResource(type_, url) if isinstance(doc, SafeDocument) else ""


def _guard(widget) -> SafeDocument:
    doc = SafeDocument(widget)
    doc.inline_source = lambda cid: widget.inline_source(cid) if widget.inline_source is not None else None
    widget.setDocument(doc)
    return doc


def _fresh(widget) -> QTextDocument:
    """Put a new, empty :class:`SafeDocument` under ``widget`` and return the old one detached (no parent,
    not freed): the caller frees it (``app.ui.compose.body.doc_reaper``, for a big one, in pieces)."""
    old = widget.document()
    old.setParent(None)  # the widget deletes a document of its own when it gets another
    _guard(widget)
    return old


class SafeBrowser(QTextBrowser):
    """A read-only message view on a :class:`SafeDocument`; links are never followed or opened."""

    # before something reads the whole document (find): a body still being loaded in pieces goes in first
    whole_needed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.inline_source = None  # Content-ID -> bytes of the shown message's inline image, or None
        _guard(self)
        self.body_loader = None  # app.ui.compose.body.body_loader.BodyLoader that loads long bodies here (attach)
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.setReadOnly(True)

    def fresh_document(self) -> QTextDocument:
        return _fresh(self)

    def ensure_whole(self) -> None:
        self.whole_needed.emit()

    def loadResource(self, type_, url):  # noqa: N802 - QTextBrowser would resolve files itself
        return _widget_resource(self, type_, url)


class SafeTextEdit(QTextEdit):
    """The editor on a :class:`SafeDocument`: HTML loaded from a draft or pasted in loads nothing."""

    # (old, new) after :meth:`fresh_document`: whoever follows the document's signals moves to ``new``
    document_replaced = Signal(object, object)
    # before something reads or rewrites the whole document: a body still being loaded in pieces
    # (app/ui/compose/body/body_loader.py) is put in whole first
    whole_needed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.inline_source = None  # Content-ID -> bytes of an inline image of the message, or None
        # (QMimeData) -> True if it took a paste itself (Compose: an image becomes an inline attachment)
        self.paste_hook = None
        _guard(self)
        self.body_loader = None  # app.ui.compose.body.body_loader.BodyLoader that loads long bodies here (attach)

    def canInsertFromMimeData(self, source):  # noqa: N802 - Qt override
        return (self.paste_hook is not None and self.acceptRichText() and source.hasImage()) or \
            super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source):  # noqa: N802 - Qt override
        if self.paste_hook is not None and self.paste_hook(source):
            return
        super().insertFromMimeData(source)

    def fresh_document(self) -> QTextDocument:
        """Put a new, empty :class:`SafeDocument` under the editor and return the old one detached (no
        parent, not freed): the caller frees it (``app.ui.compose.body.doc_reaper``, for a big one, in pieces)."""
        old = _fresh(self)
        self.document_replaced.emit(old, self.document())
        return old

    def ensure_whole(self) -> None:
        """Call before reading or rewriting the whole document (find, a format switch, a signature)."""
        self.whole_needed.emit()

    def loadResource(self, type_, url):  # noqa: N802
        return _widget_resource(self, type_, url)
