"""A recipient field: ``Name <addr>`` or bare addresses separated by , or ;.

Invalid entries are marked inline (red border + a message under the field). Completion offers names
from the directory (ResolveNames, looked up by the owner after a debounce) and recent recipients; it
completes the entry under the cursor, not the whole line.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QVBoxLayout, QWidget

from app.domain.models import Recipient
from app.domain.validation import FieldError, format_recipients, parse_recipients
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

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(LOOKUP_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit_lookup)
        self.edit.textEdited.connect(self._on_edited)
        self.edit.textChanged.connect(lambda _t: self.changed.emit())
        self.edit.editingFinished.connect(self.validate)

    # ---- value ----
    def text(self) -> str:
        return self.edit.text()

    def set_recipients(self, recipients: list[Recipient]) -> None:
        self.edit.setText(format_recipients(recipients))
        self.set_errors([])

    def recipients(self) -> list[Recipient]:
        return parse_recipients(self.edit.text(), self.field)[0]

    def validate(self) -> list[FieldError]:
        errors = parse_recipients(self.edit.text(), self.field)[1]
        self.set_errors(errors)
        return errors

    def set_errors(self, errors: list[FieldError]) -> None:
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
            self.completer.complete()

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

    def _on_edited(self, _text: str) -> None:
        token = self.current_token()
        if self.edit.property("invalid"):
            # re-check as the user fixes it, so the red border goes away as soon as it is right
            self.set_errors(parse_recipients(self.edit.text(), self.field)[1])
        if len(token) >= 2:
            self.completer.setCompletionPrefix(token)
            if self.completer.completionCount():
                self.completer.complete()
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
