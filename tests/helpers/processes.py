"""The real app in a child process, watched from the test: its log's lines of a kind, waiting while it
runs, killing it with SIGKILL (as a crash would)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

def log_lines(path: Path, kind: str) -> list:
    if not path.exists():
        return []
    return [json.loads(line.split(" ", 1)[1]) for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith(kind + " ")]


def poll_until(pred, timeout: float, proc: subprocess.Popen, what: str, step: float = 0.05):
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        got = pred()
        if got:
            return got
        if proc.poll() is not None:
            raise AssertionError(f"the app ended while waiting for {what}: {proc.communicate()[1][-3000:]!r}")
        time.sleep(step)
    raise AssertionError(f"no {what} after {timeout} s")


def kill_hard(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, proc.returncode


def pid_gone(pid: int, timeout: float) -> bool:
    """Whether process ``pid`` has left within ``timeout`` (reaped children and others alike). Polled: there is
    no event to wait on for another process's exit."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done == pid:
                return True
        except ChildProcessError:
            pass
        time.sleep(0.05)
    return False
