"""The local journal: every message the user is writing, saving or sending survives a crash.

A SQLite file (stdlib ``sqlite3``, WAL, ``synchronous=FULL``) in the platform data dir
(:func:`app.storage.settings.data_dir`: the platform user data dir, or ``$DISPATCH_HOME/data``). The
file and its ``-wal``/``-shm`` companions are created with mode 0600 (the directory 0700) before
SQLite touches them, and chmod-ed again on every open.

What is stored: the complete :class:`~app.domain.models.Draft` (every field, all recipients, the server
ref and Internet Message-ID once known) keyed by ``Draft.local_id``, a :class:`State`, and the outbox
bookkeeping (operation, attempts, last error). Nothing secret: the journal never sees a password.

Attachments: the bytes are stored IN the journal, content-addressed (table ``blobs`` keyed by SHA-256,
so an autosave every second never rewrites a 10 MB attachment). An attachment larger
than ``inline_limit`` (default 64 MB, far above any server's send limit) is stored as source path +
SHA-256 + size only; on recovery it is re-read from that path and verified. If the file is gone or
changed, the draft still comes back (text, recipients, other attachments) and the entry lists the
attachment in ``missing_attachments`` so the UI can say so.

A long body is kept in pieces, and an autosave writes only the pieces not stored already (the one typed
into): :mod:`app.storage.body_blob`.

Life of an entry: ``editing`` (autosaved) -> ``saving`` -> (server confirmed) removed, or back to
``editing`` when the user typed while the save was in flight; ``sending`` -> (server confirmed, or
the message was found in Sent Items) removed; ``outbox_waiting`` when the server could not be reached.
An entry leaves the journal only after the server confirmed the save or the send (or the user
discarded the message). Sends are submissions (``op="send"``): their ``state`` is the submission
state of :mod:`app.core.outbox.submission` (``queued``, ``send_saving``, ``submitting``, ``unknown``,
``failed``), stored as text; this module does not interpret it.

Accounts are kept apart: every entry belongs to the account it was written under (``account``, a key
from :func:`app.storage.settings.account_key`); readers ask for one account's entries.

Damage: a damaged file is moved aside and a fresh one started (:mod:`app.storage.journal_file`); a row
that cannot be read is moved to the ``quarantine`` table (kept, not lost) and skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import sqlite3
import threading
import time
from dataclasses import replace
from pathlib import Path

from app.domain.models import Draft, ItemRef
from app.storage import body_blob
from app.storage.draft_codec import draft_meta_json as _meta_json
from app.storage.draft_codec import file_sha256 as _file_sha256
from app.storage.journal_entries import ENTRY_COLUMNS, HEAD_COLUMNS, PIECES_AT, Entry, State, entry_from_row
from app.storage.journal_file import open_journal_db
from app.storage.settings import data_dir  # the app's one data directory

log = logging.getLogger(__name__)

FILE_NAME = "journal.sqlite3"
# how long the journal remembers the Message-ID of a message it saw sent (seconds): a week
SENT_IDS_KEPT = 7 * 24 * 3600.0
DEFAULT_INLINE_LIMIT = 64 * 1024 * 1024


def default_path() -> Path:
    return data_dir() / FILE_NAME


def _as_text(column) -> str:
    """A column of a row set aside, as text (a long body's column is UTF-8 bytes: kept readable)."""
    if isinstance(column, bytes):
        return column.decode("utf-8", "replace")
    return str(column)


def _kept_state(row, state: str, op: str | None) -> str:
    """The state an existing entry (``row``: version, state, op, ...) takes when recorded as ``state``. A
    queued send keeps its state, and so does a save on its way to the server, when an autosave records them
    as ``editing``: a crash now must adopt what the server may have committed, by Message-ID, not create it
    again."""
    if op is None and state == State.EDITING and (row[2] == "send" or row[1] == State.SAVING):
        return row[1]
    return state


# the bodies of the messages recorded last that the journal keeps in memory to give back without reading
# them out of SQLite (a 10 MB body: ~50 ms of SQLite's CPU and ~8 ms holding the GIL to decode it)
BODIES_KEPT = 4


class Journal:
    """Thread-safe (one connection, one lock). Every public method is one short transaction."""

    def __init__(self, path: str | Path | None = None, *, inline_limit: int = DEFAULT_INLINE_LIMIT):
        """Raises :class:`JournalUnavailable` when the file cannot be opened or written."""
        self.path = Path(path) if path else default_path()
        # False for a journal kept in memory only (no file could be written): typing is not protected
        self.persistent = str(path) != ":memory:"
        self.inline_limit = inline_limit
        self._lock = threading.RLock()
        # local_id -> (version, what was stored of the body) this connection last recorded, newest last
        # (record(): the rows a next record keeps; get(): the body given back without reading it)
        self._bodies: dict[str, tuple[int, body_blob.Stored]] = {}
        # where a damaged journal file was moved at open (None: it was fine)
        self._db, self.moved_aside = open_journal_db(self.path)
        self._data_version = self._db.execute("PRAGMA data_version").fetchone()[0]  # changes: another writer
        if self.moved_aside is not None:
            log.warning("the journal file was damaged; it was moved aside and a new one started")
        # rows moved to the quarantine table because they could not be read
        self.quarantined = 0

    # ---- writing ----
    def record(self, draft: Draft, state: str = State.EDITING, *, account: str = "", op: str | None = None,
               meta: dict | None = None, body_pieces: tuple[str, ...] | None = None) -> int:
        """Store the whole draft (autosave) in one transaction. Returns the entry's new version.

        ``account`` tags a new entry (an existing one keeps its account). ``op``/``meta`` set the
        entry's operation and its bookkeeping in the same transaction (a submission is created with
        its content, atomically). An entry that is being sent (op ``send``), or whose save is on its way to
        the server (``saving``), keeps its state when an autosave records it as ``editing``: a late autosave
        never turns a queued send back into an edit, nor a save in flight into one a restart would make again.
        ``body_pieces`` (Compose's body as a snapshot of immutable pieces) stand for ``draft.body``. A long
        body is stored in pieces, and only the pieces not stored already are written
        (:mod:`app.storage.body_blob`: never a long GIL hold).
        """
        state = str(getattr(state, "value", state))
        with self._lock, self._tx() as db:
            self._forget_if_written_elsewhere(db)  # what it remembers of its own writes holds till another writes
            row = db.execute("SELECT version, state, op, pieces FROM entries WHERE local_id=?", (draft.local_id,)).fetchone()
            version = (row[0] + 1) if row else 1
            if row:
                state = _kept_state(row, state, op)
                draft = self._with_stored_identity(db, draft)
            body = body_blob.Body(_meta_json(draft), draft.body, body_pieces)
            self._write_entry(db, draft.local_id, row is not None, state, version, body, account)
            last = self._bodies.get(draft.local_id)
            stored = body.write(db, draft.local_id, row[3] if row else None, last[1] if last else None)
            self._write_bookkeeping(db, draft.local_id, op, meta)
            self._write_attachments(db, draft)
        self._remember_body(draft.local_id, version, stored)
        return version

    @staticmethod
    def _write_entry(db: sqlite3.Connection, local_id: str, exists: bool, state: str, version: int,
                     body: body_blob.Body, account: str) -> None:
        """The entry's row: its state, version and the draft's JSON (``account`` tags a new entry, or an
        existing one that has none yet)."""
        now = time.time()
        if not exists:
            db.execute("INSERT INTO entries(local_id, state, version, created, updated, draft, account) "
                       f"VALUES (?,?,?,?,?,{body.draft_sql},?)",
                       (local_id, state, version, now, now, *body.draft_args, account))
            return
        db.execute(f"UPDATE entries SET state=?, version=?, updated=?, draft={body.draft_sql}, body=NULL "
                   "WHERE local_id=?", (state, version, now, *body.draft_args, local_id))
        if account:
            db.execute("UPDATE entries SET account=? WHERE local_id=? AND account=''", (account, local_id))

    @staticmethod
    def _write_bookkeeping(db: sqlite3.Connection, local_id: str, op: str | None, meta: dict | None) -> None:
        """The entry's operation and its bookkeeping, when given (a new submission starts with no attempts)."""
        if op is not None:
            db.execute("UPDATE entries SET op=?, attempts=0, last_error='' WHERE local_id=?", (op, local_id))
        if meta is not None:
            db.execute("UPDATE entries SET meta=? WHERE local_id=?", (json.dumps(meta), local_id))

    def _remember_body(self, local_id: str, version: int, stored: body_blob.Stored) -> None:
        """Committed: what was stored of the body is kept, for the rows the next record keeps and to be given
        back without SQLite (get(); a newer record may have come between, so get() checks the version)."""
        with self._lock:
            self._bodies.pop(local_id, None)
            self._bodies[local_id] = (version, stored)
            while len(self._bodies) > BODIES_KEPT:
                del self._bodies[next(iter(self._bodies))]

    def _with_stored_identity(self, db: sqlite3.Connection, draft: Draft) -> Draft:
        """A draft never loses its server identity to a stale copy (e.g. the editor's draft recorded before
        the save's answer came back): the stored ref and Message-ID fill in what it lacks."""
        if draft.ref is not None and draft.internet_message_id:
            return draft
        ref, imid = self._stored_identity(db, draft.local_id)
        if draft.ref is None and ref:
            draft = draft.copy(ref=ItemRef(*ref))
        if not draft.internet_message_id and imid:
            draft = draft.copy(internet_message_id=imid)
        return draft

    @staticmethod
    def _stored_identity(db: sqlite3.Connection, local_id: str) -> tuple[list | None, str | None]:
        """(ref as [id, change_key] or None, Message-ID) of the stored entry (a long body is not in the
        draft's JSON: :mod:`app.storage.body_blob`)."""
        ref, imid = db.execute("SELECT json_extract(draft, '$.ref'), json_extract(draft, '$.internet_message_id') "
                               "FROM entries WHERE local_id=?", (local_id,)).fetchone()
        return (json.loads(ref) if ref else None), imid

    def _forget_if_written_elsewhere(self, db: sqlite3.Connection) -> None:
        """What this connection remembers of the bodies it wrote holds until another connection writes the
        file (``PRAGMA data_version`` changes only then)."""
        dv = db.execute("PRAGMA data_version").fetchone()[0]
        if dv != self._data_version:
            self._bodies.clear()
            self._data_version = dv

    def _write_attachments(self, db: sqlite3.Connection, draft: Draft) -> None:
        old = {
            (r[0], r[1], r[2], r[3], r[4], r[5])
            for r in db.execute(
                "SELECT idx, name, content_type, sha256, source_path, attachment_id FROM attachments WHERE local_id=?",
                (draft.local_id,),
            )
        }
        rows = []
        for idx, a in enumerate(draft.attachments):
            if a.content or a.byte_size == 0:
                sha = hashlib.sha256(a.content).hexdigest()
                inline = len(a.content) <= self.inline_limit
                size = a.size if inline else len(a.content)
            else:  # bytes not loaded: path only
                got = _file_sha256(a.source_path) if a.source_path else None
                sha, size = got if got else ("", a.byte_size)
                inline = False
            if inline:
                db.execute("INSERT OR IGNORE INTO blobs(sha256, data) VALUES (?, ?)", (sha, sqlite3.Binary(a.content)))
            rows.append((draft.local_id, idx, a.name, a.content_type, sha, size, int(inline), a.source_path, a.attachment_id))
        if {(r[1], r[2], r[3], r[4], r[7], r[8]) for r in rows} == old and len(rows) == len(old):
            return
        db.execute("DELETE FROM attachments WHERE local_id=?", (draft.local_id,))
        db.executemany("INSERT INTO attachments VALUES (?,?,?,?,?,?,?,?,?)", rows)
        self._gc_blobs(db)

    @staticmethod
    def _gc_blobs(db: sqlite3.Connection) -> None:
        db.execute("DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM attachments WHERE inline=1)")

    def set_state(
        self,
        local_id: str,
        state: str,
        *,
        op: str | None = None,
        error: str | None = None,
        attempts: int | None = None,
        meta: dict | None = None,
    ) -> None:
        """Persist a state change (one transaction; ``synchronous=FULL``: on disk when this returns)."""
        sets, args = ["state=?", "updated=?"], [str(getattr(state, "value", state)), time.time()]
        for col, val in (("op", op), ("last_error", error), ("attempts", attempts),
                         ("meta", json.dumps(meta) if meta is not None else None)):
            if val is not None:
                sets.append(f"{col}=?")
                args.append(val)
        with self._lock, self._tx() as db:
            db.execute(f"UPDATE entries SET {', '.join(sets)} WHERE local_id=?", (*args, local_id))

    def set_server_identity(
        self, local_id: str, ref=..., internet_message_id: str | None = None, attachment_ids: list[str] | None = None
    ) -> None:
        """Remember the server ref / Message-ID / attachment ids as soon as known (no version bump).
        ``ref=None`` clears it (the server no longer has the item); leaving it out keeps it."""
        with self._lock, self._tx() as db:
            if attachment_ids is not None:
                n = db.execute("SELECT COUNT(*) FROM attachments WHERE local_id=?", (local_id,)).fetchone()[0]
                if n == len(attachment_ids):  # same attachments as the saved copy: adopt the server's ids
                    db.executemany(
                        "UPDATE attachments SET attachment_id=? WHERE local_id=? AND idx=?",
                        [(aid or "", local_id, i) for i, aid in enumerate(attachment_ids)],
                    )
            self._set_identity(db, local_id, ref, internet_message_id)

    def ensure_message_id(self, local_id: str, internet_message_id: str) -> str:
        """Give the entry this Message-ID unless it already has one; returns the one it has."""
        with self._lock, self._tx() as db:
            row = db.execute("SELECT json_extract(draft, '$.internet_message_id') FROM entries WHERE local_id=?",
                             (local_id,)).fetchone()
            if not row:
                return internet_message_id
            if row[0]:
                return row[0]
            self._set_identity(db, local_id, internet_message_id=internet_message_id)
            return internet_message_id

    def confirm_saved(self, local_id: str, ref: ItemRef, version: int | None = None) -> bool:
        """The server confirmed the save of ``version``. Removes the entry unless it was edited since
        (then it stays, as ``editing``, with the new ref). Returns True when removed."""
        with self._lock, self._tx() as db:
            row = db.execute("SELECT version, op FROM entries WHERE local_id=?", (local_id,)).fetchone()
            if not row:
                return True
            if row[1] == "send":  # a send is queued behind this save: keep it, with the ref
                self._set_ref(db, local_id, ref)
                return False
            if version is not None and row[0] != version:
                self._set_ref(db, local_id, ref)
                db.execute("UPDATE entries SET state=?, op='' WHERE local_id=?", (State.EDITING.value, local_id))
                return False
            self._delete(db, local_id)
            return True

    def confirm_sent(self, local_id: str) -> None:
        """The server took the message (or it was found in Sent Items): it leaves the journal, and its account and
        Message-ID stay in ``sent_ids`` (in the same transaction) for :data:`SENT_IDS_KEPT` seconds: the same
        message handed over again (a script run twice) is known as sent before any server shows it in Sent Items
        (Graph files its copy there a while after it answered)."""
        now = time.time()
        with self._lock, self._tx() as db:
            db.execute("INSERT OR REPLACE INTO sent_ids (account, message_id, sent) "
                       "SELECT account, json_extract(draft, '$.internet_message_id'), ? FROM entries "
                       "WHERE local_id=? AND json_extract(draft, '$.internet_message_id') != ''", (now, local_id))
            db.execute("DELETE FROM sent_ids WHERE sent < ?", (now - SENT_IDS_KEPT,))
            self._delete(db, local_id)

    def was_sent(self, account: str, message_id: str) -> bool:
        """Did a message of this Message-ID go out from ``account`` within :data:`SENT_IDS_KEPT` seconds?"""
        with self._lock:
            row = self._db.execute("SELECT sent FROM sent_ids WHERE account=? AND message_id=?",
                                   (account, message_id)).fetchone()
        return row is not None and row[0] >= time.time() - SENT_IDS_KEPT

    def discard(self, local_id: str) -> None:
        """The user threw the message away."""
        with self._lock, self._tx() as db:
            self._delete(db, local_id)

    def _set_ref(self, db: sqlite3.Connection, local_id: str, ref: ItemRef) -> None:
        self._set_identity(db, local_id, ref)

    def _set_identity(self, db: sqlite3.Connection, local_id: str, ref=..., internet_message_id: str | None = None):
        """Change the stored draft's ref and/or Message-ID inside SQLite (``json_set``): the draft's JSON, a
        10 MB body with it, is never parsed or written again in Python (``json.loads`` and
        ``json.dumps`` of it hold the GIL 6-40 ms each while the user types on)."""
        sets, args = [], []
        if ref is not ...:
            sets.append("'$.ref', json(?)")
            args.append(json.dumps([ref.id, ref.change_key] if ref is not None else None))
        if internet_message_id is not None:
            sets.append("'$.internet_message_id', ?")
            args.append(internet_message_id)
        if sets:
            db.execute(f"UPDATE entries SET draft=json_set(draft, {', '.join(sets)}) WHERE local_id=?", (*args, local_id))

    def _delete(self, db: sqlite3.Connection, local_id: str) -> None:
        self._bodies.pop(local_id, None)
        db.execute("DELETE FROM entries WHERE local_id=?", (local_id,))
        db.execute("DELETE FROM body_pieces WHERE local_id=?", (local_id,))
        db.execute("DELETE FROM attachments WHERE local_id=?", (local_id,))
        self._gc_blobs(db)

    # ---- reading ----
    def get(self, local_id: str, *, known_body: tuple[int, str] | None = None) -> Entry | None:
        """The entry of ``local_id``. ``known_body=(version, body)``: the caller holds the body it recorded
        at ``version`` (what :meth:`record` returned); while the entry is at that version its body is not
        read again (a 10 MB body: ~50 ms of SQLite's CPU and ~8 ms of the GIL to copy it out)."""
        with self._lock:
            if known_body is not None:
                version, body = known_body
                entry = self._head_at(local_id, version)
                if entry is not None:
                    return replace(entry, draft=entry.draft.copy(body=body))
            self._forget_if_written_elsewhere(self._db)
            written = self._bodies.get(local_id)
            if written is not None:  # the body this connection recorded last (an autosave since the caller's)
                entry = self._head_at(local_id, written[0])
                if entry is not None:
                    return replace(entry, draft=entry.draft.copy(body=written[1].text()))
            row = self._db.execute(f"SELECT {ENTRY_COLUMNS} FROM entries WHERE local_id=?", (local_id,)).fetchone()
            return self._read_or_quarantine(row) if row else None

    def _head_at(self, local_id: str, version: int) -> Entry | None:
        """The entry without its body, if it is at ``version``."""
        row = self._db.execute(f"SELECT {HEAD_COLUMNS} FROM entries WHERE local_id=? AND version=?",
                               (local_id, version)).fetchone()
        return self._read_or_quarantine(row) if row else None

    def has(self, local_id: str) -> bool:
        """Whether the journal holds the message (without reading it: a body may be 10 MB)."""
        with self._lock:
            return self._db.execute("SELECT 1 FROM entries WHERE local_id=?", (local_id,)).fetchone() is not None

    def entries(self, *states: str, account: str | None = None) -> list[Entry]:
        """Entries, oldest first; all of them, or those in ``states``; of every account, or of
        ``account`` (entries from journals older than accounts, with no account, belong to any)."""
        wanted = {str(getattr(s, "value", s)) for s in states}
        with self._lock:
            rows = self._db.execute(f"SELECT {ENTRY_COLUMNS} FROM entries ORDER BY created").fetchall()
            out = [e for e in (self._read_or_quarantine(r) for r in rows) if e is not None]
        return [e for e in out
                if (not wanted or e.state in wanted) and (account is None or e.account in (account, ""))]

    def heads(self, account: str | None = None) -> list[Entry]:
        """Every entry of ``account`` (or of every account) without its body: what the journal holds, for
        a look that must not read bodies of 10 MB (e.g. which server drafts have a newer local version)."""
        with self._lock:
            rows = self._db.execute(f"SELECT {HEAD_COLUMNS} FROM entries ORDER BY created").fetchall()
            out = [e for e in (self._read_or_quarantine(r) for r in rows) if e is not None]
        return [e for e in out if account is None or e.account in (account, "")]

    def recover(self, account: str | None = None) -> tuple[list[Entry], list[Entry]]:
        """What the next start must reopen: (drafts to reopen in Compose, work for the outbox).

        Drafts are entries the user was editing or saving (op ``save`` or none); outbox work is every
        entry whose send was not confirmed. Nothing is dropped here: that happens only on confirmation.
        """
        drafts, outbox = [], []
        for e in self.entries(account=account):
            (outbox if e.op == "send" else drafts).append(e)
        return drafts, outbox

    def sends_by_account(self) -> dict[str, int]:
        """How many sends wait under each account (the UI names other accounts' waiting mail)."""
        with self._lock:
            return dict(self._db.execute(
                "SELECT account, COUNT(*) FROM entries WHERE op='send' GROUP BY account").fetchall())

    def count(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]

    def _read_or_quarantine(self, row) -> Entry | None:
        """One row as an Entry; a row that cannot be read is moved to ``quarantine`` (kept, not lost)
        and skipped, so one bad row never costs the rest of the journal."""
        try:
            return entry_from_row(self._db, row)
        except Exception as exc:  # noqa: BLE001 - any decoding problem of this one row
            log.warning("a journal entry could not be read (%s); it was set aside", type(exc).__name__)
            try:
                with self._tx() as db:
                    kept = [_as_text(c) for c in row]
                    if row[PIECES_AT] is not None:  # a long body in pieces: kept as text, what of it can be read
                        kept[PIECES_AT] = body_blob.read(db, row[0], row[PIECES_AT], errors="replace")
                    db.execute("INSERT INTO quarantine(local_id, reason, moved, row) VALUES (?,?,?,?)",
                               (str(row[0]), type(exc).__name__, time.time(), json.dumps(kept)))
                    db.execute("DELETE FROM entries WHERE local_id=?", (row[0],))
                    db.execute("DELETE FROM body_pieces WHERE local_id=?", (row[0],))
                self._bodies.pop(row[0], None)
                self.quarantined += 1
            except sqlite3.Error:  # pragma: no cover - cannot even set it aside: skip it this time
                log.exception("could not set a damaged journal entry aside")
            return None

    @contextlib.contextmanager
    def transaction(self):
        """The journal's lock and one write transaction (the connection; ROLLBACK on error): a change of many
        entries at once from a helper module (app/storage/journal_accounts.py)."""
        with self._lock, self._tx() as db:
            yield db

    def forget_server_identity(self, db: sqlite3.Connection, local_id: str) -> None:
        """Inside :meth:`transaction`: the entry's draft no longer names a server item (it moves to another
        account, where the old item id means nothing)."""
        self._set_identity(db, local_id, ref=None)

    def send_states(self, account: str) -> list[str]:
        """The state of every send entry under exactly ``account`` (read only)."""
        with self._lock:
            rows = self._db.execute("SELECT state FROM entries WHERE op='send' AND account=?", (account,)).fetchall()
        return [state for (state,) in rows]

    @contextlib.contextmanager
    def _tx(self):
        """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error) on the autocommit connection."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            try:
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error:  # pragma: no cover
                pass
            self._db.close()

