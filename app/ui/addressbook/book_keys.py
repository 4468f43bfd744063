"""The address book's keys that are no menu command, for the F1 sheet (app.ui.window.actions.CONTEXT_KEYS takes
them): (group, what it does, the keys), translated where shown (context "Shortcuts"). A module of its own, so that
the window's start does not load the dialog."""

from __future__ import annotations

from app.domain.words import QT_TRANSLATE_NOOP

BOOK_CONTEXT_KEYS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("Shortcuts", "Address book"),
     QT_TRANSLATE_NOOP("Shortcuts", "Add the selection to the field it was opened from / To / Cc / Bcc"),
     ("Return", "Alt+T", "Alt+C", "Alt+B")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Address book"),
     QT_TRANSLATE_NOOP("Shortcuts", "Expand the selected group in the field (asked first)"),
     ("Alt+E",)),
    (QT_TRANSLATE_NOOP("Shortcuts", "Address book"),
     QT_TRANSLATE_NOOP("Shortcuts", "From the search to the list and back; the group's members"),
     ("Down", "Up", "Tab")),
)
