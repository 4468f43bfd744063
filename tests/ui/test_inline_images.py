"""Pictures in a rich body (issue 49), in the real window, by keys, against the sandbox: Ctrl+Shift+I inserts
one from a file (Qt's real file dialog, driven from the keyboard), a paste puts one in (image data, or an image
file's URL); each is an inline attachment (``cid:``) the editor shows from its own bytes, saved (Ctrl+S), shown
again when the draft is reopened, dropped from the server's draft when deleted from the body, and sent (the
recipient's copy holds it inline; the Sent preview shows it)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QApplication

from app.domain.inline_images import cid_refs
from app.domain.validation import human_size
from tests.helpers.compose import type_message
from tests.helpers.keys import key
from tests.helpers.mailbox import items
from tests.helpers.backends import BOB
from tests.helpers.windows import wait_idle

CTRL, SHIFT = Qt.ControlModifier, Qt.ShiftModifier
IMAGE = QTextDocument.ResourceType.ImageResource


def picture(color: str, w: int = 120, h: int = 60) -> QImage:
    img = QImage(w, h, QImage.Format_RGB32)
    img.fill(QColor(color))
    return img


def shown(doc, content_id: str) -> QImage | None:
    """The image ``doc`` shows for ``cid:<content_id>`` (None until Qt has asked for it)."""
    res = doc.resource(int(IMAGE.value), QUrl(f"cid:{content_id}"))
    return QImage(res) if isinstance(res, QImage) else None


def shows(doc, content_id: str, color: str) -> bool:
    img = shown(doc, content_id)
    return img is not None and img.size().width() == 120 and img.pixelColor(5, 5) == QColor(color)


def inline_cids(win) -> list[str]:
    return [a.content_id for a in win.compose.draft().attachments if a.is_inline]


def file_name_edit(qtbot):
    """Qt's file dialog has the keyboard: its file name field is focused."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().objectName() == "fileNameEdit", timeout=5000)
    return QApplication.focusWidget()


def test_ctrl_shift_i_inserts_a_picture_that_is_saved_reopened_and_dropped_when_deleted(
        qtbot, window, sandbox, tmp_path, screenshot_dir):
    win, c = window, window.compose
    png = tmp_path / "stand.png"
    assert picture("#2f855a").save(str(png))
    type_message(qtbot, win, cc="", bcc="", subject="Our stand", body="Here it is: ")
    assert not c.rich.isChecked()
    key(qtbot, win, Qt.Key_I, CTRL | SHIFT)
    edit = file_name_edit(qtbot)
    qtbot.keyClicks(edit, str(png))
    qtbot.keyClick(edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: len(inline_cids(win)) == 1, timeout=5000)
    cid = inline_cids(win)[0]
    assert c.rich.isChecked(), "a picture needs rich text: it was switched on"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is c.body, timeout=5000)
    html = c.draft().body
    assert cid_refs(html) == {cid} and "file:" not in html and str(tmp_path) not in html
    att = c.draft().attachments[0]
    assert (att.name, att.content_type, att.content) == ("stand.png", "image/png", png.read_bytes())
    qtbot.waitUntil(lambda: shows(c.body.document(), cid, "#2f855a"), timeout=5000)
    assert c.body.document().blocked == []
    win.grab().save(str(screenshot_dir / "compose-inline-image.png"))
    # Ctrl+S: the server's draft holds it inline, under the body's Content-ID
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: len(items(sandbox, "drafts")) == 1 and not win.busy, timeout=20000)
    d = items(sandbox, "drafts")[0]
    assert [(a["name"], a["is_inline"], a["content_id"]) for a in d["attachments"]] == [("stand.png", True, cid)]
    assert cid_refs(d["body"]) == {cid}
    # reopened from Drafts: the editor shows it again, from the attachment's bytes
    key(qtbot, win, Qt.Key_N, CTRL)
    qtbot.waitUntil(lambda: c.subject.text() == "", timeout=5000)
    key(qtbot, win, Qt.Key_2, CTRL)
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 1 and not win.drafts.model.loading, timeout=10000)
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: c.subject.text() == "Our stand" and inline_cids(win) == [cid], timeout=10000)
    qtbot.waitUntil(lambda: shows(c.body.document(), cid, "#2f855a"), timeout=10000)
    assert [a.name for a in c.attachments.attachments()] == [], "a picture is in the body, not in the file list"
    # the picture deleted from the body (the cursor after it, Backspace): the next save drops the attachment
    c.body.setFocus()
    qtbot.keyClick(c.body, Qt.Key_End, CTRL)
    qtbot.keyClick(c.body, Qt.Key_Backspace)
    qtbot.waitUntil(lambda: inline_cids(win) == [], timeout=5000)
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: items(sandbox, "drafts")[0]["attachments"] == [] and not win.busy, timeout=20000)
    assert cid_refs(items(sandbox, "drafts")[0]["body"]) == set()
    # Ctrl+Z brings it back, shown, and the next save puts it on the server again
    c.body.setFocus()
    qtbot.keyClick(c.body, Qt.Key_Z, CTRL)
    qtbot.waitUntil(lambda: inline_cids(win) == [cid], timeout=5000)
    qtbot.waitUntil(lambda: shows(c.body.document(), cid, "#2f855a"), timeout=5000)
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: [a["content_id"] for a in items(sandbox, "drafts")[0]["attachments"]] == [cid]
                    and not win.busy, timeout=20000)


