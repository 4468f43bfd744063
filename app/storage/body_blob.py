"""Where a journal entry's body goes in SQLite (issue 16).

A body of :data:`BIG` characters or more is kept in the entry's own ``body`` column as UTF-8, written
in place: the row gets a ``zeroblob`` of the body's length and the body is streamed into it piece by
piece (``sqlite3_blob_write``: a page at a time, without Python's GIL). The entry's JSON then holds an
empty body. A shorter body goes into the JSON (``json_set`` in SQLite: SQLite escapes it, not Python).

Why not the JSON for a long body too (as until the ninth round): SQLite builds the JSON of a 10 MB body
in a buffer it grows by ``realloc`` (doubling, each time a copy of all of it) and copies it again for
the row. While it did, the UI thread, allocating for the next keystroke, waited 30-80 ms on glibc's main
arena lock (found by sampling the address of the UI thread's ``futex`` wait: ``main_arena``; why
SQLite's big allocations on the journal thread went through the main arena, glibc falling back to it
when the thread's own arena cannot serve a request is the likely cause, was not pinned down). Written in
place, no buffer the size of the body is ever allocated. Encoding a body that is not one ASCII ``str``
is done piece by piece too (one call for 10 MB holds the GIL 30-60 ms).
"""

from __future__ import annotations

import sqlite3
from typing import Iterable

STEP = 64 * 1024  # characters encoded per call
#: a body this long (characters) or longer is kept in the entry's ``body`` column
BIG = 64 * 1024

_IN_JSON = "json_set(?, '$.body', ?)"
_OUTSIDE = "json_set(?, '$.body', '')"


class Body:
    """How one recorded body is stored: the SQL of the entry's ``draft`` and ``body`` columns with their
    parameters, and (a long body) the encoded pieces to stream into the column."""

    __slots__ = ("draft_sql", "draft_args", "body_sql", "body_args", "encoded")

    def __init__(self, meta_json: str, body: str, pieces: Iterable[str] | None = None):
        if pieces is not None:
            pieces = tuple(pieces)
            size = sum(map(len, pieces))
        else:
            size = len(body)
        if size < BIG:
            text = body if pieces is None else "".join(pieces)
            self.draft_sql, self.draft_args = _IN_JSON, (meta_json, text)
            self.body_sql, self.body_args = "NULL", ()
            self.encoded: list[bytes] = []
            return
        if pieces is None:
            pieces = (body[k:k + STEP] for k in range(0, len(body), STEP))
        self.encoded = [p.encode("utf-8") for p in pieces if p]
        self.draft_sql, self.draft_args = _OUTSIDE, (meta_json,)
        self.body_sql, self.body_args = "zeroblob(?)", (sum(map(len, self.encoded)),)

    def write(self, db: sqlite3.Connection, local_id: str) -> None:
        """Stream a long body into the row written with :attr:`body_sql` (same transaction)."""
        if not self.encoded:
            return
        rowid = db.execute("SELECT rowid FROM entries WHERE local_id=?", (local_id,)).fetchone()[0]
        with db.blobopen("entries", "body", rowid) as blob:
            for e in self.encoded:
                blob.write(e)
        self.encoded = []
