"""The door's protocol (app/core/scripts/doors.py, app/core/scripts/door_server.py, app/core/scripts/door_protocol.py) over a real Unix
socket: a typed request (a message built by the command, its attachments' and its MIME's bytes included) arrives
as it was sent; the answer's words arrive whole; a command and a door of different versions refuse each other in
words; anything else a socket may receive is refused without taking the door down."""

from __future__ import annotations

import asyncio
import socket
import threading
import uuid
from datetime import datetime

import pytest

from app.core.scripts import door_protocol as dp
from app.core.scripts import doors
from app.core.scripts.door_protocol import Cancel, ListQueue, Open, Options, Reply, Retry, Submit
from app.core.scripts.door_server import Door
from app.core.outbox.mime_send import MimeToSend
from app.domain.models import Attachment, Draft, Recipient
from tests.helpers.door_knock import knock

LIMIT = 1000
MIME = b"From: a@example.com\r\nTo: b@example.com\r\n\r\n\0body\xff\n"


class Echo:
    def __init__(self):
        self.seen = []

    def is_mine(self, account):
        return account != "not-mine@example.com"

    def limit(self):
        return LIMIT

    def too_large(self, size):
        return Reply(65, err="too large\n") if size > LIMIT else None

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


def _draft_submit() -> Submit:
    draft = Draft(to=[Recipient("bob@example.com", "Bob")], subject="two\nlines é", body="\0body\n",
                  headers=[("X-Run", "7")],
                  attachments=[Attachment("r.pdf", b"%PDF\0\xff", "application/pdf", source_path="/w/r.pdf", size=6),
                               Attachment("empty.txt", b"", "text/plain", source_path="/w/empty.txt", size=0)])
    return Submit(draft, sender=Recipient("team@example.com"), later=datetime(2030, 1, 2, 9, 30), json=True,
                  wait=2.5, account="alice@example.com")


def test_a_typed_request_arrives_as_sent_and_its_answer_whole(home):
    desk, limits = Echo(), []
    sent = _draft_submit()
    reply = _serve(desk, lambda door: asyncio.to_thread(knock, sent, limits))
    assert reply == {"exit": 3, "out": "sortie é\n", "err": "a\nb\0c\n"}
    assert limits == [LIMIT], "the command reads its files against the limit the door said"
    assert desk.seen == [sent]
    as_it_is = Submit(Draft(to=[Recipient("b@example.com")], subject="s"), MimeToSend(MIME, "<m@x>", False),
                      envelope=(Recipient("b@example.com"), Recipient("hidden@example.com")), local_sender=True,
                      full_name="Cron Daemon", quiet=True)
    for request in (as_it_is, ListQueue(json=True), Retry("abcd"), Cancel("abcd1234", "alice@example.com"),
                    Open("mailto:b@example.com?subject=caf%C3%A9"), Open()):
        reply = _serve(desk, lambda door: asyncio.to_thread(knock, request))
        assert reply["exit"] == 3 and desk.seen[-1] == request and type(desk.seen[-1]) is type(request)


def test_another_accounts_command_is_not_taken(home):
    reply = _serve(Echo(), lambda door: asyncio.to_thread(knock, ListQueue("not-mine@example.com")))
    assert reply is None


def test_a_command_of_another_version_is_refused_in_words(home):
    """The version is checked on both sides: a door answers a command of another version with a refusal in words
    (an earlier dispatch-mail reads it as any answer), and a command refuses a door of another version."""
    desk = Echo()

    def old_command(door):  # protocol 2: its command line, its folder, its standard input's size
        with socket.socket(socket.AF_UNIX) as s:
            s.connect(door.path)
            s.sendall(b"DISPATCH-DOOR 2 12 -1 " + doors.profile() + b"\n/\0outbox\0\0\0\0\0")
            s.shutdown(socket.SHUT_WR)
            answer = s.makefile("rb")
            return doors._answer(answer) if answer.readline() == b"mine 1\n" else None

    reply = _serve(desk, lambda door: asyncio.to_thread(old_command, door))
    assert reply["exit"] == 69 and f"different versions (door protocol {dp.VERSION} and 2)" in reply["err"], reply
    assert "Nothing was sent" in reply["err"] and desk.seen == []


def test_a_door_of_another_version_is_refused_by_the_command(home):
    built = []
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(doors.door_path("alice@example.com"))
        server.listen()

        def door_of_the_next_version():
            conn, _ = server.accept()
            with conn:
                conn.makefile("rb").readline()
                conn.sendall(b"mine 1 %d 1000\n" % (dp.VERSION + 1))
                conn.recv(1)

        answering = threading.Thread(target=door_of_the_next_version)
        answering.start()
        reply = doors.knock(dp.route(""), lambda limit: built.append(limit) or dp.encode(ListQueue()))
        answering.join()
    assert reply["exit"] == 69 and f"(door protocol {dp.VERSION} and {dp.VERSION + 1})" in reply["err"] and built == []


