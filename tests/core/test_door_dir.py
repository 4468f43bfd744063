"""Where an account's door and lock are: a folder deep enough that a Unix socket's path would be too long for
the kernel (``sun_path``: "AF_UNIX path too long") gets a short private stand-in, the same for every spelling of
that folder, and a door opens there and answers a knock."""

from __future__ import annotations

import asyncio
import os
import shutil
import stat

import pytest

from app.core import doors
from app.core.door_server import Door, Reply


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


class _Desk:
    def is_mine(self, argv):
        return True

    async def answer(self, request, recorded):
        return Reply(0, out=f"answered {request.argv}\n")


def test_a_door_in_a_deep_home_opens_and_answers(deep_home):
    async def run():
        door = Door("alice@example.com", _Desk())
        await door.open()  # "AF_UNIX path too long" before the stand-in
        try:
            return await asyncio.to_thread(doors.knock, ["outbox"], str(deep_home), None)
        finally:
            await door.close()

    assert asyncio.run(run()) == {"exit": 0, "out": "answered ['outbox']\n", "err": ""}


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
