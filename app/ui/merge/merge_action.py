"""File → Mail merge… (Ctrl+Shift+M), wired into the window; the dialog (app/ui/merge/merge_dialog.py) is built
the first time it is used. Ctrl+Shift+M is free in Dispatch (Outlook's New message, which Dispatch has on
Ctrl+N); the F1 sheet and the command palette list it from the window's actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.ui.common.port import Flows, ShellPort

MERGE_KEYS = "Ctrl+Shift+M"


def build(port: ShellPort, compose, flows: Flows, news, *, journal_bridge, timing, before=None):
    """The File menu's Mail merge… action (the window's ``merge_action`` part), before ``before`` (Account…);
    ``flows``: the window's workflows (its tasks); ``news``: the core's events as signals; ``journal_bridge()``, ``timing()``: the account's journal bridge
    and Compose's undo send, once built."""
    from app.ui.common.window_action import window_action

    def open_merge() -> None:
        from app.ui.common.dialog_return import return_focus
        from app.ui.merge.merge_dialog import MergeDialog

        def dialog():
            return return_focus(MergeDialog(port, compose, flows.spawn, news, journal_bridge=journal_bridge,
                                            delay=lambda: timing().delay()), port.dialog_parent)

        port.first_use("merge_dialog", dialog).start()

    from app.ui.common.tr import translate

    action = window_action(port.dialog_parent, translate("MailMerge", "Mail me&rge…"), MERGE_KEYS, open_merge,
                           "actMailMerge")
    file_menu = port.menu("&File")
    if file_menu is not None:
        if before is not None and before in file_menu.actions():
            file_menu.insertAction(before, action)
        else:
            file_menu.addAction(action)
    return action
