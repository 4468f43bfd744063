"""Dispatch's own files failing, in words (app/storage/local_errors.py): the errors a full disk, a read-only
folder or a damaged journal really raise are named; anything else is not ours to name (None)."""

from __future__ import annotations

import errno
import sqlite3

from app.storage import local_errors as le


def test_full_read_only_and_other_local_failures_are_named():
    assert le.local_reason(sqlite3.OperationalError("database or disk is full")) == le.FULL
    assert le.local_reason(OSError(errno.ENOSPC, "No space left on device")) == le.FULL
    assert le.local_reason(OSError(errno.EDQUOT, "Disk quota exceeded")) == le.QUOTA
    assert le.local_reason(sqlite3.OperationalError("attempt to write a readonly database")) == le.READ_ONLY
    assert le.local_reason(OSError(errno.EROFS, "Read-only file system")) == le.READ_ONLY
    assert le.local_reason(PermissionError(errno.EACCES, "Permission denied")) == le.NO_ACCESS
    assert le.local_reason(sqlite3.OperationalError("disk I/O error")) == le.DISK_ERROR
    assert le.local_reason(sqlite3.DatabaseError("database disk image is malformed")) == le.UNUSABLE
    assert le.what_to_do(le.FULL) == "Free some space"
    assert le.what_to_do(le.READ_ONLY) == "Make Dispatch's data folder writable"


def test_other_errors_are_not_local_failures():
    assert le.local_reason(ValueError("boom")) is None
    assert le.local_reason(OSError(errno.ECONNREFUSED, "Connection refused")) is None
    assert le.local_reason(KeyError("x")) is None


def test_a_real_full_database_is_named(tmp_path):
    """SQLite's own error on a file that may not grow (max_page_count stands for a full disk here)."""
    db = sqlite3.connect(tmp_path / "small.sqlite3")
    db.execute("CREATE TABLE t(x)")
    db.execute(f"PRAGMA max_page_count={db.execute('PRAGMA page_count').fetchone()[0]}")
    try:
        db.execute("INSERT INTO t VALUES (?)", (b"x" * 100_000,))
        db.commit()
    except sqlite3.OperationalError as exc:
        assert le.local_reason(exc) == le.FULL
    else:
        raise AssertionError("SQLite wrote past its limit")
    finally:
        db.close()
