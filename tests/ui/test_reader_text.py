"""Text a screen reader gets is plain and true, read in-process through Qt's accessibility API
(tests/helpers/accessible_text.py) on the real window and the sandbox, driven by keys:

- no markup in any accessible name or description of any view or dialog the keyboard opens, also once a status
  message was shortened (its whole words in the bar's tooltip), the connection state has an error, a banner
  shows and an error label shows;
- every error label's and the banner's message is in its description, follows the text as it changes and is
  gone once the label is hidden;
- an error code reads as the server spells it.

The same is read over AT-SPI as Orca reads it in tests/accessibility/test_atspi_reader.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel

from app.mail.errors import AuthFailed
from tests.helpers import accessible_text as ax
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, SHIFT, focused, key, press
from tests.helpers.windows import close_window, open_window

#: the dialogs the keyboard opens from the window with an empty Compose (as tests/accessibility/test_atspi_reader.py)
DIALOGS = {"account": (Qt.Key_Comma, CTRL), "shortcuts": (Qt.Key_F1, Qt.NoModifier),
           "send_from": (Qt.Key_H, CTRL | SHIFT), "merge": (Qt.Key_M, CTRL | SHIFT),
           "snippets": (Qt.Key_L, CTRL | SHIFT)}
LONG = ("Scheduled: “Quarterly numbers for the board, with the appendix” sends at 09:00 tomorrow — it waits in "
        "the Outbox (Ctrl+4); Enter there takes it back. ErrorMalformedResponse")


@pytest.fixture
def win(qtbot, aloop, sandbox, settings):
    w, session = open_window(qtbot, sandbox, settings, connected=True)
    qtbot.waitUntil(lambda: not w.busy and not w.drafts.model.loading, timeout=10000)
    yield w
    close_window(w, session)


def _dialog():
    modal = QApplication.activeModalWidget()
    if modal is not None:
        return modal
    return next((w for w in QApplication.topLevelWidgets() if w.isWindow() and w.isVisible()
                 and w.windowTitle() and w.inherits("QDialog")), None)


def _no_markup(root) -> list[dict]:
    nodes = ax.walk(root)
    hits = ax.markup(nodes)
    assert not hits, "\n".join(hits)
    _errors_read(root)
    return nodes


def _errors_read(root) -> None:
    """Every error label (the style's "fieldError") under ``root`` is read as its message while it shows, and
    says nothing once hidden."""
    for label in root.findChildren(QLabel, "fieldError"):
        said = QAccessible.queryAccessibleInterface(label).text(QAccessible.Text.Description)
        words = " ".join(label.text().split())
        if label.isHidden():
            assert said == "", (label.accessibleName(), said)
        elif words and label.accessibleName() != words:
            assert words in said, (label.accessibleName(), words, said)


def test_no_markup_in_any_view(qtbot, win):
    """Every page of the window (they are all in its tree), as it starts and once the status bar, the connection
    state and the banner have words with an error code in them."""
    nodes = _no_markup(win)
    assert len(nodes) > 300  # the whole window was read
    for keys in (Qt.Key_1, Qt.Key_2, Qt.Key_3, Qt.Key_4):
        key(qtbot, win, keys, CTRL)
        _no_markup(win)
    win.resize(683, 700)
    qtbot.waitUntil(lambda: win.width() == 683, timeout=5000)
    win.statusBar().showMessage(LONG, 60000)
    assert win.statusBar().currentMessage() != LONG, "the message was not shortened: nothing in the tooltip"
    win.status.set_state("auth_failed", AuthFailed("The server refused Alice <alice@example.com> (401)"))
    qtbot.waitUntil(win.banner.isVisible, timeout=3000)  # the shortened message, whole, in the banner
    nodes = _no_markup(win)
    bar = ax.named(nodes, win.statusBar().currentMessage())
    assert bar["description"] == LONG  # the whole words, as written: the code as the server spells it
    assert ax.named(nodes, "Connection state")["description"] == (
        "Sign-in failed — The server refused Alice <alice@example.com> (401)")
    assert ax.named(nodes, "Banner message")["description"] == LONG


@pytest.mark.parametrize("dialog", DIALOGS)
def test_no_markup_in_a_dialog(qtbot, win, dialog):
    k, mods = DIALOGS[dialog]
    key(qtbot, win, Qt.Key_1, CTRL)
    key(qtbot, win, k, mods)
    qtbot.waitUntil(lambda: _dialog() is not None, timeout=5000)
    dlg = _dialog()
    try:
        _no_markup(dlg)
    finally:
        dlg.reject()
        QApplication.processEvents()


def test_send_later_has_no_markup(qtbot, win):
    type_message(qtbot, win, cc="", bcc="", subject="Later", body="Text")
    key(qtbot, win, Qt.Key_T, CTRL | SHIFT)
    qtbot.waitUntil(lambda: win.send_timing.dialog is not None and win.send_timing.dialog.isVisible(), timeout=5000)
    dlg = win.send_timing.dialog
    qtbot.waitUntil(lambda: focused() is dlg.when, timeout=5000)
    qtbot.keyClicks(dlg.when, "not a time")
    press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(dlg.error.isVisible, timeout=3000)
    try:
        nodes = _no_markup(dlg)
        assert ax.named(nodes, "Send later error")["description"] == " ".join(dlg.error.text().split())
        _no_markup(win)
    finally:
        dlg.reject()
        QApplication.processEvents()


def test_words_that_look_like_markup_are_read_as_written(qtbot):
    """Mail content is data: a subject "<b>Q3</b>" a label shows literally is read literally, never parsed; only a
    rich-text tooltip (app.ui.common.safe_text.tooltip) is read as its plain words."""
    from PySide6.QtWidgets import QWidget

    from app.ui.common.safe_text import ElidedLabel, PlainLabel, tooltip

    page = QWidget()
    qtbot.addWidget(page)
    title = ElidedLabel("<b>Q3</b> & <p>", page)
    title.setAccessibleName("Compose title")
    assert title.accessibleDescription() == "<b>Q3</b> & <p>"
    error = PlainLabel("Not sent: <i>Bob</i>", page)
    error.setAccessibleName("Send error")
    error.setToolTip(tooltip("The server said:\n<i>Bob</i>  is unknown"))
    assert error.accessibleDescription() == "Not sent: <i>Bob</i> — The server said: <i>Bob</i> is unknown"


def _error(nodes, name):
    return next(n for n in nodes if n["name"] == name)


def test_an_error_label_reads_its_message_while_it_shows(qtbot, win, sandbox):
    """The account dialog's error (typed: Return with a field missing), its organisation defaults error and the
    window's banner: the message is the description, follows the text, and is gone once the label is hidden."""
    key(qtbot, win, Qt.Key_Comma, CTRL)
    qtbot.waitUntil(lambda: win.account_dialog is not None and win.account_dialog.isVisible(), timeout=5000)
    dlg = win.account_dialog
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is dlg, timeout=5000)
    assert not dlg.error.isVisible() and _error(ax.walk(dlg), "Account error")["description"] == ""
    dlg.password.setFocus()
    dlg.password.selectAll()
    press(qtbot, Qt.Key_Delete)
    press(qtbot, Qt.Key_Return)  # Connect, with no password
    qtbot.waitUntil(dlg.error.isVisible, timeout=3000)
    assert _error(_no_markup(dlg), "Account error")["description"] == dlg.error.text() == (
        "Enter a valid e-mail address. Enter the password.")
    dlg.email.setFocus()
    dlg.email.selectAll()
    qtbot.keyClicks(dlg.email, "alice@example.com")
    press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: dlg.error.text() == "Enter the password.", timeout=3000)
    assert _error(_no_markup(dlg), "Account error")["description"] == "Enter the password."  # it follows the text
    dlg.error.hide()  # as a kind change or a new try hides it
    assert _error(ax.walk(dlg), "Account error")["description"] == ""

    from app.domain.m365 import OrgDefaults

    panel = dlg.m365
    panel.apply_defaults(OrgDefaults(problems=["/etc/dispatch/defaults.json: client_id is not a GUID."]))
    assert _error(ax.walk(dlg), "Organisation defaults error")["description"] == (
        "/etc/dispatch/defaults.json: client_id is not a GUID.")
    panel.apply_defaults(OrgDefaults())
    assert _error(ax.walk(dlg), "Organisation defaults error")["description"] == ""
    dlg.reject()
    QApplication.processEvents()

    win.show_error("Could not reach the server (ErrorConnectionFailed)")
    qtbot.waitUntil(win.banner.isVisible, timeout=3000)
    assert _error(_no_markup(win), "Banner message")["description"] == (
        "Could not reach the server (ErrorConnectionFailed)")
    win.show_error("The server refused the password (ErrorAuthenticationFailed)")
    assert _error(ax.walk(win), "Banner message")["description"] == (
        "The server refused the password (ErrorAuthenticationFailed)")
    qtbot.keyClick(win.banner.close_button, Qt.Key_Space)
    qtbot.waitUntil(lambda: not win.banner.isVisible(), timeout=3000)
    assert _error(ax.walk(win), "Banner message")["description"] == ""


