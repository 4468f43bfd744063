"""The window's frame: what the second paint shows (a sidebar naming the views, an empty page, the menu
bar's titles, an empty status bar), built in the turn after the first paint (the empty window in the
theme's colour, :meth:`app.ui.window.main_window.MainWindow.build_frame`). Its ~10 ms (the first text: the font
database; the sidebar's item-view types; the status bar) made the first paint 1.13-1.15x a bare window's.

Nothing here touches PySide6's ``Qt`` namespace: its first use builds ~125 enum types (20-30 ms on a
2-core machine), which the first slice after the first paint pays instead (``app.ui.window.setup_steps``).

Keys pressed before the views are built are not lost: :func:`early_keys` gives the window a stand-in
action for each main shortcut, which builds everything at once and then triggers the real action.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QStackedWidget, QStatusBar, QVBoxLayout, QWidget,
)

from app import APP_NAME
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.tr import shown as in_words, translate

FULL_WIDTH = 160  # the sidebar's width when the window has room (app.ui.window.sidebar_fit)
#: the sidebar's first views: (name, label translated where shown, context "Views": the page's own name, "Éléments
#: envoyés" as its title and the View menu say; the sidebar widens for it, app.ui.window.sidebar_fit; its key)
VIEWS = (("compose", QT_TRANSLATE_NOOP("Views", "Compose"), "Ctrl+1"),
         ("drafts", QT_TRANSLATE_NOOP("Views", "Drafts"), "Ctrl+2"),
         ("sent", QT_TRANSLATE_NOOP("Views", "Sent"), "Ctrl+3"),
         # its page is built with the journal (app.ui.outbox.journal_bridge), moments later; its entry is there from
         # the first frame (a restart showed three views, then four)
         ("outbox", QT_TRANSLATE_NOOP("Views", "Outbox"), "Ctrl+4"))
#: the menu bar's menus: the window's code names each by its English title (``win.menus["&File"]``), the user
#: reads it in their language (context "Menu")
MENUS = (QT_TRANSLATE_NOOP("Menu", "&File"), QT_TRANSLATE_NOOP("Menu", "&Edit"), QT_TRANSLATE_NOOP("Menu", "&Drafts"),
         QT_TRANSLATE_NOOP("Menu", "&View"), QT_TRANSLATE_NOOP("Menu", "&Help"))
# the shortcuts that work from the first frame on (the rest work once the views are built, moments later)
EARLY_KEYS = ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+N", "Ctrl+S", "Ctrl+Return", "Ctrl+Enter", "Ctrl+Q",
              "F1", "Ctrl+,", "Ctrl+Shift+A", "Ctrl+F")


class FittingStatusBar(QStatusBar):
    """A message that does not fit beside the bar's own widgets is never cut mid-word ("…can no lor"): it
    is shortened to its first whole words and "…", its whole text goes in the bar's tooltip (and, plain, in its
    accessible description: a reader gets the shown words as the bar's name, the whole as its description), and ``cut``
    is emitted with it (the window shows it in the banner too: a notice is never only in a half-seen
    line)."""

    cut = Signal(str)
    # a message shown, whole, for a screen reader (the window announces it: app.ui.common.announce.Announcer.status);
    # not for one shown with :meth:`show_quietly`
    shown = Signal(str)
    MARGIN = 16  # the message's own margins
    last_cut = ""  # the whole text of the message on show, when it was shortened
    _quiet = False  # the message being shown is not announced (show_quietly)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.messageChanged.connect(self._forget_when_cleared)

    def _forget_when_cleared(self, text: str) -> None:
        """The message went (its timeout, ``clearMessage``: Qt's own, not this class's ``showMessage``): its
        whole text goes from the tooltip too, so the tooltip never repeats words the bar no longer shows (a
        "Sent: <subject>…" of an account just signed out of)."""
        if not text:
            self.last_cut = ""
            self.setToolTip("")
            self.setAccessibleDescription("")

    def showMessage(self, text: str, timeout: int = 0) -> None:  # noqa: N802
        """``text`` (the core's words in the user's language: :func:`app.ui.common.tr.shown`) for ``timeout`` ms."""
        from app.domain.list_rows import elide_words  # not at import: the frame is the second paint

        text = in_words(text)
        room = self.message_room()
        shown = elide_words(text, room, self.fontMetrics().horizontalAdvance) if text and room > 0 else text
        self.last_cut = text if shown != text else ""  # set first: ``messageChanged`` is emitted inside
        super().showMessage(shown, timeout)
        self.setToolTip(_plain_tip(text) if shown != text else "")
        # a reader gets the whole words as they are (Qt would read the rich tooltip, tags and all)
        self.setAccessibleDescription(" ".join(text.split()) if shown != text else "")
        if shown != text:
            self.cut.emit(text)
        if text and not self._quiet:
            self.shown.emit(text)

    def show_quietly(self, text: str, timeout: int = 0) -> None:
        """A progress step ("Loading drafts…", a send's "sending…"): shown, not announced (a reader is told the
        outcome, not each step on the way)."""
        self._quiet = True
        try:
            self.showMessage(text, timeout)
        finally:
            self._quiet = False

    def message_room(self) -> int:
        """The width a message has: up to the first of the bar's own widgets (account, state…)."""
        edges = [w.x() for w in self.findChildren(QWidget) if w.parentWidget() is self and w.isVisible()
                 and w.x() > 0]
        return (min(edges) if edges else self.width()) - self.MARGIN


