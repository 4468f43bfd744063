"""The Compose body's HTML, kept a segment at a time (issue 16: ``QTextDocument.toHtml()`` of a long
rich-text body is one call on the UI thread, ~40 ms per MB, and autosave took it at every save).

:class:`RichMirror` cuts a long document into segments of about :data:`SEGMENT` characters, each a run
of whole paragraphs, and keeps each segment's HTML as Qt's own exporter writes it: a segment is exported
as a :class:`QTextDocumentFragment` of its paragraphs, and the pieces joined under the document's own
``<body>`` tag are exactly ``document.toHtml()`` (the tests compare them character for character after
every kind of edit). ``QTextDocument.contentsChange`` marks the segments an edit touched; only those are
exported again when the HTML is next asked for, so an autosave while typing exports one segment instead
of the whole body. After a long body comes in (opened, pasted), the segments are exported one per
event-loop turn until all are current but the one the last edit was in: typing goes on there, and it is
written when the HTML is asked for (not at every key). The first edit in a long segment cuts it around
the paragraph edited (the rest is written ahead), so that segment is about that paragraph (~1 ms a take).

Where Qt's exporter writes a paragraph by what is around it, a segment never starts: not inside a list
(a list is written as one ``<ol>``/``<ul>``, from its first item to its last), and only at a paragraph of
the document itself (not in a table's cell) whose paragraph before is one too: a table (or another frame)
is always inside one segment, written whole. A document shorter than :data:`LARGE` is taken with
``toHtml()``. A fragment Qt writes otherwise than expected is not guessed at: the whole document is taken
with ``toHtml()`` instead (``full_exports`` counts those).
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor, QTextDocument

from app.ui import rich_export
from app.ui.list_spans import ListSpans
from app.ui.rich_cuts import TRAILER
from app.ui.rich_export import NotSplittable

#: a document this long (characters) or longer is kept in segments; a shorter one is one toHtml() (< ~5 ms)
LARGE = 128 * 1024
#: characters per segment (Qt writes ~16 K characters of a paragraph-per-line body in ~2.5 ms on this machine)
SEGMENT = 16 * 1024
#: an edit longer than this (characters) is not searched for list paragraphs: the lists are found again
LIST_SCAN = 64 * 1024
#: lists whose spans become cursors in one turn after a long body went in (~15 µs each in a 10 MB body: 300, 5 ms)
SETTLE = 100


class RichMirror(QObject):
    def __init__(self, document: QTextDocument, parent=None, *, large: int = LARGE, segment: int = SEGMENT):
        super().__init__(parent)
        self.large, self.segment = large, segment
        self.hot_most = segment // 4  # a segment typed into, longer than this, is cut around the paragraph
        self.exported_chars = 0  # characters written by segment (tests: only what changed)
        self.full_exports = 0  # whole-document toHtml() calls
        self.doc: QTextDocument | None = None
        self.active = False
        self._warm_off = False  # a segment could not be written: no writing ahead until one is taken whole
        self._checked = False  # the segment starts were checked since the last edit
        self._big: bool | None = None  # _oversized() since the segments last changed (None: ask again)
        self.spans = ListSpans()  # where the lists run (app/ui/list_spans.py)
        self._starts: list[QTextCursor] | None = None  # where segments 1.. start (segment 0 starts at 0)
        self._html: list[str | None] = []  # each segment's HTML; None: to be written
        self._hot: QTextCursor | None = None  # where the last edit was: its segment is left to the next take
        self._held = False  # a long body is going in a piece at a time: mark segments, write none ahead
        self._warm = QTimer(self)  # a segment a turn; single-shot, started again after each (app/ui/body_loader.py)
        self._warm.setSingleShot(True)
        self._warm.setInterval(0)
        self._warm.timeout.connect(self._warm_one)
        self.set_document(document)

    # ---- what Compose reads ----
    def set_active(self, on: bool) -> None:
        """Follow the document only while the body is rich text (a plain body is the plain mirror's)."""
        self.active = on
        if not on:
            self._drop()
        else:
            self._changed(0, 0, 0)

    def hold(self, on: bool) -> None:
        """While a long body goes in a piece per turn (app/ui/body_loader.py) its appends only mark the
        segments they touch: writing ahead meanwhile cost each turn a search of the growing document's lists
        (up to ~40 ms at 10 MB). After it, every segment waiting is written, a turn each, the last too."""
        self._held = on
        if on:
            self._warm.stop()
        elif self._starts is not None:
            self._hot = None  # the appends' segment is written ahead too (the starts they made stand)
            if not self._warm_off:
                self._warm.start()

    def set_document(self, document: QTextDocument) -> None:
        if self.doc is not None:
            self.doc.contentsChange.disconnect(self._changed)
        self.doc = document
        self.spans = ListSpans()  # the last document's are not this one's
        document.documentLayout()  # Qt reports changes only to a document that has a layout (an editor's has)
        document.contentsChange.connect(self._changed)
        self._drop()
        if self.active:
            self._changed(0, 0, 0)

    def pieces(self) -> tuple[str, ...]:
        """``document.toHtml()`` as pieces (join them off the UI thread where that can be done)."""
        if not self.active:
            self.set_active(True)  # asked for HTML: the body is rich, whatever the box said last
        if self._starts is None and not self._start():
            return self._whole()
        try:
            self._check_starts()
            if self._oversized():
                self._warm.stop()
                return self._whole()
            for k in range(len(self._html)):
                if self._html[k] is None:
                    self._html[k] = self._export(k)
        except NotSplittable:
            self._warm_off = True
            return self._whole()
        self._warm_off = False
        self._warm.stop()
        return (self.header(), *self._html, TRAILER)

    def html(self) -> str:
        return "".join(self.pieces())

    def waiting(self) -> int:
        """Segments still to be written (0 when the document is taken whole)."""
        return 0 if self._starts is None else sum(h is None for h in self._html)

    # ---- following the document ----
    def _changed(self, pos: int, removed: int, added: int) -> None:
        if not self.active:
            return
        if self._starts is None:
            if self._start() and not self._held:
                self._warm.start()
            return
        if self.doc.characterCount() < self.large // 2:
            self._drop()
            return
        if self._held and self._appended(pos, removed, added):
            return
        self.spans.edited()
        lo = self._segment_of(max(pos - 1, 0))
        hi = self._segment_of(pos + added)
        entered = any(self._html[k] is not None for k in range(lo, hi + 1))  # a segment written until now
        for k in range(lo, hi + 1):
            self._html[k] = None
        self._checked = False
        self._big = None
        if not self.spans.stale and self._touches_a_list(max(pos - 1, 0), pos + added):
            self.spans.stale = True
        self._hot = QTextCursor(self.doc)
        self._hot.setPosition(min(pos, self.doc.characterCount() - 1))
        # the segment edited last is left to the next take, but not when it has grown long (a long text pasted
        # or appended at the end): the next turn cuts it, and writes all but its last piece; a long one just
        # entered is cut around the paragraph edited (_cut_hot)
        if not self._warm_off and not self._held and not self._warm.isActive() and (
                self._cold_waiting() is not None or self._length(hi) > 2 * self.segment
                or (entered and self._length(hi) > self.hot_most)):
            self._warm.start()

    def _appended(self, pos: int, removed: int, added: int) -> bool:
        """A change inside the last segment while held (a piece the loader appended, or the format it gave
        the piece's first paragraph): the lists it added join the spans, and the segment is cut as it grows,
        so that nothing is left to search or cut in one turn when the body is in. False for any other change
        (handled as an edit: the spans are then found again after the loading)."""
        last = len(self._html) - 1
        start = self._starts[-1].position() if self._starts else 0
        if self.spans.stale or pos <= start or removed > added:
            return False
        end = pos + added
        if removed == added:  # formats changed (Qt reports an insertion at the end as 1 removed, n + 1 added)
            if self._touches_a_list(pos, end - 1):  # its own paragraphs, not the one after
                return False
        else:
            self._add_spans(pos, end)
        self._html[last] = None
        self._big = None
        if self._length(last) > 2 * self.segment:
            self._cut(start, self.doc.characterCount() - 1)
        return True

    def _add_spans(self, start: int, end: int) -> None:
        """The lists of the paragraphs from ``start`` to ``end``, which were just appended after every other."""
        b = self.doc.findBlock(start)
        seen = set()
        while b.isValid() and b.position() <= end:
            lst = b.textList()
            a = lst.item(0).position() if lst is not None and lst.count() else -1
            if a >= 0 and a not in seen:
                seen.add(a)
                self.spans.add(a, lst.item(lst.count() - 1).position())
            b = b.next()

    def _touches_a_list(self, start: int, end: int) -> bool:
        """Is a paragraph from ``start`` to ``end`` in a list now? (A list that lost items only got shorter:
        where it ran still holds no segment start, which is safe.)"""
        if end - start > LIST_SCAN:
            return True
        b = self.doc.findBlock(start)
        while b.isValid() and b.position() <= end:
            if b.textList() is not None:
                return True
            b = b.next()
        return False

    def _cold_waiting(self) -> int | None:
        """The first segment to be written that is not the one the last edit was in."""
        hot = -1 if self._hot is None else self._segment_of(self._hot.position())
        for k, h in enumerate(self._html):
            if h is None and k != hot:
                return k
        return None

    def _length(self, k: int) -> int:
        """Segment ``k``'s length in characters (as the document is now)."""
        start = self._starts[k - 1].position() if k else 0
        end = self._starts[k].position() if k < len(self._starts) else self.doc.characterCount()
        return end - start

    def _segment_of(self, pos: int) -> int:
        return bisect.bisect_right(self._starts, pos, key=QTextCursor.position)

    def _warm_one(self) -> None:
        """Write one segment waiting to be written (a turn of the event loop each)."""
        if self._starts is None or self._held:
            self._warm.stop()
            return
        if self.spans.settle(self.doc, SETTLE):
            self._warm.start()  # more lists' cursors next turn, then the segments
            return
        try:
            self._check_starts()
            self._cut_hot()
            k = self._cold_waiting()
            if k is not None and not self._oversized():
                self._html[k] = self._export(k)
                if self._cold_waiting() is not None:
                    self._warm.start()  # more next turn
                    return
        except NotSplittable:
            self._warm_off = True  # until a take of the whole succeeds by segments again
        self._warm.stop()

    # ---- segments ----
    def _start(self) -> bool:
        """Cut a long document into segments (all to be written); False when it is taken whole."""
        doc = self.doc
        if not self.active or doc.characterCount() < self.large:
            return False
        self._starts = []
        self._html = [None]
        self._big = None
        self.spans.stale = True
        self._list_spans()
        self._cut(0, doc.characterCount() - 1)
        self._checked = True
        return True

    def _cut(self, after: int, before: int, size: int = 0) -> None:
        """Add segment starts every ~``size`` (SEGMENT) characters after position ``after`` and before ``before``."""
        doc, size = self.doc, size or self.segment
        p = after + size
        while p < before - size // 2:
            b = doc.findBlock(p)
            if b.position() < p:
                b = b.next()
            b = self._split_from(b, before)
            if b is None:
                return
            self._add_start(b.position())
            p = b.position() + size

    def _split_from(self, block, before: int):
        """The first paragraph from ``block`` on where a segment may start, if it lies before ``before``."""
        while block.isValid() and not self._splits(block):
            block = self._next_candidate(block)
        return block if block.isValid() and block.position() < before else None

    def _add_start(self, p: int) -> None:
        """A segment starts at ``p`` (a paragraph where one may: :meth:`_splits`); both sides are to be written."""
        c = QTextCursor(self.doc)
        c.setPosition(p)
        k = self._segment_of(p)
        self._starts.insert(k, c)
        self._html.insert(k + 1, None)
        self._html[k] = None
        self._big = None

    def _cut_hot(self) -> None:
        """The segment the last edit was in, when longer than :attr:`hot_most`, is cut before the paragraph
        edited and at the next paragraph after it where a segment may start: a take writes that paragraph
        (with what cannot be parted from it: its list, a table after it), and the turns before the take write
        the rest ahead, in pieces of half a segment. (A 16 K-character segment of an Outlook reply thread, a
        table a message, took ~4.5 ms at each autosave while typing.)"""
        if self._hot is None:
            return
        pos = self._hot.position()
        k = self._segment_of(pos)
        if self._html[k] is not None or self._length(k) <= self.hot_most:
            return
        first = self._starts[k - 1].position() if k else 0
        end = self._starts[k].position() if k < len(self._starts) else self.doc.characterCount() - 1
        b = self.doc.findBlock(pos)
        after = self._split_from(self._next_candidate(b), end)
        if after is not None:
            self._add_start(after.position())
            self._cut(after.position(), end, self.segment // 2)
        if b.position() > first and self._splits(b):
            self._add_start(b.position())
            self._cut(first, b.position(), self.segment // 2)

    def _next_candidate(self, block):
        """The next paragraph that might start a segment: the one after ``block``, or from a table's cell the
        paragraph Qt ends the table with (a table's ~thousands of cells are not walked one by one)."""
        doc, root = self.doc, self.doc.rootFrame()
        frame = doc.frameAt(block.position())
        if frame is root:
            return block.next()
        while frame.parentFrame() is not root:
            frame = frame.parentFrame()
        after = doc.findBlock(frame.lastPosition() + 1)
        return after if after.position() > block.position() else block.next()

    def _oversized(self) -> bool:
        """Is a segment waiting to be written more than half the document? (A table that long cannot be cut,
        and Qt writes it as a fragment in ~2.5 times the time of the whole document's ``toHtml()``, which is
        then taken instead: a newsletter that is one big table.)"""
        if self._big is None:  # asked at every turn of the warm-up: ~2 position() calls a segment waiting
            half = self.doc.characterCount() // 2
            self._big = any(h is None and self._length(k) > half for k, h in enumerate(self._html))
        return self._big

    def _list_spans(self) -> None:
        """Where the lists run, found again only after an edit touched a list (app/ui/list_spans.py)."""
        if self.spans.stale:
            self.spans.find(self.doc)

    def _splits(self, block) -> bool:
        """May a segment start at ``block``? Not at the first paragraph, not from a list's first item to its
        last (a list is written whole; the paragraph after its last item may start one), and only at a
        paragraph of the document itself that follows another (not in a table's cell, nor after one): a
        segment holds a table whole."""
        before = block.previous()
        if not (block.isValid() and before.isValid()):
            return False
        doc, root = self.doc, self.doc.rootFrame()
        p, q = block.position(), before.position()
        if doc.frameAt(p) is not root or doc.frameAt(q) is not root:
            return False
        return not self.spans.inside(p)

    def _check_starts(self) -> None:
        """Edits move the starts (Qt keeps each cursor on its character): a start no longer at the start of
        a paragraph that may begin a segment moves to its paragraph's start, or goes; the segments on both
        sides are written again. A segment grown past twice the size is cut again. (Only after an edit, and
        only the starts next to a segment to be written are looked at: ~0.1 ms for 1,200 segments.)"""
        if self._checked:
            return
        doc = self.doc
        end = doc.characterCount() - 1
        self._list_spans()
        starts, html = [], [self._html[0]]
        for k, c in enumerate(self._starts):
            if self._html[k] is not None and self._html[k + 1] is not None:
                # no edit came near it: an edit marks the segments on both sides of a start in its reach, and
                # Qt reports a list's change from its first item to its last (not asked where it is: a
                # position costs ~0.4 µs, and a 10 MB body has ~1,200 starts)
                starts.append(c)
                html.append(self._html[k + 1])
                continue
            p = c.position()
            prev = starts[-1].position() if starts else 0
            b = doc.findBlock(p)
            q = b.position()
            if prev < q < end and self._splits(b):
                if q != p:
                    c.setPosition(q)
                    html[-1] = None
                    html.append(None)
                else:
                    html.append(self._html[k + 1])
                starts.append(c)
            else:
                html[-1] = None  # this start goes: its segment joins the one before
        self._starts, self._html, self._big = starts, html, None
        for k in reversed(range(len(html))):  # cutting segment k adds starts after k - 1 only
            if html[k] is not None:
                continue
            a = starts[k - 1].position() if k else 0
            b = starts[k].position() if k < len(starts) else end
            if b - a > 2 * self.segment:
                self._cut(a, b)
        self._checked = True

    def _export(self, k: int) -> str:
        """Segment ``k``'s HTML (app/ui/rich_export.py)."""
        s = self._starts[k - 1].position() if k else 0
        e = self._starts[k].position() - 1 if k < len(self._starts) else self.doc.characterCount() - 1
        body = rich_export.segment(self.doc, s, e, first=not k)
        self.exported_chars += e - s
        return body

    def header(self) -> str:
        return rich_export.header(self.doc)

    def _whole(self) -> tuple[str, ...]:
        """The document in one toHtml() (the segments written so far are kept)."""
        self.full_exports += 1
        return (self.doc.toHtml(),)

    def _drop(self) -> None:
        self._warm.stop()
        self._hot = None
        self._starts = None
        self._html = []
        self._big = None
