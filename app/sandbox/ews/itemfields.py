"""The EWS item properties the sandbox stores, in types.xsd order, and response shapes."""

from __future__ import annotations

from dataclasses import dataclass, field

SENSITIVITY = ("Normal", "Personal", "Private", "Confidential")
IMPORTANCE = ("Low", "Normal", "High")
MAILBOX_TYPES = ("Unknown", "OneOff", "Mailbox", "PublicDL", "PrivateDL", "Contact", "PublicFolder",
                 "GroupMailbox", "ImplicitContact")

# (element, FieldURI, kind, writable) in schema order (ItemType, then MessageType)
FIELDS = [
    ("ItemClass", "item:ItemClass", "str", True),
    ("Subject", "item:Subject", "str", True),
    ("Sensitivity", "item:Sensitivity", "sensitivity", True),
    ("Body", "item:Body", "body", True),
    ("Attachments", "item:Attachments", "attachments", False),
    ("DateTimeReceived", "item:DateTimeReceived", "dt", False),
    ("Size", "item:Size", "int", False),
    ("Categories", "item:Categories", "strings", True),
    ("Importance", "item:Importance", "importance", True),
    ("InReplyTo", "item:InReplyTo", "str", True),
    ("IsSubmitted", "item:IsSubmitted", "bool", False),
    ("IsDraft", "item:IsDraft", "bool", False),
    ("IsFromMe", "item:IsFromMe", "bool", False),
    ("IsResend", "item:IsResend", "bool", False),
    ("IsUnmodified", "item:IsUnmodified", "bool", False),
    ("DateTimeSent", "item:DateTimeSent", "dt", False),
    ("DateTimeCreated", "item:DateTimeCreated", "dt", False),
    ("ReminderDueBy", "item:ReminderDueBy", "dt", True),
    ("ReminderIsSet", "item:ReminderIsSet", "bool", True),
    ("ReminderMinutesBeforeStart", "item:ReminderMinutesBeforeStart", "int", True),
    ("DisplayCc", "item:DisplayCc", "computed", False),
    ("DisplayTo", "item:DisplayTo", "computed", False),
    ("DisplayBcc", "item:DisplayBcc", "computed", False),
    ("HasAttachments", "item:HasAttachments", "computed", False),
    ("ExtendedProperty", "", "extended", False),  # those the shape names (Shape.ext), never by base shape
    ("Culture", "item:Culture", "str", True),
    ("LastModifiedName", "item:LastModifiedName", "str", False),
    ("LastModifiedTime", "item:LastModifiedTime", "dt", False),
    ("IsAssociated", "item:IsAssociated", "bool", False),
    ("ConversationId", "item:ConversationId", "computed", False),
    ("TextBody", "item:TextBody", "computed", False),
    ("Sender", "message:Sender", "recipient", True),
    ("ToRecipients", "message:ToRecipients", "recipients", True),
    ("CcRecipients", "message:CcRecipients", "recipients", True),
    ("BccRecipients", "message:BccRecipients", "recipients", True),
    ("IsReadReceiptRequested", "message:IsReadReceiptRequested", "bool", True),
    ("IsDeliveryReceiptRequested", "message:IsDeliveryReceiptRequested", "bool", True),
    ("ConversationIndex", "message:ConversationIndex", "base64", True),
    ("ConversationTopic", "message:ConversationTopic", "str", True),
    ("From", "message:From", "recipient", True),
    ("InternetMessageId", "message:InternetMessageId", "str", True),
    ("IsRead", "message:IsRead", "bool", True),
    ("IsResponseRequested", "message:IsResponseRequested", "bool", True),
    ("References", "message:References", "str", True),
    ("ReplyTo", "message:ReplyTo", "recipients", True),
    ("ReceivedBy", "message:ReceivedBy", "recipient", False),
    ("ReceivedRepresenting", "message:ReceivedRepresenting", "recipient", False),
]
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
