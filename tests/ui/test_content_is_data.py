"""Mail content is data, never code: what strangers write is shown, never run, and loads nothing.

Hostile subjects, display names, attachment names and HTML bodies are put in Alice's Sent Items and
Drafts on the sandbox (over HTTP, with exchangelib), then the real window opens Sent, previews every
message, shows every tooltip, and opens the draft in Compose. Canaries see any attempt to load:
- named pipes (FIFOs): a watcher thread blocks opening each for writing and wakes the moment anything
  opens it for reading — so an open is seen without the reader hanging;
- a loopback HTTP server that records every request;
- ``/dev/zero``: reading it never ends (the UI freezes, memory grows past 1.5 GB). A watchdog thread
  stops the whole run with a message if memory grows by 1 GB or the UI stops ticking for 60 s, so a
  regression fails instead of hanging CI.
"""

from __future__ import annotations


import pytest
from exchangelib import FileAttachment, HTMLBody, Mailbox, Message
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from tests.helpers.canary import HttpCanary
from tests.helpers.ews_accounts import make_account
from tests.ui.canaries import FifoCanaries, Watchdog
from tests.helpers.windows import close_window, open_window

CTRL = Qt.ControlModifier


@pytest.fixture
def canaries(tmp_path):
    made = []

    def make(*names):
        made.append(FifoCanaries(tmp_path, names))
        return made[-1]

    yield make
    for c in made:
        c.close()


def test_a_canary_sees_an_auto_text_label_load_an_image(qtbot, canaries):
    """The harness's own proof: a QLabel left on Qt.AutoText loads the image a subject names."""
    pipes = canaries("label.png")
    label = QLabel(f'RE: <img src="{pipes.paths["label.png"]}">')
    qtbot.addWidget(label)
    label.show()
    label.grab()
    seen = pipes.wait_any(5) and pipes.opened()
    label.setText("")  # before the pipes go: with nobody at the other end, a repaint would block on open
    label.hide()
    assert seen == ["label.png"]


HOSTILE_PIPES = ("subject.png", "name.png", "attachment.png", "body.png", "body-file-url.png", "css.png", "sheet.css")


def _hostile(pipes, web):
    """Subjects, names, attachment names and a body, each naming its own canary."""
    make = pipes.paths.get
    subj = f'RE: <img src="{make("subject.png")}"> <b>bold?</b>'
    name = f'<img src="{make("name.png")}">Mallory'
    att = f'<img src="{make("attachment.png")}">.txt'
    body = (f'<p>Hello<img src="{make("body.png")}"><img src="file://{make("body-file-url.png")}">'
            f'<img src="{web}/tracker.gif"><img src="file://fileserver/share/pixel.png">'
            f'<div style="background-image:url({make("css.png")})">styled</div>'
            f'<link rel="stylesheet" href="{make("sheet.css")}">'
            '<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQ'
            'DwAEhQGAhKmMIQAAAABJRU5ErkJggg=="></p>')
    return subj, name, att, body


def _seed(sandbox, subj, name, att, body):
    alice = make_account(sandbox, "alice@example.com")
    sent = Message(account=alice, folder=alice.sent, subject=subj, body=HTMLBody(body),
                   to_recipients=[Mailbox(name=name, email_address="bob@example.com")])
    sent.attach(FileAttachment(name=att, content=b"x"))
    sent.send_and_save()
    draft = Message(account=alice, folder=alice.drafts, subject=subj, body=HTMLBody(body),
                    to_recipients=[Mailbox(name=name, email_address="bob@example.com")])
    draft.attach(FileAttachment(name=att, content=b"x"))
    draft.save()


def _show_tooltips(view, model):
    """What a hover does: Qt shows each cell's tooltip (rich text when it looks like HTML)."""
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            tip = model.index(row, col).data(Qt.ToolTipRole)
            if tip:
                QToolTip.showText(view.mapToGlobal(QPoint(5, 5)), tip, view)
                QApplication.processEvents()
    QToolTip.hideText()


