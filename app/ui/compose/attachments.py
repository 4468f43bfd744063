"""The attachment list: add by file dialog (non-blocking) or drag and drop, remove with Delete.

Files over the server's size limit, or that cannot be read, are not attached; the reason is shown
under the list and nothing already in the message is lost. The limit is checked for the message as it
would be sent (every attachment together, as the server counts them: base64 adds a third), at attach
time, so two files that fit alone but not together are refused then, not at Send. The file dialog opens
in the home folder, then in the last folder used (for the session), with its columns fitting their
contents. A name with a path separator or a control character is attached under a cleaned name
(``safe_attachment_name``) and a note under the list says so.
"""

from __future__ import annotations

import mimetypes
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QFileDialog, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.domain.models import Attachment
from app.domain.validation import DEFAULT_MAX_SEND_BYTES, printable, safe_attachment_name
from app.storage.regular_file import Refused, read_regular
from app.ui.common.file_dialog import file_dialog
from app.ui.common.safe_text import PlainLabel, tooltip
from app.ui.common.tr import data_size, shown, translate
from app.ui.common.theme import icon


def not_added(inserted: bool = False) -> str:
    """The sentence that ends a refusal: the file was not attached (or, a picture, not inserted)."""
    return translate("Attachments", "It was not inserted.") if inserted else translate("Attachments",
                                                                                      "It was not attached.")


def read_attachment(path: str, max_bytes: int, inserted: bool = False,
                    read=read_regular) -> tuple[Attachment | None, str]:
    """(attachment, "") or (None, why not). Never raises. ``inserted``: a picture put in the body. ``read``:
    :func:`read_asked` for a file another program named (a link's), with the private files' rule."""
    p = Path(path)
    name = safe_attachment_name(p.name)
    try:  # regular files only, opened once (app/storage/regular_file.py)
        data = read(p.absolute(), max_bytes)[0]
    except Refused as no:
        return None, f"{_refused(no, name, max_bytes)} {not_added(inserted)}"
    except FileNotFoundError:
        why = translate("Attachments", "“{name}” could not be read: the file no longer exists (it was moved or "
                        "deleted).").format(name=name)
        return None, f"{why} {not_added(inserted)}"
    except OSError as exc:
        why = translate("Attachments", "“{name}” could not be read ({reason}).").format(
            name=name, reason=exc.strerror or type(exc).__name__)
        return None, f"{why} {not_added(inserted)}"
    ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return Attachment(name=name, content=data, content_type=ctype, source_path=str(p), size=len(data)), ""


def _refused(no: Refused, name: str, max_bytes: int) -> str:
    if no.kind in ("keys", "dispatch", "hidden"):  # a file a link named, read at the user's Enter
        return asked_refusal(no.kind, name)
    if no.kind == "folder":
        return translate("Attachments", "“{name}” is a folder, not a file.").format(name=name)
    if no.kind == "large":
        return translate("Attachments", "“{name}” is {size}; the server accepts at most {limit} per message.").format(
            name=name, size=data_size(no.size), limit=data_size(max_bytes))
    # a FIFO, socket or device (reading it could block forever), or the system's own files
    return translate("Attachments", "“{name}” is not an ordinary file (a pipe or a device).").format(name=name)


def asked_refusal(kind: str, path: str) -> str:
    """Why the file at ``path``, named by a link or another program, is never attached (a :class:`Refused` kind
    of app/storage/regular_file.py)."""
    words = {
        "keys": translate("Attachments", "“{path}” is in a folder of keys (~/.ssh, ~/.gnupg or the keyring): "
                                         "never attached from a link."),
        "dispatch": translate("Attachments", "“{path}” is in Dispatch's own folders (its settings and data): never "
                                             "attached from a link."),
        "hidden": translate("Attachments", "“{path}” is a hidden file or in a hidden folder: never attached from a "
                                           "link."),
        "system": translate("Attachments", "“{path}” is a system file (a device or a process's file): never "
                                           "attached."),
        "folder": translate("Attachments", "“{path}” is a folder, not a file."),
        "special": translate("Attachments", "“{path}” is not an ordinary file (a pipe or a device)."),
        "missing": translate("Attachments", "“{path}” does not exist."),
    }
    return words.get(kind, words["special"]).format(path=printable(path, 400))


