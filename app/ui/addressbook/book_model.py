"""The address book's entries as a table: name, address, title, department, office. Every cell is the server's
text shown as plain text; a group's name says its size where the server told it ("Sales (3 members)")."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from app.domain.directory import DirectoryEntry, EntryKind
from app.ui.common.tr import translate

_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_DESCRIPTION = int(Qt.ItemDataRole.AccessibleDescriptionRole.value)
_CELL = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren


def kind_words(kind: EntryKind) -> str:
    return {EntryKind.PERSON: translate("AddressBook", "Person"), EntryKind.GROUP: translate("AddressBook", "Group"),
            EntryKind.ROOM: translate("AddressBook", "Room"),
            EntryKind.SHARED: translate("AddressBook", "Shared mailbox"),
            EntryKind.CONTACT: translate("AddressBook", "Contact")}[kind]


def shown_name(entry: DirectoryEntry, count: int | None = None) -> str:
    """The name as the list shows it: a group's with its size when known ("Sales (143 members)"): the server's, else
    ``count`` (its members all read)."""
    name = " ".join((entry.name or entry.email).split())
    count = entry.member_count if entry.member_count is not None else count
    if entry.is_group and count is not None:
        return translate("AddressBook", "{name} (%Ln member(s))", None, count).format(name=name)
    return name


def _one_line(text: str) -> str:
    return " ".join(text.split())


class EntryModel(QAbstractTableModel):
    """Entries of the directory in the server's order (``set_entries``: the whole list again)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[DirectoryEntry] = []
        # (key, address) -> members counted, for the groups whose members were all read
        self.sizes: dict[tuple[str, str], int] = {}
        self._heads = (translate("AddressBook", "Name"), translate("AddressBook", "Address"),
                       translate("AddressBook", "Title"), translate("AddressBook", "Department"),
                       translate("AddressBook", "Office"))

    def set_entries(self, entries: list[DirectoryEntry]) -> None:
        """The list as it is now. Entries added at the end (a next page) are inserted, so the row the user is on
        and the selection stay; anything else resets the list."""
        old, new = self.entries, list(entries)
        if old and new[:len(old)] == old:
            if len(new) > len(old):
                self.beginInsertRows(QModelIndex(), len(old), len(new) - 1)
                self.entries = new
                self.endInsertRows()
            return
        if old == new:
            return
        self.beginResetModel()
        self.entries = new
        self.endResetModel()

    def counted(self, group: DirectoryEntry, count: int) -> None:
        """``group``'s members were all read: its row says how many, when the server did not."""
        if group.member_count is not None or self.sizes.get((group.key, group.email)) == count:
            return
        self.sizes[(group.key, group.email)] = count
        for row, e in enumerate(self.entries):
            if e == group:
                self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def name(self, e: DirectoryEntry) -> str:
        return shown_name(e, self.sizes.get((e.key, e.email)))

    def entry(self, row: int) -> DirectoryEntry | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._heads)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == _DISPLAY and 0 <= section < len(self._heads):
            return self._heads[section]
        return None

    def flags(self, index):
        return _CELL

    def data(self, index, role=Qt.DisplayRole):
        e = self.entry(index.row())
        if e is None:
            return None
        role = int(role.value) if hasattr(role, "value") else int(role)
        if role == _DISPLAY:
            return self.cell(e, index.column())
        if role in (_DESCRIPTION, _TOOLTIP):
            # each cell is read as its own column's words; the row's name, address and title are its description,
            # whichever cell a reader is on (as the window's lists: app/ui/lists)
            return self.row_words(e)
        return None

    def cell(self, e: DirectoryEntry, column: int) -> str:
        return (self.name(e), _one_line(e.email), _one_line(e.title), _one_line(e.department),
                _one_line(e.office))[column]

    def row_words(self, e: DirectoryEntry) -> str:
        """Name, address and title (and what it is, when not a person): what a reader says of a row."""
        parts = [self.name(e), _one_line(e.email)]
        if e.title:
            parts.append(_one_line(e.title))
        if e.kind != EntryKind.PERSON:
            parts.append(kind_words(e.kind))
        return ", ".join(parts)


