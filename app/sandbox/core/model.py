"""The item model of the mailbox store: the fields an item keeps, their kinds, which a client may write.

An item's fields are a dict stored as JSON (store.py ``data``). The names are Exchange's own item property
names (Subject, ToRecipients, Body, InternetMessageId, ...): EWS uses the same names in its XML, so the EWS
front end maps them one to one, and the Graph front end maps its camelCase JSON to them
(``toRecipients`` -> ToRecipients). Values, by kind:

  str, dt (storage time, clock.py), int, bool, base64 (text)   as is
  strings             a list of str (Categories)
  recipient           {"Name", "EmailAddress", "RoutingType", "MailboxType"}
  recipients          a list of recipient
  body                {"BodyType": "Text" | "HTML", "text": str}
  sensitivity, importance   one of SENSITIVITY, IMPORTANCE
  flag                {"FlagStatus": one of FLAG_STATUS, "StartDate"?, "DueDate"?, "CompleteDate"? (dt)}: the
                      follow-up flag, the sender's own (not delivered); EWS t:Flag, Graph flag, and the MAPI
                      properties of promoted.py all read and write this one field
  computed            never stored: derived when asked (DisplayTo, HasAttachments, ...)

Keys starting with "_" are the store's own (``_ext``: extended properties by key, ``_ck_history``,
``_has_attachments``, ``_has_visible_attachments``: any that is not inline, what Graph's hasAttachments
says) and never leave the server as fields.
"""

from __future__ import annotations

#: The values an xs:int (types.xsd's int fields; a user configuration's Integer32) holds: lowest, highest.
XS_INT = (-2**31, 2**31 - 1)
SENSITIVITY = ("Normal", "Personal", "Private", "Confidential")
IMPORTANCE = ("Low", "Normal", "High")
MAILBOX_TYPES = ("Unknown", "OneOff", "Mailbox", "PublicDL", "PrivateDL", "Contact", "PublicFolder",
                 "GroupMailbox", "ImplicitContact")

#: (name, kind, writable): the item fields, generic item fields first, then a message's.
ITEM_FIELDS = [
    ("ItemClass", "str", True),
    ("Subject", "str", True),
    ("Sensitivity", "sensitivity", True),
    ("Body", "body", True),
    ("Attachments", "attachments", False),
    ("DateTimeReceived", "dt", False),
    ("Size", "int", False),
    ("Categories", "strings", True),
    ("Importance", "importance", True),
    ("InReplyTo", "str", True),
    ("IsSubmitted", "bool", False),
    ("IsDraft", "bool", False),
    ("IsFromMe", "bool", False),
    ("IsResend", "bool", False),
    ("IsUnmodified", "bool", False),
    ("DateTimeSent", "dt", False),
    ("DateTimeCreated", "dt", False),
    ("ReminderDueBy", "dt", True),
    ("ReminderIsSet", "bool", True),
    ("ReminderMinutesBeforeStart", "int", True),
    ("DisplayCc", "computed", False),
    ("DisplayTo", "computed", False),
    ("DisplayBcc", "computed", False),
    ("HasAttachments", "computed", False),
    ("ExtendedProperty", "extended", False),  # the "_ext" dict; named one by one (extended property keys)
    ("Culture", "str", True),
    ("LastModifiedName", "str", False),
    ("LastModifiedTime", "dt", False),
    ("IsAssociated", "bool", False),
    ("ConversationId", "computed", False),
    ("Flag", "flag", True),  # the follow-up flag (Exchange 2013+); what Graph's flag and the MAPI flag props set
    ("TextBody", "computed", False),
]
MESSAGE_FIELDS = [
    ("Sender", "recipient", True),
    ("ToRecipients", "recipients", True),
    ("CcRecipients", "recipients", True),
    ("BccRecipients", "recipients", True),
    ("IsReadReceiptRequested", "bool", True),
    ("IsDeliveryReceiptRequested", "bool", True),
    ("ConversationIndex", "base64", True),
    ("ConversationTopic", "str", True),
    ("From", "recipient", True),
    ("InternetMessageId", "str", True),
    ("IsRead", "bool", True),
    ("IsResponseRequested", "bool", True),
    ("References", "str", True),
    ("ReplyTo", "recipients", True),
    ("ReceivedBy", "recipient", False),
    ("ReceivedRepresenting", "recipient", False),
]
FIELDS = {name: (kind, writable) for name, kind, writable in ITEM_FIELDS + MESSAGE_FIELDS}
#: Fields a change may append to (recipients, body text, categories).
APPENDABLE = {"ToRecipients", "CcRecipients", "BccRecipients", "ReplyTo", "Body", "Categories"}
#: Fields a change may not delete although they are writable.
REQUIRED_ON_DELETE = {"ItemClass"}
RECIPIENT_FIELDS = ("ToRecipients", "CcRecipients", "BccRecipients")
#: Fields the store keeps that the EWS front end answers only as extended properties (promoted.py: the
#: PS_INTERNET_HEADERS names; not as t:InternetMessageHeaders): the sender's own Internet headers
#: ([{"Name", "Value"}], only X- headers, as Graph enforces; they travel in the sent MIME and are delivered).
STORED_ONLY = {"InternetMessageHeaders": "headers"}
FLAG_STATUS = ("NotFlagged", "Flagged", "Complete")
