"""Plain data and validation. No Qt, no exchangelib, no I/O."""

from app.domain.models import (
    Attachment,
    BodyFormat,
    Draft,
    Folder,
    Importance,
    ItemOutcome,
    ItemRef,
    MessageSummary,
    OutcomeStatus,
    Page,
    Recipient,
)
from app.domain.validation import (
    FieldError,
    format_recipients,
    parse_recipients,
    validate_attachment_name,
    validate_draft,
)
from app.domain.explain import explain

__all__ = [
    "Attachment", "BodyFormat", "Draft", "Folder", "Importance", "ItemOutcome", "ItemRef",
    "MessageSummary", "OutcomeStatus", "Page", "Recipient", "FieldError", "format_recipients",
    "parse_recipients", "validate_attachment_name", "validate_draft", "explain",
]
