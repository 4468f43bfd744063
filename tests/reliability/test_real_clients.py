"""Real mail programs send through ``dispatch-mail sendmail``, and the recipient's copy is read back: git
send-email, neomutt in batch mode and mail(1) (GNU Mailutils), each over Exchange (EWS) and Microsoft Graph.

- EWS: the sandbox runs in its own process (``python -m app.sandbox``); Alice's Exchange account is set up in the
  settings under the test's ``DISPATCH_HOME`` and its password reaches the command with ``--password-env``.
- Graph: the Microsoft 365 sign-in that persists across processes (``dispatch-mail sign-in --device-code``) is
  not here yet, so these runs use the built-in sandbox account in Graph mode: each command runs the sandbox
  mailbox in its own process (its data under ``DISPATCH_HOME``) and signs in to it over OAuth by itself. The
  copies are read by opening that data with ``python -m app.sandbox --data`` once the programs have ended.

The programs come from the system's packages (scripts/bootstrap.sh test: git-email, neomutt, mailutils); a
test is skipped, saying so, only when its program is not installed. Each program must exit 0, which it does
only when ``dispatch-mail sendmail`` did (the message was sent), and every copy must be there exactly once.
"""

from __future__ import annotations

import mailbox
import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers.mail_clients import (ALICE, BOB, CAROL, CLIENT_TIMEOUT, MAILROOMS, EwsMailroom,
                                        need_git_send_email, need_program, nothing_left, run_client, with_id)

pytestmark = [pytest.mark.process, pytest.mark.timeout(120)]


@pytest.fixture(params=sorted(MAILROOMS))
def mailroom(request, tmp_path):
    room = MAILROOMS[request.param](tmp_path)
    yield room
    room.close()


def _git(repo: Path, *args: str) -> str:
    """git in the scratch repositories, whatever this machine's own git settings (signing, hooks ...) say."""
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True,
                          env=env).stdout


