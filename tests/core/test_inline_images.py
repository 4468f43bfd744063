"""Which inline pictures a message holds (app/domain/inline_images.py): those its HTML body names by
``cid:``; one the body no longer shows is dropped (no orphan inline attachment on the server)."""

from __future__ import annotations

import base64

from app.domain import inline_images as inline
from app.domain.models import Attachment


def _pic(cid: str) -> Attachment:
    return Attachment(f"{cid}.png", b"\x89PNG", "image/png", content_id=cid, is_inline=True)


def test_only_the_pictures_the_body_names_are_kept_in_their_order():
    html = ('<p><img src="cid:b@x" /> <IMG SRC=\'cid:a@x\'> <img src=cid:c%40x> <img src="file:///tmp/d.png"></p>'
            '<p>cid:e@x is text, not a picture</p>')
    pics = [_pic("a@x"), _pic("b@x"), _pic("c@x"), _pic("d@x"), _pic("e@x"), _pic("a@x")]
    assert [a.content_id for a in inline.referenced(html, pics)] == ["a@x", "b@x", "c@x"]
    assert inline.referenced("<p>no pictures</p>", pics) == []


def test_split_keeps_files_apart_from_pictures_and_ids_are_unique():
    plain = Attachment("a.pdf", b"%PDF")
    named_only = Attachment("b.png", b"x", content_id="b@x")  # a Content-ID but not inline: a listed file
    files, pics = inline.split([plain, _pic("p@x"), named_only])
    assert files == [plain, named_only] and [p.content_id for p in pics] == ["p@x"]
    ids = {inline.new_content_id() for _ in range(100)}
    assert len(ids) == 100 and all(i.endswith("@dispatch") and "<" not in i for i in ids)


def test_a_signatures_data_picture_becomes_an_inline_attachment_named_by_cid():
    png = b"\x89PNG\r\n\x1a\n-signature-logo"
    b64 = base64.b64encode(png).decode()
    html = (f'<p>Alice</p><p><img src="data:image/png;base64,{b64[:10]}\n{b64[10:]}" width="40" /> '
            f"<img src='data:image/png;base64,{b64}'> <img src=\"data:image/png;base64,!!not base64!!\"></p>")
    out, pics = inline.data_pictures(html, lambda att: "logo@sig" if att.content == png else "other@sig")
    assert [(p.content_id, p.content, p.content_type, p.is_inline) for p in pics] == [
        ("logo@sig", png, "image/png", True)]
    assert pics[0].name.startswith("signature-") and pics[0].name.endswith(".png")
    assert out.count('src="cid:logo@sig"') == 2 and "base64,!!not base64!!" in out
    assert inline.cid_refs(out) == {"logo@sig"} and inline.data_pictures("<p>no picture</p>", str) == (
        "<p>no picture</p>", [])