def test_the_already_sent_note_is_read(qtbot, tmp_path):
    """Send .eml as it is, for a file already in Sent Items: the note under its name "Already sent" is read."""
    from datetime import datetime

    from app.core.outbox.sent_copy import SentCopy
    from app.domain.eml_read import read_eml
    from app.domain.models import ItemRef
    from app.ui.compose.eml_as_is import SendAsIsDialog, already_sent_note

    raw = b"From: Alice <alice@example.com>\r\nTo: bob@example.com\r\nSubject: Hi\r\nMessage-ID: <a@b>\r\n\r\nHello\r\n"
    copy = SentCopy(ItemRef("id1", "ck"), datetime(2026, 11, 27, 14, 5))
    dlg = SendAsIsDialog(None, "hi.eml", raw, read_eml(raw, max_bytes=1 << 20), "alice@example.com", sent=copy)
    qtbot.addWidget(dlg)
    nodes = _no_markup(dlg)
    assert ax.named(nodes, "Already sent")["description"] == " ".join(already_sent_note(copy).split())


def test_the_banner_question_is_read_as_its_words(qtbot):
    """A banner's question shown as rich text (a fingerprint in monospace) is read as its plain words, at every
    step (Qt sends each description change to the reader), and goes with the banner."""
    from PySide6.QtWidgets import QWidget

    from app.ui.window.banner import Banner

    page = QWidget()
    qtbot.addWidget(page)
    banner = Banner(page)
    page.show()
    said = []
    label = banner.label
    real = label.spoken_description

    def spoken():
        said.append(real())
        return said[-1]

    label.spoken_description = spoken
    banner.show_message("The server's certificate is not trusted (ErrorTLS)")  # on show when the question comes
    banner.show_choice("Trust this certificate? AB:CD", "&Trust", lambda: None,
                       html="Trust this certificate?<br><tt>AB:CD</tt>")
    assert label.accessibleDescription() == "Trust this certificate? AB:CD"
    assert said and not ax.markup([{"role": "label", "name": "", "description": d, "path": ""} for d in said]), said
    banner.hide()
    assert label.accessibleDescription() == ""
