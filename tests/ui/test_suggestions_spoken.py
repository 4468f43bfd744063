"""A screen reader follows the address suggestions (issue 62). The list never has the keyboard focus (the keys stay
with the field: app/ui/compose/suggestion_list.py), so a reader would not know what is highlighted: the window
announces it, politely, as the highlight changes. Real window, real sandbox directory, real key events."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.helpers.compose import new_message
from tests.helpers.keys import type_as_a_person


def test_the_highlighted_suggestion_is_announced_as_it_moves_and_once(qtbot, window):
    win, c = window, window.compose
    said = []
    win.announcer.said.connect(lambda words, assertive: said.append((words, assertive)))
    new_message(qtbot, win)
    type_as_a_person(qtbot, "al")  # the directory has Alice Anderson and Ali Baba
    qtbot.waitUntil(lambda: len(c.to.suggestions.entries()) > 1, timeout=10000)
    entries = c.to.suggestions.entries()
    n = len(entries)
    qtbot.waitUntil(lambda: (f"{entries[0]}, 1 of {n} suggestions", False) in said, timeout=5000)
    qtbot.keyClick(c.to.edit, Qt.Key_Down)  # the first Down keeps the highlighted match: it stays where it is
    assert c.to.suggestions.current() == entries[0]
    qtbot.keyClick(c.to.edit, Qt.Key_Down)
    assert said[-1] == (f"{entries[1]}, 2 of {n} suggestions", False)
    qtbot.keyClick(c.to.edit, Qt.Key_Up)
    assert said[-1] == (f"{entries[0]}, 1 of {n} suggestions", False)
    before = len(said)
    qtbot.keyClick(c.to.edit, Qt.Key_Up)  # already the first: the highlight stays, nothing new is said
    assert len(said) == before
    qtbot.keyClick(c.to.edit, Qt.Key_Escape)
    assert not c.to.suggestions.isVisible() and len(said) == before
    spoken = [w for w, _a in said if "suggestion" in w]
    assert all(w.count(" of ") == 1 for w in spoken) and "<b>" not in "".join(spoken)
