"""The door to an account's send queue, and the lock that gives one process that queue. Standard library only.

One process at a time drives an account's queue: the window, or a ``dispatch-mail`` command when no window
has the account open. It holds the account's lock (:class:`AccountLock`: ``flock`` on a file of its own, let go
by the kernel when the process ends, kill -9 included) and keeps the account's door open
(:mod:`app.core.scripts.door_server`): a Unix socket, 0600, in a private folder (:func:`door_dir`). A command that
finds a door open hands its request there (:func:`knock`: typed, :mod:`app.core.scripts.door_protocol`, its command line
parsed, its files read and its message built by the command itself) and prints what it is answered; the process
behind the door checks and journals it, exactly as it would its own, and never sees a command line nor opens a
file of the command's.

This module imports the standard library only, and :mod:`app.storage.folders` (os and pathlib) to name the
profile a request comes from (:func:`profile`): a window's lock and a command's knock cost little, and no
asyncio nor mail library is loaded on a command's way to a door (bench/bench_command.py).

The folder: ``$DISPATCH_HOME/run`` when set (tests, a second profile), else ``$XDG_RUNTIME_DIR/dispatch-mail``
(the user's runtime folder: private, and gone at log-out), else ``run`` in the data folder (cron, a server: no
runtime folder; never a fixed name in /tmp, which another user could take first; a folder too deep for a socket's
path gets a short stand-in: app/core/scripts/door_paths.py). Made 0700; a folder that another
user owns or others may enter is refused (:class:`DoorError`), never used.
"""

from __future__ import annotations

import os
import socket

# where the doors and locks are (app/core/scripts/door_paths.py), named here too for the modules that knock and serve
from app.core.scripts.door_paths import (DOOR, LOCK, MAX_SOCKET_PATH, STAND_IN, DoorError, door_dir,  # noqa: F401
                                         door_path, lock_path)
from app.core.scripts.door_protocol import VERSION, other_version

# a request's first line: "DISPATCH-DOOR <version> <route's bytes> <profile>", then its route (the account it is
# for: app.core.scripts.door_protocol.route). The door answers "mine 0" (not its account's), or "mine 1 <version> <the
# server's message limit in bytes>"; only then does the command read its files and build its request, and send
# "<head's bytes> <data's bytes>" on a line, its head (JSON) and its data (app.core.scripts.door_protocol.encode). A door
# of another version answers "mine 1" and a refusal in words (an "exit" answer): the command says it
MAGIC = b"DISPATCH-DOOR"
PROTOCOL = VERSION  # the request's version is the door's: one number for both
# the most a request's route, its head (or an answer's line) may hold: a door never reads without bound
MAX_HEADER = 1 << 20
# the most standard input a command takes, and the most data a door reads with a request (far above any server's
# message limit; the server's own is checked)
MAX_STDIN = 512 * 1024 * 1024
# a command line longer than a door reads is refused by the command itself, with or without a window (sysexits
# EX_DATAERR: the same answer whoever would have driven the queue)
TOO_LONG = {"exit": 65, "out": "", "err": "The command line is longer than Dispatch takes (1 MB of arguments): put "
                                          "the message text in a file (--body-file). Nothing was sent.\n"}
# seconds a door has to say whether a command is its account's (a hung process behind it is no door)
FIRST_WORD = 10.0


# who holds an account's lock, as it writes in the lock file (:meth:`AccountLock.holder`)
COMMAND, WINDOW = "command", "window"


class AccountLock:
    """The right to drive one account's queue: held by one process at a time, let go at :meth:`release` or when
    the process ends in any way (the kernel drops a ``flock`` with its file descriptor). ``kind`` (a command or a
    window) is written in the file while held, so that a window kept waiting can say who has the queue."""

    def __init__(self, account_key: str, kind: str = COMMAND):
        self.account_key, self.kind = account_key, kind
        self._fd: int | None = None

    @property
    def path(self) -> str:
        """The lock file (its folder made when missing): OSError or DoorError when it cannot be, which
        :meth:`take` raises too, so that a caller decides what an unusable folder means."""
        return lock_path(self.account_key)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def take(self) -> bool:
        """Take it if nobody holds it; False (at once) when another process does."""
        import fcntl

        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{self.kind} {os.getpid()}\n".encode("ascii"), 0)
        except OSError:
            pass  # who holds it is a courtesy to those waiting; the lock is the flock
        return True

    def holder(self) -> tuple[str, int]:
        """Who holds the lock now, as it wrote (kind, process id); ("", 0) when unknown (being taken, or free)."""
        try:
            with open(self.path, "rb") as f:
                kind, pid = f.read(64).decode("ascii").split()
            return kind, int(pid)
        except (OSError, ValueError, UnicodeDecodeError):
            return "", 0

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)  # closing the descriptor lets go of the flock


