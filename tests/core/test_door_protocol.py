"""The door's protocol (app/core/doors.py, app/core/door_server.py) over a real Unix socket: a command line, its
folder and its standard input arrive as they were given (bytes the system's encoding cannot read included); the
answer's words arrive whole; anything else a socket may receive is refused without taking the door down."""

from __future__ import annotations

import asyncio
import socket
import uuid

import pytest

from app.core import doors
from app.core.door_server import Door, Reply


class Echo:
    def __init__(self):
        self.seen = []

    def is_mine(self, argv):
        return argv[0] != "not-mine"

    def too_large(self, size):
        return Reply(65, err="too large\n") if size > 1000 else None

    async def answer(self, request, recorded):
        self.seen.append(request)
        recorded("abc123")
        return Reply(3, out="sortie é\n", err="a\nb\0c\n")


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCH_HOME", str(tmp_path))
    for folder in ("config", "data"):  # the profile's folders, as a window that has an account has them
        (tmp_path / folder).mkdir()
    return tmp_path


def _serve(desk, work):
    async def run():
        door = Door("alice@example.com", desk)
        await door.open()
        try:
            return await work(door)
        finally:
            await door.close()

    return asyncio.run(run())


def test_a_command_line_arrives_as_given_and_its_answer_whole(home):
    desk = Echo()
    odd = "caf\udce9.txt"  # a file name that is not UTF-8, as the system gave it (surrogateescape)
    argv = ["send", "--subject", "two\nlines", "--attach", odd, ""]
    reply = _serve(desk, lambda door: asyncio.to_thread(doors.knock, argv, "/some where", b"\0body\n"))
    assert reply == {"exit": 3, "out": "sortie é\n", "err": "a\nb\0c\n"}
    (req,) = desk.seen
    assert (req.argv, req.cwd, req.stdin) == (argv, "/some where", b"\0body\n")
    reply = _serve(desk, lambda door: asyncio.to_thread(doors.knock, ["outbox"], "/", None))
    assert desk.seen[-1].stdin is None and reply["exit"] == 3


def test_another_accounts_command_is_not_taken(home):
    reply = _serve(Echo(), lambda door: asyncio.to_thread(doors.knock, ["not-mine"], "/", None))
    assert reply is None


@pytest.mark.parametrize("junk", [
    b"GET / HTTP/1.1\r\n\r\n",
    b"DISPATCH-DOOR 1 6 -1\n/\0send\0",  # another version
    b"DISPATCH-DOOR 2 6 -1\n/\0send\0",  # no profile
    b"DISPATCH-DOOR 2 6 -1 none\n/\0send\0",  # a profile with no folders
    b"DISPATCH-DOOR 2 2 -1 PROFILE\n/\0",  # no command
    b"DISPATCH-DOOR 2 7 -1 PROFILE\n/\0send",  # not ended by a NUL
    b"DISPATCH-DOOR 2 99999999999 -1 PROFILE\n",  # more than a door reads
    b"DISPATCH-DOOR 2 x y PROFILE\n",
    b"\n",
])
def test_anything_else_is_refused_and_the_door_stays_open(home, junk):
    desk = Echo()

    async def work(door):
        def send_junk():
            with socket.socket(socket.AF_UNIX) as s:
                s.connect(door.path)
                s.sendall(junk.replace(b"PROFILE", doors.profile()))  # its own profile: the rest is checked
                s.shutdown(socket.SHUT_WR)
                return s.makefile("rb").read()

        said = await asyncio.to_thread(send_junk)
        after = await asyncio.to_thread(doors.knock, ["outbox"], "/", None)
        return said, after

    said, after = _serve(desk, work)
    assert said in (b"mine 0\n", b""), said
    assert after["exit"] == 3 and [r.argv for r in desk.seen] == [["outbox"]]


def test_an_answer_cut_off_says_what_was_recorded(home):
    class Dies(Echo):
        async def answer(self, request, recorded):
            recorded("abc123")
            raise ConnectionResetError  # the process behind the door goes away mid-answer

    reply = _serve(Dies(), lambda door: asyncio.to_thread(doors.knock, ["send"], "/", None))
    assert reply["exit"] == 75 and reply["err"].startswith("Queued (abc123), not sent yet")


def test_a_command_of_another_profile_is_handed_to_no_one(tmp_path, monkeypatch):
    """Without DISPATCH_HOME the folder of doors is one per Unix user, while the settings and the journal follow
    HOME / XDG_*: a door takes only its own profile's commands (issue 74, item 2). Profile 1's window holds the
    door; profile 2's command (an account of its own), and a profile with no account at all, are not its."""
    monkeypatch.delenv("DISPATCH_HOME", raising=False)

    def profile(name, made=True):
        for kind in ("CONFIG", "DATA"):
            folder = tmp_path / name / kind.lower()
            if made:
                (folder / "Dispatch").mkdir(parents=True)  # where platformdirs puts Dispatch's under XDG_*
            monkeypatch.setenv(f"XDG_{kind}_HOME", str(folder))

    async def work(door):
        profile("two")
        other = await asyncio.to_thread(doors.knock, ["send", "--account", "alice@example.com"], "/", None)
        profile("none", made=False)
        no_account = await asyncio.to_thread(doors.knock, ["outbox"], "/", None)
        profile("one", made=False)  # the window's own profile again (its folders exist)
        own = await asyncio.to_thread(doors.knock, ["outbox"], "/", None)
        return other, no_account, own

    profile("one")
    desk = Echo()
    key = f"alice-{uuid.uuid4().hex}@example.com"  # the folder of doors is this user's: a door of its own

    async def run():
        door = Door(key, desk)
        await door.open()
        try:
            return await work(door)
        finally:
            await door.close()

    other, no_account, own = asyncio.run(run())
    assert other is None and no_account is None
    assert own["exit"] == 3 and [r.argv for r in desk.seen] == [["outbox"]]


def test_standard_input_announced_larger_than_the_desk_takes_is_refused_unread(home):
    """The door asks the desk about the announced size before it reads one byte (issue 74, item 12): the
    command is answered 65 in the desk's words, and the desk never sees the request."""
    desk = Echo()
    reply = _serve(desk, lambda door: asyncio.to_thread(doors.knock, ["sendmail", "bob@example.com"], "/",
                                                        b"x" * 5000))
    assert reply == {"exit": 65, "out": "", "err": "too large\n"} and desk.seen == []
    reply = _serve(desk, lambda door: asyncio.to_thread(doors.knock, ["sendmail"], "/", b"y" * 1000))
    assert reply["exit"] == 3 and desk.seen[-1].stdin == b"y" * 1000
