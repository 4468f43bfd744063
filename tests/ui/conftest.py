"""UI fixtures: the real window on the real sandbox (over HTTP, real exchangelib via EwsMailService).

The GUI flow tests that guard sending run on both backends: ``ui_backend`` is parametrised ("ews", "graph"),
``ui_sandbox`` follows it (a Graph run gets a sandbox that also serves Graph) and ``ui_window`` is the
window on it; ``open_window(..., backend="graph")`` opens the real window on a Graph session
(GraphMailService over httpx, tokens minted by the sandbox's authority: these tests are not about
signing in; tests/graph and tests/authority sign in through MSAL). ``op`` / ``logged`` name an
operation for fault injection / the request log of the backend at hand. Every other test is EWS only."""

from __future__ import annotations

import pytest

from app.core.session import ConnectionState, Session
from app.domain.account import AccountConfig, Backend
from app.storage.settings import Settings

ALICE = "alice@example.com"
BOB = "bob@example.com"
UI_BACKENDS = ("ews", "graph")
#: the seconds a Graph test service waits before it looks up a send whose answer was lost (the sandbox
#: delivers 0.3 s after its 202)
GRAPH_SETTLE = 1.0
#: EWS operation -> the Graph operation doing the same (fault injection; "graph:" + it in the request log)
GRAPH_OPS = {"CreateItem": "CreateMessage", "UpdateItem": "UpdateMessage", "SendItem": "SendMessage",
             "FindItem": "ListMessages", "GetFolder": "GetFolder", "GetItem": "GetMessage"}


def op(backend: str, ews_op: str) -> str:
    """The operation name to inject a fault on."""
    return ews_op if backend == "ews" else GRAPH_OPS[ews_op]


def logged(backend: str, ews_op: str) -> str:
    """The operation's name in ``sandbox.request_log``."""
    return ews_op if backend == "ews" else "graph:" + GRAPH_OPS[ews_op]


def account_for(sb, email: str = ALICE) -> tuple[AccountConfig, str]:
    user = next(a for a in sb.accounts if a["email"] == email)
    acc = AccountConfig(email=email, ews_url=sb.ews_url, username=user.get("username") or email, sandbox=True)
    return acc, user["password"]


@pytest.fixture(autouse=True)
def _own_dispatch_home(tmp_path, monkeypatch):
    """Each test gets its own data dir: the window's journal (drafts in progress, the send queue) of
    one test must never be recovered into the next."""
    monkeypatch.setenv("DISPATCH_HOME", str(tmp_path / "dispatch-home"))


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


def graph_session(sb, email: str = ALICE) -> Session:
    """A session on ``sb``'s Graph (``sb`` made with graph=True): the account says Graph, and its service is
    GraphMailService with tokens minted in-process by the sandbox's authority. MailClient calls the factory
    in a worker thread, as the app's own does."""
    from app.mail.graph import GraphMailService

    acc = AccountConfig(email=email, ews_url=sb.ews_url, username=email, backend=Backend.GRAPH, sandbox=True)
    tokens = lambda force_refresh: sb.authority.access_token_for(email)  # noqa: E731
    return Session.for_service(acc, lambda: GraphMailService(email, sb.graph_url, tokens, timeout=15.0,
                                                             send_settle_seconds=GRAPH_SETTLE))


def open_window(qtbot, sb, settings, email: str = ALICE, connected: bool = False, journal=None,
                backend: str = "ews"):
    """A real window and session signed in as ``email`` on ``sb``; with ``connected``, waits for the server.
    ``journal``: the window's local journal (default: a fresh one in this test's own data dir).
    ``backend``: "ews" (exchangelib, the password) or "graph" (``graph_session``)."""
    if backend == "graph":
        session = graph_session(sb, email)
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
    session = session if session is not None else win.session
    if session is not None:
        session.close()


def _window_or_its_dialog_is_active(win) -> bool:
    from PySide6.QtWidgets import QApplication

    active = QApplication.activeWindow()
    return active is win or (active is not None and active.parent() is win)


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "config" / "settings.json")


@pytest.fixture
def window(qtbot, aloop, sandbox, settings):
    """The main window, signed in as alice on a fresh sandbox, connected, lists loaded."""
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
    yield win
    close_window(win, session)


@pytest.fixture(params=UI_BACKENDS)
def ui_backend(request) -> str:
    """The backend a flow test runs on: each such test runs once per backend."""
    return request.param


@pytest.fixture
def ui_sandbox(sandbox_factory, ui_backend):
    """A fresh sandbox for the backend at hand (with Graph it serves Graph too, on the same mailboxes)."""
    return sandbox_factory(graph=ui_backend == "graph")


@pytest.fixture
def ui_window(qtbot, aloop, ui_sandbox, ui_backend, settings):
    """``window`` on the backend at hand: alice on ``ui_sandbox``, connected, lists loaded."""
    win, session = open_window(qtbot, ui_sandbox, settings, connected=True, backend=ui_backend)
    qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
    yield win
    close_window(win, session)


def wait_task(qtbot, aw, timeout=30000):
    """Run an awaitable on the session loop (already running under Qt) and wait for its result."""
    import asyncio

    task = asyncio.ensure_future(aw)
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()


def wait_idle(qtbot, win, timeout=30000):
    """Until the window has nothing left running: every task started from it and its lists' loads
    (``flows.wait_idle``), the account's queue (``outbox.drain``: saves and sends on the wire), and the
    busy indicator. A "nothing was sent" check after it means nothing, not "nothing yet"."""
    wait_task(qtbot, win.flows.wait_idle(), timeout)
    outbox = win.flows.outbox()
    if outbox is not None:
        wait_task(qtbot, outbox.drain(timeout / 1000), timeout)
        wait_task(qtbot, win.flows.wait_idle(), timeout)  # what the queue's results started in the window
    qtbot.waitUntil(lambda: not win.busy, timeout=timeout)


@pytest.fixture
def wired(qtbot, tmp_path):
    """A Compose on screen whose every change is autosaved to a real journal (timers off: the test flushes,
    as the timer would). Used by test_body_mirror.py and test_body_loader.py."""
    from app.core.autosave import Autosave
    from app.core.journal_writer import JournalWriter
    from app.storage.journal import Journal
    from app.ui.compose.compose_view import ComposeView

    c = ComposeView()
    qtbot.addWidget(c)
    c.show()
    journal = Journal(tmp_path / "journal.sqlite3")
    writer = JournalWriter()
    autosave = Autosave(journal, writer=writer, call_later=lambda _delay, _fn: None)
    c.changed.connect(lambda: autosave.touch(c.snapshot, c.identity().local_id))
    yield c, autosave, journal
    autosave.close()
    writer.close()
