"""The sidebar gives way on a narrow window: at its full width (160 px, or what its longest name takes whole:
"Gesendete Elemente") while the window leaves the page the least width it takes beside it, else its views' icons only
(their names stay in the tooltip and the accessible text), :data:`COMPACT_WIDTH` wide in every language (a German
sidebar kept 130 px for its icons at 683 px, and the Drafts list's Subject column was cut to "Betre"). Decided by
the window's width, not the sidebar's own (which the decision sets). The window's minimum width is set by the
views: it tiles to half of a 1366 px screen (683 px)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QSizePolicy

from app.ui.window.frame import FULL_WIDTH  # the box itself is the frame's (app.ui.window.frame.SidebarBox: no Qt enums)

MIN_WIDTH = 56
# the sidebar's width with icons only: the list's padding (8 px each side), the item's (12 px each side), the
# icon (18 px), the border
COMPACT_WIDTH = 64
# what an item takes beside its name: the list's padding (8 px each side), the item's (12 px each side), the icon
# (18 px) and its gap, the border (app/ui/common/theme.py), and the margins the item view keeps around its text
# (4 px each side: without them "Éléments envoyés" was cut to "Éléments envo…")
ITEM_CHROME = 73
LABEL_ROLE = Qt.UserRole + 41  # an item's name while only its icon shows


class SidebarFit(QObject):
    def __init__(self, box, brand, sidebar, page):
        """``page``: the views' column beside the sidebar (its least width is what the page needs)."""
        super().__init__(box)
        self.box, self.brand, self.sidebar, self.page = box, brand, sidebar, page
        self.compact = False
        box.setAttribute(Qt.WA_StyledBackground, True)  # a QWidget subclass paints its stylesheet background only so
        box.setMinimumWidth(MIN_WIDTH)
        box.setMaximumWidth(FULL_WIDTH)
        box.setSizePolicy(QSizePolicy.Maximum, QSizePolicy.Preferred)
        brand.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        sidebar.setMinimumWidth(0)
        sidebar.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Expanding)
        sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        box.installEventFilter(self)
        sidebar.installEventFilter(self)
        self.top = box.window()
        if self.top is not box:
            self.top.installEventFilter(self)  # its width decides (the box's own is what the decision sets)
        sidebar.model().rowsInserted.connect(lambda *_a: self.apply(force=True))

    def eventFilter(self, obj, ev):  # noqa: N802
        if ev.type() == QEvent.Resize or (obj is self.sidebar and ev.type() == QEvent.FontChange):
            self.apply()  # the style sheet sets the sidebar's font after its names: their width changes
        return False

    def _names_need(self) -> int:
        """The width the longest name takes whole ("Gesendete Elemente" is longer than FULL_WIDTH allows for): the
        sidebar's full width, never cut names."""
        fm = self.sidebar.fontMetrics()
        names = [self.sidebar.item(r).data(LABEL_ROLE) or self.sidebar.item(r).text() for r in range(self.sidebar.count())]
        return max((fm.horizontalAdvance(n) for n in names if n), default=0) + ITEM_CHROME

    def apply(self, force: bool = False) -> None:
        """Names or icons only, as the window's width says; ``force``: the items again (one was added). The box's full
        width follows the names (wide enough for the longest whole, in the sidebar's font)."""
        full = max(FULL_WIDTH, self._names_need())  # four names measured: a few microseconds
        compact = self.top.width() < full + self.page.minimumSizeHint().width()
        width = COMPACT_WIDTH if compact else full
        if width != self.box.maximumWidth():
            self.box.full_width = width
            self.box.setMaximumWidth(width)
            self.box.updateGeometry()
        if compact == self.compact and not force:
            return
        self.compact = compact
        self.brand.setVisible(not compact)
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            name = item.data(LABEL_ROLE) or item.text()
            item.setData(LABEL_ROLE, name)
            item.setData(Qt.AccessibleTextRole, name)
            item.setText("" if compact else name)
        value = "true" if compact else "false"
        if (self.sidebar.property("compact") or "false") != value:
            # the style sheet's [compact="true"] rules: re-polished only when the property changes (an
            # item added at start-up, e.g. the Outbox, must not cost a re-polish: QStyle's enums, 5-10 ms)
            self.sidebar.setProperty("compact", value)
            self.sidebar.style().unpolish(self.sidebar)
            self.sidebar.style().polish(self.sidebar)
