"""A recipient field: ``Name <addr>`` or bare addresses separated by , or ;.

Invalid entries are marked inline (red border + a message under the field) when the field is left or a
send is asked for; a mark goes away as soon as the text is right again (every change re-checks it).
An unfinished entry is kept as typed in the message (a draft may hold anything; only sending needs valid
addresses). Completion offers names from the directory (ResolveNames, looked up by the owner after a
debounce) and recent recipients; it completes the entry under the cursor, not the whole line. The first
match is highlighted as soon as the list opens: Enter or Tab takes it (Down/Up pick another, Esc closes).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QVBoxLayout, QWidget

from app.domain.models import Recipient
from app.domain.validation import FieldError, format_recipients, parse_recipients, recipients_as_typed
from app.ui.safe_text import PlainLabel

LOOKUP_DEBOUNCE_MS = 300
_SEP = re.compile(r"[,;]")


class RecipientEdit(QWidget):
    changed = Signal()
    lookup_requested = Signal(str)  # a debounced prefix for ResolveNames

    def __init__(self, field: str, label: str, parent=None):
        super().__init__(parent)
        self.field = field
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"{field}Edit")
        self.edit.setAccessibleName(label)
        # QLineEdit silently cuts text at 32767 characters: 500 "Name <address>" entries can be longer
        self.edit.setMaxLength(2_000_000)
        self.edit.setPlaceholderText("Name <address@example.com>, another@example.com")
        self.error_label = PlainLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setAccessibleName(f"{label} error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        lay.addWidget(self.edit)
        lay.addWidget(self.error_label)
        self.setFocusProxy(self.edit)
        self.setAccessibleName(f"{label} field")

        self._suggestions: list[str] = []
        self._recent: list[str] = []
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchContains)
        self.completer.setWidget(self.edit)
        self.completer.activated[str].connect(self._insert_completion)
        self._auto_pick = False  # the first match was highlighted for the user (not picked with Down)
        self._marked: set[str] = set()  # the entries the shown errors are about ("" for the field as a whole)
        self._popup_keys = _PopupKeys(self)
        self.completer.popup().installEventFilter(self._popup_keys)  # runs before QCompleter's own

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(LOOKUP_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit_lookup)
        self.edit.textEdited.connect(self._on_edited)
        self.edit.textChanged.connect(self._on_text_changed)
        self.edit.editingFinished.connect(self.validate)

    # ---- value ----
    def text(self) -> str:
        return self.edit.text()

    def set_recipients(self, recipients: list[Recipient]) -> None:
        self.edit.setText(format_recipients(recipients))
        self.set_errors([])

    def recipients(self) -> list[Recipient]:
        """The valid recipients (what a send would go to)."""
        return parse_recipients(self.edit.text(), self.field)[0]

    def recipients_as_typed(self) -> list[Recipient]:
        """Every entry, an unfinished one kept as typed (what a draft holds)."""
        return recipients_as_typed(self.edit.text(), self.field)

    def validate(self) -> list[FieldError]:
        errors = parse_recipients(self.edit.text(), self.field)[1]
        self.set_errors(errors)
        return errors

    def set_errors(self, errors: list[FieldError]) -> None:
        self._marked = {e.token for e in errors}
        msg = " ".join(e.message for e in errors)
        invalid = bool(errors)
        if self.edit.property("invalid") != invalid:
            self.edit.setProperty("invalid", invalid)
            self.edit.style().unpolish(self.edit)
            self.edit.style().polish(self.edit)
        self.error_label.setText(msg)
        self.error_label.setVisible(invalid)
        self.edit.setAccessibleDescription(msg)

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    # ---- completion ----
    def set_recent(self, entries: list[str]) -> None:
        self._recent = list(entries)
        self._refresh_model()

    def add_suggestions(self, recipients: list[Recipient]) -> None:
        new = [r.display() for r in recipients]
        known = {s.lower() for s in self._suggestions}
        self._suggestions.extend(s for s in new if s.lower() not in known)
        self._refresh_model()
        prefix = self.current_token()
        if prefix and self.edit.hasFocus():
            self.completer.setCompletionPrefix(prefix)
            if self.completer.completionCount():
                self._popup()

    def _popup(self, *, typed: bool = False) -> None:
        """Open (or refresh) the list with its first match highlighted: Enter and Tab take it. A list
        refreshed by a directory answer keeps the match the user moved to."""
        self.completer.complete()
        popup = self.completer.popup()
        model = self.completer.completionModel()
        if model.rowCount() and (typed or not popup.currentIndex().isValid()):
            popup.setCurrentIndex(model.index(0, 0))
            self._auto_pick = True

    def _refresh_model(self) -> None:
        seen, out = set(), []
        for s in [*self._suggestions, *self._recent]:
            if s.lower() not in seen:
                seen.add(s.lower())
                out.append(s)
        self._model.setStringList(out)

    def current_token(self) -> str:
        text = self.edit.text()[: self.edit.cursorPosition()]
        return _SEP.split(text)[-1].strip()

    def _on_text_changed(self, _text: str) -> None:
        if self.edit.property("invalid"):
            # re-check on every change (typing, a completion taken, a paste), so the mark goes away as
            # soon as the text is right. A field marked as a whole ("add at least one recipient") does
            # not get a new mark for the address being typed: that waits until the field is left.
            typing = self.current_token()
            entries_marked = any(self._marked)
            self.set_errors([e for e in parse_recipients(self.edit.text(), self.field)[1]
                             if entries_marked or e.token.strip() != typing])
        self.changed.emit()

    def _on_edited(self, _text: str) -> None:
        token = self.current_token()
        if len(token) >= 2:
            self.completer.setCompletionPrefix(token)
            if self.completer.completionCount():
                self._popup(typed=True)
            else:
                self.completer.popup().hide()
            self._debounce.start()
        else:
            self.completer.popup().hide()
            self._debounce.stop()

    def _emit_lookup(self) -> None:
        token = self.current_token()
        if len(token) >= 2:
            self.lookup_requested.emit(token)

    def _insert_completion(self, completion: str) -> None:
        text = self.edit.text()
        pos = self.edit.cursorPosition()
        head, tail = text[:pos], text[pos:]
        m = list(_SEP.finditer(head))
        start = m[-1].end() if m else 0
        nxt = _SEP.search(tail)
        rest = tail[nxt.start():] if nxt else ""
        prefix = head[:start]
        if prefix and not prefix.endswith(" "):
            prefix += " "
        new_head = prefix + completion + ", "
        self.edit.setText(new_head + rest.lstrip(",; "))
        self.edit.setCursorPosition(len(new_head))


class _PopupKeys(QObject):
    """Keys in the completion list before QCompleter sees them: the first Down after the list opened
    keeps the first match (it is already highlighted, as Down used to highlight it), so Down, Enter
    still picks the first match; Enter takes the highlighted one (QCompleter does that), and so does
    Tab (here), which then moves on to the next field."""

    def __init__(self, owner: RecipientEdit):
        super().__init__(owner)
        self.owner = owner

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.KeyPress:
            o = self.owner
            popup = o.completer.popup()
            if event.key() == Qt.Key_Down and o._auto_pick and popup.currentIndex().row() == 0:
                o._auto_pick = False
                return True
            o._auto_pick = False
            if event.key() == Qt.Key_Tab and not event.modifiers() & (Qt.ControlModifier | Qt.AltModifier):
                current = popup.currentIndex()
                if current.isValid():  # take the highlighted match, then Tab moves on as usual
                    popup.hide()
                    o._insert_completion(current.data())
                    o.edit.focusNextChild()
                    return True
        return False
