"""Which delegated permission (the access token's ``scp`` claim) each Graph operation the sandbox serves needs,
as Microsoft Graph v1.0 documents it, and the 403 a token without one gets.

Each operation accepts its least privileged permission and the higher privileged ones its reference page lists
("Permissions" table, Delegated (work or school account)), learn.microsoft.com/graph/api/...:

- user-list-messages, mailfolder-list-messages, message-get, mailfolder-get, user-list-mailfolders,
  mailfolder-list-childfolders: Mail.ReadBasic; higher Mail.Read, Mail.ReadWrite. A message's MIME content
  (message-get, ``/$value``) is its body, which Mail.ReadBasic excludes (permissions-reference): Mail.Read.
- user-post-messages (create a draft), message-update, message-delete, message-move,
  message-post-attachments, attachment-delete: Mail.ReadWrite.
- attachment-createuploadsession: Calendars.ReadWrite (events) or Mail.ReadWrite (messages).
- message-list-attachments, attachment-get: Mail.Read; higher Mail.ReadWrite.
- message-send (send a draft), user-sendmail: Mail.Send (no higher one).
- user-list-people: People.Read; higher People.Read.All.
- user-translateexchangeids: User.ReadBasic.All; higher User.Read, User.Read.All, User.ReadWrite,
  User.ReadWrite.All.
- json-batching: each request of a ``$batch`` is authorized on its own (endpoint.execute).

Sending from another mailbox (a message whose ``from`` is not the signed-in user, send as or on
behalf) also needs **Mail.Send.Shared**: "In order to send messages from another user, applications that use
user tokens use the Mail.Send.Shared permission" (learn.microsoft.com/graph/outlook-send-mail-from-other-user,
"Microsoft Graph permissions"); checked when the send names its ``from`` (:func:`check_send_from`), after which
the mailbox right decides (Send As / Send on Behalf, else 403 ErrorSendAsDenied: core/delivery.py).

In another user's mailbox (``/users/{principal}/...``, Full Access granted: endpoint.mailbox_owner) each
operation needs the .Shared form of its mail permission instead: Mail.ReadBasic.Shared, Mail.Read.Shared,
Mail.ReadWrite.Shared, Mail.Send.Shared ("Use the delegated permissions, Mail.Read.Shared or
Mail.ReadWrite.Shared, to respectively read or write messages in a shared or delegated folder",
learn.microsoft.com/graph/outlook-share-messages-folders; sending, outlook-send-mail-from-other-user).

A token without any of them: ``403 ErrorAccessDenied`` "Access is denied. Check credentials and try again."
(learn.microsoft.com/graph/resolve-auth-errors: "403 Forbidden error: Did you choose the right set of
permissions?"; the body is Graph's error shape, errors.body). The pre-authenticated upload URL
(upload_server.py) carries its own key, not a token: no scope there.
"""

from __future__ import annotations

from .errors import GraphError

ACCESS_DENIED = "Access is denied. Check credentials and try again."
#: The directory's (Entra ID's) 403 for a token without the permission a /users or /groups request needs
#: (learn.microsoft.com/graph/resolve-auth-errors; the code and message Graph answers for the directory).
INSUFFICIENT = "Insufficient privileges to complete the operation."
DIRECTORY_OPS = frozenset(("ListUsers", "ListGroups", "ListGroupMembers"))

_READ_BASIC = ("Mail.ReadBasic", "Mail.Read", "Mail.ReadWrite")
_READ = ("Mail.Read", "Mail.ReadWrite")
_WRITE = ("Mail.ReadWrite",)
_SEND = ("Mail.Send",)
SEND_SHARED = "Mail.Send.Shared"

