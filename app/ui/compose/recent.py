"""Recent recipients: the addresses of each message saved or sent, offered first by To, Cc and Bcc (the most
written to first: app/domain/suggestions.py)."""

from __future__ import annotations

import logging

from app.domain.models import Draft
from app.ui.common.port import ShellPort

log = logging.getLogger(__name__)


def offer_recent(settings, key: str, compose) -> None:
    """To, Cc and Bcc offer the account ``key``'s recent recipients, as ``settings`` keeps them."""
    recent, sent = settings.recent_recipients(key), settings.sent_counts(key)
    for r in (compose.to, compose.cc, compose.bcc):
        r.set_recent(recent, sent)


def remember_recipients(port: ShellPort, compose, draft: Draft, *, sent: bool = False) -> None:
    """After ``draft`` was saved or went out (``sent``) (``port``: the shell's, app.ui.common.port): its recipients
    go first in the account's recent list, which Compose's To, Cc and Bcc offer from then on; a send counts one more
    message to each."""
    settings, session = port.settings, port.session
    if settings is None or session is None:
        return
    key = session.account.key
    entries = [r.display() for r in draft.all_recipients()]
    if entries:
        try:
            settings.add_recent_recipients(entries, key, sent=sent)
        except OSError as exc:
            log.warning("could not save recent recipients: %s", type(exc).__name__)
        offer_recent(settings, key, compose)


def forget_recipients(port: ShellPort, compose, addresses: list[str]) -> int:
    """``addresses`` (a report says they do not exist) are no longer offered by To, Cc and Bcc: how many recent
    entries went."""
    settings, session = port.settings, port.session
    if settings is None or session is None:
        return 0
    key = session.account.key
    try:
        gone = settings.forget_recent_recipients(addresses, key)
    except OSError as exc:
        log.warning("could not save recent recipients: %s", type(exc).__name__)
        return 0
    offer_recent(settings, key, compose)
    return gone
