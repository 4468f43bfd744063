"""The files a ``mailto:`` link names (issue 77, item 3: ``xdg-email --attach`` writes ``attach=``), in the real
window against the sandbox over HTTP: a private key, a link to it, a ``..`` path into it, a process's file, a FIFO
and a hidden file are refused outright with their reason and never attached; an ordinary file waits as a pending
row with its full path until the user presses Enter on it (or Delete drops it); a send waits until none is
pending; Ctrl+Return then sends the file's bytes once."""

from __future__ import annotations

import os
from urllib.parse import quote

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from app.ui.window.start_link import open_at_start
from tests.helpers.backends import BOB
from tests.helpers.heard import Heard
from tests.helpers.keys import CTRL, key
from tests.helpers.mailbox import items
from tests.helpers.windows import wait_idle


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A home of its own, read by the rule when the link's files are looked at: a private key in ~/.ssh, a link to
    it, a hidden file, a FIFO and an ordinary report."""
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_rsa").write_bytes(b"-----BEGIN OPENSSH PRIVATE KEY-----")
    (home / "Documents").mkdir()
    (home / "Documents" / "report.pdf").write_bytes(b"%PDF-1.4 the report")
    (home / "Documents" / "notes.txt").write_bytes(b"notes")
    (home / "Documents" / ".env").write_bytes(b"TOKEN=x")
    (home / "Documents" / "key.pdf").symlink_to(home / ".ssh" / "id_rsa")
    os.mkfifo(home / "Documents" / "pipe")
    monkeypatch.setenv("HOME", str(home))
    return home


def _link(*paths: str) -> str:
    return "mailto:bob@example.com?subject=The%20report&body=Here%20it%20is" + "".join(
        f"&attach={quote(p, safe='/')}" for p in paths)


def _names(c) -> list[tuple[str, bytes]]:
    return [(a.name, a.content) for a in c.draft().attachments]


def _row_heard(lst, row: int) -> str:
    """What a screen reader reads for a row of the list (its accessible name)."""
    return QAccessible.queryAccessibleInterface(lst).child(row).text(QAccessible.Text.Name)


def test_a_links_files_are_refused_or_wait_for_enter_and_the_file_is_sent_once(qtbot, ui_window, ui_sandbox, home,
                                                                                 screenshot_dir):
    win, c, sandbox = ui_window, ui_window.compose, ui_sandbox
    heard = Heard(win.announcer)
    docs = home / "Documents"
    report = str(docs / "report.pdf")
    open_at_start(win, _link(report, f"{home}/.ssh/id_rsa", str(docs / "key.pdf"), f"{docs}/../.ssh/id_rsa",
                             "/proc/self/environ", str(docs / "pipe"), str(docs / ".env")))
    qtbot.waitUntil(lambda: c.subject.text() == "The report", timeout=10000)
    pending = c.pending_files
    assert pending.pending() == [report], "only the ordinary file waits"
    assert len(pending.refused()) == 6
    refused = pending.error_label.text()
    assert pending.error_label.isVisible()
    for path, why in ((f"{home}/.ssh/id_rsa", "folder of keys"), (f"{docs}/key.pdf", "folder of keys"),
                      (f"{home}/.ssh/id_rsa", "folder of keys"),  # the ".." path, shown folded
                      ("/proc/self/environ", "system file"),
                      (f"{docs}/pipe", "not an ordinary file"), (f"{docs}/.env", "hidden file")):
        assert f"“{path}” is" in refused and why in refused.split(f"“{path}” is", 1)[1].split("\n")[0], refused
    assert _names(c) == [], "nothing is attached by the link"
    assert any("/proc/self/environ” is a system file" in w and "hidden file" in w for w in heard.words()), \
        "a screen reader hears the reasons"
    row = pending.list.item(0).text()
    assert report in row.replace("\u200b", "") and "Press Enter to attach, Delete to drop" in row, row
    assert report in _row_heard(pending.list, 0) and "Enter to attach" in _row_heard(pending.list, 0)
    assert win.focusWidget() is c.body, "the keyboard stays in the text: an Enter typed ahead attaches nothing"

    # a send waits while a file is pending: said at the list, which takes the keyboard
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "Attach or drop the files the link named first" in pending.error_label.text(),
                    timeout=5000)
    assert win.focusWidget() is pending.list and _names(c) == []
    win.resize(1000, 1000)  # room for the whole form in the picture
    wait_idle(qtbot, win)
    win.grab().save(str(screenshot_dir / "mailto-pending.png"))

    key(qtbot, win, Qt.Key_Return)  # Enter on the row: attached now, read with the same rule
    assert _names(c) == [("report.pdf", b"%PDF-1.4 the report")] and pending.pending() == []
    assert "Attached report.pdf" in heard.words()
    assert "Attach or drop" not in pending.error_label.text(), "no longer true: gone"

    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len([m for m in items(sandbox, "inbox", BOB) if m["subject"] == "The report"]) == 1,
                    timeout=20000)
    wait_idle(qtbot, win)
    [got] = [m for m in items(sandbox, "inbox", BOB) if m["subject"] == "The report"]
    assert [(a["name"], a["content"]) for a in got["attachments"]] == [("report.pdf", b"%PDF-1.4 the report")]


def test_delete_drops_a_pending_file_and_tab_reaches_the_rows(qtbot, ui_window, home):
    win, c = ui_window, ui_window.compose
    heard = Heard(win.announcer)
    docs = home / "Documents"
    open_at_start(win, _link(str(docs / "report.pdf"), str(docs / "notes.txt")))
    qtbot.waitUntil(lambda: len(c.pending_files.pending()) == 2, timeout=10000)
    pending = c.pending_files
    assert win.focusWidget() is c.body
    key(qtbot, win, Qt.Key_Tab)  # one Tab from the text reaches the rows
    assert win.focusWidget() is pending.list
    key(qtbot, win, Qt.Key_Delete)
    assert pending.pending() == [str(docs / "notes.txt")] and _names(c) == []
    assert "Dropped report.pdf" in heard.words()
    key(qtbot, win, Qt.Key_Delete)
    assert pending.pending() == [] and _names(c) == [] and not pending.isVisible()
    assert "Dropped notes.txt" in heard.words()


def test_enter_reads_the_file_then_with_the_same_rule(qtbot, ui_window, home):
    """A file swapped for a link to a key after the link was opened is refused at the Enter, said aloud."""
    win, c = ui_window, ui_window.compose
    heard = Heard(win.announcer)
    notes = home / "Documents" / "notes.txt"
    open_at_start(win, _link(str(notes)))
    qtbot.waitUntil(lambda: c.pending_files.pending() == [str(notes)], timeout=10000)
    notes.unlink()
    notes.symlink_to(home / ".ssh" / "id_rsa")
    key(qtbot, win, Qt.Key_Tab)
    assert win.focusWidget() is c.pending_files.list
    key(qtbot, win, Qt.Key_Return)
    assert _names(c) == [] and c.pending_files.pending() == []
    assert "folder of keys" in c.attachments.error_text(), c.attachments.error_text()
    assert any("folder of keys" in w and loud for w, loud in heard.said), heard.said
