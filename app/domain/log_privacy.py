"""Log records without mail content or secrets: the formatting half of app/storage/logfile.py, pure Python, so
that the mail engine's process (app/mail/engine_host.py), which writes no file, formats its stderr the same way.

Libraries log what they hold. exchangelib, for a reply it cannot classify (for example a
``Content-Encoding: gzip`` header on a body that is not gzip), logs at ERROR the whole request XML —
subject, body, addresses, attachment names — and the request headers, Basic ``Authorization`` included.
So nothing from another library's log record reaches a log line but its level, its logger's name and
its message *template* (every ``%s`` shown as ``…``): the arguments are never formatted. Exception
details are kept to the exception's type and the traceback's code locations; the exception's message
(which may quote a server reply or a subject) is withheld for every logger, ours included. Our own
records are formatted in full: they are written to name codes, states and types, never content.
"""

from __future__ import annotations

import logging
import re
import traceback

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
