"""Where an account's door and lock are: a folder deep enough that a Unix socket's path would be too long for
the kernel (``sun_path``: "AF_UNIX path too long") gets a short private stand-in, the same for every spelling of
that folder, and a door opens there and answers a knock."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import stat
from pathlib import Path

import pytest

from app.core.scripts import door_paths, doors
from app.core.scripts.door_protocol import ListQueue, Reply
from app.core.scripts.door_server import Door
from tests.helpers.door_knock import knock


@pytest.fixture
def deep_home(tmp_path, monkeypatch):
    home = tmp_path / ("a-rather-long-folder-name-" * 4) / "dispatch-home"
    home.mkdir(parents=True)
    monkeypatch.setenv("DISPATCH_HOME", str(home))
    yield home
    folder = doors.door_dir()
    if not folder.startswith(str(home)):
        shutil.rmtree(folder, ignore_errors=True)


def test_a_short_home_keeps_its_own_run_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCH_HOME", str(tmp_path))
    assert doors.door_dir() == str(tmp_path / "run")


def test_a_deep_home_gets_a_short_private_stand_in(deep_home):
    folder = doors.door_dir()
    assert len(os.fsencode(doors.door_path("alice@example.com"))) <= doors.MAX_SOCKET_PATH
    assert not folder.startswith(str(deep_home))
    st = os.lstat(folder)
    assert stat.S_IMODE(st.st_mode) == 0o700 and st.st_uid == os.getuid()
    assert os.path.dirname(doors.lock_path("alice@example.com")) == str(deep_home / "data" / "locks"), \
        "the lock lives beside the journal it guards, whatever the door's folder"


def test_every_spelling_of_a_deep_home_has_the_same_doors(deep_home, tmp_path, monkeypatch):
    first = doors.door_dir()
    link = tmp_path / ("another-spelling-of-the-same-home-" * 3)
    link.symlink_to(deep_home)
    monkeypatch.setenv("DISPATCH_HOME", str(link))
    assert doors.door_dir() == first
    monkeypatch.setenv("DISPATCH_HOME", str(deep_home / ".." / deep_home.name))
    assert doors.door_dir() == first


@pytest.mark.skipif(bool(door_paths._runtime_dir()), reason="this user has a runtime folder: the stand-in is made there")
def test_with_no_runtime_folder_a_deep_homes_stand_in_is_a_name_nobody_could_take_first(deep_home):
    """Issue 74, hole 6's corner: no runtime folder (cron, a server) and a data folder too deep for a socket. The
    stand-in in /tmp has a random name (mkdtemp), kept in the deep folder, so every process finds the same; gone
    (/tmp emptied) or no longer private, another is made. A fixed name there could be taken first by another
    user (:func:`test_a_name_taken_in_tmp_by_another_user_stops_no_command`, as root)."""
    first = doors.door_dir()
    assert first.startswith("/tmp/dispatch-mail-") and first != f"/tmp/dispatch-mail-{os.getuid()}"
    record = deep_home / "run" / doors.STAND_IN
    assert record.read_text() == first and stat.S_IMODE(record.stat().st_mode) == 0o600
    assert doors.door_dir() == first  # found again, not made again
    os.rmdir(first)  # /tmp emptied at a restart
    second = doors.door_dir()
    assert second != first and os.path.isdir(second) and record.read_text() == second
    os.chmod(second, 0o755)  # opened up: never used again
    try:
        third = doors.door_dir()
        assert third not in (first, second) and stat.S_IMODE(os.lstat(third).st_mode) == 0o700
    finally:
        os.rmdir(second)


class _Desk:
    def is_mine(self, account):
        return True

    def limit(self):
        return 1 << 20

    def too_large(self, size):
        return None

    async def answer(self, request, recorded):
        return Reply(0, out=f"answered {type(request).__name__}\n")


def test_a_door_in_a_deep_home_opens_and_answers(deep_home):
    async def run():
        door = Door("alice@example.com", _Desk())
        await door.open()  # "AF_UNIX path too long" before the stand-in
        try:
            return await asyncio.to_thread(knock, ListQueue())
        finally:
            await door.close()

    assert asyncio.run(run()) == {"exit": 0, "out": "answered ListQueue\n", "err": ""}


def test_the_door_folder_does_not_follow_the_environment(monkeypatch, tmp_path):
    """cron, ``sudo -u`` and ``at`` run a command with no XDG_RUNTIME_DIR and another TMPDIR: it must find the same
    door as the window it shares the journal with."""
    monkeypatch.delenv("DISPATCH_HOME", raising=False)
    for name in ("XDG_RUNTIME_DIR", "TMPDIR"):
        monkeypatch.delenv(name, raising=False)
    bare = doors.door_dir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "xdg"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    assert doors.door_dir() == bare
    assert not bare.startswith(str(tmp_path))


_DOOR_AS_THE_USER = """
import asyncio, os, sys
from app.core.scripts import doors
from app.core.scripts.door_protocol import ListQueue, Reply
from app.core.scripts.door_server import Door
from tests.helpers.door_knock import knock

