"""The errors every layer shares: :class:`MailError`, the base of every failure a caller decides on by its
``kind`` alone (the backends' own in :mod:`app.mail.errors`), and :class:`DraftInvalid`, the message that
cannot be sent or saved as it is.

- ``kind``: an :class:`~app.domain.models.ErrorKind` saying what the failure means.
- ``code``: the server's own code or one of ours (``Error*``), for display only
  (:func:`app.domain.explain.explain`), never for decisions.
"""

from __future__ import annotations

from app.domain.models import ErrorKind
from app.domain.validation import FieldError
from app.domain.words import translate

__all__ = ["MailError", "DraftInvalid"]


class MailError(Exception):
    """Base class. ``kind`` says what happened, and is all a caller decides on."""

    default_kind = ErrorKind.PERMANENT

    def __init__(self, code: str, message: str = "", *, retry_after: float | None = None,
                 kind: ErrorKind | None = None):
        super().__init__(f"{code}: {message}" if message else code)
        self.code = code
        self.message = message
        self.retry_after = retry_after
        self.kind = ErrorKind(kind) if kind is not None else self.default_kind


class DraftInvalid(MailError):
    """The message cannot be sent (or saved) as it is (no recipient, a bad address, a subject or size over
    a limit): a send is refused before anything is journaled or sent, a queued save before the network
    (app/core/attempts.py). ``errors`` are the composer's field errors."""

    default_kind = ErrorKind.INVALID_INPUT

    def __init__(self, errors: list[FieldError]):
        super().__init__("ErrorInvalidDraft", _joined(errors))
        self.errors = list(errors)


def _joined(errors: list[FieldError]) -> str:
    """The errors' words in one sentence ("a; b"), each still in the user's language."""
    if not errors:
        return ""
    out = errors[-1].message
    for e in reversed(errors[:-1]):
        out = translate("Validation", "{first}; {rest}").format(first=e.message, rest=out)
    return out
