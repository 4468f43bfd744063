"""MarkAsJunk (Exchange 2013+, MS-OXWSCORE 3.1.4.6): IsJunk true moves the item to Junk Email, false back to
the Inbox, when MoveItem is true; the moved item has a new id (m:MovedItemId). The blocked senders list it
would also change is not kept by the sandbox (EWS cannot read it either)."""

from __future__ import annotations

from ..core import ids, items
from ..core.errors import MailboxError
from ..core.session import Ctx
from .items import load_item
from .soap import error_message, m, parse_bool, required_children, response_message, response_root, sub

OP = "MarkAsJunk"


def op_mark_as_junk(ctx: Ctx, req):
    is_junk = parse_bool(req.get("IsJunk"), "IsJunk")
    move = parse_bool(req.get("MoveItem"), "MoveItem")
    resp = response_root(OP)
    msgs = sub(resp, m("ResponseMessages"))
    for el in required_children(req, "ItemIds"):
        try:
            item = load_item(ctx, el)
        except MailboxError as e:
            error_message(msgs, OP, e)
            continue
        to = "junkemail" if is_junk else "inbox"
        rm = response_message(msgs, OP)
        if move and item["folder"] != to:
            row = items.move(ctx, item, (item["mailbox"], to))
            sub(rm, m("MovedItemId"), Id=ids.item_id(row["key"]), ChangeKey=row["change_key"])
        elif move:  # already there: the same item
            sub(rm, m("MovedItemId"), Id=ids.item_id(item["key"]), ChangeKey=item["change_key"])
    return resp
