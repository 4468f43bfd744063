"""Spell check while typing in the Compose body: red wavy underlines painted from verdicts already known.

Where the work runs (checking never slows typing):

- enchant is only ever called on the checker's worker thread (app/core/compose/spelling.py). This module keeps a
  cache (word → correct?) and paints from it alone; a word it has no verdict for is collected and sent to
  the worker in one batch on the next event-loop turn, and left unmarked meanwhile. When the answers
  arrive, the body's viewport is repainted (nothing else is redone).
- Only what is on screen is looked at: the underlines are drawn over the text when the body's viewport
  paints (an event filter lets ``QTextEdit`` paint, then draws a wave under each misspelt word of the blocks
  in the paint's rectangle, from the layout Qt already made). A block off screen is never tokenised; a
  10 MB body costs what the ~30 lines on screen cost (about 0.5 ms a paint).
- It is neither a ``QSyntaxHighlighter`` nor layout formats, measured on the bench's 10 MB body (125,000
  lines): a QSyntaxHighlighter calls ``highlightBlock`` for every block a change touches (loading the body:
  +180 ms on the UI thread; attaching one to a loaded body: 130 ms), and each re-highlight runs in an edit
  block, so ``textChanged`` fires and Compose would count it as an edit (autosave, "Edited"). Setting a
  block's formats directly (``QTextLayout.setFormats``) needs ``markContentsDirty`` to lay the block out
  again, and in a 10 MB document each of those costs 50-100 ms of Qt's layout.
- The word being typed (a keystroke's insertion right before the cursor) is not underlined until the
  cursor leaves it.
- The quoted original of a reply or a forward is not checked, as Outlook's "Ignore original message text in reply
  or forward" (on by default): from the generated quote's first line on (the separator line of a plain-text
  quote, app.domain.follow_up.SEPARATOR, or a rich quote's horizontal rule), nothing is underlined: neither its
  header block ("Cc:", the names, the date in the window's language) nor the original's words. The quote's line is
  found once a change is not a keystroke (a load, a paste), among the first :data:`QUOTE_SCAN` paragraphs, and
  followed by a text cursor as the user types above it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit

from app.core.compose.spelling import STARTING, SpellState
from app.domain.follow_up import SEPARATOR, begins_quote
from app.domain.spelling_words import word_at, words

# how many cache entries before the cache starts again (a 10 MB body has far fewer distinct words)
MAX_CACHE = 300_000
# how many paragraphs from the top the quote's first line is looked for in (the user's own text is above it)
QUOTE_SCAN = 2000


def is_quote_start(block) -> bool:
    """``block`` begins the generated quote of a reply or a forward: the plain quote's separator line, or a rich
    quote's horizontal rule, followed by the quote's header block (app.domain.follow_up.quoted), as the
    attachment check finds it (:func:`app.domain.follow_up.begins_quote`): a divider the user typed is no quote."""
    if block.text().strip() != SEPARATOR and not block.blockFormat().hasProperty(
            QTextFormat.Property.BlockTrailingHorizontalRulerWidth):
        return False
    following = block.next()
    while following.isValid() and not following.text().strip():
        following = following.next()
    return begins_quote(following.text() if following.isValid() else "")


def quote_start(doc):
    """A cursor at the first block of ``doc``'s quote (it follows edits above it), None when there is none."""
    block, n = doc.begin(), 0
    while block.isValid() and n < QUOTE_SCAN:
        if is_quote_start(block):
            return QTextCursor(block)
        block, n = block.next(), n + 1
    return None


def underline_colour(dark: bool) -> QColor:
    """A red that reads on a light and on a dark background."""
    return QColor("#ff6b6b" if dark else "#d7263d")


