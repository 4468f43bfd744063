"""`Session.ready`: connected *and* the connect itself done (the server's build and limits known).

A list or a save that goes through marks the session connected by the way; the window's reconnect timer,
its start-up connect and the user's Retry must still run the connect then (tests/ui/test_reconnect.py shows
the window's side). Real backends against the sandbox over HTTP."""

from __future__ import annotations

from app.core.accounts.session import ConnectionState, Session
from app.domain.models import Folder
from tests.helpers.aio import run
from tests.helpers.backends import every_backend


@every_backend
def test_a_session_connected_by_the_way_is_not_ready_until_its_connect(services):
    config = services.config()
    session = Session.for_service(config, services.make)
    try:
        assert not session.ready
        run(session.list_messages(Folder.DRAFTS, 0, 10))
        assert session.state == ConnectionState.CONNECTED and session.server_info is None
        assert not session.ready, "a list that went through does not tell the server's build and limits"
        run(session.connect())
        assert session.ready and session.server_info is not None
    finally:
        session.close()
