"""Drafts: newest first, lazy pages, Enter opens, Delete deletes (with a timed Undo), batch send.

A failed row of a batch send stays in the list with its own error in the Status column; the selected draft is
previewed beside the list (read-only, as Sent previews its messages), with that error whole above it: what the
Status column shortens is reached by the arrow keys and read by a screen reader. "Send selected" is on only
while drafts are selected; an empty list says what comes here.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QHBoxLayout, QLabel, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from app.domain.models import ItemRef, MessageSummary
from app.ui.lists.list_table import ListTable, empty_state
from app.ui.lists.message_models import MessageTableModel
from app.ui.common.safe_text import PlainLabel
from app.domain import words
from app.ui.common.tr import counted, shown, translate

UNDO_MS = 6000
DELETED = words.translate("DraftsView", "Deleted %Ln draft(s) — Ctrl+Z to undo", None, 0)
N_DRAFTS_LOADING = words.translate("DraftsView", "%Ln draft(s) · loading…", None, 0)
N_DRAFTS = words.translate("DraftsView", "%Ln draft(s)", None, 0)
NO_DRAFTS = words.translate("DraftsView", "No drafts. A message you save (Ctrl+S) waits here until you send it: "
                                          "Enter opens it, Ctrl+Shift+Return sends the selected ones.")
# Below this width the preview is shown under the list instead of beside it (as Sent's, but wider: beside the
# list at the default size it left the Subject column "Go…ne" beside To, Modified and Status).
STACK_BELOW = 1000
# Below this height, with the preview under the list, the preview leaves out the draft's body.
SHORT_BELOW = 560


def setup_table(view: QTableView, model: MessageTableModel, name: str) -> None:
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.ElideMiddle)  # the Status column has its own (list_table.StatusDelegate)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.verticalHeader().setAccessibleName(translate("ListTable", "{name} row header").format(name=name))
    view.horizontalHeader().setAccessibleName(translate("ListTable", "{name} columns").format(name=name))
    view.verticalHeader().setDefaultSectionSize(34)
    view.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
    h = view.horizontalHeader()
    h.setHighlightSections(False)
    h.setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
    h.setMinimumSectionSize(24)
    if isinstance(view, ListTable):
        view.fit_columns()
        model.modelReset.connect(view.forget_sizes)
        model.page_loaded.connect(view.fit_addresses)
        model.statuses_changed.connect(view.update_status_column)
        model.modelAboutToBeReset.connect(view.remember_current)
        model.page_loaded.connect(view.after_page)


def list_page(parent: QWidget, title: str) -> tuple[QVBoxLayout, QHBoxLayout, QLabel]:
    """Drafts/Sent/Outbox page scaffolding: the page's style and margins, its header row (title and a count
    label) and under it the row for the page's buttons: beside the title, in French or German, the buttons
    would make the window wider than half a 1366 px screen. Returns (page layout, buttons row, count label)."""
    parent.setObjectName("page")
    parent.setAccessibleName(title)
    root = QVBoxLayout(parent)
    root.setContentsMargins(28, 20, 28, 16)
    root.setSpacing(12)
    lay = QHBoxLayout()
    t = PlainLabel(title, parent)
    t.setObjectName("viewTitle")
    t.setAccessibleName(translate("ListTable", "{title} title").format(title=title))
    sub = PlainLabel("", parent)
    sub.setObjectName("viewSubtitle")
    sub.setAccessibleName(translate("ListTable", "{title} count").format(title=title))
    lay.addWidget(t)
    lay.addSpacing(10)
    lay.addWidget(sub, 0, Qt.AlignBottom)
    lay.addStretch(1)
    root.addLayout(lay)
    buttons = QHBoxLayout()
    buttons.setAlignment(Qt.AlignLeft)
    root.addLayout(buttons)
    return root, buttons, sub


class UndoBar(QFrame):
    undo = Signal()
    expired = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.setAccessibleName(translate("DraftsView", "Undo bar"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(14, 6, 8, 6)
        self.label = PlainLabel(self)
        self.button = QPushButton(translate("DraftsView", "&Undo"), self)
        self.button.setAccessibleName(translate("DraftsView", "Undo delete"))
        self.button.setToolTip(translate("DraftsView", "Undo (Ctrl+Z)"))
        self.button.setFocusPolicy(Qt.StrongFocus)  # Tab from the list reaches it
        self.button.clicked.connect(self.take_undo)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._expire)
        self.hide()

    def start(self, text: str, ms: int = UNDO_MS) -> None:
        self.label.setText(text)
        self.show()
        self.timer.start(ms)

    @property
    def active(self) -> bool:
        """An undo can be made now (the bar is showing)."""
        return self.timer.isActive() and not self.isHidden()

    def take_undo(self) -> None:
        """Undo (the button, Ctrl+Z): ``undo`` is emitted if the bar is still showing."""
        if not self.active:
            return
        self.timer.stop()
        self.hide()
        self.undo.emit()

    def _expire(self) -> None:
        self.hide()
        self.expired.emit()

    def flush(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self._expire()


class _UndoKeys(QObject):
    """Event filter: Ctrl+Z (the platform's Undo key) undoes the pending delete while the bar shows."""

    def __init__(self, bar: "UndoBar"):
        super().__init__(bar)
        self._bar = bar

    def eventFilter(self, obj, event):  # noqa: N802
        t = event.type()
        if t in (QEvent.ShortcutOverride, QEvent.KeyPress) and self._bar.active \
                and event.matches(QKeySequence.Undo):
            event.accept()
            if t == QEvent.KeyPress:
                self._bar.take_undo()
            return True
        return False


class DraftsView(QWidget):
    open_requested = Signal(object)        # ItemRef
    preview_requested = Signal(object)     # ItemRef: the current draft, read for the preview
    delete_requested = Signal(list)        # [ItemRef], after the undo window
    send_requested = Signal(list)          # [ItemRef]
    refresh_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        root, head, self.count_label = list_page(self, translate("DraftsView", "Drafts"))
        self.refresh_button = QPushButton(translate("DraftsView", "Refresh"), self)
        self.refresh_button.setAccessibleName(translate("DraftsView", "Refresh drafts"))
        self.delete_button = QPushButton(translate("DraftsView", "Delete"), self)
        self.delete_button.setAccessibleName(translate("DraftsView", "Delete selected drafts"))
        self.send_button = QPushButton(translate("DraftsView", "Send selected"), self)
        self.send_button.setObjectName("primary")
        self.send_button.setAccessibleName(translate("DraftsView", "Send selected drafts"))
        self.send_button.setToolTip(translate("DraftsView", "Send selected (Ctrl+Shift+Return)"))
        for b in (self.refresh_button, self.delete_button, self.send_button):
            b.setFocusPolicy(Qt.TabFocus)
            head.addWidget(b)

        self.model = MessageTableModel(sent=False, parent=self)
        split = QSplitter(Qt.Horizontal, self)
        self.table = ListTable(split)
        setup_table(self.table, self.model, translate("DraftsView", "Drafts list"))
        from app.ui.lists.preview_pane import PreviewPane

        self.preview = PreviewPane(split, (
            translate("DraftsView", "Draft preview"), translate("DraftsView", "Preview subject"),
            translate("DraftsView", "Preview headers"), translate("DraftsView", "Preview body"),
            translate("DraftsView", "Preview attachments"), translate("DraftsView", "Why it was not sent")),
            translate("DraftsView", "Select a draft"))
        split.addWidget(self.table)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self._split = split
        self._split_sized = False  # the list's and the preview's shares set (at the first size, and each turn)
        self.empty = empty_state(self, translate("DraftsView", "Drafts"))
        root.addWidget(self.empty, 1)  # instead of the list while there is no account, or no draft
        root.addWidget(split, 1)
        self.undo_bar = UndoBar(self)
        root.addWidget(self.undo_bar)
        self.setFocusProxy(self.table)

        self.open_action = QAction(translate("DraftsView", "&Open draft"), self)
        self.open_action.setShortcuts([QKeySequence(Qt.Key_Return), QKeySequence(Qt.Key_Enter)])
        self.open_action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.open_action.triggered.connect(self.open_current)
        self.delete_action = QAction(translate("DraftsView", "&Delete draft"), self)
        self.delete_action.setShortcut(QKeySequence.Delete)
        self.delete_action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        # Tab from the list: the Undo button while it shows, then the preview (its note first)
        QWidget.setTabOrder(self.table, self.undo_bar.button)
        QWidget.setTabOrder(self.undo_bar.button, self.preview.note_label)
        QWidget.setTabOrder(self.preview.note_label, self.preview.body)
        self.table.addAction(self.open_action)
        self.table.addAction(self.delete_action)
        # Ctrl+Z while the undo bar shows: claimed by the list and the bar's button before the window's
        # Edit > Undo (which acts on text fields) sees it
        self._undo_keys = _UndoKeys(self.undo_bar)
        for part in (self.table, self.undo_bar.button, self.refresh_button, self.delete_button, self.send_button):
            part.installEventFilter(self._undo_keys)
        self.table.doubleClicked.connect(lambda _i: self.open_current())

        self._pending: list[tuple[int, MessageSummary]] = []
        self.undo_bar.undo.connect(self._undo_delete)
        self.undo_bar.expired.connect(self._commit_delete)
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.delete_button.clicked.connect(self.delete_selected)
        self.send_button.clicked.connect(lambda: self.send_requested.emit(self.selected_refs()))
        for sig in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            sig.connect(self._update_count)
        self.model.loading_changed.connect(lambda _on: self._update_count())
        for sig in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            sig.connect(self._update_empty)
        self.model.page_loaded.connect(self._update_empty)  # the last page told: an empty list is known empty
        self.model.load_failed.connect(self._update_empty)
        self.table.selectionModel().selectionChanged.connect(self._update_send)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.statuses_changed.connect(self._update_note)
        self._update_empty()
        self._update_count()
        self._update_send()

    # ---- selection ----
    def selected_refs(self) -> list[ItemRef]:
        """The selected drafts (never a current row that is not selected)."""
        rows = self.table.selected_rows()
        return [self.model.summary(r).ref for r in rows if self.model.summary(r)]

    def _acting_refs(self) -> list[ItemRef]:
        """What Enter and Delete act on: the selection, when the user can see it."""
        return [self.model.summary(r).ref for r in self.table.acting_rows() if self.model.summary(r)]

    def select_rows(self, rows: list[int]) -> None:
        sm = self.table.selectionModel()
        sm.clearSelection()
        for r in rows:
            sm.select(self.model.index(r, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows)
        if rows:
            sm.setCurrentIndex(self.model.index(rows[0], 1), QItemSelectionModel.NoUpdate)

    def open_current(self) -> None:
        rows = self.table.acting_rows()
        if not rows:
            return
        cur = self.table.currentIndex()
        s = self.model.summary(cur.row() if cur.isValid() and cur.row() in rows else rows[0])
        if s is not None:
            self.open_requested.emit(s.ref)

    # ---- delete with undo ----
    def delete_selected(self) -> None:
        refs = self._acting_refs()
        if not refs:
            return
        self.undo_bar.flush()
        row = min(self.model.row_of(r.id) for r in refs)
        self._pending = self.model.take_rows({r.id for r in refs})
        n = len(self._pending)
        self.undo_bar.start(counted(DELETED, n))
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 1))
            self.table.scrollTo(self.table.currentIndex())
        self.table.setFocus()

    def _undo_delete(self) -> None:
        rows = [pos for pos, _s in self._pending]
        self.model.restore_rows(self._pending)
        self._pending = []
        self.select_rows([r for r in rows if r < self.model.rowCount()])  # what came back is selected
        if rows:
            self.table.scrollTo(self.model.index(rows[0], 1))
        self.table.setFocus()

    def _commit_delete(self) -> None:
        refs = [s.ref for _pos, s in self._pending]
        self._pending = []
        if refs:
            self.delete_requested.emit(refs)

    def flush_pending(self) -> None:
        self.undo_bar.flush()

    def resizeEvent(self, event):  # noqa: N802
        """Narrow (half a small screen): the preview goes under the list, so the subject keeps its room."""
        super().resizeEvent(event)
        want = Qt.Vertical if self.width() < STACK_BELOW else Qt.Horizontal
        # under the list in a low window (683×500): the draft's status and headers, not its body, so the list keeps
        # rows to move in (the body's least height left it one row)
        self.preview.body.setVisible(want == Qt.Horizontal or self.height() >= SHORT_BELOW)
        self._fit_short_preview()
        if self._split.orientation() != want or not self._split_sized:
            self._split.setOrientation(want)
            # the list keeps three fifths (its Status column in sight); the preview's own size hint took more
            room = self._split.width() if want == Qt.Horizontal else self._split.height()
            if room > 0:
                self._split.setSizes([room * 3 // 5, room - room * 3 // 5])
                self._split_sized = True

    def _update_empty(self, *_a) -> None:
        """No account: the list says why it is empty and how to add one (instead of the list). No draft (all
        loaded): the list itself says what comes here, and keeps the keyboard (app.ui.lists.list_table)."""
        none = not self.model.has_source
        m = self.model
        no_drafts = not none and not m.loading and not m.canFetchMore() and m.rowCount() == 0  # all loaded: none
        self.empty.setVisible(none)
        self._split.setVisible(not none)
        self.table.set_empty_text(shown(NO_DRAFTS) if no_drafts else "")
        self.preview.setVisible(not no_drafts)  # nothing to preview: the words get the room
        if none or no_drafts:
            self.preview.clear()

    def _fit_short_preview(self) -> None:
        """The preview under the list without its body: as tall as its wrapped lines need (a splitter gives a
        wrapped label one line's height, and a status of two lines ran into the subject), the list the rest."""
        if self._split.orientation() != Qt.Vertical or self.preview.body.isVisibleTo(self.preview):
            return
        room = self._split.height()
        need = self.preview.layout().totalHeightForWidth(self.preview.width()) if self.preview.width() > 0 else -1
        if room > 0 and need > 0:
            self._split.setSizes([max(0, room - need), need])

    def _update_send(self, *_a) -> None:
        """"Send selected" and "Delete" only while drafts are selected (their keys then say how to select them)."""
        some = bool(self.table.selected_rows())
        self.send_button.setEnabled(some)
        self.delete_button.setEnabled(some)

    # ---- the preview ----
    def _row_changed(self, current, _previous) -> None:
        s = self.model.summary(current.row()) if current.isValid() else None
        if s is None:
            self.preview.clear()
            return
        if self.preview.message is None or self.preview.message.ref is None \
                or self.preview.message.ref.id != s.ref.id:
            self.preview.clear()
            self.preview.subject_label.setText(s.subject or translate("SentView", "(no subject)"))
        self._update_note()
        self.preview_requested.emit(s.ref)

    def current_summary(self) -> MessageSummary | None:
        cur = self.table.currentIndex()
        return self.model.summary(cur.row()) if cur.isValid() else None

    def _update_note(self) -> None:
        """The current draft's status (why its last send did not go), whole, above its preview."""
        s = self.current_summary()
        self.preview.set_note(self.model.shown_status(s.ref.id) if s is not None else "")
        self._fit_short_preview()

    def show_draft(self, msg, ref: ItemRef) -> None:
        """The draft read for ``ref``, if it is still the current row's."""
        s = self.current_summary()
        if s is None or s.ref.id != ref.id:
            return
        if msg.ref is None:
            msg = msg.copy(ref=ref)
        from app.domain.validation import format_recipients

        rows = [(translate("SentView", "To"), format_recipients(msg.to)),
                (translate("SentView", "Cc"), format_recipients(msg.cc)),
                (translate("SentView", "Bcc"), format_recipients(msg.bcc))]
        self.preview.show_message(msg, rows)
        self._update_note()

    def _update_count(self, *_a) -> None:
        if not self.model.has_source:
            self.count_label.setText("")
            return
        n = self.model.total
        if self.model.loading:
            self.count_label.setText(counted(N_DRAFTS_LOADING, n))
        else:
            self.count_label.setText(counted(N_DRAFTS, n))