def _plain_tip(text: str) -> str:
    from html import escape

    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>"  # shown literally (app.ui.common.safe_text.tooltip)


class SidebarBox(QWidget):
    """The sidebar's frame: asks for its full width, takes less when the window is narrow. The full width is
    FULL_WIDTH, or what the longest view name takes whole when a language's is longer (app.ui.window.sidebar_fit:
    "Gesendete Elemente", the same name as the page's title)."""

    full_width = FULL_WIDTH

    def sizeHint(self):  # noqa: N802
        return QSize(self.full_width, super().sizeHint().height())


class Frame:
    """What the frame built that the start-up slices fill in (``app.ui.window.setup_steps``)."""

    def __init__(self, side: QWidget, brand: QLabel, banner_row: QVBoxLayout, page: QVBoxLayout,
                 placeholder: QWidget):
        self.side = side  # the sidebar's box (it narrows with the window: app.ui.window.sidebar_fit)
        self.brand = brand  # the application's name above the sidebar
        self.banner_row = banner_row  # the banner's reserved slot goes here
        self.page = page  # the page's column: the banner's row, the views' stack, then the find bar
        self.placeholder: QWidget | None = placeholder  # the blank page until the views are built

    def drop_placeholder(self, stack: QStackedWidget) -> None:
        """The views are built: the blank page goes."""
        if self.placeholder is not None:
            stack.removeWidget(self.placeholder)
            self.placeholder.deleteLater()
            self.placeholder = None


