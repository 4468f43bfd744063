"""The window's dialogs as the keyboard opens them, and its views by their keys: shared by the tests that open
each of them (tests/ui/test_dialog_focus_return.py, the language proofs: pseudo-locale, clipping, mnemonics).

``compose_ready`` puts the user in Compose's Subject with a recipient (Send later needs one); ``open_by_keys``
presses a dialog's keys there and returns the dialog once it is the active window with the keyboard in it;
``close_by_escape`` closes it as a user would. ``show_view`` shows a view by its key (Ctrl+1 … Ctrl+4).
``PARTS`` are what the keys show inside the window (Compose's more options, the find bar, the command palette):
``show_part`` shows one, ``hide_part`` hides it again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.keys import CTRL, SHIFT, focus_key, key, type_text

#: dialog -> its keys (pressed in Compose's Subject)
KEYS = {"account": (Qt.Key_Comma, CTRL), "shortcuts": (Qt.Key_F1, Qt.NoModifier),
        "send-from": (Qt.Key_H, CTRL | SHIFT), "merge": (Qt.Key_M, CTRL | SHIFT),
        "snippets": (Qt.Key_L, CTRL | SHIFT), "send-later": (Qt.Key_T, CTRL | SHIFT),
        "address-book": (Qt.Key_B, CTRL | SHIFT)}

#: view -> its key
VIEW_KEYS = {"compose": Qt.Key_1, "drafts": Qt.Key_2, "sent": Qt.Key_3, "outbox": Qt.Key_4}


def other_active(win):
    """The active window when it is not ``win`` (a dialog of it), else None."""
    w = QApplication.activeWindow()
    return w if w is not None and w is not win else None


def compose_ready(qtbot, win, to: str = "bob@example.com", subject: str = "Quarterly numbers"):
    """The user is in Compose's Subject, ``to`` in To (Send later needs a recipient), ``subject`` typed."""
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
    key(qtbot, win, Qt.Key_1, CTRL)
    c = win.compose
    c.to.setFocus(Qt.OtherFocusReason)
    qtbot.keyClicks(QApplication.focusWidget(), to)
    c.subject.setFocus(Qt.OtherFocusReason)
    qtbot.keyClicks(c.subject, subject)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is c.subject, timeout=3000)
    return c.subject


#: dialog -> the command, as its menu entry's catalogue words (context, English), typed in the command palette
#: (Ctrl+Shift+P) in the window's language to find it (no key of its own: a menu's command)
PALETTE = {"about": ("Menu", "&About {app}")}


def _palette_words(name: str) -> str:
    from app import APP_NAME
    from app.ui.common.tr import translate

    return translate(*PALETTE[name]).format(app=APP_NAME).replace("&", "")

#: every dialog the keyboard opens
DIALOGS = [*KEYS, *PALETTE]


def open_by_keys(qtbot, win, name: str):
    """Press dialog ``name``'s keys where the keyboard is (or run its command from the palette); the dialog,
    active, the keyboard in it."""
    if name in PALETTE:
        key(qtbot, win, Qt.Key_P, CTRL | SHIFT)
        qtbot.waitUntil(lambda: win.power.palette is not None and win.focusWidget() is win.power.palette.field,
                        timeout=5000)
        type_text(qtbot, win.power.palette.field, _palette_words(name))
        qtbot.keyClick(win.power.palette.field, Qt.Key_Return)
    else:
        qtbot.keyClick(QApplication.focusWidget() or win, *KEYS[name])
    qtbot.waitUntil(lambda: other_active(win) is not None and other_active(win).isVisible(), timeout=10000)
    dlg = other_active(win)
    qtbot.waitUntil(lambda: dlg.isAncestorOf(QApplication.focusWidget()), timeout=5000)
    return dlg


