"""``dispatch-mail`` commands as a script runs them: real subprocesses (``python -m app send|sendmail|outbox``)
against a sandbox server in its own process (it outlives every kill -9 of a command), each command with the
test's ``DISPATCH_HOME`` holding an Exchange account in its settings and its password in ``--password-env``.

- :class:`ServerProcess`: ``python -m app.sandbox`` with its data in a folder; faults through its admin
  endpoint (``inject``, ``fired``, ``release``); its mailboxes read from its SQLite file (:meth:`copies`).
- :class:`CommandHome`: the home a command runs in: :meth:`run` (to the end), :meth:`start` (a Popen to kill),
  :meth:`journal` (what is journaled there, read with the app's own :class:`app.storage.journal.Journal`).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

from tests.helpers.sandbox_cli import ROOT

ALICE, BOB, CAROL = "alice@example.com", "bob@example.com", "carol@example.com"
PASSWORD_VAR = "DISPATCH_TEST_PW"


class ServerProcess:
    """``python -m app.sandbox`` on a free loopback port, its data in ``data``."""

    def __init__(self, data: Path, *args: str, port: int = 0):
        data.mkdir(parents=True, exist_ok=True)
        self.data = data
        self.proc = subprocess.Popen([sys.executable, "-m", "app.sandbox", "--port", str(port), "--data", str(data),
                                      *args],
                                     cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(self.proc.stderr.read().decode(errors="replace")[-3000:])
        info = json.loads(line)
        self.ews_url, self.admin_url, self.token = info["ews_url"], info["admin_url"], info["admin_token"]
        self.alice = next(a for a in info["accounts"] if a["email"] == ALICE)
        self.cert_sha256 = info.get("cert_sha256", "")  # with --tls
        # its Microsoft Graph and sign-in authority (served unless --no-graph)
        self.graph_url = info.get("graph_url", "")
        self.authority_url, self.authority_cert = info.get("authority_url", ""), info.get("authority_cert", "")
        self.port = int(self.ews_url.split("://", 1)[1].split("/", 1)[0].rsplit(":", 1)[1])

    def admin(self, payload: dict | None = None) -> dict:
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {self.token}"}
        data = json.dumps(payload).encode() if payload is not None else None
        req = urllib.request.Request(self.admin_url, data, headers, method="POST" if data else "GET")
        with urllib.request.urlopen(req, timeout=10) as r:
            return json.loads(r.read() or b"{}")

    def inject(self, operation: str, kind: str, count: int = 1, **params) -> None:
        self.admin({"operation": operation, "kind": kind, "count": count, **params})

    def clear(self) -> None:
        self.admin({"clear": True})

    def release(self) -> None:
        """End every reply held by ``hold_after_commit`` now."""
        self.admin({"release": True})

    def fired(self) -> list[tuple[str, str]]:
        return [(f["operation"], f["kind"]) for f in self.admin().get("fired", [])]

    def copies(self) -> dict[str, Counter]:
        """Message-ID -> how many copies, in Alice's Sent Items ("sent"), Drafts ("drafts") and Bob's Inbox
        ("inbox"), read from the server's SQLite file (WAL: readable while it runs)."""
        from app.sandbox import Sandbox

        sb = Sandbox(data=str(self.data / "sandbox.sqlite3"), port=0)
        try:
            where = {"sent": (ALICE, "sentitems"), "drafts": (ALICE, "drafts"), "inbox": (BOB, "inbox")}
            return {k: Counter(it.get("internet_message_id") for it in sb.mailbox(who).items(folder))
                    for k, (who, folder) in where.items()}
        finally:
            sb.store.close()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.communicate()


class CommandHome:
    """A ``DISPATCH_HOME`` with ``server``'s Exchange account set up, Alice's password in :data:`PASSWORD_VAR`."""

    def __init__(self, home: Path, server: ServerProcess):
        self.home, self.server = home, server
        home.mkdir(parents=True, exist_ok=True)
        self.env = dict(os.environ, DISPATCH_HOME=str(home), PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
        self.env[PASSWORD_VAR] = server.alice["password"]
        self.env.pop("QT_QPA_PLATFORM", None)  # a command has no window to show
        subprocess.run([sys.executable, "-c", _SET_UP, server.ews_url, server.alice["username"]], env=self.env,
                       cwd=str(ROOT), check=True, timeout=60)

    def point_at(self, ews_url: str) -> None:
        """The account set up again with another server address (the same user)."""
        subprocess.run([sys.executable, "-c", _SET_UP, ews_url, self.server.alice["username"]], env=self.env,
                       cwd=str(ROOT), check=True, timeout=60)

    def command(self, *argv: str) -> list[str]:
        """``python -m app ARGV --password-env VAR`` (sendmail's recipients may follow its options)."""
        return [sys.executable, "-m", "app", *argv, "--password-env", PASSWORD_VAR]

    def start(self, *argv: str, stdin: bytes | None = None, env: dict | None = None) -> subprocess.Popen:
        proc = subprocess.Popen(self.command(*argv), env=env or self.env, cwd=str(self.home),
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if stdin is not None:
            proc.stdin.write(stdin)
        proc.stdin.close()
        proc.stdin = None  # all of it is written: communicate() has nothing more to send
        return proc

    def run(self, *argv: str, stdin: bytes | None = None, timeout: float = 120,
            env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(self.command(*argv), input=stdin or b"", env=env or self.env, cwd=str(self.home),
                              capture_output=True, timeout=timeout)

    def journal(self) -> list:
        """The journal's entries (every account's), read as the app reads them."""
        from app.storage.journal import Journal

        j = Journal(self.home / "data" / "journal.sqlite3")
        try:
            return j.entries()
        finally:
            j.close()


_SET_UP = """
import sys
from app.domain.account import AccountConfig
from app.storage.settings import Settings
Settings().set_account(AccountConfig(email="alice@example.com", ews_url=sys.argv[1], username=sys.argv[2]))
"""


def rfc822(message_id: str, subject: str, to: str = BOB, body: str = "hello") -> bytes:
    """A message as ``sendmail`` reads it on standard input, with its own Message-ID."""
    return (f"From: Alice <{ALICE}>\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: {message_id}\r\n"
            f"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n").encode()


def wait_until(pred, timeout: float, proc: subprocess.Popen | None = None, step: float = 0.02):
    """``pred()`` once it is true; AssertionError after ``timeout`` s or when ``proc`` ended first. Polled: the
    server and the command are other processes, with no event to wait on."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = pred()
        if got:
            return got
        if proc is not None and proc.poll() is not None:
            out, err = proc.communicate()
            raise AssertionError(f"the command ended first ({proc.returncode}): {out[-2000:]!r} {err[-2000:]!r}")
        time.sleep(step)
    raise AssertionError(f"not within {timeout} s")


def kill_9(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, proc.returncode
