"""The Compose body's plain text, kept current without reading the whole document: a 10 MB
body's ``toPlainText()`` costs 30-120 ms of the UI thread, too much for every autosave.

:class:`BodyMirror` listens to ``QTextDocument.contentsChange(position, removed, added)`` and reads only
the ``added`` characters from the document (a cursor's selection), splicing them into a
:class:`~app.core.compose.text_mirror.ChunkedText`. The characters are mapped as ``QTextDocument.toPlainText()``
maps them (paragraph and line separators and frame marks to ``\\n``, no-break spaces to spaces), so
``mirror.text() == document.toPlainText()`` always; the autosave joins a :meth:`snapshot` on the journal
thread. After every change the mirror's length is checked against the document's ``characterCount()``
(free): when a reported change does not add up (``clear()`` reports ``(0, 0, 1)`` on the emptied
document, then ``(0, old, 0)``), the mirror reads the document again: at once when it is short, else at
its next use (``resyncs`` counts both; typing never causes one).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor, QTextDocument

from app.core.compose.text_mirror import ChunkedText

# what QTextDocument::toPlainText() replaces (qtextdocument.cpp)
# a document this short is read again at once when a change did not add up
SMALL = 64 * 1024

_PLAIN = (("\u2029", "\n"), ("\u2028", "\n"), ("\ufdd0", "\n"), ("\ufdd1", "\n"), ("\u00a0", " "))


class BodyMirror(QObject):
    def __init__(self, document: QTextDocument, parent=None):
        super().__init__(parent)
        self.text_ = ChunkedText()
        self.resyncs = 0  # full re-reads after a change the mirror could not follow
        self.read_chars = 0  # characters read from the document (tests: only what changed)
        self.doc: QTextDocument | None = None
        self.set_document(document)

    def set_document(self, document: QTextDocument) -> None:
        """Follow ``document`` from now on (the editor got a new one: ``SafeTextEdit.fresh_document``); the
        old one's changes are no longer this mirror's."""
        if self.doc is not None:
            self.doc.contentsChange.disconnect(self._changed)
        self.doc = document
        self._cursor = QTextCursor(document)
        document.contentsChange.connect(self._changed)
        self._stale = True
        self._sync()

    # ---- what Compose reads ----
    def snapshot(self) -> tuple[str, ...]:
        """The plain text now, as immutable chunks (join them off the UI thread)."""
        self._ensure()
        return self.text_.snapshot()

    def text(self) -> str:
        self._ensure()
        return self.text_.text()

    def is_blank(self) -> bool:
        """``not toPlainText().strip()``, chunk by chunk."""
        self._ensure()
        return self.text_.stripped_empty()

    # ---- following the document ----
    def _changed(self, pos: int, removed: int, added: int) -> None:
        if self._stale:
            return
        n = self.doc.characterCount() - 1  # toPlainText() leaves out the last block's separator
        # Qt may count the document's final separator in ``removed``/``added`` (setPlainText, clear):
        # clamp both to the text before and after
        removed = max(0, min(removed, len(self.text_) - pos))
        added = max(0, min(added, n - pos))
        self.text_.replace(pos, removed, self._read(pos, added))
        if len(self.text_) != n:  # e.g. clear(): Qt reports (0, 0, 1) on the emptied document first
            self.resyncs += 1
            if n <= SMALL:
                self._sync()  # cheap: at once
            else:
                self._stale = True  # read it whole when it is next needed

    def _read(self, pos: int, count: int) -> str:
        if count <= 0:
            return ""
        c = self._cursor
        c.setPosition(pos)
        c.setPosition(pos + count, QTextCursor.KeepAnchor)
        got = c.selectedText()
        self.read_chars += len(got)
        for qt, plain in _PLAIN:  # (str.replace: str.translate takes ~1 s for 10 MB)
            if qt in got:
                got = got.replace(qt, plain)
        return got

    def _ensure(self) -> None:
        if self._stale:
            self._sync()

    def _sync(self) -> None:
        self.text_.set(self.doc.toPlainText())
        self._stale = False
