"""Every command: a QAction with a shortcut AND a menu entry. The mouse is never required."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction

from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.addressbook.book_keys import BOOK_CONTEXT_KEYS
from app.ui.common.tr import translate
from app.ui.common.window_action import window_action


#: The keys that are not a command of a menu: they act where the keyboard is (a suggestion list, a bar,
#: a dialog). The F1 sheet lists them with the menus' commands (app/ui/window/shortcuts.py), so every key the
#: window answers to is on it. (group, what it does, the keys in QKeySequence's words, one per choice; the
#: group and the words are translated where shown, context "Shortcuts")
CONTEXT_KEYS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("Shortcuts", "Compose"),
     QT_TRANSLATE_NOOP("Shortcuts", "Recipient suggestion: take it, stay in the field"),
     ("Return", ",", ";")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Compose"),
     QT_TRANSLATE_NOOP("Shortcuts", "Recipient suggestion: take it, go to the next field"),
     ("Tab",)),
    (QT_TRANSLATE_NOOP("Shortcuts", "Compose"),
     QT_TRANSLATE_NOOP("Shortcuts", "Snippet: its trigger word, then Tab"),
     ("Tab",)),
    (QT_TRANSLATE_NOOP("Shortcuts", "Compose"),
     QT_TRANSLATE_NOOP("Shortcuts", "Link field: apply / cancel"),
     ("Return", "Esc")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Compose"),
     QT_TRANSLATE_NOOP("Shortcuts", "Undo send, delete or discard (while its bar shows)"),
     ("Ctrl+Z",)),
    (QT_TRANSLATE_NOOP("Shortcuts", "Send later"),
     QT_TRANSLATE_NOOP("Shortcuts", "Tomorrow morning / Monday morning"),
     ("Alt+T", "Alt+M")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Send later"),
     QT_TRANSLATE_NOOP("Shortcuts", "At: a time you type, Enter schedules"),
     ("Alt+A", "Return")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Send later"),
     QT_TRANSLATE_NOOP("Shortcuts", "Cancel"),
     ("Esc",)),
    (QT_TRANSLATE_NOOP("Shortcuts", "Lists"),
     QT_TRANSLATE_NOOP("Shortcuts", "First / last row"),
     ("Home", "End")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Lists"),
     QT_TRANSLATE_NOOP("Shortcuts", "Extend the selection"),
     ("Shift+Up", "Shift+Down")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Lists"),
     QT_TRANSLATE_NOOP("Shortcuts", "Select or unselect a row"),
     ("Ctrl+Space",)),
    (QT_TRANSLATE_NOOP("Shortcuts", "Find in message"),
     QT_TRANSLATE_NOOP("Shortcuts", "Next / previous match, close"),
     ("Return", "Shift+Return", "Esc")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Command palette"),
     QT_TRANSLATE_NOOP("Shortcuts", "Move, run, close"),
     ("Up", "Down", "Return", "Esc")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Mailboxes you send from"),
     QT_TRANSLATE_NOOP("Shortcuts", "Add the typed mailbox / remove the selected one"),
     ("Return", "Delete")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Mailboxes you send from"),
     QT_TRANSLATE_NOOP("Shortcuts", "Sent copy: its Sent Items or yours"),
     ("Space",)),

    *BOOK_CONTEXT_KEYS,  # the address book's (app/ui/addressbook/book_keys.py)

    (QT_TRANSLATE_NOOP("Shortcuts", "Dialogs"),
     QT_TRANSLATE_NOOP("Shortcuts", "Run the dialog's main action from any field"),
     ("Return",)),
)


@dataclass
class Actions:
    new: QAction
    save: QAction
    send: QAction
    send_selected: QAction
    attach: QAction
    insert_image: QAction
    discard: QAction
    view_compose: QAction
    view_drafts: QAction
    view_sent: QAction
    more_options: QAction
    choose_from: QAction
    send_from: QAction
    open: QAction
    delete: QAction
    reply_all: QAction
    forward: QAction
    edit_as_new: QAction
    refresh: QAction
    account: QAction
    shortcuts: QAction
    quit: QAction

    def all(self) -> list[QAction]:
        return [getattr(self, f) for f in self.__dataclass_fields__]


def build_actions(win) -> Actions:
    """``win`` is the MainWindow; open/delete are the Drafts view's own (context: its list)."""
    from app.ui.compose import from_flows

    drafts, flows = win.drafts, win.flows
    return Actions(
        new=window_action(win, translate("Menu", "&New message"), "Ctrl+N", flows.new_message, "actNew"),
        # Save/Send go through the composer's signals, so the button, the menu and the key are one path
        # (listeners such as the journal see every save/send request)
        save=window_action(win, translate("Menu", "&Save draft"), "Ctrl+S", win.compose.save_requested.emit, "actSave"),
        send=window_action(win, translate("Menu", "Sen&d"), ["Ctrl+Return", "Ctrl+Enter"], win.compose.send_requested.emit, "actSend"),
        send_selected=window_action(win, translate("Menu", "Send se&lected drafts"), ["Ctrl+Shift+Return", "Ctrl+Shift+Enter"],
                           flows.drafts.send_selected, "actSendSelected"),
        attach=window_action(win, translate("Menu", "&Attach files…"), "Ctrl+Shift+A", flows.attach_files, "actAttach"),
        # a picture in a rich body, sent as an inline attachment (app/ui/compose/inline_images.py)
        insert_image=window_action(win, translate("Menu", "Insert &image…"), "Ctrl+Shift+I", flows.insert_image, "actInsertImage"),
        # not Ctrl+Delete: in a text field that deletes the next word
        discard=window_action(win, translate("Menu", "Dis&card message (with Undo)"), "Ctrl+Shift+D", flows.discard, "actDiscard"),
        view_compose=window_action(win, translate("Menu", "&Compose"), "Ctrl+1", lambda: win.show_view("compose"), "actViewCompose"),
        view_drafts=window_action(win, translate("Menu", "&Drafts"), "Ctrl+2", lambda: win.show_view("drafts"), "actViewDrafts"),
        view_sent=window_action(win, translate("Menu", "S&ent"), "Ctrl+3", lambda: win.show_view("sent"), "actViewSent"),
        # Compose's Reply-To, sensitivity and categories (app/ui/compose/more_options.py); O for options
        more_options=window_action(win, translate("Menu", "More &options in Compose"), "Ctrl+Shift+O", lambda: _more_options(win),
                          "actMoreOptions"),
        # who it is from, when the account may send from other mailboxes (app/ui/compose/from_flows.py)
        choose_from=window_action(win, translate("Menu", "Choose who it is &from"), "Ctrl+Shift+F", lambda: from_flows.choose_from(win.port, win.compose),
                         "actChooseFrom"),
        # H for sHared mailboxes (Ctrl+Shift+M is Mail merge)
        send_from=window_action(win, translate("Menu", "Mailboxes you send &from…"), "Ctrl+Shift+H", lambda: from_flows.edit_send_from(win.port, win.compose),
                       "actSendFrom"),
        open=drafts.open_action,
        delete=drafts.delete_action,
        # Sent's own (context: its list and preview): Ctrl+Shift+R, Ctrl+L, Ctrl+E as Thunderbird
        reply_all=win.sent.follow_up_actions["reply_all"],
        forward=win.sent.follow_up_actions["forward"],
        edit_as_new=win.sent.follow_up_actions["edit_as_new"],
        refresh=window_action(win, translate("Menu", "&Refresh"), "F5", flows.refresh, "actRefresh"),
        account=window_action(win, translate("Menu", "Accoun&t settings…"), "Ctrl+,", win.edit_account, "actAccount"),
        shortcuts=window_action(win, translate("Menu", "&Keyboard shortcuts"), "F1", win.show_shortcuts, "actShortcuts"),
        quit=window_action(win, translate("Menu", "&Quit"), "Ctrl+Q", win.close, "actQuit"),
    )