class SpellHighlighter(QObject):
    state_changed = Signal(object)  # SpellState: the language in use (None: off) and a notice
    painted = Signal()               # the viewport was painted with every verdict it needed (tests)
    _answer = Signal(object, object)  # (then, future): from the worker thread, delivered on the UI thread

    def __init__(self, edit: QTextEdit, checker, parent=None):
        super().__init__(parent if parent is not None else edit)
        self.edit, self.doc, self.checker = edit, edit.document(), checker
        self.state = SpellState(notice=STARTING)
        self.cache: dict[str, bool] = {}
        self._gen = -1           # the checker generation the cache belongs to
        self._asked: set[str] = set()
        self._want: set[str] = set()
        self._typing: tuple[int, int] | None = None  # (block number, position in block) of the word being typed
        self.blocks_done = 0     # blocks looked at for painting (tests, the bench)
        self._tokens: dict[str, tuple] = {}  # a block's text -> its words (a paint re-reads only what changed)
        self._recent: tuple[str, tuple] = ("", ())  # the last text tokenised (typing goes on from it)
        self._waiting: set[int] = set()  # blocks painted while a verdict was missing: repainted when it comes
        # (block number, start, length) of each word underlined since the last paint of the whole viewport
        self.last_paint: list[tuple[int, int, int]] = []
        self._colour = underline_colour(self._dark())
        self._tile = wave_tile(self._colour)
        self._quote: QTextCursor | None = None  # where the generated quote starts (not checked)
        self._quote_stale = True  # look for it again (the document was loaded or pasted into)
        self._answer.connect(self._on_answer)
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._send_wanted)
        self.doc.contentsChange.connect(self._changed)
        replaced = getattr(edit, "document_replaced", None)  # SafeTextEdit: a big body's document is swapped
        if replaced is not None:
            replaced.connect(self._follow_document)
        edit.cursorPositionChanged.connect(self._cursor_moved)
        edit.viewport().installEventFilter(self)
        edit.installEventFilter(self)

    def _follow_document(self, old, new) -> None:
        """The editor got a new document: follow its changes, forget what was typed where in the old one."""
        old.contentsChange.disconnect(self._changed)
        self.doc = new
        new.contentsChange.connect(self._changed)
        self._typing = None
        self._quote, self._quote_stale = None, True
        self._waiting.clear()
        self._repaint()

    def _dark(self) -> bool:
        return self.edit.palette().base().color().lightness() < 128

    # ---- the checker's answers (worker thread → here) ----
    def follow(self, fut, then) -> None:
        """Call ``then(answer)`` on the UI thread once the worker has answered ``fut``."""
        def done(f, then=then):
            try:
                self._answer.emit(then, f)
            except RuntimeError:  # this object is gone (the window closed)
                pass
        fut.add_done_callback(done)

    def _on_answer(self, then, fut) -> None:
        if fut.cancelled() or fut.exception() is not None:
            return
        then(fut.result())

    def _on_verdicts(self, answer) -> None:
        gen, verdicts = answer
        self._asked.difference_update(verdicts)
        if gen != self._gen:
            return
        if len(self.cache) > MAX_CACHE:
            self.cache.clear()
        self.cache.update(verdicts)
        if any(not ok for ok in verdicts.values()) or not self._asked:
            self._repaint_waiting()

    def _repaint_waiting(self) -> None:
        """Repaint the blocks on screen that were painted without every verdict (only those)."""
        waiting, self._waiting = self._waiting, set()
        vp = self.edit.viewport()
        dx, dy = self.edit.horizontalScrollBar().value(), self.edit.verticalScrollBar().value()
        lay = self.doc.documentLayout()
        for num in sorted(waiting)[:400]:
            b = self.doc.findBlockByNumber(num)
            if b.isValid():
                r = lay.blockBoundingRect(b).translated(-dx, -dy).toAlignedRect().adjusted(0, 0, 0, 4)
                if r.intersects(vp.rect()):
                    self._dirty = True
                    vp.update(r)

    def adopt(self, state: SpellState) -> None:
        """The checker's state after a start or a language switch: verdicts start again."""
        self.state = state
        self._gen = state.generation
        self.cache.clear()
        self._asked.clear()
        self._want.clear()
        self._repaint()
        self.state_changed.emit(state)

    @property
    def enabled(self) -> bool:
        return self.state.language is not None

    def mark_correct(self, word: str) -> None:
        """``word`` was added to the dictionary or ignored: its underlines go at once."""
        self.cache[word] = True
        self._repaint()

    def _repaint(self) -> None:
        self._dirty = True
        self.edit.viewport().update()

    def _send_wanted(self) -> None:
        if self._want and self.enabled:
            batch = list(self._want)
            self._asked.update(batch)
            self.follow(self.checker.check(batch), self._on_verdicts)
        self._want.clear()

    def settled(self) -> bool:
        """Nothing asked and unanswered, nothing waiting to be asked, nothing to repaint (tests)."""
        return not (self._want or self._asked) and not self._flush.isActive() and not self._dirty

    # ---- what is misspelt where ----
    def misspelt_in(self, block, *, count: bool = True, span: tuple[int, int] | None = None) -> list:
        """The misspelt words of ``block`` (of its characters ``span`` only, widened to whole words) as far as
        the cache knows, as (start, length, word); unknown words are asked about."""
        if count:
            self.blocks_done += 1
        if not self.enabled or self.in_quote(block):
            return []
        text = block.text()
        toks = _in_span(text, self._tokens_of(text), span)
        typing = self._typing if self._typing and self._typing[0] == block.blockNumber() else None
        out, unknown = self._verdicts(toks, typing)
        if unknown:
            self._waiting.add(block.blockNumber())
        if self._want and not self._flush.isActive():
            self._flush.start()
        return out

    def in_quote(self, block) -> bool:
        """``block`` is in the reply's or forward's generated quote (not the user's text: not checked)."""
        if self._quote_stale or (self._quote is not None and not is_quote_start(self._quote.block())):
            self._quote, self._quote_stale = quote_start(self.doc), False
        return self._quote is not None and block.blockNumber() >= self._quote.blockNumber()

    def _verdicts(self, toks, typing) -> tuple[list, bool]:
        """(the misspelt of ``toks`` as the cache knows, whether one was unknown); unknown words not yet asked
        about are wanted. The word being typed (``typing``: block, position) is skipped."""
        out, unknown = [], False
        for start, n, w in toks:
            if typing and start <= typing[1] <= start + n:
                continue  # being typed: neither marked nor asked about (its prefixes would be) until done
            ok = self.cache.get(w)
            if ok is None:
                unknown = True
                if w not in self._asked:
                    self._want.add(w)
            elif not ok:
                out.append((start, n, w))
        return out, unknown

    def _tokens_of(self, text: str) -> tuple:
        """``words(text)``, remembered by text. A paragraph being typed at its end is not tokenised again from
        its start: the words before the last space of the previous text are kept."""
        toks = self._tokens.get(text)
        if toks is None and text == self._recent[0]:
            toks = self._recent[1]
        if toks is not None:
            return toks
        if len(self._tokens) > 4000:
            self._tokens.clear()
        old, old_toks = self._recent
        cut = old.rfind(" ", 0, len(old) - 1) if len(text) > 256 else -1
        if cut > 0 and text.startswith(old[:cut + 1]):  # unchanged up to and with that space
            toks = tuple(t for t in old_toks if t[0] + t[1] <= cut)
            toks += tuple((st + cut + 1, n, w) for st, n, w in words(text[cut + 1:]))
            # the paragraph was typed on: its previous text is not kept (a long one typed into left a tuple
            # of ~1,000 words per keystroke, and the collector scanning them stalled the UI 5-19 ms)
            self._tokens.pop(old, None)
        else:
            toks = tuple(words(text))
        self._tokens[text] = toks
        self._recent = (text, toks)
        return toks

    def on_screen(self, top: int = 0, bottom: int | None = None) -> list:
        """The blocks the body shows between viewport rows ``top`` and ``bottom`` (at most 400): a binary
        search on the blocks' laid-out rectangles (a hit test is not reliable while Qt is still laying out
        a document it was just given)."""
        vp = self.edit.viewport()
        bottom = min(vp.height() - 1 if bottom is None else bottom, vp.height() - 1)
        dy = self.edit.verticalScrollBar().value()
        y0, y1 = dy + max(top, 0), dy + bottom
        lay, doc = self.doc.documentLayout(), self.doc
        lo, hi = 0, _laid_out(doc)  # what is on screen is laid out: Qt lays out up to the screen's bottom
        while lo < hi:  # the first block whose bottom is below y0
            mid = (lo + hi) // 2
            r = lay.blockBoundingRect(doc.findBlockByNumber(mid))
            if r.isValid() and r.bottom() < y0:
                lo = mid + 1
            else:
                hi = mid
        out, b = [], doc.findBlockByNumber(lo)
        while b.isValid() and len(out) < 400:
            r = lay.blockBoundingRect(b)
            if not r.isValid() or r.top() > y1:
                break
            out.append(b)
            b = b.next()
        return out

    # ---- painting ----
    _dirty = False

    def eventFilter(self, obj, ev):  # noqa: N802
        t = ev.type()
        if t == QEvent.Type.Paint and obj is self.edit.viewport():
            QTextEdit.paintEvent(self.edit, ev)  # the text first, as Qt paints it
            self._paint(ev.rect())
            return True
        if t == QEvent.Type.PaletteChange and obj is self.edit:
            self._colour = underline_colour(self._dark())
            self._tile = wave_tile(self._colour)
            self.edit.viewport().update()
        return False

    def _paint(self, rect) -> None:
        vp = self.edit.viewport()
        full = rect.top() <= 0 and rect.bottom() >= vp.height() - 1
        if full:
            self.last_paint = []
        if not self.enabled:
            self._dirty = False
            self.painted.emit()
            return
        dx = self.edit.horizontalScrollBar().value()
        dy = self.edit.verticalScrollBar().value()
        lay = self.doc.documentLayout()
        p = QPainter(vp)
        top, bottom = rect.top() - 4, rect.bottom() + 4
        for block in self.on_screen(rect.top(), rect.bottom()):
            br = lay.blockBoundingRect(block)
            ox, oy = br.left() - dx, br.top() - dy
            tl = block.layout()
            bad = self.misspelt_in(block, span=None if full else _lines_in(tl, top - oy, bottom - oy))
            if not bad:
                continue
            for start, n, _w in bad:
                pos, end = start, start + n
                while pos < end:  # a word wrapped over lines (only a very long one) is drawn on each
                    line = tl.lineForTextPosition(pos)
                    if not line.isValid():
                        break
                    stop = min(end, line.textStart() + line.textLength())
                    y = oy + line.y() + line.ascent() + max(2.0, line.descent() * 0.5)
                    if top <= y <= bottom:
                        x1 = ox + line.cursorToX(pos)[0]
                        p.drawTiledPixmap(QRectF(x1, y - 1.0, ox + line.cursorToX(stop)[0] - x1, 3.0), self._tile)
                    if stop <= pos:
                        break
                    pos = stop
                self.last_paint.append((block.blockNumber(), start, n))
        p.end()
        self._dirty = bool(self._want or self._asked)
        if not self._dirty:
            self.painted.emit()

    # ---- following the typing ----
    def _changed(self, pos: int, removed: int, added: int) -> None:
        self._dirty = True  # a paint follows
        cur = self.edit.textCursor()
        keystroke = removed == 0 and 0 < added <= 2 and cur.position() == pos + added
        self._typing = (cur.blockNumber(), cur.positionInBlock()) if keystroke else None
        if not keystroke and (added > 2 or removed > 2):
            self._quote_stale = True  # a load or a paste: the quote may have come or gone

    def _cursor_moved(self) -> None:
        if self._typing is None:
            return
        cur = self.edit.textCursor()
        if (cur.blockNumber(), cur.positionInBlock()) != self._typing:
            num, self._typing = self._typing[0], None
            self._waiting.add(num)  # the word typed there may be underlined now
            self._repaint_waiting()

    # ---- what the suggestions menu uses ----
    def misspelt_near(self, position: int, *, near: bool = True) -> tuple[int, int, str] | None:
        """(document position, length, word) of the misspelt word at ``position``, else (``near``) the
        nearest one in its paragraph (before it first), else in the 20 paragraphs above. From the cache only."""
        block = self.doc.findBlock(position)
        if not block.isValid() or not self.enabled:
            return None
        while block.isValid() and self.in_quote(block):  # the quote is not the user's text: above it
            block = self._quote.block().previous()
            position = block.position() + block.length() - 1 if block.isValid() else 0
        if not block.isValid():
            return None
        at = word_at(block.text(), position - block.position())
        if at is not None and self.cache.get(at[2]) is False:
            return block.position() + at[0], at[1], at[2]
        if not near:
            return None
        for i in range(21):
            if not block.isValid():
                break
            bad = [(s, n, w) for s, n, w in words(block.text()) if self.cache.get(w) is False]
            if bad:
                if i == 0:
                    rel = position - block.position()
                    before = [x for x in bad if x[0] <= rel]
                    s, n, w = before[-1] if before else bad[0]
                else:
                    s, n, w = bad[-1]
                return block.position() + s, n, w
            block = block.previous()
        return None

    def replace(self, start: int, length: int, word: str, new: str) -> bool:
        """Replace ``word`` at ``start`` with ``new`` as one undo step (False if the text there changed)."""
        c = QTextCursor(self.doc)
        c.setPosition(start)
        c.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        if c.selectedText() != word:
            return False
        c.beginEditBlock()
        c.insertText(new)
        c.endEditBlock()
        self.edit.setTextCursor(c)
        return True


