"""Every text a window or dialog shows or speaks, with the path of the widget that holds it: window titles,
labels, buttons, check boxes, group boxes, tabs, the menu bar's titles and every menu's actions, placeholders,
list and table headers, combo box items, the sidebar's items, tool tips, accessible names and descriptions, the
status bar. Used by the language proofs (tests/ui/test_pseudo_locale.py).

``escaped(text)`` is what is left of a shown text once the catalogue's (pseudo-translated) parts and the test's
known data are taken out: anything with letters left escaped translation."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QKeySequence, QTextDocumentFragment
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QDialogButtonBox, QGroupBox, QLabel,
                               QLineEdit, QListWidget, QMainWindow, QMenu, QPlainTextEdit, QStatusBar, QTabBar,
                               QTextEdit, QWidget)

from tests.helpers.pseudo_locale import without_catalogue_words


def widget_path(w: QWidget) -> str:
    """``MainWindow/…/QLabel#name``: each ancestor's class and object name."""
    parts = []
    while w is not None:
        name = w.objectName()
        parts.append(type(w).__name__ + (f"#{name}" if name else ""))
        w = w.parentWidget()
    return "/".join(reversed(parts))


def _plain(text: str) -> str:
    if GuiQt.mightBeRichText(text):
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def _menu_texts(menu: QMenu, path: str, out: list) -> None:
    out.append((path, "menu title", menu.title()))
    for act in menu.actions():
        if act.isSeparator() or not act.isVisible():
            continue
        if act.menu() is not None:
            _menu_texts(act.menu(), f"{path}>{act.menu().title()}", out)
            continue
        out.append((f"{path}>{act.text()}", "action", act.text()))
        if act.toolTip() and act.toolTip() != act.text().replace("&", ""):
            out.append((f"{path}>{act.text()}", "action tooltip", act.toolTip()))


def menu_texts(win: QMainWindow) -> list[tuple[str, str, str]]:
    """The menu bar's titles and every menu's actions (submenus too)."""
    out: list = []
    for act in win.menuBar().actions():
        if act.menu() is not None and act.isVisible():
            _menu_texts(act.menu(), "menu:" + act.menu().title(), out)
    return out


def _texts_of(w: QWidget) -> list[tuple[str, str]]:
    found = []
    if isinstance(w, QLabel) and w.pixmap().isNull():
        found.append(("label", w.text()))
    elif isinstance(w, QAbstractButton) and not _qt_own_button(w):
        found.append(("button", w.text()))
    elif isinstance(w, QGroupBox):
        found.append(("group box", w.title()))
    elif isinstance(w, QTabBar):
        for i in range(w.count()):
            found += [("tab", w.tabText(i)), ("tab tooltip", w.tabToolTip(i))]
    elif isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit)):
        found.append(("placeholder", w.placeholderText()))
    elif isinstance(w, QComboBox):
        found += [("combo item", w.itemText(i)) for i in range(w.count())]
    elif isinstance(w, QStatusBar):
        found.append(("status bar", w.currentMessage()))
    if isinstance(w, QListWidget) and _is_sidebar(w):
        for i in range(w.count()):
            found += [("sidebar item", w.item(i).text()), ("sidebar tooltip", w.item(i).toolTip())]
    if isinstance(w, QAbstractItemView) and w.model() is not None:
        found += _header_texts(w)
    found += [("tooltip", w.toolTip()), ("accessible name", w.accessibleName()),
              ("accessible description", w.accessibleDescription())]
    return [(kind, _plain(t)) for kind, t in found if t and t.strip()]


def _qt_own_button(button: QAbstractButton) -> bool:
    """A dialog button box's standard button with Qt's own words (Cancel, Close, Save…): Qt's catalogue
    (qtbase_<lang>.qm, installed with the app's) translates it, the pseudo-locale has none of Qt's words."""
    box = button.parentWidget()
    if not isinstance(box, QDialogButtonBox) or box.standardButton(button) == QDialogButtonBox.NoButton:
        return False
    plain = QDialogButtonBox(box.standardButton(button))
    try:
        return plain.buttons()[0].text() == button.text()
    finally:
        plain.deleteLater()