def over_limit(att: Attachment, already: list[Attachment], max_bytes: int, inserted: bool = False) -> str:
    """Why ``att`` cannot join ``already`` under the send limit ('' if it can): what the message's
    attachments would weigh as sent (base64: a third more, as :meth:`Draft.total_size` counts them for a
    send). ``inserted``: a picture put in the body."""
    files = sum(a.byte_size for a in already) + att.byte_size
    total = (files * 4) // 3
    if total <= max_bytes:
        return ""
    if inserted:
        words = translate("Attachments", "“{name}” ({size}) was not inserted: the attachments would total {files}, "
                          "about {total} as sent (files grow by a third on the way); the server accepts at most "
                          "{limit} per message.")
    else:
        words = translate("Attachments", "“{name}” ({size}) was not attached: the attachments would total {files}, "
                          "about {total} as sent (files grow by a third on the way); the server accepts at most "
                          "{limit} per message.")
    return words.format(name=att.name, size=data_size(att.byte_size), files=data_size(files),
                        total=data_size(total), limit=data_size(max_bytes))


def renamed_note(pairs: list[tuple[str, str]]) -> str:
    """One note for every attachment whose name was cleaned: [(original, cleaned), ...]."""
    if not pairs:
        return ""
    what = ", ".join(
        translate("Attachments", "“{name}” as “{clean}”").format(name=printable(orig), clean=clean)
        for orig, clean in pairs)
    return translate("Attachments", "Attached {what}: attachment names cannot contain folder separators (/ or \\) "
                     "or control characters.").format(what=what)


