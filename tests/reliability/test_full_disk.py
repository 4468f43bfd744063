"""A full local disk (issue 52): the journal lives on a real filesystem with no space left (a 4 MB tmpfs
filled to the last byte), the real window and the real sandbox over HTTP, driven by key events.

- Ctrl+S still reaches the server (the server's copy is then the only safe one) and says the copy on this
  computer could not be written; the header says "Saved to Drafts", never stuck at "Saving…";
- Ctrl+Return is refused in plain words (exactly once needs the journal), nothing is queued or sent, the
  message stays in Compose and the header is back;
- no "Something went wrong"; once space is back, the send goes out once with everything typed.

Where mounting a tmpfs is not allowed (not root), the journal's writes fail with the same SQLite error a
full disk gives (``sqlite3.OperationalError("database or disk is full")``) instead: see ``_full_disk``.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.storage.journal import Journal
from app.storage.local_errors import FULL
from app.storage.settings import Settings
from app.storage.local_errors import not_sent_unprotected
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.backends import ALICE, BOB
from tests.helpers.windows import close_window, open_window, wait_task


class _FullDisk:
    """A folder on a filesystem that is full: ``fill()`` takes the last byte, ``free()`` gives space back."""

    def __init__(self, root: Path):
        self.root, self.filler, self.mounted = root, root / "filler.bin", False
        root.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(root)],
                                  capture_output=True)
            self.mounted = done.returncode == 0

    def fill(self) -> None:
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            for size in (65536, 1):  # then the last bytes, one at a time
                try:
                    while True:
                        os.write(fd, b"\0" * size)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
        finally:
            os.close(fd)

    def free(self) -> None:
        self.filler.unlink()

    def close(self) -> None:
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.root)], capture_output=True)


class _JournalOnAFullDisk(Journal):
    """Only where a tmpfs cannot be mounted: every write fails as SQLite fails on a full disk."""

    full = False

    def record(self, *a, **kw):
        if self.full:
            raise sqlite3.OperationalError("database or disk is full")
        return super().record(*a, **kw)


@pytest.fixture
def full_disk(tmp_path):
    disk = _FullDisk(tmp_path / "data")
    yield disk
    disk.close()


def _items(sandbox, folder: str, who: str = ALICE) -> list[dict]:
    return sandbox.mailbox(who).items(folder)


def test_a_full_disk_still_saves_to_the_server_refuses_sends_plainly_and_loses_nothing(
        qtbot, aloop, sandbox, tmp_path, full_disk):
    settings = Settings(tmp_path / "settings.json")  # the settings' own failures: tests/ui/test_damaged_local_data.py
    path = full_disk.root / "journal.sqlite3"
    journal = Journal(path) if full_disk.mounted else _JournalOnAFullDisk(path)
    win, session = open_window(qtbot, sandbox, settings, connected=True, journal=journal)
    c = win.compose
    errors: list[str] = []
    win.error_shown.connect(errors.append)
    try:
        if full_disk.mounted:
            full_disk.fill()
        else:
            journal.full = True
        type_message(qtbot, win, subject="written on a full disk", body="every word")
        wait_task(qtbot, win.flows.wait_idle())
        if full_disk.mounted:  # the autosave met the full disk (the real thing, not an injection)
            qtbot.waitUntil(lambda: "not protected" in win.status.journal_notice.text().lower(), timeout=10000)

        key(qtbot, win, Qt.Key_S, CTRL)
        qtbot.waitUntil(lambda: [d["subject"] for d in _items(sandbox, "drafts")] == ["written on a full disk"],
                        timeout=20000)
        qtbot.waitUntil(lambda: c.state_label.text() == "Saved to Drafts", timeout=10000)
        wait_task(qtbot, win.flows.wait_idle())
        assert "could not be written" in win.banner.text() and FULL in win.banner.text()

        c.body.setFocus()
        key(qtbot, win, Qt.Key_End, CTRL)
        qtbot.keyClicks(c.body, ", and more")
        label = c.state_label.text()
        key(qtbot, win, Qt.Key_Return, CTRL)
        qtbot.waitUntil(lambda: c.error_text() == not_sent_unprotected(FULL), timeout=10000)
        wait_task(qtbot, win.flows.wait_idle())
        assert c.state_label.text() == label != "Sending…"
        assert c.subject.text() == "written on a full disk" and c.draft().body.endswith("every word, and more")
        assert session.outbox.queue.subs == {} and session.outbox.rows() == []  # nothing queued
        assert "SendItem" not in sandbox.request_log
        assert not [e for e in errors if "Something went wrong" in e], errors

        if full_disk.mounted:
            full_disk.free()
        else:
            journal.full = False
        key(qtbot, win, Qt.Key_Return, CTRL)
        qtbot.waitUntil(lambda: len(_items(sandbox, "sentitems")) == 1, timeout=20000)
        assert sandbox.outbox.wait_idle(30)
        wait_task(qtbot, win.flows.wait_idle())
        inbox = _items(sandbox, "inbox", BOB)
        assert [m["subject"] for m in inbox] == ["written on a full disk"]
        assert (inbox[0]["body"] or "").replace("\r\n", "\n").strip() == "every word, and more"
        assert _items(sandbox, "drafts") == [] and sandbox.request_log.count("SendItem") == 1
        assert not [e for e in errors if "Something went wrong" in e], errors
    finally:
        close_window(win, session)
        win.journal_bridge.close()
