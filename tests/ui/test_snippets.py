"""Snippets by keys against the real window on the sandbox: the settings dialog (Ctrl+Shift+L), a trigger
word + Tab in the Compose body, the palette, and a rich snippet's remote image (loads nothing)."""

from __future__ import annotations

import os
import stat

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication

from app.domain.snippets import Snippet
from app.storage.compose_texts import ComposeTexts
from app.storage.settings import Settings
from tests.helpers.canary import HttpCanary
from tests.helpers.compose import type_message
from tests.helpers.keys import ALT, CTRL, SHIFT, focused, key, mnemonic, press
from tests.helpers.snippets import open_dialog


def test_snippets_are_added_renamed_edited_and_deleted_by_keys_and_persist(qtbot, window, settings, screenshot_dir):
    win = window
    d = open_dialog(qtbot, win)
    page = d.snippets
    assert focused() is d.my_name
    qtbot.keyClicks(d.my_name, "Alice Example")
    mnemonic(qtbot, Qt.Key_A, lambda: focused() is page.name)  # Add snippet: its name, selected
    assert focused() is page.name and page.name.selectedText() == "New snippet 1"
    qtbot.keyClicks(page.name, "Thanks")
    press(qtbot, Qt.Key_Tab)
    assert focused() is page.trigger
    qtbot.keyClicks(page.trigger, "ty")
    press(qtbot, Qt.Key_Tab)
    assert focused() is page.rich
    press(qtbot, Qt.Key_Tab)
    assert focused() is page.text
    qtbot.keyClicks(page.text, "Hi {first_name}, thank you! {nickname} -- {my_name}")
    d.grab().save(str(screenshot_dir / "snippets-dialog.png"))
    # a second one, renamed, then deleted
    mnemonic(qtbot, Qt.Key_A, lambda: focused() is page.name and len(page.items) == 2)
    qtbot.keyClicks(page.name, "Scratch")
    assert [page.list.item(i).text() for i in range(page.list.count())] == ["Thanks", "Scratch"]
    press(qtbot, Qt.Key_N, ALT)  # Name: rename it
    assert focused() is page.name
    page.name.selectAll()
    qtbot.keyClicks(page.name, "Renamed")
    assert page.list.item(1).text() == "Renamed"
    mnemonic(qtbot, Qt.Key_D, lambda: len(page.items) == 1)
    assert [page.list.item(i).text() for i in range(page.list.count())] == ["Thanks"]
    press(qtbot, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: not d.isVisible(), timeout=3000)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=3000)
    # a new Settings object reads them back from the file
    again = ComposeTexts(Settings(settings.path))
    assert again.snippets() == [Snippet("Thanks", "ty", "Hi {first_name}, thank you! {nickname} -- {my_name}")]
    assert again.my_name() == "Alice Example"
    # the user's words: the settings file is 0600 in a 0700 folder
    assert stat.S_IMODE(os.stat(settings.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(settings.path.parent).st_mode) == 0o700

    # trigger word + Tab in the body: the snippet, with the first To recipient's first name
    type_message(qtbot, win, to="Bob Smith <bob@example.com>", cc="", bcc="", subject="Numbers", body="Hello ty")
    press(qtbot, Qt.Key_Tab)
    assert focused() is win.compose.body, "Tab after a trigger stays in the body"
    assert win.compose.body.toPlainText() == "Hello Hi Bob, thank you! {nickname} -- Alice Example"
    # one Ctrl+Z takes it back
    press(qtbot, Qt.Key_Z, CTRL)
    assert win.compose.body.toPlainText() == "Hello ty"
    # Tab where no trigger is: the focus moves on, as always
    qtbot.keyClicks(focused(), " and more")
    press(qtbot, Qt.Key_Tab)
    assert focused() is not win.compose.body
    assert win.compose.body.toPlainText() == "Hello ty and more"


def test_a_snippet_from_the_palette_fills_in_date_and_subject(qtbot, window):
    win = window
    win.power.texts.set_snippets([Snippet("Dated", "dd", "{subject} on {date}, {last_name}")])
    type_message(qtbot, win, to='"Smith, Jo" <jo@example.com>', cc="", bcc="", subject="Q3", body="")
    key(qtbot, win, Qt.Key_P, CTRL | SHIFT)
    p = win.power.palette
    qtbot.keyClicks(p.field, "snip dated")
    assert p.shown()[0] == "Insert snippet: Dated" and p.model.rows[0].keys == "dd Tab"
    press(qtbot, Qt.Key_Return)
    today = QLocale().toString(QDate.currentDate(), QLocale.ShortFormat)
    assert win.compose.body.toPlainText() == f"Q3 on {today}, Smith"
    assert focused() is win.compose.body


def test_a_rich_snippets_remote_image_loads_nothing(qtbot, window):
    from app.ui.compose import snippet_insert

    win = window
    web = HttpCanary()
    try:
        html = (f'<p>Hello <b>{{first_name}}</b><img src="{web.url}/pixel.png">'
                f'<img src=http://127.0.0.1:{web.server_address[1]}/bare.gif> '
                f'<a href="javascript:alert(1)">click</a></p>')
        win.power.texts.set_snippets([Snippet("Logo", "logo", html, rich=True)])
        type_message(qtbot, win, to="Bob <bob@example.com>", cc="", bcc="", subject="Rich", body="")
        win.compose.rich.setChecked(True)
        win.compose.body.setFocus()
        qtbot.keyClicks(win.compose.body, "logo")
        press(qtbot, Qt.Key_Tab)
        body = win.compose.body
        assert "Hello Bob" in body.toPlainText()
        body.grab()  # laid out and painted: whatever it would load, it has asked for now
        html_out = body.toHtml()
        assert web.url not in html_out and "127.0.0.1" not in html_out and "javascript" not in html_out
        assert "font-weight:700" in html_out  # the formatting came along
        assert any("pixel.png" in u for u in snippet_insert.last_blocked)
        assert web.hits == []
        # in a plain-text message it is its plain text
        win.compose.rich.setChecked(False)
        qtbot.waitUntil(lambda: not win.compose.rich.isChecked() or win.compose.fmt.question.isVisible(), timeout=2000)
        if win.compose.fmt.question.isVisible():
            win.compose.fmt.question.accept_button.click()
        win.compose.body.setFocus()
        win.compose.body.moveCursor(win.compose.body.textCursor().MoveOperation.End)
        qtbot.keyClicks(win.compose.body, " logo")
        press(qtbot, Qt.Key_Tab)
        assert win.compose.body.toPlainText().endswith("Hello Bob click")
        assert web.hits == []
    finally:
        web.shutdown()


def test_a_rich_snippets_picture_goes_in_as_an_inline_attachment_never_a_data_url(qtbot, window, sandbox):
    """A picture kept in a rich snippet (a ``data:`` URL, as the dialog stores one) becomes an inline
    attachment named by ``cid:`` when the snippet goes in, as a pasted picture does; the same snippet twice
    holds one picture; Bob's copy has it inline and no ``data:`` URL."""
    import base64

    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QColor, QImage, QTextDocument

    from app.domain.inline_images import cid_refs
    from app.ui.compose.inline_images import png_bytes
    from tests.helpers.mailbox import items

    win, c = window, window.compose
    logo = QImage(40, 20, QImage.Format_RGB32)
    logo.fill(QColor("#dd6b20"))
    png = png_bytes(logo)
    html = f'<p>Regards, <img src="data:image/png;base64,{base64.b64encode(png).decode()}"></p>'
    win.power.texts.set_snippets([Snippet("Logo", "lg", html, rich=True)])
    type_message(qtbot, win, to="Bob <bob@example.com>", cc="", bcc="", subject="Snippet picture", body="")
    key(qtbot, win, Qt.Key_X, CTRL | SHIFT)  # rich text on
    assert c.rich.isChecked()
    c.body.setFocus()
    qtbot.keyClicks(c.body, "lg")
    press(qtbot, Qt.Key_Tab)

    def pictures():
        return [a for a in c.draft().attachments if a.is_inline]

    qtbot.waitUntil(lambda: len(pictures()) == 1, timeout=5000)
    pic = pictures()[0]
    assert pic.content == png and pic.content_type == "image/png" and pic.name.startswith("snippet-")
    body = c.draft().body
    assert cid_refs(body) == {pic.content_id} and "data:" not in body

    def shown():
        res = c.body.document().resource(int(QTextDocument.ResourceType.ImageResource.value),
                                         QUrl(f"cid:{pic.content_id}"))
        return isinstance(res, QImage) and res.width() == 40 and res.pixelColor(2, 2) == QColor("#dd6b20")

    qtbot.waitUntil(shown, timeout=5000)
    qtbot.keyClicks(c.body, " lg")  # the same snippet again: the same picture, once
    press(qtbot, Qt.Key_Tab)
    assert [a.content_id for a in pictures()] == [pic.content_id] and "data:" not in c.draft().body
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(items(sandbox, "inbox", "bob@example.com")) == 1, timeout=20000)
    got = items(sandbox, "inbox", "bob@example.com")[0]
    assert [(a["is_inline"], a["content_id"], a["content"]) for a in got["attachments"]] == [
        (True, pic.content_id, png)]
    assert cid_refs(got["body"]) == {pic.content_id} and "data:" not in got["body"]
    qtbot.waitUntil(lambda: not win.busy, timeout=10000)