def build_frame(win) -> Frame:
    """The frame's widgets on ``win`` (a QMainWindow): its parts ``sidebar``, ``stack`` (with a blank
    page) and ``menus``; the rest the slices need is returned (:class:`Frame`)."""
    central = QWidget(win)
    outer = QHBoxLayout(central)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.setSpacing(0)
    side = SidebarBox(central)
    side.setObjectName("sidebarBox")
    # its colour in the first frame (the style sheet's rule for it needs WA_StyledBackground: a Qt enum)
    from app.ui.common.theme import PALETTES

    pal = side.palette()
    pal.setColor(QPalette.Window, QColor(PALETTES.get(win.property("colorScheme"), PALETTES["light"])["side"]))
    side.setPalette(pal)
    side.setAutoFillBackground(True)
    sv = QVBoxLayout(side)
    sv.setContentsMargins(0, 0, 0, 0)
    sv.setSpacing(0)
    brand = QLabel(APP_NAME, side)  # made plain text (Qt.PlainText) with the first slice
    brand.setObjectName("brand")
    brand.setAccessibleName(translate("Window", "Application name"))
    sidebar = QListWidget(side)
    sidebar.setObjectName("sidebar")
    sidebar.setAccessibleName(translate("Window", "Views"))
    sidebar.setIconSize(QSize(18, 18))
    for _name, label, key in VIEWS:
        label = translate("Views", label)
        item = QListWidgetItem(label)  # icons (SVG: loads the svg plugin) come with the first slice
        item.setToolTip(f"{label} ({shown_keys(key)})")
        sidebar.addItem(item)
    sv.addWidget(brand)
    sv.addWidget(sidebar, 1)
    outer.addWidget(side)

    right = QWidget(central)
    right.setObjectName("page")
    rv = QVBoxLayout(right)
    rv.setContentsMargins(0, 0, 0, 0)
    rv.setSpacing(0)
    banner_row = QVBoxLayout()  # the banner's reserved slot goes here
    banner_row.setContentsMargins(0, 0, 0, 0)
    rv.addLayout(banner_row)
    stack = QStackedWidget(right)
    stack.setAccessibleName(translate("Window", "Views"))
    placeholder = QWidget(stack)
    placeholder.setObjectName("page")
    stack.addWidget(placeholder)
    rv.addWidget(stack, 1)
    outer.addWidget(right, 1)
    win.setCentralWidget(central)
    win.parts.fill(sidebar=sidebar, stack=stack)
    add_menus(win)
    if not any(b.parentWidget() is win for b in win.findChildren(QStatusBar)):  # (one asked for earlier stays)
        win.setStatusBar(FittingStatusBar(win))  # messages cut at a word, never mid-word
    win.statusBar().setSizeGripEnabled(False)  # its place is kept; the widgets come with the first slice
    return Frame(side, brand, banner_row, rv, placeholder)


def shown_keys(keys: str) -> str:
    """A shortcut as the user reads it ("Ctrl+1"; in German "Strg+1": Qt's own catalogue), from the binding."""
    from PySide6.QtGui import QKeySequence

    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def add_menus(win) -> None:
    """The menu bar's menus in the user's language: the window's part ``menus``, by their English titles."""
    win.parts.fill(menus={t: win.menuBar().addMenu(translate("Menu", t)) for t in MENUS})


def early_keys(win, finish) -> list:
    """Stand-in actions for :data:`EARLY_KEYS`: pressed before the views are built, one calls
    ``finish()`` (which builds everything and removes the stand-ins) and then triggers the real action
    with that shortcut."""
    from PySide6.QtGui import QAction, QKeySequence

    acts = []
    for key in EARLY_KEYS:
        seq = QKeySequence(key)
        act = QAction(win)
        # setShortcuts (a list), not setShortcut: the first setShortcut builds PySide's Qt namespace (its
        # ~90 enum types, 11-20 ms) to choose between its overloads; the list does not (0.3 ms for all)
        act.setShortcuts([seq])
        act.triggered.connect(lambda _c=False, s=seq: _replay(win, finish, s))
        win.addAction(act)
        acts.append(act)
    return acts


def _replay(win, finish, seq) -> None:
    from PySide6.QtGui import QAction

    finish()
    for act in win.findChildren(QAction):
        if seq in act.shortcuts() and act.isEnabled() and act.parent() is not None:
            act.trigger()
            return


def drop_early_keys(win, acts: list, keys=None) -> list:
    """Remove the stand-ins for ``keys`` (all when None) before the real actions take the same
    shortcuts (two actions on one key would make it ambiguous: neither fires). Returns those kept."""
    kept = []
    for act in acts:
        if keys is None or act.shortcut().toString() in keys:
            win.removeAction(act)
            act.setShortcuts([])
            act.deleteLater()
        else:
            kept.append(act)
    return kept
