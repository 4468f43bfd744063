"""Where a journal entry's body goes in SQLite.

A body of :data:`BIG` characters or more is kept as pieces in ``body_pieces`` (UTF-8, at most
:data:`STEP` characters a row); the entry's ``pieces`` column lists their rows in order and its JSON holds
an empty body. A shorter body goes into the JSON (``json_set`` in SQLite: SQLite escapes it, not Python).

Why pieces: autosave records Compose's body every second or so while the user types, and Compose hands
it over as immutable pieces (its mirror of the body: a piece typed into is a new ``str``, the others are
the same objects as last time). Written whole, each autosave of a 7 MB body cost the journal thread
~15 ms of CPU and SQLite ~7 MB of writes, and beside two busy processes that thread's turns were taken
from the UI thread's share of the CPU (typing into the 4 MB Outlook thread: 4-9 ms of the journal's CPU
in each of the longest stalls). Now a record writes only the pieces that are not already stored: the
rows of the pieces this connection wrote last are kept when the entry still lists exactly those rows
(rows are never updated and their ids never used again, ``AUTOINCREMENT``: an equal list means equal
content), and the others are deleted in the same transaction. A body given whole (a save or a send
takes it as one ``str``) keeps the rows of the last record's pieces it still holds, found in place in
order, and only the text between them is written. Never one buffer the size of the body: a 10 MB body
built in one SQLite buffer made the UI thread wait 30-80 ms on glibc's main arena lock, and encoding it in
one call held the GIL 30-60 ms.

Journals written before the pieces keep a long body in the entry's ``body`` column (UTF-8): it is still
read, and the next record of that entry moves it into pieces.
"""

from __future__ import annotations

import sqlite3
from typing import Iterable, NamedTuple

STEP = 64 * 1024  # the most characters one stored piece holds (a longer piece is stored in several)
# a body this long (characters) or longer is kept in pieces, outside the JSON
BIG = 64 * 1024
# a body given whole: how far on (characters), and past how many of the last record's pieces, a piece
# that is not where the one before it ended is looked for (the text typed in between)
RESYNC, RESYNC_PIECES = 64 * 1024, 3

_IN_JSON = "json_set(?, '$.body', ?)"
_OUTSIDE = "json_set(?, '$.body', '')"


class Stored(NamedTuple):
    """What one record stored of a body: its pieces and, for each, its rows (none: the body is in the
    JSON; a piece longer than STEP characters has several)."""

    pieces: tuple[str, ...]
    rows: tuple[tuple[int, ...], ...]
    # the body as the caller gave it whole, kept to be given back as it is (joining the pieces of a 10 MB
    # body again holds the GIL 3-25 ms)
    whole: str | None = None

    def ids(self) -> list[int]:
        return [i for rows in self.rows for i in rows]

    def text(self) -> str:
        """The body stored."""
        if self.whole is not None:
            return self.whole
        return self.pieces[0] if len(self.pieces) == 1 else "".join(self.pieces)


def _slices(text: str, start: int = 0, end: int | None = None) -> tuple[str, ...]:
    end = len(text) if end is None else end
    return tuple(text[k:min(k + STEP, end)] for k in range(start, end, STEP))


def ids_text(ids: Iterable[int]) -> str:
    """The ``pieces`` column: the rows, in order."""
    return ",".join(map(str, ids))


def _ids(text: str) -> list[int]:
    return [int(x) for x in text.split(",")] if text else []


