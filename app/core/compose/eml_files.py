"""Reading and writing ``.eml`` files off the event loop's thread (no Qt).

:func:`open_eml` checks the file's size before reading it (a sparse "1 GB" file is refused at once,
nothing read), reads at most the limit, and parses it (app/domain/eml_read.py) in a worker thread;
:func:`save_eml` builds the file's bytes (app/domain/eml.py) and writes them in a worker thread, owner-only
(0600), atomically: a temporary file in the same folder, flushed, then renamed over the target, so a
crash or a full disk never leaves half a file under the chosen name.

The workers are daemon threads, one per call: a parse that takes too long (:data:`PARSE_SECONDS`) is
given up and reported; the parse itself looks at its budget as it goes and stops (it is not left running),
and a thread cannot hold up the application's exit (the loop's default executor under qasync is made of
QThreads, which Qt aborts on if they run at exit).
"""

from __future__ import annotations

import asyncio
import datetime as _dt
import threading
from pathlib import Path

from app.core.common.daemon_thread import in_thread
from app.domain.eml import to_eml
from app.domain.eml_read import PARSE_SECONDS, Budget, EmlError, EmlMessage, file_limit, read_eml, too_large
from app.domain.models import Draft, Recipient
from app.domain.words import translate
from app.storage.files import replace_file
from app.storage.regular_file import Refused, read_regular


def read_file(path: str, max_bytes: int, budget: Budget | None = None) -> EmlMessage:
    """The file at ``path`` as a draft; :class:`EmlError` (words for the user) if it cannot be."""
    return read_eml(read_bytes(path, max_bytes), max_bytes=max_bytes, budget=budget)


def read_file_as_is(path: str, max_bytes: int, budget: Budget | None = None) -> tuple[bytes, EmlMessage]:
    """The file's bytes (to be sent as they are: app/core/outbox/mime_send.py) and those same bytes read as a draft
    (what the user is shown before Send): one read, so what is shown is what is sent."""
    raw = read_bytes(path, max_bytes)
    return raw, read_eml(raw, max_bytes=max_bytes, budget=budget)


def read_bytes(path: str, max_bytes: int) -> bytes:
    """The bytes of the file at ``path`` (at most ``max_bytes``); :class:`EmlError` if it cannot be read. Regular
    files only, opened once (app/storage/regular_file.py)."""
    name = Path(path).name
    limit = file_limit(max_bytes)
    try:
        return read_regular(Path(path).absolute(), limit)[0]
    except Refused as no:
        raise EmlError(_refused(no, name, max_bytes)) from None
    except FileNotFoundError:
        raise EmlError(translate("EmlFiles", "“{name}” could not be opened: the file no longer exists.").format(
            name=name)) from None
    except OSError as exc:
        raise EmlError(translate("EmlFiles", "“{name}” could not be read ({why}).").format(
            name=name, why=exc.strerror or type(exc).__name__)) from None


def _refused(no: Refused, name: str, max_bytes: int) -> str:
    if no.kind == "folder":
        return translate("EmlFiles", "“{name}” is a folder, not a file.").format(name=name)
    if no.kind == "large":
        return too_large(no.size, max_bytes, name)
    # a FIFO or a device (reading could block for ever), or the system's own files (app/storage/regular_file.py)
    return translate("EmlFiles", "“{name}” is not an ordinary file (a pipe or a device).").format(name=name)


async def open_eml(path: str, max_bytes: int, timeout: float = PARSE_SECONDS, *, read=read_file) -> EmlMessage:
    """The file as a draft, parsed in a worker thread under a :class:`Budget` of ``timeout`` seconds. Given up
    (the caller cancelled, or the time ran out), the parse stops at its next look at the budget: it does not
    go on using CPU and memory in the background."""
    stop = threading.Event()
    try:
        return await in_thread(read, path, max_bytes, Budget(timeout, stop.is_set), timeout=timeout + 1.0, name="eml-worker")
    except asyncio.TimeoutError:
        raise EmlError(translate("EmlFiles", "“{name}” took more than {seconds} s to read; it was not "
                                             "opened.").format(name=Path(path).name, seconds=f"{timeout:.0f}")) from None
    finally:
        stop.set()  # answered, refused or given up: a parse still running stops


def write_atomic(path: str, data: bytes) -> Path:
    """``data`` into ``path``, mode 0600, all or nothing (temp file + fsync + rename)."""
    return replace_file(Path(path), data, suffix=".eml.tmp")


def build_and_write(path: str, draft: Draft, sender: Recipient | None, date: _dt.datetime | None) -> Path:
    return write_atomic(path, to_eml(draft, sender=sender, date=date))


async def save_eml(path: str, draft: Draft, *, sender: Recipient | None = None,
                   date: _dt.datetime | None = None) -> Path:
    """Write ``draft`` as an .eml file at ``path``. OSError (with ``strerror``) when it cannot be."""
    return await in_thread(build_and_write, path, draft, sender, date, name="eml-worker")
