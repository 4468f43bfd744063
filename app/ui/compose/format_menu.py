"""The Format menu (Alt+O), between Edit and Drafts: Rich text on/off (Ctrl+Shift+X) and every formatting
command of Compose (app/ui/compose/formatting.py), with their keys.

The commands act on the Compose body, so the menu offers them while Compose is on screen (elsewhere they
are shown greyed out while the menu is open). What a command says (e.g. that a formatting key switched the
message to rich text) goes to the status bar.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from app.ui.common.port import ShellPort
from app.ui.common.tr import shown, translate

STATUS_MS = 6000


def build_format_menu(port: ShellPort, fmt) -> QMenu:
    """The menu, before Drafts in the menu bar, for Compose's formatting (``fmt``: app.ui.compose.formatting)."""
    menu = QMenu(translate("Format", "F&ormat"), port.dialog_parent)
    menu.setObjectName("menuFormat")
    port.add_menu("&Format", menu, before="&Drafts")
    menu.addAction(fmt.rich_action)
    menu.addSeparator()
    for a in fmt.rich_actions:
        menu.addAction(a)
    commands = [fmt.rich_action, *fmt.rich_actions]

    def opened() -> None:
        on = port.current_view() == "compose"
        for a in commands:
            a.setEnabled(on)

    def closed() -> None:  # their keys work in Compose whatever the menu showed
        for a in commands:
            a.setEnabled(True)

    menu.aboutToShow.connect(opened)
    menu.aboutToHide.connect(closed)
    fmt.said.connect(lambda text: port.say(shown(text), ms=STATUS_MS))
    return menu
