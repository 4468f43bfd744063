"""ResolveNames and ExpandDL over the sandbox's directory (core/directory.py), as Microsoft documents them
(learn.microsoft.com/exchange/client-developer/web-service-reference/resolvenames-operation, expanddl-operation).

ResolveNames: ``SearchScope`` ActiveDirectory (the organisation: users of every kind and groups),
Contacts (the signed-in user's own contacts), ActiveDirectoryContacts (the default: both, the directory
first) or ContactsActiveDirectory (both, the contacts first). One match: Success; several:
ErrorNameResolutionMultipleResults as a Warning with the first 100 candidates (TotalItemsInView: all of them);
none: ErrorNameResolutionNoResults. ``ReturnFullContactData`` adds each candidate's contact data (display name,
names, company, address, phones, department, title, office). A group resolves as a PublicDL mailbox.

ExpandDL: a group's members, one level (a nested group is a PublicDL mailbox, never expanded); an address
that is not a group: ErrorNameResolutionNoResults, as Exchange answers it."""

from __future__ import annotations

from ..core import directory
from ..core.session import Ctx
from .soap import check_enum, m, parse_bool, response_message, response_root, schema_error, sub, t, xbool

NO_RESULTS = "No results were found."
MULTIPLE = "Multiple results were found."
MAX_CANDIDATES = 100
SCOPES = ("ActiveDirectory", "ActiveDirectoryContacts", "Contacts", "ContactsActiveDirectory")
MAILBOX_TYPE = {"group": "PublicDL", "contact": "Contact", "external": "OneOff"}
PHONES = (("phone", "BusinessPhone"), ("mobile", "MobilePhone"))


def render_mailbox(parent, e: dict, tag: str = "Mailbox"):
    mb = sub(parent, t(tag))
    sub(mb, t("Name"), e.get("name") or e["email"])
    sub(mb, t("EmailAddress"), e["email"])
    sub(mb, t("RoutingType"), "SMTP")
    sub(mb, t("MailboxType"), MAILBOX_TYPE.get(e.get("kind"), "Mailbox"))
    return mb


def _render_contact(parent, e: dict):
    """t:Contact in ContactItemType's schema order."""
    c = sub(parent, t("Contact"))
    name = e.get("name") or e["email"]
    words = name.split()
    group = directory.is_group(e)
    sub(c, t("DisplayName"), name)
    if not group and words:
        sub(c, t("GivenName"), words[0])
    if e.get("company"):
        sub(c, t("CompanyName"), e["company"])
    emails = sub(c, t("EmailAddresses"))
    sub(emails, t("Entry"), "SMTP:" + e["email"], Key="EmailAddress1")
    phones = [(key, e[f]) for f, key in PHONES if e.get(f)]
    if phones:
        box = sub(c, t("PhoneNumbers"))
        for key, number in phones:
            sub(box, t("Entry"), number, Key=key)
    sub(c, t("ContactSource"), "Store" if e.get("kind") == "contact" else "ActiveDirectory")
    for field, tag in (("department", "Department"), ("title", "JobTitle"), ("office", "OfficeLocation")):
        if e.get(field):
            sub(c, t(tag), e[field])
    if not group and len(words) > 1:
        sub(c, t("Surname"), words[-1])


def candidates(ctx: Ctx, query: str, scope: str) -> list[dict]:
    sb = ctx.sandbox
    found = {"ActiveDirectory": lambda: directory.search(sb.users, sb.groups, query),
             "Contacts": lambda: sorted(directory.match_users(ctx.user.get("contacts") or [], query),
                                        key=directory.sort_key)}
    order = {"ActiveDirectory": ["ActiveDirectory"], "Contacts": ["Contacts"],
             "ActiveDirectoryContacts": ["ActiveDirectory", "Contacts"],
             "ContactsActiveDirectory": ["Contacts", "ActiveDirectory"]}[scope]
    return [e for part in order for e in found[part]()]


def op_resolve_names(ctx: Ctx, req):
    full = parse_bool(req.get("ReturnFullContactData"), "ReturnFullContactData")
    scope = check_enum(req.get("SearchScope", "ActiveDirectoryContacts"), SCOPES, "SearchScope")
    entry = req.find(m("UnresolvedEntry"))
    if entry is None:
        raise schema_error("The element 'ResolveNames' has incomplete content: 'UnresolvedEntry' expected.")
    found = candidates(ctx, entry.text or "", scope)
    resp = response_root("ResolveNames")
    msgs = sub(resp, m("ResponseMessages"))
    if not found:
        response_message(msgs, "ResolveNames", "ErrorNameResolutionNoResults", NO_RESULTS)
        return resp
    if len(found) == 1:
        rm = response_message(msgs, "ResolveNames")
    else:
        rm = response_message(msgs, "ResolveNames", "ErrorNameResolutionMultipleResults", MULTIPLE, klass="Warning")
    shown = found[:MAX_CANDIDATES]
    rs = sub(rm, m("ResolutionSet"), TotalItemsInView=str(len(found)),
             IncludesLastItemInRange=xbool(len(shown) == len(found)))
    for e in shown:
        res = sub(rs, t("Resolution"))
        render_mailbox(res, e)
        if full:
            _render_contact(res, e)
    return resp


def op_expand_dl(ctx: Ctx, req):
    box = req.find(m("Mailbox"))
    address = box.findtext(t("EmailAddress")) if box is not None else None
    if not address:
        raise schema_error("The element 'ExpandDL' has incomplete content: 'Mailbox' with 'EmailAddress' expected.")
    sb = ctx.sandbox
    group = sb.group_by_email(address)
    resp = response_root("ExpandDL")
    msgs = sub(resp, m("ResponseMessages"))
    if group is None:
        response_message(msgs, "ExpandDL", "ErrorNameResolutionNoResults", NO_RESULTS)
        return resp
    members = directory.members(group, sb.users, sb.groups)
    rm = response_message(msgs, "ExpandDL")
    dl = sub(rm, m("DLExpansion"), TotalItemsInView=str(len(members)), IncludesLastItemInRange="true")
    for e in members:
        render_mailbox(dl, e)
    return resp
