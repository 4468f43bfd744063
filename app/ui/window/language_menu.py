"""View → Language: the system's language, English, Français or Deutsch, each named in its own language. The
choice is kept in the settings and applies at the next start (the catalogues are installed before any widget is
built: app.ui.common.language); the status bar says so, and so does the announcer. The choices are actions of the
window, so the command palette lists them too ("Français", under Language) and each can be checked by keyboard."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from app.ui.common.language import LANGUAGES, system_language
from app.ui.common.tr import translate
from app.ui.common import spoken

# how long the status bar shows that the choice applies at the next start
SAID_MS = 8000


def add_language_menu(win, view_menu: QMenu) -> dict[str, QAction]:
    """The Language submenu at the end of ``view_menu``; the actions by code ("" : the system's), the window's
    part ``language_actions``."""
    menu = QMenu(translate("Language", "&Language"), win)
    menu.setObjectName("menuLanguage")
    group = QActionGroup(menu)
    group.setExclusive(True)
    chosen = win.settings.language() if win.settings is not None else ""
    choices = [("", translate("Language", "&System's language"))]
    choices += [(code, "&" + name) for code, name in LANGUAGES.items()]  # each in its own language, never translated
    actions = {}
    for code, text in choices:
        a = QAction(text, win)
        a.setObjectName(f"actLanguage{code.title() or 'System'}")
        a.setCheckable(True)
        a.setChecked(code == chosen)
        a.triggered.connect(lambda _c=False, c=code: choose(win, c))
        group.addAction(a)
        menu.addAction(a)
        win.addAction(a)
        actions[code] = a
    view_menu.addMenu(menu)
    win.parts.fill(language_actions=actions)
    return actions


def choose(win, code: str) -> None:
    """Keep ``code`` ("" : the system's) for the next start, and say so."""
    win.language_actions[code].setChecked(True)
    if win.settings is not None:
        win.settings.set_language(code)
    if code:
        words = translate("Language", "Language: {name}. It applies the next time Dispatch starts.").format(
            name=LANGUAGES[code])
    else:
        words = translate("Language", "Language: the system's ({name}). It applies the next time Dispatch "
                                      "starts.").format(name=LANGUAGES[system_language()])
    spoken.show(win.port, words, SAID_MS)
