"""The command palette (Ctrl+Shift+P): type a few letters of anything the window can do, Enter does it.

It lists, each with its shortcut: every QAction of the window that applies where the user is (read from
the window's actions each time it opens, so an action added later is there by itself; a view's own
command, such as the Drafts list's "Open draft" or Compose's "Bold", only while that view is on screen),
every view, the recent drafts (from the Drafts list already loaded: opening the palette never asks the
server), the snippets and the signatures. Matching is fuzzy (``app/domain/fuzzy.py``); a draft matched only
weakly comes after everything else that matches (``weak_draft``); when nothing
matches it says "No command matches". Up/Down (and Page Up/Down) move, Enter runs, Esc closes; the
keyboard goes back where it was.

The widget is built once, the first time it opens, and reused: opening it is collecting the entries and
one model reset (``bench/bench_palette.py`` measures it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QDialog, QFrame, QHeaderView, QLineEdit, QMenu, QTableView, QVBoxLayout,
    QWidget,
)

from app.domain.fuzzy import rank
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.safe_text import PlainLabel
from app.ui.common.tr import translate

#: the "where" of a draft's entry (translated where shown)
DRAFTS = QT_TRANSLATE_NOOP("Palette", "Drafts")
MAX_DRAFTS = 30
MAX_SHOWN = 200
# the highlighted entry is said once typing pauses this long (each letter changes it: said at each one, polite
# announcements queue up and the reader is left saying entries the user has typed past)
SAY_AFTER_TYPING_MS = 400


@dataclass
class Entry:
    label: str
    where: str  # the menu, view or kind it belongs to
    keys: str  # its shortcut as shown ("" when it has none)
    run: Callable[[], None] = field(repr=False, default=lambda: None)


def _keys(act: QAction) -> str:
    """The action's (first) shortcut, as the menus show it."""
    return next((s.toString(QKeySequence.NativeText) for s in act.shortcuts() if not s.isEmpty()), "")


def _in_dialog(act: QAction) -> bool:
    obj = act.parent()
    while obj is not None:
        if isinstance(obj, QDialog) or isinstance(obj, CommandPalette):
            return True
        obj = obj.parent()
    return False


def applies_here(act: QAction) -> bool:
    """A command of a view (its key works only in a widget: a list's Enter, Compose's Ctrl+B) applies while
    one of its widgets is on screen; a window's command applies everywhere."""
    if act.shortcutContext() not in (Qt.WidgetShortcut, Qt.WidgetWithChildrenShortcut):
        return True
    widgets = [o for o in act.associatedObjects() if isinstance(o, QWidget) and not isinstance(o, QMenu)]
    return not widgets or any(w.isVisible() for w in widgets)


def action_entries(window, skip=()) -> list[Entry]:
    """Every enabled QAction of ``window`` with words that applies where the user is (not a submenu,
    separator, or an action of a dialog), each (words, shortcut) once."""
    from app.ui.window.shortcuts import _group, label

    out, seen = [], set()
    for act in window.findChildren(QAction):
        if act in skip or act.isSeparator() or act.menu() is not None or not act.isEnabled() or not act.isVisible():
            continue
        if act.objectName().startswith("_q_") or _in_dialog(act) or not applies_here(act):
            continue
        text = label(act).rstrip("…").strip()
        if not text:
            continue
        keys = _keys(act)
        if (text, keys) in seen:
            continue
        seen.add((text, keys))
        out.append(Entry(text, _group(window, act)[1], keys, act.trigger))
    return out


def view_entries(window) -> tuple[list[Entry], set[str]]:
    """Each view of the sidebar ("Go to Drafts"), with the key of its View-menu action; and the words of
    those actions (left out of the action list: the view's entry stands for them)."""
    from app.ui.window.shortcuts import label
    from app.ui.window.sidebar_fit import LABEL_ROLE

    menu = window.menus.get("&View")
    shown = menu.actions() if menu is not None else []
    acts = {label(a): a for a in shown}
    named = {a.objectName(): a for a in shown if a.objectName()}  # "actViewSent": its name in the sidebar may be
    where = view_group(window)                                   # shorter ("Envoyés" for "Éléments envoyés")
    out, covered = [], set()
    for row, (name, _w) in enumerate(window.views):
        item = window.sidebar.item(row)
        # its name (LABEL_ROLE while a narrow sidebar shows only its icon: app/ui/window/sidebar_fit.py)
        text = (item.data(LABEL_ROLE) or item.text()) if item is not None else name.title()
        act = acts.get(text) or named.get(f"actView{name.title()}")
        if act is not None:
            covered.add(label(act))
        out.append(Entry(translate("Palette", "Go to {view}").format(view=text), where,
                         _keys(act) if act is not None else "", lambda n=name: window.show_view(n)))
    return out, covered


