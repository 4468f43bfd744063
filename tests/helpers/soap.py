"""One raw SOAP request to the sandbox's EWS endpoint, in Exchange 2016's envelope; the bodies a run exchanged,
each checked against the XSD."""

from __future__ import annotations

from xml.etree import ElementTree

import requests

SOAP = """<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"
 xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"
 xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
<s:Header><t:RequestServerVersion Version="Exchange2016"/></s:Header>
<s:Body>{body}</s:Body></s:Envelope>"""


def post(sb, body, user="alice@example.com", auth=True, broken=None, stream=False):
    """POST one SOAP request. ``broken``: the wire validator, when this request is schema-invalid on
    purpose (exempts this one body; the answer is still checked). The timeout is generous: the schema check
    of each body runs in the server's thread, and a loaded machine (parallel workers) slows it."""
    u = next(a for a in sb.accounts if a["email"] == user)
    data = SOAP.format(body=body).encode()
    if broken is not None:
        broken.expect_broken(data)
    return requests.post(sb.ews_url, data=data,
                         headers={"Content-Type": "text/xml; charset=utf-8"},
                         auth=(u["username"], u["password"]) if auth else None, timeout=60, stream=stream)


def seen_both_ways(sandbox, wire_validator, run) -> set[str]:
    """Run ``run()`` with every body the sandbox reads and writes kept; each is checked here against the XSD by
    the suite's validator (its own check of the request and of the answer, not only the fixture's at the end).
    Returns the body elements seen (operation and response names)."""
    bodies = []
    sandbox.wire_observer = lambda direction, raw, injected=False: bodies.append((direction, raw))
    run()
    sandbox.wire_observer = None
    names = set()
    for direction, raw in bodies:
        assert wire_validator.problems(direction, raw) == [], raw[:2000]
        body = ElementTree.fromstring(raw).find("{http://schemas.xmlsoap.org/soap/envelope/}Body")
        names.add(body[0].tag.rpartition("}")[2])
    return names


# ---------------- answers and folder permissions ----------------

M = "{http://schemas.microsoft.com/exchange/services/2006/messages}"
T = "{http://schemas.microsoft.com/exchange/services/2006/types}"


def answer(r):
    """The one ResponseMessage of an HTTP 200 answer."""
    assert r.status_code == 200, r.text[:600]
    (msg,) = [el for el in ElementTree.fromstring(r.content).iter() if el.tag.endswith("ResponseMessage")]
    return msg


def response_codes(r) -> list[str]:
    """The ResponseCode of each ResponseMessage of an HTTP 200 answer, in order."""
    assert r.status_code == 200, r.text[:600]
    return [el.findtext(f"{M}ResponseCode") for el in ElementTree.fromstring(r.content).iter()
            if el.tag.endswith("ResponseMessage")]


def folder(name: str, mailbox: str | None = None) -> str:
    """A t:DistinguishedFolderId, of ``mailbox``'s folder when given."""
    box = f"<t:Mailbox><t:EmailAddress>{mailbox}</t:EmailAddress></t:Mailbox>" if mailbox else ""
    return f'<t:DistinguishedFolderId Id="{name}">{box}</t:DistinguishedFolderId>'


def user_id(address: str | None = None, distinguished: str | None = None) -> str:
    inner = (f"<t:DistinguishedUser>{distinguished}</t:DistinguishedUser>" if distinguished
             else f"<t:PrimarySmtpAddress>{address}</t:PrimarySmtpAddress>")
    return f"<t:UserId>{inner}</t:UserId>"


def perm(level: str, address: str | None = None, distinguished: str | None = None, flags: str = "") -> str:
    """One t:Permission (UserId first, PermissionLevel last, as types.xsd's PermissionType orders them)."""
    return f"<t:Permission>{user_id(address, distinguished)}{flags}<t:PermissionLevel>{level}</t:PermissionLevel>" \
           "</t:Permission>"


DEFAULTS = perm("None", distinguished="Default") + perm("None", distinguished="Anonymous")


def update_permissions(sb, folder_xml: str, perms: str, action: str = "SetFolderField",
                       user: str = "alice@example.com") -> str:
    """UpdateFolder of the folder's PermissionSet to the t:Permission elements ``perms``; its ResponseCode."""
    body = (f"<m:UpdateFolder><m:FolderChanges><t:FolderChange>{folder_xml}<t:Updates><t:{action}>"
            '<t:FieldURI FieldURI="folder:PermissionSet"/><t:Folder><t:PermissionSet><t:Permissions>'
            f"{perms}</t:Permissions></t:PermissionSet></t:Folder></t:{action}></t:Updates></t:FolderChange>"
            "</m:FolderChanges></m:UpdateFolder>")
    return answer(post(sb, body, user=user)).findtext(f"{M}ResponseCode")


def permission_set(sb, folder_xml: str, shape: str = "path", user: str = "alice@example.com"):
    """GetFolder's t:PermissionSet element of the folder, asked for by folder:PermissionSet (``shape`` "all":
    AllProperties, which since Exchange 2013 leaves the permissions out: None then)."""
    want = ('<t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="folder:PermissionSet"/>'
            "</t:AdditionalProperties>" if shape == "path" else "<t:BaseShape>AllProperties</t:BaseShape>")
    msg = answer(post(sb, f"<m:GetFolder><m:FolderShape>{want}</m:FolderShape><m:FolderIds>{folder_xml}"
                          "</m:FolderIds></m:GetFolder>", user=user))
    assert msg.findtext(f"{M}ResponseCode") == "NoError", ElementTree.tostring(msg)[:500]
    return msg.find(f".//{T}PermissionSet")


def entries(permission_set_el) -> dict:
    """{address or distinguished user: {flag: text}} of a t:PermissionSet element ({} for None)."""
    out = {}
    for p in (permission_set_el.iter(f"{T}Permission") if permission_set_el is not None else ()):
        uid = p.find(f"{T}UserId")
        who = uid.findtext(f"{T}PrimarySmtpAddress") or uid.findtext(f"{T}DistinguishedUser")
        out[who] = {c.tag.split("}")[1]: c.text for c in p if c.tag != f"{T}UserId"}
    return out
