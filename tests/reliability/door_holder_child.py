"""A Qt-free process that has an account's queue the way a window starting up has it: it takes the account's
lock, says LOCKED, and only when told (a line on its standard input) builds the queue (restoring the journal)
and opens the account's door, serving ``Door(key, ScriptDesk(...))``: the desk a window serves (both built by
app.core.account_queue.driver.AccountQueue, as a window's and a command's are). Says OPEN
then (CONNECTED once the server is known), and serves until SIGTERM. ``DISPATCH_HOME`` and the password
variable as tests/helpers/commands.py sets them; the variable's name is its one argument."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.command.account import session_for  # noqa: E402
from app.core.account_queue.driver import AccountQueue, DeskWiring  # noqa: E402
from app.core.common.journal_writer import JournalWriter  # noqa: E402
from app.storage.journal import Journal  # noqa: E402
from app.storage.settings import Settings  # noqa: E402


async def main(password_var: str) -> None:
    settings = Settings()
    account = settings.account()
    account_queue = AccountQueue(account, DeskWiring(configured=settings.account,
                                                 principals=lambda: settings.principals(account)))
    assert account_queue.take_now(), "the account's lock is held already"
    print("LOCKED", flush=True)
    await asyncio.to_thread(sys.stdin.readline)
    session = session_for(account, password_var)
    journal, writer = Journal(), JournalWriter()
    outbox = await account_queue.open(session, journal, writer)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    print("OPEN", flush=True)
    await session.connect()
    print("CONNECTED", flush=True)
    outbox.hand.kick()
    await stop.wait()
    await account_queue.close()  # the door closed (its commands answered), the Outbox stopped, the lock let go
    writer.close()
    session.close()
    journal.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
