"""The Microsoft Graph backend (REST v1.0 by hand over httpx; sign-in with MSAL). The only package allowed
to import httpx and msal.

Importing httpx (and msal) costs start-up time, so this package imports them lazily: ``from app.mail.graph
import GraphMailService`` pulls httpx in; ``import app.mail.graph`` alone does not. The backend is built by
:func:`create` in a worker thread (app.mail.backends), like exchangelib's.
"""

from __future__ import annotations

__all__ = ["GraphMailService", "create", "graph_url_for", "graph_url_for_authority", "signin_for", "sandbox_signin", "sign_in_to_sandbox"]

# Microsoft's public Graph endpoint (v1.0).
DEFAULT_GRAPH_URL = "https://graph.microsoft.com/v1.0"


def graph_url_for(account) -> str:
    """Where the account's Graph is: ``extra["graph_url"]``; for the sandbox (which serves Graph under
    ``/v1.0`` beside its EWS endpoint) derived from its URL; else the Graph of the sign-in authority's cloud
    (``login.microsoftonline.us`` -> ``https://graph.microsoft.us/v1.0``: app/domain/m365.py), Microsoft's
    public endpoint for any other."""
    extra = getattr(account, "extra", None) or {}
    if extra.get("graph_url"):
        return str(extra["graph_url"]).rstrip("/")
    ews = (getattr(account, "ews_url", "") or "").rstrip("/")
    if getattr(account, "sandbox", False) and ews.endswith("/EWS/Exchange.asmx"):
        return ews[: -len("/EWS/Exchange.asmx")] + "/v1.0"
    return graph_url_for_authority(str((extra.get("graph_signin") or {}).get("authority") or ""))


def graph_url_for_authority(authority: str) -> str:
    """The Graph endpoint (v1.0) that goes with a sign-in authority; Microsoft's public one for an authority
    that is none of Microsoft's."""
    from app.domain.m365 import graph_root_for_authority

    root = graph_root_for_authority(authority)
    return f"{root}/v1.0" if root else DEFAULT_GRAPH_URL


def create(account, secret=None, token_provider=None, permission_token=None):
    """The backend entry point used by :mod:`app.mail.backends`.

    ``secret`` fills the password slot of ``create_service(account, password)`` and is not a password here:
    Microsoft 365 has none for Dispatch. ``token_provider(force_refresh) -> access token`` is what the
    service calls; the app's wiring passes the one of its MSAL sign-in (``GraphSignIn.token_provider``,
    whose token cache it keeps in the keyring). Without one, a sign-in for this account with the settings
    in ``account.extra["graph_signin"]`` and a token cache in memory is made here: until the user signs in,
    every call fails with AuthFailed (the queue waits for the sign-in). ``permission_token(permission,
    force_refresh)``: the address book's token for a permission beyond the sign-in's scopes
    (``GraphSignIn.permission_token``; app/mail/graph/directory_access.py), None: none is asked for.
    """
    from app.mail.graph.service import GraphMailService

    if token_provider is None:
        from app.mail.graph.signin import GraphSignIn, SignInSettings

        token_provider = GraphSignIn(account.email, SignInSettings.from_account(account)).token_provider
    return GraphMailService(account.email, graph_url_for(account), token_provider,
                            verify=bool(getattr(account, "verify_tls", True)),
                            principals=getattr(account, "principals", None) or (),
                            permission_token=permission_token)


def signin_for(account, store=None):
    """The account's Microsoft 365 sign-in (GraphSignIn: settings from ``account.extra["graph_signin"]``,
    token cache kept by ``store``)."""
    from app.mail.graph.signin import GraphSignIn

    return GraphSignIn.for_account(account, store)


def sandbox_signin(email: str, authority_url: str, cert_path: str):
    """A sign-in to the built-in sandbox's authority (tokens in memory: the authority's keys are per run)."""
    from app.mail.graph.signin import GraphSignIn, SignInSettings

    return GraphSignIn(email, SignInSettings.sandbox(authority_url, cert_path))


def sign_in_to_sandbox(signin, login: str, password: str):
    """Sign ``signin`` in to the sandbox's authority as its user (app/mail/graph/sandbox_signin.py)."""
    from app.mail.graph.sandbox_signin import sign_in_to_sandbox as run

    return run(signin, login, password)


def __getattr__(name):
    if name == "GraphMailService":
        from app.mail.graph import service

        return service.GraphMailService
    raise AttributeError(name)
