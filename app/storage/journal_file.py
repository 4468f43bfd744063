"""Opening the journal's SQLite file: private permissions, schema and migrations, and what to do when
the file is damaged.

The journal must never fail silently and never take the app down with it:

- a file that is not a database, or fails SQLite's ``quick_check``, is moved aside (same directory,
  ``journal.sqlite3.damaged-<time>``, mode 0600, with its ``-wal``/``-shm``) and a fresh journal is
  started; :func:`open_journal_db` returns where the old one went so the UI can say so;
- a directory or file that cannot be written raises :class:`JournalUnavailable` (the UI then says that
  typing is not protected).
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from app.domain.words import translate

SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    local_id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    version INTEGER NOT NULL,
    op TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    created REAL NOT NULL,
    updated REAL NOT NULL,
    draft TEXT NOT NULL,
    account TEXT NOT NULL DEFAULT '',
    meta TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS attachments (
    local_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    inline INTEGER NOT NULL,
    source_path TEXT NOT NULL,
    attachment_id TEXT NOT NULL,
    PRIMARY KEY (local_id, idx)
);
CREATE TABLE IF NOT EXISTS blobs (
    sha256 TEXT PRIMARY KEY,
    data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS body_pieces (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    local_id TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS body_pieces_of_entry ON body_pieces(local_id);
CREATE TABLE IF NOT EXISTS sent_ids (
    account TEXT NOT NULL,
    message_id TEXT NOT NULL,
    sent REAL NOT NULL,
    PRIMARY KEY (account, message_id)
);
CREATE TABLE IF NOT EXISTS quarantine (
    local_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    moved REAL NOT NULL,
    row TEXT NOT NULL
);
"""

# columns added after the first release: (name, definition) — added to older files on open
# (``pieces``: the rows of ``body_pieces`` holding a long body, in order, app/storage/body_blob.py; ``body``:
# a long body as UTF-8, as journals before the pieces kept it; both NULL: the body is in the JSON)
_ADDED_COLUMNS = (("account", "TEXT NOT NULL DEFAULT ''"), ("meta", "TEXT NOT NULL DEFAULT '{}'"), ("body", "BLOB"),
                  ("pieces", "TEXT"))


MEMORY = ":memory:"


class JournalUnavailable(OSError):
    """The journal cannot be opened or written (a read-only or full disk, no permission)."""


def touch_private(path: Path) -> None:
    """Create ``path`` with mode 0600 if it does not exist; force 0600 if it does."""
    fd = os.open(str(path), os.O_CREAT | os.O_RDWR, 0o600)
    try:
        # through the descriptor: another process's SQLite may delete a -wal or -shm file the moment its last
        # connection closes, and a chmod by name would then fail (the journal is shared by the window and commands)
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def _companions(path: Path) -> list[Path]:
    return [Path(str(path) + suffix) for suffix in ("", "-wal", "-shm")]


def _connect(path: Path) -> sqlite3.Connection:
    memory = str(path) == MEMORY
    if not memory:
        for p in _companions(path):
            touch_private(p)
    db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=10)
    try:
        db.execute("PRAGMA journal_mode=WAL" if not memory else "PRAGMA journal_mode=MEMORY")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=OFF")
        if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("quick_check failed")
        db.executescript(SCHEMA)
        have = {r[1] for r in db.execute("PRAGMA table_info(entries)")}
        for name, definition in _ADDED_COLUMNS:
            if name not in have:
                db.execute(f"ALTER TABLE entries ADD COLUMN {name} {definition}")
    except BaseException:
        db.close()
        raise
    if memory:
        return db
    for p in _companions(path)[1:]:  # SQLite may have re-created them: make sure
        try:
            os.chmod(str(p), 0o600)
        except FileNotFoundError:  # gone (another process's last connection closed): nothing to protect
            pass
    return db


def _move_aside(path: Path) -> Path:
    aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}")
    for src, suffix in zip(_companions(path), ("", "-wal", "-shm")):
        if src.exists():
            dst = Path(str(aside) + suffix)
            os.replace(src, dst)
            os.chmod(str(dst), 0o600)
    return aside


def open_journal_db(path: Path) -> tuple[sqlite3.Connection, Path | None]:
    """The journal's connection, and where a damaged file was moved (None if it was fine).
    ``path`` ":memory:" keeps the journal in memory (when no file can be written: nothing survives
    a crash, and the UI says so)."""
    if str(path) == MEMORY:
        return _connect(path), None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.chmod(str(path.parent), 0o700)
        except OSError:  # pragma: no cover - a directory we do not own: the files are still 0600
            pass
        if not os.access(str(path.parent), os.W_OK | os.X_OK):
            raise PermissionError(f"cannot write in {path.parent}")
    except OSError as exc:
        raise JournalUnavailable(translate("Journal", "the journal's folder cannot be written ({error})").format(
            error=type(exc).__name__)) from exc
    try:
        return _connect(path), None
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and "unable to open" in str(exc):
            raise JournalUnavailable(translate("Journal", "the journal file cannot be opened")) from exc
        damaged = exc
    except OSError as exc:
        raise JournalUnavailable(translate("Journal", "the journal file cannot be written ({error})").format(
            error=type(exc).__name__)) from exc
    try:
        aside = _move_aside(path)
        return _connect(path), aside
    except (OSError, sqlite3.Error) as exc:
        raise JournalUnavailable(translate("Journal", "the journal is damaged and could not be replaced "
                                           "({error})").format(error=str(damaged))) from exc
