"""Every mnemonic unique within its menu and its dialog, in every language (English, French, German and the
pseudo-locale): the real window on the sandbox built in the language, the menu bar's titles and every menu's
actions, each view (shown by its key) with the menu bar's titles, the bars that appear over the window (a
discard's, a draft delete's, the link bar: each with the menu bar's titles), and every dialog the keyboard opens
(opened by its keys): no two words take the same Alt+letter (tests/helpers/mnemonics.py). Every menu entry has
one, and a bar's Alt+letter does what its button says (issue 73: French "&Annuler" and "&Affichage" were both
Alt+A, and Alt+A opened the menu instead of bringing the discarded message back)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QLabel, QLineEdit, QMainWindow, QPushButton, QVBoxLayout

from tests.helpers.dialogs import (BARS, DIALOGS, PARTS, VIEW_KEYS, close_by_escape, compose_ready, hide_bar,
                                   hide_part, open_by_keys, show_bar, show_part, show_view)
from tests.helpers.keys import ALT, focus_key
from tests.helpers.language import in_language
from tests.helpers.mailbox import seed_drafts
from tests.helpers.mnemonics import alt_key, dialog_clashes, letter, menu_clashes, unmarked_actions, view_clashes
from tests.helpers.pseudo_locale import pseudo, pseudo_catalogues
from tests.helpers.windows import close_window, open_window

LANGUAGES = ("en", "fr", "de", "pseudo")


def test_a_duplicate_is_found(qtbot):
    """The checker itself: two buttons on &S and a label whose buddy takes &S too are named; a label without a
    buddy, "&&" and a hidden button are not keys."""
    dlg = QDialog()
    qtbot.addWidget(dlg)
    lay = QVBoxLayout(dlg)
    field = QLineEdit()
    label = QLabel("&Subject")
    label.setBuddy(field)
    hidden = QPushButton("&Hidden")
    for w in (QPushButton("&Send"), QPushButton(pseudo("&Save")), label, field, QLabel("&Here"),
              QCheckBox("Salt && &pepper"), QPushButton("&Help"), hidden):
        lay.addWidget(w)
    dlg.show()
    hidden.hide()
    qtbot.waitExposed(dlg)
    found = dialog_clashes("test", dlg)
    assert len(found) == 1 and "Alt+S" in found[0] and found[0].count("'") == 6, found
    assert letter("Salt && &pepper") == "P" and letter("No key") == "" and letter(pseudo("&Send")) == "S"
    win = QMainWindow()
    qtbot.addWidget(win)
    menu = win.menuBar().addMenu("&File")
    win.menuBar().addMenu("&Format")
    menu.addAction("&New")
    menu.addAction("&Next")
    win.show()
    assert len(menu_clashes(win)) == 2  # the bar's F, the menu's N


@pytest.fixture(params=LANGUAGES)
def language_window(request, qtbot, aloop, sandbox, settings):
    folder = pseudo_catalogues() if request.param == "pseudo" else None
    seed_drafts(sandbox, 1)  # Drafts' undo bar needs a draft to delete
    with in_language(request.param, catalogues=folder):
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        try:
            yield win
        finally:
            close_window(win, session)


def test_no_two_words_share_a_mnemonic(qtbot, language_window):
    win = language_window
    found = menu_clashes(win) + unmarked_actions(win)
    for view in VIEW_KEYS:
        show_view(qtbot, win, view)
        QApplication.processEvents()
        found += view_clashes(view, win)
    for part in PARTS:
        show_part(qtbot, win, part)
        QApplication.processEvents()
        found += view_clashes(part, win)
        hide_part(qtbot, win, part)
    compose_ready(qtbot, win)  # each dialog closed gives the keyboard back there
    for name in DIALOGS:
        dlg = open_by_keys(qtbot, win, name)
        QApplication.processEvents()
        found += dialog_clashes(name, dlg)
        close_by_escape(qtbot, win, dlg)
    for bar in BARS:  # Compose holds the message typed above: a discard has something to take back
        show_bar(qtbot, win, bar)
        QApplication.processEvents()
        found += view_clashes(f"{bar} bar", win)
        hide_bar(qtbot, win, bar)
    assert not found, "duplicate mnemonics:\n" + "\n".join(dict.fromkeys(found))


def test_the_discard_bars_alt_key_brings_the_message_back(qtbot, language_window, screenshot_dir):
    """Ctrl+Shift+D, then the bar's Undo by its Alt+letter in the window's language: the message is back in Compose
    and no menu opened."""
    win = language_window
    compose_ready(qtbot, win, subject="Quarterly numbers")
    bar = show_bar(qtbot, win, "discard")
    assert win.compose.subject.text() == ""
    win.grab().save(str(screenshot_dir / f"discard-bar-{QLocale().name()}.png"))
    focus_key(qtbot, win, alt_key(bar.button.text()), ALT)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=3000)
    assert win.compose.subject.text() == "Quarterly numbers", bar.button.text()
    assert QApplication.activePopupWidget() is None
