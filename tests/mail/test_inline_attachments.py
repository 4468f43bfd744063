"""Inline images (an HTML body's ``cid:`` pictures, e.g. from an opened .eml file) stay inline, with their
Content-ID, through a save and a read on every_backend backends: in the first save, in a later one, and above
Graph's 3 MB inline limit (its upload session)."""

from __future__ import annotations

import os

from app.domain.models import Attachment, BodyFormat, Folder
from tests.helpers.backends import ALICE, BOB, every_backend, settle
from tests.helpers.drafts import simple_draft


def _inline(name: str, cid: str, size: int) -> Attachment:
    return Attachment(name, b"\x89PNG\r\n\x1a\n" + os.urandom(size), "image/png", content_id=cid, is_inline=True)


@every_backend
def test_inline_images_keep_their_content_id_through_save_and_read(svc, sandbox):
    svc.connect()
    body = '<p>chart: <img src="cid:chart@x"></p><p><img src="cid:big@x"></p><p><img src="cid:later@x"></p>'
    draft = simple_draft("inline", body_format=BodyFormat.HTML).copy(
        body=body, attachments=[Attachment("plain.txt", b"a file", "text/plain"), _inline("chart.png", "chart@x", 500),
                                _inline("big.png", "big@x", 3_500_000)])
    saved = svc.save_draft(draft)
    saved = svc.save_draft(saved.copy(attachments=[*saved.attachments, _inline("later.png", "later@x", 100)]))
    back = svc.get_message(saved.ref)
    got = {a.name: (a.is_inline, a.content_id, a.content) for a in back.attachments}
    want = {a.name: (a.is_inline, a.content_id, a.content) for a in saved.attachments}
    assert got == want and got["plain.txt"][:2] == (False, "")
    server = {a["name"]: (a["is_inline"], a["content_id"]) for a in sandbox.mailbox(ALICE).items("drafts")[0]["attachments"]}
    assert server == {"plain.txt": (False, None), "chart.png": (True, "chart@x"), "big.png": (True, "big@x"),
                      "later.png": (True, "later@x")}


def _server_inline(item: dict) -> dict:
    return {a["name"]: (a["is_inline"], a["content_id"], a["content"]) for a in item["attachments"]}


@every_backend
def test_an_inline_image_saved_reopened_and_sent_reaches_the_recipient_inline(svc, sandbox):
    """Compose's picture (issue 49): saved, reopened, saved again, sent; the recipient's copy holds it as an
    inline attachment with the same Content-ID, and its body still names it."""
    svc.connect()
    pic = _inline("photo.png", "0f3c9d2e@dispatch", 2000)
    body = '<p>Our stand:</p><p><img src="cid:0f3c9d2e@dispatch" /></p>'
    draft = simple_draft("with a picture", body_format=BodyFormat.HTML).copy(body=body, attachments=[pic])
    saved = svc.save_draft(draft)
    back = svc.get_message(saved.ref)
    assert [(a.is_inline, a.content_id, a.content) for a in back.attachments] == [(True, pic.content_id, pic.content)]
    assert "cid:0f3c9d2e@dispatch" in back.body
    again = svc.save_draft(back.copy(subject="with a picture, reopened"))
    out = svc.send_drafts([again.ref])
    assert out[0].ok, out
    settle(sandbox)
    inbox = sandbox.mailbox(BOB).items("inbox")
    assert [i["subject"] for i in inbox] == ["with a picture, reopened"]
    assert _server_inline(inbox[0]) == {"photo.png": (True, "0f3c9d2e@dispatch", pic.content)}
    assert 'src="cid:0f3c9d2e@dispatch"' in inbox[0]["body"]
    sent = svc.list_messages(Folder.SENT, 0, 10).items
    copy = svc.get_message(sent[0].ref)
    assert [(a.is_inline, a.content_id) for a in copy.attachments] == [(True, "0f3c9d2e@dispatch")]
