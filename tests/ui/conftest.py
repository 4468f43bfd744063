"""UI fixtures: the real window on the real sandbox (over HTTP, real exchangelib via EwsMailService).

The GUI flow tests that guard sending run on both backends: ``ui_backend`` is parametrised ("ews", "graph"),
``ui_sandbox`` follows it (a Graph run gets a sandbox that also serves Graph) and ``ui_window`` is the
window on it; ``open_window(..., backend="graph")`` opens the real window on a Graph session
(GraphMailService over httpx, tokens minted by the sandbox's authority: these tests are not about
signing in; tests/graph and tests/authority sign in through MSAL). ``op`` / ``logged`` name an
operation for fault injection / the request log of the backend at hand. Every other test is EWS only."""

from __future__ import annotations

import pytest

from app.storage.settings import Settings
from tests.helpers.windows import close_window, open_window

UI_BACKENDS = ("ews", "graph")


@pytest.fixture(autouse=True)
def _own_dispatch_home(tmp_path, monkeypatch):
    """Each test gets its own data dir: the window's journal (drafts in progress, the send queue) of
    one test must never be recovered into the next."""
    monkeypatch.setenv("DISPATCH_HOME", str(tmp_path / "dispatch-home"))


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


@pytest.fixture
def wired(qtbot, tmp_path):
    """A Compose on screen whose every change is autosaved to a real journal (timers off: the test flushes,
    as the timer would). Used by test_body_mirror.py and test_body_loader.py."""
    from app.core.compose.autosave import Autosave
    from app.core.common.journal_writer import JournalWriter
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


@pytest.fixture
def notify_server(tmp_path, monkeypatch):
    """A notification server on a session bus of the test's own (tests/helpers/notify_bus.py), the window's."""
    from tests.helpers.notify_bus import NotifyServer, missing

    lacking = missing()
    if lacking:
        pytest.skip(f"no {lacking}: the notification server cannot run here")
    server = NotifyServer(tmp_path)
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", server.address)  # the window's session bus is the test's
    yield server
    server.stop()
