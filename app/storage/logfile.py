"""The log: what happened, never what was written, and no secret.

Records are formatted by :class:`PrivateFormatter` (app/domain/log_privacy.py, where the rules are: another
library's record keeps only its level, logger and message template, never its arguments; an exception only its
type and code locations).

The file is ``dispatch.log`` in the log directory, 0600 in a 0700 directory (like the journal); its
rotated copies are made by renaming, so they keep the mode.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app.domain.log_privacy import (FORMAT, WITHHELD, PrivateFormatter, ours, private_traceback,  # noqa: F401
                                    template_only)


class PrivateFileHandler(RotatingFileHandler):
    """A rotating log file created 0600 (and made 0600 if an older one was not). Through logging's public
    names only: the file is made 0600 before the handler opens it (for appending: its mode stays), and after
    each rotation by the handler's ``rotator`` (documented: "Rotators", logging.handlers), which moves the
    full file aside and makes the new one 0600 before the handler opens that."""

    def __init__(self, filename, *args, **kwargs):
        _private_file(filename)
        super().__init__(filename, *args, **kwargs)
        self.rotator = _rotate_privately


def _private_file(path) -> None:
    """``path`` created 0600 if missing, and made 0600 if it was not."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def _rotate_privately(source: str, dest: str) -> None:
    """logging's default rotation (the full file renamed, when there is one), then a new, private file."""
    if os.path.exists(source):
        os.rename(source, dest)
    _private_file(source)


def private_dir(path: Path) -> Path:
    """``path`` created if needed, and 0700."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


def file_handler(directory: Path, name: str = "dispatch.log", rotate: bool = True) -> logging.Handler:
    """The log file's handler: ``name`` in ``directory`` (0700), the file 0600, records private."""
    d = private_dir(directory)
    if rotate:
        h = PrivateFileHandler(d / name, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    else:
        h = PrivateFileHandler(d / name, maxBytes=0, backupCount=0, encoding="utf-8")
    h.setFormatter(PrivateFormatter())
    return h
