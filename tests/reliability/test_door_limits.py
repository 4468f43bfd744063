"""The door's bounds, against the process that serves it as a window does (tests/reliability/door_holder_child.py:
the real ScriptDesk, the sandbox in its own process), each command a real ``python -m app`` (issue 74):

- over 1 MB of arguments is 65 at once, with the door open as without it (item 10: it was 75 after 30 s);
- a message on standard input announced larger than the server takes is refused before the door reads it: the
  serving process's peak memory (VmHWM, as the budget means it) does not grow with it (item 12);
- more silent connections than the door keeps neither exhaust its file descriptors nor keep a real command out
  (item 13).
"""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.door_server import MAX_WAITING
from tests.helpers.commands import BOB, PASSWORD_VAR

EX_DATAERR = 65


@pytest.fixture
def holder(home, monkeypatch):
    """The account's queue held, its door open, by a process of its own (as a window holds it)."""
    monkeypatch.setenv("DISPATCH_HOME", str(home.home))
    proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("door_holder_child.py")), PASSWORD_VAR],
                            env=home.env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert proc.stdout.readline().strip() == b"LOCKED", proc.stderr.read()[-3000:]
        proc.stdin.write(b"open\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == b"OPEN", proc.stderr.read()[-3000:]
        yield proc
    finally:
        proc.terminate()
        proc.communicate(timeout=60)


def _status(pid: int, field: str) -> int:
    """A field of /proc/PID/status, in kB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise AssertionError(field)


def _fds(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def test_over_a_megabyte_of_arguments_is_65_at_once_with_a_window_as_without(home, holder):
    subject = "x" * (1 << 20)
    with_door = home.run("send", "--to", BOB, "--subject", subject, "--no-wait", timeout=25)
    assert with_door.returncode == EX_DATAERR, with_door.stderr
    holder.terminate()
    holder.communicate(timeout=60)
    alone = home.run("send", "--to", BOB, "--subject", subject, "--no-wait", timeout=25)
    assert alone.returncode == EX_DATAERR, alone.stderr
    assert with_door.stderr == alone.stderr and b"Nothing was sent" in alone.stderr
    assert home.journal() == []


def test_a_message_announced_larger_than_the_server_takes_is_refused_before_the_door_reads_it(home, holder):
    before = _status(holder.pid, "VmHWM")
    big = b"x" * (120 << 20)  # the sandbox takes 10 MB per message (Exchange Server's default MaxSendSize)
    done = home.run("sendmail", "-i", BOB, stdin=big, timeout=120)
    assert done.returncode == EX_DATAERR, done.stderr
    assert b"larger than" in done.stderr
    grown_mb = (_status(holder.pid, "VmHWM") - before) / 1024
    assert grown_mb < 30, f"the serving process's peak grew by {grown_mb:.0f} MB"  # it was 2x the message
    assert home.journal() == []


def test_silent_connections_beyond_the_bound_neither_take_the_door_down_nor_keep_a_command_out(home, holder):
    from app.core.doors import door_path
    from app.storage.settings import Settings

    # the serving process with few file descriptors, so that a flood beyond the door's bound would use them up
    limit = MAX_WAITING + 100
    resource.prlimit(holder.pid, resource.RLIMIT_NOFILE, (limit, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
    path = door_path(Settings().account().key)
    silent = []
    try:
        for _ in range(limit + 50):
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.settimeout(10)
            s.connect(path)  # and says nothing
            silent.append(s)
        started = time.monotonic()
        done = home.run("outbox", timeout=25)  # the lock is the holder's: only its door can answer
        assert done.returncode == 0, done.stderr
        assert b"Nothing waits in the Outbox" in done.stdout
        assert time.monotonic() - started < 20
        assert _fds(holder.pid) <= MAX_WAITING + 40
    finally:
        for s in silent:
            s.close()
