"""A start with a ``mailto:`` link (issue 77, item 2: ``dispatch-mail 'mailto:…'``, what the desktop gives its
mail program), in the real window against the sandbox over HTTP: the message being written goes to Drafts first
(as with Ctrl+N), the link's message opens in Compose with the keyboard in its first empty field, a file the link
names is not attached by the link (it waits for the user's Enter or Delete: tests/ui/test_mailto_attach.py), and Ctrl+Return sends what the link asked for once. A link that cannot be
read is said in the banner and changes nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.mailto import file_of
from app.ui.window.start_link import open_at_start
from tests.helpers.backends import BOB
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.mailbox import items
from tests.helpers.windows import wait_idle

LINK = ("mailto:bob@example.com?cc=carol@example.com&subject=Lunch%20on%20Friday%3F"
        "&body=Hello%20Bob%2C%0D%0Ashall%20we%20meet%3F&attach=%2Fetc%2Fpasswd")


def _inbox(sandbox, who, subject):
    return [m for m in items(sandbox, "inbox", who) if m["subject"] == subject]


def test_a_link_opens_a_new_message_after_the_one_being_written_goes_to_drafts(qtbot, ui_window, ui_sandbox,
                                                                                 screenshot_dir):
    win, c, sandbox = ui_window, ui_window.compose, ui_sandbox
    type_message(qtbot, win, cc="", bcc="", subject="Half written", body="not finished")
    open_at_start(win, LINK)
    qtbot.waitUntil(lambda: c.subject.text() == "Lunch on Friday?", timeout=10000)
    # the message being written went to Drafts, as with Ctrl+N
    qtbot.waitUntil(lambda: any(m["subject"] == "Half written" for m in items(sandbox, "drafts")), timeout=20000)
    assert [r.email for r in c.draft().to] == [BOB] and [r.email for r in c.draft().cc] == ["carol@example.com"]
    qtbot.waitUntil(lambda: c.draft().body == "Hello Bob,\nshall we meet?", timeout=5000)
    assert c.draft().attachments == [], "a file a link names is never attached by the link"
    assert win.focusWidget() is c.body, "To and Subject are filled: the keyboard is in the text"
    said = win.banner.text()  # in the banner until closed: the status bar goes on to the stashed message
    assert win.banner.isVisible() and "names 1 file to attach" in said and "only if you choose" in said, said
    assert c.pending_files.pending() == ["/etc/passwd"], "it waits for the user's Enter or Delete"
    assert c.dirty, "not on the server yet: leaving it saves it"
    win.grab().save(str(screenshot_dir / "mailto-start.png"))
    key(qtbot, win, Qt.Key_Tab)  # to the file the link named: Delete drops it
    key(qtbot, win, Qt.Key_Delete)
    assert c.pending_files.pending() == [] and c.draft().attachments == []

    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(_inbox(sandbox, BOB, "Lunch on Friday?")) == 1, timeout=20000)
    wait_idle(qtbot, win)
    assert len(_inbox(sandbox, BOB, "Lunch on Friday?")) == 1


def test_a_link_that_cannot_be_read_is_said_and_changes_nothing(qtbot, ui_window):
    win, c = ui_window, ui_window.compose
    type_message(qtbot, win, cc="", bcc="", subject="Mine", body="still mine")
    open_at_start(win, "mailto:bob@example.com?subject=caf%E9")
    qtbot.waitUntil(lambda: win.banner.isVisible(), timeout=5000)
    assert "not UTF-8" in win.banner.text(), win.banner.text()
    assert c.subject.text() == "Mine" and c.draft().body == "still mine"


def test_what_the_desktop_gives_for_a_file_is_read_as_a_path():
    """``%u`` may be a path or a ``file:`` URL (Desktop Entry specification, "The Exec key"); any other URL is
    not a file to open."""
    assert file_of("/home/me/Mail/a b.eml", "/x") == "/home/me/Mail/a b.eml"
    assert file_of("file:///home/me/Mail/a%20b.eml", "/x") == "/home/me/Mail/a b.eml"
    assert file_of("file://localhost/tmp/x.eml", "/x") == "/tmp/x.eml"
    assert file_of("msg.eml", "/home/me") == "/home/me/msg.eml"
    assert file_of("file://otherhost/tmp/x.eml", "/x") is None and file_of("https://example.com/x.eml", "/x") is None


def test_the_desktop_entry_makes_dispatch_a_mail_composer():
    """resources/dispatch-mail.desktop (installed by the .deb): the mailto: handler and the .eml opener, the
    link or file as its one argument, and a "New message" action (issue 77, item 1)."""
    from configparser import ConfigParser
    from pathlib import Path

    entry = ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str
    entry.read(Path(__file__).resolve().parents[2] / "resources" / "dispatch-mail.desktop", encoding="utf-8")
    main = entry["Desktop Entry"]
    assert {"x-scheme-handler/mailto", "message/rfc822"} <= set(main["MimeType"].strip(";").split(";"))
    assert main["Exec"] == "dispatch-mail %u"
    assert "new-message" in main["Actions"].split(";")
    assert entry["Desktop Action new-message"]["Exec"] == "dispatch-mail mailto:"


def test_a_link_macos_hands_the_running_application_opens_as_a_second_start_does(qtbot, ui_window, ui_sandbox):
    """On macOS a link clicked while Dispatch runs comes to the running application as a ``QFileOpenEvent``
    (app/ui/window/application.py). macOS cannot run here: the test sends the application the event Qt's macOS
    platform plugin sends it (``QGuiApplication::sendSpontaneousEvent(qApp, &QFileOpenEvent(url))``), through the
    real window against the sandbox. The link is read as encoded: ``%26`` in the body is a character, not a new
    field."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from app.ui.window.application import DispatchApplication

    win, c, sandbox = ui_window, ui_window.compose, ui_sandbox
    app = QApplication.instance()
    assert isinstance(app, DispatchApplication)
    type_message(qtbot, win, cc="", bcc="", subject="Being written", body="not finished")
    link = QUrl.fromEncoded(b"mailto:bob@example.com?subject=Tea%20%26%20cake&body=milk%26sugar%3Dyes")
    QApplication.sendEvent(app, QFileOpenEvent(link))
    qtbot.waitUntil(lambda: c.subject.text() == "Tea & cake", timeout=10000)
    qtbot.waitUntil(lambda: c.draft().body == "milk&sugar=yes", timeout=5000)
    assert [r.email for r in c.draft().to] == [BOB]
    qtbot.waitUntil(lambda: any(m["subject"] == "Being written" for m in items(sandbox, "drafts")), timeout=20000)
    wait_idle(qtbot, win)


