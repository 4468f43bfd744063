"""A Microsoft 365 (Graph) account pointed at the sandbox, and a window with the app's Controller that signs
it in."""

from __future__ import annotations

from app.domain.account import AccountConfig, Backend
from tests.helpers.backends import ALICE

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


class BrowserUser:
    """The system browser's stand-in (there is none here): for each URL the app opens
    (``app.ui.accounts.m365_signin.open_in_browser``, replaced by the test), the user's steps on the
    sandbox authority's page as ``login``, then the page's form post to the app's loopback redirect."""

    def __init__(self, sb, monkeypatch, login=ALICE, password="alice-sandbox-pw"):
        import threading

        self.sb, self.login, self.password = sb, login, password
        self.opened: list[str] = []
        self.done = threading.Event()
        self.errors: list[BaseException] = []
        monkeypatch.setattr("app.ui.accounts.m365_signin.open_in_browser", self.open)

    def open(self, url: str) -> bool:
        import threading

        self.opened.append(url)
        threading.Thread(target=self._user, args=(url,), daemon=True).start()
        return True

    def _user(self, url: str) -> None:
        import httpx

        from tests.authority.helpers import browser, form_of, sign_in

        try:
            with browser(self.sb.authority) as b:
                answer = sign_in(b, url, self.login, self.password)
            target, fields = form_of(answer.text)
            with httpx.Client(trust_env=False, timeout=20) as plain:
                plain.post(target, data=fields)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            self.errors.append(exc)
        finally:
            self.done.set()