class Desk:
    def is_mine(self, account):
        return True

    def limit(self):
        return 1 << 20

    def too_large(self, size):
        return None

    async def answer(self, request, recorded):
        return Reply(0, out="answered\\n")

async def run():
    door = Door("alice@example.com", Desk())
    await door.open()
    try:
        return await asyncio.to_thread(knock, ListQueue())
    finally:
        await door.close()

print(doors.door_dir())
print(asyncio.run(run())["out"], end="")
"""


def _python_for(uid: int) -> str:
    """A Python the second user may run: this one, or the system's when this one lives in root's home."""
    import subprocess
    import sys

    for python in (sys.executable, "/usr/bin/python3"):
        with contextlib.suppress(OSError):  # this one may not even be started by the second user
            done = subprocess.run([python, "-c", "import platformdirs"], user=uid, group=uid, extra_groups=[],
                                  cwd="/", env=_as_the_user, capture_output=True)
            if done.returncode == 0:
                return python
    pytest.skip(f"no Python here that uid {uid} may run with this code")


# what the second user's Python finds this code and its one dependency on the way here by (platformdirs: pure Python)
_as_the_user = {"PATH": "/usr/bin:/bin", "PYTHONPATH": os.pathsep.join(
    (str(Path(__import__("app").__file__).resolve().parents[1]),
     str(Path(__import__("platformdirs").__file__).parents[1])))}


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="another user takes the name in /tmp first: the test acts as two users, which needs root")
@pytest.mark.parametrize("deep", [False, True])
@pytest.mark.parametrize("squat", ["folder", "link to a folder", "dangling link", "file"])
def test_a_name_taken_in_tmp_by_another_user_stops_no_command(squat, deep, tmp_path):
    """Issue 74, hole 6: no ``DISPATCH_HOME`` and no ``/run/user/UID`` (cron, a server). Another user (root here)
    made ``/tmp/dispatch-mail-UID`` first: a folder of theirs, a link, a dangling link or a plain file. The user
    (a second uid) still opens a door and a command's knock is answered: the doors are in the user's own data
    folder, and nothing in /tmp is used (or a traceback). ``deep``: a home so deep that the data folder cannot
    hold a socket: the door is in a stand-in in /tmp of a name the squatter could not know (its own, 0700)."""
    import subprocess
    import sys
    import tempfile

    uid = 40000 + os.getpid() % 20000  # a uid of nobody's, with no runtime folder
    if os.path.exists(f"/run/user/{uid}"):
        pytest.skip(f"uid {uid} has a runtime folder")
    top = home = tempfile.mkdtemp(prefix="dispatch-victim-")
    os.chown(home, uid, uid)
    if deep:
        home = os.path.join(home, "a-rather-long-folder-name-" * 4)
        os.mkdir(home)
        os.chown(home, uid, uid)
    squatted = f"/tmp/dispatch-mail-{uid}"
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o777)
    folder = ""
    try:
        if squat == "folder":
            os.mkdir(squatted, 0o777)
        elif squat == "file":
            open(squatted, "w").close()
        else:
            os.symlink(str(theirs) if squat == "link to a folder" else str(tmp_path / "gone"), squatted)
        done = subprocess.run([_python_for(uid), "-c", _DOOR_AS_THE_USER], user=uid, group=uid, extra_groups=[],
                              cwd="/", env=dict(_as_the_user, HOME=home), capture_output=True, timeout=60)
        assert done.returncode == 0, done.stderr.decode(errors="replace")
        folder, answer = done.stdout.decode().splitlines()
        assert answer == "answered"
        if deep:
            assert folder.startswith("/tmp/dispatch-mail-") and folder != squatted
        else:
            assert folder.startswith(home + os.sep)
        assert os.lstat(folder).st_uid == uid and stat.S_IMODE(os.lstat(folder).st_mode) == 0o700
    finally:
        shutil.rmtree(top, ignore_errors=True)
        if deep and folder.startswith("/tmp/dispatch-mail-"):
            shutil.rmtree(folder, ignore_errors=True)
        if os.path.isdir(squatted) and not os.path.islink(squatted):
            os.rmdir(squatted)
        elif os.path.lexists(squatted):
            os.unlink(squatted)
