"""exchangelib accounts talking to a sandbox over loopback HTTP (``make_account``), and closing exchangelib's
pooled connections once a test's sandboxes stop."""

from __future__ import annotations

import sys

from exchangelib import BASIC, DELEGATE, Account, Build, Configuration, Credentials, Mailbox, Message, Version


def make_account(sb, email, password=None, login_as=None, **config_kw):
    """An exchangelib Account for `email`, logging in as that user (or as `login_as`)."""
    user = next(u for u in sb.accounts if u["email"] == (login_as or email))
    config = Configuration(
        service_endpoint=sb.ews_url,
        credentials=Credentials(user["username"], password if password is not None else user["password"]),
        auth_type=BASIC,
        version=Version(build=Build(15, 1, 2507, 6)),
        **config_kw,
    )
    return Account(email, config=config, autodiscover=False, access_type=DELEGATE)


def _close_exchangelib_connections():
    mod = sys.modules.get("exchangelib.protocol")
    if mod is not None:
        try:
            mod.close_connections()
        except Exception:
            pass


def seed_drafts(sb, email, drafts: dict[str, str], body: str | None = None) -> None:
    """Drafts in ``email``'s Drafts folder: subject -> To address (as typed: not checked by anyone); ``body``: each
    one's body (None: "<subject>: body")."""
    acc = make_account(sb, email)
    acc.bulk_create(folder=acc.drafts, items=[
        Message(account=acc, folder=acc.drafts, subject=subject, body=f"{subject}: body" if body is None else body,
                to_recipients=[Mailbox(email_address=to)]) for subject, to in drafts.items()])
