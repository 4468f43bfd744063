"""Who a message is from when it is not the account's own mailbox: send as and send on behalf.

Exchange's two delegate rights (MS-OXWSMSG ``From``/``Sender``; Graph ``from``/``sender``):

- **Send As**: the message is from the principal alone; the recipient sees only the principal.
- **Send on Behalf**: ``From`` is the principal and ``Sender`` the account, so the recipient sees
  "Alice on behalf of Shared Desk".

The account's settings list the mailboxes it may send from (``AccountConfig.principals``); a draft names the
one it is from (``Draft.principal``, None for the account's own address). Pure data: no network, no Qt.

Where the sent copy goes: by default the account's own Sent Items, as Outlook does; ``keep_copy``
(per mailbox, Outlook's delegate setting) puts it in the principal's Sent Items instead, where the account may
open that mailbox (Full Access) and the protocol can (EWS; not Graph's /me send: docs/user-guide.md).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from app.domain.words import translate


class SendRight(str, enum.Enum):
    SEND_AS = "send_as"
    ON_BEHALF = "on_behalf"


@dataclass(frozen=True)
class Principal:
    """A mailbox the account may send from besides its own (a shared mailbox, or a manager's as delegate)."""

    email: str
    name: str = ""
    right: SendRight = SendRight.SEND_AS
    # the sent copy goes to this mailbox's Sent Items, not the account's own (a setting of the account's list,
    # not of who a message is from: two principals of the same address and right are the same From)
    keep_copy: bool = field(default=False, compare=False)

    def label(self) -> str:
        """How the From selector names it: "Shared Desk <desk@x> (on behalf)"."""
        who = f"{self.name} <{self.email}>" if self.name else self.email
        return translate("Senders", "{mailbox} (on behalf)").format(mailbox=who) if self.right == SendRight.ON_BEHALF else who

    def to_json(self) -> list:
        return [self.email, self.name, self.right.value] + ([True] if self.keep_copy else [])

    @classmethod
    def from_json(cls, j) -> "Principal | None":
        """The principal a journal row or settings file holds; None for anything malformed (never raises:
        a hand-edited file loses the entry, not the account)."""
        if isinstance(j, dict):
            j = [j.get("email"), j.get("name", ""), j.get("right", SendRight.SEND_AS.value), j.get("keep_copy")]
        if not isinstance(j, (list, tuple)) or not j or not isinstance(j[0], str) or "@" not in j[0]:
            return None
        name = j[1] if len(j) > 1 and isinstance(j[1], str) else ""
        try:
            right = SendRight(j[2]) if len(j) > 2 else SendRight.SEND_AS
        except ValueError:
            return None
        return cls(j[0].strip(), name, right, keep_copy=len(j) > 3 and j[3] is True)
