"""One window with two accounts: a start of the window (``dispatch-mail 'mailto:…'``) hands its link to the window
showing the account set up (the default account) when it runs, whichever door is asked first; to a window showing
another account when it is the only one; to none when only commands hold doors (the start then opens its own
window). Real doors (app/core/scripts/door_server.py) with the window's desk (app/core/scripts/desk.py), knocked at
by the start's own code (app/command/window_start.py) from another thread, as from another process."""

from __future__ import annotations

import argparse
import asyncio
from types import SimpleNamespace

import pytest

from app.command.window_start import hand_to_running_window
from app.core.scripts import door_paths
from app.core.scripts.desk import ScriptDesk
from app.core.scripts.door_server import Door
from app.domain.account import AccountConfig
from app.mail.service import MessageLimits

URL = "https://mail.example.com/EWS/Exchange.asmx"
LINK = "mailto:carol@example.com?subject=Hi"
# a start's request asks a desk's outbox nothing but the server's limit, which every door tells its knocker first
OUTBOX = SimpleNamespace(limits=MessageLimits())


def _accounts() -> tuple[AccountConfig, AccountConfig]:
    """Two accounts, the default one second in the order the doors are asked in (their names' order): a start
    that took the first window that answered would give the link to the other one."""
    a = AccountConfig(email="alice@example.com", ews_url=URL, username="alice@example.com")
    b = AccountConfig(email="bob@example.com", ews_url=URL, username="bob@example.com")
    first, second = sorted((a, b), key=lambda acc: door_paths.door_path(acc.key))
    return first, second


def _start(link: str) -> argparse.Namespace:
    return argparse.Namespace(link=link, ews_url=None, sandbox=False, sandbox_graph=False, self_test=False)


def _run(desks: dict[str, ScriptDesk], link: str) -> bool:
    async def run():
        doors = [Door(key, desk) for key, desk in desks.items()]
        for door in doors:
            await door.open()
        try:
            return await asyncio.to_thread(hand_to_running_window, _start(link))
        finally:
            for door in doors:
                await door.close()

    return asyncio.run(run())


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCH_HOME", str(tmp_path))
    return tmp_path


def test_the_link_goes_to_the_window_of_the_default_account(home):
    other, default = _accounts()
    opened = {other.email: [], default.email: []}

    def window(acc):
        return ScriptDesk(OUTBOX, acc, configured=lambda: default, opener=opened[acc.email].append)

    assert _run({other.key: window(other), default.key: window(default)}, LINK)
    assert opened == {other.email: [], default.email: [LINK]}


def test_with_only_another_accounts_window_running_that_window_takes_it(home):
    other, default = _accounts()
    opened = []
    command = ScriptDesk(OUTBOX, default, configured=lambda: default)  # a command's desk: no window
    window = ScriptDesk(OUTBOX, other, configured=lambda: default, opener=opened.append)
    assert _run({default.key: command, other.key: window}, LINK)
    assert opened == [LINK]


def test_with_only_commands_holding_doors_the_start_opens_its_own_window(home):
    other, default = _accounts()
    desks = {acc.key: ScriptDesk(OUTBOX, acc, configured=lambda: default) for acc in (other, default)}
    assert not _run(desks, LINK)
