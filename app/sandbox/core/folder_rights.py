"""Folder permissions: who may see a folder of another mailbox, read its items, create and
edit there. Pure functions over a folder's permission entries, for every protocol.

Microsoft documents setting them with GetFolder then UpdateFolder ("How to: Set folder permissions for another
user by using EWS in Exchange"): a folder's PermissionSet lists one entry per user plus the distinguished users
Default (every signed-in user not listed) and Anonymous; each entry has a PermissionLevel and the individual
flags. A level other than Custom stands for fixed flags (the table below, the "Folder permissions" table of
"Permissions and EWS" — Owner ... Contributor, None); Custom keeps the flags given.

An entry is a dict ``{"user": address or None, "distinguished": "Default" / "Anonymous" or None, "level": ...,
and the FLAGS}``. Full Access to the whole mailbox (core/permissions.py) is checked before these.
"""

from __future__ import annotations

from .errors import MailboxError

DUPLICATE = "A user can have only one set of permissions on a folder."

FLAGS = ("CanCreateItems", "CanCreateSubFolders", "IsFolderOwner", "IsFolderVisible", "IsFolderContact",
         "EditItems", "DeleteItems", "ReadItems")
BOOLEANS = FLAGS[:5]
ACTIONS = ("None", "Owned", "All")  # PermissionActionType: EditItems, DeleteItems
READ = ("None", "FullDetails")  # PermissionReadAccessType: ReadItems


def _level(create, subfolders, owner, visible, contact, edit, delete, read) -> dict:
    return dict(zip(FLAGS, (create, subfolders, owner, visible, contact, edit, delete, read)))


#: PermissionLevelType -> its flags (Custom: the flags the client gives).
LEVELS = {
    "Owner": _level(True, True, True, True, True, "All", "All", "FullDetails"),
    "PublishingEditor": _level(True, True, False, True, False, "All", "All", "FullDetails"),
    "Editor": _level(True, False, False, True, False, "All", "All", "FullDetails"),
    "PublishingAuthor": _level(True, True, False, True, False, "Owned", "Owned", "FullDetails"),
    "Author": _level(True, False, False, True, False, "Owned", "Owned", "FullDetails"),
    "NoneditingAuthor": _level(True, False, False, True, False, "None", "Owned", "FullDetails"),
    "Reviewer": _level(False, False, False, True, False, "None", "None", "FullDetails"),
    "Contributor": _level(True, False, False, True, False, "None", "None", "None"),
    "None": _level(False, False, False, False, False, "None", "None", "None"),
}
#: What a folder answers before anyone set its permissions: Default and Anonymous, both None.
DEFAULT = [dict(LEVELS["None"], user=None, distinguished=d, level="None") for d in ("Default", "Anonymous")]

#: What an operation needs of the trustee's entry.
NEEDS = {
    "visible": lambda e: e["IsFolderVisible"],
    "read": lambda e: e["ReadItems"] == "FullDetails",
    "create": lambda e: e["CanCreateItems"],
    "subfolders": lambda e: e["CanCreateSubFolders"],
    # Owned (Author's) would allow the items the trustee created; the sandbox does not record who created an
    # item, so only All counts.
    "edit": lambda e: e["EditItems"] == "All",
    "delete": lambda e: e["DeleteItems"] == "All",
    "owner": lambda e: e["IsFolderOwner"],
}


def entry(user: str | None, distinguished: str | None, level: str, flags: dict) -> dict:
    """One permission entry: a named level's own flags, or (Custom) the flags given (unset ones none)."""
    if level == "Custom":
        base = {f: flags.get(f, False if f in BOOLEANS else "None") for f in FLAGS}
    else:
        base = dict(LEVELS[level])
    return dict(base, user=user.lower() if user else None, distinguished=distinguished, level=level)


def entry_for(perms: list[dict] | None, trustee: str) -> dict:
    """The entry that applies to ``trustee`` (an address): its own, else Default's."""
    perms = perms or DEFAULT
    who = trustee.strip().lower()
    mine = next((e for e in perms if e.get("user") == who), None)
    if mine is not None:
        return mine
    return next((e for e in perms if e.get("distinguished") == "Default"), DEFAULT[0])


def allows(perms: list[dict] | None, trustee: str, need: str) -> bool:
    """Whether the folder's permissions give ``trustee`` what ``need`` (a NEEDS key) names."""
    return bool(NEEDS[need](entry_for(perms, trustee)))


def _who(e: dict) -> str:
    return e.get("user") or e.get("distinguished")


def check_unique(perms: list[dict]) -> list[dict]:
    """A user (or distinguished user) named twice is ErrorDuplicateUserIdsSpecified: "a user can only have one
    set of permissions for each folder" (How to: Set folder permissions for another user by using EWS)."""
    names = [_who(e) for e in perms]
    if len(names) != len(set(names)):
        raise MailboxError("ErrorDuplicateUserIdsSpecified", DUPLICATE)
    return perms


def merged(current: list[dict] | None, added: list[dict]) -> list[dict]:
    """AppendToFolderField: the current entries and the added ones (a user who has entries already:
    ErrorDuplicateUserIdsSpecified, as adding a second set for a user is refused)."""
    return check_unique(list(current or DEFAULT) + list(added))
