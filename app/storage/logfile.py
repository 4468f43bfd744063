"""The log: what happened, never what was written, and no secret.

Libraries log what they hold. exchangelib, for a reply it cannot classify (for example a
``Content-Encoding: gzip`` header on a body that is not gzip), logs at ERROR the whole request XML —
subject, body, addresses, attachment names — and the request headers, Basic ``Authorization`` included.
So nothing from another library's log record reaches a log line but its level, its logger's name and
its message *template* (every ``%s`` shown as ``…``): the arguments are never formatted. Exception
details are kept to the exception's type and the traceback's code locations; the exception's message
(which may quote a server reply or a subject) is withheld for every logger, ours included. Our own
records are formatted in full: they are written to name codes, states and types, never content.

The file is ``dispatch.log`` in the log directory, 0600 in a 0700 directory (like the journal); its
rotated copies are made by renaming, so they keep the mode.
"""

from __future__ import annotations

import logging
import os
import re
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

WITHHELD = "…"
_PLACEHOLDER = re.compile(r"%%|%(\([^)]*\))?[-#0 +]*(\*|\d+)?(\.(\*|\d+))?[hlL]?[diouxXeEfFgGcrsa]")
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def ours(name: str) -> bool:
    """True for the app's own loggers (``app``, ``app.…``)."""
    return name == "app" or name.startswith("app.")


def template_only(msg) -> str:
    """A record's message template with every placeholder withheld; a non-string message by its type."""
    if not isinstance(msg, str):
        return f"<{type(msg).__name__}>"
    return _PLACEHOLDER.sub(lambda m: "%" if m.group(0) == "%%" else WITHHELD, msg)


def private_traceback(exc_info, depth: int = 0) -> str:
    """The traceback's code locations and the exception's type (and those of its causes, up to 5 deep);
    never its message or any value."""
    etype, value, tb = exc_info
    lines = ["Traceback (most recent call last):"]
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
    lines.append(f"{getattr(etype, '__qualname__', etype)}: (message withheld)")
    cause = None if value is None else (value.__cause__ or value.__context__)
    if cause is not None and cause is not value and depth < 5:
        lines.insert(0, private_traceback((type(cause), cause, cause.__traceback__), depth + 1) + "\n\nThen:")
    return "\n".join(lines)


class PrivateFormatter(logging.Formatter):
    """Formats a record without message content (see the module's docstring)."""

    def __init__(self):
        super().__init__(FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        if ours(record.name):
            message = record.getMessage()
        else:
            message = template_only(record.msg)
        line = f"{self.formatTime(record)} {record.levelname} {record.name}: {message}"
        if record.exc_info and record.exc_info[0] is not None:
            line += "\n" + private_traceback(record.exc_info)
        if record.stack_info:
            line += "\n" + "Stack (withheld)"
        return line


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
