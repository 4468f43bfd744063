"""Find in message (Ctrl+F): a non-modal bar under the view that searches the Compose body or the Sent
preview. Enter finds the next match (Shift+Enter the previous one, wrapping around), Esc closes the bar
and gives the keyboard back to the text searched.

A long body still going in a piece per turn (``app/ui/compose/body/body_loader.py``) is not put in whole for a search
(one call of up to seconds for a 10 MB rich body): Find searches what is in, and when the match is not
there yet the bar says "Searching…" and searches each piece as it comes; a search that must wrap around
(or go back from the end) waits for the whole body."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QPushButton

from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.safe_text import PlainLabel
from app.ui.common.tr import translate


#: what the bar says while the match may be in the part of the body still to come
SEARCHING = QT_TRANSLATE_NOOP("FindBar", "Searching…")


def _flags(backward: bool):
    return QTextDocument.FindBackward if backward else QTextDocument.FindFlag(0)


def _resume_at(doc: QTextDocument, text: str) -> int:
    """Where the search of the next piece starts: a match may begin in the last characters already in."""
    return max(0, doc.characterCount() - len(text))


class FindBar(QFrame):
    # each search's outcome in words, for a screen reader (the match is selected in the body, which does not
    # have the focus: a reader would not hear where it is); True: it answers a key
    spoken = Signal(str, bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName(translate("FindBar", "Find in message"))
        self.target = None  # the QTextEdit searched
        lay = QHBoxLayout(self)
        lay.setContentsMargins(28, 6, 28, 6)
        lay.setSpacing(8)
        self.label = PlainLabel(translate("FindBar", "Find:"), self)
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(translate("FindBar", "Find text"))
        self.edit.setPlaceholderText(translate("FindBar", "Text to find — Enter: next, Shift+Enter: previous, Esc: close"))
        self.label.setBuddy(self.edit)
        self.next_button = QPushButton(translate("FindBar", "Next"), self)
        self.next_button.setAccessibleName(translate("FindBar", "Find next"))
        self.next_button.setAutoDefault(True)
        self.prev_button = QPushButton(translate("FindBar", "Previous"), self)
        self.prev_button.setAccessibleName(translate("FindBar", "Find previous"))
        self.prev_button.setAutoDefault(True)
        self.close_button = QPushButton(translate("FindBar", "Close"), self)
        self.close_button.setAccessibleName(translate("FindBar", "Close find bar"))
        self.close_button.setAutoDefault(True)
        self.result = PlainLabel("", self)
        self.result.setObjectName("viewSubtitle")
        self.result.setAccessibleName(translate("FindBar", "Find result"))
        self.result.setMinimumWidth(self.result.fontMetrics().horizontalAdvance(translate("FindBar", SEARCHING)) + 12)
        self._waiting = None  # (loader, its generation, text, backward, where the next search starts)
        for w in (self.label, self.edit):
            lay.addWidget(w)
        lay.setStretch(1, 1)
        for w in (self.result, self.prev_button, self.next_button, self.close_button):
            lay.addWidget(w)
        self.edit.returnPressed.connect(self._return_pressed)
        self.next_button.clicked.connect(lambda: self.find(backward=False))
        self.prev_button.clicked.connect(lambda: self.find(backward=True))
        self.close_button.clicked.connect(self.close_bar)
        esc = QShortcut(QKeySequence(Qt.Key_Escape), self)
        esc.setContext(Qt.WidgetWithChildrenShortcut)
        esc.activated.connect(self.close_bar)
        self.hide()

    def open_for(self, target) -> None:
        self.target = target
        self.result.setText("")
        cur = target.textCursor()
        if cur.hasSelection() and "\u2029" not in cur.selectedText():
            self.edit.setText(cur.selectedText())
        self.show()
        self.edit.setFocus(Qt.ShortcutFocusReason)
        self.edit.selectAll()

    def _return_pressed(self) -> None:
        from PySide6.QtWidgets import QApplication

        self.find(backward=bool(QApplication.keyboardModifiers() & Qt.ShiftModifier))

    def find(self, backward: bool = False) -> bool:
        """Select the next (previous) match in the target, wrapping around once. Returns whether found (False
        too while it is still searching a body that is coming in)."""
        self._stop_waiting()
        text, t = self.edit.text(), self.target
        if not text or t is None:
            self.result.setText("")
            return False
        loader = getattr(t, "body_loader", None)
        if loader is not None and loader.active:
            return self._find_coming(loader, text, backward)
        found = t.find(text, _flags(backward))
        if not found:  # wrap around
            cur = t.textCursor()
            cur.movePosition(QTextCursor.End if backward else QTextCursor.Start)
            t.setTextCursor(cur)
            found = t.find(text, _flags(backward))
        self.result.setText("" if found else translate("FindBar", "Not found"))
        self._say(found)
        return found

    def _find_coming(self, loader, text: str, backward: bool) -> bool:
        """Search what is in of a body still loading; what is not is searched as it comes."""
        t = self.target
        if t.find(text, _flags(backward)):
            self.result.setText("")
            self._say(True)
            return True
        # forward, the match may come in a later piece; backward, only the wrap to the end is left
        self._waiting = (loader, loader.generation, text, backward, _resume_at(t.document(), text))
        loader.progress.connect(self._more)
        loader.finished.connect(self._more)
        self.result.setText(translate("FindBar", SEARCHING))
        self.spoken.emit(translate("FindBar", SEARCHING), True)
        return False

    def _more(self, *_progress) -> None:
        """A piece went in (or the last): search it, or, once all is in, search as for a whole body."""
        loader, generation, text, backward, start = self._waiting
        t = self.target
        if generation != loader.generation or text != self.edit.text() or not self.isVisible() or t is None:
            self._stop_waiting()  # another message, another search, or the bar closed
            self.result.setText("")
            return
        if not loader.active:
            self.find(backward)
            return
        if backward:
            return
        doc = t.document()
        at = QTextCursor(doc)
        at.setPosition(max(start, t.textCursor().position()))
        found = doc.find(text, at, _flags(False))  # the new piece only (and the few characters before it)
        if found.isNull():
            self._waiting = (loader, generation, text, backward, _resume_at(doc, text))
            return
        self._stop_waiting()
        t.setTextCursor(found)
        self.result.setText("")
        self._say(True)

    def _say(self, found: bool) -> None:
        if not found:
            self.spoken.emit(translate("FindBar", "Not found"), True)
            return
        cur = self.target.textCursor()
        self.spoken.emit(translate("FindBar", "Found: {text}").format(text=around(cur.block().text(), cur.positionInBlock())), True)

    def _stop_waiting(self) -> None:
        if self._waiting is None:
            return
        loader = self._waiting[0]
        self._waiting = None
        loader.progress.disconnect(self._more)
        loader.finished.disconnect(self._more)

    def close_bar(self) -> None:
        self._stop_waiting()
        self.hide()
        if self.target is not None:
            self.target.setFocus(Qt.ShortcutFocusReason)


def around(line: str, at: int, room: int = 120) -> str:
    """About ``room`` characters of ``line`` around position ``at``: the words a reader hears for a match."""
    if len(line) <= room:
        return line.strip()
    start = max(0, min(at - room // 2, len(line) - room))
    return ("…" if start else "") + line[start:start + room].strip() + ("…" if start + room < len(line) else "")
