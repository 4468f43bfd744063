"""``dispatch-mail`` as a user runs it: ``python -m app COMMAND ...`` in a child process with the test's
``DISPATCH_HOME`` (its settings, journal and the accounts' doors), waited for without blocking the test's Qt and
asyncio loop, so that a window in the test's own process serves the account's door meanwhile."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def command_env(home: str | os.PathLike, **extra: str) -> dict:
    env = dict(os.environ, DISPATCH_HOME=str(home), PYTHONPATH=str(ROOT), **extra)
    env.pop("PYTEST_XDIST_WORKER", None)
    return env


def start(args: list[str], home, *, stdin: bytes | None = None, shell: str | None = None,
          **env: str) -> subprocess.Popen:
    """``dispatch-mail ARGS`` started (``shell``: a bash script instead, ``$DM`` running dispatch-mail)."""
    dm = f"{sys.executable} -m app"
    cmd = ["bash", "-c", shell] if shell is not None else [sys.executable, "-m", "app", *args]
    proc = subprocess.Popen(cmd, cwd=str(ROOT), env=command_env(home, DM=dm, **env),
                            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if stdin is not None:
        proc.stdin.write(stdin)
        proc.stdin.close()
    return proc


def finish(qtbot, proc: subprocess.Popen, timeout_ms: int = 60000) -> tuple[int, str, str]:
    """Its exit code and what it said, the test's loop turning meanwhile (the window's door answers in it)."""
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=timeout_ms)
    out, err = proc.communicate()
    return proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def run(qtbot, args: list[str], home, **kw) -> tuple[int, str, str]:
    return finish(qtbot, start(args, home, **kw))


def json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip().startswith("{")]