class Body:
    """How one recorded body is stored: the SQL of the entry's ``draft`` column with its parameters, and
    (a long body) the pieces to write into ``body_pieces``."""

    __slots__ = ("draft_sql", "draft_args", "pieces", "whole", "written")

    def __init__(self, meta_json: str, body: str, pieces: Iterable[str] | None = None):
        # a long body given as pieces (empty ones left out), or given whole (``whole``: cut when written)
        self.pieces: tuple[str, ...] = () if pieces is None else tuple(p for p in pieces if p)
        self.whole: str | None = body if pieces is None else None
        # rows written by :meth:`write` (tests, the bench)
        self.written = 0
        if (len(body) if pieces is None else sum(map(len, self.pieces))) < BIG:
            text = body if pieces is None else "".join(self.pieces)
            self.draft_sql, self.draft_args = _IN_JSON, (meta_json, text)
            self.pieces, self.whole = (), None
        else:
            self.draft_sql, self.draft_args = _OUTSIDE, (meta_json,)

    def write(self, db: sqlite3.Connection, local_id: str, on_disk: str | None, last: Stored | None) -> Stored:
        """Store the pieces of the entry written in this transaction. ``on_disk``: its ``pieces`` column
        before this record; ``last``: what this connection stored for it last, trusted while ``on_disk``
        still lists exactly its rows. Pieces given: the rows are kept for those that are the same objects,
        or the same text at the same place. A body given whole (a save, a send: no pieces): the rows are
        kept for the last record's pieces it still holds (:meth:`_write_whole`), and the rest is written."""
        if not self.pieces and self.whole is None:
            if on_disk is not None:
                db.execute("DELETE FROM body_pieces WHERE local_id=?", (local_id,))
                db.execute("UPDATE entries SET pieces=NULL WHERE local_id=?", (local_id,))
            return Stored((self.draft_args[1],), ((),))
        if last is None or on_disk is None or on_disk != ids_text(last.ids()):
            last = None
            db.execute("DELETE FROM body_pieces WHERE local_id=?", (local_id,))
        if self.whole is not None:
            stored = self._write_whole(db, local_id, last)
        else:
            stored = self._write_pieces(db, local_id, last)
        db.execute("UPDATE entries SET pieces=? WHERE local_id=?", (ids_text(stored.ids()), local_id))
        return stored

    def _write_pieces(self, db: sqlite3.Connection, local_id: str, last: Stored | None) -> Stored:
        same = {id(p): k for k, p in enumerate(last.pieces)} if last is not None else {}
        rows: list[tuple[int, ...]] = []
        kept: set[int] = set()
        for k, p in enumerate(self.pieces):
            at = self._kept(p, k, last, same, kept)
            if at is None:
                rows.append(tuple(self._insert(db, local_id, q) for q in _slices(p)))
            else:
                rows.append(last.rows[at])
                kept.add(at)
        if last is not None:
            db.executemany("DELETE FROM body_pieces WHERE id=?",
                           [(i,) for k, ids in enumerate(last.rows) if k not in kept for i in ids])
        return Stored(self.pieces, tuple(rows))

    def _write_whole(self, db: sqlite3.Connection, local_id: str, last: Stored | None) -> Stored:
        """The last record's pieces found in the body keep their rows; the text between them is written in
        STEP-character pieces. Each piece is compared in place (no copy of the body) where the one before
        it ended; where one is not there, the next few are looked for a little further on (the text typed
        in between: :data:`RESYNC` characters at most), else the rest is matched from the body's end."""
        body = self.whole
        old = last.pieces if last is not None else ()
        pieces: list[str] = []
        rows: list[tuple[int, ...]] = []
        gone: list[int] = []
        pos, gap, m = 0, 0, 0

        def between(end: int) -> None:  # the body's text from ``gap`` to ``end``, written
            for p in _slices(body, gap, end):
                pieces.append(p)
                rows.append((self._insert(db, local_id, p),))

        while m < len(old):
            if body.startswith(old[m], pos):
                between(pos)
                pieces.append(old[m])
                rows.append(last.rows[m])
                pos += len(old[m])
                gap, m = pos, m + 1
                continue
            at = self._resync(body, old, m, pos)
            if at is None:
                break
            n, pos = at
            gone.extend(i for ids in last.rows[m:n] for i in ids)
            m = n
        j, end = len(old), len(body)  # what is left: the pieces the body ends with
        while j > m and end - len(old[j - 1]) >= gap and body.endswith(old[j - 1], gap, end):
            end -= len(old[j - 1])
            j -= 1
        between(end)
        if last is not None:
            gone.extend(i for ids in last.rows[m:j] for i in ids)
            db.executemany("DELETE FROM body_pieces WHERE id=?", [(i,) for i in gone])
            pieces.extend(old[j:])
            rows.extend(last.rows[j:])
        return Stored(tuple(pieces), tuple(rows), body)

    @staticmethod
    def _resync(body: str, old: tuple[str, ...], m: int, pos: int) -> tuple[int, int] | None:
        """(n, where) when ``old[n]`` (``old[m]`` or one of the few after it) is in the body a little after
        ``pos``: text was typed before it, and ``old[m:n]`` were typed over."""
        reach = pos
        for n in range(m, min(m + 1 + RESYNC_PIECES, len(old))):
            reach += len(old[n - 1]) if n > m else 0
            at = body.find(old[n], pos, reach + RESYNC + len(old[n]))
            if at >= 0:
                return n, at
        return None

    def _insert(self, db: sqlite3.Connection, local_id: str, piece: str) -> int:
        self.written += 1
        return db.execute("INSERT INTO body_pieces(local_id, data) VALUES (?, ?)",
                          (local_id, piece.encode("utf-8"))).lastrowid

    @staticmethod
    def _kept(p: str, k: int, last: Stored | None, same: dict[int, int], kept: set[int]) -> int | None:
        """Which of the last record's pieces (not kept yet) already holds piece ``p`` (the ``k``-th)."""
        if last is None:
            return None
        at = same.get(id(p))
        if at is not None and last.pieces[at] is p and at not in kept:
            return at
        if k < len(last.pieces) and k not in kept and len(last.pieces[k]) == len(p) and last.pieces[k] == p:
            return k
        return None


def read(db: sqlite3.Connection, local_id: str, on_disk: str, errors: str = "strict") -> str:
    """The body of an entry kept in pieces. Raises (``KeyError``, ``UnicodeDecodeError``) on a damaged one;
    ``errors="replace"`` reads what there is (a row set aside)."""
    rows = dict(db.execute("SELECT id, CAST(data AS BLOB) FROM body_pieces WHERE local_id=?", (local_id,)))
    if errors == "strict":
        return "".join(bytes(rows[i]).decode("utf-8") for i in _ids(on_disk))
    return "".join(bytes(rows[i]).decode("utf-8", errors) for i in _ids(on_disk) if i in rows)
