"""A big document is freed a piece per event-loop turn, not in one call.

Qt frees a laid-out document in one call: ~110 ms for a 10 MB body (125,000 paragraphs, each with its
layout), on the UI thread, when Compose is cleared after sending it or another message is opened over it.
Compose instead puts a fresh document under its editor (``SafeTextEdit.fresh_document``, instant) and
hands the old one here: its undo history is dropped, then :data:`REAP_BLOCKS` paragraphs are removed
from its end per turn (~3-5 ms each on a 2-core machine), and the empty document is deleted. The old
document is detached from the editor and from everything that followed it, so nothing on screen and no
mirror of the body sees the removals.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QRectF, QSizeF, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QTextCursor, QTextDocument

# a document of more characters than this is freed in pieces (below it, freeing takes < ~3 ms)
BIG_DOCUMENT = 256 * 1024
# paragraphs removed per event-loop turn
REAP_BLOCKS = 2000


class _NoLayout(QAbstractTextDocumentLayout):
    """The layout of a document being freed that Qt had not finished laying out (Qt lays a long one out
    over a few seconds): it lays nothing out. Qt's own, given a removal past where it has got to, first
    lays the document out up to there, in one call: 2-3 s for a 10 MB body opened just before."""

    def documentChanged(self, position, removed, added):  # noqa: N802 (Qt's name)
        pass

    def draw(self, painter, context):
        pass

    def hitTest(self, point, accuracy):  # noqa: N802
        return -1

    def pageCount(self):  # noqa: N802
        return 1

    def documentSize(self):  # noqa: N802
        return QSizeF()

    def frameBoundingRect(self, frame):  # noqa: N802
        return QRectF()

    def blockBoundingRect(self, block):  # noqa: N802
        return QRectF()


class DocumentReaper(QObject):
    """Frees detached documents in pieces, one piece per event-loop turn, oldest document first."""

    freed = Signal()  # every document handed over is gone (tests)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._docs: list[QTextDocument] = []  # held here until empty: dropping one frees it at once
        self.pieces = 0  # pieces removed so far (tests)
        self.largest_piece = 0  # the most paragraphs removed in one turn (tests)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    @staticmethod
    def big(doc: QTextDocument) -> bool:
        """Whether freeing ``doc`` in one call would take longer than a piece."""
        return doc.characterCount() > BIG_DOCUMENT

    def reap(self, doc: QTextDocument) -> None:
        """Free ``doc`` (detached: no parent, no editor) over the next turns."""
        doc.setUndoRedoEnabled(False)  # its history goes now: one command holds a pasted body whole
        if doc.lastBlock().layout().lineCount() == 0:
            # Qt has not laid it all out yet: its layout would lay the rest out before the first piece goes.
            # Replacing it frees the paragraphs' layouts at once (~2 ms per 1,000 laid out), so a document
            # laid out to its end keeps Qt's, which frees them a piece at a time.
            doc.setDocumentLayout(_NoLayout(doc))
        self._docs.append(doc)
        self._timer.start()

    def busy(self) -> bool:
        return bool(self._docs)

    def _step(self) -> None:
        if not self._docs:
            return
        doc = self._docs[0]
        blocks = doc.blockCount()
        if blocks > 1:
            cut = max(0, blocks - REAP_BLOCKS)
            cursor = QTextCursor(doc)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.setPosition(doc.findBlockByNumber(cut).position(), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            self.pieces += 1
            self.largest_piece = max(self.largest_piece, blocks - doc.blockCount())
        if doc.blockCount() <= 1 or doc.blockCount() >= blocks:  # empty (or nothing left to take: done)
            self._docs.pop(0)
            shiboken6.delete(doc)  # empty now: nothing left to take long
        if self._docs:
            self._timer.start()
        else:
            self.freed.emit()
