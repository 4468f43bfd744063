"""File → Mail merge… (Ctrl+Shift+M), wired into the window; the dialog (app/ui/merge/merge_dialog.py) is built
the first time it is used. Ctrl+Shift+M is free in Dispatch (Outlook's New message, which Dispatch has on
Ctrl+N); the F1 sheet and the command palette list it from the window's actions."""

from __future__ import annotations

MERGE_KEYS = "Ctrl+Shift+M"


def build(win):
    """The File menu's Mail merge… action (the window's ``merge_action`` part)."""
    from app.ui.common.window_action import window_action

    def open_merge() -> None:
        from app.ui.common.dialog_return import return_focus
        from app.ui.merge.merge_dialog import MergeDialog

        win.first_use("merge_dialog", lambda: return_focus(MergeDialog(win), win)).start()

    from app.ui.common.tr import translate

    action = window_action(win, translate("MailMerge", "Mail me&rge…"), MERGE_KEYS, open_merge, "actMailMerge")
    menus = getattr(win, "menus", None)
    if menus and "&File" in menus:
        acts = getattr(win, "actions_", None)
        file_menu = menus["&File"]
        before = acts.account if acts is not None else None
        if before is not None and before in file_menu.actions():
            file_menu.insertAction(before, action)
        else:
            file_menu.addAction(action)
    return action
