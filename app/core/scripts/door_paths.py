"""Where the doors and locks of the accounts' queues are (:func:`door_dir`, :func:`door_path`, :func:`lock_path`):
paths only, ``os`` and nothing heavier, so that a window's start can see whether any door is open before it paints
(app/command/window_start.py) without loading sockets. The doors themselves: :mod:`app.core.scripts.doors`.
"""

from __future__ import annotations

import os

DOOR, LOCK = ".door", ".lock"


class DoorError(Exception):
    """The door or lock folder cannot be used safely (another user's, or open to others)."""


# the longest path a Unix socket may be bound to: ``sun_path`` holds 108 bytes on Linux and 104 on macOS and the
# BSDs, its final NUL included (unix(7)); a longer one fails with "AF_UNIX path too long"
MAX_SOCKET_PATH = 103
# a door's name after its folder: "/", 16 hex digits, ".door"
_DOOR_NAME = 1 + 16 + len(DOOR)


def door_dir() -> str:
    """The private folder of the doors (made 0700 when missing). Found without the environment but
    ``DISPATCH_HOME``, which moves the journal too: a command run by cron or ``sudo -u`` has no
    ``XDG_RUNTIME_DIR`` and another ``TMPDIR``, and must still find the door of the window it shares the journal
    with: the user's runtime folder by its uid (``/run/user/UID``, systemd-logind's), else the data folder's
    ``run``: one the user owns, which nobody else can take first (a name in /tmp can be)."""
    home = os.environ.get("DISPATCH_HOME", "").strip()
    runtime = _runtime_dir()
    if home:
        path = os.path.join(home, "run")
    elif runtime:
        path = os.path.join(runtime, "dispatch-mail")
    else:
        from app.storage.folders import data_dir  # here: only a command with no runtime folder needs it

        path = str(data_dir() / "run")
    path = _private(path)
    if len(os.fsencode(path)) + _DOOR_NAME > MAX_SOCKET_PATH:
        path = _stand_in(path)
    return path


def _runtime_dir() -> str:
    """The user's runtime folder (``/run/user/UID``) when there is one and it is theirs, else ""."""
    runtime = f"/run/user/{os.getuid()}"
    return runtime if os.path.isdir(runtime) and os.stat(runtime).st_uid == os.getuid() else ""


def _stand_in(path: str) -> str:
    """A short folder for a folder too deep to hold a door (a ``DISPATCH_HOME`` far down a tree), named by where
    that folder really is: every spelling of it (a symbolic link, ``..``) gets the same doors and locks. In the
    user's runtime folder when there is one; else in /tmp (the one place short enough), as
    :func:`_tmp_stand_in` makes it."""
    import hashlib

    runtime = _runtime_dir()
    if not runtime:
        return _tmp_stand_in(path)
    base = _private(os.path.join(runtime, "dispatch-mail"))
    return _private(os.path.join(base, hashlib.sha256(os.fsencode(os.path.realpath(path))).hexdigest()[:16]))


# the file in a too-deep door folder that names its stand-in in /tmp
STAND_IN = "stand-in"


def _tmp_stand_in(path: str) -> str:
    """No runtime folder (cron, a server): a folder in /tmp of a name nobody can know or take first
    (``mkdtemp``: made by this process, 0700, a random name), named in ``path``'s ``stand-in`` file (``path``
    is private: nobody else reads it), so every process of this profile finds the same one; made again when it
    is gone (/tmp emptied at a restart) or no longer ours. A fixed name there could be taken by another user
    first and stop every command. The file is locked while it is read and written: two processes
    starting at once get one folder."""
    import fcntl
    import tempfile

    fd = os.open(os.path.join(path, STAND_IN), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        known = os.read(fd, 4096).decode("utf-8", "replace").strip()
        if known.startswith("/tmp/dispatch-mail-") and _is_private(known):
            return known
        made = tempfile.mkdtemp(prefix="dispatch-mail-", dir="/tmp")
        os.ftruncate(fd, 0)
        os.pwrite(fd, made.encode("utf-8"), 0)
        return made
    finally:
        os.close(fd)  # the lock goes with it


def _is_private(path: str) -> bool:
    """Whether ``path`` is this user's own folder (not a link), closed to others."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return os.path.isdir(path) and not os.path.islink(path) and st.st_uid == os.getuid() and not st.st_mode & 0o077


def _private(path: str) -> str:
    """``path``, made 0700 when missing; refused unless it is this user's own folder, closed to others."""
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
    except OSError as exc:  # a file or a dangling symbolic link in its place, a parent that is not a folder
        raise DoorError(f"{path} is not a private folder of this user ({exc.strerror})") from None
    # a folder someone else made first or opened up would let them listen in or answer for us
    if not _is_private(path):
        raise DoorError(f"{path} is not a private folder of this user (it must be yours, mode 0700)")
    return path


def _name(account_key: str) -> str:
    import hashlib  # here: a command that only knocks never needs it (and OpenSSL's costs ~3 ms to load)

    return hashlib.sha256(account_key.encode("utf-8")).hexdigest()[:16]


def door_path(account_key: str) -> str:
    return os.path.join(door_dir(), _name(account_key) + DOOR)


def lock_path(account_key: str) -> str:
    """The account's lock, beside the journal it guards (``<data>/locks/``): whatever folder a process finds its
    doors in, two processes that share a journal share its locks."""
    from app.storage.settings import data_dir  # not on a knocking command's path: only who drives a queue locks

    return os.path.join(_private(str(data_dir() / "locks")), _name(account_key) + LOCK)


def any_door() -> bool:
    """Whether the folder of the doors holds a door (one whose process ended may be left: knocking tells)."""
    try:
        return any(n.endswith(DOOR) for n in os.listdir(door_dir()))
    except (OSError, DoorError):
        return False
