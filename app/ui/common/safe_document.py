"""The document every message body is shown in: it loads ``data:`` URIs and the message's own inline images
(``cid:``, from bytes its owner hands it: :attr:`SafeDocument.inline_source`) and nothing else
(``app/ui/common/safe_text.py`` says why). Qt GUI only, no widgets: the process that turns foreign HTML into
Qt's (``app/ui/compose/body/html_helper.py``) imports it without Qt Widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

_IMAGE = int(QTextDocument.ResourceType.ImageResource.value)

# How many resources one document may decode from ``data:`` URIs (each within Qt's image allocation limit).
MAX_DATA_RESOURCES = 200


def placeholder_image() -> QImage:
    """What a blocked image shows: a small grey box with a border."""
    img = QImage(24, 24, QImage.Format_ARGB32)
    img.fill(QColor("#e2e8f0"))
    p = QPainter(img)
    p.setPen(QColor("#94a3b8"))
    p.drawRect(0, 0, 23, 23)
    p.drawLine(4, 4, 19, 19)
    p.drawLine(19, 4, 4, 19)
    p.end()
    return img


def allowed(url: QUrl) -> bool:
    """Only inline ``data:`` resources are loaded."""
    return url.scheme().lower() == "data"


def content_id(url: QUrl) -> str | None:
    """The Content-ID a ``cid:`` URL names (None for any other URL)."""
    if url.scheme().lower() != "cid":
        return None
    return url.path(QUrl.ComponentFormattingOption.FullyDecoded)


class SafeDocument(QTextDocument):
    """A text document that fetches nothing: ``data:`` URIs are decoded, a ``cid:`` image the owner has the
    bytes of is shown, anything else is a placeholder."""

    def __init__(self, parent=None):
        super().__init__(parent)
        # Content-ID -> the image's bytes (the message's own inline attachment) or None; set by the widget
        self.inline_source = None
        self.blocked: list[str] = []  # the URLs refused (for tests and a "content blocked" note)
        self._data_loaded = 0
        self._placeholder: QImage | None = None

    def loadResource(self, type_, url):  # noqa: N802 - Qt override
        kind = int(getattr(type_, "value", type_))
        image = self._inline(url) if kind == _IMAGE else None
        if image is not None:
            self.addResource(kind, url, image)  # decoded once, not on every paint
            return image
        if allowed(url) and self._data_loaded < MAX_DATA_RESOURCES:
            self._data_loaded += 1
            result = super().loadResource(type_, url)
            if result is not None:
                return result
        elif url.toString()[:200] not in self.blocked:
            self.blocked.append(url.toString()[:200])
        if kind == _IMAGE:
            if self._placeholder is None:
                self._placeholder = placeholder_image()
            self.addResource(kind, url, self._placeholder)  # asked once per URL, not on every paint
            return self._placeholder
        return ""  # a style sheet or another document: empty, never read from anywhere

    def _inline(self, url: QUrl) -> QImage | None:
        """The message's own picture for a ``cid:`` URL, decoded from its bytes (never read from anywhere)."""
        cid = content_id(url)
        data = self.inline_source(cid) if cid and self.inline_source is not None else None
        if not data:
            return None
        img = QImage.fromData(data)
        return None if img.isNull() else img

    def clear(self) -> None:
        self.blocked.clear()
        self._data_loaded = 0
        super().clear()
