"""What crosses the pipe between the window's process and the mail engine (:mod:`app.mail.engine`).

A frame is its length (8 bytes, big-endian) and a pickle. Both ends are Dispatch's own code, started by
the window's process over a private pipe: nothing else can write into it. Errors travel as their class's
name and attributes, because an exception's pickle calls its class with ``args``, which the classes of
:mod:`app.mail.errors` do not all take back (their ``__init__`` words differ from what they store).
"""

from __future__ import annotations

import builtins
import importlib
import pickle
import struct

from app.domain.errors import MailError

_LENGTH = struct.Struct(">Q")
# The method name of the frame that closes an engine in order (it finishes what it has begun, then leaves).
CLOSE = "__close__"
# the account's settings changed (its mailboxes it sends from): answered before any later frame is read
CONFIGURE = "__configure__"
# What the window's process may call: the MailService interface.
CALLS = frozenset({"connect", "save_draft", "send_drafts", "send_mime", "list_messages", "get_message", "delete_items",
                   "resolve_names", "find_by_message_ids", "find_reports", "report_mime",
                   "list_scheduled", "take_back", "search_directory", "group_members"})
# The modules whose errors come back as themselves (with Python's own exceptions); any other error comes
# back as :class:`EngineFault`.
ERROR_MODULES = ("app.mail.errors", "app.domain.errors")


class EngineFault(RuntimeError):
    """An error in the engine that is not a mail error (a bug): its type and message, for the log."""


def write_frame(stream, value) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)))
    stream.write(data)
    stream.flush()


def read_frame(stream):
    """The next frame's value, or None at the end of the stream."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)


def error_state(exc: BaseException) -> tuple:
    cls = type(exc)
    if isinstance(exc, MailError) and cls.__module__ in ERROR_MODULES:
        return (cls.__module__, cls.__qualname__, exc.args, dict(vars(exc)))
    if cls.__module__ == "builtins" and isinstance(exc, Exception):  # ValueError, OSError, ...: as they were
        return ("builtins", cls.__qualname__, (str(exc),), {})
    return (None, f"{cls.__module__}.{cls.__qualname__}", (str(exc),), {})


def error_from_state(state: tuple) -> BaseException:
    module, name, args, attributes = state
    if module == "builtins" and isinstance(getattr(builtins, name, None), type):
        return getattr(builtins, name)(*args)
    if module not in ERROR_MODULES:
        return EngineFault(f"{name}: {args[0] if args else ''}")
    cls = getattr(importlib.import_module(module), name)
    exc = cls.__new__(cls)
    exc.args = args
    exc.__dict__.update(attributes)
    return exc
