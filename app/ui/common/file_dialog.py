"""The file dialogs (attach, insert a picture, open and save .eml, save attachments, the merge's table): Qt's own
dialog, its Size and Date Modified columns written in the window's locale.

Qt's file system model writes a file's size and date with the *system's* locale (``QLocale.system()``). Under
``LANG=C.UTF-8`` (a bare system, a container) that is the C locale, whose date is "28 11 2026 11:47" (no
separators: not a date a reader recognises) and whose size is English ("0 bytes") whatever the window's
language. Through the dialog's public proxy model (``QFileDialog.setProxyModel``) those two columns are written
as the lists write them: the window's locale (the default one, app.ui.common.language.install), with ISO 8601
("2026-11-28 11:47") in the C locale (app.ui.common.list_dates)."""

from __future__ import annotations

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QWidget

from app.ui.common.tr import data_size
from app.ui.common.list_dates import list_date

# the file system model's columns this proxy writes
SIZE, DATE = 1, 3


class LocaleColumns(QIdentityProxyModel):
    """The file system model as it is, but its Size and Date Modified in the window's locale."""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        source = self.sourceModel()
        if role != Qt.ItemDataRole.DisplayRole or index.column() not in (SIZE, DATE) or not isinstance(
                source, QFileSystemModel):
            return super().data(index, role)
        info = source.fileInfo(self.mapToSource(index))
        if index.column() == SIZE:
            return "" if info.isDir() else data_size(info.size())
        when = info.lastModified()
        return list_date(when.toPython()) if when.isValid() else ""


def file_dialog(parent: QWidget | None, title: str, folder: str = "", filters: str = "") -> QFileDialog:
    """A file dialog whose sizes and dates follow the window's locale (it is not shown: the caller opens it)."""
    dlg = QFileDialog(parent, title, folder, filters)
    dlg.setProxyModel(LocaleColumns(dlg))
    return dlg
