"""Where Compose says why a send was refused: every per-item refusal that brings a message back to
Compose shows its reason at the field it concerns. No Qt.

A server's refusal of the message's From (Send As / on Behalf not granted, ``ErrorSendAsDenied``) is said under
From; any other refusal of the server's (invalid recipients, too large, …) above Compose's buttons, where
Compose says what stops a message. A draft that Send selected held back by Compose's own check before Send is
checked again when it is opened, so each problem shows at its own field (``CHECK``).

:class:`RefusalMemory` keeps, per Drafts item, the refusal of its last send, and gives it back only while that
item's row in Drafts still says it: a draft saved since (its row cleared) or sent again has no refusal to show.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.words import translate
from app.mail.errors import is_send_as_denied

# the field a refusal belongs to
FROM = "from"  # under Compose's From
MESSAGE = "message"  # above Compose's buttons
CHECK = "check"  # Compose's own check before Send: each problem at its field


@dataclass(frozen=True)
class Refusal:
    field: str
    text: str  # what Compose says ("Not sent: …")
    row: str  # what the Drafts row's Status says for it


def refusal_of(outcome, row: str = "") -> Refusal:
    """The server refused ``outcome``'s message (an ItemOutcome, or anything with ``code``/``explanation``)."""
    explanation = getattr(outcome, "explanation", "") or ""
    text = translate("Refusal", "Not sent: {explanation}").format(explanation=explanation)
    return Refusal(FROM if is_send_as_denied(outcome) else MESSAGE, text, row or explanation)


def check_refusal(why: str) -> Refusal:
    """Compose's own check found ``why`` (Send selected's check, app.core.sending.batch_checks)."""
    text = translate("Refusal", "Not sent: {explanation}").format(explanation=why)
    return Refusal(CHECK, text, text)


class RefusalMemory:
    """The last send's refusal per Drafts item id, valid while the item's row still says it."""

    def __init__(self) -> None:
        self._by_id: dict[str, Refusal] = {}

    def note(self, ref_id: str, refusal: Refusal) -> None:
        self._by_id[ref_id] = refusal

    def forget(self, ref_id: str) -> None:
        self._by_id.pop(ref_id, None)

    def current(self, ref_id: str, row_status: str) -> Refusal | None:
        """The refusal to show for ``ref_id`` when it is opened: only if its row says it now (else forgotten)."""
        r = self._by_id.get(ref_id)
        if r is not None and r.row != row_status:
            self.forget(ref_id)
            return None
        return r
