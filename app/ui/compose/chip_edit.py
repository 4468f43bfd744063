"""The recipient field's line edit, its entries drawn as tokens (chips).

The text stays the field's value (what the rest of the app reads, what validation marks); each whole entry
gets a rounded frame drawn around its text in the window's scheme (``theme.PALETTES``), red for an entry
the field marks as wrong. The entry being typed (the one holding the cursor) is plain text until it is
finished. The frames follow the text: an entry's left and right edges are the cursor's place plus the width
of the text between the cursor and them.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QLineEdit

from app.domain import recipient_spans as spans
from app.ui.common.theme import PALETTES

PAD, RADIUS = 2.0, 5.0
# the focus reasons for which QLineEdit selects its whole text
_SELECTING = (Qt.TabFocusReason, Qt.BacktabFocusReason, Qt.ShortcutFocusReason)


class ChipLineEdit(QLineEdit):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.marked: set[str] = set()  # the entries (as typed, stripped) the field marks as wrong
        self._spans: tuple[str, list[spans.Span]] = ("", [])  # the last text's entries (a paint per blink)

    def focusInEvent(self, event):  # noqa: N802 - Qt override
        """Entered by Tab or a shortcut, Qt selects the whole line: a stray Delete would wipe every recipient.
        The keyboard arrives at the end of the line instead, nothing selected."""
        super().focusInEvent(event)
        if event.reason() in _SELECTING and self.hasSelectedText():
            self.deselect()
            self.end(False)

    def entries(self) -> list[spans.Span]:
        text = self.text()
        if self._spans[0] != text:
            self._spans = (text, spans.entry_spans(text))
        return self._spans[1]

    def chips(self) -> list[tuple[spans.Span, QRectF, bool]]:
        """Each entry drawn as a chip (those in sight): its span, its frame, whether it is marked as wrong."""
        text, cursor = self.text(), self.cursorPosition()
        if not text:
            return []
        fm = QFontMetricsF(self.font())
        cursor_x = self.cursorRect().center().x()
        top = self.contentsRect().center().y() - fm.height() / 2 - 1.5
        first = self.cursorPositionAt(QPoint(0, self.height() // 2))  # the text at the left edge
        shown = [span for span in self.entries() if span[1] >= first]
        out, at = [], shown[0][0] if shown else 0
        # measured from the cursor, which is in sight: only the text in sight is measured
        x = cursor_x + (fm.horizontalAdvance(text[cursor:at]) if at >= cursor
                        else -fm.horizontalAdvance(text[at:cursor]))
        for span in shown:
            left = x + fm.horizontalAdvance(text[at:span[0]])  # piece by piece: a long field stays cheap
            right = left + fm.horizontalAdvance(text[span[0]:span[1]])
            at, x = span[1], right
            if left > self.width():
                break
            if right < 0 or self._being_typed(span, cursor):
                continue
            rect = QRectF(left - PAD, top, right - left + 2 * PAD, fm.height() + 3)
            out.append((span, rect, text[span[0]:span[1]] in self.marked))
        return out

    def _being_typed(self, span: spans.Span, cursor: int) -> bool:
        if not self.hasFocus() or not span[0] <= cursor <= span[1]:
            return False
        start = self.selectionStart()
        return not (start == span[0] and len(self.selectedText()) == span[1] - span[0])

    def paintEvent(self, event):  # noqa: N802
        super().paintEvent(event)
        chips = self.chips()
        if not chips:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        colours = PALETTES.get(self.window().property("colorScheme"), PALETTES["light"])
        for _span, rect, wrong in chips:
            line = QColor(colours["danger" if wrong else "accent"])
            fill = QColor(line)
            fill.setAlpha(24)
            line.setAlpha(190)
            painter.setPen(QPen(line, 1))
            painter.setBrush(fill)
            painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
        painter.end()
