"""Signatures by keys against the real window on the sandbox: made in the dialog (Ctrl+Shift+L), put in a
new message (Ctrl+N), switched (Ctrl+Shift+G) replacing only the signature block, saved (Ctrl+S)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app.domain.snippets import Signature
from app.storage.compose_texts import ComposeTexts
from app.storage.settings import Settings
from tests.helpers.canary import HttpCanary
from tests.helpers.compose import type_message
from tests.helpers.keys import ALT, CTRL, SHIFT, focused, key, mnemonic, press
from tests.helpers.mailbox import items
from tests.helpers.snippets import open_dialog

WORK = "\n\n-- \nAlice Example\nExample Corp"
SHORT = "\n\n-- \nA."


def body(win) -> str:
    return win.compose.body.toPlainText()


def test_signature_on_ctrl_n_switching_replaces_only_the_block_and_ctrl_s_saves_it(qtbot, window, sandbox, settings,
                                                                                    screenshot_dir):
    win = window
    # none by default
    key(qtbot, win, Qt.Key_N, CTRL)
    assert body(win) == ""
    d = open_dialog(qtbot, win)
    press(qtbot, Qt.Key_G, ALT)  # the Signatures tab
    page = d.signatures
    qtbot.waitUntil(lambda: d.tabs.currentWidget() is page, timeout=2000)
    for name, text, default in (("Work", "Alice Example\nExample Corp", True), ("Short", "A.", False)):
        mnemonic(qtbot, Qt.Key_A, lambda n=len(page.items) + 1: focused() is page.name and len(page.items) == n)
        qtbot.keyClicks(page.name, name)
        press(qtbot, Qt.Key_Tab)
        assert focused() is page.rich
        press(qtbot, Qt.Key_Tab)
        assert focused() is page.text
        for i, line in enumerate(text.split("\n")):
            if i:
                press(qtbot, Qt.Key_Return)
            qtbot.keyClicks(page.text, line)
        press(qtbot, Qt.Key_Tab)
        assert focused() is page.use_default
        if default:
            press(qtbot, Qt.Key_Space)
    page.list.setCurrentRow(0)
    d.grab().save(str(screenshot_dir / "signatures-dialog.png"))
    press(qtbot, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: not d.isVisible(), timeout=3000)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=3000)
    acc_key = win.session.account.key
    again = ComposeTexts(Settings(settings.path))
    assert [s.name for s in again.signatures(acc_key)] == ["Work", "Short"]
    assert again.default_signature(acc_key) == "Work"
    assert again.signatures("ews:someone-else@example.com|https://x") == []  # per account

    # Ctrl+N: the signature, the cursor above it, nothing to save yet
    type_message(qtbot, win, to="Bob <bob@example.com>", cc="", bcc="", subject="Sig", body="Hi Bob,\nsee below.")
    assert body(win) == "Hi Bob,\nsee below." + WORK
    # typing just above the block is the user's text
    c = win.compose.body.textCursor()
    assert c.position() == len("Hi Bob,\nsee below.")
    qtbot.keyClicks(win.compose.body, " Thanks")
    mine = "Hi Bob,\nsee below. Thanks"
    assert body(win) == mine + WORK
    # Ctrl+Shift+G: Work -> Short -> none -> Work; only the block changes
    key(qtbot, win, Qt.Key_G, CTRL | SHIFT)
    assert body(win) == mine + SHORT and win.power.signature.current == "Short"
    key(qtbot, win, Qt.Key_G, CTRL | SHIFT)
    assert body(win) == mine
    key(qtbot, win, Qt.Key_G, CTRL | SHIFT)
    assert body(win) == mine + WORK
    assert win.focusWidget() is win.compose.body and win.compose.body.textCursor().position() == len(mine)
    # text typed after the signature stays when it is switched
    win.compose.body.moveCursor(QTextCursor.End)
    key(qtbot, win, Qt.Key_Return)
    qtbot.keyClicks(win.compose.body, "P.S. call me")
    key(qtbot, win, Qt.Key_G, CTRL | SHIFT)
    assert body(win) == mine + SHORT + "\nP.S. call me"
    win.grab().save(str(screenshot_dir / "compose-signature.png"))
    # Ctrl+S: the server's draft has it
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: len(items(sandbox, "drafts")) == 1, timeout=20000)
    saved = items(sandbox, "drafts")[0]["body"].replace("\r\n", "\n")
    assert saved.strip() == (mine + SHORT + "\nP.S. call me").strip()
    qtbot.waitUntil(lambda: not win.busy, timeout=10000)


def test_a_new_message_without_a_default_signature_has_none_and_the_palette_switches(qtbot, window):
    win = window
    acc_key = win.session.account.key
    win.power.texts.set_signatures(acc_key, [Signature("Work", "W")], default="")
    key(qtbot, win, Qt.Key_N, CTRL)
    assert body(win) == "" and not win.compose.dirty
    qtbot.keyClicks(win.compose.to.edit, "bob@example.com")
    key(qtbot, win, Qt.Key_P, CTRL | SHIFT)
    p = win.power.palette
    qtbot.keyClicks(p.field, "signature work")
    assert p.shown()[0] == "Signature: Work"
    key(qtbot, win, Qt.Key_Return)
    assert body(win) == "\n\n-- \nW"
    key(qtbot, win, Qt.Key_P, CTRL | SHIFT)
    qtbot.keyClicks(p.field, "signature none")
    key(qtbot, win, Qt.Key_Return)
    assert body(win) == ""


def test_a_rich_signature_loads_nothing_and_turns_rich_text_on(qtbot, window):
    win = window
    web = HttpCanary()
    try:
        acc_key = win.session.account.key
        win.power.texts.set_signatures(acc_key, [Signature(
            "Logo", f'<p><b>Alice</b> <img src="{web.url}/logo.png"></p>', rich=True)], default="Logo")
        key(qtbot, win, Qt.Key_N, CTRL)
        assert win.compose.rich.isChecked() and not win.compose.dirty
        assert body(win).startswith("\n\n-- \nAlice")
        win.compose.body.grab()
        html = win.compose.body.toHtml()
        assert web.url not in html and "font-weight:700" in html
        assert web.hits == []
    finally:
        web.shutdown()


def test_the_signature_is_found_again_in_a_draft_opened_from_drafts(qtbot, window, sandbox):
    win = window
    acc_key = win.session.account.key
    win.power.texts.set_signatures(acc_key, [Signature("Work", "Alice\nExample Corp"), Signature("Short", "A.")],
                                   default="Work")
    type_message(qtbot, win, to="Bob <bob@example.com>", cc="", bcc="", subject="Reopen", body="Dear Bob")
    assert body(win) == "Dear Bob\n\n-- \nAlice\nExample Corp"
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: len(items(sandbox, "drafts")) == 1 and not win.busy, timeout=20000)
    key(qtbot, win, Qt.Key_N, CTRL)  # a new one (with its own signature), then the draft again
    key(qtbot, win, Qt.Key_2, CTRL)
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 1 and not win.drafts.model.loading, timeout=10000)
    win.drafts.table.setFocus()
    win.drafts.table.setCurrentIndex(win.drafts.model.index(0, 1))
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.compose.subject.text() == "Reopen" and "Dear Bob" in body(win), timeout=10000)
    assert win.power.signature.current == ""  # nothing tracked after a load...
    win.compose.body.setFocus()
    key(qtbot, win, Qt.Key_G, CTRL | SHIFT)  # ...but the block is found by its text: Work -> Short
    assert body(win).rstrip("\n") == "Dear Bob\n\n-- \nA."


def test_a_signature_holds_a_pasted_picture_that_is_sent_as_an_inline_attachment(qtbot, window, sandbox):
    """Issue 49: a picture pasted into a rich signature is kept in it (a data: image in the settings file);
    Ctrl+N puts it in the message as an inline attachment (cid:) that the editor shows and Bob receives;
    switching the signature away and back keeps one picture, under the same Content-ID."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QColor, QImage, QTextDocument

    from app.domain.inline_images import cid_refs

    win = window
    logo = QImage(48, 24, QImage.Format_RGB32)
    logo.fill(QColor("#6b46c1"))
    d = open_dialog(qtbot, win)
    press(qtbot, Qt.Key_G, ALT)  # the Signatures tab
    page = d.signatures
    qtbot.waitUntil(lambda: d.tabs.currentWidget() is page, timeout=2000)
    mnemonic(qtbot, Qt.Key_A, lambda: focused() is page.name and len(page.items) == 1)
    qtbot.keyClicks(page.name, "Logo")
    press(qtbot, Qt.Key_Tab)
    press(qtbot, Qt.Key_Space)  # Rich text
    press(qtbot, Qt.Key_Tab)
    assert focused() is page.text and page.rich.isChecked()
    qtbot.keyClicks(page.text, "Alice ")
    QApplication.clipboard().setImage(logo)
    press(qtbot, Qt.Key_V, CTRL)
    qtbot.waitUntil(lambda: "data:image/png;base64," in page.items[0].text, timeout=3000)
    press(qtbot, Qt.Key_V, CTRL)  # a second picture: refused in words, the first one stays alone
    assert "one picture" in d.error.text() and d.error.isVisible()
    assert page.items[0].text.count("data:image/") == 1
    press(qtbot, Qt.Key_Tab)
    press(qtbot, Qt.Key_Space)  # Use for new messages
    press(qtbot, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: not d.isVisible(), timeout=3000)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=3000)
    c = win.compose

    def pictures():
        return [a for a in c.draft().attachments if a.is_inline]

    def shown(cid):
        res = c.body.document().resource(int(QTextDocument.ResourceType.ImageResource.value), QUrl(f"cid:{cid}"))
        return isinstance(res, QImage) and res.width() == 48 and res.pixelColor(2, 2) == QColor("#6b46c1")

    key(qtbot, win, Qt.Key_N, CTRL)
    assert c.rich.isChecked() and len(pictures()) == 1
    pic = pictures()[0]
    assert pic.content_type == "image/png" and QImage.fromData(pic.content).pixelColor(2, 2) == QColor("#6b46c1")
    html = c.draft().body
    assert cid_refs(html) == {pic.content_id} and "data:image" not in html
    qtbot.waitUntil(lambda: shown(pic.content_id), timeout=5000)
    qtbot.keyClicks(c.to.edit, "bob@example.com")
    c.subject.setFocus()
    qtbot.keyClicks(c.subject, "Signed with a logo")
    key(qtbot, win, Qt.Key_G, CTRL | SHIFT)  # Logo -> no signature: no picture either
    assert pictures() == [] and cid_refs(c.draft().body) == set()
    key(qtbot, win, Qt.Key_G, CTRL | SHIFT)  # -> Logo again: the same picture, once
    assert [a.content_id for a in pictures()] == [pic.content_id]
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(items(sandbox, "inbox", "bob@example.com")) == 1, timeout=20000)
    got = items(sandbox, "inbox", "bob@example.com")[0]
    assert [(a["is_inline"], a["content_id"], a["content"]) for a in got["attachments"]] == [
        (True, pic.content_id, pic.content)]
    assert cid_refs(got["body"]) == {pic.content_id}
    qtbot.waitUntil(lambda: not win.busy, timeout=10000)
