"""A draft's file attachments over Graph: which go inline in POST /me/messages, adding one (POST
.../attachments under 3 MB, an upload session from 3 MB), removing one, and listing the server's.

Upload sessions: ``createUploadSession`` answers a pre-authenticated ``uploadUrl`` on another origin; the
bytes go there in pieces of at most 4 MiB with ``Content-Range``, WITHOUT the bearer token (Outlook refuses
a Graph token there). A piece whose answer is lost may or may not have been kept: the session's state
(GET on the URL: ``nextExpectedRanges``) says where to go on. The last piece is answered 201 with the new
attachment's URL in ``Location``.
"""

from __future__ import annotations

import re

from app.domain.models import Attachment, ItemRef
from app.domain.validation import check_upload_url
from app.mail.errors import MalformedResponse, OutcomeUnknown
from app.mail.graph import convert
from app.mail.graph.batch import message_url
from app.mail.graph.http import GraphHttp

# Graph's POST on a message's attachments takes a file under 3 MB; larger ones need an upload session.
INLINE_MAX = 3 * 1024 * 1024
# Attachments (base64) that may travel inside POST /me/messages (Graph refuses a request over 4 MB).
CREATE_BUDGET = 3 * 1024 * 1024
PIECE = 4 * 1024 * 1024
# pieces whose answer was lost, per upload, before the save gives up (outcome unknown: the core re-saves)
MAX_RESUMES = 3
_LOCATION = re.compile(r"attachments\('([^']+)'\)", re.IGNORECASE)
_LIST_SELECT = "id,name,contentType,size,isInline"


def split_for_create(atts: list[Attachment]) -> tuple[list[int], list[int]]:
    """(indexes that go inline in POST /me/messages, indexes added afterwards one by one)."""
    inline, later, budget = [], [], CREATE_BUDGET
    for i, a in enumerate(atts):
        encoded = (len(a.content or b"") + 2) // 3 * 4
        if len(a.content or b"") < INLINE_MAX and encoded <= budget:
            inline.append(i)
            budget -= encoded
        else:
            later.append(i)
    return inline, later


def server_files(http: GraphHttp, ref: ItemRef, *, content: bool = False) -> list[Attachment]:
    """The message's file attachments (item attachments are not the composer's: never listed, never removed)."""
    params = None if content else {"$select": _LIST_SELECT}
    doc = http.call("GET", message_url(ref, "/attachments"), params=params).doc
    out = []
    for d in convert.values(doc):
        if not content and isinstance(d, dict) and "@odata.type" not in d:
            d = {**d, "@odata.type": convert.FILE_TYPE}
        att = convert.attachment_from(d)
        if att is not None:
            out.append(att)
    return out


def add(http: GraphHttp, ref: ItemRef, att: Attachment) -> str:
    """Attach ``att`` to the message; its new attachment id."""
    if len(att.content or b"") < INLINE_MAX:
        doc = http.call("POST", message_url(ref, "/attachments"), json=convert.file_attachment(att)).doc
        if not isinstance(doc, dict) or not isinstance(doc.get("id"), str):
            raise MalformedResponse("The new attachment's answer has no id")
        return doc["id"]
    return upload(http, ref, att)


def remove(http: GraphHttp, ref: ItemRef, attachment_id: str) -> None:
    from urllib.parse import quote

    http.call("DELETE", message_url(ref, f"/attachments/{quote(attachment_id, safe='')}"))


def upload(http: GraphHttp, ref: ItemRef, att: Attachment) -> str:
    data = att.content or b""
    doc = http.call("POST", message_url(ref, "/attachments/createUploadSession"), json=convert.upload_item(att)).doc
    url = doc.get("uploadUrl") if isinstance(doc, dict) else None
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise MalformedResponse("The upload session has no upload URL")
    problem = check_upload_url(url)  # https only, except this computer: checked before any byte
    if problem is not None:
        raise MalformedResponse(problem)
    pos, resumes, total = 0, 0, len(data)
    while True:
        piece = data[pos: pos + PIECE]
        headers = {"Content-Range": f"bytes {pos}-{pos + len(piece) - 1}/{total}",
                   "Content-Type": "application/octet-stream"}
        try:
            reply = http.upload("PUT", url, content=piece, headers=headers)
        except (OutcomeUnknown, MalformedResponse):
            resumes += 1
            if resumes > MAX_RESUMES:
                raise
            pos = _next(http.upload("GET", url).doc, total)  # where the session is (a 404: finished or gone)
            continue
        if reply.status == 201:
            found = _LOCATION.search(reply.headers.get("Location") or "")
            if not found:
                raise MalformedResponse("The finished upload did not say the attachment's id")
            return found.group(1)
        pos = _next(reply.doc, total)


def _next(doc, total: int) -> int:
    ranges = doc.get("nextExpectedRanges") if isinstance(doc, dict) else None
    if not isinstance(ranges, list) or not ranges or not isinstance(ranges[0], str):
        raise MalformedResponse("The upload session did not say which bytes it expects next")
    try:
        start = int(ranges[0].split("-")[0])
    except ValueError:
        raise MalformedResponse(f"Unreadable nextExpectedRanges {ranges[0]!r}") from None
    if not 0 <= start < total:
        raise MalformedResponse(f"The upload session expects byte {start} of {total}")
    return start
