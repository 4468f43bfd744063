"""F1: a sheet listing every keyboard shortcut of the window (non-modal).

It is built from the window's real QActions each time it opens (:func:`collect`): every QAction among
the window's children with a shortcut, grouped by the menu it is in (File, Edit, Drafts, View, Help) or,
for a view's own actions (e.g. Compose's "Remove attachment", the Outbox's Retry), by that view. A new
action shows up here by itself. After them come the keys that are no menu command (a suggestion list's
Tab, a snippet's Tab, the Send later dialog's keys: ``app.ui.window.actions.CONTEXT_KEYS``), so every key is here.

The sheet is as wide as its longest row (no key is cut off) and typing filters it: the field at its top has
the keyboard when it opens; each word typed must appear in a row's action, keys or group.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QLineEdit, QMenu, QStackedWidget, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.clear_action import add_clear_action
from app.ui.common.safe_text import PlainLabel
from app.ui.common.tr import translate

PAD = 32  # a cell's margins and a little air


def _keys(act: QAction) -> str:
    return ", ".join(s.toString(QKeySequence.NativeText) for s in act.shortcuts() if not s.isEmpty())


def label(act: QAction) -> str:
    """An action's words as the sheet shows them (mnemonic ampersands dropped)."""
    return act.text().replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _group(window, act: QAction) -> tuple[int, str]:
    """(order, name): the first menu bar menu holding ``act``, else the view (a page of the window's
    stack) it belongs to, else "Window"."""
    bar_menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    for i, m in enumerate(bar_menus):
        if act in m.actions():
            return i, m.title().replace("&", "")
    for o in act.associatedObjects():
        if isinstance(o, QMenu) and o.title():
            return len(bar_menus), o.title().replace("&", "")
    obj = act.parent()
    while obj is not None:
        parent = obj.parent() if isinstance(obj, QWidget) else None
        if isinstance(parent, QStackedWidget) and isinstance(obj, QWidget):
            idx = parent.indexOf(obj)
            return len(bar_menus) + 1 + max(idx, 0), obj.accessibleName() or translate("Shortcuts", "View")
        obj = obj.parent()
    return 1000, translate("Shortcuts", "Window")


def collect(window) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(group, [(action text, keys), ...]), ...]: every QAction of ``window`` with a shortcut, each
    (text, keys) once, groups in menu-bar order then view order."""
    groups: dict[tuple[int, str], list[tuple[str, str]]] = {}
    seen: set[tuple[str, str]] = set()
    for act in window.findChildren(QAction):
        keys = _keys(act)
        if not keys or act.menu() is not None:
            continue
        text = label(act) or act.toolTip() or act.objectName()
        if (text, keys) in seen:
            continue
        seen.add((text, keys))
        groups.setdefault(_group(window, act), []).append((text, keys))
    # within a menu: the menu's order; elsewhere: the order the actions were made
    out = []
    bar = {a.menu().title().replace("&", ""): a.menu() for a in window.menuBar().actions() if a.menu()}
    for (order, name), rows in sorted(groups.items(), key=lambda kv: kv[0]):
        menu = bar.get(name)
        if menu is not None:
            pos = {label(a): i for i, a in enumerate(menu.actions())}
            rows = sorted(rows, key=lambda r: pos.get(r[0], 999))
        out.append((name, rows))
    return out


#: punctuation keys by name (a list of keys is comma-separated); translated where shown
_NAMED = {",": QT_TRANSLATE_NOOP("Shortcuts", "Comma"), ";": QT_TRANSLATE_NOOP("Shortcuts", "Semicolon")}


def context_keys() -> list[tuple[str, list[tuple[str, str]]]]:
    """The keys that are no menu command, grouped as :func:`collect` groups (keys as the menus write them), in
    the user's language."""
    from app.ui.window.actions import CONTEXT_KEYS

    groups: dict[str, list[tuple[str, str]]] = {}
    for group, text, keys in CONTEXT_KEYS:
        shown = ", ".join(translate("Shortcuts", _NAMED[k]) if k in _NAMED
                          else QKeySequence(k).toString(QKeySequence.NativeText) for k in keys)
        groups.setdefault(translate("Shortcuts", group), []).append((translate("Shortcuts", text), shown))
    return list(groups.items())


