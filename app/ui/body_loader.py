"""A long plain-text body goes into the editor a piece per event-loop turn.

``QTextEdit.setPlainText`` of a 10 MB draft is one call: ~330 ms on this machine with the editor on screen,
and Qt then lays the document out 200,000 characters a turn (~27 ms each, ~50 turns). Appending the text
in pieces to a document that is already laid out costs ~6 ms per 32,000 characters, and Qt lays out each
piece as it comes: no lazy layout after (issue 16, measured in the README's benchmarks).

While a body is being loaded the editor holds a prefix of it; :meth:`BodyLoader.tail` is the rest. The
message is always ``document text + tail``: Compose's ``draft()`` and autosave's snapshot use both, so a
save, a send or an autosave during loading takes the whole body. The user may type meanwhile (the rest is
appended at the document's end, after whatever was typed there). The loader's appends are not undoable
(undo is off until the body is in, as ``setPlainText`` does for its one insert): an undo can never take
loaded text out. Anything that needs the whole document at once calls :meth:`finish` first.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor, QTextDocument

from app.heap import mapping_big

#: a body at least this long is loaded in pieces; a shorter one is set in one call (< 10 ms)
PIECEWISE_FROM = 256 * 1024
#: the first piece, set with setPlainText, and the size the loader starts appending with: a few screens of
#: text. 32 K characters cost ~5 ms in load() and ~7 ms more in the first append (the opening's longest
#: stall, 10-21 ms with Compose's own work); 8 K, ~1.3 ms each (bench_typing_stall.py, 2026-11-25)
FIRST_PIECE = 8 * 1024
#: the time a turn's append aims at; the piece grows or shrinks to fit it (a busy machine gets smaller ones)
TURN_BUDGET = 0.004
MIN_PIECE, MAX_PIECE = 4 * 1024, 256 * 1024


def cut(text: str, start: int, size: int) -> int:
    """Where the piece of ``text`` that begins at ``start`` should end, about ``size`` characters on.

    Qt's insertText makes one paragraph break of ``\\r\\n`` but two of a ``\\r`` and a ``\\n`` inserted
    apart, so a piece never ends between them: it ends after the last line break within ``size`` if there
    is one, otherwise at ``size`` (moved on by one if that is between ``\\r`` and ``\\n``)."""
    end = start + size
    if end >= len(text):
        return len(text)
    nl = text.rfind("\n", start, end)
    if nl >= 0:
        return nl + 1
    if text[end - 1] == "\r" and text[end] == "\n":
        end += 1
    return end


class BodyLoader(QObject):
    """Loads one body at a time into a document; a new :meth:`start` or :meth:`cancel` stops the last."""

    progress = Signal(int, int)  # (characters in, characters in all)
    finished = Signal()          # the whole body is in the document

    def __init__(self, parent=None):
        super().__init__(parent)
        self._doc: QTextDocument | None = None
        self._text = ""
        self._pos = 0
        self._piece = FIRST_PIECE
        self._was_undo = True
        self.turns = 0               # appends made for the body being loaded (tests, the bench)
        self._timer = QTimer(self)
        self._timer.setInterval(0)   # once per event-loop turn: input and painting run between pieces
        self._timer.timeout.connect(self._step)
        #: called around each append (Compose: its own appends are not edits)
        self.appending = None

    @property
    def active(self) -> bool:
        return self._doc is not None

    def start(self, edit, text: str) -> None:
        """Put ``text`` into ``edit`` (a QTextEdit), the first piece now and the rest turn by turn."""
        self.cancel()
        if len(text) < PIECEWISE_FROM:
            edit.setPlainText(text)
            return
        first = cut(text, 0, FIRST_PIECE)
        edit.setPlainText(text[:first])
        doc = edit.document()
        self._was_undo = doc.isUndoRedoEnabled()
        doc.setUndoRedoEnabled(False)
        mapping_big(True)  # Qt's growing buffers get mappings of their own: moved, never copied (app/heap.py)
        self._doc, self._text, self._pos, self._piece, self.turns = doc, text, first, FIRST_PIECE, 0
        self.progress.emit(self._pos, len(text))
        self._timer.start()

    def done(self) -> tuple[int, int]:
        """(characters in, characters in all) of the body being loaded."""
        return self._pos, len(self._text)

    def tail(self) -> str:
        """What is not in the document yet ("" when nothing is loading)."""
        return self._text[self._pos:] if self.active else ""

    def cancel(self) -> None:
        """Stop loading (another message is replacing this one); what is in the document stays."""
        self._timer.stop()
        if self._doc is not None:
            self._doc.setUndoRedoEnabled(self._was_undo)
            mapping_big(False)
        self._doc, self._text, self._pos = None, "", 0

    def finish(self) -> None:
        """Append all that is left now, in one call (for what must see the whole document)."""
        if self.active:
            self._append(len(self._text))
            self._done()

    def _step(self) -> None:
        if self._doc is None:
            self._timer.stop()
            return
        t0 = time.perf_counter()
        self._append(cut(self._text, self._pos, self._piece))
        spent = time.perf_counter() - t0
        self.turns += 1
        # aim the next piece at the budget (halve at most, double at most: one slow turn is not a trend)
        scale = min(2.0, max(0.5, TURN_BUDGET / max(spent, 1e-4)))
        self._piece = int(min(MAX_PIECE, max(MIN_PIECE, self._piece * scale)))
        if self._pos >= len(self._text):
            self._done()
        else:
            self.progress.emit(self._pos, len(self._text))

    def _append(self, end: int) -> None:
        cursor = QTextCursor(self._doc)
        cursor.movePosition(QTextCursor.End)
        piece = self._text[self._pos:end]
        hook = self.appending
        if hook is not None:
            hook(True)
        try:
            cursor.insertText(piece)
        finally:
            if hook is not None:
                hook(False)
        self._pos = end

    def _done(self) -> None:
        total = len(self._text)
        self.cancel()
        self.progress.emit(total, total)
        self.finished.emit()
