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

MAX_WAITING = 64  # app.core.scripts.door_server.MAX_WAITING
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


def _connect(path: str, patience: float = 20.0) -> socket.socket:
    """A connection to the door, once its queue of connections not yet accepted has room (a Unix socket's full
    backlog answers EAGAIN at once rather than waiting): the door accepts them in another process, with no event
    to wait on here, so this tries again until ``patience`` runs out (a door that stopped accepting)."""
    deadline = time.monotonic() + patience
    while True:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.connect(path)
            return s
        except BlockingIOError:
            s.close()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _fds(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def test_over_a_megabyte_of_arguments_is_65_at_once_with_a_window_as_without(home, holder):
    # over 1 MB in all, each argument under the kernel's 128 KB for one (MAX_ARG_STRLEN)
    subject = [a for _ in range(10) for a in ("--subject", "x" * (110 << 10))]
    with_door = home.run("send", "--to", BOB, *subject, "--no-wait", timeout=25)
    assert with_door.returncode == EX_DATAERR, with_door.stderr
    holder.terminate()
    holder.communicate(timeout=60)
    alone = home.run("send", "--to", BOB, *subject, "--no-wait", timeout=25)
    assert alone.returncode == EX_DATAERR, alone.stderr
    assert with_door.stderr == alone.stderr and b"Nothing was sent" in alone.stderr
    assert home.journal() == []


def test_a_message_announced_larger_than_the_server_takes_is_refused_before_the_door_reads_it(home, holder):
    # the holder connected to the server (exchangelib loaded, the server's limit known): its own peak is behind it
    assert holder.stdout.readline().strip() == b"CONNECTED"
    # the sandbox takes 10 MB per message (Exchange Server's default MaxSendSize): one just over it first, so that
    # what the holder loads once for a refusal is behind its peak; then one of 120 MB must not raise the peak
    warm = home.run("sendmail", "-i", BOB, stdin=b"x" * (11 << 20), timeout=120)
    assert warm.returncode == EX_DATAERR, warm.stderr
    before = _status(holder.pid, "VmHWM")
    done = home.run("sendmail", "-i", BOB, stdin=b"x" * (120 << 20), timeout=120)
    assert done.returncode == EX_DATAERR, done.stderr
    assert b"larger than" in done.stderr
    grown_mb = (_status(holder.pid, "VmHWM") - before) / 1024
    assert grown_mb < 10, f"the serving process's peak grew by {grown_mb:.0f} MB"  # it was 2x the message
    assert home.journal() == []


def test_silent_connections_beyond_the_bound_neither_take_the_door_down_nor_keep_a_command_out(home, holder):
    from app.core.scripts.doors import door_path
    from app.storage.settings import Settings

    assert holder.stdout.readline().strip() == b"CONNECTED"
    # the serving process with few file descriptors, so that a flood beyond the door's bound would use them up
    limit = MAX_WAITING + 100
    resource.prlimit(holder.pid, resource.RLIMIT_NOFILE, (limit, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
    path = door_path(Settings().account().key)
    base = _fds(holder.pid)
    silent = []
    try:
        for _ in range(limit + 50):
            silent.append(_connect(path))  # and says nothing
        started = time.monotonic()
        done = home.run("outbox", timeout=25)  # the lock is the holder's: only its door can answer
        assert done.returncode == 0, done.stderr
        assert b"Nothing waits in the Outbox" in done.stdout
        assert time.monotonic() - started < 20
        assert _fds(holder.pid) <= base + MAX_WAITING + 10
    finally:
        for s in silent:
            s.close()
