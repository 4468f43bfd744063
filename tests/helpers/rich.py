"""Rich (HTML) bodies: as Qt sets them whole, loaded piecewise while another process serves a linked
style sheet, and saved by Ctrl+S while they open."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from app.domain.models import BodyFormat, Draft
from app.ui.compose.body import body_loader
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.mailbox import items

#: serves a FIFO forever: each time a reader opens it, a line in the log, then a style sheet, then EOF
SERVE_FIFO = """
import os, sys
fifo, log = sys.argv[1:3]
while True:
    fd = os.open(fifo, os.O_WRONLY)
    with open(log, "a") as f:
        f.write("opened\\n")
    try:
        os.write(fd, b"p { font-size: 41pt; color: #123456 }")
    except BrokenPipeError:
        pass
    os.close(fd)
"""


def set_whole(html: str, font) -> str:
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setHtml(html)
    return doc.toHtml()


def _loaded(qtbot, loader) -> None:
    qtbot.waitUntil(lambda: not loader.active, timeout=60000)


def load_linking_a_served_sheet(qtbot, tmp_path, html_for):
    """Load ``html_for(sheet_url)`` (rich) into a SafeTextEdit, all of it, while another process serves the
    style sheet at ``sheet_url`` from a FIFO (a thread of this one would wait for the GIL that Qt's read
    holds) and writes down each open of it. Returns (editor, loader, whether the sheet was opened)."""
    from app.ui.common.safe_text import SafeTextEdit

    sheet, log = tmp_path / "evil.css", tmp_path / "opened.log"
    os.mkfifo(sheet)
    edit = SafeTextEdit()
    qtbot.addWidget(edit)
    loader = body_loader.BodyLoader(edit)
    writer = subprocess.Popen([sys.executable, "-c", SERVE_FIFO, str(sheet), str(log)])
    try:
        loader.start(edit, html_for(sheet.as_uri()), rich=True)
        assert loader.active
        _loaded(qtbot, loader)
    finally:
        writer.kill()
        writer.wait(10)
    return edit, loader, bool(log.exists() and log.read_text())


def ctrl_s_while_it_opens(qtbot, win, sandbox, html: str, opening) -> str:
    """Open ``html`` as a rich draft in the window's Compose and press Ctrl+S while ``opening(loader)``
    still holds; the body the sandbox saved."""
    c = win.compose
    type_message(qtbot, win, subject="rich draft", body="short for now")
    c.load(Draft(subject="rich draft", body=html, body_format=BodyFormat.HTML))
    assert opening(c.loader)
    key(qtbot, win, Qt.Key_S, CTRL)
    assert opening(c.loader), "Ctrl+S came before the body was in"
    qtbot.waitUntil(lambda: len(items(sandbox, "drafts")) == 1 and c.current_ref() is not None, timeout=30000)
    return items(sandbox, "drafts")[0]["body"]
