"""The account's door, served by the process that holds its lock (:mod:`app.core.doors`). asyncio, no Qt.

A command knocks with its profile, its command line and its folder (:func:`app.core.doors.encode_request`).
The door answers ``mine 0`` when the command is another profile's or for another account (the command looks
further, or runs itself); else ``mine 1``, reads the command's standard input (refused by its announced size
first: :meth:`Desk.too_large`), then says ``recorded ID`` once the message is in the journal, then
``exit CODE OUT ERR`` followed by that many bytes of the command's standard output and error. What a command
asks is decided by the ``desk`` the door is given (:class:`app.core.script_desk.ScriptDesk`): the same code a command runs when no door answers.
"""

from __future__ import annotations

import asyncio
import logging
import os
from dataclasses import dataclass
from typing import Callable, Protocol

from app.core.doors import MAGIC, MAX_HEADER, PROTOCOL, door_path, profile

log = logging.getLogger(__name__)

# the most standard input a door takes with a command (more than any server's message limit)
MAX_STDIN = 512 * 1024 * 1024
# how long a knocking command may take to send its request
READ_TIMEOUT = 30.0
# the most connections a door keeps open that have not yet said their command (silent or slow ones): one more
# closes the oldest of them, so that a flood of them never takes the process's file descriptors (nor keeps a
# real command out); commands taken are not counted, and are never closed for a newcomer
MAX_WAITING = 64
# standard input is read in pieces of this size into one buffer (never a second copy of it)
PIECE = 1 << 16


@dataclass
class DoorRequest:
    argv: list[str]
    cwd: str
    stdin: bytes | None  # None: the command read none (it needs none)
    stdin_size: int = -1  # announced, before it is read (-1: none)


@dataclass
class Reply:
    exit: int
    out: str = ""
    err: str = ""

    def as_dict(self) -> dict:
        return {"exit": self.exit, "out": self.out, "err": self.err}

    def as_bytes(self) -> bytes:
        out, err = self.out.encode("utf-8"), self.err.encode("utf-8")
        return b"exit %d %d %d\n" % (self.exit, len(out), len(err)) + out + err


class Desk(Protocol):
    def is_mine(self, argv: list[str]) -> bool: ...

    def too_large(self, size: int) -> Reply | None:
        """The refusal of a command whose standard input announces ``size`` bytes, before any is read."""

    async def answer(self, request: DoorRequest, recorded: Callable[[str], None]) -> Reply: ...


