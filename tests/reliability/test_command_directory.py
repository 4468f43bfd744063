"""``dispatch-mail lookup`` and the directory check of ``send`` / ``sendmail`` as a script meets them: each command
a real subprocess (``python -m app ...``). Over EWS the sandbox runs in its own process with the sample
organisation (``python -m app.sandbox --directory``: a Carl beside Carol); over Microsoft Graph the built-in
sandbox account runs its mailbox in the command's own process (the default users: Alice and Ali Baba).

- an address of the organisation's domain the directory does not know: 65 with the entries like it, nothing
  journaled, nothing sent (Alice's Sent Items read from the server's data); ``--no-check`` sends it;
- a name: the one entry it names is the recipient (said on stderr); an ambiguous or unknown one: 65 with the
  candidates; with the server down: 69, nothing queued (a name cannot wait unresolved);
- ``sendmail --no-check``; ``lookup NAME [--json]``: the matches, 1 when there is none.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter

import pytest

from tests.helpers.commands import ALICE, CommandHome, ServerProcess, rfc822
from tests.helpers.sandbox_cli import ROOT

EX_OK, EX_NONE, EX_DATAERR, EX_UNAVAILABLE = 0, 1, 65, 69
UNKNOWN = "carl.unknown@example.com"


@pytest.fixture
def org(tmp_path):
    """The sample organisation's server, and Alice's Exchange account on it for the commands."""
    server = ServerProcess(tmp_path / "server", "--directory")
    yield server, CommandHome(tmp_path / "home", server)
    server.stop()


def _sends(home) -> list:
    return [e for e in home.journal() if e.op == "send"]


def _sent(server) -> Counter:
    return server.copies()["sent"]


@pytest.mark.timeout(300)
def test_an_unknown_address_of_the_organisation_is_65_with_candidates_and_no_check_sends_it(org):
    server, home = org
    done = home.run("send", "--to", UNKNOWN, "--subject", "typo", "--body-file", "-", stdin=b"hi\n")
    err = done.stderr.decode()
    assert done.returncode == EX_DATAERR, err
    assert f"--to: {UNKNOWN} is not in the organisation's directory" in err
    assert "Carl Carlsen <carl@example.com>" in err and "--no-check" in err and "Traceback" not in err
    assert _sends(home) == [] and sum(_sent(server).values()) == 0, "refused before anything was queued or sent"

    mailed = home.run("sendmail", "-i", UNKNOWN, stdin=rfc822("<typo@scripts.example>", "typo", to=UNKNOWN))
    assert mailed.returncode == EX_DATAERR and b"recipient: " + UNKNOWN.encode() in mailed.stderr, mailed.stderr
    assert _sends(home) == [] and sum(_sent(server).values()) == 0

    sent = home.run("send", "--to", UNKNOWN, "--subject", "typo anyway", "--no-check", "--json")
    assert sent.returncode == EX_OK, sent.stderr
    mid = json.loads(sent.stdout)["message_id"]
    mailed = home.run("sendmail", "--no-check", "-i", UNKNOWN,
                      stdin=rfc822("<typo-anyway@scripts.example>", "typo", to=UNKNOWN))
    assert mailed.returncode == EX_OK, mailed.stderr
    copies = _sent(server)
    assert (copies[mid], copies["<typo-anyway@scripts.example>"]) == (1, 1)


@pytest.mark.timeout(300)
def test_names_are_resolved_or_refused_with_their_candidates(org):
    server, home = org
    ambiguous = home.run("send", "--to", "Car", "--subject", "who?")
    err = ambiguous.stderr.decode()
    assert ambiguous.returncode == EX_DATAERR, err
    assert "--to: “Car” names" in err and "Carol Clark <carol@example.com>" in err
    assert "Carl Carlsen <carl@example.com>" in err
    unknown = home.run("send", "--to", "Zebedee", "--subject", "who?")
    assert unknown.returncode == EX_DATAERR and "knows nobody by the name “Zebedee”" in unknown.stderr.decode()
    assert _sends(home) == [] and sum(_sent(server).values()) == 0

    carol = home.run("send", "--to", "Carol", "--subject", "by name", "--json")
    assert carol.returncode == EX_OK, carol.stderr
    assert "“Carol” is Carol Clark <carol@example.com>." in carol.stderr.decode()
    assert _sent(server)[json.loads(carol.stdout)["message_id"]] == 1

    server.stop()  # the directory away: a name is not queued unresolved
    down = home.run("send", "--to", "Carol", "--subject", "by name, offline")
    assert down.returncode == EX_UNAVAILABLE, down.stderr
    assert "could not be asked" in down.stderr.decode() and _sends(home) == []


@pytest.mark.timeout(300)
def test_lookup_prints_the_matches_as_columns_or_json(org):
    _server, home = org
    found = home.run("lookup", "car", "--json")
    assert found.returncode == EX_OK and found.stderr == b"", found.stderr  # exchangelib's warning: to the log
    entries = json.loads(found.stdout)
    assert {"name": "Carol Clark", "address": "carol@example.com", "title": "Head of Finance", "department": "Finance",
            "office": "London 3.01"} in entries
    assert {"name": "Carl Carlsen", "address": "carl@example.com", "title": "Sales Representative",
            "department": "Sales EMEA", "office": "Berlin 0.14"} in entries
    text = home.run("lookup", "Carol", "Clark")
    assert text.returncode == EX_OK and text.stdout.decode().split() == [
        "Carol", "Clark", "carol@example.com", "Head", "of", "Finance", "Finance", "London", "3.01"]
    nobody = home.run("lookup", "zebedee", "--json")
    assert nobody.returncode == EX_NONE and json.loads(nobody.stdout) == [], nobody.stderr
    assert "No one in the organisation's directory matches “zebedee”" in nobody.stderr.decode()


# ---------------------------------------------------------------------- Microsoft Graph
@pytest.fixture
def graph_home(tmp_path):
    """A ``DISPATCH_HOME`` with the built-in sandbox account in Graph mode: each command runs the mailbox itself."""
    home = tmp_path / "graph-home"
    env = dict(os.environ, DISPATCH_HOME=str(home), PYTHONPATH=str(ROOT),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    env.pop("QT_QPA_PLATFORM", None)
    subprocess.run([sys.executable, "-c", "from app.core.accounts.demo import sandbox_account\n"
                    "from app.storage.settings import Settings\nSettings().set_account(sandbox_account(graph=True))"],
                   env=env, cwd=str(ROOT), check=True, timeout=60)

    def run(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "app", *argv], env=env, cwd=str(home), capture_output=True,
                              timeout=120)

    run.home = home
    return run


def _graph_sent(home) -> Counter:
    """Message-ID -> copies in Alice's Sent Items, read from the mailbox's data once the commands have ended."""
    from app.sandbox import Sandbox

    sb = Sandbox(data=str(home / "data" / "sandbox" / "sandbox.sqlite3"), port=0)
    try:
        return Counter(it.get("internet_message_id") for it in sb.mailbox(ALICE).items("sentitems"))
    finally:
        sb.store.close()


@pytest.mark.timeout(300)
def test_graph_an_unknown_address_is_65_no_check_sends_and_lookup_answers(graph_home):
    run = graph_home
    done = run("send", "--to", "nobody.here@example.com", "--subject", "typo", "--json")
    assert done.returncode == EX_DATAERR, done.stderr
    assert "nobody.here@example.com is not in the organisation's directory" in done.stderr.decode()
    ambiguous = run("send", "--to", "ali", "--subject", "who?")
    err = ambiguous.stderr.decode()
    assert ambiguous.returncode == EX_DATAERR and "Ali Baba <ali.baba@example.com>" in err, err
    assert "Alice Anderson <alice@example.com>" in err
    sent = run("send", "--to", "nobody.here@example.com", "--subject", "typo anyway", "--no-check", "--json")
    assert sent.returncode == EX_OK, sent.stderr
    found = run("lookup", "car", "--json")
    # the sign-in asks for no address book permission: the people the account works with (/me/people), said so
    assert found.returncode == EX_OK and json.loads(found.stdout) == [
        {"name": "Carol Clark", "address": "carol@example.com"}], found.stderr
    assert "Only the people you work with are listed" in found.stderr.decode()
    copies = _graph_sent(run.home)
    assert list(copies.values()) == [1] and json.loads(sent.stdout)["message_id"] in copies
