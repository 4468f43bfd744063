"""Duplicate mnemonics: two words of one menu, or of one dialog, that take the same Alt+letter (``&S``). Qt then
does neither at once (it moves between them), so a translation that picks a taken letter breaks a key.

A scope is what shares the Alt+letters: the menu bar's titles; each menu's actions; a dialog's visible buttons,
check boxes, group boxes, tabs and labels with a buddy (a label's ``&`` works only with one); the main window's
own view together with its menu bar titles (Alt+letter opens a menu there). ``clashes`` names each duplicate with
the words and the widgets' paths."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMainWindow, QMenu, QTabBar, QWidget

from tests.helpers.visible_text import widget_path


def letter(text: str) -> str:
    """The key of ``text``'s mnemonic ("&Send" -> "S"; "&&" is a literal &), "" when it has none."""
    seq = QKeySequence.mnemonic(text)
    return seq.toString().split("+")[-1].upper() if not seq.isEmpty() else ""


def clashes(scope: str, words: list[tuple[str, str]]) -> list[str]:
    """``words``: (where, text) sharing one set of Alt+letters; one line per letter taken more than once."""
    by_key = defaultdict(list)
    for where, text in words:
        if k := letter(text):
            by_key[k].append(f"{text!r} ({where})")
    return [f"{scope}: Alt+{k} is {' and '.join(users)}" for k, users in by_key.items() if len(users) > 1]


def menu_clashes(win: QMainWindow) -> list[str]:
    """The menu bar's titles, and each menu's (and submenu's) visible actions."""
    titles = [(f"menu bar>{a.text()}", a.text()) for a in win.menuBar().actions() if a.isVisible()]
    found = clashes("menu bar", titles)
    menus = [a.menu() for a in win.menuBar().actions() if a.menu() is not None and a.isVisible()]
    while menus:
        menu: QMenu = menus.pop()
        acts = [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]
        found += clashes(f"menu {menu.title()!r}", [(menu.title(), a.text()) for a in acts])
        menus += [a.menu() for a in acts if a.menu() is not None]
    return found


def widget_words(top: QWidget) -> list[tuple[str, str]]:
    """(path, text) of ``top``'s visible widgets whose ``&`` is a key: buttons, check boxes, group boxes, tabs,
    labels with a buddy (not those of another window it owns)."""
    words = []
    for w in top.findChildren(QWidget):
        if not w.isVisible() or w.window() is not top:
            continue
        if isinstance(w, QAbstractButton):
            words.append((widget_path(w), w.text()))
        elif isinstance(w, QGroupBox):
            words.append((widget_path(w), w.title()))
        elif isinstance(w, QLabel) and w.buddy() is not None:
            words.append((widget_path(w), w.text()))
        elif isinstance(w, QTabBar):
            words += [(f"{widget_path(w)}[{i}]", w.tabText(i)) for i in range(w.count()) if w.isTabVisible(i)]
    return words


def dialog_clashes(name: str, dlg: QWidget) -> list[str]:
    return clashes(f"dialog {name}", widget_words(dlg))


def view_clashes(name: str, win: QMainWindow) -> list[str]:
    """The window as ``name`` shows it: its visible words and the menu bar's titles share the Alt+letters."""
    titles = [(f"menu bar>{a.text()}", a.text()) for a in win.menuBar().actions() if a.isVisible()]
    return clashes(f"view {name}", widget_words(win) + titles)


def unmarked_actions(win: QMainWindow) -> list[str]:
    """The menus' visible entries with no Alt+letter of their own (each menu entry has one, as Outlook's)."""
    found = []
    menus = [a.menu() for a in win.menuBar().actions() if a.menu() is not None and a.isVisible()]
    while menus:
        menu: QMenu = menus.pop()
        for a in menu.actions():
            if a.isVisible() and not a.isSeparator() and not letter(a.text()):
                found.append(f"menu {menu.title()!r}: {a.text()!r} has no Alt+letter")
            if a.menu() is not None and a.isVisible():
                menus.append(a.menu())
    return found


def alt_key(text: str):
    """The Qt key of ``text``'s Alt+letter ("Ann&uler" -> Qt.Key_U)."""
    return QKeySequence.mnemonic(text)[0].key()
