"""Saving a message's attachments to a folder the user picks (Sent: Ctrl+Shift+S).

The folder comes from Qt's own file dialog, opened non-modally (``open()``, never ``exec()``) in the
home folder. Names are data from strangers: :func:`safe_file_name` keeps only a plain file name (no
folder parts, no control characters, no leading dots, no Windows-reserved device names or characters)
and :func:`write_new` never replaces a file that is there (``report (1).pdf``), a symlink included.
Files are written off the UI thread.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
import os
import re
import unicodedata
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from app.domain.models import Attachment
from app.ui.common.file_dialog import file_dialog
from app.ui.common.tr import translate

_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", *(f"COM{i}" for i in range(10)),
             *(f"LPT{i}" for i in range(10)), "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"}
_BAD = re.compile(r'[<>:"/\\|?*]')
MAX_NAME_BYTES = 255


def safe_file_name(name: str) -> str:
    """A file name that can only mean a file in the chosen folder, on Linux, macOS and Windows."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(c for c in base if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp"))
    base = _BAD.sub("_", base)
    base = base.strip().lstrip(".").rstrip(". ").strip()  # no hidden files; Windows drops trailing dots
    if not base:
        base = "attachment"
    stem = base.split(".", 1)[0].rstrip(" ")
    if stem.upper() in _RESERVED:  # CON, nul.txt, COM1.tar.gz: devices on Windows
        base = f"_{base}"
    return _truncate(base)


def _truncate(name: str, limit: int = MAX_NAME_BYTES) -> str:
    if len(name.encode("utf-8")) <= limit:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot or len(ext.encode("utf-8")) > 16:
        stem, ext = name, ""
    suffix = f".{ext}" if ext else ""
    room = limit - len(suffix.encode("utf-8"))
    out = stem.encode("utf-8")[:room].decode("utf-8", "ignore")
    return out + suffix


def _numbered(name: str, n: int) -> str:
    """"report.pdf" -> "report (1).pdf" (still within the length limit)."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    tail = f" ({n})" + (f".{ext}" if ext else "")
    room = MAX_NAME_BYTES - len(tail.encode("utf-8"))
    return stem.encode("utf-8")[:room].decode("utf-8", "ignore") + tail


def write_new(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to a new file named ``name`` (sanitised) in ``folder``; an existing name gets
    " (1)", " (2)"... Never follows or replaces what is there."""
    clean = safe_file_name(name)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for n in range(0, 10000):
        path = folder / (clean if n == 0 else _numbered(clean, n))
        try:
            fd = os.open(path, flags, 0o644)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        return path
    raise FileExistsError(f"no free name for {clean}")


_WRITER: ThreadPoolExecutor | None = None


def _writer() -> ThreadPoolExecutor:
    """A plain Python thread for the disk writes. Not the loop's default executor: under qasync that is
    made of QThreads, and Qt aborts the process if one is still running when the application ends."""
    global _WRITER
    if _WRITER is None:
        _WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="attachment-writer")
    return _WRITER


def write_all(folder: Path, attachments: list[Attachment]) -> list[Path]:
    return [write_new(folder, a.name, a.content or b"") for a in attachments]


def _saved(n: int) -> str:
    """What the status bar says once ``n`` attachments are written (a plural: "1 attachment", "2 attachments").
    pyside6-lupdate takes a call for a plural only when its count is a number: the first call marks it."""
    if n == 1:
        return translate("AttachmentSaver", "Saved %n attachment(s) to {folder}: {names}", None, 1)
    return translate("AttachmentSaver", "Saved %n attachment(s) to {folder}: {names}", None, n)


class AttachmentSaver(QObject):
    """Ask for a folder (non-modal), then write the attachments there. ``finished(str)`` says what
    happened, in words for the user."""

    finished = Signal(str)
    saved = Signal(list)  # [Path]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.dialog: QFileDialog | None = None
        self._pending: list[Attachment] = []
        self._task: asyncio.Future | None = None

    def ask(self, attachments: list[Attachment]) -> None:
        self._pending = list(attachments)
        if self.dialog is not None:
            self.dialog.raise_()
            return
        # A new dialog each time, deleted when it closes: a file dialog left alive keeps its file system
        # model's worker thread, which Qt must not meet still running at exit.
        self.dialog = file_dialog(self.parent(), translate("AttachmentSaver", "Save attachments to folder"), str(Path.home()))
        self.dialog.setFileMode(QFileDialog.Directory)
        self.dialog.setOption(QFileDialog.ShowDirsOnly, True)
        self.dialog.setAcceptMode(QFileDialog.AcceptOpen)
        self.dialog.setLabelText(QFileDialog.Accept, translate("AttachmentSaver", "Save here"))
        self.dialog.setAccessibleName(translate("AttachmentSaver", "Save attachments to folder"))
        self.dialog.fileSelected.connect(self._chosen)
        self.dialog.finished.connect(self._closed)
        self.dialog.open()

    def _closed(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _chosen(self, folder: str) -> None:
        atts, self._pending = self._pending, []
        if not folder or not atts:
            return
        self._task = asyncio.ensure_future(self._write(Path(folder), atts))

    async def _write(self, folder: Path, atts: list[Attachment]) -> None:
        try:
            paths = await asyncio.get_running_loop().run_in_executor(_writer(), write_all, folder, atts)
        except OSError as exc:
            self.finished.emit(translate("AttachmentSaver", "Could not save the attachments in {folder}: {reason}").format(
                folder=folder, reason=exc.strerror or type(exc).__name__))
            return
        names = ", ".join(p.name for p in paths)
        self.finished.emit(_saved(len(paths)).format(folder=folder, names=names))
        self.saved.emit(paths)