@pytest.mark.parametrize("junk", [
    b"GET / HTTP/1.1\r\n\r\n",
    b"DISPATCH-DOOR 4 2\n{}",  # no profile
    b"DISPATCH-DOOR 4 2 none\n{}",  # a profile with no folders
    b"DISPATCH-DOOR 4 2 PROFILE\n{}",  # no account named
    b"DISPATCH-DOOR 4 5 PROFILE\n[1,2]",  # not a route
    b"DISPATCH-DOOR 4 99999999999 PROFILE\n",  # more than a door reads
    b"DISPATCH-DOOR 4 x PROFILE\n",
    b'DISPATCH-DOOR 4 15 PROFILE\n{"account": ""}2 0\n{}',  # taken, then a head that is no request
    b'DISPATCH-DOOR 4 15 PROFILE\n{"account": ""}99999999999 0\n',  # a head larger than a door reads
    b'DISPATCH-DOOR 4 15 PROFILE\n{"account": ""}31 5\n{"version": 4, "kind": "list"}12345',  # bytes not named
    b'DISPATCH-DOOR 4 15 PROFILE\n{"account": ""}31 0\n{"version": 2, "kind": "list"}',  # a head of another version
    b"\n",
])
def test_anything_else_is_refused_and_the_door_stays_open(home, junk):
    desk = Echo()

    async def work(door):
        def send_junk():
            with socket.socket(socket.AF_UNIX) as s:
                s.connect(door.path)
                # its own profile and this version (written 4 above): the rest is checked
                s.sendall(junk.replace(b"PROFILE", doors.profile()).replace(b"DISPATCH-DOOR 4 ", b"DISPATCH-DOOR %d "
                                                                            % dp.VERSION)
                          .replace(b'"version": 4', b'"version": %d' % dp.VERSION))
                s.shutdown(socket.SHUT_WR)
                return s.makefile("rb").read()

        said = await asyncio.to_thread(send_junk)
        after = await asyncio.to_thread(knock, ListQueue())
        return said, after

    said, after = _serve(desk, work)
    assert said in (b"mine 0\n", b"", b"mine 1 %d %d\n" % (dp.VERSION, LIMIT)), said
    assert after["exit"] == 3 and desk.seen == [ListQueue()]


def test_an_answer_cut_off_says_what_was_recorded(home):
    class Dies(Echo):
        async def answer(self, request, recorded):
            recorded("abc123")
            raise ConnectionResetError  # the process behind the door goes away mid-answer

    reply = _serve(Dies(), lambda door: asyncio.to_thread(knock, _draft_submit()))
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
        other = await asyncio.to_thread(knock, ListQueue("alice@example.com"))
        profile("none", made=False)
        no_account = await asyncio.to_thread(knock, ListQueue())
        profile("one", made=False)  # the window's own profile again (its folders exist)
        own = await asyncio.to_thread(knock, ListQueue())
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
    assert own["exit"] == 3 and desk.seen == [ListQueue()]


def test_a_message_announced_larger_than_the_desk_takes_is_refused_unread(home):
    """The door asks the desk about a message's announced size before it reads one byte of it (issue 74, item 12):
    the command is answered 65 in the desk's words, and the desk never sees the request."""
    desk = Echo()

    def as_it_is(raw: bytes) -> Submit:
        return Submit(Draft(to=[Recipient("bob@example.com")]), MimeToSend(raw, "<m@x>", False),
                      envelope=[Recipient("bob@example.com")], quiet=True)

    reply = _serve(desk, lambda door: asyncio.to_thread(knock, as_it_is(b"x" * 5000)))
    assert reply == {"exit": 65, "out": "", "err": "too large\n"} and desk.seen == []
    reply = _serve(desk, lambda door: asyncio.to_thread(knock, as_it_is(b"y" * LIMIT)))
    assert reply["exit"] == 3 and desk.seen[-1].mime.raw == b"y" * LIMIT


def test_the_receipts_send_asks_for_cross_the_door():
    """``send --read-receipt --delivery-receipt``'s options arrive behind the door as the command read them."""
    for read, delivery in ((True, False), (False, True), (True, True), (False, False)):
        asked = Submit(options=Options(to=("bob@example.com",), subject="s", read_receipt=read,
                                       delivery_receipt=delivery))
        head, data = dp.encode(asked)
        got = dp.decode(dp.read_head(head), data)
        assert (got.options.read_receipt, got.options.delivery_receipt) == (read, delivery)
