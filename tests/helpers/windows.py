"""The real window on a sandbox: ``open_window`` (signed in over EWS, or over Graph with ``graph_session``),
``close_window``, and waits on it (``wait_task``, ``wait_idle``); ``journal_window``, a connected window with
its own settings file and a journal (the reliability tests' window)."""

from __future__ import annotations

from app.core.accounts.session import ConnectionState, Session
from app.domain.account import AccountConfig, Backend
from app.storage.journal import Journal
from app.storage.settings import Settings
from tests.helpers.backends import ALICE, GRAPH_SETTLE


def account_for(sb, email: str = ALICE) -> tuple[AccountConfig, str]:
    user = next(a for a in sb.accounts if a["email"] == email)
    acc = AccountConfig(email=email, ews_url=sb.ews_url, username=user.get("username") or email, sandbox=True)
    return acc, user["password"]


def make_window(qtbot, session, settings, screenshot=True, journal=None):
    from app.ui.window.main_window import MainWindow

    win = MainWindow(session, settings=settings, journal=journal)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.raise_()
    # The window, or a dialog of its own (e.g. the non-modal password prompt a rejected password opens
    # at once), must have the keyboard before a test types.
    qtbot.waitUntil(lambda: _window_or_its_dialog_is_active(win), timeout=5000)
    return win


def graph_session(sb, email: str = ALICE, permissions: list[str] | None = None) -> Session:
    """A session on ``sb``'s Graph (``sb`` made with graph=True): the account says Graph, and its service is
    GraphMailService with tokens minted in-process by the sandbox's authority (granting ``permissions``: the
    authority's default ones when None). MailClient calls the factory in a worker thread, as the app's own does."""
    from app.mail.graph import GraphMailService

    acc = AccountConfig(email=email, ews_url=sb.ews_url, username=email, backend=Backend.GRAPH, sandbox=True)
    tokens = lambda force_refresh: sb.authority.access_token_for(email, permissions)  # noqa: E731
    return Session.for_service(acc, lambda: GraphMailService(email, sb.graph_url, tokens, timeout=15.0,
                                                             send_settle_seconds=GRAPH_SETTLE))


def open_window(qtbot, sb, settings, email: str = ALICE, connected: bool = False, journal=None,
                backend: str = "ews", permissions: list[str] | None = None):
    """A real window and session signed in as ``email`` on ``sb``; with ``connected``, waits for the server.
    ``journal``: the window's local journal (default: a fresh one in this test's own data dir).
    ``backend``: "ews" (exchangelib, the password) or "graph" (``graph_session``, its token granting
    ``permissions``)."""
    if backend == "graph":
        session = graph_session(sb, email, permissions)
    else:
        acc, pw = account_for(sb, email)
        session = Session.for_account(acc, pw)
    win = make_window(qtbot, session, settings, journal=journal)
    if connected:
        qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=20000)
    return win, session


def close_window(win, session=None) -> None:
    """Close the window without its "sending in progress" question, then its session (the window's own
    session when none is given)."""
    win._force_close = True
    win.close()
    _let_go(win)
    session = session if session is not None else win.session
    if session is not None:
        session.close()


def _let_go(win, timeout: float = 15.0) -> None:
    """Until the closed window has let go of its account's queue (its door and lock), as the app waits for it before
    it ends (app_main.amain): a window opened next in this process then finds the lock free, as the next start
    does after the process ended (the kernel frees a dead process's lock)."""
    import time

    from PySide6.QtWidgets import QApplication

    bridge = getattr(win, "journal_bridge", None)
    going = bridge.let_go() if bridge is not None else None
    end = time.monotonic() + timeout
    while going is not None and not going.done() and time.monotonic() < end:
        QApplication.processEvents()  # the qasync loop's turns: the let-go task runs in them


def _window_or_its_dialog_is_active(win) -> bool:
    from PySide6.QtWidgets import QApplication

    active = QApplication.activeWindow()
    return active is win or (active is not None and active.parent() is win)


def wait_task(qtbot, aw, timeout=30000):
    """Run an awaitable on the session loop (already running under Qt) and wait for its result."""
    import asyncio

    task = asyncio.ensure_future(aw)
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()


def wait_idle(qtbot, win, timeout=30000):
    """Until the window has nothing left running: every task started from it and its lists' loads
    (``flows.wait_idle``), the account's queue (``outbox.waits.drain``: saves and sends on the wire), and the
    busy indicator. A "nothing was sent" check after it means nothing, not "nothing yet"."""
    wait_task(qtbot, win.flows.wait_idle(), timeout)
    outbox = win.flows.outbox()
    if outbox is not None:
        wait_task(qtbot, outbox.waits.drain(timeout / 1000), timeout)
        wait_task(qtbot, win.flows.wait_idle(), timeout)  # what the queue's results started in the window
    qtbot.waitUntil(lambda: not win.busy, timeout=timeout)


def journal_window(qtbot, sandbox, tmp_path, journal=None):
    journal = journal if journal is not None else Journal(tmp_path / "journal.sqlite3")
    return open_window(qtbot, sandbox, Settings(tmp_path / "settings.json"), connected=True, journal=journal)


def open_window_sending_for(qtbot, sb, settings, principals, backend: str = "ews"):
    """:func:`open_window` for Alice (connected, the lists loaded), her account listing ``principals`` as
    the mailboxes she sends from; ``backend``: "ews" or "graph"."""
    kind = Backend.GRAPH if backend == "graph" else Backend.EWS
    settings.set_principals(AccountConfig(email=ALICE, ews_url="", username=ALICE, sandbox=True, backend=kind),
                            list(principals))
    win, session = open_window(qtbot, sb, settings, connected=True, backend=backend)
    qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
    return win, session
