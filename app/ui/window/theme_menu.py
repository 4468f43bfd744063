"""View → Theme: System, Light or Dark, applied at once to the window and its dialogs,
kept in the settings for the next start. The three are actions of the window, so the command palette lists
them too ("Dark", under Theme)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from app.ui.window import theme

CHOICES = (("system", "&System"), ("light", "&Light"), ("dark", "&Dark"))


def add_theme_menu(win, view_menu: QMenu) -> dict[str, QAction]:
    """The Theme submenu at the end of ``view_menu``; the actions by choice (``win.theme_actions``)."""
    menu = QMenu("&Theme", win)
    menu.setObjectName("menuTheme")
    group = QActionGroup(menu)
    group.setExclusive(True)
    actions = {}
    for choice, text in CHOICES:
        a = QAction(text, win)
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
    what = "as the system" if choice == "system" else choice
    win.statusBar().showMessage(f"Theme: {what} ({scheme})" if choice == "system" else f"Theme: {what}", 4000)
