"""A folder's t:PermissionSet on the wire (types.xsd PermissionSetType): parsed from UpdateFolder's
SetFolderField / AppendToFolderField, rendered in GetFolder / FindFolder when folder:PermissionSet is asked for
(not by AllProperties, since Exchange 2013), as Microsoft's "How to: Set folder permissions for another user by
using EWS in Exchange" uses them. The rules (levels, who may do what) are core/folder_rights.py.

Errors: a user twice is ErrorDuplicateUserIdsSpecified (folder_rights.check_unique); a t:Permission without
PrimarySmtpAddress or DistinguishedUser is ErrorMissingUserIdInformation; an address the directory does not
know is ErrorInvalidUserInfo (Microsoft does not document which code UpdateFolder gives for it: the
ResponseCodeType value closest to the case); a calendar folder (CalendarPermissionSetType, not kept by the
sandbox) is ErrorCannotSetNonCalendarPermissionOnCalendarFolder; UnknownEntries (SIDs Exchange could not
resolve) cannot be set: ErrorCannotSetPermissionUnknownEntries.
"""

from __future__ import annotations

from ..core import folder_rights
from ..core.errors import MailboxError
from ..core.session import Ctx
from .soap import check_enum, local, parse_bool, schema_error, sub, t, xbool


def parse_permission_set(ctx: Ctx, el) -> list[dict]:
    """t:PermissionSet -> permission entries. Raises SoapFault / MailboxError."""
    kids = list(el)
    if not kids or local(kids[0]) != "Permissions":
        raise schema_error("The element 'PermissionSet' has incomplete content: 'Permissions' expected.")
    if len(kids) > 1 and len(kids[1]):
        raise MailboxError("ErrorCannotSetPermissionUnknownEntries", "Unknown entries cannot be set.")
    return folder_rights.check_unique([_permission(ctx, p) for p in kids[0]])


def _permission(ctx: Ctx, el) -> dict:
    if local(el) != "Permission":
        raise schema_error(f"The element 'Permissions' has invalid child element '{local(el)}'.")
    user, distinguished = _user_id(ctx, el.find(t("UserId")))
    flags = {}
    for f in folder_rights.BOOLEANS:
        if el.find(t(f)) is not None:
            flags[f] = parse_bool(el.findtext(t(f)), f)
    for f, allowed in (("EditItems", folder_rights.ACTIONS), ("DeleteItems", folder_rights.ACTIONS),
                       ("ReadItems", folder_rights.READ)):
        if el.find(t(f)) is not None:
            flags[f] = check_enum((el.findtext(t(f)) or "").strip(), allowed, f)
    level = check_enum((el.findtext(t("PermissionLevel")) or "").strip(),
                       (*folder_rights.LEVELS, "Custom"), "PermissionLevel")
    return folder_rights.entry(user, distinguished, level, flags)


def _user_id(ctx: Ctx, el) -> tuple[str | None, str | None]:
    if el is None:
        raise schema_error("The element 'Permission' has incomplete content: 'UserId' expected.")
    distinguished = (el.findtext(t("DistinguishedUser")) or "").strip()
    if distinguished:
        return None, check_enum(distinguished, ("Default", "Anonymous"), "DistinguishedUser")
    address = (el.findtext(t("PrimarySmtpAddress")) or "").strip()
    if not address:
        raise MailboxError("ErrorMissingUserIdInformation", "The UserId needs a PrimarySmtpAddress.")
    if ctx.sandbox.user_by_email(address) is None:
        raise MailboxError("ErrorInvalidUserInfo", "The user in the UserId could not be found.")
    return address.lower(), None


def render_permission_set(ctx: Ctx, parent, perms: list[dict] | None):
    """t:PermissionSet with every entry (the defaults, Default and Anonymous with None, when none were set)."""
    box = sub(sub(parent, t("PermissionSet")), t("Permissions"))
    for e in perms or folder_rights.DEFAULT:
        p = sub(box, t("Permission"))
        uid = sub(p, t("UserId"))
        if e.get("distinguished"):
            sub(uid, t("DistinguishedUser"), e["distinguished"])
        else:
            sub(uid, t("PrimarySmtpAddress"), e["user"])
            user = ctx.sandbox.user_by_email(e["user"])
            if user and user.get("name"):
                sub(uid, t("DisplayName"), user["name"])
        for f in folder_rights.BOOLEANS:
            sub(p, t(f), xbool(e[f]))
        for f in ("EditItems", "DeleteItems", "ReadItems"):
            sub(p, t(f), e[f])
        sub(p, t("PermissionLevel"), e["level"])
    return box
