"""What went wrong with Dispatch's own files (the journal, the settings), in words a user can act on.

A full disk reaches the code as ``sqlite3.OperationalError("database or disk is full")`` from the journal's
COMMIT (SQLITE_FULL) or as ``OSError(ENOSPC)`` from a file write; a read-only or foreign-owned data folder
as ``"attempt to write a readonly database"``/EROFS/EACCES. Callers ask :func:`local_reason` and branch on
``None`` (not ours: a real bug, left to the crash handler) or a sentence fragment that completes "…: {reason}".
Never the file's content, never a message's.
"""

from __future__ import annotations

import errno
import sqlite3

from app.domain.words import translate
FULL = translate("LocalData", "the disk holding Dispatch's data is full")
READ_ONLY = translate("LocalData", "the folder holding Dispatch's data is read-only")
NO_ACCESS = translate("LocalData", "Dispatch is not allowed to write to its data folder")
QUOTA = translate("LocalData", "your disk quota is used up")
DISK_ERROR = translate("LocalData", "the disk holding Dispatch's data reported an error")
UNUSABLE = translate("LocalData", "Dispatch's local journal cannot be written")

_ERRNO = {errno.ENOSPC: FULL, errno.EDQUOT: QUOTA, errno.EROFS: READ_ONLY, errno.EACCES: NO_ACCESS,
          errno.EPERM: NO_ACCESS, errno.EIO: DISK_ERROR}
# SQLite's own messages (sqlite3_errstr) for the result codes a disk or folder problem gives
_SQLITE = (("disk is full", FULL), ("readonly database", READ_ONLY), ("disk i/o error", DISK_ERROR),
           ("unable to open database", NO_ACCESS))


def local_reason(exc: BaseException) -> str | None:
    """Why Dispatch's own data could not be written, or None when ``exc`` is not such a failure."""
    if isinstance(exc, OSError) and exc.errno in _ERRNO:
        return _ERRNO[exc.errno]
    if isinstance(exc, sqlite3.DatabaseError):
        text = str(exc).lower()
        return next((reason for key, reason in _SQLITE if key in text), UNUSABLE)
    return None


def what_to_do(reason: str) -> str:
    """The user's way out of ``reason``, as a sentence."""
    if reason in (FULL, QUOTA):
        return translate("LocalData", "Free some space")
    if reason in (READ_ONLY, NO_ACCESS):
        return translate("LocalData", "Make Dispatch's data folder writable")
    return translate("LocalData", "Check the disk")


def not_sent_unprotected(reason: str) -> str:
    """Why a send is refused when the journal cannot record it: exactly once needs the journal."""
    return translate("LocalData", "Not sent: {reason}, so the send cannot be protected against a crash. {action}, "
                     "or save the draft to the server with Ctrl+S.").format(reason=reason, action=what_to_do(reason))
