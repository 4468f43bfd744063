"""The window in French and in German: its menus, the command palette, the F1 sheet, the status bar and the
banner (the core's words too, through app.ui.common.tr.shown), and View → Language, which keeps the choice for
the next start and says so. A real window on the sandbox, driven with real keys; shortcuts stay the same keys
(Ctrl+N), shown in the language's words (German "Strg+N")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from app.domain.words import translate as words
from tests.helpers.heard import Heard
from tests.helpers.keys import ALT, CTRL, SHIFT, key, popup_key, type_text
from tests.helpers.language import in_language
from tests.helpers.windows import close_window, open_window

NB = "\u00a0"  # French: a no-break space before ":" and "?"

#: what each language must show (the English source's words in the catalogue, as a native speaker writes them)
WORDS = {
    "fr": {
        "bar": ["&Fichier", "É&dition", "&Brouillons", "&Affichage", "A&ide"],
        "file": "&Fichier", "file_key": Qt.Key_F, "new": "&Nouveau message", "quit": "&Quitter",
        "view_key": Qt.Key_A, "language_key": Qt.Key_L, "language_menu": "&Langue",
        "choose_key": Qt.Key_D, "chosen": "de",
        "said": f"Langue{NB}: Deutsch. Elle s'appliquera au prochain démarrage de Dispatch.",
        "palette_query": "envoyer brouillons", "palette_first": "Envoyer les brouillons sélectionnés",
        "go_to": "Aller à Brouillons", "palette_where": "Brouillons",
        "palette_language": "langue", "language_group": "Langue",
        "sheet_title": "Raccourcis clavier", "sheet_row": ("Nouveau message", "Ctrl+N"),
        "sheet_context": f"Suggestion de destinataire{NB}: la retenir et passer au champ suivant",
        "empty_save": f"Rien à enregistrer{NB}: Rédiger est vide",
        "banner": f"Non envoyé{NB}: ann@example.com", "retry": "Réessayer", "status": "Hors connexion",
        "sidebar": ["Rédiger", "Brouillons", "Éléments envoyés"],  # the page's own name (issue 73)
    },
    "de": {
        "bar": ["&Datei", "&Bearbeiten", "&Entwürfe", "&Ansicht", "&Hilfe"],
        "file": "&Datei", "file_key": Qt.Key_D, "new": "&Neue E-Mail", "quit": "B&eenden",
        "view_key": Qt.Key_A, "language_key": Qt.Key_S, "language_menu": "&Sprache",
        "choose_key": Qt.Key_F, "chosen": "fr",
        "said": "Sprache: Français. Sie gilt ab dem nächsten Start von Dispatch.",
        "palette_query": "entwürfe senden", "palette_first": "Ausgewählte Entwürfe senden",
        "go_to": "Zu Entwürfe wechseln", "palette_where": "Entwürfe",
        "palette_language": "sprache", "language_group": "Sprache",
        "sheet_title": "Tastenkombinationen", "sheet_row": ("Neue E-Mail", "Strg+N"),
        "sheet_context": "Empfängervorschlag: übernehmen, zum nächsten Feld wechseln",
        "empty_save": "Nichts zu speichern: Verfassen ist leer",
        "banner": "Nicht gesendet: ann@example.com", "retry": "Wiederholen", "status": "Offline",
        "sidebar": ["Verfassen", "Entwürfe", "Gesendete Elemente"],
    },
}


def whole(bar) -> str:
    """The status bar's message as written (shortened on the bar when it does not fit)."""
    return bar.last_cut or bar.currentMessage()


def heard(text: str) -> str:
    """``text`` as the announcer says it: on one line, its spaces plain (app.ui.common.announce.plain)."""
    return " ".join(text.split())


@pytest.fixture(params=["fr", "de"])
def lang_window(request, qtbot, aloop, sandbox, settings):
    """The window built in French or German, signed in on the sandbox, connected."""
    with in_language(request.param):
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        try:
            yield win, WORDS[request.param]
        finally:
            close_window(win, session)


def test_menus_speak_the_language_and_keep_their_keys(qtbot, lang_window, screenshot_dir):
    win, w = lang_window
    bar = [a.text() for a in win.menuBar().actions()]
    assert all(title in bar for title in w["bar"]), bar
    assert [win.sidebar.item(i).text() for i in range(3)] == w["sidebar"]
    # one name for each page: the sidebar's is the page's title (issue 73: "Envoyés" beside "Éléments envoyés"),
    # whole at the window's default width
    for row, page in ((1, win.drafts), (2, win.sent)):
        assert page.findChild(QLabel, "viewTitle").text() == win.sidebar.item(row).text()
    assert win.sidebar.property("compact") != "true"
    # Alt + the menu's own letter opens it, as the platform sends it
    QTest.keyClick(win.windowHandle(), w["file_key"], ALT)
    qtbot.waitUntil(lambda: win.menus["&File"].isVisible(), timeout=3000)
    assert win.menus["&File"].title() == w["file"]
    texts = [a.text() for a in win.menus["&File"].actions()]
    assert w["new"] in texts and w["quit"] in texts, texts
    win.grab().save(str(screenshot_dir / f"window-{w['file'][1:].lower()}-file-menu.png"))
    win.resize(683, win.height())  # half of a 1366 px screen
    qtbot.waitUntil(lambda: win.width() == 683, timeout=3000)
    win.grab().save(str(screenshot_dir / f"window-{w['file'][1:].lower()}-683.png"))
    win.resize(1100, win.height())
    popup_key(qtbot, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not win.menus["&File"].isVisible(), timeout=3000)
    # the binding is the same key; the user reads it in the language's words
    new = win.actions_.new
    assert new.shortcut() == QKeySequence("Ctrl+N")
    assert new.toolTip() == f"{w['new'].replace('&', '')} ({w['sheet_row'][1]})"


