"""Pictures in a rich-text body: Insert image (a file dialog) or a paste (image data, or an image file's URL).

Each picture becomes an inline attachment (``is_inline``, a fresh ``content_id``) and the body gets
``<img src="cid:...">`` at the cursor; the editor shows it from the attachment's bytes (the document asks
:meth:`InlineImages.bytes_of` through ``SafeTextEdit.inline_source``), so the saved HTML never names a file
or a web address. The pictures of the message on screen are kept here, whether the body shows them or not
(Undo can bring a deleted one back); the message takes only those its body still shows
(:func:`app.domain.inline_images.referenced`): a deleted picture leaves no orphan attachment on the server.
Sizes count against the server's per-message limit like any attachment (``attachments.over_limit``).
"""

from __future__ import annotations

import mimetypes
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Signal
from PySide6.QtGui import QImage, QImageReader, QTextImageFormat
from PySide6.QtWidgets import QFileDialog

from app.domain import inline_images as inline
from app.domain.models import Attachment
from app.ui.common.file_dialog import file_dialog
from app.ui.common.tr import translate
from app.ui.compose.attachments import not_added, over_limit, read_attachment

# what a pasted picture (image data, no file) is called and stored as
PASTED_NAME = "image.png"


def image_types() -> set[str]:
    """The image MIME types Qt can decode here (what the editor can show)."""
    return {bytes(t).decode() for t in QImageReader.supportedMimeTypes()}


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(data)


def picture_of(source, max_bytes: int) -> tuple[bytes, str] | None:
    """(bytes, MIME type) of the picture a paste holds: an image file's URL (its own bytes), or image data
    (as PNG). None: no picture. A file over ``max_bytes`` is read no further (its first ``max_bytes`` + 1
    bytes come back: the caller sees it is too big)."""
    files = [u.toLocalFile() for u in source.urls() if u.isLocalFile()] if source.hasUrls() else []
    for f in files:
        mime = mimetypes.guess_type(f)[0] or ""
        if mime in image_types():
            try:
                with open(f, "rb") as fh:
                    data = fh.read(max_bytes + 1)
            except OSError:
                return None
            return (data, mime) if len(data) > max_bytes or not QImage.fromData(data).isNull() else None
    if source.hasImage():
        image = QImage(source.imageData())
        return (png_bytes(image), "image/png") if not image.isNull() else None
    return None