def close_by_escape(qtbot, win, dlg) -> None:
    """Escape, as a user closes it; back in the window (made active when the dialog does not give it back:
    tests/ui/test_dialog_focus_return.py is where that is checked)."""
    focus_key(qtbot, win, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=5000)
    if QApplication.activeWindow() is not win:
        win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)


def show_view(qtbot, win, name: str) -> None:
    """View ``name`` by its key (Ctrl+1 … Ctrl+4), shown."""
    key(qtbot, win, VIEW_KEYS[name], CTRL)
    qtbot.waitUntil(lambda: win.current_view() == name, timeout=5000)


#: part of the window -> (the view it is shown in, its keys, is it shown?, the key that hides it)
PARTS = {
    "more-options": ("compose", (Qt.Key_O, CTRL | SHIFT), lambda win: win.compose.more.isVisible(),
                     (Qt.Key_O, CTRL | SHIFT)),
    "find-bar": ("compose", (Qt.Key_F, CTRL), lambda win: win.find_bar.isVisible(), (Qt.Key_Escape, Qt.NoModifier)),
    "palette": ("compose", (Qt.Key_P, CTRL | SHIFT),
                lambda win: win.power.palette is not None and win.power.palette.isVisible(),
                (Qt.Key_Escape, Qt.NoModifier)),
}


def show_part(qtbot, win, name: str) -> None:
    """Part ``name`` of the window shown by its keys (in its view)."""
    view, keys, shown, _hide = PARTS[name]
    show_view(qtbot, win, view)
    key(qtbot, win, *keys)
    qtbot.waitUntil(lambda: shown(win), timeout=5000)


def hide_part(qtbot, win, name: str) -> None:
    _view, _keys, shown, hide = PARTS[name]
    focus_key(qtbot, win, *hide)
    qtbot.waitUntil(lambda: not shown(win), timeout=5000)


# ---- the bars that appear over the window (they share the window's Alt+letters with its menu bar) ----
def _discard_bar(win):
    from app.ui.compose.compose_flows import DiscardBar

    return win.compose.findChild(DiscardBar)


#: bar -> (its view, how the keys bring it up, the bar) — each shown by its keys, taken back by ``hide_bar``
BARS = {
    # Ctrl+Shift+D in Compose: "Message discarded — Undo"
    "discard": ("compose", lambda qtbot, win: focus_key(qtbot, win, Qt.Key_D, CTRL | SHIFT), _discard_bar),
    # Ctrl+K in the body: the link bar (rich text on)
    "link": ("compose", lambda qtbot, win: (win.compose.body.setFocus(Qt.OtherFocusReason),
                                            focus_key(qtbot, win, Qt.Key_K, CTRL)),
             lambda win: win.compose.fmt.link_bar),
    # Delete on a draft in Drafts: "Draft deleted — Undo"
    "drafts-undo": ("drafts", lambda qtbot, win: focus_key(qtbot, win, Qt.Key_Delete),
                    lambda win: win.drafts.undo_bar),
}


def show_bar(qtbot, win, name: str):
    """Bar ``name`` brought up by its keys (Compose holds a message: ``compose_ready`` first); the bar."""
    view, keys, bar = BARS[name]
    show_view(qtbot, win, view)
    if view == "drafts":
        qtbot.waitUntil(lambda: win.drafts.model.rowCount() > 0, timeout=10000)
        win.drafts.table.setFocus(Qt.OtherFocusReason)
        key(qtbot, win, Qt.Key_Home)
    keys(qtbot, win)
    qtbot.waitUntil(lambda: bar(win) is not None and bar(win).isVisible(), timeout=5000)
    return bar(win)


def hide_bar(qtbot, win, name: str) -> None:
    """Ctrl+Z takes a discard or a delete back; Escape closes the link bar."""
    _view, _keys, bar = BARS[name]
    focus_key(qtbot, win, *((Qt.Key_Escape, Qt.NoModifier) if name == "link" else (Qt.Key_Z, CTRL)))
    qtbot.waitUntil(lambda: not bar(win).isVisible(), timeout=5000)
