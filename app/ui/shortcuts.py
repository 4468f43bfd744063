"""F1: a sheet listing every keyboard shortcut of the window (non-modal).

It is built from the window's real QActions each time it opens (:func:`collect`): every QAction among
the window's children with a shortcut, grouped by the menu it is in (File, Edit, Drafts, View, Help) or,
for a view's own actions (e.g. Compose's formatting keys, the Outbox's Retry), by that view. A new
action shows up here by itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QMenu, QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.ui.safe_text import PlainLabel


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
            return len(bar_menus) + 1 + max(idx, 0), obj.accessibleName() or "View"
        obj = obj.parent()
    return 1000, "Window"


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


class ShortcutSheet(QDialog):
    def __init__(self, window, parent=None):
        super().__init__(parent if parent is not None else window)
        self._window = window
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        self.setModal(False)
        lay = QVBoxLayout(self)
        title = PlainLabel("Keyboard shortcuts", self)
        title.setObjectName("viewTitle")
        lay.addWidget(title)
        self.table = QTableWidget(0, 2, self)
        self.table.setAccessibleName("Shortcut list")
        self.table.setHorizontalHeaderLabels(["Action", "Shortcut"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        lay.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.close)
        lay.addWidget(buttons)
        self.resize(560, 600)
        self.setAttribute(Qt.WA_DeleteOnClose, False)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the list from the window's actions as they are now."""
        t = self.table
        t.clearSpans()
        t.setRowCount(0)
        bold = QFont(t.font())
        bold.setBold(True)
        for group, rows in collect(self._window):
            r = t.rowCount()
            t.insertRow(r)
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
        t.resizeColumnToContents(0)
        t.setColumnWidth(0, max(t.columnWidth(0) + 24, 260))

    def rows(self) -> list[tuple[str, str]]:
        """(action, keys) as listed (group headings left out)."""
        out = []
        for r in range(self.table.rowCount()):
            k = self.table.item(r, 1)
            if k is not None:
                out.append((self.table.item(r, 0).text().strip(), k.text()))
        return out

    def showEvent(self, ev):  # noqa: N802 - opened again: the actions may have changed
        self.refresh()
        super().showEvent(ev)
