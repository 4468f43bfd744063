"""``dispatch-mail`` commands started from a folder another user can write to (issue 74, hole 1): the folder
holds an ``app`` package and a ``sitecustomize`` of theirs. The installed command (the console script pip wrote,
as a user runs it) and the mail engine it starts run the installation's code only; the message goes. Real
processes and the sandbox in its own process over HTTP."""

from __future__ import annotations

import sys
from pathlib import Path
import subprocess

import pytest

from app import MAIL_ENGINE_VARIABLE
from tests.helpers.commands import BOB, PASSWORD_VAR
from tests.helpers.hostile_folder import plant

SCRIPT = Path(sys.executable).parent / "dispatch-mail"


@pytest.mark.timeout(180)
@pytest.mark.skipif(not SCRIPT.exists(), reason="no installed dispatch-mail beside this Python (pip install -e .)")
def test_a_command_from_a_shared_folder_runs_only_the_installs_code_and_sends(server, home, tmp_path):
    shared = tmp_path / "shared"
    ran = plant(shared)
    env = dict(home.env, **{MAIL_ENGINE_VARIABLE: "process"})  # the engine in its own process, as the window's
    env.pop("PYTHONPATH", None)
    done = subprocess.run([str(SCRIPT), "send", "--to", BOB, "--subject", "from a shared folder", "--body-file", "-",
                           "--password-env", PASSWORD_VAR], input=b"ours\n", env=env, cwd=shared,
                          capture_output=True, timeout=150)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert not ran.exists(), "the planted code ran: " + ran.read_text()
    assert sum(server.copies()["inbox"].values()) == 1