def sheet_rows(window) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every key of the window: the actions' (:func:`collect`), then the others, in the group of that name
    when there is one."""
    out = [(g, list(rows)) for g, rows in collect(window)]
    index = {g: rows for g, rows in out}
    for group, rows in context_keys():
        if group in index:
            index[group].extend(rows)
        else:
            out.append((group, rows))
    return out


def matches(query: str, *texts: str) -> bool:
    """Every word of ``query`` is in one of ``texts`` (case-insensitive)."""
    hay = " ".join(texts).lower()
    return all(w in hay for w in query.lower().split())


class ShortcutSheet(QDialog):
    def __init__(self, window, parent=None):
        super().__init__(parent if parent is not None else window)
        self._window = window
        heading = translate("Shortcuts", "Keyboard shortcuts")
        self.setWindowTitle(heading)
        self.setAccessibleName(heading)
        self.setModal(False)
        lay = QVBoxLayout(self)
        title = PlainLabel(heading, self)
        title.setObjectName("viewTitle")
        lay.addWidget(title)
        self.filter = QLineEdit(self)
        self.filter.setAccessibleName(translate("Shortcuts", "Filter shortcuts"))
        self.filter.setPlaceholderText(translate("Shortcuts", "Type to filter: a command, a key (ctrl+shift), a group…"))
        add_clear_action(self.filter, translate("Shortcuts", "Clear the filter"))  # named: Qt's own clear button is read as "push button"
        self.filter.textChanged.connect(self._apply_filter)
        lay.addWidget(self.filter)
        self.table = QTableWidget(0, 2, self)
        self.table.setAccessibleName(translate("Shortcuts", "Shortcut list"))
        self.table.setHorizontalHeaderLabels([translate("Shortcuts", "Action"), translate("Shortcuts", "Shortcut")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # it is as wide as its rows
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        lay.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.close)
        lay.addWidget(buttons)
        self.setAttribute(Qt.WA_DeleteOnClose, False)
        self._groups: list[int] = []  # the rows that are group headings
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the list from the window's actions as they are now."""
        t = self.table
        t.clearSpans()
        t.setRowCount(0)
        self._groups = []
        bold = QFont(t.font())
        bold.setBold(True)
        for group, rows in sheet_rows(self._window):
            r = t.rowCount()
            t.insertRow(r)
            self._groups.append(r)
            head = QTableWidgetItem(group)
            head.setFont(bold)
            head.setFlags(Qt.ItemIsEnabled)
            t.setItem(r, 0, head)
            t.setSpan(r, 0, 1, 2)
            for text, keys in rows:
                r = t.rowCount()
                t.insertRow(r)
                t.setItem(r, 0, QTableWidgetItem("    " + text))
                t.setItem(r, 1, QTableWidgetItem(keys))
        self._fit_width()
        self._apply_filter(self.filter.text())

    def _fit_width(self) -> None:
        """Columns as wide as their longest cell, the sheet as wide as both (within the screen)."""
        t = self.table
        fm = t.fontMetrics()
        widths = [PAD + max([fm.horizontalAdvance(t.horizontalHeaderItem(c).text())]
                            + [fm.horizontalAdvance(t.item(r, c).text()) for r in range(t.rowCount())
                               if r not in self._groups]) for c in (0, 1)]
        m = self.layout().contentsMargins()
        chrome = t.verticalScrollBar().sizeHint().width() + 2 * t.frameWidth() + m.left() + m.right()
        want = sum(widths) + chrome
        screen = self.screen().availableGeometry().width() if self.screen() is not None else want
        width = max(560, min(want, screen - 40))
        if want > width:
            # on a narrow screen (or in a language with longer words: "Strg+Umschalt+Eingabe") the keys stay
            # whole and a long action's words wrap onto a second line
            widths[0] = width - chrome - widths[1]
            t.setWordWrap(True)
        t.setColumnWidth(0, widths[0])
        t.setColumnWidth(1, widths[1])
        if want > width:
            t.resizeRowsToContents()
        self.resize(width, max(self.height(), 600))

    def _apply_filter(self, text: str) -> None:
        """Only the rows whose action, keys or group hold every word typed; a group shows when a row of
        it does."""
        t = self.table
        starts = self._groups + [t.rowCount()]
        for g, end in zip(self._groups, starts[1:]):
            group = t.item(g, 0).text()
            shown = False
            for r in range(g + 1, end):
                ok = matches(text, t.item(r, 0).text(), t.item(r, 1).text(), group)
                t.setRowHidden(r, not ok)
                shown = shown or ok
            t.setRowHidden(g, not shown)

    def rows(self, shown_only: bool = False) -> list[tuple[str, str]]:
        """(action, keys) as listed (group headings left out; ``shown_only``: those the filter shows)."""
        out = []
        for r in range(self.table.rowCount()):
            k = self.table.item(r, 1)
            if k is not None and not (shown_only and self.table.isRowHidden(r)):
                out.append((self.table.item(r, 0).text().strip(), k.text()))
        return out

    def showEvent(self, ev):  # noqa: N802 - opened again: the actions may have changed
        self.filter.clear()
        self.refresh()
        super().showEvent(ev)
        self.activateWindow()  # F1 then typing filters it
        self.filter.setFocus(Qt.OtherFocusReason)