def test_a_pasted_picture_is_sent_inline_and_the_sent_preview_shows_it(qtbot, ui_window, ui_sandbox, ui_backend,
                                                                       tmp_path, screenshot_dir):
    """On each backend (EWS, Graph)."""
    win, c, sandbox = ui_window, ui_window.compose, ui_sandbox
    type_message(qtbot, win, cc="", bcc="", subject="Pasted", body="Before ")
    key(qtbot, win, Qt.Key_X, CTRL | SHIFT)  # rich text on
    assert c.rich.isChecked()
    QApplication.clipboard().setImage(picture("#c53030"))
    key(qtbot, win, Qt.Key_V, CTRL)
    qtbot.waitUntil(lambda: len(inline_cids(win)) == 1, timeout=5000)
    pasted = inline_cids(win)[0]
    # an image file's URL (a file manager's copy) goes in as a picture too, never as a file: URL
    png = tmp_path / "blue.png"
    assert picture("#2b6cb0").save(str(png))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(png))])
    QApplication.clipboard().setMimeData(mime)
    key(qtbot, win, Qt.Key_V, CTRL)
    qtbot.waitUntil(lambda: len(inline_cids(win)) == 2, timeout=5000)
    from_file = inline_cids(win)[1]
    html = c.draft().body
    assert cid_refs(html) == {pasted, from_file} and "file:" not in html
    qtbot.waitUntil(lambda: shows(c.body.document(), pasted, "#c53030")
                    and shows(c.body.document(), from_file, "#2b6cb0"), timeout=5000)
    # Ctrl+Return: Bob's copy holds both inline, under the Content-IDs its body names
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(items(sandbox, "inbox", BOB)) == 1, timeout=20000)
    wait_idle(qtbot, win)
    got = items(sandbox, "inbox", BOB)[0]
    assert {(a["name"], a["is_inline"], a["content_id"]) for a in got["attachments"]} == {
        ("image.png", True, pasted), ("blue.png", True, from_file)}
    assert cid_refs(got["body"]) == {pasted, from_file}
    # the Sent preview shows them from the message's own attachments; nothing is blocked or fetched
    key(qtbot, win, Qt.Key_3, CTRL)
    qtbot.waitUntil(lambda: win.sent.model.rowCount() == 1, timeout=10000)
    win.sent.table.setFocus()
    qtbot.keyClick(win.sent.table, Qt.Key_Home)
    qtbot.waitUntil(lambda: win.sent.subject_label.text() == "Pasted", timeout=10000)
    doc = win.sent.body.document()
    qtbot.waitUntil(lambda: shows(doc, pasted, "#c53030") and shows(doc, from_file, "#2b6cb0"), timeout=10000)
    assert doc.blocked == []
    assert win.sent.attachments_label.text() == ""  # shown in place, not listed again as files
    key(qtbot, win, Qt.Key_S, CTRL | SHIFT)  # nor saved as files: what the preview lists is what is saved
    assert win.sent.save_note.text() == "Nothing to save: the previewed message has no attachments"
    win.grab().save(str(screenshot_dir / f"sent-inline-image-{ui_backend}.png"))