def _more_options(win) -> None:
    win.show_view("compose")
    win.compose.more.toggle()


def build_menus(win, acts: Actions) -> None:
    if not getattr(win, "menus", None):
        from app.ui.window.frame import add_menus

        add_menus(win)
    menus = win.menus
    m = menus["&File"]
    for a in (acts.new, acts.save, acts.send, acts.attach, acts.insert_image, acts.discard):
        m.addAction(a)
    m.addSeparator()
    m.addAction(acts.account)
    m.addAction(acts.send_from)
    m.addSeparator()
    m.addAction(acts.quit)
    m = menus["&Drafts"]
    for a in (acts.open, acts.delete, acts.send_selected, acts.refresh):
        m.addAction(a)
    m.addSeparator()  # the Sent list's: follow up the previewed message
    for a in (acts.reply_all, acts.forward, acts.edit_as_new):
        m.addAction(a)
    m = menus["&View"]
    for a in (acts.view_compose, acts.view_drafts, acts.view_sent):
        m.addAction(a)
    win.parts.fill(views_end=m.addSeparator())  # more views (the Outbox, Ctrl+4) go before it: the menu's order is Ctrl+1…4
    for a in (acts.more_options, acts.choose_from):
        m.addAction(a)
    from app.ui.window.theme_menu import add_theme_menu

    add_theme_menu(win, m)
    from app.ui.window.language_menu import add_language_menu

    add_language_menu(win, m)
    menus["&Help"].addAction(acts.shortcuts)
