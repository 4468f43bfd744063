"""Reading a file a user named (a command's ``--attach``, ``--body-file``, a message file): regular files only,
never the system's own files, opened once and read from what was opened.

A prefix check on the path as written is not enough: ``/tmp/../proc/self/environ``, a relative
``../../proc/self/status`` or a symlink to either name a process's files; read by a window a command hands over
to, they are the *window's* (its environment: a password given with ``--password-env``). So the path is resolved
here, one component at a time, every symlink followed (a symlink to the user's own regular file is legitimate),
and refused as soon as any step lands under ``/proc``, ``/dev`` or ``/sys`` (``/dev/fd/N`` and
``/proc/self/fd/N`` included: those are the reading process's open files). The resolved path is then opened
without following a final symlink and without blocking (a FIFO does not hang the open), and what was opened is
checked: a regular file, on none of those file systems (so a folder swapped for a symlink between the resolving
and the opening still cannot reach them). Its bytes are read from that open file, never re-opened by name.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

SYSTEM_ROOTS = ("/proc", "/dev", "/sys")
_MAX_LINKS = 40  # as the kernel's own limit on symlinks in one path (ELOOP)
_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC


class Refused(Exception):
    """The file is not read. ``kind``: "system" (under /proc, /dev or /sys), "folder", "special" (a pipe, a
    socket or a device), "large" (over the limit; ``size`` is what it holds, or what was read of it), or, for a
    file another program named (:func:`read_asked`), "keys", "dispatch" or "hidden" (app/storage/private_paths.py)."""

    def __init__(self, kind: str, size: int = 0):
        super().__init__(kind)
        self.kind = kind
        self.size = size


def _system(path: str) -> bool:
    return any(path == root or path.startswith(root + "/") for root in SYSTEM_ROOTS)


def resolve(path: str | Path) -> str:
    """``path`` (a relative one from the current folder) with every ``..`` and symlink resolved; :class:`Refused` ("system") if any step is
    under /proc, /dev or /sys. A component that does not exist ends the resolving (opening it then fails)."""
    todo = list(reversed([c for c in os.path.join(os.getcwd(), path).split("/") if c]))
    here, links = "/", 0
    while todo:
        part = todo.pop()
        if part == ".":
            continue
        if part == "..":
            here = os.path.dirname(here)
            continue
        step = os.path.join(here, part)
        if _system(step):
            raise Refused("system")
        try:
            target = os.readlink(step)
        except OSError:  # not a symlink, or nothing there: the open says which
            here = step
            continue
        links += 1
        if links > _MAX_LINKS:
            raise OSError(errno.ELOOP, os.strerror(errno.ELOOP))
        if target.startswith("/"):
            here = "/"
        todo.extend(reversed([c for c in target.split("/") if c]))
    return here


def _system_devices() -> set[int]:
    devices = set()
    for root in SYSTEM_ROOTS:
        try:
            devices.add(os.stat(root).st_dev)
        except OSError:
            pass
    return devices


def read_regular(path: str | Path, limit: int) -> tuple[bytes, str]:
    """The bytes of the regular file at ``path`` (absolute) and its resolved path. :class:`Refused` for what is
    not read (see it); ``OSError`` (``FileNotFoundError`` …) when it cannot be opened or read. Its size is
    looked at before anything is read, and no more than ``limit`` bytes are read (a file growing meanwhile
    included)."""
    real = resolve(path)
    fd = os.open(real, _FLAGS)
    try:
        size = _looked_at(os.fstat(fd), limit)
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb", buffering=0) as f:
        data = _read_up_to(f, min(size, limit) + 1)
        if len(data) > size:  # it grew since fstat(): still cut at the limit
            data += _read_up_to(f, limit + 1 - len(data))
    if len(data) > limit:
        raise Refused("large", len(data))
    return data, real


def _looked_at(st: os.stat_result, limit: int) -> int:
    """The opened file's size; :class:`Refused` if it is not to be read."""
    if stat.S_ISDIR(st.st_mode):
        raise Refused("folder")
    if not stat.S_ISREG(st.st_mode):
        raise Refused("special")
    if st.st_dev in _system_devices():
        raise Refused("system")
    if st.st_size > limit:
        raise Refused("large", st.st_size)
    return st.st_size


def _read_up_to(f, n: int) -> bytes:
    chunks, got = [], 0
    while got < n:
        chunk = f.read(min(n - got, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _private(path: str | Path, real: str, home: str | None) -> None:
    from app.storage.private_paths import private_kind

    kind = private_kind(str(path), real, home)
    if kind:
        raise Refused(kind)


def check_asked(path: str | Path, home: str | None = None) -> str:
    """Where the file at ``path`` (absolute), named by another program or a link, resolves to, without reading it;
    :class:`Refused` when it is never attached from such a name: the system's files (``system``), the private
    ones (app/storage/private_paths.py: ``keys``, ``dispatch``, ``hidden``), a folder, a pipe or a device
    (``special``); ``OSError`` (``FileNotFoundError`` …) when it cannot be looked at."""
    real = resolve(path)
    _private(path, real, home)
    st = os.stat(real)  # never opens it: a FIFO does not block
    if stat.S_ISDIR(st.st_mode):
        raise Refused("folder")
    if not stat.S_ISREG(st.st_mode):
        raise Refused("special")
    return real


def read_asked(path: str | Path, limit: int, home: str | None = None) -> tuple[bytes, str]:
    """:func:`read_regular` for a file another program or a link named (``send --attach``, a ``mailto:`` link's
    ``attach=``): :func:`check_asked`'s refusals first (a private file is not even opened), then the read, and the
    path it was read from checked again (a link swapped meanwhile)."""
    check_asked(path, home)
    data, real = read_regular(path, limit)
    _private(path, real, home)
    return data, real
