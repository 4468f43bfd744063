"""A picture in a rich body is crash-safe like any attachment (issue 49): the journal keeps its bytes and
Content-ID with the body that names it, and after a crash the message comes back in Compose with the
picture shown again (real window, real journal, real sandbox; keys for the edits)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QApplication

from app.domain.inline_images import cid_refs
from app.domain.models import Recipient
from app.storage.journal import Journal
from tests.helpers.keys import key
from tests.helpers.windows import journal_window
from tests.helpers.backends import BOB
from tests.helpers.windows import close_window

CTRL, SHIFT = Qt.ControlModifier, Qt.ShiftModifier


def _shows_red(doc, content_id: str) -> bool:
    res = doc.resource(int(QTextDocument.ResourceType.ImageResource.value), QUrl(f"cid:{content_id}"))
    return isinstance(res, QImage) and res.width() == 80 and res.pixelColor(3, 3) == QColor("#c53030")


def test_a_pasted_picture_survives_a_crash_in_the_journal(qtbot, aloop, sandbox, tmp_path):
    path = tmp_path / "journal.sqlite3"
    journal = Journal(path)
    win, session = journal_window(qtbot, sandbox, tmp_path, journal)
    bridge = win.journal_bridge
    bridge.autosave.idle = bridge.autosave.max_delay = 60.0  # the typing timer never fires: Ctrl+2 writes
    try:
        win.show_view("compose")
        c = win.compose
        c.to.set_recipients([Recipient(BOB)])
        c.subject.setText("picture before the crash")
        c.body.setFocus()
        qtbot.keyClicks(c.body, "See: ")
        key(qtbot, win, Qt.Key_X, CTRL | SHIFT)  # rich text on
        img = QImage(80, 40, QImage.Format_RGB32)
        img.fill(QColor("#c53030"))
        QApplication.clipboard().setImage(img)
        key(qtbot, win, Qt.Key_V, CTRL)
        qtbot.waitUntil(lambda: any(a.is_inline for a in c.draft().attachments), timeout=5000)
        cid = c.draft().attachments[0].content_id
        key(qtbot, win, Qt.Key_2, CTRL)  # a view switch writes the journal
        bridge.autosave.drain()
        (entry,) = journal.entries()
        kept = entry.draft.attachments
        assert [(a.name, a.is_inline, a.content_id) for a in kept] == [("image.png", True, cid)]
        assert QImage.fromData(kept[0].content).pixelColor(3, 3) == QColor("#c53030")
        assert cid_refs(entry.draft.body) == {cid}
    finally:
        bridge.close()
        close_window(win, session)  # "dies": nothing was saved to the server
    assert sandbox.mailbox("alice@example.com").items("drafts") == []

    journal = Journal(path)
    win, session = journal_window(qtbot, sandbox, tmp_path, journal)  # connected: recovery runs
    try:
        c = win.compose
        qtbot.waitUntil(lambda: c.subject.text() == "picture before the crash", timeout=20000)
        assert [(a.is_inline, a.content_id) for a in c.draft().attachments] == [(True, cid)]
        win.show_view("compose")
        qtbot.waitUntil(lambda: _shows_red(c.body.document(), cid), timeout=10000)
    finally:
        win.journal_bridge.close()
        close_window(win, session)
