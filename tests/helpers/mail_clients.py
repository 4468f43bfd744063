"""Real mail programs (git send-email, neomutt, mail(1)) sending through ``dispatch-mail sendmail``, and the
recipient's copy read back from the sandbox.

- :func:`dispatch_mail`: a wrapper script that runs this checkout's ``python -m app`` (the venv's console script
  may belong to another checkout: an editable install).
- :func:`need_program`: skip, saying why, only when the program is not installed (scripts/bootstrap.sh test
  mode installs them).
- :class:`EwsMailroom`: a sandbox in its own process (``python -m app.sandbox``) and an Exchange (EWS) account
  for Alice set up in the settings under ``DISPATCH_HOME``; the password reaches the command through
  ``--password-env``. :class:`GraphMailroom`: the built-in sandbox account in Graph mode: the command runs the
  sandbox mailbox in its own process and signs in to it over OAuth (Microsoft Graph); its data is opened with
  ``python -m app.sandbox --data`` once the programs have ended, to read the copies.
- Copies are read as Bob (or anyone) over EWS with exchangelib: each one's MIME as an
  :class:`email.message.EmailMessage`.
"""

from __future__ import annotations

import email
import email.policy
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from exchangelib import BASIC, DELEGATE, Account, Build, Configuration, Credentials, Version

from app.core.accounts.demo import sandbox_account
from app.domain.account import AccountConfig
from app.storage.journal import Journal
from app.storage.settings import Settings, data_dir
from tests.helpers.ews_accounts import _close_exchangelib_connections
from tests.helpers.sandbox_cli import ROOT, start_cli, stop_cli

ALICE, BOB, CAROL = "alice@example.com", "bob@example.com", "carol@example.com"
PASSWORD_VAR = "DISPATCH_TEST_PASSWORD"
#: how long one mail program may take to hand over one message and see it sent
CLIENT_TIMEOUT = 60.0


def need_program(name: str) -> str:
    """The program's path; the test is skipped, saying which package installs it, when it is not installed."""
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (scripts/bootstrap.sh test installs it with apt-get)")
    return path


def need_git_send_email() -> None:
    exec_path = subprocess.run(["git", "--exec-path"], capture_output=True, text=True, check=True).stdout.strip()
    if not Path(exec_path, "git-send-email").exists():
        pytest.skip("git send-email is not installed (Debian package git-email; scripts/bootstrap.sh test "
                    "installs it)")


def dispatch_mail(folder: Path) -> Path:
    """An executable ``dispatch-mail`` that runs this checkout with this interpreter."""
    path = folder / "dispatch-mail"
    path.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -m app "$@"\n', encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def run_client(argv: list[str], env: dict, *, stdin: bytes = b"", cwd: Path | None = None,
               timeout: float = CLIENT_TIMEOUT) -> subprocess.CompletedProcess:
    """Run a mail program to its end (bounded); it must succeed, else its output is the failure's message."""
    done = subprocess.run(argv, input=stdin, env=env, cwd=cwd, capture_output=True, timeout=timeout)
    assert done.returncode == 0, (f"{argv[0]} exited {done.returncode}\nstdout: {done.stdout.decode(errors='replace')}"
                                  f"\nstderr: {done.stderr.decode(errors='replace')}")
    return done


def _account(info: dict, who: str) -> Account:
    user = next(u for u in info["accounts"] if u["email"] == who)
    config = Configuration(service_endpoint=info["ews_url"], credentials=Credentials(user["username"], user["password"]),
                           auth_type=BASIC, version=Version(build=Build(15, 1, 2507, 6)))
    return Account(who, config=config, autodiscover=False, access_type=DELEGATE)


def _copies(info: dict, who: str) -> list[email.message.EmailMessage]:
    box = _account(info, who)
    return [email.message_from_bytes(m.mime_content, policy=email.policy.default)
            for m in box.inbox.all().only("mime_content")]


