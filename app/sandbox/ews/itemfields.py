"""The item properties as EWS names them (FieldURIs, types.xsd order) and response shapes."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.model import ITEM_FIELDS, MESSAGE_FIELDS

# (element, FieldURI, kind, writable) in schema order (ItemType, then MessageType): the store's fields
# (core/model.py) with the FieldURI EWS names each by.
FIELDS = ([(name, "" if kind == "extended" else f"item:{name}", kind, w) for name, kind, w in ITEM_FIELDS]
          + [(name, f"message:{name}", kind, w) for name, kind, w in MESSAGE_FIELDS])
BY_NAME = {f[0]: f for f in FIELDS}
BY_URI = {f[1]: f for f in FIELDS}
SPECIAL_URIS = {"item:ItemId", "item:ParentFolderId", "item:MimeContent"}

# Every element name types.xsd allows in ItemType + MessageType, in order (for the strict parser).
_ITEM_ORDER = (
    "MimeContent ItemId ParentFolderId ItemClass Subject Sensitivity Body Attachments DateTimeReceived Size "
    "Categories Importance InReplyTo IsSubmitted IsDraft IsFromMe IsResend IsUnmodified InternetMessageHeaders "
    "DateTimeSent DateTimeCreated ResponseObjects ReminderDueBy ReminderIsSet ReminderNextTime "
    "ReminderMinutesBeforeStart DisplayCc DisplayTo DisplayBcc HasAttachments ExtendedProperty Culture "
    "EffectiveRights LastModifiedName LastModifiedTime IsAssociated WebClientReadFormQueryString "
    "WebClientEditFormQueryString ConversationId UniqueBody Flag StoreEntryId InstanceKey NormalizedBody "
    "EntityExtractionResult PolicyTag ArchiveTag RetentionDate Preview RightsManagementLicenseData "
    "PredictedActionReasons IsClutter BlockStatus HasBlockedImages TextBody IconIndex SearchKey SortKey Hashtags "
    "Mentions MentionedMe MentionsPreview MentionsEx AppliedHashtags AppliedHashtagsPreview Likes LikesPreview "
    "PendingSocialActivityTagIds AtAllMention CanDelete InferenceClassification "
    "Sender ToRecipients CcRecipients BccRecipients IsReadReceiptRequested IsDeliveryReceiptRequested "
    "ConversationIndex ConversationTopic From InternetMessageId IsRead IsResponseRequested References ReplyTo "
    "ReceivedBy ReceivedRepresenting ApprovalRequestData VotingInformation ReminderMessageData SenderSMTPAddress "
    "MailboxGuids"
).split()
ORDER = {name: i for i, name in enumerate(_ITEM_ORDER)}
MESSAGE_ONLY = set(_ITEM_ORDER[_ITEM_ORDER.index("Sender"):])

DEFAULT_SHAPE = {
    "ItemId", "ParentFolderId", "ItemClass", "Subject", "Sensitivity", "Body", "Attachments", "DateTimeReceived",
    "Size", "Importance", "IsSubmitted", "IsDraft", "IsFromMe", "DateTimeSent", "DateTimeCreated",
    "HasAttachments", "DisplayTo", "DisplayCc", "Sender", "From", "ToRecipients", "CcRecipients", "IsRead",
    "ConversationIndex", "ConversationTopic", "InternetMessageId", "LastModifiedTime",
}
ALL_SHAPE = {"ItemId", "ParentFolderId"} | {f[0] for f in FIELDS
                                            if f[0] not in ("TextBody", "DisplayBcc", "ExtendedProperty")}
FIND_EXCLUDED = {"Body", "Attachments", "ToRecipients", "CcRecipients", "BccRecipients", "ReplyTo", "TextBody",
                 "MimeContent"}


@dataclass
class Shape:
    base: str = "IdOnly"
    props: set = field(default_factory=set)  # element names
    body_type: str = "Best"
    include_mime: bool = False
    ext: list = field(default_factory=list)  # [(key, ExtendedFieldURI attributes)] (extprops.parse_uri)

    def wants(self, name: str) -> bool:
        if name in self.props:
            return True
        if self.base == "AllProperties":
            return name in ALL_SHAPE
        if self.base == "Default":
            return name in DEFAULT_SHAPE
        return name == "ItemId"
