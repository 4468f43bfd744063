"""No string escapes translation: the real window on the sandbox, built in the pseudo-locale
(tests/helpers/pseudo_locale.py: every word of the catalogue in brackets, accented, 40 % longer), every view
shown by its key (Compose, Drafts, Sent, Outbox) and every dialog the keyboard opens opened by its keys; every
text it shows or speaks (tests/helpers/visible_text.py) must be the catalogue's, or the test's own data
(addresses, the subject it typed, numbers, dates, key names, product names). Each escape is reported with
the path of its widget. One window for the whole module (the machine is small): one test, every escape at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.dialogs import (DIALOGS, PARTS, VIEW_KEYS, close_by_escape, compose_ready, hide_part,
                                   open_by_keys, show_part, show_view)
from tests.helpers.keys import CTRL, key
from tests.helpers.language import in_language
from tests.helpers.pseudo_locale import pseudo, pseudo_catalogues, without_catalogue_words
from tests.helpers.visible_text import escaped, shown_texts
from tests.helpers.windows import close_window, open_window

SUBJECT = "Quarterly numbers"  # typed by the test: data, not the window's words


@pytest.fixture
def pseudo_window(qtbot, aloop, sandbox, settings):
    with in_language("pseudo", catalogues=pseudo_catalogues()):
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        try:
            yield win
        finally:
            close_window(win, session)


def _escapes(top, where: str, found: dict) -> None:
    """Each escape of ``top`` not seen yet (the menus are the same in every view) into ``found``."""
    for path, kind, text in shown_texts(top):
        if (rest := escaped(text, data=(SUBJECT,))) and (path, kind, text) not in found:
            found[(path, kind, text)] = f"{where}: {path} [{kind}] {text!r} (left: {rest!r})"


def test_the_pseudo_translation_keeps_what_must_stay():
    assert pseudo("Send &later…") == "[Šéñd &látéř…·····]"
    assert pseudo("Sent to {name}").startswith("[Šéñt tö {name}")
    assert pseudo("%n message(s) waiting").startswith("[%n méššágé(š)")
    assert pseudo("%Ln message(s) waiting").startswith("[%Ln méššágé(š)")  # the count the locale's way
    assert pseudo("  Two\nlines \n").startswith("  [") and pseudo("  Two\nlines \n").endswith("] \n")
    assert pseudo("<b>Bold</b>").startswith("<b>[")
    assert len(pseudo("Attachment")) >= len("Attachment") * 1.4
    assert without_catalogue_words(f"{pseudo('Sent to {name}').format(name=pseudo('Bob'))} Cc").strip() == "Cc"
    assert without_catalogue_words(pseudo("Find works in the message")[:12] + "…").strip() == ""
    assert without_catalogue_words("Find works in the [Méššágé]…").strip() == "Find works in the  …".strip()


def test_no_string_escapes_translation(qtbot, pseudo_window, screenshot_dir):
    win = pseudo_window
    found: dict = {}
    for view in VIEW_KEYS:
        show_view(qtbot, win, view)
        QApplication.processEvents()
        _escapes(win, view, found)
        win.grab().save(str(screenshot_dir / f"pseudo-{view}.png"))
    show_view(qtbot, win, "drafts")  # Ctrl+F where there is no message to find in: the status bar says so
    key(qtbot, win, Qt.Key_F, CTRL)
    qtbot.waitUntil(lambda: win.statusBar().currentMessage() != "", timeout=3000)
    _escapes(win.statusBar(), "status bar", found)
    for part in PARTS:
        show_part(qtbot, win, part)
        QApplication.processEvents()
        _escapes(win, part, found)
        hide_part(qtbot, win, part)
    compose_ready(qtbot, win, subject=SUBJECT)  # each dialog closed gives the keyboard back there
    for name in DIALOGS:
        dlg = open_by_keys(qtbot, win, name)
        QApplication.processEvents()
        _escapes(dlg, name, found)
        dlg.grab().save(str(screenshot_dir / f"pseudo-dialog-{name}.png"))
        close_by_escape(qtbot, win, dlg)
    assert not found, f"{len(found)} text(s) escaped translation:\n" + "\n".join(found.values())
