"""The files a ``mailto:`` link names (``attach=``, ``attachment=``: what ``xdg-email --attach`` writes), waiting
for the user: never attached silently, since a web page can write the same link as LibreOffice.

Each file is first checked by the one rule a command's ``--attach`` follows too (app/storage/regular_file.py
``check_asked``, app/storage/private_paths.py): keys, Dispatch's own folders, hidden files and folders, the
system's files, a folder, a pipe or a device are refused outright, each with its reason under the list. The others
are pending rows showing their full path: Tab reaches the list, Enter attaches the selected file (read then, with
the same rule and the server's size limit), Delete drops it. A screen reader hears each row (its path and what
the keys do) and the outcome ("Attached report.pdf", "Dropped report.pdf"). A send waits until none is pending
(:meth:`PendingFiles.problem`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.domain.validation import FieldError, printable
from app.storage.regular_file import Refused, check_asked, read_asked
from app.ui.common.safe_text import PlainLabel, tooltip
from app.ui.common.tr import translate
from app.ui.common.theme import icon
from app.ui.compose.attachments import asked_refusal

MOST_ROWS = 4  # the list's height follows its rows up to this many, then it scrolls


class PendingFiles(QWidget):
    """The link's files waiting for Enter (attach) or Delete (drop); ``attachments``: Compose's list they join."""

    spoken = Signal(str, bool)  # (words, assertive): the window's announcer says them

    def __init__(self, attachments, parent=None):
        super().__init__(parent)
        self.attachments = attachments
        self._paths: list[str] = []
        self._refused: list[str] = []
        self._asked_first = ""  # a send's "attach or drop them first", while files wait
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        self.hint = PlainLabel(self)
        self.hint.setObjectName("fieldWarning")
        self.hint.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("pendingFiles")
        self.list.setAccessibleName(translate("PendingFiles", "Files the link asks to attach"))
        self.list.setFocusPolicy(Qt.StrongFocus)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.error_label = PlainLabel(self)  # why a file was refused, and "attach or drop them first"
        self.error_label.setObjectName("fieldError")
        self.error_label.setAccessibleName(translate("PendingFiles", "Files not attached"))
        self.error_label.setWordWrap(True)
        for w in (self.hint, self.list, self.error_label):
            lay.addWidget(w)
        for name, keys, slot in (
                (translate("PendingFiles", "Attach the file a link named"), (Qt.Key_Return, Qt.Key_Enter),
                 self.attach_current),
                (translate("PendingFiles", "Drop the file a link named"), (QKeySequence.Delete,), self.drop_current)):
            action = QAction(name, self.list)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.WidgetShortcut)
            action.triggered.connect(slot)
            self.list.addAction(action)
        self._sync()

    # ---- value ----
    def pending(self) -> list[str]:
        return list(self._paths)

    def refused(self) -> list[str]:
        """The reasons the link's refused files were not attached (shown under the list)."""
        return list(self._refused)

    def offer(self, paths: list[str], home: str | None = None) -> None:
        """The files a link names (absolute): refused outright (each reason shown and said), or pending for the
        user's Enter or Delete."""
        before = len(self._refused)
        for path in paths:
            try:
                check_asked(path, home)
            except Refused as no:
                self._refused.append(asked_refusal(no.kind, path))
            except FileNotFoundError:
                self._refused.append(asked_refusal("missing", path))
            except OSError:
                self._refused.append(asked_refusal("special", path))
            else:
                self._paths.append(path)
        self._sync()
        if self._paths:
            self.list.setCurrentRow(0)
        if len(self._refused) > before:  # politely: the banner's words about the link come first
            self.spoken.emit(" ".join(self._refused[before:]), False)

    def clear(self) -> None:
        self._paths, self._refused, self._asked_first = [], [], ""
        self._sync()

    def problem(self) -> FieldError | None:
        """What stops a send: files still waiting for Enter or Delete (shown under the list, which takes the
        keyboard)."""
        if not self._paths:
            return None
        return FieldError("pending", translate("PendingFiles", "Attach or drop the files the link named first: "
                                                               "Enter attaches the selected one, Delete drops it."))

    def show_problem(self, text: str) -> None:
        """Show ``text`` (a send's :meth:`problem`, in the user's language; "" hides it) under the list."""
        self._asked_first = text
        self._show_reasons()

    # ---- keys ----
    def attach_current(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._paths):
            return
        path = self._paths.pop(row)
        name = printable(Path(path).name)
        problems = self.attachments.add_paths([path], read=read_asked)  # the same rule, read now
        self._forget_send_problem()
        self._sync(row)
        if problems:
            self.spoken.emit(problems[0], True)
        else:
            self.spoken.emit(translate("PendingFiles", "Attached {name}").format(name=name), False)

    def drop_current(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._paths):
            return
        path = self._paths.pop(row)
        self._forget_send_problem()
        self._sync(row)
        self.spoken.emit(translate("PendingFiles", "Dropped {name}").format(
            name=printable(Path(path).name)), False)

    # ---- view ----
    def _forget_send_problem(self) -> None:
        if not self._paths:  # no longer true once nothing waits
            self._asked_first = ""

    def _sync(self, row: int = 0) -> None:
        self.list.clear()
        keys = translate("PendingFiles", "Press Enter to attach, Delete to drop")
        for path in self._paths:
            shown_path = printable(path, 400)
            # the full path on a line of its own, free to wrap after each "/" (a zero-width space, on screen only)
            breakable = shown_path.replace("/", "/\u200b")
            item = QListWidgetItem(icon("attachment"), f"{printable(Path(path).name)}  ·  {keys}\n{breakable}")
            item.setToolTip(tooltip(path))
            item.setData(Qt.AccessibleTextRole, translate("PendingFiles", "Waiting: {path}. {keys}").format(
                path=shown_path, keys=keys))
            item.setData(Qt.AccessibleDescriptionRole, shown_path)
            self.list.addItem(item)
        n = len(self._paths)
        hint = translate("PendingFiles", "The link asks to attach the files below. A file is attached only when you "
                                         "press Enter on its row; Delete drops it.")
        self.hint.setText(hint if n else "")
        self.hint.setVisible(bool(n))
        self.list.setVisible(bool(n))
        if n:
            self.list.setCurrentRow(min(row, n - 1))
        elif self.list.hasFocus():
            self.attachments.list.setFocus(Qt.OtherFocusReason)
        self._show_reasons()
        self.setVisible(bool(n or self._refused))
        self._fit()

    def _fit(self) -> None:
        """The list as tall as its rows (at most :data:`MOST_ROWS`), each wrapped to the list's width."""
        rows = [self.list.sizeHintForRow(i) for i in range(min(self.list.count(), MOST_ROWS))]
        self.list.setFixedHeight(sum(rows) + 2 * self.list.frameWidth() + 4 if rows else 0)

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._fit()  # narrower: the paths wrap on more lines

    def _show_reasons(self) -> None:
        # a send's "attach or drop them first" right under the rows, then each refused file's reason
        text = "\n".join([*([self._asked_first] if self._asked_first else []), *self._refused])
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        self.setVisible(bool(self._paths or self._refused))