def view_group(window) -> str:
    """The View menu's name as the palette's "where" column shows it (the user's language)."""
    menu = window.menus.get("&View")
    return menu.title().replace("&", "") if menu is not None else translate("Palette", "View")


def draft_entries(window) -> list[Entry]:
    """The drafts the Drafts list holds already (newest first; no request is made)."""
    out = []
    model = window.drafts.model
    where = translate("Palette", DRAFTS)
    for s in model.summaries()[:MAX_DRAFTS]:
        subject = s.subject or translate("Palette", "(no subject)")
        words = (translate("Palette", "Open draft: {subject} — to {to}").format(subject=subject, to=s.display_to)
                 if s.display_to else translate("Palette", "Open draft: {subject}").format(subject=subject))
        out.append(Entry(words, where, "", lambda ref=s.ref: window.drafts.open_requested.emit(ref)))
    return out


def weak_draft(entry: Entry, m) -> bool:
    """A draft matched only weakly (its letters scattered: "dark" in "Open **d**r**a**ft: Unsaved wo**rk**")
    is listed after every command, view, snippet or signature the query matches."""
    return entry.where == translate("Palette", DRAFTS) and not m.strong


class _Model(QAbstractTableModel):
    HEAD = (QT_TRANSLATE_NOOP("Palette", "Command"), QT_TRANSLATE_NOOP("Palette", "Where"),
            QT_TRANSLATE_NOOP("Palette", "Shortcut"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Entry] = []

    def set_rows(self, rows: list[Entry]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 3

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and index.isValid():
            e = self.rows[index.row()]
            return (e.label, e.where, e.keys)[index.column()]
        if role == Qt.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return translate("Palette", self.HEAD[section])
        return None


class CommandPalette(QFrame):
    """A box over the top of the window: a search field and the matching entries.

    The keyboard stays in the field, so a screen reader would not follow the highlighted row: the palette says
    it in words (``spoken``: the words, and whether a key moved it), which the window announces."""

    spoken = Signal(str, bool)

    def __init__(self, window, sources: Callable[[], list[Entry]]):
        super().__init__(window)
        self.window_, self.sources = window, sources
        self.setObjectName("commandPalette")
        self.setAccessibleName(translate("Palette", "Command palette"))
        self.setFrameShape(QFrame.StyledPanel)
        self.setAutoFillBackground(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 10, 10, 10)
        lay.setSpacing(6)
        self.field = QLineEdit(self)
        self.field.setAccessibleName(translate("Palette", "Command palette search"))
        self.field.setPlaceholderText(translate("Palette", "Type a command, a view, a draft or a snippet…"))
        lay.addWidget(self.field)
        self.model = _Model(self)
        self.table = QTableView(self)
        self.table.setAccessibleName(translate("Palette", "Command palette results"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setFocusPolicy(Qt.NoFocus)  # the keyboard stays in the field; Up/Down move the row
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.Stretch)
        head.setSectionResizeMode(1, QHeaderView.Fixed)
        head.setSectionResizeMode(2, QHeaderView.Fixed)
        self.table.setColumnWidth(1, 130)
        self.table.setColumnWidth(2, 140)
        self.table.doubleClicked.connect(lambda _i: self.run_current())
        lay.addWidget(self.table)
        self.nothing = PlainLabel(translate("Palette", "No command matches"), self)
        self.nothing.setAccessibleName(translate("Palette", "No command matches"))
        self.nothing.hide()
        lay.addWidget(self.nothing)
        self.hint = PlainLabel(translate("Palette", "Enter: run   ↑↓: move   Esc: close"), self)
        self.hint.setObjectName("viewSubtitle")
        lay.addWidget(self.hint)
        self.entries: list[Entry] = []
        self._back = None  # the widget that had the keyboard before
        self._say_soon = QTimer(self)
        self._say_soon.setSingleShot(True)
        self._say_soon.setInterval(SAY_AFTER_TYPING_MS)
        self._say_soon.timeout.connect(lambda: self._say(keyed=False))
        self.field.textChanged.connect(self._filter)
        self.field.installEventFilter(self)
        self.hide()

    # ---- opening and closing ----
    def open(self) -> None:
        self._back = QApplication.focusWidget()
        self.entries = self.sources()
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self._filter("")
        self._place()
        self.show()
        self.raise_()
        self.field.setFocus(Qt.ShortcutFocusReason)

    def _place(self) -> None:
        w = self.window_
        width = min(640, max(320, w.width() - 40))
        height = min(420, max(200, w.height() - 120))
        self.setGeometry((w.width() - width) // 2, 48, width, height)

    def close_palette(self) -> None:
        if not self.isVisible():
            return
        self.hide()
        back = self._back
        self._back = None
        if back is not None and back.isVisible():
            back.setFocus(Qt.OtherFocusReason)

    def run_current(self) -> None:
        row = self.table.currentIndex().row()
        if not (0 <= row < len(self.model.rows)):
            return
        entry = self.model.rows[row]
        self.close_palette()
        entry.run()

    # ---- typing ----
    def _filter(self, text: str) -> None:
        if text.strip():
            found = [e for e, _m in rank(text, self.entries, key=lambda e: e.label,
                                         extra=lambda e: (f"{e.where} {e.label}",), demote=weak_draft)]
        else:
            found = list(self.entries)
        self.model.set_rows(found[:MAX_SHOWN])
        self.nothing.setText(translate("Palette", "No command matches “{text}”").format(text=text.strip())
                             if text.strip() else translate("Palette", "No command"))
        self.nothing.setVisible(not self.model.rows)
        self.table.setVisible(bool(self.model.rows))
        if self.model.rows:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._say_soon.start()  # once typing pauses

    def shown(self) -> list[str]:
        """The entries' words as listed (tests)."""
        return [e.label for e in self.model.rows]

    def _move(self, step: int) -> None:
        n = len(self.model.rows)
        if not n:
            return
        row = self.table.currentIndex().row()
        row = max(0, min(n - 1, (row if row >= 0 else 0) + step))
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.scrollTo(self.model.index(row, 0))
        self._say(keyed=True)

    def _say(self, *, keyed: bool) -> None:
        self._say_soon.stop()
        if not self.isVisible():
            return
        rows, row = self.model.rows, self.table.currentIndex().row()
        if not rows:
            self.spoken.emit(self.nothing.text(), keyed)
        elif 0 <= row < len(rows):
            self.spoken.emit(entry_words(rows[row], row, len(rows)), keyed)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        t = event.type()
        if obj is self.field and t == QEvent.KeyPress:
            k = event.key()
            page = max(1, self.table.viewport().height() // 26 - 1)
            moves = {Qt.Key_Up: -1, Qt.Key_Down: 1, Qt.Key_PageUp: -page, Qt.Key_PageDown: page}
            if k in moves:
                self._move(moves[k])
                return True
            if k in (Qt.Key_Return, Qt.Key_Enter):
                self.run_current()
                return True
            if k == Qt.Key_Escape:
                self.close_palette()
                return True
            if k in (Qt.Key_Tab, Qt.Key_Backtab):
                return True  # the keyboard stays in the palette until Enter or Esc
        if obj is self.field and t == QEvent.FocusOut and event.reason() == Qt.ActiveWindowFocusReason:
            return False
        if obj is self.field and t == QEvent.FocusOut and self.isVisible():
            # the mouse went elsewhere: close, without taking the keyboard back
            self._back = None
            self.hide()
        return False


def entry_words(entry: Entry, row: int, count: int) -> str:
    """A highlighted entry as a reader hears it: what it does, its keys, where it belongs, its place."""
    place = translate("Palette", "{row} of {count}").format(row=row + 1, count=count)
    return ", ".join(part for part in (entry.label, entry.keys, entry.where, place) if part)
