"""Compose's tools in French and German, by keys in the real window: the snippets and signatures dialog
(its words, a mnemonic of the language adding a snippet under its French/German name), the Find bar, the spelling
menu and the attachments row (its hint, a refused file's reason, a size as the locale writes it)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.compose.spelling import SETTING
from tests.helpers.keys import CTRL, SHIFT, focused, key, mnemonic, press
from tests.helpers.language import in_language
from tests.helpers.mnemonics import dialog_clashes, letter, widget_words
from tests.helpers.windows import close_window, open_window

WORDS = {
    "fr": {"title": "Textes rapides et signatures", "tabs": ["Textes ra&pides", "Si&gnatures"],
           "add": "&Ajouter un texte rapide", "add_key": Qt.Key_A, "new": "Nouveau texte rapide 1",
           "find": "Rechercher\u00a0:", "not_found": "Introuvable", "close": "Fermer",
           "menu": "Suggestions d'orthographe pour «\u00a0lettr\u00a0»",
           "add_word": "Ajouter «\u00a0lettr\u00a0» au &dictionnaire", "ignore": "&Ignorer «\u00a0lettr\u00a0»",
           "hint": "Déposez des fichiers ici ou appuyez sur Ctrl+Maj+A pour les joindre",
           "attachments": "Pièces jointes", "folder": "est un dossier, pas un fichier. Il n'a pas été joint.",
           "size": "2,0 ko"},
    "de": {"title": "Textbausteine und Signaturen", "tabs": ["Text&bausteine", "Si&gnaturen"],
           "add": "Textbaustein &hinzufügen", "add_key": Qt.Key_H, "new": "Neuer Textbaustein 1",
           "find": "Suchen:", "not_found": "Nicht gefunden", "close": "Schließen",
           "menu": "Rechtschreibvorschläge für „lettr“",
           "add_word": "„lettr“ zum &Wörterbuch hinzufügen", "ignore": "„lettr“ &ignorieren",
           "hint": "Dateien hier ablegen oder mit Strg+Umschalt+A anfügen",
           "attachments": "Anlagen", "folder": "ist ein Ordner, keine Datei. Sie wurde nicht angefügt.",
           "size": "2,0 kB"},
}


@pytest.mark.parametrize("lang", list(WORDS))
def test_compose_tools_in_the_windows_language(qtbot, aloop, sandbox, settings, tmp_path, screenshot_dir, lang):
    want = WORDS[lang]
    settings.set(SETTING, "en_US")  # the spelling dictionary: the message's language, not the window's
    with in_language(lang):
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        try:
            qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
            _texts_dialog(qtbot, win, want, screenshot_dir / f"texts-dialog-{lang}.png")
            _find_bar(qtbot, win, want)
            _spelling(qtbot, win, want, screenshot_dir / f"spelling-menu-{lang}.png")
            _attachments(qtbot, win, want, tmp_path, screenshot_dir / f"attachments-{lang}.png")
        finally:
            close_window(win, session)


def _texts_dialog(qtbot, win, want, shot):
    key(qtbot, win, Qt.Key_L, CTRL | SHIFT)
    qtbot.waitUntil(lambda: win.power.dialog is not None and win.power.dialog.isVisible(), timeout=3000)
    d = win.power.dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is d, timeout=3000)
    assert d.windowTitle() == want["title"]
    assert [d.tabs.tabText(i) for i in range(d.tabs.count())] == want["tabs"]
    assert d.snippets.add_button.text() == want["add"]
    letters = [k for _where, text in widget_words(d) if (k := letter(text))]
    assert len(letters) >= 9 and dialog_clashes(d.windowTitle(), d) == [], letters  # each Alt+letter once
    mnemonic(qtbot, want["add_key"], lambda: focused() is d.snippets.name)  # the language's own letter
    assert d.snippets.name.selectedText() == want["new"]
    d.grab().save(str(shot))
    press(qtbot, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not d.isVisible(), timeout=3000)


def _find_bar(qtbot, win, want):
    win.show_view("compose")
    body = win.compose.body
    body.setFocus()
    qtbot.waitUntil(body.hasFocus)
    qtbot.keyClicks(body, "I wrote a lettr to you. ")
    qtbot.keyClick(body, Qt.Key_F, CTRL)
    bar = win.find_bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.edit.hasFocus())
    assert bar.label.text() == want["find"] and bar.close_button.text() == want["close"]
    heard = []
    bar.spoken.connect(lambda text, _key: heard.append(text))
    qtbot.keyClicks(bar.edit, "zzz")
    qtbot.keyClick(bar.edit, Qt.Key_Return)
    assert bar.result.text() == want["not_found"] and heard[-1] == want["not_found"]
    qtbot.keyClick(bar.edit, Qt.Key_Escape)
    qtbot.waitUntil(body.hasFocus)


def _spelling(qtbot, win, want, shot):
    sp = win.spelling
    qtbot.waitUntil(lambda: sp.state.language == "en_US", timeout=10000)
    body = win.compose.body
    qtbot.waitUntil(lambda: sp.hl.settled() and sp.hl.misspelt_near(body.textCursor().position()) is not None,
                    timeout=5000)
    qtbot.keyClick(body, Qt.Key_Semicolon, CTRL)
    qtbot.waitUntil(lambda: sp.menu is not None and sp.menu.isVisible() and sp.menu.activeAction() is not None,
                    timeout=5000)
    texts = [a.text() for a in sp.menu.actions()]
    assert sp.menu.accessibleName() == want["menu"]
    assert want["add_word"] in texts and want["ignore"] in texts, texts
    sp.menu.grab().save(str(shot))
    qtbot.keyClick(sp.menu, Qt.Key_Escape)
    qtbot.waitUntil(lambda: sp.menu is None or not sp.menu.isVisible(), timeout=3000)


def _attachments(qtbot, win, want, tmp_path, shot):
    row = win.compose.attachments
    assert row.list.accessibleName() == want["attachments"]
    assert row.list.item(0).text() == want["hint"]
    folder = tmp_path / "Dossier"
    folder.mkdir()
    row.add_paths([str(folder)])  # as a drop gives it
    assert want["folder"] in row.error_text()
    small = tmp_path / "note.txt"
    small.write_bytes(b"x" * 2048)
    row.add_paths([str(small)])
    assert row.list.item(0).text() == f"note.txt  ·  {want['size']}"
    win.grab().save(str(shot))