class InlineImages(QObject):
    """The inline pictures of the message in Compose: insert, paste, and which ones the message holds."""

    # a picture was put in the body (the message changed)
    inserted = Signal(str)  # its Content-ID

    def __init__(self, view):
        super().__init__(view)
        self.view, self.body = view, view.body
        self._images: dict[str, Attachment] = {}  # Content-ID -> the picture (shown or not)
        self._dialog: QFileDialog | None = None
        self.body.inline_source = self.bytes_of
        self.body.paste_hook = self.paste

    # ---- the message's pictures ----
    def bytes_of(self, content_id: str) -> bytes | None:
        att = self._images.get(content_id)
        return att.content if att is not None else None

    def set_images(self, images: list[Attachment]) -> None:
        """The pictures of a message being loaded (its inline attachments)."""
        self._images = {a.content_id: a for a in images}

    def all(self) -> list[Attachment]:
        return list(self._images.values())

    def shown(self, html: str) -> list[Attachment]:
        """The pictures the body (its HTML) shows: those the message holds."""
        return inline.referenced(html, list(self._images.values()))

    def content_id_for(self, att: Attachment) -> str:
        """The Content-ID of a picture that goes in as part of something (a signature): the one it has if the
        same picture is already here (switching signatures back and forth adds none), else a new one."""
        same = next((cid for cid, a in self._images.items()
                     if a.content == att.content and a.content_type == att.content_type), None)
        if same is not None:
            return same
        cid = inline.new_content_id()
        self._images[cid] = Attachment(att.name, att.content, att.content_type, size=len(att.content),
                                       content_id=cid, is_inline=True)
        return cid

    def adopt_ids(self, saved: list[Attachment]) -> None:
        """The server's attachment ids after a save (the next save keeps them instead of uploading again). A
        picture that save left out (deleted from the body) is no longer on the server: should Undo bring it
        back, it is uploaded again."""
        on_server = {a.content_id: a for a in saved if inline.is_inline_image(a)}
        for cid, mine in list(self._images.items()):
            got = on_server.get(cid)
            kept = got is not None and len(mine.content) == len(got.content)
            self._images[cid] = replace(mine, attachment_id=(got.attachment_id or mine.attachment_id) if kept else "")

    # ---- putting one in ----
    def open_dialog(self) -> None:
        """Insert image: pick a picture file (the dialog does not block; its choice is inserted)."""
        if self._dialog is None:
            self._dialog = file_dialog(self.view, translate("InlineImages", "Insert image"))
            self._dialog.setFileMode(QFileDialog.ExistingFile)
            patterns = sorted({f"*{ext}" for t in image_types() for ext in mimetypes.guess_all_extensions(t)})
            self._dialog.setNameFilters([translate("InlineImages", "Images ({patterns})").format(patterns=" ".join(patterns)),
                                         translate("InlineImages", "All files (*)")])
            self._dialog.fileSelected.connect(self.insert_file)
            self._dialog.finished.connect(self._closed)
        folder = self.view.attachments.last_folder
        self._dialog.setDirectory(folder if folder and Path(folder).is_dir() else str(Path.home()))
        self._dialog.open()

    def _closed(self, _result) -> None:
        """The keyboard comes back to the body, where the picture went."""
        self.view.window().activateWindow()
        self.body.setFocus()

    def insert_file(self, path: str) -> bool:
        """Put the picture file at ``path`` in the body at the cursor; False (the reason shown) if it is not."""
        att, why = read_attachment(path, self.view.attachments.max_bytes)
        if att is not None:
            self.view.attachments.last_folder = str(Path(path).parent)
            if att.content_type not in image_types() or QImage.fromData(att.content).isNull():
                why = translate("InlineImages", "“{name}” is not a picture this app can show.").format(name=att.name)
                att, why = None, f"{why} {not_added(inserted=True)}"
        if att is None:
            self.view.attachments.set_error(why)
            return False
        return self.insert(Attachment(att.name, att.content, att.content_type, size=len(att.content)))

    def insert_image(self, image: QImage) -> bool:
        """Put pasted image data in the body (as a PNG)."""
        data = png_bytes(image)
        return self.insert(Attachment(PASTED_NAME, data, "image/png", size=len(data)))

    def insert(self, att: Attachment) -> bool:
        """``att``'s bytes as a new inline picture at the cursor, if the message's attachments leave room."""
        if not self.view.fmt.ensure_rich():
            return False
        why = over_limit(att, self.view.draft().attachments, self.view.attachments.max_bytes, inserted=True)
        if why:
            self.view.attachments.set_error(why)
            return False
        self.view.attachments.set_error("")
        cid = inline.new_content_id()
        self._images[cid] = Attachment(att.name, att.content, att.content_type, size=len(att.content),
                                       content_id=cid, is_inline=True)
        fmt = QTextImageFormat()
        fmt.setName(inline.cid_url(cid))
        self.body.textCursor().insertImage(fmt)
        self.body.setFocus()
        self.inserted.emit(cid)
        return True

    def paste(self, source) -> bool:
        """A paste into a rich body: image data, or the URL of an image file, goes in as a picture.
        False: not a picture (the editor pastes it as usual)."""
        if not self.body.acceptRichText():
            return False
        files = [u.toLocalFile() for u in source.urls() if u.isLocalFile()] if source.hasUrls() else []
        pictures = [f for f in files if (mimetypes.guess_type(f)[0] or "") in image_types()]
        if pictures:
            for f in pictures:
                self.insert_file(f)
            return True
        if source.hasImage():
            image = QImage(source.imageData())
            return not image.isNull() and self.insert_image(image)
        return False
