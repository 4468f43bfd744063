"""A Microsoft 365 (Graph) account pointed at the sandbox, and a window with the app's Controller that signs
it in."""

from __future__ import annotations

from app.domain.account import AccountConfig, Backend
from tests.ui.conftest import ALICE

CLIENT_ID = "5f1d7a8e-0c3b-4d8e-9a61-3e2b7c9d4f10"


def m365_account(sb, email=ALICE) -> AccountConfig:
    """A Microsoft 365 account whose settings point at the sandbox (as a tenant's overrides would: the
    authority, its certificate, the Graph URL, the application id)."""
    return AccountConfig(email=email, ews_url="", username=email, backend=Backend.GRAPH, extra={
        "graph_url": sb.graph_url,
        "graph_signin": {"client_id": CLIENT_ID, "authority": sb.authority.authority_url,
                         "authority_cert": sb.authority.cert_path}})


def signin_window(qtbot, settings):
    from app.app_main import Controller
    from app.cli import parse
    from app.ui.window.main_window import MainWindow

    win = MainWindow(settings=settings, keyring_ok=True)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    ctl = Controller(parse([]), win, settings)
    return win, ctl
