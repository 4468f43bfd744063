"""A recipient field: ``Name <addr>`` or bare addresses separated by , or ;.

Invalid entries are marked inline (red border + a message under the field) when the field is left or a
send is asked for; a mark goes away as soon as the text is right again (every change re-checks it).
An unfinished entry is kept as typed in the message (a draft may hold anything; only sending needs valid
addresses). Completion offers the people written to first, then names from the directory (ResolveNames, looked
up by the owner after a debounce), never an invalid or a bounced address (what is offered, in which order:
``app.domain.suggestions``); it completes the entry under the cursor, not the whole line. The first
match is highlighted as soon as the list opens: Enter, a comma or a semicolon takes it and the cursor stays
for the next address; Tab takes it and moves on to the next field (Down/Up pick another, Esc closes).
Tab always moves on, so a key means the same whether or not the list has opened yet:
``bob@example.com`` Tab ends in the next field either way, completed or as typed. The list never takes
the keyboard (``SuggestionList``): every key goes to the field.

Entries are tokens: Backspace at the start of the typing position removes the entry before it whole;
Left there selects that entry, Left/Right move the selection between entries (Right past the last one
goes back to the typing position); Delete or Backspace removes the selected entry, one Ctrl+Z brings it
back. Whole entries are drawn as chips (``ChipLineEdit``). The text stays the field's value
(``recipients()``/``recipients_as_typed()``), so the rest of the app reads it as before; what an edit does
to the text is worked out in ``app.domain.recipient_spans`` (no Qt).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.domain import recipient_spans as spans
from app.domain.models import Recipient
from app.domain.suggestions import Suggestions
from app.domain.validation import FieldError, format_recipients, parse_recipients, recipients_as_typed
from app.ui.compose.chip_edit import ChipLineEdit
from app.ui.common.safe_text import PlainLabel
from app.ui.common.tr import shown, translate
from app.ui.compose.suggestion_list import SuggestionList

LOOKUP_DEBOUNCE_MS = 300


class RecipientEdit(QWidget):
    changed = Signal()
    lookup_requested = Signal(str)  # a debounced prefix for ResolveNames

    def __init__(self, field: str, label: str, parent=None):
        super().__init__(parent)
        self.field = field
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        self.edit = ChipLineEdit(self)
        self.edit.setObjectName(f"{field}Edit")
        self.edit.setAccessibleName(label)
        # QLineEdit silently cuts text at 32767 characters: 500 "Name <address>" entries can be longer
        self.edit.setMaxLength(2_000_000)
        self.edit.setPlaceholderText(translate("Compose", "Name <address@example.com>, another@example.com"))
        self.error_label = PlainLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setAccessibleName(translate("Compose", "{field} error").format(field=label))
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        lay.addWidget(self.edit)
        lay.addWidget(self.error_label)
        self.setFocusProxy(self.edit)
        self.setAccessibleName(translate("Compose", "{field} field").format(field=label))

        self.sources = Suggestions()  # what the field offers, in its order (app.domain.suggestions)
        self.suggestions = SuggestionList(self.edit)
        self.suggestions.picked.connect(self.take)
        self.auto_pick = False  # the first match was highlighted for the user (not picked with Down)
        self._marked: set[str] = set()  # the entries the shown errors are about ("" for the field as a whole)
        self._keys = _FieldKeys(self)
        self.edit.installEventFilter(self._keys)

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
        """Put a message's recipients in: each a whole token, the keyboard after them for the next address, and
        one that cannot be sent marked at once (a draft may hold it; Backspace removes it whole)."""
        self.suggestions.hide()
        text = spans.finished(format_recipients(recipients))
        self.edit.setText(text)
        self.set_errors(parse_recipients(text, self.field)[1])

    def add_recipients(self, recipients: list[Recipient]) -> list[Recipient]:
        """Recipients chosen elsewhere (the address book) after the field's entries, those it holds already left
        out; one edit (Ctrl+Z takes it back). Returns those added."""
        have = {r.email.lower() for r in self.recipients_as_typed()}
        new = []
        for r in recipients:
            if r.email.lower() not in have:
                have.add(r.email.lower())
                new.append(r)
        if new:
            text = self.edit.text()
            self._apply(spans.Edit(0, len(text), spans.finished(text) + format_recipients(new) + ", "))
        return new

    def replace_recipients(self, recipients: list[Recipient]) -> None:
        """The field's entries become ``recipients`` (a group expanded): one edit, Ctrl+Z takes it back."""
        self.suggestions.hide()
        text = self.edit.text()
        self._apply(spans.Edit(0, len(text), spans.finished(format_recipients(recipients))))

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
        self.edit.marked = {t.strip() for t in self._marked}
        self.edit.update()
        msg = " ".join(shown(e.message) for e in errors)
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
    def set_recent(self, entries: list[str], sent: dict[str, int] | None = None) -> None:
        """The people written to, newest first, and how many messages went to each (by address): offered before the
        directory's matches, the most written to first."""
        self.sources.set_written_to(entries, sent)

    def set_bounced(self, addresses) -> None:
        """Addresses a report says a message did not reach: never offered (app.domain.suggestions.bounced)."""
        self.sources.set_bounced(addresses)

    def offered(self) -> list[str]:
        """Every name the field can offer: the people written to, then the directory's answers (no repeats)."""
        return self.sources.offered()

    def matches(self, prefix: str) -> list[str]:
        return self.sources.matches(prefix)

    def add_suggestions(self, recipients: list[Recipient]) -> None:
        self.sources.add_directory(r.display() for r in recipients)
        if self.edit.hasFocus():
            self.offer(typed=False)

    def offer(self, *, typed: bool) -> None:
        """Open (or refresh) the list for the entry being typed, its first match highlighted: Enter and Tab
        take it. A list refreshed by a directory answer keeps the match the user moved to."""
        found = self.matches(self.current_token()) if len(self.current_token()) >= 2 else []
        if not found:
            self.suggestions.hide()
            return
        self.suggestions.show_entries(found, keep_current=not typed)
        if typed or self.suggestions.currentIndex().row() == 0:
            self.auto_pick = True

    def current_token(self) -> str:
        return spans.typed_so_far(self.edit.text(), self.edit.cursorPosition())

    def _on_text_changed(self, _text: str) -> None:
        if len(self.current_token()) < 2:  # also a change not typed (a new message, a send, a draft opened)
            self.suggestions.hide()
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
        if len(self.current_token()) >= 2:
            self.offer(typed=True)
            self._debounce.start()
        else:
            self.suggestions.hide()
            self._debounce.stop()

    def _emit_lookup(self) -> None:
        token = self.current_token()
        if len(token) >= 2:
            self.lookup_requested.emit(token)

    def stop_lookup(self) -> None:
        """No directory lookup for what was typed is to come (the field was left, the window closes)."""
        self._debounce.stop()

    def take(self, completion: str) -> None:
        """The entry being typed becomes ``completion``; the cursor stays, ready for the next address."""
        self.suggestions.hide()
        self._debounce.stop()
        self._apply(spans.replace_typing_entry(self.edit.text(), self.edit.cursorPosition(), completion))

    # ---- whole-entry editing ----
    def selected_entry(self) -> spans.Span | None:
        if not self.edit.hasSelectedText():
            return None
        start = self.edit.selectionStart()
        end = start + len(self.edit.selectedText())
        return (start, end) if spans.is_entry(self.edit.text(), start, end) else None

    def _select(self, span: spans.Span) -> None:
        self.edit.setSelection(span[0], span[1] - span[0])

    def remove_entry(self, span: spans.Span) -> None:
        self._apply(spans.remove_entry(self.edit.text(), span))

    def _apply(self, edit: spans.Edit) -> None:
        """One edit the line edit records (Ctrl+Z undoes it), the cursor after what it inserted."""
        self.edit.setSelection(edit.start, edit.end - edit.start)
        self.edit.insert(edit.insert)

    def entry_before_cursor(self) -> spans.Span | None:
        """The entry before the cursor when the cursor is at the start of the typing position."""
        text, pos = self.edit.text(), self.edit.cursorPosition()
        if self.edit.hasSelectedText() or not spans.at_typing_start(text, pos):
            return None
        return spans.entry_before(text, pos)

    def step_entry(self, step: int) -> bool:
        """Left (-1) / Right (+1) on tokens; False when the key is the line edit's own (a plain caret move)."""
        text, selected = self.edit.text(), self.selected_entry()
        if selected is None:
            before = self.entry_before_cursor() if step < 0 else None
            if before is not None:
                self._select(before)
            return before is not None
        if step < 0:
            previous = spans.entry_before(text, selected[0])
            self._select(previous or selected)
            return True
        following = spans.entry_after(text, selected)
        if following is not None:
            self._select(following)
        else:  # past the last entry: back to the typing position
            self.edit.setCursorPosition(len(text))
        return True


