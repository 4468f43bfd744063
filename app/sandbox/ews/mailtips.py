"""GetMailTips over the sandbox's directory (core/directory.mail_tips), as Microsoft documents it
(learn.microsoft.com/exchange/client-developer/web-service-reference/getmailtips-operation, mailtips,
mailtipsrequested): for each recipient of ``Recipients``, a MailTipsResponseMessageType with the tips asked for
in ``MailTipsRequested`` (a list of MailTipTypes; ``All`` is every one). The sandbox knows two: TotalMemberCount
("the count of all members in a group", only for a group) and DeliveryRestricted (whether delivery
restrictions will keep the ``SendingAs`` sender's message from the recipient). Every other tip asked for is
left out, as Exchange leaves out a tip that does not apply."""

from __future__ import annotations

from ..core import directory
from ..core.session import Ctx
from .soap import m, response_root, schema_error, sub, t, xbool

TIP_TYPES = ("All", "OutOfOfficeMessage", "MailboxFullStatus", "CustomMailTip", "ExternalMemberCount",
             "TotalMemberCount", "MaxMessageSize", "DeliveryRestriction", "ModerationStatus", "InvalidRecipient",
             "Scope", "RecipientSuggestions")


def _requested(req) -> set[str]:
    asked = set((req.findtext(m("MailTipsRequested")) or "").split())
    if not asked or not asked <= set(TIP_TYPES):
        raise schema_error("The element 'MailTipsRequested' has an invalid value.")
    return set(TIP_TYPES) if "All" in asked else asked


def _message(msgs, code: str = "NoError", text: str | None = None):
    rm = sub(msgs, m("MailTipsResponseMessageType"), ResponseClass="Success" if code == "NoError" else "Error")
    if text is not None:
        sub(rm, m("MessageText"), text)
    sub(rm, m("ResponseCode"), code)
    return rm


def _tips(msgs, ctx: Ctx, address: str, sender: str, asked: set[str]) -> None:
    entry = ctx.sandbox.group_by_email(address)
    tips = directory.mail_tips(entry, sender)
    box = sub(_message(msgs), m("MailTips"))
    ra = sub(box, t("RecipientAddress"))
    if entry is not None:
        sub(ra, t("Name"), entry.get("name") or address)
    sub(ra, t("EmailAddress"), address)
    sub(ra, t("RoutingType"), "SMTP")
    sub(box, t("PendingMailTips"), "")
    if "TotalMemberCount" in asked and tips["total_member_count"] is not None:
        sub(box, t("TotalMemberCount"), str(tips["total_member_count"]))
    if "DeliveryRestriction" in asked:
        sub(box, t("DeliveryRestricted"), xbool(tips["delivery_restricted"]))


def op_get_mail_tips(ctx: Ctx, req):
    sending, recipients = req.find(m("SendingAs")), req.find(m("Recipients"))
    if sending is None or recipients is None:
        raise schema_error("The element 'GetMailTips' has incomplete content.")
    asked = _requested(req)
    sender = (sending.findtext(t("EmailAddress")) or ctx.user["email"]).strip()
    resp = response_root("GetMailTips")
    resp.set("ResponseClass", "Success")
    sub(resp, m("ResponseCode"), "NoError")
    msgs = sub(resp, m("ResponseMessages"))
    for mb in recipients:
        address = (mb.findtext(t("EmailAddress")) or "").strip()
        if address:
            _tips(msgs, ctx, address, sender, asked)
        else:
            _message(msgs, "ErrorInvalidRecipients", "The recipient has no address.")
    return resp
