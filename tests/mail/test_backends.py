"""The backend boundary: an account names its backend; a missing one is a clear error, not a crash."""

import sys

import pytest

from app.core.mailclient import MailClient
from app.domain.account import AccountConfig, Backend
from app.mail import backends
from app.mail.errors import ServerFault
from app.mail.service import MailService


def test_ews_account_builds_the_exchangelib_backend(sandbox):
    alice = sandbox.accounts[0]
    acct = AccountConfig(email=alice["email"], ews_url=sandbox.ews_url, username=alice["username"])
    svc = backends.create_service(acct, alice["password"])
    try:
        assert isinstance(svc, MailService)
        assert type(svc).__module__.startswith("app.mail.ews")
        assert svc.connect().build.startswith("15.")
    finally:
        svc.close()


def test_graph_backend_not_yet_available_is_a_clear_error():
    acct = AccountConfig(email="a@example.com", ews_url="", username="a", backend=Backend.GRAPH)
    with pytest.raises(ServerFault) as err:
        backends.create_service(acct, "pw")
    assert err.value.code == "ErrorBackendUnavailable"
    assert "graph" in err.value.message


def test_building_the_factory_imports_no_backend():
    """Session creation stays cheap: the backend module loads in the worker, on first call."""
    acct = AccountConfig(email="a@example.com", ews_url="http://127.0.0.1:9/EWS/Exchange.asmx", username="a")
    had = "app.mail.ews.service" in sys.modules
    client = MailClient(backends.service_factory(acct, "pw"))
    client.close()
    assert ("app.mail.ews.service" in sys.modules) == had
