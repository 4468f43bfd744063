"""A long body goes into the editor a piece per event-loop turn.

``QTextEdit.setPlainText`` of a 10 MB draft is one call: ~330 ms on this machine with the editor on screen,
and Qt then lays the document out 200,000 characters a turn (~27 ms each, ~50 turns). Appending the text
in pieces to a document that is already laid out costs ~6 ms per 32,000 characters, and Qt lays out each
piece as it comes: no lazy layout after (measured in the README's benchmarks).

While a body is being loaded the editor holds a prefix of it; :meth:`BodyLoader.tail` is the rest. The
message is always ``document text + tail``: Compose's ``draft()`` and autosave's snapshot use both, so a
save, a send or an autosave during loading takes the whole body. The user may type meanwhile (the rest is
appended at the document's end, after whatever was typed there). The loader's appends are not undoable
(undo is off until the body is in, as ``setPlainText`` does for its one insert): an undo can never take
loaded text out. Anything that needs the whole document at once calls :meth:`finish` first.

A long rich-text body that Qt wrote (a draft Dispatch saved) goes in the same way, cut between its
top-level paragraphs (``app/ui/compose/body/rich_cuts.py``): the first piece with ``setHtml``, each next one as a
fragment imported with the body's own head and appended after a paragraph break that gets the piece's
first paragraph's formats (a fragment's first paragraph takes the format of the one it is inserted
into). The result is the document one ``setHtml`` makes, character for character in ``toHtml()``
(``tests/ui/test_rich_loader.py``). :meth:`tail` is then the rest of the body's HTML, which Compose splices
into the document's HTML (``ComposeView.draft``).

Long HTML that Qt did not write (Outlook's) has no such cuts: the helper process (``app/ui/compose/body/qt_html.py``)
turns it into Qt's HTML, which is then loaded the same way. Until the helper answers, the editor is empty
and read-only and the message is the body as it came (:attr:`BodyLoader.waiting`, :meth:`tail`); a helper
that fails leaves the body to one ``setHtml``, as before. Shorter HTML is set in one call.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor, QTextDocument, QTextDocumentFragment

from app.domain import words
from app.ui.common.tr import shown
from app.ui.compose.body import rich_cuts

# a body at least this long is loaded in pieces; a shorter one is set in one call (< 10 ms)
PIECEWISE_FROM = 256 * 1024
# the first piece, set with setPlainText, and the size the loader starts appending with: a screen or two
# of text. 32 K characters cost ~5 ms in load() and ~7 ms more in the first append (the opening's longest
# stall, 10-21 ms with Compose's own work); 8 K, ~1.3 ms each (bench_typing_stall.py, 2026-11-25). On a
# slower spell of the machine (2026-11-26) load() took ~9 ms with 8 K, ~4 ms with 4 K, ~3 ms with 2 K:
# beside two CPU hogs that turn also waits ~8-12 ms for a CPU
FIRST_PIECE = 4 * 1024
# the time a turn's append aims at; the piece grows or shrinks to fit it (a busy machine gets smaller ones).
# The rest of the turn (Qt's layout and paint, the mirrors) adds ~2-4 ms, and beside busy processes the UI
# thread gets about half a CPU: at 4 ms the 10 MB rich draft opened with stalls of 14-21 ms beside two CPU
# hogs, at 2.5 ms 10.7-10.8 ms (p99 11 -> 8 ms), taking 15-25 % longer (bench_typing_stall.py, 2026-11-26)
TURN_BUDGET = 0.0025
MIN_PIECE, MAX_PIECE = 4 * 1024, 256 * 1024
# rich text: HTML this long or longer is loaded in pieces (Qt imports ~8 MB of its own HTML a second:
# 64 K characters, ~8 ms); the first piece, in characters of HTML (~1,200 characters of text, the top of
# the first screen; the next turns fill the rest). 16 K cost ~6 ms in load(), 4 K ~2 ms: beside two CPU
# hogs load()'s turn waits ~8-12 ms for a CPU as well (bench_typing_stall.py, 2026-11-26)
RICH_PIECEWISE_FROM = 64 * 1024
RICH_FIRST_PIECE = 4 * 1024
# HTML Qt did not write, this long or longer, goes through the helper process first: Qt imports Outlook's
# HTML at ~4 MB a second here (48 K characters, ~12 ms; 64 K, ~22 ms); the helper answers in ~0.2 s
FOREIGN_FROM = 48 * 1024
#: what the empty editor says while the helper works (in place of "Write your message…")
WAITING_NOTE = words.translate("Compose", "Opening this message…")


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
    began = Signal()             # the helper's answer is going in: :attr:`rich` may have changed

    def __init__(self, parent=None):
        super().__init__(parent)
        self._doc: QTextDocument | None = None
        self._text = ""
        self._pos = 0
        self._end = 0  # where what is to be loaded ends in _text (a rich body's HTML ends in its trailer)
        self._head = ""  # a rich body's head, up to and with its <body> tag; "" for plain text
        self._formats: QTextDocument | None = None  # a rich piece's first paragraph, imported alone
        self._piece = FIRST_PIECE
        self._was_undo = True
        self._edit = None        # the editor waiting for the helper's answer (None when not waiting)
        self._was_read_only = False
        self._placeholder = ""
        self._qt_html = None     # app.ui.compose.body.qt_html.QtHtml, made for the first foreign body
        self._ticket = -1
        self.turns = 0               # appends made for the body being loaded (tests, the bench)
        self.generation = 0          # bodies started: a search waiting for this one knows it from the next
        # once per event-loop turn: input and painting run between pieces. Single-shot, started again after
        # each piece: a repeating timer's next timeout counts from when the piece began, so it came before a
        # timer that fell due during the piece, and two pieces ran back to back (one 7-9 ms stall)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        # called around each append (Compose: its own appends are not edits)
        self.appending = None

    @property
    def active(self) -> bool:
        return self._doc is not None

    @property
    def waiting(self) -> bool:
        """Is a foreign HTML body with the helper (the document empty, :meth:`tail` the whole body)?"""
        return self._edit is not None

    @property
    def helper(self):
        """The helper process's runner (``app.ui.compose.body.qt_html.QtHtml``), once a foreign body has needed it."""
        return self._qt_html

    @property
    def rich(self) -> bool:
        """Is the body being loaded rich text (:meth:`tail` is HTML)?"""
        return self.active and bool(self._head)

    def head(self) -> str:
        """The rich body's head, up to and with its ``<body>`` tag ("" for plain text or nothing loading)."""
        return self._head if self.active else ""

    def attach(self, edit) -> None:
        """Load into ``edit`` (a SafeTextEdit or SafeBrowser): what needs its whole document puts the rest in
        first, and Find searches what is in as it comes (``app/ui/compose/find_bar.py``)."""
        edit.body_loader = self
        edit.whole_needed.connect(self.finish)

    def start(self, edit, text: str, rich: bool = False) -> None:
        """Put ``text`` into ``edit`` (a QTextEdit), the first piece now and the rest turn by turn; ``rich``:
        ``text`` is HTML."""
        self.cancel()
        self.generation += 1
        if rich:
            self._start_rich(edit, text)
            return
        if len(text) < PIECEWISE_FROM:
            edit.setPlainText(text)
            return
        first = cut(text, 0, FIRST_PIECE)
        edit.setPlainText(text[:first])
        self._begin(edit.document(), text, first, len(text), "", FIRST_PIECE)

    def _start_rich(self, edit, html: str) -> None:
        if len(html) >= FOREIGN_FROM and rich_cuts.qt_body(html) is None:
            self._wait(edit, html)
        else:
            self._start_qt(edit, html)

    def _start_qt(self, edit, html: str) -> None:
        """HTML that Qt wrote (or short HTML): in pieces when it is long, else in one call."""
        body = rich_cuts.qt_body(html) if len(html) >= RICH_PIECEWISE_FROM else None
        if body is None:
            edit.setHtml(html)
            return
        start, end = body
        first = rich_cuts.next_cut(html, start, RICH_FIRST_PIECE, end)
        if first >= end:
            edit.setHtml(html)
            return
        head = html[:start]
        edit.setHtml(head + html[start:first] + rich_cuts.TRAILER)
        self._begin(edit.document(), html, first, end, head, RICH_FIRST_PIECE)

    def _wait(self, edit, html: str) -> None:
        """Hand ``html`` to the helper; the editor stays empty and read-only until it answers."""
        if self._qt_html is None:
            from app.ui.compose.body.qt_html import QtHtml

            self._qt_html = QtHtml(self)
            self._qt_html.ready.connect(self._answered)
        edit.clear()
        self._edit, self._was_read_only, self._placeholder = edit, edit.isReadOnly(), edit.placeholderText()
        edit.setReadOnly(True)
        edit.setPlaceholderText(shown(WAITING_NOTE))  # an empty body that says so, not an empty message
        self._doc, self._text, self._pos, self._end, self._head = edit.document(), html, 0, len(html), ""
        self._ticket = self._qt_html.start(html, edit.document().defaultFont().toString())
        self.progress.emit(*self.done())

    def _answered(self, ticket: int, qt_html) -> None:
        """The helper's answer (``None``: it failed) for the body still waiting: load it a piece per turn."""
        if ticket != self._ticket or self._edit is None:
            return
        edit, html = self._stop_waiting(), self._text
        hook = self.appending
        if hook is not None:
            hook(True)
        self._doc, self._text = None, ""
        try:
            # Qt's HTML of the body; without it (the helper failed) the body is set here, in one call
            self._start_qt(edit, html if qt_html is None else qt_html)
        finally:
            if hook is not None:
                hook(False)
        self.began.emit()
        if not self.active:
            self._finished(edit.document().characterCount())

    def _stop_waiting(self):
        edit, self._edit = self._edit, None
        self._ticket = -1
        self._qt_html.cancel()
        edit.setReadOnly(self._was_read_only)
        edit.setPlaceholderText(self._placeholder)
        return edit

    def _begin(self, doc: QTextDocument, text: str, pos: int, end: int, head: str, piece: int) -> None:
        self._was_undo = doc.isUndoRedoEnabled()
        doc.setUndoRedoEnabled(False)
        self._doc, self._text, self._pos, self._end, self._head = doc, text, pos, end, head
        self._piece, self.turns = piece, 0
        self.progress.emit(*self.done())
        self._timer.start()

    def done(self) -> tuple[int, int]:
        """(characters in, characters in all) of the body being loaded."""
        return self._pos, self._end

    def tail(self) -> str:
        """What is not in the document yet ("" when nothing is loading): text, or a rich body's HTML from
        the paragraph that comes next to the end of its body (without the trailer); while :attr:`waiting`,
        the whole body as it came."""
        return self._text[self._pos:self._end] if self.active else ""

    def cancel(self) -> None:
        """Stop loading (another message is replacing this one); what is in the document stays."""
        self._timer.stop()
        if self._edit is not None:
            self._stop_waiting()
        elif self._doc is not None:
            self._doc.setUndoRedoEnabled(self._was_undo)
        self._doc, self._text, self._pos, self._end, self._head, self._formats = None, "", 0, 0, "", None

    def finish(self) -> None:
        """Append all that is left now, in one call (for what must see the whole document); a body still
        with the helper is set in one call."""
        if self._edit is not None:
            self._answered(self._ticket, None)
        if self.active:
            self._append(self._end)
            self._done()

    def _step(self) -> None:
        if self._doc is None:
            self._timer.stop()
            return
        t0 = time.perf_counter()
        if self._head:
            self._append(rich_cuts.next_cut(self._text, self._pos, self._piece, self._end))
        else:
            self._append(cut(self._text, self._pos, self._piece))
        spent = time.perf_counter() - t0
        self.turns += 1
        # aim the next piece at the budget (halve at most, double at most: one slow turn is not a trend)
        scale = min(2.0, max(0.5, TURN_BUDGET / max(spent, 1e-4)))
        self._piece = int(min(MAX_PIECE, max(MIN_PIECE, self._piece * scale)))
        if self._pos >= self._end:
            self._done()
        else:
            self.progress.emit(*self.done())
            self._timer.start()  # counted from now (see __init__)

    def _append(self, end: int) -> None:
        cursor = QTextCursor(self._doc)
        cursor.movePosition(QTextCursor.End)
        hook = self.appending
        if hook is not None:
            hook(True)
        try:
            if self._head:
                self._append_html(cursor, end)
            else:
                cursor.insertText(self._text[self._pos:end])
        finally:
            if hook is not None:
                hook(False)
        self._pos = end

    def _append_html(self, cursor: QTextCursor, end: int) -> None:
        """The paragraphs of ``_text[_pos:end]`` after a paragraph break; the break's paragraph takes the
        first one's formats (inserted into it, the fragment's first paragraph keeps the break's)."""
        html, pos, doc = self._text, self._pos, self._doc
        if self._formats is None:
            self._formats = type(doc)()  # the editor's kind of document: a SafeDocument loads nothing
        first = self._formats
        first.setDefaultFont(doc.defaultFont())
        first.setHtml(self._head + html[pos:rich_cuts.first_paragraph_end(html, pos)] + rich_cuts.TRAILER)
        # one edit, one change for whoever follows the document: Qt's layout marks every top-level frame
        # (table) at each change, ~1 ms per 1,000 tables; four changes a turn made that four times
        cursor.beginEditBlock()
        try:
            cursor.insertBlock()
            at = cursor.position()
            # imported with the body's own head (its style sheet) and the editor's document as what resolves
            # resources (a SafeDocument's: nothing is fetched)
            cursor.insertFragment(QTextDocumentFragment.fromHtml(self._head + html[pos:end] + rich_cuts.TRAILER, doc))
            cursor.setPosition(at)
            cursor.setBlockFormat(first.begin().blockFormat())
            cursor.setBlockCharFormat(first.begin().charFormat())
        finally:
            cursor.endEditBlock()

    def _done(self) -> None:
        total = self._end
        self.cancel()
        self._finished(total)

    def _finished(self, total: int) -> None:
        self.progress.emit(total, total)
        self.finished.emit()
