"""The account's door, served by the process that holds its lock (:mod:`app.core.scripts.doors`). asyncio, no Qt.

A command knocks with its profile and its route (the account its request is for: :func:`app.core.scripts.door_protocol.route`).
The door answers ``mine 0`` when the command is another profile's or for another account (the command looks
further, or runs itself); else ``mine 1 VERSION LIMIT`` (the server's message limit: the command reads its files
against it), reads the typed request (:mod:`app.core.scripts.door_protocol`; a message as it is refused by its announced
size first: :meth:`Desk.too_large`), then says ``recorded ID`` once the message is in the journal, then
``exit CODE OUT ERR`` followed by that many bytes of the command's standard output and error. A command of another
version of the protocol is answered ``mine 1`` and a refusal in words. What a request asks is decided by the
``desk`` the door is given (:class:`app.core.scripts.desk.ScriptDesk`): the same code a command runs when no door
answers. The door never sees a command line nor opens a file of the command's.
"""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Callable, Protocol

from app.core.scripts import door_protocol as dp
from app.core.scripts.door_protocol import Reply, Request
from app.core.scripts.doors import MAGIC, MAX_HEADER, MAX_STDIN, PROTOCOL, door_path, profile

log = logging.getLogger(__name__)

# how long a knocking command may take to send its request (its route; then, taken, the request it built)
READ_TIMEOUT = 30.0
# the most connections a door keeps open that have not yet said their command (silent or slow ones): one more
# closes the oldest of them, so that a flood of them never takes the process's file descriptors (nor keeps a
# real command out); commands taken are not counted, and are never closed for a newcomer
MAX_WAITING = 64
# a request's data is read in pieces of this size into one buffer (never a second copy of it)
PIECE = 1 << 16
# the most a request's head may hold: a message's fields, its body apart (1 MB of arguments, escaped)
MAX_HEAD = 8 * MAX_HEADER


def as_bytes(reply: Reply) -> bytes:
    """An answer as the door says it: ``exit CODE OUT ERR`` and that many bytes of output and error."""
    out, err = reply.out.encode("utf-8"), reply.err.encode("utf-8")
    return b"exit %d %d %d\n" % (reply.exit, len(out), len(err)) + out + err


class Desk(Protocol):
    def is_mine(self, account: str) -> bool: ...

    def limit(self) -> int:
        """The most bytes a message may have (the server's limit), told to a command before it reads its files."""

    def too_large(self, size: int) -> Reply | None:
        """The refusal of a message as it is announced at ``size`` bytes, before any of it is read."""

    async def answer(self, request: Request, recorded: Callable[[str], None]) -> Reply: ...


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
        taken are cut off (each command then says what was recorded: :func:`app.core.scripts.doors.knock`)."""
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
            version, account = await asyncio.wait_for(_knocked(reader, self._profile), READ_TIMEOUT)
            if version is not None and version != PROTOCOL:  # said in words: the command's version is not ours
                await _say(writer, b"mine 1\n" + as_bytes(dp.other_version(version)))
                return
            if account is None or not self.desk.is_mine(account):
                await _say(writer, b"mine 0\n")
                return
            await _say(writer, b"mine 1 %d %d\n" % (PROTOCOL, self.desk.limit()))
            head, size = await asyncio.wait_for(_head(reader), READ_TIMEOUT)
            if head is None:
                return
            refused = self.desk.too_large(dp.message_size(head))
            if refused is not None:  # refused by its announced size: not one byte of it is read
                await _say(writer, as_bytes(refused))
                return
            data = await asyncio.wait_for(_pieces(reader, size), READ_TIMEOUT)
            self._waiting.pop(task, None)  # taken: answered however long its message takes
            request = dp.decode(head, data)
            reply = await self.desk.answer(request, lambda local_id: _say_soon(writer, b"recorded %s\n" % (
                local_id.encode("ascii", "replace"))))
            await _say(writer, as_bytes(reply))
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


async def _knocked(reader: asyncio.StreamReader, own_profile: bytes) -> tuple[int | None, str | None]:
    """A knock's version and the account its route names: (None, None) for anything that is not a knock, and for
    a command of another profile (another data folder: another account's settings and journal, whatever it asks);
    (its version, None) for a knock of another version (said so in words)."""
    try:
        words = (await reader.readuntil(b"\n")).split()
    except asyncio.LimitOverrunError:
        return None, None
    # every version's first line: its magic and version first, its profile last
    if len(words) < 3 or words[0] != MAGIC or words[-1] != own_profile or own_profile == b"none":
        return None, None
    if not words[1].isdigit():
        return None, None
    if int(words[1]) != PROTOCOL:
        return int(words[1]), None
    if len(words) != 4 or not words[2].isdigit() or not 0 < int(words[2]) <= MAX_HEADER:
        return None, None
    try:
        return PROTOCOL, dp.account_of(await reader.readexactly(int(words[2])))
    except (ValueError, UnicodeDecodeError, AttributeError):
        return None, None


async def _head(reader: asyncio.StreamReader) -> tuple[dict | None, int]:
    """A taken request's head (:func:`app.core.scripts.door_protocol.read_head`) and the bytes of data after it; (None,
    0) for anything else."""
    try:
        n_head, n_data = (int(n) for n in (await reader.readuntil(b"\n")).split())
    except (ValueError, asyncio.LimitOverrunError):
        return None, 0
    if not 0 < n_head <= MAX_HEAD or not 0 <= n_data <= 2 * MAX_STDIN:
        return None, 0
    try:
        head = dp.read_head(await reader.readexactly(n_head))
    except (ValueError, UnicodeDecodeError):
        return None, 0
    return (head, n_data) if dp.blobs_size(head) == n_data else (None, 0)


async def _pieces(reader: asyncio.StreamReader, size: int) -> bytes:
    """``size`` bytes of a request's data, read in pieces of at most :data:`PIECE` into one buffer."""
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


