"""The sidebar gives way on a narrow window: between its full width (160 px, or what its longest name takes
whole: "Gesendete Elemente") and 56 px it shrinks with the window, and below :data:`COMPACT_BELOW` it shows only the views' icons (their names stay in the
tooltip and the accessible text). The window's minimum width is then set by the views, not the sidebar:
it tiles to half of a 1366 px screen (683 px)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QSizePolicy

from app.ui.window.frame import FULL_WIDTH  # the box itself is the frame's (app.ui.window.frame.SidebarBox: no Qt enums)

MIN_WIDTH = 56
COMPACT_BELOW = 130
# what an item takes beside its name: the list's padding (8 px each side), the item's (12 px each side), the icon
# (18 px) and its gap, the border (app/ui/window/theme.py)
ITEM_CHROME = 65
LABEL_ROLE = Qt.UserRole + 41  # an item's name while only its icon shows


class SidebarFit(QObject):
    def __init__(self, box, brand, sidebar):
        super().__init__(box)
        self.box, self.brand, self.sidebar = box, brand, sidebar
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
        sidebar.model().rowsInserted.connect(lambda *_a: self.apply(force=True))

    def eventFilter(self, obj, ev):  # noqa: N802
        if ev.type() == QEvent.Resize or (obj is self.sidebar and ev.type() == QEvent.FontChange):
            self.apply()  # the style sheet sets the sidebar's font after its names: their width changes
        return False

    def _names_need(self) -> int:
        """The width the longest name takes whole (a language's may be longer than COMPACT_BELOW allows for:
        "Boîte d'envoi"): narrower, and the sidebar shows icons only rather than cut names."""
        fm = self.sidebar.fontMetrics()
        names = [self.sidebar.item(r).data(LABEL_ROLE) or self.sidebar.item(r).text() for r in range(self.sidebar.count())]
        return max((fm.horizontalAdvance(n) for n in names if n), default=0) + ITEM_CHROME

    def apply(self, force: bool = False) -> None:
        """Names or icons only, as the box's width says; ``force``: the items again (one was added). The box's full
        width follows the names (wide enough for the longest whole, in the sidebar's font)."""
        full = max(FULL_WIDTH, self._names_need())  # four names measured: a few microseconds
        if full != self.box.maximumWidth():
            self.box.full_width = full
            self.box.setMaximumWidth(full)
            self.box.updateGeometry()
        compact = self.box.width() < max(COMPACT_BELOW, self._names_need())
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