def _series(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A scratch repository with two commits on top of its first, and the two as a threaded patch series
    (``git format-patch --thread``: git writes each patch's Message-ID and the second's In-Reply-To). The second
    patch has 8-bit text in its diff only, so git declares no charset for it: send-email adds the one it is told
    to assume (it would ask otherwise)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    for key, value in (("user.name", "Alice Zoë"), ("user.email", ALICE), ("sendemail.confirm", "never"),
                       ("sendemail.suppresscc", "all"), ("sendemail.assume8bitEncoding", "UTF-8")):
        _git(repo, "config", key, value)
    notes = repo / "notes.txt"
    notes.write_text("one\n", encoding="utf-8")
    _git(repo, "add", "notes.txt")
    _git(repo, "commit", "-qm", "start")
    notes.write_text("one\ntwo: naïve café\n", encoding="utf-8")
    _git(repo, "commit", "-qam", "Add the second line\n\nIt says naïve café, in UTF-8.")
    notes.write_text("one\ntwo: naïve café\nthree\n", encoding="utf-8")
    _git(repo, "commit", "-qam", "Add the third line")
    out = _git(repo, "format-patch", "--thread", "-2", "-o", str(tmp_path / "patches"))
    return repo, [Path(line) for line in out.splitlines()]


def _once(copies: list):
    assert len(copies) == 1, f"{len(copies)} copies arrived, not one: {[str(m['Subject']) for m in copies]}"
    return copies[0]


def _text(message) -> str:
    """The copy's plain text with LF line ends (the server's MIME has CRLF)."""
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def _header(patch: Path, name: str) -> str:
    return str(mailbox.mboxMessage(patch.read_bytes())[name]).strip()


def test_git_send_email_sends_a_threaded_series_once(mailroom, tmp_path):
    need_git_send_email()
    repo, patches = _series(tmp_path)
    ids = [_header(p, "Message-ID") for p in patches]
    assert len(set(ids)) == 2 and all(ids)

    run_client(["git", "send-email", f"--sendmail-cmd={mailroom.sendmail}", f"--to={BOB}", f"--bcc={CAROL}",
                *map(str, patches)], mailroom.env(tmp_path / "home"), cwd=repo)

    nothing_left()
    inboxes = mailroom.inboxes({BOB: 2, CAROL: 2})
    copies = inboxes[BOB]
    # git names a Bcc recipient on sendmail's command line only: she gets the series, and nobody sees her
    assert sorted(str(m["Message-ID"]).strip() for m in inboxes[CAROL]) == sorted(ids)
    assert all(CAROL not in m.as_string() for m in [*copies, *inboxes[CAROL]])
    assert len(copies) == 2, [str(m["Subject"]) for m in copies]
    first, second = (with_id(copies, mid) for mid in ids)
    assert len(first) == 1 and len(second) == 1, "each patch arrives once, under the Message-ID git made"
    first, second = first[0], second[0]
    assert str(first["Subject"]) == "[PATCH 1/2] Add the second line"
    assert str(second["Subject"]) == "[PATCH 2/2] Add the third line"
    assert str(second["In-Reply-To"]).strip() == ids[0], "the second patch answers the first (threaded)"
    assert ids[0] in str(second["References"])
    for copy in (first, second):
        assert str(copy["X-Mailer"]).startswith("git-send-email "), copy["X-Mailer"]
        assert copy["From"].addresses[0].addr_spec == ALICE
        assert copy["From"].addresses[0].display_name == "Alice Zoë"
    # the copies are the patches: applied in a clone of the series' base, they make the same tree
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", str(repo), str(clone))
    _git(clone, "reset", "-q", "--hard", "HEAD~2")
    inbox = tmp_path / "bob.mbox"
    inbox.write_bytes(b"".join(b"From git@example.com Thu Jan  1 00:00:00 1970\n" + bytes(c) + b"\n"
                               for c in (first, second)))
    _git(clone, "-c", "user.name=Bob", "-c", f"user.email={BOB}", "am", "-q", str(inbox))
    assert _git(clone, "rev-parse", "HEAD^{tree}") == _git(repo, "rev-parse", "HEAD^{tree}")
    assert "naïve café" in _git(clone, "log", "-1", "--format=%b", "HEAD~1")


def test_neomutt_in_batch_mode_sends_once_and_keeps_bcc_hidden(mailroom, tmp_path):
    neomutt = need_program("neomutt")
    home = tmp_path / "home"
    env = mailroom.env(home)
    muttrc = home / "muttrc"
    muttrc.write_text("\n".join([
        # -oi as in neomutt's own default ("/usr/sbin/sendmail -oem -oi"): it does not add it, and without it a
        # line holding a single dot would end the message, as with sendmail
        f'set sendmail="{mailroom.sendmail} -oem -oi"',
        f'set from="{ALICE}"',
        'set real_name="Alice Anderson"',
        "set use_from=yes",
        "set copy=no",
        "set write_bcc=yes",  # the Bcc header in the message too: Dispatch takes it from there and removes it
        f'set folder="{home}/Mail"',
        f'set spool_file="{home}/Mail/inbox"',
        "",
    ]), encoding="utf-8")
    body = "A note from neomutt.\n.\nZoë's café is open.\n".encode()

    run_client([neomutt, "-n", "-F", str(muttrc), "-s", "From neomutt", "-b", CAROL, "--", BOB], env, stdin=body)

    nothing_left()
    inboxes = mailroom.inboxes({BOB: 1, CAROL: 1})
    copy, hidden = _once(inboxes[BOB]), _once(inboxes[CAROL])
    assert str(copy["Subject"]) == "From neomutt"
    assert copy["From"].addresses[0].addr_spec == ALICE
    assert _text(copy) == body.decode()
    assert hidden["Message-ID"] == copy["Message-ID"], "the Bcc recipient has the same message"
    for m in (copy, hidden):
        assert m["Bcc"] is None and CAROL not in m.as_string(), "Bcc stays hidden"


def _mailutils(room, home: Path, *, return_address: str | None, said: Path | None = None) -> dict:
    """GNU Mailutils' mail(1) set up as the user guide says: a wrapper that runs ``dispatch-mail sendmail`` (its
    standard error kept in ``said``: Mailutils keeps it to itself), named in ``~/.mailrc`` in the ``sendmail://``
    form, and the envelope sender Mailutils gives as ``-f`` (``return-address``). The environment to run it in."""
    mail = need_program("mail")
    env = room.env(home)
    version = subprocess.run([mail, "--version"], capture_output=True, text=True, env=env).stdout
    if "GNU Mailutils" not in version:
        pytest.skip(f"mail(1) here is not GNU Mailutils' (Debian package mailutils): {version.splitlines()[:1]}")
    shim = home / "dispatch-sendmail"
    keep = f' 2>>"{said}"' if said else ""
    shim.write_text(f'#!/bin/sh\nexec {room.sendmail} "$@"{keep}\n', encoding="utf-8")
    shim.chmod(0o700)
    lines = [f'set sendmail="sendmail://{shim}"']
    if return_address:
        lines.append(f'set return-address="{return_address}"')
    (home / ".mailrc").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dict(env, MAILRC=str(home / ".mailrc"))


def test_mail_command_sends_once(mailroom, tmp_path):
    env = _mailutils(mailroom, tmp_path / "home", return_address=ALICE)

    run_client(["mail", "-s", "From mail(1)", BOB], env, stdin=b"Disk usage report: 42 %\n")

    nothing_left()
    copy = _once(mailroom.copies(BOB, 1))
    assert str(copy["Subject"]) == "From mail(1)"
    assert copy["From"].addresses[0].addr_spec == ALICE
    assert _text(copy) == "Disk usage report: 42 %\n"


def test_mail_command_without_the_envelope_sender_fails_and_queues_nothing(tmp_path):
    """Mailutils gives ``-f USER@HOST`` unless ``return-address`` is set: mail(1) fails, the command says why on
    its standard error, and nothing is queued or sent (EWS only: the refusal is the command's own, before any
    server)."""
    room = EwsMailroom(tmp_path)
    try:
        said = tmp_path / "sendmail.err"
        env = _mailutils(room, tmp_path / "home", return_address=None, said=said)

        done = subprocess.run(["mail", "-s", "Not from a mailbox", BOB], input=b"report\n", env=env,
                              capture_output=True, timeout=CLIENT_TIMEOUT)

        assert done.returncode != 0 and b"cannot send message" in done.stderr, done.stderr
        words = said.read_text(encoding="utf-8")
        # USER@HOST: no e-mail address where the host name has no domain, else not a mailbox the account has
        assert words.startswith("-f: ") and ("is not a valid e-mail address" in words
                                             or "is not a mailbox alice@example.com sends from" in words), words
        nothing_left()
        assert room.inboxes({BOB: 0})[BOB] == []
    finally:
        room.close()