def _laid_out(doc) -> int:
    """The number of the last block Qt has laid out, asked without laying anything out. Qt lays a document
    out from its start (or from an edit) onwards, a growing piece per turn, and before it paints, up to the
    bottom of the screen: the blocks up to there are laid out, so this is never above the screen.
    ``blockBoundingRect`` would lay the document out up to the block asked about: a binary search over a
    10 MB body just given to the editor asked about its middle first (~0.8 s of layout in one turn)."""
    lo, hi = 0, doc.blockCount() - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if doc.findBlockByNumber(mid).layout().lineCount() > 0:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _lines_in(tl, top: float, bottom: float) -> tuple[int, int] | None:
    """The characters of the lines of layout ``tl`` between ``top`` and ``bottom`` (layout coordinates)."""
    a = b = None
    for i in range(tl.lineCount()):
        line = tl.lineAt(i)
        if line.y() + line.height() < top:
            continue
        if line.y() > bottom:
            break
        a = line.textStart() if a is None else a
        b = line.textStart() + line.textLength()
    return (a, b) if a is not None else (0, 0)


def wave_tile(colour: QColor) -> QPixmap:
    """One period of the wavy underline (4 × 3 px); painting is one tiled draw per word."""
    img = QImage(4, 3, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    for x, y in ((0, 2), (1, 1), (2, 0), (3, 1)):
        img.setPixelColor(x, y, colour)
    return QPixmap.fromImage(img)


def _in_span(text: str, toks, span: tuple[int, int] | None):
    """The tokens of ``text`` inside ``span`` widened to whole words (all of them without a span). The whole
    paragraph's tokens: a word never spans a space, so those in the widened span are the span's own."""
    if span is None or (span[0] <= 0 and span[1] >= len(text)):
        return toks
    a, b = span
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    while b < len(text) and not text[b].isspace():
        b += 1
    return [t for t in toks if a <= t[0] and t[0] + t[1] <= b]
