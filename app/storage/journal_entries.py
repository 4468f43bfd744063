"""What a journal entry is (:class:`State`, :class:`Entry`) and how one is read from its row."""

from __future__ import annotations

import enum
import json
import sqlite3
from dataclasses import dataclass, field

from app.domain.models import Attachment, Draft
from app.storage import body_blob
from app.storage.draft_codec import draft_from_json as _draft_from_json
from app.storage.draft_codec import file_sha256 as _file_sha256


class State(str, enum.Enum):
    """States of entries that are not submissions (those store :class:`app.core.outbox.submission.SubState`)."""

    EDITING = "editing"
    SAVING = "saving"
    OUTBOX_WAITING = "outbox_waiting"  # a save queued until the server is reached


_STATE_VALUES = frozenset(s.value for s in State)
# journals written by earlier versions: an entry "sending" was a send in flight (now "submitting")
_LEGACY_STATES = {"sending": "submitting"}


@dataclass
class Entry:
    """One journalled message. ``version`` grows with every :meth:`Journal.record`."""

    draft: Draft
    state: str  # a State, or for op "send" a submission state
    version: int
    op: str = ""  # what the outbox owes the server: "" | "save" | "send"
    attempts: int = 0
    last_error: str = ""
    updated: float = 0.0
    missing_attachments: list[str] = field(default_factory=list)
    account: str = ""
    meta: dict = field(default_factory=dict)

    @property
    def local_id(self) -> str:
        return self.draft.local_id


# the draft's JSON without its body, and the body as text: SQLite takes a 10 MB body out of the JSON
# (no GIL held), where ``json.loads`` of the whole held the GIL ~40 ms. A row whose JSON is
# damaged comes back whole, to be set aside by ``Journal._read_or_quarantine``, and so does one holding an
# escaped NUL (SQLite's ``json_extract`` would end the text there): Python reads those.
_SPLIT = "json_valid(draft) AND instr(draft, '\\u0000') = 0"


def _columns(body: str, pieces: str) -> str:
    return ("local_id, state, version, op, attempts, last_error, updated, "
            f"CASE WHEN {_SPLIT} THEN json_remove(draft, '$.body') ELSE draft END, {body}, account, meta, {pieces}")


# the body: a long one's rows (the ``pieces`` column, app/storage/body_blob.py: read by entry_from_row) or,
# written before the pieces, its own column (UTF-8 bytes), else out of the JSON
ENTRY_COLUMNS = _columns(f"CASE WHEN body IS NOT NULL THEN CAST(body AS BLOB) WHEN {_SPLIT} THEN json_extract(draft, '$.body') END",
                         "pieces")
# the same without the body (``Journal.get(known_body=)``: the caller holds it): a damaged row still comes
# back whole
HEAD_COLUMNS = _columns("NULL", "NULL")
# where the ``pieces`` column is in a row of either
PIECES_AT = 11


def entry_from_row(db: sqlite3.Connection, row) -> Entry:
    """One row of ``SELECT {ENTRY_COLUMNS} FROM entries`` as an Entry (attachments read through ``db``).
    Raises on a row that cannot be read."""
    local_id, state, version, op, attempts, last_error, updated, text, body, account, meta, pieces = row
    body = _body_text(db, local_id, body, pieces)
    atts, missing = _attachments(db, local_id)
    state = _LEGACY_STATES.get(state, state)
    if op == "send" and state == State.OUTBOX_WAITING:  # an older journal's queued send
        state = "queued"
    meta_d = json.loads(meta or "{}")
    if not isinstance(meta_d, dict):
        raise ValueError("meta is not an object")
    return Entry(
        draft=_draft_from_json(local_id, text, atts, body=body),
        state=State(state) if state in _STATE_VALUES else str(state),
        version=int(version),
        op=op,
        attempts=attempts,
        last_error=last_error,
        updated=updated,
        missing_attachments=missing,
        account=account or "",
        meta=meta_d,
    )


def _body_text(db: sqlite3.Connection, local_id: str, body, pieces) -> str | None:
    """The body as text: from its pieces, its own column or the JSON (None: it is in the JSON's draft)."""
    if pieces is not None:  # a long body, in pieces
        body = body_blob.read(db, local_id, pieces)
    elif isinstance(body, bytes):  # a long body's own column (a damaged one: the row is set aside)
        body = body.decode("utf-8")
    if body is not None and not isinstance(body, str):
        raise ValueError("the body is not text")
    return body


def _attachments(db: sqlite3.Connection, local_id: str) -> tuple[list[Attachment], list[str]]:
    """The entry's attachments, and the names of those whose content is gone (its blob, or its file changed)."""
    atts, missing = [], []
    for name, ctype, sha, size, inline, src, att_id in db.execute(
        "SELECT name, content_type, sha256, size, inline, source_path, attachment_id "
        "FROM attachments WHERE local_id=? ORDER BY idx",
        (local_id,),
    ):
        content = b""
        if inline:
            blob = db.execute("SELECT data FROM blobs WHERE sha256=?", (sha,)).fetchone()
            content = bytes(blob[0]) if blob else b""
            if not blob:
                missing.append(name)
        else:
            got = _file_sha256(src) if src else None
            if not got or (sha and got[0] != sha):
                missing.append(name)
        atts.append(
            Attachment(name=name, content=content, content_type=ctype, source_path=src, attachment_id=att_id, size=size)
        )
    return atts, missing
