"""Recent recipients: the addresses of each message sent, offered first by To, Cc and Bcc."""

from __future__ import annotations

import logging

from app.domain.models import Draft

log = logging.getLogger(__name__)


def remember_recipients(w, draft: Draft) -> None:
    """After ``draft`` went out from window ``w``: its recipients go first in the account's recent list."""
    if w.settings is None or w.session is None:
        return
    key = w.session.account.key
    entries = [r.display() for r in draft.all_recipients()]
    if entries:
        try:
            w.settings.add_recent_recipients(entries, key)
        except OSError as exc:
            log.warning("could not save recent recipients: %s", type(exc).__name__)
        recent = w.settings.recent_recipients(key)
        for r in (w.compose.to, w.compose.cc, w.compose.bcc):
            r.set_recent(recent)
