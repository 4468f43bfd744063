""".eml files in the real window, by keys, against the sandbox: Ctrl+O opens one in Compose (Qt's real file
dialog, driven from the keyboard) and Ctrl+S saves it to Drafts with its attachments; Ctrl+Shift+E saves
the message in Compose, the selected draft or the selected sent message as a file, which is compared with
the server's own MIME; an .eml dropped on the window opens, dropped on Compose asks; a hostile file is
refused in words while the window keeps working."""

from __future__ import annotations

import email
import email.policy
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.eml_read import MAX_FILE_BYTES, read_eml
from app.domain.models import BodyFormat, Importance
from tests.helpers.compose import type_message
from tests.helpers.keys import key
from tests.helpers.mailbox import emails, items
from tests.helpers.backends import ALICE, BOB
from tests.helpers.windows import wait_idle

CTRL, SHIFT = Qt.ControlModifier, Qt.ShiftModifier
SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "eml"


def file_name_edit(qtbot):
    """Qt's file dialog has the keyboard: its file name field is focused."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().objectName() == "fileNameEdit", timeout=20000)
    return QApplication.focusWidget()


def open_by_keys(qtbot, win, path: Path) -> None:
    key(qtbot, win, Qt.Key_O, CTRL)
    dlg = win.eml.open_dialog
    # Qt's own file dialog: its first one in a process reads the folder and icons (seconds on a loaded machine)
    qtbot.waitUntil(lambda: dlg is not None and dlg.isVisible(), timeout=20000)
    assert win.isEnabled() and dlg.windowModality() != Qt.ApplicationModal  # nothing exec()'d
    edit = file_name_edit(qtbot)
    qtbot.keyClicks(edit, str(path))
    qtbot.keyClick(edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.eml.open_dialog is None, timeout=5000)


def save_by_keys(qtbot, win, path: Path) -> None:
    key(qtbot, win, Qt.Key_E, CTRL | SHIFT)
    dlg = win.eml.save_dialog
    # Qt's own file dialog: its first one in a process reads the folder and icons (seconds on a loaded machine)
    qtbot.waitUntil(lambda: dlg is not None and dlg.isVisible(), timeout=20000)
    edit = file_name_edit(qtbot)
    assert edit.text().endswith(".eml"), "a name is proposed from the subject"
    qtbot.keyClick(edit, Qt.Key_A, CTRL)
    qtbot.keyClicks(edit, str(path))
    qtbot.keyClick(edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: path.exists() and win.eml.save_dialog is None, timeout=10000)
    wait_idle(qtbot, win)


def test_ctrl_o_opens_an_eml_in_compose_and_ctrl_s_saves_it_to_drafts(qtbot, window, sandbox, tmp_path):
    win, c = window, window.compose
    src = tmp_path / "Quartal.eml"
    src.write_bytes((SAMPLES / "outlook-related.eml").read_bytes())
    # something typed and not saved: it goes to Drafts first, as with Ctrl+N
    type_message(qtbot, win, cc="", bcc="", subject="Half written", body="do not lose me")
    open_by_keys(qtbot, win, src)
    qtbot.waitUntil(lambda: c.subject.text() == "Quartalszahlen – Q3 überarbeitet", timeout=10000)
    assert win.current_view() == "compose" and win.focusWidget() is c.to.edit
    assert [r.email for r in c.draft().to] == [BOB, "carol@example.com"]
    assert [r.email for r in c.draft().cc] == ["dave@example.com"]
    assert c.rich.isChecked() and "anbei die Zahlen für Q3." in c.body.toPlainText()
    assert c.importance.currentData() == Importance.HIGH.value and c.read_receipt.isChecked()
    assert [a.name for a in c.draft().attachments] == ["Quartalszahlen – März.pdf", "image001.png"]
    assert c.dirty and c.state_label.text() == "Not saved"
    # Qt asks for the inline image when it lays the body out (a later turn under load): refused, nothing loaded
    qtbot.waitUntil(lambda: any(u.startswith("cid:image001.png") for u in c.body.document().blocked), timeout=10000)
    qtbot.waitUntil(lambda: [d["subject"] for d in items(sandbox, "drafts")] == ["Half written"], timeout=20000)
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: len(items(sandbox, "drafts")) == 2 and not win.busy, timeout=20000)
    d = next(d for d in items(sandbox, "drafts") if d["subject"] != "Half written")
    assert d["subject"] == "Quartalszahlen – Q3 überarbeitet" and d["body_type"] == "HTML"
    assert emails(d["to"]) == {BOB, "carol@example.com"} and emails(d["cc"]) == {"dave@example.com"}
    assert d["importance"] == "High" and d["fields"]["IsReadReceiptRequested"] is True
    atts = {a["name"]: a for a in d["attachments"]}
    assert atts["Quartalszahlen – März.pdf"]["content"].startswith(b"%PDF-1.4")
    png = atts["image001.png"]
    assert png["is_inline"] and png["content_id"] == "image001.png@01DB3F2A.5E8C9A10"
    assert png["content"].startswith(b"\x89PNG")
    original = read_eml(src.read_bytes(), max_bytes=1 << 24).draft.internet_message_id
    assert d["internet_message_id"] and d["internet_message_id"] != original, "a new message: its own Message-ID"


def test_a_sent_message_saved_as_eml_matches_the_servers_mime(qtbot, window, sandbox, tmp_path):
    win, c = window, window.compose
    att = tmp_path / "Übersicht März.csv"
    att.write_bytes(b"q;amount\n1;100\n" + os.urandom(2000))
    type_message(qtbot, win, subject="Zahlen", body="Hi Bob,\nthe numbers.")
    c.subject.setText("Zahlen für März ✅")  # QTest types ASCII only
    c.rich.setChecked(True)
    c.importance.setCurrentIndex(2)
    c.attachments.add_paths([str(att)])
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(items(sandbox, "sentitems")) == 1, timeout=20000)
    wait_idle(qtbot, win)
    key(qtbot, win, Qt.Key_3, CTRL)
    qtbot.waitUntil(lambda: win.sent.subject_label.text() == "Zahlen für März ✅", timeout=20000)
    out = tmp_path / "saved" / "sent.eml"
    out.parent.mkdir()
    save_by_keys(qtbot, win, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in out.parent.iterdir()) == ["sent.eml"], "no temporary file left"
    ours = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    server = sandbox.mailbox(ALICE).items("sentitems")[0]
    theirs = email.message_from_bytes(server["mime"], policy=email.policy.default)
    for h in ("To", "Cc", "Subject", "Message-ID", "Importance", "X-Priority"):
        assert str(ours[h]) == str(theirs[h]), h
    assert ours["From"].addresses[0].addr_spec == theirs["From"].addresses[0].addr_spec == ALICE
    assert str(ours["Subject"]) == "Zahlen für März ✅" and ours["Importance"] == "high"
    assert [a.addr_spec for a in ours["Bcc"].addresses] == ["dave@example.com"] and theirs["Bcc"] is None, \
        "the file keeps the Bcc, as Sent Items shows it; the message as sent does not carry it"
    for kind in ("html", "plain"):
        mine, server_part = ours.get_body((kind,)), theirs.get_body((kind,))
        assert mine is not None and server_part is not None, kind
    assert ours.get_body(("html",)).get_content().strip() == theirs.get_body(("html",)).get_content().strip()
    assert "the numbers." in ours.get_body(("plain",)).get_content()
    files = lambda m: [(p.get_filename(), p.get_content_type(), p.get_payload(decode=True))  # noqa: E731
                       for p in m.iter_attachments()]
    assert files(ours) == files(theirs) == [("Übersicht März.csv", "text/csv", att.read_bytes())]
    back = read_eml(out.read_bytes(), max_bytes=1 << 24)
    assert back.draft.subject == "Zahlen für März ✅" and back.draft.body_format == BodyFormat.HTML
    assert back.sender.email == ALICE


def test_ctrl_shift_e_saves_the_selected_draft_and_the_message_in_compose(qtbot, window, sandbox, tmp_path):
    win, c = window, window.compose
    type_message(qtbot, win, subject="Draft to file", body="body of the draft")
    c.attachments.add_paths([str(SAMPLES / "thunderbird.eml")])  # an .eml attached, not opened
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: len(items(sandbox, "drafts")) == 1 and not win.busy, timeout=20000)
    here = tmp_path / "compose.eml"
    save_by_keys(qtbot, win, here)  # Compose in front: what is on screen
    key(qtbot, win, Qt.Key_2, CTRL)
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 1, timeout=20000)
    there = tmp_path / "draft.eml"
    save_by_keys(qtbot, win, there)
    server = items(sandbox, "drafts")[0]
    for path in (here, there):
        d = read_eml(path.read_bytes(), max_bytes=1 << 24).draft
        assert d.subject == "Draft to file" and d.body == "body of the draft", path
        assert [r.email for r in d.bcc] == ["dave@example.com"] and emails(server["bcc"]) == {"dave@example.com"}
        assert d.internet_message_id == server["internet_message_id"]
        assert [(a.name, a.content) for a in d.attachments] == [
            ("thunderbird.eml", (SAMPLES / "thunderbird.eml").read_bytes())]


def drop(widget, paths: list[Path]) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, enter)
    ev = QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, ev)
    return enter.isAccepted()


def test_dropping_an_eml_opens_it_and_on_compose_asks_open_or_attach(qtbot, window, sandbox, tmp_path, screenshot_dir):
    win, c = window, window.compose
    src = tmp_path / "trip.eml"
    src.write_bytes((SAMPLES / "thunderbird.eml").read_bytes())
    # on the window (the Drafts list in front): it opens in Compose
    key(qtbot, win, Qt.Key_2, CTRL)
    assert drop(win, [src])
    qtbot.waitUntil(lambda: c.subject.text() == "Trip photos and the itinerary", timeout=10000)
    assert win.current_view() == "compose" and c.read_receipt.isChecked() and c.delivery_receipt.isChecked()
    assert [a.name for a in c.draft().attachments] == ["Reiseplan Zürich.txt", "photo.jpg"]
    win.grab().save(str(screenshot_dir / "eml-opened.png"))
    # on Compose: asked; Enter takes the default, "Open as a new draft" (what was there goes to Drafts)
    c.subject.setText("Edited before the drop")
    drop(c, [SAMPLES / "quoted-printable.eml"])
    box = win.eml.question
    qtbot.waitUntil(lambda: box is not None and box.isVisible(), timeout=5000)
    assert isinstance(box, QMessageBox) and "quoted-printable.eml" in box.text()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box, timeout=5000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)
    qtbot.waitUntil(lambda: c.subject.text() == "Réunion de lundi", timeout=10000)
    qtbot.waitUntil(lambda: "Edited before the drop" in [d["subject"] for d in items(sandbox, "drafts")],
                    timeout=20000)
    # again, and Alt+A attaches it instead; a plain file dropped on Compose is attached as before
    drop(c.attachments, [src])
    box = win.eml.question
    qtbot.waitUntil(lambda: box is not None and box.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box, timeout=5000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_A, Qt.AltModifier)
    qtbot.waitUntil(lambda: [a.name for a in c.draft().attachments] == ["trip.eml"], timeout=5000)
    assert c.subject.text() == "Réunion de lundi"
    note = tmp_path / "note.txt"
    note.write_text("plain file")
    drop(c, [note])
    assert [a.name for a in c.draft().attachments] == ["trip.eml", "note.txt"] and win.eml.question is None
    # several files with an .eml among them: all attached, nothing asked
    c.attachments.set_attachments([])
    drop(c, [note, SAMPLES / "rfc2047-subject.eml"])
    assert [a.name for a in c.draft().attachments] == ["note.txt", "rfc2047-subject.eml"] and win.eml.question is None


@pytest.mark.parametrize("kind", ["sparse-1gb", "nested", "binary"])
def test_a_hostile_file_is_refused_in_words_and_compose_is_untouched(qtbot, window, tmp_path, kind):
    win, c = window, window.compose
    bad = tmp_path / f"{kind}.eml"
    if kind == "sparse-1gb":
        with open(bad, "wb") as f:
            f.truncate(1024 ** 3)
        words = f"at most {MAX_FILE_BYTES / 2**20:.1f} MB"  # twice the 10 MB send limit, held to 12 MB
    elif kind == "nested":
        bad.write_bytes(b"Subject: deep\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                        + b"--b\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n" * 5000)
        words = "more than 500 parts"
    else:
        bad.write_bytes(os.urandom(50_000))
        words = "does not look like an e-mail message"
    type_message(qtbot, win, cc="", bcc="", subject="Still here", body="untouched")
    open_by_keys(qtbot, win, bad)
    qtbot.waitUntil(lambda: win.banner.isVisible() and words in win.banner.text(), timeout=10000)
    assert f"Could not open {bad.name}" in win.banner.text()
    assert c.subject.text() == "Still here" and c.body.toPlainText() == "untouched"


def test_remote_content_in_an_opened_eml_is_never_fetched(qtbot, window, tmp_path):
    from tests.helpers.canary import HttpCanary

    canary = HttpCanary()
    try:
        raw = (SAMPLES / "base64-html.eml").read_bytes()
        m = read_eml(raw, max_bytes=1 << 24)
        html = m.draft.body.replace("https://tracker.example.net/pixel.gif", f"{canary.url}/pixel.gif") + \
            f'<img src="{canary.url}/second.png"><link rel="stylesheet" href="{canary.url}/s.css">'
        from app.domain.eml import to_eml

        src = tmp_path / "digest.eml"
        src.write_bytes(to_eml(m.draft.copy(body=html)))
        open_by_keys(qtbot, window, src)
        qtbot.waitUntil(lambda: window.compose.subject.text() == "Your weekly digest", timeout=10000)
        window.compose.body.viewport().repaint()
        qtbot.waitUntil(lambda: any("pixel.gif" in u for u in window.compose.body.document().blocked), timeout=5000)
        assert canary.hits == []
    finally:
        canary.shutdown()
