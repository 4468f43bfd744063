"""Response objects in CreateItem: t:ReplyToItem, t:ReplyAllToItem, t:ForwardItem -> a new message (parsed here;
composed by the protocol-neutral core/responses.py, which Graph's createReply* and createForward share)."""

from __future__ import annotations

from ..core.responses import KINDS
from .itemxml import BY_NAME, parse_value
from .soap import T_NS, local, ns, schema_error, t

RESPONSE_OBJECTS = KINDS
_ORDER = ["Subject", "Body", "ToRecipients", "CcRecipients", "BccRecipients", "IsReadReceiptRequested",
          "IsDeliveryReceiptRequested", "From", "ReferenceItemId", "NewBodyContent"]


def parse_response_object(el) -> tuple[str, dict, object, dict | None]:
    """-> (kind, fields, ReferenceItemId element, NewBodyContent or None). Schema problems fault."""
    kind, fields, ref, new_body = local(el), {}, None, None
    last = -1
    for c in el:
        name = local(c)
        if ns(c) != T_NS or name not in _ORDER or _ORDER.index(name) <= last:
            raise schema_error(f"The element '{kind}' has invalid child element '{name}'.")
        last = _ORDER.index(name)
        if name == "ReferenceItemId":
            c.tag = t("ItemId")
            ref = c
        elif name == "NewBodyContent":
            new_body = parse_value(name, "body", c)
        else:
            fields[name] = parse_value(name, BY_NAME[name][2], c)
    if ref is None:
        raise schema_error(f"The element '{kind}' needs a ReferenceItemId.")
    return kind, fields, ref, new_body
