"""Tab order of a page whose focus proxy is one of its children (Drafts, Sent, Outbox: the list).

Qt 6 tabs *into* such a page by giving focus to its proxy, and the proxy's place in the chain is after
the page's other children that were made before it (the buttons of the header row): Tab then jumps from
the sidebar to the list and on past the page, and those buttons are never reached by the keyboard.
:func:`proxy_first` moves them to the end of the page: the list first (then its undo bar), then the
buttons; and
Tab leaves a list instead of walking its cells (the Outbox's table did, so Tab never left it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget


def proxy_first(page: QWidget) -> None:
    proxy = page.focusProxy()
    if proxy is None or not page.isAncestorOf(proxy):
        return
    if isinstance(proxy, QAbstractItemView):
        proxy.setTabKeyNavigation(False)  # Tab leaves the list (the arrows move in it), never a trap
    before = []
    w = page.nextInFocusChain()
    while w is not proxy and page.isAncestorOf(w):
        if (w.focusPolicy().value & Qt.TabFocus.value) and w.focusProxy() is None:
            before.append(w)
        w = w.nextInFocusChain()
    if w is not proxy:
        return
    last = proxy  # after the page's last focusable widget (a list's undo bar comes right after the list)
    w = proxy.nextInFocusChain()
    while w is not None and w is not page and page.isAncestorOf(w):
        if w.focusPolicy() != Qt.NoFocus:
            last = w
        w = w.nextInFocusChain()
    for b in before:
        QWidget.setTabOrder(last, b)
        last = b
