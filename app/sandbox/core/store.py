"""SQLite storage for the sandbox mailboxes (stdlib sqlite3, WAL mode).

One connection per Store guarded by a re-entrant lock (so threads serialise), ``BEGIN IMMEDIATE`` write
transactions and a busy timeout (so several processes on one data directory wait instead of failing).
A whole EWS request runs inside one transaction (see ``tx``), so a dropped or failed request leaves
no half-applied change.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from contextlib import contextmanager

from . import keys
from .hierarchy import FOLDER_SCHEMA, FolderRows
from .userconfig import CONFIG_SCHEMA, ConfigRows

SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    key TEXT PRIMARY KEY, mailbox TEXT NOT NULL, folder TEXT NOT NULL, change_key TEXT NOT NULL,
    created TEXT NOT NULL, sent TEXT, received TEXT, modified TEXT NOT NULL, subject TEXT,
    imid TEXT, size INTEGER NOT NULL DEFAULT 0, data TEXT NOT NULL, mime BLOB
);
CREATE INDEX IF NOT EXISTS items_created ON items(mailbox, folder, created);
CREATE INDEX IF NOT EXISTS items_sent ON items(mailbox, folder, sent);
CREATE INDEX IF NOT EXISTS items_received ON items(mailbox, folder, received);
CREATE INDEX IF NOT EXISTS items_modified ON items(mailbox, folder, modified);
CREATE INDEX IF NOT EXISTS items_subject ON items(mailbox, folder, subject);
CREATE INDEX IF NOT EXISTS items_imid ON items(imid);
CREATE INDEX IF NOT EXISTS items_iid ON items(mailbox, json_extract(data, '$._iid'));
CREATE TABLE IF NOT EXISTS attachments (
    key TEXT PRIMARY KEY, item_key TEXT NOT NULL, ord INTEGER NOT NULL, name TEXT, content_type TEXT,
    content_id TEXT, is_inline INTEGER NOT NULL DEFAULT 0, modified TEXT, content BLOB NOT NULL, kind TEXT
);
CREATE INDEX IF NOT EXISTS attachments_item ON attachments(item_key, ord);
CREATE TABLE IF NOT EXISTS relay (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, mail_from TEXT, rcpts TEXT NOT NULL, raw BLOB NOT NULL,
    delivered INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS sendlog (
    mailbox TEXT NOT NULL, at TEXT NOT NULL, rcpts INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sendlog_at ON sendlog(mailbox, at);
""" + FOLDER_SCHEMA + CONFIG_SCHEMA  # the folder tree (hierarchy.py), user configurations (userconfig.py)

ITEM_COLS = "key, mailbox, folder, change_key, created, sent, received, modified, subject, imid, size, data"
#: The item columns a page can be sorted by in SQL alone (indexed with mailbox + folder).
SORTABLE = ("created", "sent", "received", "modified", "subject", "size")


ATT_COLS = "key, item_key, ord, name, content_type, content_id, is_inline, modified, length(content), kind"
ITEM_ATTACHMENT = "ItemAttachment"  # attachments.kind; NULL is a FileAttachment (content: the file's bytes)
EQUAL_COLUMNS = {"imid", "subject"}
DB_SUFFIXES = (".sqlite3", ".sqlite", ".db")


#: SQLite's integer range: a Python int beyond it raises OverflowError when bound (an AQS "size:>1e30" answered
#: 500)
SQL_INT_MIN, SQL_INT_MAX = -(2 ** 63), 2 ** 63 - 1


def sql_number(value):
    """``value`` as SQLite can bind it: an int beyond its 64-bit range becomes the nearest end of the range (an
    item's size, a time or a count never reaches either end, so every comparison answers as it would with the
    exact number); any other value is returned as it is."""
    if isinstance(value, int) and not isinstance(value, bool):
        return min(max(value, SQL_INT_MIN), SQL_INT_MAX)
    return value


def db_path(data: str) -> str:
    """``data`` is ":memory:", a directory (the database is DIR/sandbox.sqlite3) or a database file path."""
    if data == ":memory:":
        return data
    if os.path.isdir(data) or not (data.endswith(DB_SUFFIXES) or os.path.isfile(data)):
        return os.path.join(data, "sandbox.sqlite3")
    return data


class Rollback(Exception):
    """Raise inside ``Store.tx()`` to discard the transaction quietly."""


def _row_to_item(row) -> dict:
    item = dict(zip(("key", "mailbox", "folder", "change_key", "created", "sent", "received", "modified",
                     "subject", "imid", "size"), row[:11]))
    item["data"] = json.loads(row[11])
    return item