class Door:
    """One account's door: :meth:`open` once the account's lock is held, :meth:`close` before letting it go."""

    def __init__(self, account_key: str, desk: Desk):
        self.account_key, self.desk = account_key, desk
        self.path = ""
        self._server: asyncio.base_events.Server | None = None
        self._answers: set[asyncio.Task] = set()
        self._waiting: dict[asyncio.Task, asyncio.StreamWriter] = {}  # connected, command not said yet (oldest first)
        self._profile = b"none"

    async def open(self) -> None:
        self._profile = profile(make=True)
        path = door_path(self.account_key)
        try:
            os.unlink(path)  # one left by a process that ended: the lock says nobody is behind it now
        except FileNotFoundError:
            pass
        self._server = await asyncio.start_unix_server(self._serve, path, limit=MAX_HEADER)
        os.chmod(path, 0o600)  # in a 0700 folder already; the socket itself is the user's alone too
        self.path = path

    @property
    def busy(self) -> int:
        """Commands taken and not yet answered."""
        return len(self._answers)

    async def close(self, *, wait: bool = True) -> None:
        """Take no more commands; with ``wait``, let those taken be answered first."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
            await server.wait_closed()
            try:
                os.unlink(self.path)
            except FileNotFoundError:
                pass
        if wait and self._answers:
            await asyncio.gather(*self._answers, return_exceptions=True)

    def shut(self) -> None:
        """Close at once, from code that cannot wait (its queue is closed already): no more commands, and those
        taken are cut off (each command then says what was recorded: :func:`app.core.doors.knock`)."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
            try:
                os.unlink(self.path)
            except FileNotFoundError:
                pass
        for task in list(self._answers):
            task.cancel()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        self._answers.add(task)
        self._room(task, writer)
        try:
            request = await asyncio.wait_for(_read(reader, self._profile), READ_TIMEOUT)
            if request is None or not self.desk.is_mine(request.argv):
                await _say(writer, b"mine 0\n")
                return
            await _say(writer, b"mine 1\n")
            refused = self.desk.too_large(request.stdin_size) if request.stdin_size > 0 else None
            if refused is not None:  # refused by its announced size: not one byte of it is read
                await _say(writer, refused.as_bytes())
                return
            if request.stdin_size >= 0:
                request.stdin = await asyncio.wait_for(_pieces(reader, request.stdin_size), READ_TIMEOUT)
            self._waiting.pop(task, None)  # taken: answered however long its message takes
            reply = await self.desk.answer(request, lambda local_id: _say_soon(writer, b"recorded %s\n" % (
                local_id.encode("ascii", "replace"))))
            await _say(writer, reply.as_bytes())
        except (asyncio.TimeoutError, ConnectionError, asyncio.IncompleteReadError):
            pass  # the command went away: what it handed over (if anything) is in the journal
        except asyncio.CancelledError:
            if task not in self._answers:  # closed for a newcomer (:meth:`_room`): nothing of it was taken
                return
            raise
        except (Exception, SystemExit):  # noqa: BLE001 - a bad request never takes the process behind the door down
            log.exception("door: a command could not be answered")
        finally:
            self._waiting.pop(task, None)
            self._answers.discard(task)
            writer.close()

    def _room(self, task: asyncio.Task, writer: asyncio.StreamWriter) -> None:
        """Count a new connection among those not yet taken; at :data:`MAX_WAITING`, close the oldest of them."""
        while len(self._waiting) >= MAX_WAITING:
            oldest, old_writer = next(iter(self._waiting.items()))
            del self._waiting[oldest]
            old_writer.close()  # its file descriptor goes now, not when its task next runs
            self._answers.discard(oldest)
            oldest.cancel()
        self._waiting[task] = writer


async def _read(reader: asyncio.StreamReader, own_profile: bytes) -> DoorRequest | None:
    """A request's command line as :func:`app.core.doors.encode_request` makes it, its standard input not read yet;
    None for anything else, and for a command of another profile (another data folder: another account's
    settings and journal, whatever its command line says)."""
    try:
        magic, version, n_line, n_stdin, their_profile = (await reader.readuntil(b"\n")).split()
        n_line, n_stdin = int(n_line), int(n_stdin)
    except (ValueError, asyncio.LimitOverrunError):
        return None
    if magic != MAGIC or version != b"%d" % PROTOCOL or not 0 < n_line <= MAX_HEADER or n_stdin > MAX_STDIN:
        return None
    if their_profile != own_profile or own_profile == b"none":
        return None
    fields = (await reader.readexactly(n_line)).split(b"\0")
    if len(fields) < 3 or fields[-1] != b"":  # the folder, at least the command's name, each ended by a NUL
        return None
    cwd, *argv = (os.fsdecode(f) for f in fields[:-1])
    return DoorRequest(argv, cwd, None, n_stdin)


async def _pieces(reader: asyncio.StreamReader, size: int) -> bytes:
    """``size`` bytes of standard input, read in pieces of at most :data:`PIECE` into one buffer."""
    data = bytearray()
    while len(data) < size:
        piece = await reader.read(min(PIECE, size - len(data)))
        if not piece:
            raise asyncio.IncompleteReadError(bytes(data), size)
        data += piece
    return bytes(data)


async def _say(writer: asyncio.StreamWriter, data: bytes) -> None:
    writer.write(data)
    await writer.drain()


def _say_soon(writer: asyncio.StreamWriter, data: bytes) -> None:
    """Said from a callback: written now, flushed by the next :func:`_say`'s drain (a closed pipe is ignored)."""
    if not writer.is_closing():
        writer.write(data)


