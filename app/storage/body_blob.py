"""A journal entry's body goes into SQLite without a long hold of Python's GIL (issue 16).

Binding a 10 MB ``str`` that is not ASCII makes Python encode it to UTF-8 in one call (30-60 ms holding
the GIL: the UI thread waits), and joining a body kept in pieces is one more such call. So a body that
is not one ASCII string is encoded piece by piece and streamed into a scratch blob of the connection's
temp database (``sqlite3_blob_write`` runs without the GIL); SQLite then reads it back as text into the
entry's JSON (``json_set``: SQLite escapes it, not Python). An ASCII ``str`` is bound as it is (no copy).
"""

from __future__ import annotations

import sqlite3
from typing import Iterable

STEP = 64 * 1024  # characters encoded per call

_PLAIN = "json_set(?, '$.body', ?)"
_STREAMED = "json_set(?, '$.body', (SELECT CAST(b AS TEXT) FROM temp.body_scratch WHERE id=1))"


def draft_value(db: sqlite3.Connection, meta_json: str, body: str,
                pieces: Iterable[str] | None = None) -> tuple[str, tuple]:
    """(SQL expression for the ``draft`` column, its parameters). ``pieces`` (the body in order), when
    given, stand for ``body``. Call :func:`release` after the statement that used a streamed body."""
    if pieces is None:
        if body.isascii():
            return _PLAIN, (meta_json, body)
        pieces = (body[k:k + STEP] for k in range(0, len(body), STEP))
    encoded = [p.encode("utf-8") for p in pieces]
    db.execute("CREATE TEMP TABLE IF NOT EXISTS body_scratch(id INTEGER PRIMARY KEY, b BLOB)")
    db.execute("INSERT OR REPLACE INTO temp.body_scratch(id, b) VALUES (1, zeroblob(?))", (sum(map(len, encoded)),))
    with db.blobopen("body_scratch", "b", 1, name="temp") as blob:
        for e in encoded:
            blob.write(e)
    return _STREAMED, (meta_json,)


def release(db: sqlite3.Connection, sql: str) -> None:
    """Free the scratch blob once the entry holds the body."""
    if sql is _STREAMED:
        db.execute("DELETE FROM temp.body_scratch")