def test_palette_finds_commands_by_the_languages_words(qtbot, lang_window):
    win, w = lang_window
    key(qtbot, win, Qt.Key_P, CTRL | SHIFT)
    qtbot.waitUntil(lambda: win.power.palette is not None and win.power.palette.isVisible(), timeout=3000)
    p = win.power.palette
    assert p.field.placeholderText() != "Type a command, a view, a draft or a snippet…"
    listed = p.shown()
    assert w["go_to"] in listed, listed
    sent = w["sidebar"][2]
    go_to_sent = w["go_to"].replace(w["palette_where"], sent)  # "Aller à Envoyés", "Zu Gesendet wechseln"
    assert [e.keys for e in p.model.rows if e.label == go_to_sent] == [w["sheet_row"][1][:-1] + "3"]
    assert not [e for e in p.model.rows if e.label == win.actions_.view_sent.text().replace("&", "")], \
        "the view's entry stands for its View-menu command"
    type_text(qtbot, p.field, w["palette_query"])
    assert p.shown()[0] == w["palette_first"], p.shown()
    assert p.model.rows[0].where == w["palette_where"]
    key(qtbot, win, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not p.isVisible(), timeout=3000)


def test_f1_sheet_in_the_language(qtbot, lang_window, screenshot_dir):
    win, w = lang_window
    key(qtbot, win, Qt.Key_F1)
    qtbot.waitUntil(lambda: win._sheet is not None and win._sheet.isVisible(), timeout=3000)
    sheet = win._sheet
    assert sheet.windowTitle() == w["sheet_title"]
    rows = sheet.rows()
    assert w["sheet_row"] in rows, rows
    assert any(text == w["sheet_context"] for text, _keys in rows), rows
    sheet.grab().save(str(screenshot_dir / f"window-{w['sheet_title'].split()[0].lower()}-f1.png"))
    type_text(qtbot, sheet.filter, w["sheet_row"][0].split()[0].lower())
    assert w["sheet_row"] in sheet.rows(shown_only=True)
    key(qtbot, sheet, Qt.Key_Escape)


def test_status_bar_and_banner_show_the_window_and_core_words_translated(qtbot, lang_window):
    win, w = lang_window
    spoken = Heard(win.announcer)
    win.show_view("compose")
    key(qtbot, win, Qt.Key_S, CTRL)  # Compose is empty: nothing to save, said in the status bar
    qtbot.waitUntil(lambda: whole(win.statusBar()) == w["empty_save"], timeout=3000)
    qtbot.waitUntil(lambda: heard(w["empty_save"]) in spoken.words(), timeout=3000)
    # the core's words (Words: English as a str, translated by the sinks), a value inside them kept as it is
    core = words("Workflows", "{not_done}: {reason}").format(not_done=words("Workflows", "Not sent"),
                                                              reason="ann@example.com")
    win.show_error(core, retry=True)
    assert win.banner.text() == w["banner"] and win.banner.retry_button.text() == w["retry"]
    qtbot.waitUntil(lambda: heard(w["banner"]) in spoken.words(), timeout=3000)
    win.statusBar().showMessage(words("Status", "Offline"), 3000)
    assert whole(win.statusBar()) == w["status"]
    win.set_state("offline")
    assert win.state_label.text() == w["status"]


def test_language_chosen_by_keys_is_kept_and_said(qtbot, lang_window, settings):
    win, w = lang_window
    spoken = Heard(win.announcer)
    assert settings.language() == "" and win.language_actions[""].isChecked()
    QTest.keyClick(win.windowHandle(), w["view_key"], ALT)  # View
    qtbot.waitUntil(lambda: win.menus["&View"].isVisible(), timeout=3000)
    menu = win.findChild(type(win.menus["&View"]), "menuLanguage")
    assert menu.title() == w["language_menu"]
    popup_key(qtbot, w["language_key"])  # Language
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    assert [a.text() for a in menu.actions()][1:] == ["&English", "&Français", "&Deutsch"]
    popup_key(qtbot, w["choose_key"])  # another language, named in its own
    qtbot.waitUntil(lambda: settings.language() == w["chosen"], timeout=3000)
    assert win.language_actions[w["chosen"]].isChecked()
    assert whole(win.statusBar()) == w["said"]
    qtbot.waitUntil(lambda: heard(w["said"]) in spoken.words(), timeout=3000)
    # and from the palette, by the language's word for it
    key(qtbot, win, Qt.Key_P, CTRL | SHIFT)
    qtbot.waitUntil(lambda: win.power.palette is not None and win.power.palette.isVisible(), timeout=3000)
    p = win.power.palette
    type_text(qtbot, p.field, w["palette_language"])  # the language's word lists every choice
    assert {"English", "Français", "Deutsch"} <= set(p.shown()), p.shown()
    key(qtbot, win, Qt.Key_A, CTRL)  # typed over: the language's own name
    qtbot.keyClicks(p.field, "english")
    assert p.shown()[0] == "English" and p.model.rows[0].where == w["language_group"], p.shown()
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: settings.language() == "en", timeout=3000)
    assert win.language_actions["en"].isChecked()
