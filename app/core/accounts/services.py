"""Which mail service an account gets, and the Microsoft 365 sign-in of Graph accounts. No Qt here.

- Exchange Server (EWS): the password the user typed (kept in the keyring by the caller).
- Microsoft 365 (Graph): no password; the account's MSAL sign-in (:class:`app.mail.graph.signin.GraphSignIn`),
  one per account in this process, whose token cache is kept in the OS keyring
  (``app.storage.secrets.KeyringTokenCacheStore``; with no keyring, in memory for this session). The Graph
  service asks it for a token before each request (in a worker thread).

The UI starts a sign-in with :func:`begin_sign_in` (browser or device code), awaits it, and then builds the
session with :func:`service_factory_for`; it never imports a backend itself.
"""

from __future__ import annotations

import threading
from typing import Callable

from app.domain.account import AccountConfig, Backend
from app.mail import backends
from app.mail.service import MailService

_lock = threading.Lock()
_signins: dict[str, object] = {}
def is_graph(account: AccountConfig) -> bool:
    return account.backend == Backend.GRAPH


def graph_signin(account: AccountConfig, *, store=None):
    """The account's sign-in (the same object for the same account and sign-in settings, so a sign-in made
    in the account dialog serves the session built after it). ``store``: where its token cache is kept
    (default the OS keyring through app.storage.secrets)."""
    graph = backends.backend_module(Backend.GRAPH)
    settings = (account.extra or {}).get("graph_signin") or {}
    key = (f"{account.key}|{settings.get('authority', '')}|{settings.get('client_id', '')}"
           f"|{settings.get('authority_pin_sha256', '')}")  # a newly trusted certificate: a new MSAL client
    with _lock:
        signin = _signins.get(key)
        if signin is None:
            if store is None:
                from app.storage.secrets import KeyringTokenCacheStore

                store = KeyringTokenCacheStore()
            signin = graph.signin_for(account, store)
            _signins[key] = signin
        return signin


def service_factory_for(account: AccountConfig, password: str = "") -> Callable[[], MailService]:
    """A factory that builds the account's backend when first called (in a worker thread): EWS with the
    password, Graph with the account's sign-in."""
    if is_graph(account):
        signin = graph_signin(account)
        return backends.service_factory(account, "", token_provider=signin.token_provider,
                                        permission_token=signin.permission_token)
    return backends.service_factory(account, password)


async def begin_sign_in(account: AccountConfig, mode: str = "browser"):
    """Start a Microsoft 365 sign-in for ``account`` off the event loop: ``"browser"`` gives an
    InteractiveSignIn (``.url`` to open in the system browser), ``"device"`` a DeviceCodeSignIn
    (``.user_code`` and ``.verification_uri`` to show). ``await pending.wait()`` for the result
    (SignedIn, or AuthFailed / ConnectionFailed / TlsFailed); ``pending.cancel()`` stops it."""
    signin = graph_signin(account)
    if mode == "device":
        return await signin.begin_device_code_async()
    return await signin.begin_interactive_async()


async def begin_asking(account: AccountConfig, permission: str):
    """Start the account's Microsoft 365 sign-in asking for ``permission`` besides its scopes (the address book's,
    incremental consent: GraphSignIn.begin_asking), off the event loop: an InteractiveSignIn (``.url`` for the
    system browser; ``await pending.wait()``)."""
    return await graph_signin(account).begin_asking_async(permission)