def test_links_the_system_hands_over_before_the_window_takes_them_wait_in_order(tmp_path):
    """A link macOS hands over during the start (before the window's journal step) is kept, and given to the
    window once it takes links, in order; a file opened (an ``.eml`` from the Finder) is given as its path. In a
    process of its own: a process has one application object."""
    import os
    import subprocess
    import sys

    from tests.helpers.paths import ROOT

    code = (
        "from PySide6.QtCore import QUrl\n"
        "from PySide6.QtGui import QFileOpenEvent\n"
        "from app.ui.window.application import DispatchApplication\n"
        "app = DispatchApplication([])\n"
        "app.sendEvent(app, QFileOpenEvent(QUrl.fromEncoded(b'mailto:a@example.com?body=x%26y')))\n"
        "app.sendEvent(app, QFileOpenEvent('/tmp/mail/m.eml'))\n"
        "app.deliver_links(lambda link: print('early', link))\n"
        "app.sendEvent(app, QFileOpenEvent(QUrl('mailto:b@example.com')))\n"
        "app.deliver_links(lambda link: print('late', link))\n"
        "app.sendEvent(app, QFileOpenEvent(QUrl('https://example.com/x')))\n"
        "print('end')\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["early mailto:a@example.com?body=x%26y", "early /tmp/mail/m.eml",
                                       "early mailto:b@example.com", "late https://example.com/x", "end"], out.stdout
