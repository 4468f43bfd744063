"""A start-up hiccup does not leave the window offline: a connect that failed in a way that may pass by
itself (a reply that could not be read, a busy server) is tried again after a few seconds, the banner says
when, and the lists load without the user pressing anything (app/ui/window/reconnect.py). A refused sign-in is
not retried by itself (test_window_more.py::test_retry_after_sign_in_refused_once)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.outbox.policy import reconnects
from app.core.accounts.session import ConnectionState
from app.domain.models import ErrorKind
from tests.helpers.mailbox import seed_drafts
from tests.helpers.backends import op
from tests.helpers.windows import close_window, open_window


@pytest.mark.parametrize("kind, params", [("truncated", {}), ("http_503", {"retry_after": 0}),
                                          ("drop_after_commit", {})])
def test_a_failed_first_connect_is_tried_again_by_itself(qtbot, aloop, ui_sandbox, ui_backend, settings, kind,
                                                         params):
    sandbox = ui_sandbox
    seed_drafts(sandbox, 2)
    sandbox.faults.inject(op(ui_backend, "GetFolder"), kind, count=1, **params)
    said: list[str] = []
    win, session = open_window(qtbot, sandbox, settings, backend=ui_backend)
    try:
        win.error_shown.connect(said.append)
        qtbot.waitUntil(lambda: (op(ui_backend, "GetFolder"), kind) in sandbox.faults.fired, timeout=20000)
        qtbot.waitUntil(lambda: any("trying again in" in s for s in said), timeout=20000)
        # words for what failed: a connect (it said "checking whether it was sent" for a lost reply)
        assert not [s for s in said if "was sent" in s], said
        # connected by itself: the connect done (the server known), not just a list that went through meanwhile
        qtbot.waitUntil(lambda: session.server_info is not None and not win.banner.isVisible(), timeout=20000)
        assert session.state == ConnectionState.CONNECTED
        qtbot.waitUntil(lambda: not win.drafts.model.loading and win.drafts.model.rowCount() == 2, timeout=20000)
    finally:
        close_window(win, session)


def test_what_the_user_must_settle_is_not_tried_again_by_itself():
    assert not any(reconnects(k) for k in (ErrorKind.AUTH, ErrorKind.TLS, ErrorKind.LOCAL, ErrorKind.PERMANENT,
                                           ErrorKind.INVALID_INPUT))
    assert all(reconnects(k) for k in (ErrorKind.UNREACHABLE, ErrorKind.TRANSIENT, ErrorKind.THROTTLED,
                                       ErrorKind.OUTCOME_UNKNOWN))


def test_retry_connects_a_window_connected_only_by_the_way(qtbot, aloop, sandbox, settings):
    """The first connect was refused as busy for 30 s, then the lists went through (connected by the way):
    Retry still connects (it only reloaded the lists, and the error stayed on screen)."""
    seed_drafts(sandbox, 2)
    sandbox.faults.inject("GetFolder", "http_503", count=1, retry_after=30)
    win, session = open_window(qtbot, sandbox, settings)
    try:
        qtbot.waitUntil(lambda: win.banner.isVisible() and "trying again in 30 s" in win.banner.label.text(),
                        timeout=20000)
        win.flows.refresh()  # F5: the lists load, and with them the session counts as connected
        qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED and win.drafts.model.rowCount() == 2,
                        timeout=20000)
        assert session.server_info is None and win.banner.isVisible()
        win.banner.retry_button.setFocus()
        qtbot.keyClick(win.banner.retry_button, Qt.Key_Space)
        qtbot.waitUntil(lambda: session.server_info is not None and not win.banner.isVisible(), timeout=20000)
    finally:
        close_window(win, session)


def test_a_window_a_failed_list_took_offline_connects_again_by_itself(qtbot, aloop, sandbox_factory, settings,
                                                                     tmp_path):
    """Connected, then the server goes away and F5's lists fail for the network: the session is offline. The
    server comes back, and the window connects again by itself, with nothing else going through meanwhile.
    Before, it stayed offline until a later call happened to succeed or the user pressed Retry (the keyboard
    monkey's outage walk met it)."""
    sandbox = sandbox_factory(data=str(tmp_path / "sb"))  # stop() + start() keep its port and data
    seed_drafts(sandbox, 2)
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    try:
        qtbot.waitUntil(lambda: not win.drafts.model.loading and not win.sent.model.loading, timeout=20000)
        sandbox.stop()
        win.flows.refresh()  # F5: both lists meet a server that is not there
        qtbot.waitUntil(lambda: session.state == ConnectionState.OFFLINE, timeout=20000)
        qtbot.waitUntil(lambda: not win.drafts.model.loading and not win.sent.model.loading, timeout=20000)
        sandbox.start()
        qtbot.waitUntil(lambda: session.ready and not win.banner.isVisible(), timeout=20000)  # nobody pressed Retry
        qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 2, timeout=20000)
    finally:
        close_window(win, session)


def test_a_failed_connect_is_said_once_a_streak_and_its_end_is_said(qtbot, aloop, sandbox, settings):
    """A screen reader hears the failure once, not at each retry (the banner shows each retry's new wait), and
    hears "Connected" when it ends (issue 62)."""
    from tests.helpers.heard import Heard

    seed_drafts(sandbox, 1)
    sandbox.faults.inject("GetFolder", "http_503", count=2, retry_after=0)
    shown: list[str] = []
    win, session = open_window(qtbot, sandbox, settings)
    heard = Heard(win.announcer)
    try:
        win.error_shown.connect(shown.append)
        qtbot.waitUntil(lambda: session.server_info is not None and not win.banner.isVisible(), timeout=30000)
        assert len([s for s in shown if "trying again in" in s]) == 2, shown  # shown at each retry
        failures = [(w, loud) for w, loud in heard.said if "trying again in" in w]
        assert len(failures) == 1 and failures[0][1], heard.said  # once, assertive
        assert heard.said[-1] == ("Connected", False), heard.said
    finally:
        close_window(win, session)