def test_hostile_content_loads_nothing_and_the_ui_keeps_running(qtbot, aloop, sandbox, settings, canaries,
                                                               screenshot_dir):
    pipes = canaries(*HOSTILE_PIPES)
    web = HttpCanary()
    subj, name, att, body = _hostile(pipes, web.url)
    _seed(sandbox, subj, name, att, body)
    zero = 'RE: <img src="/dev/zero">'
    _seed(sandbox, zero, '<img src="/dev/zero">', '<img src="/dev/zero">.bin', '<p><img src="/dev/zero"></p>')
    dog = Watchdog()
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    try:
        qtbot.keyClick(win, Qt.Key_3, CTRL)  # Sent: the first message is previewed at once
        qtbot.waitUntil(lambda: win.sent.model.rowCount() == 2, timeout=20000)
        for row in range(2):
            win.sent.table.setCurrentIndex(win.sent.model.index(row, 1))
            want = win.sent.model.summary(row).subject
            qtbot.waitUntil(lambda w=want: win.sent.subject_label.text() == w, timeout=20000)
            win.sent.grab()
            _show_tooltips(win.sent.table, win.sent.model)
            if want == subj:
                win.grab().save(str(screenshot_dir / "hostile-sent.png"))
                headers = win.sent.headers_label.text()  # shown as the literal text it is (quoted as a name)
                assert '<img src=' in headers and 'name.png' in headers and 'Mallory' in headers
                assert att in win.sent.attachments_label.text()
                blocked = win.sent.body.document().blocked
                assert f"{web.url}/tracker.gif" in blocked and "file://fileserver/share/pixel.png" in blocked
        qtbot.keyClick(win, Qt.Key_2, CTRL)  # Drafts: open each in Compose
        qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 2 and not win.drafts.model.loading, timeout=20000)
        _show_tooltips(win.drafts.table, win.drafts.model)
        for row in range(2):
            qtbot.keyClick(win, Qt.Key_2, CTRL)
            want = win.drafts.model.summary(row).subject
            win.drafts.table.setFocus()
            win.drafts.table.setCurrentIndex(win.drafts.model.index(row, 1))
            qtbot.keyClick(win.drafts.table, Qt.Key_Return)
            qtbot.waitUntil(lambda w=want: win.compose.title.text() == w and win.compose.subject.text() == w,
                            timeout=20000)
            win.compose.grab()
            lst = win.compose.attachments.list
            for i in range(lst.count()):
                if lst.item(i).toolTip():
                    QToolTip.showText(lst.mapToGlobal(QPoint(5, 5)), lst.item(i).toolTip(), lst)
                    QApplication.processEvents()
            if want == subj:
                win.grab().save(str(screenshot_dir / "hostile-compose.png"))
                assert "file://fileserver/share/pixel.png" in win.compose.body.document().blocked
        ticks = dog.ticks
        qtbot.waitUntil(lambda: dog.ticks >= ticks + 5, timeout=10000)  # the event loop still runs
    finally:
        QToolTip.hideText()
        dog.stop()
        close_window(win, session)
        web.shutdown()
    opened = pipes.opened()
    assert opened == [], f"mail content opened local files: {opened}"
    assert web.hits == [], f"mail content fetched from the network: {web.hits}"


def test_every_label_in_the_window_is_plain_text(qtbot, window):
    """Structural guard: no QLabel anywhere in the window renders rich text, except the banner while it
    shows the app's own (escaped) certificate question."""
    rich = [f"{type(w.parent()).__name__}/{w.objectName() or w.accessibleName() or w.text()[:30]}"
            for w in window.findChildren(QLabel) if w.textFormat() != Qt.PlainText]
    assert rich == []


@pytest.mark.parametrize("url", ["/dev/zero", "file:///etc/passwd", "http://127.0.0.1:9/x.png",
                                 "https://tracker.example/p.gif", "file://host/share/x.png", "\\\\host\\share\\x.png",
                                 "cid:part1@example", "qrc:/qt-project.org/styles/commonstyle/images/file-16.png"])
def test_the_safe_document_answers_every_non_data_url_with_a_placeholder(qtbot, url):
    """Returning nothing would not do: Qt then loads the image itself ("direct loading")."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage

    from app.ui.common.safe_text import SafeBrowser, SafeTextEdit

    for cls in (SafeBrowser, SafeTextEdit):
        w = cls()
        qtbot.addWidget(w)
        img = w.document().loadResource(QTextDocument.ImageResource, QUrl(url))
        assert isinstance(img, QImage) and not img.isNull() and img.size().width() == 24
        assert w.document().loadResource(QTextDocument.StyleSheetResource, QUrl(url)) == ""
        assert isinstance(w.loadResource(QTextDocument.ImageResource, QUrl(url)), QImage)
        assert w.document().blocked
    data = QUrl("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
    w = SafeBrowser()
    qtbot.addWidget(w)
    assert w.document().loadResource(QTextDocument.ImageResource, data) is not None and not w.document().blocked
