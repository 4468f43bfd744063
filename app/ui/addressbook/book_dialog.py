"""The address book dialog: a search box, the entries found (name, address, title, department, office), the
details of the one selected and, for a group, its members, page by page.

Keys: typing searches once typing pauses (app/core/directory/search.py); Down goes from the box to the list, Up
on its first row back to the box; Enter adds the selection to the field the dialog was opened from; Alt+T /
Alt+C / Alt+B add it to To / Cc / Bcc; Alt+E expands the selected group in that field (asked first, by the
controller); several can be added before Esc closes the dialog. The server's text is shown as plain text.

Wiring only: what adding and expanding do is :mod:`app.ui.addressbook.book_flows`'s; the dialog asks through its
signals.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QSplitter, QTableView,
    QVBoxLayout, QWidget,
)

from app.core.directory.search import DirectorySearch, GroupMembers, Listing
from app.domain.directory import DirectoryEntry
from app.ui.addressbook.book_model import EntryModel, kind_words
from app.ui.common.clear_action import add_clear_action
from app.ui.common.safe_text import PlainLabel
from app.ui.common.tr import shown, translate

# the fields the dialog adds to, with their keys
FIELDS = (("to", "Alt+T"), ("cc", "Alt+C"), ("bcc", "Alt+B"))
# a next page is asked for when the row the user is on is this close to the end of the list
NEAR_END = 5
# the size the dialog asks for, and the room it leaves at the screen's edges (for the frame)
WIDTH, HEIGHT, MARGIN = 900, 560, 40


def field_words(field: str) -> str:
    return {"to": translate("AddressBook", "To"), "cc": translate("AddressBook", "Cc"),
            "bcc": translate("AddressBook", "Bcc")}[field]


def _keys(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.NativeText)


def _table(parent: QWidget, model: EntryModel, name: str) -> QTableView:
    t = QTableView(parent)
    t.setModel(model)
    t.setAccessibleName(name)
    t.setSelectionBehavior(QAbstractItemView.SelectRows)
    t.setSelectionMode(QAbstractItemView.ExtendedSelection)
    t.setEditTriggers(QAbstractItemView.NoEditTriggers)
    t.setTabKeyNavigation(False)
    t.setWordWrap(False)
    t.setShowGrid(False)
    t.verticalHeader().hide()
    head = t.horizontalHeader()
    head.setStretchLastSection(True)
    head.setSectionResizeMode(QHeaderView.Interactive)
    head.setResizeContentsPrecision(0)  # the rows on screen: never every row of a long group
    return t


class AddressBook(QDialog):
    add_requested = Signal(str, list)  # (field: "to" | "cc" | "bcc", [DirectoryEntry])
    # (words, assertive): what a reader is to hear of a search's outcome (the controller says it)
    spoken = Signal(str, bool)
    expand_requested = Signal(str, object)  # (field, the group: DirectoryEntry)
    access_requested = Signal(str)  # the permission to ask for in a sign-in ("Ask for access…")

    def __init__(self, parent, search, members, *, spawn=None, call_later=None):
        """``search(text, page)`` / ``members(group, page)``: the session's (awaitables of a DirectoryPage);
        ``spawn``: the window's tracked tasks; ``call_later``: the pause's timer (tests move it by hand)."""
        super().__init__(parent)
        title = translate("AddressBook", "Address book")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAccessibleDescription(translate(
            "AddressBook", "Type a name to search the organisation's address book. Enter adds the selected entry "
                           "to the field you came from; Alt+T, Alt+C and Alt+B add it to To, Cc and Bcc."))
        self.setModal(False)
        self.field = "to"  # the field the dialog was opened from
        self.search = DirectorySearch(search, self._listing_changed, spawn=spawn, call_later=call_later)
        self.members = GroupMembers(members, self._members_changed, spawn=spawn)
        self._said_for = None  # the listing whose outcome was last said
        self.asking = ""  # the permission a sign-in is asking for now ("" when none)
        self.refused: set[str] = set()  # permissions asked for and not given: never offered again

        lay = QVBoxLayout(self)
        self._search_part(lay)
        split = QSplitter(Qt.Horizontal, self)
        self.model = EntryModel(self)
        self.table = _table(split, self.model, translate("AddressBook", "Address book entries"))
        self.table.setObjectName("addressBookList")
        details = self._details_part(split)
        split.addWidget(self.table)
        split.addWidget(details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        details.setMinimumWidth(300)
        lay.addWidget(split, 1)
        self.note = PlainLabel(self)  # what was added last
        self.note.setWordWrap(True)
        self.note.setAccessibleName(translate("AddressBook", "Added"))
        lay.addWidget(self.note)
        lay.addLayout(self._buttons())
        self._wire()
        self._show_group(None)
        self._listing_changed()

    def _search_part(self, lay: QVBoxLayout) -> None:
        self.box = QLineEdit(self)
        self.box.setAccessibleName(translate("AddressBook", "Search the address book"))
        self.box.setPlaceholderText(translate("AddressBook", "Type a name, an address or its beginning…"))
        add_clear_action(self.box, translate("AddressBook", "Clear the search"))
        lay.addWidget(self.box)
        self.status = PlainLabel(self)
        self.status.setObjectName("viewSubtitle")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("AddressBook", "Search status"))
        self.ask_button = QPushButton(translate("AddressBook", "Ask for access…"), self)
        self.ask_button.setAccessibleDescription(translate(
            "AddressBook", "Signs you in to Microsoft 365 in your browser, asking for the permission to read the "
                           "address book"))
        self.ask_button.setAutoDefault(False)
        self.ask_button.clicked.connect(self._ask_access)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.ask_button)
        lay.addLayout(row)

    def _details_part(self, split: QSplitter) -> QWidget:
        """The entry the keyboard is on, and a group's members under it."""
        details = QWidget(split)
        dv = QVBoxLayout(details)
        dv.setContentsMargins(6, 0, 0, 0)
        self.details = PlainLabel(details)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.details.setAccessibleName(translate("AddressBook", "Details"))
        dv.addWidget(self.details)
        self.members_label = PlainLabel(translate("AddressBook", "Members"), details)
        self.members_label.setObjectName("fieldLabel")
        dv.addWidget(self.members_label)
        self.member_model = EntryModel(self)
        self.member_table = _table(details, self.member_model, translate("AddressBook", "Group members"))
        self.member_table.setObjectName("groupMembers")
        for column in (2, 3, 4):  # a member's name and address; its details are a search away
            self.member_table.setColumnHidden(column, True)
        self.members_label.setBuddy(self.member_table)
        dv.addWidget(self.member_table, 1)
        self.members_status = PlainLabel(details)
        self.members_status.setWordWrap(True)
        self.members_status.setAccessibleName(translate("AddressBook", "Members status"))
        dv.addWidget(self.members_status)
        return details

    def _wire(self) -> None:
        """The keys, the tab order, and the lists following the searches (the next page near their end)."""
        QWidget.setTabOrder(self.box, self.table)
        QWidget.setTabOrder(self.table, self.member_table)  # Tab from the list to the group's members
        QWidget.setTabOrder(self.member_table, self.add_buttons["to"])
        self._keys = _BookKeys(self)
        for w in (self.box, self.table, self.member_table):
            w.installEventFilter(self._keys)
        self.box.textChanged.connect(self.search.type)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.verticalScrollBar().valueChanged.connect(lambda _v: self._near_end(self.table, self.search))
        self.member_table.verticalScrollBar().valueChanged.connect(
            lambda _v: self._near_end(self.member_table, self.members))
        self.member_table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._near_end(self.member_table, self.members, cur.row()))
        self.finished.connect(self._closed)
        # destroyed with the window: nothing more is searched, nor shown in it
        self.destroyed.connect(partial(_stop, self.search, self.members))

    def _buttons(self) -> QHBoxLayout:
        """To, Cc, Bcc, Expand group and Close; the dialog's keys are shortcuts of its own (the F1 sheet lists them
        with the keys that are no menu command: app.ui.window.actions.CONTEXT_KEYS)."""
        row = QHBoxLayout()
        self.add_buttons: dict[str, QPushButton] = {}
        for field, keys in FIELDS:
            button = QPushButton(translate("AddressBook", "{field} ({keys})").format(
                field=field_words(field), keys=_keys(keys)), self)
            button.setAccessibleName(translate("AddressBook", "Add to {field}").format(field=field_words(field)))
            button.clicked.connect(lambda _c=False, f=field: self.add_selection(f))
            QShortcut(QKeySequence(keys), self, lambda f=field: self.add_selection(f))
            self.add_buttons[field] = button
            row.addWidget(button)
        self.expand_button = QPushButton(translate("AddressBook", "Expand group ({keys})").format(
            keys=_keys("Alt+E")), self)
        self.expand_button.setAccessibleName(translate("AddressBook", "Expand the group in the field"))
        self.expand_button.setAccessibleDescription(translate(
            "AddressBook", "Replaces the group in the field by its members, after asking"))
        self.expand_button.clicked.connect(self.expand_selection)
        self.expand_key = QShortcut(QKeySequence("Alt+E"), self, self.expand_selection)
        row.addWidget(self.expand_button)
        row.addStretch(1)
        close = QPushButton(translate("AddressBook", "Close"), self)
        close.setAccessibleDescription(translate("AddressBook", "Closes the address book (Esc)"))
        close.clicked.connect(self.reject)
        row.addWidget(close)
        for b in (*self.add_buttons.values(), self.expand_button, close):
            b.setAutoDefault(False)  # Enter is the list's: it adds to the field the dialog came from
            b.setDefault(False)
        return row

    # ---- opening ----
    def open_for(self, field: str) -> None:
        """Show the dialog for ``field`` ("to", "cc", "bcc"): Enter adds there; the keyboard in the search box."""
        self.field = field if field in dict(FIELDS) else "to"
        self.note.clear()
        if not self.isVisible():
            self._fit_screen()
            if self.box.text().strip():
                self.search.type(self.box.text())  # what the box holds, listed again
        self.show()
        self.raise_()
        self.activateWindow()
        self.box.setFocus(Qt.OtherFocusReason)
        self.box.selectAll()

    def _fit_screen(self) -> None:
        """As wide as its five columns want (900 px), within the screen the window is on, and inside it."""
        owner = self.parentWidget() or self
        room = owner.screen().availableGeometry()
        width = max(self.minimumSizeHint().width(), min(WIDTH, room.width() - MARGIN))
        height = max(self.minimumSizeHint().height(), min(HEIGHT, room.height() - MARGIN))
        self.resize(width, height)
        centre = owner.frameGeometry().center() if owner is not self else room.center()
        x = min(max(room.left(), centre.x() - width // 2), room.right() - width - MARGIN // 2)
        y = min(max(room.top(), centre.y() - height // 2), room.bottom() - height - MARGIN // 2)
        self.move(max(room.left(), x), max(room.top(), y))

    def _closed(self, _result) -> None:
        """Closed (Esc, Close): no search is to come, and answers still on their way are dropped; the search box
        keeps its text and the list is asked again when it opens."""
        self.search.close()
        self.members.close()
        self._said_for = None

    # ---- the selection ----
    def selected(self) -> list[DirectoryEntry]:
        """The entries selected in the list the keyboard is in (the members' list or the search's)."""
        table = self.member_table if self.member_table.hasFocus() else self.table
        rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
        if not rows and table.currentIndex().isValid():
            rows = [table.currentIndex().row()]
        model = table.model()
        return [e for e in (model.entry(r) for r in rows) if e is not None]

    def add_selection(self, field: str | None = None) -> None:
        entries = self.selected()
        if entries:
            self.add_requested.emit(field or self.field, entries)

    def expand_selection(self) -> None:
        group = self.current_group()
        if group is not None:
            self.expand_requested.emit(self.field, group)

    def current_group(self) -> DirectoryEntry | None:
        """The group the keyboard is on: in the members' list (a group inside a group), else in the search's."""
        if self.member_table.hasFocus():
            e = self.member_model.entry(self.member_table.currentIndex().row())
        else:
            e = self.model.entry(self.table.currentIndex().row())
        return e if e is not None and e.is_group else None

    # ---- asking for a permission the organisation has not granted yet ----
    def permission_to_ask(self) -> str:
        """The permission a refusal shown can be asked about (the search's, else the group's members'), "" none."""
        return self.search.listing.ask or (self.members.listing.ask if self.members.group is not None else "")

    def _ask_access(self) -> None:
        permission = self.permission_to_ask()
        if permission and not self.asking:
            self.access_requested.emit(permission)

    def show_asking(self, words: str = "") -> None:
        """The "Ask for access…" button where the refusal can be asked about (not while asking, never again once
        refused); ``words``: what the asking came to, in the status line."""
        ask = self.permission_to_ask()
        shown = bool(ask) and ask not in self.refused and not self.asking
        if not shown and self.ask_button.hasFocus():  # the keyboard goes back to the search, not to the next button
            self.box.setFocus(Qt.OtherFocusReason)
        self.ask_button.setVisible(shown)
        if words:
            self.status.setText(words)

    def say_added(self, words: str) -> None:
        self.note.setText(words)

    # ---- the lists follow the searches ----
    def _listing_changed(self) -> None:
        listing = self.search.listing
        self.model.set_entries(listing.entries)
        if listing.entries and not self.table.currentIndex().isValid():
            self.table.resizeColumnsToContents()
        words = self._status_words(listing, bool(self.search.text))
        self.status.setText(words)
        self.show_asking()
        if listing.answered and not listing.loading and self._said_for != (self.search.text, words):
            self._said_for = (self.search.text, words)  # each search's outcome said once
            self.spoken.emit(words, bool(listing.problem))

    def _status_words(self, listing: Listing, searched: bool) -> str:
        if listing.problem:
            return shown(listing.problem)
        if listing.loading and not listing.entries:
            return translate("AddressBook", "Searching…")
        if not searched:
            return translate("AddressBook", "Type a name to search the address book")
        if not listing.entries:
            none = translate("AddressBook", "No entry matches “{text}”").format(text=self.search.text)
            return f"{none}. {shown(listing.left_out)}" if listing.left_out else none
        more = translate("AddressBook", "; more below") if listing.more else ""
        count = len(listing.entries)
        found = translate("AddressBook", "%Ln entry(ies) found", None, count) + more
        return f"{found}. {shown(listing.left_out)}" if listing.left_out else found

    def _members_changed(self) -> None:
        listing = self.members.listing
        first_page = not self.member_model.entries and listing.entries
        self.member_model.set_entries(listing.entries)
        if first_page:
            self.member_table.resizeColumnToContents(0)  # the names whole (the rows on screen measured)
        if listing.problem:
            words = shown(listing.problem)
        elif listing.loading and not listing.entries:
            words = translate("AddressBook", "Reading the members…")
        elif listing.answered and not listing.entries:
            words = translate("AddressBook", "This group has no members you can see")
        else:
            words = ""
        self.members_status.setText(words)
        self.members_status.setVisible(bool(words))
        self.show_asking()
        group = self.members.group
        count = len(listing.entries)
        if group is not None and listing.answered and not listing.more and not listing.problem:
            self.model.counted(group, count)
            self.table.resizeColumnToContents(0)  # the name with its size, whole
            self.details.setText(self.details_words(group))
        if listing.more:
            self.members_label.setText(translate("AddressBook", "Members (%Ln so far, more below)", None, count))
        elif listing.answered and not listing.problem:
            self.members_label.setText(translate("AddressBook", "Members (%Ln)", None, count))
        else:
            self.members_label.setText(translate("AddressBook", "Members"))

    def _row_changed(self, current, _previous) -> None:
        entry = self.model.entry(current.row())
        self.details.setText(self.details_words(entry) if entry is not None else "")
        self._show_group(entry if entry is not None and entry.is_group else None)
        self._near_end(self.table, self.search, current.row())

    def _show_group(self, group: DirectoryEntry | None) -> None:
        self.members.show(group)
        for w in (self.members_label, self.member_table):
            w.setVisible(group is not None)
        self.expand_button.setEnabled(group is not None)
        if group is None:
            self.members_status.hide()

    def _near_end(self, table: QTableView, source, row: int | None = None) -> None:
        """The list scrolled to its end, or the row the user is on near it: the next page is asked for."""
        bar = table.verticalScrollBar()
        at_end = bar.maximum() > 0 and bar.value() >= bar.maximum()
        near = row is not None and row >= table.model().rowCount() - NEAR_END
        if at_end or near:
            source.more()

    def details_words(self, e: DirectoryEntry) -> str:
        """The entry's details, one per line, as plain text."""
        lines = [self.model.name(e), e.email, kind_words(e.kind)]
        for label, value in ((translate("AddressBook", "Title"), e.title),
                             (translate("AddressBook", "Department"), e.department),
                             (translate("AddressBook", "Office"), e.office),
                             (translate("AddressBook", "Phone"), e.phone),
                             (translate("AddressBook", "Company"), e.company)):
            if value:
                lines.append(translate("AddressBook", "{label}: {value}").format(
                    label=label, value=" ".join(value.split())))
        if e.may_send is False:  # the server's MailTips: DeliveryRestricted
            lines.append(translate("AddressBook", "{name} accepts mail only from certain senders: a message from "
                                                  "you will be returned").format(name=" ".join(e.name.split())))
        elif e.may_send:
            lines.append(translate("AddressBook", "You may send to this group"))
        return "\n".join(lines)


def _stop(search: DirectorySearch, members: GroupMembers, *_args) -> None:
    search.stop()
    members.stop()


class _BookKeys(QObject):
    """The dialog's keys before its box and lists see them: Down from the box into the list, Up from the list's
    first row back to the box, Home / End a list's first / last row (the next page follows), Enter adds the
    selection to the field the dialog came from (in the box: the first entry when none is selected, or searches at
    once while typing has not paused)."""

    def __init__(self, book: AddressBook):
        super().__init__(book)
        self.book = book

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() != QEvent.KeyPress or event.modifiers() & ~Qt.KeypadModifier != Qt.NoModifier:
            return False
        b, key = self.book, event.key()
        if key in (Qt.Key_Return, Qt.Key_Enter):
            return self._enter(obj)
        if obj is b.box and key == Qt.Key_Down and b.model.rowCount():
            row = max(0, b.table.currentIndex().row())
            b.table.setFocus(Qt.TabFocusReason)
            b.table.selectRow(row)
            return True
        if obj is b.table and key == Qt.Key_Up and b.table.currentIndex().row() <= 0:
            b.box.setFocus(Qt.TabFocusReason)
            return True
        if obj in (b.table, b.member_table) and key in (Qt.Key_Home, Qt.Key_End) and obj.model().rowCount():
            obj.selectRow(0 if key == Qt.Key_Home else obj.model().rowCount() - 1)  # a list's first / last row
            return True
        return False

    def _enter(self, obj) -> bool:
        b = self.book
        if obj is b.box:
            if b.search.waiting:
                b.search.now()
                return True
            if not b.table.currentIndex().isValid() and b.model.rowCount():
                b.table.selectRow(0)
        b.add_selection()
        return True
