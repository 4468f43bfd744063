"""The Graph endpoints the sandbox serves: (method, path under /v1.0/{me | users/x}, handler, operation
name). The operation name is what fault injection (core/faults.py) and the request log call it."""

from __future__ import annotations

import re

from . import attachments, directory, folders, mailtips, messages, people, responses, translate, upload, users

_ID = r"(?P<id>[^/]+)"
_FOLDER = r"(?P<folder>[^/]+)"
_AID = r"(?P<aid>[^/]+)"

ROUTES = [
    ("GET", "", users.get, "GetUser"),  # GET /me, /users/{id | userPrincipalName}: the user itself
    ("GET", "/messages", messages.list_folder, "ListMessages"),
    ("POST", "/messages", messages.create, "CreateMessage"),
    ("GET", f"/messages/{_ID}", messages.get, "GetMessage"),
    ("PATCH", f"/messages/{_ID}", messages.update, "UpdateMessage"),
    ("DELETE", f"/messages/{_ID}", messages.delete, "DeleteMessage"),
    ("GET", f"/messages/{_ID}/\\$value", messages.value, "GetMessageMime"),
    ("POST", f"/messages/{_ID}/send", messages.send, "SendMessage"),
    ("POST", f"/messages/{_ID}/move", messages.move, "MoveMessage"),
    ("POST", "/sendMail", messages.send_mail, "SendMail"),
    *[("POST", f"{base}/messages/{_ID}/{action}", handler, action[0].upper() + action[1:])
      for base in ("", f"/mailFolders/{_FOLDER}")
      for action, handler in (("createReply", responses.create_reply), ("createReplyAll", responses.create_reply_all),
                              ("createForward", responses.create_forward))],
    ("GET", f"/messages/{_ID}/attachments", attachments.list_attachments, "ListAttachments"),
    ("POST", f"/messages/{_ID}/attachments", attachments.create, "CreateAttachment"),
    ("POST", f"/messages/{_ID}/attachments/createUploadSession", upload.create_session, "CreateUploadSession"),
    ("GET", f"/messages/{_ID}/attachments/{_AID}", attachments.get, "GetAttachment"),
    ("DELETE", f"/messages/{_ID}/attachments/{_AID}", attachments.delete, "DeleteAttachment"),
    ("GET", f"/messages/{_ID}/attachments/{_AID}/\\$value", attachments.value, "GetAttachmentValue"),
    ("POST", "/translateExchangeIds", translate.translate, "TranslateExchangeIds"),
    ("POST", "/getMailTips", mailtips.get_mail_tips, "GetMailTips"),
    ("GET", "/people", people.list_people, "ListPeople"),
    ("GET", "/mailFolders", folders.list_children, "ListFolders"),
    ("GET", f"/mailFolders/{_FOLDER}", folders.get, "GetFolder"),
    ("GET", f"/mailFolders/{_FOLDER}/childFolders", folders.list_children, "ListFolders"),
    ("GET", f"/mailFolders/{_FOLDER}/messages", messages.list_folder, "ListMessages"),
    ("POST", f"/mailFolders/{_FOLDER}/messages", messages.create, "CreateMessage"),
    ("GET", f"/mailFolders/{_FOLDER}/messages/{_ID}", messages.get, "GetMessage"),
    ("PATCH", f"/mailFolders/{_FOLDER}/messages/{_ID}", messages.update, "UpdateMessage"),
    ("DELETE", f"/mailFolders/{_FOLDER}/messages/{_ID}", messages.delete, "DeleteMessage"),
    ("GET", f"/mailFolders/{_FOLDER}/messages/{_ID}/attachments", attachments.list_attachments, "ListAttachments"),
    ("POST", f"/mailFolders/{_FOLDER}/messages/{_ID}/attachments", attachments.create, "CreateAttachment"),
    ("POST", f"/mailFolders/{_FOLDER}/messages/{_ID}/attachments/createUploadSession", upload.create_session,
     "CreateUploadSession"),
    ("GET", f"/mailFolders/{_FOLDER}/messages/{_ID}/attachments/{_AID}", attachments.get, "GetAttachment"),
    ("DELETE", f"/mailFolders/{_FOLDER}/messages/{_ID}/attachments/{_AID}", attachments.delete, "DeleteAttachment"),
    ("GET", f"/mailFolders/{_FOLDER}/messages/{_ID}/attachments/{_AID}/\\$value", attachments.value,
     "GetAttachmentValue"),
]
#: The organisation's directory, not under a user: (method, path after /v1.0, handler, operation name).
ORG_ROUTES = [
    ("GET", "/users/?", directory.list_users, "ListUsers"),
    ("GET", "/groups/?", directory.list_groups, "ListGroups"),
    ("GET", "/groups/(?P<gid>[^/]+)/members/?", directory.list_members, "ListGroupMembers"),
]
_ORG = [(method, re.compile(pattern + "$", re.IGNORECASE), handler, op) for method, pattern, handler, op in ORG_ROUTES]
_COMPILED = [(method, re.compile(pattern + "$"), handler, op) for method, pattern, handler, op in ROUTES]
#: The user part of a path: /me or /users/{id or address}.
USER = re.compile(r"^/(?P<seg>me|users/(?P<who>[^/]+))(?P<rest>/.*)?$", re.IGNORECASE)


def match_org(method: str, path: str):
    """(handler, path parameters, operation name) of a directory path (after /v1.0), (None, allowed methods,
    None) for one with another method, or None when the path is not the directory's."""
    allowed = []
    for m, pattern, handler, op in _ORG:
        found = pattern.match(path)
        if found:
            if m == method:
                return handler, found.groupdict(), op
            allowed.append(m)
    return (None, allowed, None) if allowed else None


def match(method: str, rest: str):
    """(handler, path parameters, operation name), or (None, None, None) with ``allowed`` methods."""
    allowed = []
    for m, pattern, handler, op in _COMPILED:
        found = pattern.match(rest)
        if found:
            if m == method:
                return handler, found.groupdict(), op
            allowed.append(m)
    return None, allowed, None
