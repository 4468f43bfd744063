"""A command of the window: a QAction with its shortcut, its name and its tooltip, added to the window. The
window's menus are built of these (app.ui.window.actions), and a feature that adds its own command to the
window (File → Mail merge…, app.ui.merge.merge_action) makes it the same way, without importing the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence


def window_action(owner, text: str, keys, slot, name: str) -> QAction:
    """An action of the window (``owner``: the widget whose shortcuts it is): ``text`` in the user's language (the
    caller translates it), ``keys`` as Qt writes them in English ("Ctrl+N": the binding), shown in the tooltip in the
    user's words ("Strg+N")."""
    a = QAction(text, owner)
    a.setObjectName(name)
    if keys:
        seqs = [QKeySequence(k) if not isinstance(k, QKeySequence) else k for k in (keys if isinstance(keys, list) else [keys])]
        a.setShortcuts(seqs)
        a.setShortcutContext(Qt.WindowShortcut)
        a.setToolTip(f"{text.replace('&', '')} ({seqs[0].toString(QKeySequence.NativeText)})")
    a.triggered.connect(lambda _checked=False: slot())
    owner.addAction(a)
    return a