def test_a_picture_over_the_size_limit_is_refused_in_words(qtbot, window, tmp_path):
    """The server's per-message limit counts pictures like attachments: one that does not fit is not put in."""
    win, c = window, window.compose
    big = tmp_path / "poster.png"
    assert picture("#2f855a", 1600, 1600).save(str(big), "PNG", 100)
    small = tmp_path / "thumb.png"
    assert picture("#2f855a").save(str(small))
    c.set_max_send_bytes(big.stat().st_size * 4 // 3 - 1)  # the server's limit: just short of the poster as sent
    type_message(qtbot, win, cc="", bcc="", subject="Too big", body="See ")
    key(qtbot, win, Qt.Key_I, CTRL | SHIFT)
    edit = file_name_edit(qtbot)
    qtbot.keyClicks(edit, str(big))
    qtbot.keyClick(edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: "poster.png" in c.attachments.error_text(), timeout=5000)
    assert "was not inserted" in c.attachments.error_text() and "at most" in c.attachments.error_text()
    assert inline_cids(win) == [] and cid_refs(c.draft().body) == set()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is c.body, timeout=5000)
    # a small one still fits: it goes in and the error is gone
    key(qtbot, win, Qt.Key_I, CTRL | SHIFT)
    edit = file_name_edit(qtbot)
    qtbot.keyClick(edit, Qt.Key_A, CTRL)
    qtbot.keyClicks(edit, str(small))
    qtbot.keyClick(edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: len(inline_cids(win)) == 1, timeout=5000)
    assert c.attachments.error_text() == ""


def test_the_sent_preview_shows_each_message_its_own_picture(qtbot):
    """Two messages whose pictures share a Content-ID (Outlook's image001.png@...): each preview shows its own."""
    from app.domain.models import Attachment, BodyFormat, Draft
    from app.ui.lists.sent_view import SentView
    from app.ui.compose.inline_images import png_bytes

    view = SentView()
    qtbot.addWidget(view)
    view.show()
    cid = "image001.png@01DB3F2A.5E8C9A10"
    for color in ("#c53030", "#2b6cb0", "#c53030"):
        msg = Draft(subject=color, body=f'<p>logo <img src="cid:{cid}"></p>', body_format=BodyFormat.HTML,
                    attachments=[Attachment("image001.png", png_bytes(picture(color)), "image/png",
                                            content_id=cid, is_inline=True)])
        view.show_message(msg)
        qtbot.waitUntil(lambda c=color: shows(view.body.document(), cid, c), timeout=5000)


def test_compose_shows_each_loaded_message_its_own_picture(qtbot):
    """Two drafts whose pictures share a Content-ID, opened one after the other: each shows its own."""
    from app.domain.models import Attachment, BodyFormat, Draft
    from app.ui.compose.compose_view import ComposeView
    from app.ui.compose.inline_images import png_bytes

    view = ComposeView()
    qtbot.addWidget(view)
    view.show()
    cid = "image001.png@01DB3F2A.5E8C9A10"
    for color in ("#c53030", "#2b6cb0"):
        pic = Attachment("image001.png", png_bytes(picture(color)), "image/png", content_id=cid, is_inline=True)
        view.load(Draft(subject=color, body=f'<p>logo <img src="cid:{cid}"></p>', body_format=BodyFormat.HTML,
                        attachments=[pic]))
        qtbot.waitUntil(lambda c=color: shows(view.body.document(), cid, c), timeout=5000)
        assert view.draft().attachments == [pic]


def test_the_sent_preview_lists_files_but_not_the_pictures_its_body_shows(qtbot):
    """A picture the HTML body shows (cid:) is not listed under Attachments, nor saved by Ctrl+Shift+S; a real
    file is; an inline picture the body does not name, or one in a plain-text message, is listed (it is seen
    nowhere else)."""
    from app.domain.models import Attachment, BodyFormat, Draft
    from app.ui.lists.sent_view import SentView
    from app.ui.compose.inline_images import png_bytes

    view = SentView()
    qtbot.addWidget(view)
    view.show()
    logo = Attachment("logo.png", png_bytes(picture("#c53030")), "image/png", content_id="logo@x", is_inline=True)
    stray = Attachment("stray.png", png_bytes(picture("#2b6cb0")), "image/png", content_id="stray@x",
                       is_inline=True)
    pdf = Attachment("report.pdf", b"%PDF-1.4 " * 100, "application/pdf")
    html = '<p>logo <img src="cid:logo@x"></p>'
    view.show_message(Draft(subject="Pic", body=html, body_format=BodyFormat.HTML, attachments=[logo]))
    qtbot.waitUntil(lambda: shows(view.body.document(), "logo@x", "#c53030"), timeout=5000)
    assert view.attachments_label.text() == ""
    view.show_message(Draft(subject="Both", body=html, body_format=BodyFormat.HTML,
                            attachments=[logo, pdf, stray]))
    qtbot.waitUntil(lambda: shows(view.body.document(), "logo@x", "#c53030"), timeout=5000)
    assert view.attachments_label.text() == "Attachments: report.pdf (900 bytes), stray.png " \
        f"({human_size(stray.byte_size)})"
    view.show_message(Draft(subject="Plain", body="cid:logo@x", body_format=BodyFormat.TEXT, attachments=[logo]))
    assert view.attachments_label.text().startswith("Attachments: logo.png (")

