"""The door's protocol (app/core/doors.py, app/core/door_server.py) over a real Unix socket: a command line, its
folder and its standard input arrive as they were given (bytes the system's encoding cannot read included); the
answer's words arrive whole; anything else a socket may receive is refused without taking the door down."""

from __future__ import annotations

import asyncio
import socket

import pytest

from app.core import doors
from app.core.door_server import Door, Reply


class Echo:
    def __init__(self):
        self.seen = []

    def is_mine(self, argv):
        return argv[0] != "not-mine"

    async def answer(self, request, recorded):
        self.seen.append(request)
        recorded("abc123")
        return Reply(3, out="sortie é\n", err="a\nb\0c\n")


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCH_HOME", str(tmp_path))
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
    b"DISPATCH-DOOR 2 6 -1\n/\0send\0",  # another version
    b"DISPATCH-DOOR 1 2 -1\n/\0",  # no command
    b"DISPATCH-DOOR 1 7 -1\n/\0send",  # not ended by a NUL
    b"DISPATCH-DOOR 1 99999999999 -1\n",  # more than a door reads
    b"DISPATCH-DOOR 1 x y\n",
    b"\n",
])
def test_anything_else_is_refused_and_the_door_stays_open(home, junk):
    desk = Echo()

    async def work(door):
        def send_junk():
            with socket.socket(socket.AF_UNIX) as s:
                s.connect(door.path)
                s.sendall(junk)
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
