"""The Edit menu (Undo, Redo, Cut, Copy, Paste, Paste as plain text, Select all, Find in message) and
Help → About.

The edit commands act on the widget that has the keyboard (a line edit, the Compose body, the Sent
preview, a list). A text widget handles its own standard keys first (it claims them as a shortcut
override), so a key typed in a field never runs twice; the menu entries and keys elsewhere reach the
focused widget through :func:`_on_focused`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QLineEdit, QListView, QMessageBox, QPlainTextEdit, QTextEdit,
)

from app import APP_NAME
from app.ui.common.tr import translate


def _focused():
    return QApplication.focusWidget()


def _on_focused(method: str) -> None:
    w = _focused()
    if isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit)):
        if method in ("cut", "paste", "undo", "redo") and w.isReadOnly():
            return
        getattr(w, method)()
    elif isinstance(w, QAbstractItemView) and method == "selectAll":
        w.selectAll()
    elif isinstance(w, QAbstractItemView) and method == "copy":
        text = _rows_text(w)
        if text:
            QApplication.clipboard().setText(text)


def _rows_text(view) -> str:
    """The selected rows (else the current one) as text: shown columns, tab-separated, a line a row."""
    model, sel = view.model(), view.selectionModel()
    rows = sorted({i.row() for i in sel.selectedIndexes()}) if sel is not None else []
    if not rows and view.currentIndex().isValid():
        rows = [view.currentIndex().row()]
    if isinstance(view, QListView):  # one column, the one it shows (a list model has no columnCount to ask)
        columns = [view.modelColumn()]
    else:
        hidden = getattr(view, "isColumnHidden", lambda _c: False)
        columns = [c for c in range(model.columnCount()) if not hidden(c)]
    lines = []
    for r in rows:
        cells = [str(model.index(r, c).data() or "") for c in columns]
        lines.append("\t".join(x for x in cells if x))
    return "\n".join(lines)


def paste_plain() -> None:
    """Paste the clipboard's text without its formatting."""
    w = _focused()
    text = QApplication.clipboard().text()
    if not text:
        return
    if isinstance(w, QLineEdit) and not w.isReadOnly():
        w.insert(text.replace("\r", " ").replace("\n", " "))
    elif isinstance(w, (QTextEdit, QPlainTextEdit)) and not w.isReadOnly():
        w.insertPlainText(text)


def _action(win, text: str, keys, slot, name: str) -> QAction:
    a = QAction(text, win)
    a.setObjectName(name)
    if keys:
        seqs = keys if isinstance(keys, list) else [keys]
        a.setShortcuts([QKeySequence(k) for k in seqs])
        a.setShortcutContext(Qt.WindowShortcut)
    a.triggered.connect(lambda _checked=False: slot())
    win.addAction(a)
    return a


def version() -> str:
    """The version ``dispatch --version`` prints (app.__version__)."""
    from app import __version__

    return __version__


def show_about(win) -> QMessageBox:
    """Help → About: the name and version, non-modal (the window keeps working)."""
    def build() -> QMessageBox:
        title = translate("Menu", "About {app}").format(app=APP_NAME)
        box = QMessageBox(QMessageBox.Information, title, "", QMessageBox.Close, win)
        box.setTextFormat(Qt.PlainText)
        box.setAccessibleName(title)
        box.setWindowModality(Qt.NonModal)
        box.setModal(False)
        return box

    box = win.first_use("about_box", build)
    box.setText(f"{APP_NAME} {version()}")
    box.setInformativeText(translate("Menu", "A keyboard-driven mail composer for Microsoft Exchange.\n"
                                             "Press {keys} for the keyboard shortcuts.").format(
        keys=QKeySequence("F1").toString(QKeySequence.SequenceFormat.NativeText)))
    box.show()
    box.raise_()
    box.activateWindow()
    return box


def find_in_message(win) -> None:
    """Ctrl+F: the find bar for the Compose body or the Sent preview."""
    view = win.current_view()
    target = {"compose": getattr(win.compose, "body", None), "sent": getattr(win.sent, "body", None)}.get(view)
    if target is None:
        keys = ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in ("Ctrl+1", "Ctrl+3"))
        win.port.say(translate(
            "Menu", "Find works in the message: in Compose or in the Sent preview ({keys})").format(keys=keys), ms=5000)
        return
    win.find_bar.open_for(target)


def build_edit_menu(win) -> dict[str, QAction]:
    """Fill the window's Edit menu and add Help → About. Returns the actions by name."""
    acts = {
        "undo": _action(win, translate("Menu", "&Undo"), "Ctrl+Z", lambda: _on_focused("undo"), "actUndo"),
        "redo": _action(win, translate("Menu", "&Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"], lambda: _on_focused("redo"), "actRedo"),
        "cut": _action(win, translate("Menu", "Cu&t"), "Ctrl+X", lambda: _on_focused("cut"), "actCut"),
        "copy": _action(win, translate("Menu", "&Copy"), "Ctrl+C", lambda: _on_focused("copy"), "actCopy"),
        "paste": _action(win, translate("Menu", "&Paste"), "Ctrl+V", lambda: _on_focused("paste"), "actPaste"),
    }
    # Compose may have its own "paste as plain text" (same key): use it rather than a second, ambiguous one
    own = getattr(getattr(win, "compose", None), "paste_plain_action", None)
    acts["paste_plain"] = own if own is not None else _action(
        win, translate("Menu", "Paste as plain te&xt"), "Ctrl+Shift+V", paste_plain, "actPastePlain")
    acts["select_all"] = _action(win, translate("Menu", "Select &all"), "Ctrl+A", lambda: _on_focused("selectAll"), "actSelectAll")
    acts["find"] = _action(win, translate("Menu", "&Find in message…"), "Ctrl+F", lambda: find_in_message(win), "actFind")
    m = win.menus["&Edit"]
    for k in ("undo", "redo"):
        m.addAction(acts[k])
    m.addSeparator()
    for k in ("cut", "copy", "paste", "paste_plain"):
        m.addAction(acts[k])
    m.addSeparator()
    m.addAction(acts["select_all"])
    m.addAction(acts["find"])
    about = QAction(translate("Menu", "&About {app}").format(app=APP_NAME), win)
    about.setObjectName("actAbout")
    about.triggered.connect(lambda _c=False: show_about(win))
    win.menus["&Help"].addAction(about)
    acts["about"] = about
    return acts
