"""Operation name -> handler(ctx, request element) -> m:<Op>Response element."""

from __future__ import annotations

from .archive import op_archive_item
from .convert import op_convert_id
from .directory import op_create_attachment, op_delete_attachment, op_get_attachment
from .find import op_find_item
from .folder_ops import (
    op_copy_folder, op_create_folder, op_delete_folder, op_empty_folder, op_move_folder, op_update_folder,
)
from .folders import op_find_folder, op_get_folder
from .items import op_copy_item, op_create_item, op_delete_item, op_get_item, op_move_item
from .junk import op_mark_as_junk
from .mailtips import op_get_mail_tips
from .names import op_expand_dl, op_resolve_names
from .people import op_find_people
from .soap import M_NS, SoapFault, local, ns, schema_error
from .transfer import op_export_items, op_upload_items
from .userconfig import (
    op_create_user_configuration, op_delete_user_configuration, op_get_user_configuration,
    op_update_user_configuration,
)
from .updates import op_send_item, op_update_item

OPERATIONS = {
    "ConvertId": op_convert_id,
    "GetFolder": op_get_folder,
    "FindFolder": op_find_folder,
    "CreateFolder": op_create_folder,
    "DeleteFolder": op_delete_folder,
    "EmptyFolder": op_empty_folder,
    "UpdateFolder": op_update_folder,
    "MoveFolder": op_move_folder,
    "CopyFolder": op_copy_folder,
    "CreateItem": op_create_item,
    "GetItem": op_get_item,
    "UpdateItem": op_update_item,
    "SendItem": op_send_item,
    "FindItem": op_find_item,
    "DeleteItem": op_delete_item,
    "MoveItem": op_move_item,
    "CopyItem": op_copy_item,
    "ArchiveItem": op_archive_item,
    "ResolveNames": op_resolve_names,
    "ExpandDL": op_expand_dl,
    "FindPeople": op_find_people,
    "GetMailTips": op_get_mail_tips,
    "CreateAttachment": op_create_attachment,
    "GetAttachment": op_get_attachment,
    "DeleteAttachment": op_delete_attachment,
    "MarkAsJunk": op_mark_as_junk,
    "ExportItems": op_export_items,
    "UploadItems": op_upload_items,
    "CreateUserConfiguration": op_create_user_configuration,
    "GetUserConfiguration": op_get_user_configuration,
    "UpdateUserConfiguration": op_update_user_configuration,
    "DeleteUserConfiguration": op_delete_user_configuration,
}

# Request children per operation, in messages.xsd order (the strict parser checks names and order).
CHILDREN = {
    "ConvertId": ["SourceIds"],
    "GetFolder": ["FolderShape", "FolderIds"],
    "FindFolder": ["FolderShape", "IndexedPageFolderView", "FractionalPageFolderView", "Restriction",
                   "ParentFolderIds"],
    "CreateFolder": ["ParentFolderId", "Folders"],
    "DeleteFolder": ["FolderIds"],
    "EmptyFolder": ["FolderIds"],
    "UpdateFolder": ["FolderChanges"],
    "MoveFolder": ["ToFolderId", "FolderIds"],
    "CopyFolder": ["ToFolderId", "FolderIds"],
    "CreateItem": ["SavedItemFolderId", "Items"],
    "GetItem": ["ItemShape", "ItemIds"],
    "UpdateItem": ["SavedItemFolderId", "ItemChanges"],
    "SendItem": ["ItemIds", "SavedItemFolderId"],
    "FindItem": ["ItemShape", "IndexedPageItemView", "FractionalPageItemView", "SeekToConditionPageItemView",
                 "CalendarView", "ContactsView", "GroupBy", "DistinguishedGroupBy", "Restriction", "SortOrder",
                 "ParentFolderIds", "QueryString"],
    "DeleteItem": ["ItemIds"],
    "MoveItem": ["ToFolderId", "ItemIds", "ReturnNewItemIds"],
    "CopyItem": ["ToFolderId", "ItemIds", "ReturnNewItemIds"],
    "ArchiveItem": ["ArchiveSourceFolderId", "ItemIds"],
    "ResolveNames": ["ParentFolderIds", "UnresolvedEntry"],
    "ExpandDL": ["Mailbox"],
    "FindPeople": ["PersonaShape", "IndexedPageItemView", "Restriction", "AggregationRestriction", "SortOrder",
                   "ParentFolderId", "QueryString", "SearchPeopleSuggestionIndex", "TopicQueryString", "Context",
                   "QuerySources"],
    "GetMailTips": ["SendingAs", "Recipients", "MailTipsRequested"],
    "CreateAttachment": ["ParentItemId", "Attachments"],
    "GetAttachment": ["AttachmentShape", "AttachmentIds"],
    "DeleteAttachment": ["AttachmentIds"],
    "MarkAsJunk": ["ItemIds"],
    "ExportItems": ["ItemIds"],
    "UploadItems": ["Items"],
    "CreateUserConfiguration": ["UserConfiguration"],
    "GetUserConfiguration": ["UserConfigurationName", "UserConfigurationProperties"],
    "UpdateUserConfiguration": ["UserConfiguration"],
    "DeleteUserConfiguration": ["UserConfigurationName"],
}


def unsupported(op: str) -> SoapFault:
    """The answer to a request for an operation the sandbox does not implement: a fault whose ResponseCode is
    ErrorInvalidOperation, which a client raises as it is. Not ErrorInvalidRequest: exchangelib reads that one
    (like ErrorInvalidServerVersion, ErrorIncorrectSchemaVersion, ErrorInvalidSchemaVersionForMailboxVersion) as
    a wrong guess of the server's version and sends the request again under every other version first."""
    return SoapFault("ErrorInvalidOperation", f"The operation '{op}' is not supported by this server.")


def check_children(op: str, req) -> None:
    """Fault (ErrorSchemaValidation) on unknown, repeated or out-of-order children of the request element."""
    allowed = CHILDREN[op]
    last = -1
    for c in req:
        name = local(c)
        if ns(c) != M_NS or name not in allowed:
            raise schema_error(f"The element '{op}' has invalid child element '{name}'.")
        i = allowed.index(name)
        if i <= last:
            raise schema_error(f"The element '{op}' has invalid child element '{name}' (order or repetition).")
        last = i