def _wait_copies(proc: subprocess.Popen, info: dict, who: str, count: int, timeout: float):
    """``who``'s Inbox once it holds at least ``count`` messages (polled: the sandbox has no event to wait on
    from another process), or a failure naming what arrived."""
    deadline = time.monotonic() + timeout
    got: list = []
    while time.monotonic() < deadline:
        got = _copies(info, who)
        if len(got) >= count:
            return got
        if proc.poll() is not None:
            raise AssertionError(f"the sandbox ended while waiting for {who}'s mail: {proc.stderr.read()}")
        time.sleep(0.05)
    raise AssertionError(f"{who} has {len(got)} message(s) after {timeout} s, not {count}: "
                         f"{[str(m['Subject']) for m in got]}")


class EwsMailroom:
    """The sandbox in its own process; Alice's Exchange account (EWS, basic authentication) in the settings."""

    backend = "ews"

    def __init__(self, bin_dir: Path):
        self.proc, self.info = start_cli("--port", "0")
        Settings().set_account(AccountConfig(email=ALICE, ews_url=self.info["ews_url"], username=ALICE))
        self.password = next(u["password"] for u in self.info["accounts"] if u["email"] == ALICE)
        self.program = dispatch_mail(bin_dir)
        self.sendmail = f"{self.program} sendmail --password-env {PASSWORD_VAR}"

    def env(self, home: Path) -> dict:
        """The environment a mail program runs in: its own HOME, the account's password in a variable."""
        home.mkdir(parents=True, exist_ok=True)
        return dict(os.environ, HOME=str(home), **{PASSWORD_VAR: self.password})

    def inboxes(self, counts: dict[str, int], timeout: float = 15.0) -> dict[str, list]:
        """Each one's Inbox once it holds at least as many messages as ``counts`` says."""
        return {who: _wait_copies(self.proc, self.info, who, n, timeout) for who, n in counts.items()}

    def copies(self, who: str, count: int) -> list[email.message.EmailMessage]:
        return self.inboxes({who: count})[who]

    def close(self) -> None:
        _close_exchangelib_connections()
        stop_cli(self.proc)


class GraphMailroom:
    """The built-in sandbox account in Graph mode: each ``dispatch-mail`` runs the sandbox mailbox (its data under
    ``DISPATCH_HOME``) and signs in to it by itself, over OAuth. The copies are read from that data afterwards."""

    backend = "graph"

    def __init__(self, bin_dir: Path):
        Settings().set_account(sandbox_account(graph=True))
        self.program = dispatch_mail(bin_dir)
        self.sendmail = f"{self.program} sendmail"

    def env(self, home: Path) -> dict:
        home.mkdir(parents=True, exist_ok=True)
        return dict(os.environ, HOME=str(home))

    def inboxes(self, counts: dict[str, int], timeout: float = 15.0) -> dict[str, list]:
        """Called once every program has ended: the mailbox's data opened in a sandbox of its own."""
        proc, info = start_cli("--port", "0", "--data", str(data_dir() / "sandbox" / "sandbox.sqlite3"))
        try:
            return {who: _wait_copies(proc, info, who, n, timeout) for who, n in counts.items()}
        finally:
            _close_exchangelib_connections()
            stop_cli(proc)

    def copies(self, who: str, count: int) -> list[email.message.EmailMessage]:
        return self.inboxes({who: count})[who]

    def close(self) -> None:
        pass


MAILROOMS = {"ews": EwsMailroom, "graph": GraphMailroom}


def nothing_left() -> None:
    """Once the programs have ended: nothing waits in the journal (the queue the window and every command share),
    so no further copy can go out later: the copies read are all there will be."""
    journal = Journal()
    try:
        left = [(e.state, e.draft.subject) for e in journal.heads()]
    finally:
        journal.close()
    assert not left, f"still queued after the program ended: {left}"


def with_id(copies: list, message_id: str) -> list:
    return [m for m in copies if str(m["Message-ID"]).strip() == message_id.strip()]
