"""The Format menu (Alt+O), between Edit and Drafts: Rich text on/off (Ctrl+Shift+X) and every formatting
command of Compose (app/ui/compose/formatting.py), with their keys.

The commands act on the Compose body, so the menu offers them while Compose is on screen (elsewhere they
are shown greyed out while the menu is open). What a command says (e.g. that a formatting key switched the
message to rich text) goes to the status bar.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from app.ui.common.tr import shown, translate

STATUS_MS = 6000


def build_format_menu(win) -> QMenu:
    fmt = win.compose.fmt
    menu = QMenu(translate("Format", "F&ormat"), win)
    menu.setObjectName("menuFormat")
    win.menuBar().insertMenu(win.menus["&Drafts"].menuAction(), menu)
    win.menus["&Format"] = menu
    menu.addAction(fmt.rich_action)
    menu.addSeparator()
    for a in fmt.rich_actions:
        menu.addAction(a)
    commands = [fmt.rich_action, *fmt.rich_actions]

    def opened() -> None:
        on = win.current_view() == "compose"
        for a in commands:
            a.setEnabled(on)

    def closed() -> None:  # their keys work in Compose whatever the menu showed
        for a in commands:
            a.setEnabled(True)

    menu.aboutToShow.connect(opened)
    menu.aboutToHide.connect(closed)
    fmt.said.connect(lambda text: win.statusBar().showMessage(shown(text), STATUS_MS))
    return menu