def profile(*, make: bool = False) -> bytes:
    """The identity of this process's profile, as a door request names it: its settings folder and its data folder
    (journal, locks), each by device and inode, so that every spelling of a folder is the same profile. A door
    (one folder of doors per Unix user without ``DISPATCH_HOME``, whatever ``HOME`` and ``XDG_*`` say) takes only
    its own profile's commands. b"none" when either folder does not exist (that profile has no account); ``make``
    (the door's side): made when missing."""
    from app.storage.folders import config_dir, data_dir  # os and pathlib only

    try:
        if make:
            for folder in (config_dir(), data_dir()):
                os.makedirs(folder, mode=0o700, exist_ok=True)
        marks = [os.stat(folder) for folder in (config_dir(), data_dir())]
    except OSError:
        return b"none"
    return b",".join(b"%d:%d" % (st.st_dev, st.st_ino) for st in marks)


def knock(route: bytes, build) -> dict | None:
    """Hand a request to the process driving its account's queue, if one has its door open: that process's final
    answer (``{"exit", "out", "err"}``), or None when no door took it (run it here then). ``route``: the account
    it is for (:func:`app.core.scripts.door_protocol.route`); ``build(limit)``: the request made once a door took it, with
    the server's message limit the door said (its files read against it): ``(head, data)``
    (:func:`app.core.scripts.door_protocol.encode`), or the command's own answer when it cannot be made (a file too large).

    A door that took the command and closed before answering (its window was closed) is answered here with
    exit 75, in words that say whether the message was recorded first."""
    try:
        folder = door_dir()
        names = sorted(n for n in os.listdir(folder) if n.endswith(DOOR))
    except (OSError, DoorError):
        return None
    first = b"%s %d %d %s\n" % (MAGIC, PROTOCOL, len(route), profile()) + route
    for name in names:
        reply = _ask(os.path.join(folder, name), first, build)
        if reply is not None:
            return reply
    return None


def line_size(argv: list[str], cwd: str) -> int:
    """The bytes of a command line and its folder (more than :data:`MAX_HEADER`: :data:`TOO_LONG`)."""
    return sum(len(os.fsencode(x)) + 1 for x in [cwd, *argv])


def _ask(path: str, first: bytes, build) -> dict | None:
    """One door: None when it is closed or the command is not its account's; else its answer."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(path)
    except OSError:  # a door left by a process that ended: nobody behind it
        sock.close()
        return None
    with sock:
        try:
            sock.settimeout(FIRST_WORD)  # a door that does not even say whose command it is: none
            sock.sendall(first)
            answer = sock.makefile("rb")
            word = answer.readline(64).split()
        except OSError:
            return None
        if word[:2] != [b"mine", b"1"]:
            return None
        sock.settimeout(None)  # taken: its answer comes when the message is settled (or --wait ends)
        if len(word) != 4 or not word[2].isdigit() or not word[3].isdigit():
            return _answer(answer)  # a door of another version: its refusal in words
        if int(word[2]) != PROTOCOL:
            return _other_version(word[2].decode("ascii"))
        built = build(int(word[3]))
        if isinstance(built, dict):  # refused by the command itself: the door is left (it reads nothing more)
            return built
        head, data = built
        try:
            sock.sendall(b"%d %d\n" % (len(head), len(data)) + head)
            sock.sendall(data)
        except OSError:  # refused by its announced size (and the door closed): its answer says so
            pass
        return _answer(answer)


def _other_version(theirs: str) -> dict:
    return other_version(theirs).as_dict()


def _answer(answer) -> dict:
    """What the door says once it took the command: "recorded ID" once journaled, then "exit CODE OUT ERR" and
    that many bytes of standard output and error; cut off before the end: :func:`_left`."""
    recorded = ""
    while True:
        try:
            line = answer.readline(MAX_HEADER)
        except OSError:  # taken, then cut off: it may be recorded, and is never run here a second time
            return _left(recorded)
        word, _, rest = line.rstrip(b"\n").partition(b" ")
        if word == b"recorded":
            recorded = rest.decode("ascii", "replace")
        elif word == b"exit":
            try:
                code, n_out, n_err = (int(x) for x in rest.split())
            except ValueError:
                return _left(recorded)
            try:
                out, err = answer.read(n_out), answer.read(n_err)
            except OSError:
                return _left(recorded)
            if len(out) != n_out or len(err) != n_err:
                return _left(recorded)
            return {"exit": code, "out": out.decode("utf-8", "replace"), "err": err.decode("utf-8", "replace")}
        else:  # the end of the answer (or one not understood) before its exit line
            return _left(recorded)


def _left(recorded: str) -> dict:
    """The process behind the door ended before it answered."""
    if recorded:
        return {"exit": 75, "out": "", "err": f"Queued ({recorded}), not sent yet: Dispatch closed before it went. "
                                              "It goes out when Dispatch or dispatch-mail next runs; do not send "
                                              "it again.\n"}
    return {"exit": 75, "out": "", "err": "Dispatch closed while taking the message: it may not have been "
                                          "queued. Look with `dispatch-mail outbox` before sending it again.\n"}
