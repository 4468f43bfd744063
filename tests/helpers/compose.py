"""Writing a message in Compose with the keyboard, and reading the formatting of its body."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from tests.helpers.keys import CTRL, focus_key, key


def tab_out(qtbot, win, field) -> None:
    """Tab out of a recipient field: one Tab, whether a suggestion list is open or not (a shown suggestion
    is taken on the way out; issue 59, item 8)."""
    key(qtbot, win, Qt.Key_Tab)
    assert win.focusWidget() is not field.edit


def type_message(qtbot, win, to="Bob <bob@example.com>", cc="carol@example.com", bcc="dave@example.com",
                 subject="Quarterly numbers", body="Hi Bob,\nthe numbers are attached.\nAlice"):
    c = win.compose
    key(qtbot, win, Qt.Key_N, CTRL)
    assert win.focusWidget() is c.to.edit
    qtbot.keyClicks(win.focusWidget(), to)
    tab_out(qtbot, win, c.to)
    assert win.focusWidget() is c.cc.edit
    qtbot.keyClicks(win.focusWidget(), cc)
    tab_out(qtbot, win, c.cc)
    assert win.focusWidget() is c.bcc.edit
    qtbot.keyClicks(win.focusWidget(), bcc)
    tab_out(qtbot, win, c.bcc)
    assert win.focusWidget() is c.subject
    qtbot.keyClicks(win.focusWidget(), subject)
    key(qtbot, win, Qt.Key_Tab)
    assert win.focusWidget() is win.compose.body
    for i, line in enumerate(body.split("\n")):
        if i:
            key(qtbot, win, Qt.Key_Return)
        qtbot.keyClicks(win.focusWidget(), line)


def new_message(qtbot, win):
    focus_key(qtbot, win, Qt.Key_N, CTRL)
    assert QApplication.focusWidget() is win.compose.to.edit


def fill(qtbot, win, to="", cc="", subject="", body=""):
    """Type into To, (Tab) Cc, (Tab Tab) Subject, (Tab) Body, starting in To; entries that no directory
    name completes (so no completion list takes the Tab)."""
    c = win.compose
    qtbot.keyClicks(c.to.edit, to)
    focus_key(qtbot, win, Qt.Key_Tab)
    assert QApplication.focusWidget() is c.cc.edit
    qtbot.keyClicks(c.cc.edit, cc)
    focus_key(qtbot, win, Qt.Key_Tab)
    focus_key(qtbot, win, Qt.Key_Tab)
    assert QApplication.focusWidget() is c.subject
    qtbot.keyClicks(c.subject, subject)
    focus_key(qtbot, win, Qt.Key_Tab)
    assert QApplication.focusWidget() is c.body
    qtbot.keyClicks(c.body, body)


def runs(body):
    """(text, bold, italic, underline) for each run of the body's text."""
    out = []
    block = body.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            f = it.fragment()
            cf = f.charFormat()
            out.append((f.text(), cf.fontWeight() >= QFont.Bold, cf.fontItalic(), cf.fontUnderline()))
            it += 1
        block = block.next()
    return out


def reopen_only_draft(qtbot, win, subject: str) -> None:
    """Ctrl+2, the one draft the list holds, Enter: it opens in Compose (its subject shown)."""
    key(qtbot, win, Qt.Key_2, CTRL)
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 1 and not win.drafts.model.loading, timeout=10000)
    win.drafts.table.setFocus()
    win.drafts.table.setCurrentIndex(win.drafts.model.index(0, 1))
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.compose.subject.text() == subject, timeout=10000)


def send_one(qtbot, win, subject: str) -> str:
    """A message typed in Compose and sent by Ctrl+Return, waited for until its submission is sent; its local id."""
    from app.core.outbox.submission import SubState
    from tests.helpers.windows import wait_idle

    type_message(qtbot, win, cc="", bcc="", subject=subject, body="sent minutes ago")
    lid = win.compose.identity().local_id
    key(qtbot, win, Qt.Key_Return, CTRL)
    ob = win.session.outbox
    qtbot.waitUntil(lambda: getattr(ob.queue.submission(lid), "state", None) == SubState.SENT, timeout=20000)
    wait_idle(qtbot, win)
    return lid
