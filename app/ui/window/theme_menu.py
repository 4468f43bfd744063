"""View → Theme: System, Light or Dark, applied at once to the window and its dialogs,
kept in the settings for the next start. The three are actions of the window, so the command palette lists
them too ("Dark", under Theme)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.tr import translate
from app.ui.common import theme

#: (choice, its words: translated where shown, context "Theme")
CHOICES = (("system", QT_TRANSLATE_NOOP("Theme", "&System")), ("light", QT_TRANSLATE_NOOP("Theme", "&Light")),
           ("dark", QT_TRANSLATE_NOOP("Theme", "&Dark")))


def add_theme_menu(win, view_menu: QMenu) -> dict[str, QAction]:
    """The Theme submenu at the end of ``view_menu``; the actions by choice (``win.theme_actions``)."""
    menu = QMenu(translate("Theme", "&Theme"), win)
    menu.setObjectName("menuTheme")
    group = QActionGroup(menu)
    group.setExclusive(True)
    actions = {}
    for choice, text in CHOICES:
        a = QAction(translate("Theme", text), win)
        a.setObjectName(f"actTheme{choice.title()}")
        a.setCheckable(True)
        a.setChecked(theme.choice() == choice)
        a.triggered.connect(lambda _c=False, c=choice: choose(win, c))
        group.addAction(a)
        menu.addAction(a)
        win.addAction(a)
        actions[choice] = a
    view_menu.addSeparator()
    view_menu.addMenu(menu)
    win.parts.fill(theme_actions=actions)
    return actions


def choose(win, choice: str) -> None:
    """Show ``choice`` now and keep it (the settings file)."""
    theme.set_choice(choice)
    scheme = theme.apply(win)
    win.theme_actions[choice].setChecked(True)
    if win.settings is not None:
        win.settings.set_theme(choice)
    names = {"light": translate("Theme", "light"), "dark": translate("Theme", "dark")}
    if choice == "system":
        words = translate("Theme", "Theme: as the system ({scheme})").format(scheme=names.get(scheme, scheme))
    else:
        words = translate("Theme", "Theme: {name}").format(name=names.get(choice, choice))
    win.port.say(words, ms=4000)
