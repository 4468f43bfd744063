"""A window running on an Exchange account of the sandbox whose door takes ``dispatch-mail`` commands (the account
set up in the settings, as a command reads them): shared by tests/ui/test_window_door.py and
tests/ui/test_notifications.py."""

from __future__ import annotations

import os

from app.core.accounts.session import ConnectionState, Session
from app.core.scripts.doors import door_path
from app.domain.account import AccountConfig
from app.storage.settings import Settings
from tests.helpers.backends import ALICE, BOB
from tests.helpers.windows import make_window


def account_set_up(sandbox) -> tuple[AccountConfig, str, Settings]:
    """Alice's Exchange account on the sandbox, set up in Dispatch's settings (as a command reads them)."""
    user = next(a for a in sandbox.accounts if a["email"] == ALICE)
    acc = AccountConfig(email=ALICE, ews_url=sandbox.ews_url, username=user.get("username") or ALICE)
    settings = Settings()
    settings.set_account(acc)
    return acc, user["password"], settings


def open_account_window(qtbot, account, *, door=True):
    acc, password, settings = account
    session = Session.for_account(acc, password)
    win = make_window(qtbot, session, settings)
    qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=20000)
    if door:
        qtbot.waitUntil(lambda: os.path.exists(door_path(acc.key)), timeout=10000)
    return win, session


def send_args(subject: str, body_file, *more: str) -> list[str]:
    return ["send", "--to", BOB, "--subject", subject, "--body-file", str(body_file), "--json", *more]
