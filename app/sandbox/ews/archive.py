"""ArchiveItem on a mailbox without an archive mailbox, as Exchange answers it.

"An archive mailbox must be enabled in order for this operation to work"; for "a valid request to archive an item
when an archive mailbox is not enabled for a user" Microsoft's ArchiveItem operation page shows the error
response: ResponseClass Error, ResponseCode ErrorInvalidOperation, MessageText "Archive mailbox is not enabled
for this user.", an empty m:Items
(https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/archiveitem-operation).
No sandbox mailbox has an archive (its distinguished folders, archiveroot and the others, are ErrorFolderNotFound:
folders.py), so every item of the request gets that answer, in its own response message, in order; nothing moves.
ResponseCodeType also lists ErrorArchiveMailboxNotEnabled, but the operation's own page shows ErrorInvalidOperation
for this case."""

from __future__ import annotations

from ..core.session import Ctx
from .soap import m, required_children, response_message, response_root, schema_error, sub

OP = "ArchiveItem"
NOT_ENABLED = "Archive mailbox is not enabled for this user."


def op_archive_item(ctx: Ctx, req):
    source = req.find(m("ArchiveSourceFolderId"))
    if source is None or len(source) != 1:
        raise schema_error(f"The element '{OP}' has incomplete content: 'ArchiveSourceFolderId' expected.")
    resp = response_root(OP)
    msgs = sub(resp, m("ResponseMessages"))
    for _ in required_children(req, "ItemIds"):
        sub(response_message(msgs, OP, "ErrorInvalidOperation", NOT_ENABLED), m("Items"))
    return resp