class AttachmentList(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.max_bytes = DEFAULT_MAX_SEND_BYTES
        self._items: list[Attachment] = []
        self._dialog: QFileDialog | None = None
        self.last_folder = ""  # where the last file was picked from (this session): the dialog opens there
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        self.list = QListWidget(self)
        self.list.setObjectName("attachments")
        self.list.setAccessibleName(translate("Attachments", "Attachments"))
        self.list.setSelectionMode(QListWidget.ExtendedSelection)
        self.list.setFlow(QListWidget.LeftToRight)
        self.list.setWrapping(True)
        self.list.setSpacing(4)
        self.list.setFixedHeight(44)
        self.error_label = PlainLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setAccessibleName(translate("Attachments", "Attachment error"))
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.note_label = PlainLabel(self)  # not an error: e.g. "was attached as ..." after a name was cleaned
        self.note_label.setObjectName("fieldNote")
        self.note_label.setAccessibleName(translate("Attachments", "Attachment note"))
        self.note_label.setObjectName("fieldWarning")  # the theme's warning colour, light or dark
        self.note_label.setWordWrap(True)
        self.note_label.hide()
        lay.addWidget(self.list)
        lay.addWidget(self.error_label)
        lay.addWidget(self.note_label)
        self.remove_action = QAction(translate("Attachments", "Remove attachment"), self.list)
        self.remove_action.setShortcut(QKeySequence.Delete)
        self.remove_action.setShortcutContext(Qt.WidgetShortcut)
        self.remove_action.triggered.connect(self.remove_selected)
        self.list.addAction(self.remove_action)
        self.setAcceptDrops(True)
        self.list.setAcceptDrops(False)
        self._sync()

    # ---- value ----
    def attachments(self) -> list[Attachment]:
        return list(self._items)

    def set_attachments(self, items: list[Attachment]) -> None:
        """Show a loaded message's attachments (an opened or recovered draft).

        A name with a path separator or control character is cleaned (and the server copy replaced:
        its id is dropped so the next save uploads it under the clean name). An attachment whose bytes
        are not here (a recovered draft whose file was stored by path) is re-read from where it was
        picked; if that file is gone it is left out and the reason shown (never sent as an empty file).
        """
        kept, problems, notes = [], [], []
        for a in items:
            if not a.content and not a.attachment_id and a.byte_size != 0:
                if not a.source_path or not Path(a.source_path).exists():
                    problems.append(translate("Attachments", "“{name}” is no longer attached: its file was moved or "
                                              "deleted after you attached it. Attach it again if you need it.")
                                    .format(name=printable(a.name)))
                    continue
                again, why = read_attachment(a.source_path, self.max_bytes)
                if again is None:
                    problems.append(why)
                    continue
                a = replace(again, name=a.name, content_type=a.content_type)
            clean = safe_attachment_name(a.name)
            if clean != a.name:
                notes.append((a.name, clean))
                a = replace(a, name=clean, attachment_id="" if a.content else a.attachment_id)
            kept.append(a)
        self._items = kept
        self.set_error(" ".join(problems))
        self.set_note(renamed_note(notes))
        self._sync()

    def add_paths(self, paths: list[str], read=read_regular) -> list[str]:
        """Attach files; returns the problems (also shown under the list). ``read``: as :func:`read_attachment`."""
        problems, notes = [], []
        for path in paths:
            att, why = read_attachment(path, self.max_bytes, read=read)
            if att is not None:
                why = over_limit(att, self._items, self.max_bytes)
                att = None if why else att
            if att is None:
                problems.append(why)
            else:
                raw = Path(path).name
                if att.name != raw:
                    notes.append((raw, att.name))
                self._items.append(att)
        self.set_error(" ".join(problems))
        self.set_note(renamed_note(notes))
        self._sync()
        if len(problems) < len(paths):
            self.changed.emit()
        return problems

    def adopt_ids(self, saved: list[Attachment]) -> None:
        """Take the server's attachment ids after a save, if the list on screen is still the same."""
        if [(a.name, a.byte_size) for a in self._items] == [(a.name, a.byte_size) for a in saved]:
            self._items = [replace(a, attachment_id=s.attachment_id or a.attachment_id) for a, s in zip(self._items, saved)]

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.list.selectedIndexes()}, reverse=True)
        if not rows and self.list.currentRow() >= 0:
            rows = [self.list.currentRow()]
        for r in rows:
            if 0 <= r < len(self._items):
                del self._items[r]
        if rows:
            self.set_error("")
            self.set_note("")
            self._sync()
            self.changed.emit()

    def set_error(self, msg: str) -> None:
        """Show ``msg`` under the list (the core's words translated); "" hides it."""
        msg = shown(msg)
        self.error_label.setText(msg)
        self.error_label.setVisible(bool(msg))
        if self.list.property("invalid") != bool(msg):
            self.list.setProperty("invalid", bool(msg))
            self.list.style().unpolish(self.list)
            self.list.style().polish(self.list)

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def set_note(self, msg: str) -> None:
        msg = shown(msg)
        self.note_label.setText(msg)
        self.note_label.setVisible(bool(msg))

    def note_text(self) -> str:
        return self.note_label.text() if not self.note_label.isHidden() else ""

    def _sync(self) -> None:
        self.list.clear()
        for a in self._items:
            item = QListWidgetItem(icon("attachment"), f"{a.name}  ·  {data_size(max(a.byte_size, 0))}")
            item.setToolTip(tooltip(a.source_path or a.name))
            self.list.addItem(item)
        if not self._items:
            hint = QListWidgetItem(translate("Attachments", "Drop files here or press Ctrl+Shift+A to attach"))
            hint.setFlags(Qt.NoItemFlags)
            hint.setForeground(QColor("#94a3b8"))
            self.list.addItem(hint)

    # ---- add via dialog (non-blocking) ----
    def open_dialog(self) -> None:
        if self._dialog is None:
            self._dialog = file_dialog(self, translate("Attachments", "Attach files"))
            self._dialog.setFileMode(QFileDialog.ExistingFiles)
            self._dialog.setViewMode(QFileDialog.Detail)
            self._dialog.resize(880, 540)  # room for the name, size, type and date columns
            self._dialog.filesSelected.connect(self._picked)
            self._dialog.directoryEntered.connect(lambda _d: self._fit_columns())
            self._dialog.finished.connect(lambda _r: self.window().activateWindow())  # the keyboard comes back
        folder = self.last_folder if self.last_folder and Path(self.last_folder).is_dir() else str(Path.home())
        self._dialog.setDirectory(folder)
        self._dialog.open()
        self._fit_columns()

    def _picked(self, paths: list[str]) -> None:
        if paths:
            self.last_folder = str(Path(paths[0]).parent)
        self.add_paths(paths)

    def _fit_columns(self) -> None:
        """Qt's own (non-native) dialog: size the file list's columns to their contents once the folder
        is read (it is read in a thread: again when the model says it has loaded)."""
        from PySide6.QtWidgets import QFileSystemModel, QTreeView

        dialog = self._dialog
        if dialog is None:
            return
        view = dialog.findChild(QTreeView, "treeView")
        if view is None:
            return
        model = dialog.proxyModel().sourceModel() if dialog.proxyModel() is not None else view.model()
        if isinstance(model, QFileSystemModel) and not getattr(self, "_fit_hooked", False):
            self._fit_hooked = True
            model.directoryLoaded.connect(lambda _p: self._fit_columns())
        header = view.header()
        header.setStretchLastSection(False)
        for col in range(header.count()):
            view.resizeColumnToContents(col)
        # a very long name must not push size, type and date out of sight: it gets what is left
        others = sum(header.sectionSize(c) for c in range(1, header.count()) if not view.isColumnHidden(c))
        room = view.viewport().width() - others
        if header.sectionSize(0) > room:
            header.resizeSection(0, max(room, 160))
        header.setStretchLastSection(True)

    # ---- drag and drop ----
    def dragEnterEvent(self, event):  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event):  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.add_paths(paths)
            event.acceptProposedAction()