#: operation name (routes.py) -> the permissions any one of which allows it
NEEDS: dict[str, tuple[str, ...]] = {
    "ListMessages": _READ_BASIC,
    "GetMessage": _READ_BASIC,
    "GetFolder": _READ_BASIC,
    "ListFolders": _READ_BASIC,
    "GetMessageMime": _READ,
    "CreateMessage": _WRITE,
    "UpdateMessage": _WRITE,
    "DeleteMessage": _WRITE,
    "MoveMessage": _WRITE,
    "CreateReply": _WRITE,  # Mail.ReadWrite, as learn.microsoft.com/graph/api/message-createreplyall lists
    "CreateReplyAll": _WRITE,
    "CreateForward": _WRITE,
    "CreateAttachment": _WRITE,
    "DeleteAttachment": _WRITE,
    "CreateUploadSession": ("Calendars.ReadWrite", "Mail.ReadWrite"),
    "ListAttachments": _READ,
    "GetAttachment": _READ,
    "GetAttachmentValue": _READ,
    "SendMessage": _SEND,
    "SendMail": _SEND,
    "ListPeople": ("People.Read", "People.Read.All"),
    "GetMailTips": (*_READ, "Mail.Read.Shared"),  # user-getmailtips: Mail.Read; higher Mail.Read.Shared
    # user-get: User.Read; higher User.ReadWrite, User.ReadBasic.All, User.Read.All, User.ReadWrite.All,
    # Directory.Read.All, Directory.ReadWrite.All (learn.microsoft.com/graph/api/user-get, Permissions)
    "GetUser": ("User.Read", "User.ReadWrite", "User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All",
                "Directory.Read.All", "Directory.ReadWrite.All"),
    # user-list: User.ReadBasic.All; higher User.Read.All, Directory.Read.All (learn.microsoft.com/graph/api/user-list)
    "ListUsers": ("User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All",
                  "Directory.ReadWrite.All"),
    # group-list, group-list-members: GroupMember.Read.All; higher Group.Read.All, Directory.Read.All
    "ListGroups": ("GroupMember.Read.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All",
                   "Directory.ReadWrite.All"),
    "ListGroupMembers": ("GroupMember.Read.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All",
                         "Directory.ReadWrite.All"),
    "TranslateExchangeIds": ("User.ReadBasic.All", "User.Read", "User.Read.All", "User.ReadWrite",
                             "User.ReadWrite.All"),
}


def scopes_of(claims: dict) -> frozenset[str]:
    """The delegated permissions a token's claims grant (``scp``: space-separated), compared case-blind."""
    scp = claims.get("scp")
    return frozenset(s.lower() for s in scp.split()) if isinstance(scp, str) else frozenset()


def shared_needs(needs: tuple[str, ...]) -> tuple[str, ...]:
    """What an operation needs in another user's mailbox: the .Shared form of its mail permissions (none for
    the others: people and id translation are the signed-in user's own)."""
    return tuple(p + ".Shared" for p in needs if p.startswith("Mail."))


def check(op: str, scopes: frozenset[str], *, shared: bool = False) -> None:
    """GraphError 403 unless ``scopes`` holds one of the permissions ``op`` needs (``shared``: in another user's
    mailbox, its .Shared forms). An operation missing from the table is refused too: a new route must say
    what it needs."""
    needs = NEEDS.get(op, ())
    if not any(p.lower() in scopes for p in (shared_needs(needs) if shared else needs)):
        raise denied(op)


def denied(op: str) -> GraphError:
    """The 403 for ``op`` without its permission: the directory's own answer for /users and /groups, Exchange's
    for mail (also the ``scope_not_granted`` fault's, graph/endpoint.py)."""
    if op in DIRECTORY_OPS:
        return GraphError(403, "Authorization_RequestDenied", INSUFFICIENT)
    return GraphError(403, "ErrorAccessDenied", ACCESS_DENIED)


def check_send_from(scopes: frozenset[str], own: str, data: dict) -> None:
    """GraphError 403 when a message ``data`` (store fields) is from a mailbox other than ``own`` (the signed-in
    user's address) and ``scopes`` lacks Mail.Send.Shared."""
    frm = ((data.get("From") or {}).get("EmailAddress") or "").strip().lower()
    if frm and frm != own.strip().lower() and SEND_SHARED.lower() not in scopes:
        raise GraphError(403, "ErrorAccessDenied", ACCESS_DENIED)