class _FieldKeys(QObject):
    """The field's keys before the line edit sees them: the open suggestion list's (Down/Up move the
    highlight; Enter, comma and semicolon take it and stay; Tab takes it and goes on to ``QWidget.event``,
    which moves the focus as it does with no list; Esc closes it) and the whole-entry keys (Backspace,
    Delete, Left, Right)."""

    LIST_KEYS = {Qt.Key_Down, Qt.Key_Up, Qt.Key_Return, Qt.Key_Enter, Qt.Key_Tab, Qt.Key_Escape}
    SEPARATORS = (",", ";")  # typed with Shift on many layouts: matched by the text, not the key and modifiers

    def __init__(self, owner: RecipientEdit):
        super().__init__(owner)
        self.owner = owner

    def eventFilter(self, obj, event):  # noqa: N802
        kind = event.type()
        if kind in (QEvent.FocusOut, QEvent.Hide):
            self.owner.suggestions.hide()
            self.owner.stop_lookup()  # a field left asks the directory nothing: its answer would not be shown
        elif kind == QEvent.Resize and self.owner.suggestions.isVisible():
            self.owner.offer(typed=False)  # follow the field's new width
        elif kind == QEvent.ShortcutOverride and self._list_key(event):
            event.accept()  # Esc/Enter while the list is open are the list's, not a window shortcut's
        elif kind == QEvent.KeyPress:
            if self._list_key(event):
                return self._list_press(event)
            self.owner.auto_pick = False
            return event.modifiers() & ~Qt.KeypadModifier == Qt.NoModifier and self._entry_press(event.key())
        return False

    def _list_key(self, event) -> bool:
        if self.owner.suggestions.current() is None:
            return False
        plain = event.modifiers() & ~Qt.KeypadModifier == Qt.NoModifier
        typed = event.modifiers() & ~(Qt.KeypadModifier | Qt.ShiftModifier) == Qt.NoModifier  # not Ctrl+, etc.
        return (typed and event.text() in self.SEPARATORS) or (plain and event.key() in self.LIST_KEYS)

    def _list_press(self, event) -> bool:
        """Whether the key is used up here: all but Tab, which goes on to move the focus."""
        o, key = self.owner, event.key()
        if key in (Qt.Key_Down, Qt.Key_Up):
            keep_first = key == Qt.Key_Down and o.auto_pick and o.suggestions.currentIndex().row() == 0
            if not keep_first:  # the first Down keeps the match that was highlighted for the user
                o.suggestions.step(1 if key == Qt.Key_Down else -1)
            else:  # a key that changes nothing still gets an answer a reader hears (unless just said)
                o.suggestions.say_again()
        elif key == Qt.Key_Escape:
            o.suggestions.hide()
        else:
            o.take(o.suggestions.current())
        o.auto_pick = False
        return key != Qt.Key_Tab

    def _entry_press(self, key) -> bool:
        o = self.owner
        if key in (Qt.Key_Backspace, Qt.Key_Delete):
            selected = o.selected_entry()
            span = selected or (o.entry_before_cursor() if key == Qt.Key_Backspace else None)
            if span is not None:
                o.remove_entry(span)
            if selected is not None:  # back to the typing position, as after Backspace there
                o.edit.setCursorPosition(len(o.edit.text()))
            return span is not None
        if key in (Qt.Key_Left, Qt.Key_Right):
            return o.step_entry(-1 if key == Qt.Key_Left else 1)
        return False
