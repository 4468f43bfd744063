"""A Draft as JSON for the journal (attachments are stored separately, by the journal)."""

from __future__ import annotations

import base64
import json
from dataclasses import replace
from datetime import date, datetime, timezone

from app.domain.extras import NO_FLAG, FlagStatus, FollowUpFlag
from app.domain.senders import Principal
from app.domain.models import Attachment, BodyFormat, Draft, Importance, ItemRef, Recipient, Sensitivity


def draft_to_json(d: Draft) -> str:
    return json.dumps({**_fields(d), "body": d.body}, ensure_ascii=False)


def draft_meta_json(d: Draft) -> str:
    """Everything but the body. The journal adds the body inside SQLite (``json_set``), where escaping
    a 10 MB body does not hold Python's GIL (``json.dumps`` of it holds it for 30 ms, and the
    UI thread waits)."""
    return json.dumps(_fields(d), ensure_ascii=False)


def _fields(d: Draft) -> dict:
    return {
        "to": [[r.email, r.name] for r in d.to],
        "cc": [[r.email, r.name] for r in d.cc],
        "bcc": [[r.email, r.name] for r in d.bcc],
        "subject": d.subject,
        "body_format": d.body_format.value,
        "importance": d.importance.value,
        "read_receipt": d.read_receipt,
        "delivery_receipt": d.delivery_receipt,
        "reply_to": [[r.email, r.name] for r in d.reply_to],
        "sensitivity": d.sensitivity.value,
        "categories": list(d.categories),
        "headers": [[n, v] for n, v in d.headers] or None,
        "flag": _flag_json(d.flag),
        "principal": d.principal.to_json() if d.principal else None,
        "in_reply_to": d.in_reply_to or None,
        "references": d.references or None,
        "thread_index": base64.b64encode(d.thread_index).decode("ascii") if d.thread_index else None,
        "thread_topic": d.thread_topic or None,
        "ref": [d.ref.id, d.ref.change_key] if d.ref else None,
        "internet_message_id": d.internet_message_id,
        "modified": d.modified.isoformat() if d.modified else None,
        "send_at": _utc_text(d.send_at),
        # inline images of an HTML body (the journal's attachment rows have no place for them)
        "inline": [[i, a.content_id, a.is_inline] for i, a in enumerate(d.attachments)
                   if a.is_inline or a.content_id] or None,
    }


def _flag_json(f: FollowUpFlag) -> dict | None:
    if f == NO_FLAG:
        return None
    return {"status": f.status.value, "start": f.start.isoformat() if f.start else None,
            "due": f.due.isoformat() if f.due else None}


def _flag_from(j) -> FollowUpFlag:
    """The flag a journal row holds (none in a journal written before flags existed)."""
    if not j:
        return NO_FLAG
    day = lambda k: date.fromisoformat(j[k]) if j.get(k) else None  # noqa: E731
    return FollowUpFlag(FlagStatus(j.get("status", FlagStatus.NOT_FLAGGED.value)), day("start"), day("due"))


def _thread_index(text) -> bytes:
    """The conversation index a journal row holds (b"" when none or unreadable: the server makes one)."""
    try:
        return base64.b64decode(text, validate=True) if isinstance(text, str) else b""
    except ValueError:
        return b""


def draft_from_json(local_id: str, text: str, attachments: list[Attachment], *, body: str | None = None) -> Draft:
    """The Draft in ``text``; ``body``, when given, is its body (the journal reads it apart from the JSON)."""
    j = json.loads(text)
    attachments = list(attachments)
    for i, cid, inline in j.get("inline") or []:
        if isinstance(i, int) and 0 <= i < len(attachments) and isinstance(cid, str):
            attachments[i] = replace(attachments[i], content_id=cid, is_inline=bool(inline))
    rec = lambda key: [Recipient(email=e, name=n) for e, n in j.get(key, [])]  # noqa: E731
    return Draft(
        to=rec("to"),
        cc=rec("cc"),
        bcc=rec("bcc"),
        subject=j.get("subject", ""),
        body=j.get("body", "") if body is None else body,
        body_format=BodyFormat(j.get("body_format", BodyFormat.TEXT.value)),
        importance=Importance(j.get("importance", Importance.NORMAL.value)),
        read_receipt=bool(j.get("read_receipt")),
        delivery_receipt=bool(j.get("delivery_receipt")),
        reply_to=rec("reply_to"),  # the three are absent from a journal written before they existed
        sensitivity=Sensitivity(j.get("sensitivity", Sensitivity.NORMAL.value)),
        categories=[c for c in j.get("categories") or [] if isinstance(c, str)],
        headers=[(n, v) for n, v in j.get("headers") or []],
        flag=_flag_from(j.get("flag")),
        principal=Principal.from_json(j["principal"]) if j.get("principal") else None,
        in_reply_to=j.get("in_reply_to") or "",  # absent from a journal written before replies
        references=j.get("references") or "",
        thread_index=_thread_index(j.get("thread_index")),  # absent before the client computed it
        thread_topic=j.get("thread_topic") or "",
        attachments=attachments,
        ref=ItemRef(*j["ref"]) if j.get("ref") else None,
        internet_message_id=j.get("internet_message_id", ""),
        local_id=local_id,
        modified=datetime.fromisoformat(j["modified"]) if j.get("modified") else None,
        send_at=_utc_from(j.get("send_at")),  # absent from a journal written before Send later on the server
    )


def _utc_text(when: datetime | None) -> str | None:
    """``when`` as ISO 8601 in UTC ("2026-03-02T09:00:00+00:00"); a naive one is taken as UTC."""
    if when is None:
        return None
    return (when.astimezone(timezone.utc) if when.tzinfo else when.replace(tzinfo=timezone.utc)).isoformat()


def _utc_from(text) -> datetime | None:
    """The aware UTC time a journal row holds (None when none or unreadable)."""
    if not isinstance(text, str) or not text:
        return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.astimezone(timezone.utc) if when.tzinfo else when.replace(tzinfo=timezone.utc)


def file_sha256(path: str) -> tuple[str, int] | None:
    import hashlib  # here: a command handing a message to a door encodes it, and never hashes a file

    try:
        h = hashlib.sha256()
        n = 0
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
                n += len(chunk)
        return h.hexdigest(), n
    except OSError:
        return None
