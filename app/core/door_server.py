"""The account's door, served by the process that holds its lock (:mod:`app.core.doors`). asyncio, no Qt.

A command knocks with its command line, its folder and its standard input (:func:`app.core.doors.encode_request`).
The door answers ``mine 0`` when the command is for another account (the command looks further, or runs
itself); else ``mine 1``, then ``recorded ID`` once the message is in the journal, then ``exit CODE OUT ERR``
followed by that many bytes of the command's standard output and error. What a command asks is decided by the ``desk`` the
door is given (:class:`app.core.script_desk.ScriptDesk`): the same code a command runs when no door answers.
"""

from __future__ import annotations

import asyncio
import logging
import os
from dataclasses import dataclass
from typing import Callable, Protocol

from app.core.doors import MAGIC, MAX_HEADER, PROTOCOL, door_path

log = logging.getLogger(__name__)

#: the most standard input a door takes with a command (more than any server's message limit)
MAX_STDIN = 512 * 1024 * 1024
#: how long a knocking command may take to send its request
READ_TIMEOUT = 30.0


@dataclass
class DoorRequest:
    argv: list[str]
    cwd: str
    stdin: bytes | None  # None: the command read none (it needs none)


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

    async def answer(self, request: DoorRequest, recorded: Callable[[str], None]) -> Reply: ...


class Door:
    """One account's door: :meth:`open` once the account's lock is held, :meth:`close` before letting it go."""

    def __init__(self, account_key: str, desk: Desk):
        self.account_key, self.desk = account_key, desk
        self.path = ""
        self._server: asyncio.base_events.Server | None = None
        self._answers: set[asyncio.Task] = set()

    async def open(self) -> None:
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
        try:
            request = await asyncio.wait_for(_read(reader), READ_TIMEOUT)
            if request is None or not self.desk.is_mine(request.argv):
                await _say(writer, b"mine 0\n")
                return
            await _say(writer, b"mine 1\n")
            reply = await self.desk.answer(request, lambda local_id: _say_soon(writer, b"recorded %s\n" % (
                local_id.encode("ascii", "replace"))))
            await _say(writer, reply.as_bytes())
        except (asyncio.TimeoutError, ConnectionError, asyncio.IncompleteReadError):
            pass  # the command went away: what it handed over (if anything) is in the journal
        except (Exception, SystemExit):  # noqa: BLE001 - a bad request never takes the process behind the door down
            log.exception("door: a command could not be answered")
        finally:
            self._answers.discard(task)
            writer.close()


async def _read(reader: asyncio.StreamReader) -> DoorRequest | None:
    """A request as :func:`app.core.doors.encode_request` makes it; None for anything else."""
    try:
        magic, version, n_line, n_stdin = (await reader.readuntil(b"\n")).split()
        n_line, n_stdin = int(n_line), int(n_stdin)
    except (ValueError, asyncio.LimitOverrunError):
        return None
    if magic != MAGIC or version != b"%d" % PROTOCOL or not 0 < n_line <= MAX_HEADER or n_stdin > MAX_STDIN:
        return None
    fields = (await reader.readexactly(n_line)).split(b"\0")
    if len(fields) < 3 or fields[-1] != b"":  # the folder, at least the command's name, each ended by a NUL
        return None
    cwd, *argv = (os.fsdecode(f) for f in fields[:-1])
    stdin = await reader.readexactly(n_stdin) if n_stdin >= 0 else None
    return DoorRequest(argv, cwd, stdin)


async def _say(writer: asyncio.StreamWriter, data: bytes) -> None:
    writer.write(data)
    await writer.drain()


def _say_soon(writer: asyncio.StreamWriter, data: bytes) -> None:
    """Said from a callback: written now, flushed by the next :func:`_say`'s drain (a closed pipe is ignored)."""
    if not writer.is_closing():
        writer.write(data)