class Store(FolderRows, ConfigRows):  # the folder tree's rows (hierarchy.py), user configurations (userconfig.py)
    def __init__(self, data: str = ":memory:"):
        path = db_path(data)
        if path != ":memory:":
            os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        self.path = path
        self._lock = threading.RLock()
        self._depth = 0
        self._on_commit: list = []  # callbacks for when the outermost transaction commits
        self.db = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA busy_timeout=30000")
        if path != ":memory:":
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
        with self._lock:
            self.db.executescript("BEGIN IMMEDIATE;" + SCHEMA + "COMMIT;")
            if "kind" not in {r[1] for r in self.db.execute("PRAGMA table_info(attachments)")}:  # older file
                self.db.execute("ALTER TABLE attachments ADD COLUMN kind TEXT")

    # ---------------- transactions ----------------
    @contextmanager
    def tx(self):
        with self._lock:
            outer = self._depth == 0
            if outer:
                self.db.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield self.db
            except BaseException as e:
                self._depth -= 1
                if outer:
                    self.db.execute("ROLLBACK")
                    self._on_commit.clear()
                if isinstance(e, Rollback) and outer:
                    return
                raise
            else:
                self._depth -= 1
                if outer:
                    self.db.execute("COMMIT")
                    callbacks, self._on_commit = self._on_commit, []
                    for fn in callbacks:
                        fn()

    def after_commit(self, fn) -> None:
        """Call ``fn`` once the transaction in progress commits (never if it rolls back); outside one, now."""
        with self._lock:
            if self._depth:
                self._on_commit.append(fn)
                return
        fn()

    def close(self):
        with self._lock:
            if self.path != ":memory:":
                try:
                    self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                except sqlite3.Error:
                    pass
            self.db.close()

    # ---------------- items ----------------
    def get(self, key: str) -> dict | None:
        with self._lock:
            row = self.db.execute(f"SELECT {ITEM_COLS} FROM items WHERE key=?", (key,)).fetchone()
        return _row_to_item(row) if row else None

    def get_by_immutable(self, mailbox: str, iid: str) -> dict | None:
        """The item whose immutable key (core/items.immutable_key) is ``iid``: one that moved carries it
        as ``_iid``, one that never moved has it as its key."""
        with self._lock:
            row = self.db.execute(
                f"SELECT {ITEM_COLS} FROM items WHERE mailbox=? AND json_extract(data, '$._iid')=? "
                "ORDER BY rowid DESC LIMIT 1", (mailbox.lower(), iid)).fetchone()
            if row is None:
                row = self.db.execute(f"SELECT {ITEM_COLS} FROM items WHERE key=? AND mailbox=?",
                                      (iid, mailbox.lower())).fetchone()
        return _row_to_item(row) if row else None

    def insert(self, mailbox: str, folder: str, data: dict, *, mime: bytes | None = None) -> dict:
        key = keys.new_uuid()
        ck = keys.new_change_key()
        data["_ck_history"] = [[ck, []]]
        with self.tx() as db:
            db.execute(
                f"INSERT INTO items ({ITEM_COLS}, mime) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (key, mailbox.lower(), folder, ck, data["DateTimeCreated"], data.get("DateTimeSent"),
                 data.get("DateTimeReceived"), data["LastModifiedTime"], data.get("Subject"),
                 data.get("InternetMessageId"), int(data.get("Size") or 0), json.dumps(data), mime),
            )
        return self.get(key)

    def save(self, key: str, data: dict, *, folder: str | None = None, touched=("*",)) -> str:
        """Write back an item's data with a new ChangeKey (remembering which fields changed); returns the key."""
        with self.tx() as db:
            row = db.execute("SELECT folder FROM items WHERE key=?", (key,)).fetchone()
            ck = keys.new_change_key()
            data["_ck_history"] = (data.get("_ck_history") or [])[-49:] + [[ck, sorted(touched)]]
            db.execute(
                "UPDATE items SET folder=?, change_key=?, sent=?, received=?, modified=?, subject=?, imid=?, size=?, "
                "data=? WHERE key=?",
                (folder or row[0], ck, data.get("DateTimeSent"), data.get("DateTimeReceived"),
                 data["LastModifiedTime"], data.get("Subject"), data.get("InternetMessageId"),
                 int(data.get("Size") or 0), json.dumps(data), key),
            )
        return ck

    def set_mime(self, key: str, mime: bytes | None):
        with self.tx() as db:
            db.execute("UPDATE items SET mime=? WHERE key=?", (mime, key))

    def mime(self, key: str) -> bytes | None:
        with self._lock:
            row = self.db.execute("SELECT mime FROM items WHERE key=?", (key,)).fetchone()
        return bytes(row[0]) if row and row[0] is not None else None

    def delete(self, key: str):
        with self.tx() as db:
            db.execute("DELETE FROM items WHERE key=?", (key,))
            db.execute("DELETE FROM attachments WHERE item_key=?", (key,))

    def count(self, mailbox: str, folder: str) -> tuple[int, int]:
        """(total, unread) in a folder."""
        with self._lock:
            total = self.db.execute(
                "SELECT COUNT(*) FROM items WHERE mailbox=? AND folder=?", (mailbox.lower(), folder)
            ).fetchone()[0]
            unread = self.db.execute(
                "SELECT COUNT(*) FROM items WHERE mailbox=? AND folder=? AND json_extract(data, '$.IsRead') = 0",
                (mailbox.lower(), folder),
            ).fetchone()[0]
        return total, unread

    def folder_size(self, mailbox: str, folder: str) -> int:
        """The items' sizes added up (a folder's PR_MESSAGE_SIZE)."""
        with self._lock:
            return self.db.execute("SELECT COALESCE(SUM(size), 0) FROM items WHERE mailbox=? AND folder=?",
                                   (mailbox.lower(), folder)).fetchone()[0]

    def page(self, mailbox: str, folder: str, order: list[tuple[str, bool]], offset: int, limit: int | None):
        """(total, items) for one page of a folder, sorted in SQL by ``order`` ([(column in SORTABLE,
        descending)]; newest first when empty), indexed on folder + sort column."""
        cols = [(col, desc) for col, desc in order if col in SORTABLE] or [("created", True)]
        last_desc = cols[-1][1]
        order_sql = ", ".join(f"{c} {'DESC' if d else 'ASC'}" for c, d in cols)
        order_sql += f", rowid {'DESC' if last_desc else 'ASC'}"
        with self._lock:
            total = self.db.execute(
                "SELECT COUNT(*) FROM items WHERE mailbox=? AND folder=?", (mailbox.lower(), folder)
            ).fetchone()[0]
            rows = self.db.execute(
                f"SELECT {ITEM_COLS} FROM items WHERE mailbox=? AND folder=? ORDER BY {order_sql} LIMIT ? OFFSET ?",
                (mailbox.lower(), folder, sql_number(-1 if limit is None else limit), sql_number(max(offset, 0))),
            ).fetchall()
        return total, [_row_to_item(r) for r in rows]

    def query(self, mailbox: str, folders: list[str], where: str, args: list, order_sql: str, offset: int,
              limit: int) -> tuple[int, list[dict]]:
        """(how many match, the page): items of some folders matching ``where`` (SQL over the items table's
        columns and ``json_extract(data, ...)``, with ``args``), sorted by ``order_sql``, ``limit`` from
        ``offset``. The caller builds ``where`` and ``order_sql`` from its own parsed query, never from text."""
        scope = f"mailbox=? AND folder IN ({','.join('?' * len(folders))})"
        base = [mailbox.lower(), *folders]
        with self._lock:
            args = [*map(sql_number, args)]
            total = self.db.execute(f"SELECT COUNT(*) FROM items WHERE {scope} AND ({where})",
                                    [*base, *args]).fetchone()[0]
            rows = self.db.execute(
                f"SELECT {ITEM_COLS} FROM items WHERE {scope} AND ({where}) ORDER BY {order_sql}, rowid DESC "
                "LIMIT ? OFFSET ?", [*base, *args, sql_number(limit), sql_number(max(offset, 0))]).fetchall()
        return total, [_row_to_item(r) for r in rows]

    def matching_rowids(self, mailbox: str, folder: str, where: str, args: list, order_sql: str,
                        order_args: list, functions: dict) -> list[int]:
        """The rowids of a folder's items matching ``where``, in ``order_sql`` order (one pass: their count is
        the total), with ``functions`` ({SQL name: callable}) registered for the compiled SQL to call."""
        with self._lock:
            for name, (n_args, fn) in functions.items():
                self.db.create_function(name, n_args, fn, deterministic=True)
            return [r[0] for r in self.db.execute(
                f"SELECT items.rowid FROM items WHERE mailbox=? AND folder=? AND {where} ORDER BY {order_sql}",
                [mailbox.lower(), folder, *map(sql_number, args), *map(sql_number, order_args)])]

    def rows_by_rowid(self, rowids: list[int]) -> list[dict]:
        """The items of ``rowids``, in that order."""
        if not rowids:
            return []
        with self._lock:
            rows = self.db.execute(f"SELECT rowid, {ITEM_COLS} FROM items WHERE rowid IN "
                                   f"({','.join('?' * len(rowids))})", rowids).fetchall()
        by_rowid = {r[0]: r[1:] for r in rows}
        return [_row_to_item(by_rowid[i]) for i in rowids if i in by_rowid]

    def all_in(self, mailbox: str, folder: str | None = None, equal: dict | None = None) -> list[dict]:
        """Items of a mailbox (or one folder), oldest first; ``equal`` = {column: value} pre-filters in SQL."""
        where, args = ["mailbox=?"], [mailbox.lower()]
        if folder is not None:
            where.append("folder=?")
            args.append(folder)
        for col, value in (equal or {}).items():
            if col in EQUAL_COLUMNS:
                where.append(f"{col}=?")
                args.append(value)
        with self._lock:
            rows = self.db.execute(
                f"SELECT {ITEM_COLS} FROM items WHERE {' AND '.join(where)} ORDER BY created, rowid", args
            ).fetchall()
        return [_row_to_item(r) for r in rows]

    # ---------------- attachments ----------------
    def attachments(self, item_key: str, content: bool = False) -> list[dict]:
        cols = ATT_COLS + ", content" if content else ATT_COLS
        with self._lock:
            rows = self.db.execute(
                f"SELECT {cols} FROM attachments WHERE item_key=? ORDER BY ord", (item_key,)
            ).fetchall()
        return [self._att(r) for r in rows]

    @staticmethod
    def _att(r) -> dict:
        a = dict(zip(("key", "item_key", "ord", "name", "content_type", "content_id", "is_inline", "modified",
                      "size", "kind"), r[:10]))
        a["is_inline"] = bool(a["is_inline"])
        a["kind"] = a["kind"] or "FileAttachment"
        if len(r) > 10:
            a["content"] = bytes(r[10])
        return a

    def attachment(self, att_key: str) -> dict | None:
        with self._lock:
            r = self.db.execute(f"SELECT {ATT_COLS}, content FROM attachments WHERE key=?", (att_key,)).fetchone()
        return self._att(r) if r else None

    def add_attachment(self, item_key: str, att: dict) -> str:
        key = keys.new_uuid()
        with self.tx() as db:
            n = db.execute("SELECT COALESCE(MAX(ord), -1) + 1 FROM attachments WHERE item_key=?",
                           (item_key,)).fetchone()[0]
            db.execute(
                "INSERT INTO attachments (key, item_key, ord, name, content_type, content_id, is_inline, modified, "
                "content, kind) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (key, item_key, n, att.get("name"), att.get("content_type"), att.get("content_id"),
                 int(bool(att.get("is_inline"))), att.get("modified"), att.get("content") or b"",
                 ITEM_ATTACHMENT if att.get("kind") == ITEM_ATTACHMENT else None),
            )
        return key

    def delete_attachment(self, att_key: str):
        with self.tx() as db:
            db.execute("DELETE FROM attachments WHERE key=?", (att_key,))

    # ---------------- relay ----------------
    # ---------------- what each mailbox sent (core/limits.py) ----------------
    def log_send(self, mailbox: str, at: str, rcpts: int) -> None:
        with self._lock:
            self.db.execute("INSERT INTO sendlog(mailbox, at, rcpts) VALUES (?, ?, ?)",
                            (mailbox.lower(), at, int(rcpts)))

    def sent_recipients_since(self, mailbox: str, since: str) -> int:
        with self._lock:
            (n,) = self.db.execute("SELECT COALESCE(SUM(rcpts), 0) FROM sendlog WHERE mailbox=? AND at>?",
                                   (mailbox.lower(), since)).fetchone()
        return int(n)

    def send_times_since(self, mailbox: str, since: str) -> list[str]:
        with self._lock:
            rows = self.db.execute("SELECT at FROM sendlog WHERE mailbox=? AND at>? ORDER BY at",
                                   (mailbox.lower(), since)).fetchall()
        return [r[0] for r in rows]

    def add_relay(self, mail_from: str, rcpts: list[str], raw: bytes) -> int:
        with self.tx() as db:
            cur = db.execute("INSERT INTO relay (mail_from, rcpts, raw) VALUES (?,?,?)",
                             (mail_from, json.dumps(rcpts), raw))
            return cur.lastrowid

    def relay_rows(self) -> list[tuple]:
        with self._lock:
            return self.db.execute("SELECT seq, mail_from, rcpts, raw, delivered FROM relay ORDER BY seq").fetchall()

    def mark_relayed(self, seq: int):
        with self.tx() as db:
            db.execute("UPDATE relay SET delivered=1 WHERE seq=?", (seq,))
