"""The backend boundary: an account names its backend; a missing one is a clear error, not a crash."""

import sys

import pytest

from app.core.accounts.mailclient import MailClient
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


def test_graph_account_builds_the_graph_backend_with_the_token_provider_given(sandbox_factory):
    sb = sandbox_factory(graph=True)
    alice = sb.accounts[0]
    acct = AccountConfig(email=alice["email"], ews_url=sb.ews_url, username=alice["username"], backend=Backend.GRAPH,
                         sandbox=True)
    asked = []

    def tokens(force_refresh):
        asked.append(force_refresh)
        return sb.authority.access_token_for(alice["email"])

    svc = backends.service_factory(acct, "", token_provider=tokens)()
    try:
        assert isinstance(svc, MailService) and type(svc).__module__ == "app.mail.graph.service"
        assert svc.graph_url == sb.graph_url  # the sandbox serves Graph under /v1.0 beside EWS
        assert svc.connect().version_name == "Microsoft Graph v1.0" and asked == [False]
    finally:
        svc.close()


def test_a_backend_not_available_is_a_clear_error(monkeypatch):
    monkeypatch.delitem(backends.BACKEND_MODULES, Backend.GRAPH)
    acct = AccountConfig(email="a@example.com", ews_url="", username="a", backend=Backend.GRAPH)
    with pytest.raises(ServerFault) as err:
        backends.create_service(acct, "pw")
    assert err.value.code == "ErrorBackendUnavailable"
    assert "graph" in err.value.message


def test_neither_httpx_nor_msal_is_imported_until_the_graph_backend_is_built():
    """Start-up does not pay for them: the account's factory, app.mail.graph and the backends module import
    nothing of the Graph backend's; building it (in a worker thread) does."""
    import subprocess

    code = ("import sys\n"
            "from app.domain.account import AccountConfig, Backend\n"
            "from app.mail import backends\n"
            "import app.mail.graph\n"
            "acct = AccountConfig(email='a@example.com', ews_url='', username='a', backend=Backend.GRAPH)\n"
            "factory = backends.service_factory(acct, '', token_provider=lambda force: 't')\n"
            "before = sorted(m for m in ('httpx', 'msal', 'app.mail.graph.service') if m in sys.modules)\n"
            "svc = factory()\n"
            "print(before, 'httpx' in sys.modules, type(svc).__name__)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         cwd=str(__import__("pathlib").Path(__file__).resolve().parents[2]))
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["[]", "True", "GraphMailService"], out.stdout


def test_building_the_factory_imports_no_backend():
    """Session creation stays cheap: the backend module loads in the worker, on first call."""
    acct = AccountConfig(email="a@example.com", ews_url="http://127.0.0.1:9/EWS/Exchange.asmx", username="a")
    had = "app.mail.ews.service" in sys.modules
    client = MailClient(backends.service_factory(acct, "pw"))
    client.close()
    assert ("app.mail.ews.service" in sys.modules) == had