def _is_sidebar(w: QListWidget) -> bool:
    win = w.window()
    return getattr(win, "sidebar", None) is w


def _header_texts(view: QAbstractItemView) -> list[tuple[str, str]]:
    model, found = view.model(), []
    header = getattr(view, "horizontalHeader", None)
    if header is not None and header().isVisible():
        for c in range(model.columnCount()):
            if not header().isSectionHidden(c):
                found.append(("header", str(model.headerData(c, Qt.Horizontal, Qt.DisplayRole) or "")))
    return found


def shown_texts(top: QWidget) -> list[tuple[str, str, str]]:
    """(widget path, kind, text) of every text ``top`` (a window or dialog) shows: its title and its visible
    widgets' (not those of another window it owns); with a menu bar, the menus' too."""
    out = [(widget_path(top), "window title", top.windowTitle())] if top.isWindow() else []
    for w in [top, *top.findChildren(QWidget)]:
        if not w.isVisible() or w.window() is not top.window():
            continue
        out += [(widget_path(w), kind, text) for kind, text in _texts_of(w)]
    if isinstance(top, QMainWindow):
        out += menu_texts(top)
    return [row for row in out if row[2] and row[2].strip()]


#: the test's known data: what may show untranslated (it is not the window's words)
KNOWN_DATA = [
    r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+",  # addresses
    r"\b(?:https?|file)://\S+",  # URLs
    r"\S+\.(?:eml|csv|txt|pdf|png|html|json|log|asmx)\b",  # file names
    r"\b(?:Microsoft 365|Dispatch|Exchange)\b",  # product names
    r"\b(?:English|Français|Deutsch)\b",  # View > Language: each language named in its own words
    r"\b(?:Basic|NTLM)\b",  # the account's authentication schemes, by the names servers know them by
    r"\b(?:(?:Ctrl|Shift|Alt|Meta)\+)+\S+|\bF\d{1,2}\b",  # key sequences in a sentence (a named key alone below)
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b",  # C-locale dates
    r"\b(?:AM|PM)\b",
    r"\d+",  # numbers, dates, times
]
_DATA = re.compile("|".join(KNOWN_DATA))


def is_key_sequence(text: str) -> bool:
    """``text`` only names keys ("Return", "Esc", "Ctrl+Shift+P", "Home, End"): the F1 sheet's keys column."""
    parts = [p.strip() for p in re.split(r"[,/]| or ", text) if p.strip()]
    return bool(parts) and all(_one_key(p) for p in parts)


#: keys named alone on the F1 sheet (not "Delete", "Send", "Refresh": Qt knows keys by those names, and so would a
#: button that escaped translation)
_NAMED_KEYS = {"Return", "Esc", "Tab", "Space", "Home", "End", "Up", "Down", "Left", "Right", "PgUp", "PgDown",
               "Backspace", "Ins", "Del"}


def _one_key(part: str) -> bool:
    if QKeySequence.fromString(part, QKeySequence.PortableText).toString() != part:
        return False
    return "+" in part or len(part) == 1 or part in _NAMED_KEYS or re.fullmatch(r"F\d{1,2}", part) is not None


def escaped(text: str, data: tuple[str, ...] = ()) -> str:
    """What of ``text`` is not from the catalogue nor known data: "" when every word was translated. ``data``:
    more of the test's data (subjects, bodies it typed)."""
    if is_key_sequence(text):
        return ""
    # a key that is a bracket (Outdent's Ctrl+[) would read as the pseudo-locale's brackets
    rest = without_catalogue_words(re.sub(r"(?:(?:Ctrl|Shift|Alt|Meta)\+)+[\[\]]", " ", text.replace("&&", "&")))
    for item in sorted(data, key=len, reverse=True):
        rest = rest.replace(item, " ")
    rest = _DATA.sub(" ", rest)
    return rest.strip() if re.search(r"[^\W\d_]", rest) else ""
