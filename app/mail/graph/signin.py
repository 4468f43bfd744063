"""Microsoft 365 sign-in for the Graph backend: MSAL (authorization code + PKCE in the system browser with
a loopback redirect, or device code), and the ``token_provider`` the Graph mail service calls.

    signin = GraphSignIn("ann@contoso.com", SignInSettings.from_account(account), store=keyring_store)
    # Interactive (from a worker thread, or ``await signin.begin_interactive_async()``):
    pending = signin.begin_interactive()        # pending.url: open it in the system browser
    signed_in = await pending.wait()            # or pending.future / pending.result(timeout)
    # Device code fallback:
    pending = signin.begin_device_code()        # pending.user_code, pending.verification_uri to show
    signed_in = await pending.wait()            # pending.cancel() stops the polling at once
    # Then, for every Graph request (in a worker thread):
    GraphMailService(email, graph_url, token_provider=signin.token_provider)
    signin.token_provider(force_refresh=False) -> access token, or AuthFailed: sign in again

Every method that talks to the authority (begin_*, complete, token_provider) blocks on the network: call it
in a worker thread, never on the Qt event loop (the ``*_async`` forms do that). A sign-in's completion is a
``concurrent.futures.Future`` resolved by a worker thread: ``await pending.wait()`` from asyncio/qasync, or
``pending.future.add_done_callback`` (called in that worker thread).

The loopback listener (loopback.py) answers the browser on 127.0.0.1 at a free port, takes the one request
carrying this sign-in's ``state`` (others get a 400 page and change nothing) and closes. No token, code or
refresh token is ever logged; errors carry the authority's error code and description only.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from app.domain.m365 import graph_root as root_of
from app.domain.m365 import GLOBAL_GRAPH, GRAPH_FOR_LOGIN_HOST, graph_root_for_authority, scopes_for, with_permission
from app.domain.validation import check_authority_url
from app.domain.words import translate
from app.mail.certs import peer_fingerprint
from app.mail.errors import AuthFailed, ConnectionFailed, DirectoryNotGranted, SignInCancelled, SignInNeeded, TlsFailed

from .errors import refuse_unsafe_url
from .tokens import MemoryTokenCacheStore, PersistedCache, TokenCacheStore, http_client

log = logging.getLogger(__name__)

DEFAULT_AUTHORITY = "https://login.microsoftonline.com/organizations"
GRAPH_RESOURCE = "https://graph.microsoft.com/"
# Delegated permissions, exactly those the Graph calls Dispatch makes need (the sandbox enforces
# them per operation, app/sandbox/graph/permissions.py): drafts, their attachments and Sent Items
# (Mail.ReadWrite), sending (Mail.Send), sending from a shared mailbox or as a delegate (Mail.Send.Shared:
# "In order to send messages from another user, applications that use user tokens use the Mail.Send.Shared
# permission", learn.microsoft.com/graph/outlook-send-mail-from-other-user) and people search to
# resolve names (People.Read). A draft from another mailbox lives in the user's own Drafts (``from`` set,
# service.py), so no Mail.ReadWrite.Shared. Who signed in comes from the ID token (MSAL always adds openid,
# profile and offline_access): no User.Read.
DEFAULT_SCOPES = scopes_for(GLOBAL_GRAPH)
# What DEFAULT_SCOPES was before Mail.Send.Shared joined it: settings that saved exactly it get today's
# default (the user is asked to consent to Mail.Send.Shared at the next sign-in); any other saved list is
# kept as it is.
_OLD_DEFAULT_SCOPES = (tuple(GRAPH_RESOURCE + p for p in ("Mail.ReadWrite", "Mail.Send", "People.Read")),)
# Every default scope list Dispatch ever saved, in every cloud: such a saved list is today's default of the
# account's cloud; any other saved list is kept as it is.
_MICROSOFT_GRAPH_ROOTS = tuple(sorted({*GRAPH_FOR_LOGIN_HOST.values(), "https://dod-graph.microsoft.us"}))
_DEFAULTS_EVER = (DEFAULT_SCOPES, *_OLD_DEFAULT_SCOPES, *(scopes_for(r) for r in _MICROSOFT_GRAPH_ROOTS))


def default_scopes(authority: str) -> tuple:
    """The scopes for the Graph of ``authority``'s cloud; the global ones for an authority that is none of
    Microsoft's (the sandbox's)."""
    return scopes_for(graph_root_for_authority(authority) or GLOBAL_GRAPH)


# Dispatch's application (client) id in Microsoft Entra: set once the app is registered (a public client
# with the redirect http://127.0.0.1, added through the manifest's replyUrlsWithType: see REDIRECT_HOST);
# until then the account's settings must name one.
DEFAULT_CLIENT_ID = ""
# The id Dispatch uses with the sandbox's authority (which accepts any client id).
SANDBOX_CLIENT_ID = "d15a7c40-5a4d-4c1e-9e55-000000000d15"
_MICROSOFT_HOSTS = ("login.microsoftonline.com", "login.microsoftonline.us", "login.chinacloudapi.cn",
                    "login.partner.microsoftonline.cn", "login.microsoftonline.de")
NEED_SIGN_IN = "Sign in to Microsoft 365 again for {email}"
# The loopback redirect names the address the listener binds, never ``localhost``: a browser may resolve
# ``localhost`` to ::1 first, where another local user could listen on the same port and answer it. RFC 8252
# sections 7.3 and 8.3 recommend the IP literal; Microsoft Entra does too ("Prefer 127.0.0.1 over localhost",
# learn.microsoft.com/entra/identity-platform/reply-url: the port of a loopback redirect is ignored when
# matching, [::1] is not supported, and an http://127.0.0.1 redirect is registered through the application
# manifest's replyUrlsWithType).
REDIRECT_HOST = "127.0.0.1"


@dataclass(frozen=True)
class SignInSettings:
    """What the account's settings say about sign-in (``AccountConfig.extra["graph_signin"]``)."""

    client_id: str = DEFAULT_CLIENT_ID
    authority: str = DEFAULT_AUTHORITY
    scopes: tuple = DEFAULT_SCOPES
    # A PEM file: the authority's own certificate, the only one trusted (the sandbox's authority).
    authority_cert: str = ""
    # The SHA-256 of the authority's certificate the user chose to trust (the fingerprint question): then
    # exactly that certificate is accepted, and no other (security.py's rule for EWS).
    authority_pin: str = ""

    @property
    def instance_discovery(self) -> bool:
        """Microsoft's instance discovery only for Microsoft's own login hosts (never for the sandbox, nor for an
        authority whose one certificate the user pinned: then only the authority itself is spoken to)."""
        if self.authority_cert or self.authority_pin:
            return False
        return (urlsplit(self.authority).hostname or "").lower() in _MICROSOFT_HOSTS

    @classmethod
    def sandbox(cls, authority_url: str, cert_path: str, client_id: str = SANDBOX_CLIENT_ID) -> "SignInSettings":
        return cls(client_id=client_id, authority=authority_url, authority_cert=cert_path)

    @classmethod
    def from_dict(cls, d: dict | None, *, graph_root: str = "") -> "SignInSettings":
        """From ``extra["graph_signin"]``. Scopes not saved (or a default saved by an earlier version)
        follow ``graph_root`` when given, else the authority's cloud (app/domain/m365.py)."""
        d = d if isinstance(d, dict) else {}
        authority = str(d.get("authority") or DEFAULT_AUTHORITY)
        derived = scopes_for(graph_root) if graph_root else default_scopes(authority)
        scopes = d.get("scopes")
        if not isinstance(scopes, (list, tuple)) or not scopes or tuple(scopes) in _DEFAULTS_EVER:
            scopes = derived  # a default saved earlier follows the cloud (and today's permissions)
        return cls(client_id=str(d.get("client_id") or DEFAULT_CLIENT_ID), authority=authority,
                   scopes=tuple(scopes), authority_cert=str(d.get("authority_cert") or ""),
                   authority_pin=str(d.get("authority_pin_sha256") or ""))

    @classmethod
    def from_account(cls, account) -> "SignInSettings":
        """The account's sign-in settings; the scopes name the Graph the account uses (its ``graph_url``
        when set, e.g. US DoD; else the cloud of its authority)."""
        extra = getattr(account, "extra", None) or {}
        graph_url = str(extra.get("graph_url") or "") if isinstance(extra, dict) else ""
        root = root_of(graph_url) if graph_url and not getattr(account, "sandbox", False) else ""
        return cls.from_dict(extra.get("graph_signin") if isinstance(extra, dict) else None,
                             graph_root=root if root in _MICROSOFT_GRAPH_ROOTS else "")

    def to_dict(self) -> dict:
        return {"client_id": self.client_id, "authority": self.authority, "scopes": list(self.scopes),
                "authority_cert": self.authority_cert, "authority_pin_sha256": self.authority_pin}


@dataclass(frozen=True)
class SignedIn:
    """Who signed in (no token in here: safe to show and to log)."""

    username: str
    name: str = ""
    in_keyring: bool = False  # False: the sign-in lasts until Dispatch closes (unless kept in a plain file)
    kept: str = "memory"  # where it outlives this process: "keyring", "file" (the user's choice), or "memory"


@dataclass(eq=False)
class PendingSignIn:
    """A sign-in under way. ``future`` resolves to SignedIn, or fails with AuthFailed (SignInCancelled after
    ``cancel()``) or ConnectionFailed / TlsFailed."""

    future: concurrent.futures.Future = field(default_factory=concurrent.futures.Future)
    _cancelled: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    @property
    def cancel_event(self) -> threading.Event:
        """Set by :meth:`cancel`: what the sign-in's worker waits on (to stop at once)."""
        return self._cancelled

    def result(self, timeout: float | None = None) -> SignedIn:
        return self.future.result(timeout)

    async def wait(self) -> SignedIn:
        return await asyncio.wrap_future(self.future)

    def settle(self, fn) -> None:
        """Complete with what ``fn()`` returns or raises (the sign-in's worker thread; once only)."""
        try:
            outcome = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits
            if not self.future.done():
                self.future.set_exception(exc)
            return
        if not self.future.done():
            self.future.set_result(outcome)


@dataclass(eq=False)
class InteractiveSignIn(PendingSignIn):
    url: str = ""  # open in the system browser
    redirect_uri: str = ""


@dataclass(eq=False)
class DeviceCodeSignIn(PendingSignIn):
    user_code: str = ""
    verification_uri: str = ""
    message: str = ""
    expires_at: float = 0.0


class GraphSignIn:
    """One account's Microsoft 365 sign-in: the MSAL public client, its token cache (kept by ``store``;
    in memory only when None) and the token provider. Thread-safe."""

    def __init__(self, email: str, settings: SignInSettings | None = None, store: TokenCacheStore | None = None,
                 *, timeout: float = 30.0):
        self.email = email.strip()
        self.settings = settings or SignInSettings()
        self.store = store if store is not None else MemoryTokenCacheStore()
        self.timeout = timeout
        self._lock = threading.RLock()
        self._app = None
        self._cache: PersistedCache | None = None

    @classmethod
    def for_account(cls, account, store: TokenCacheStore | None = None, **kw) -> "GraphSignIn":
        """The sign-in of an ``AccountConfig`` (its address; authority, client id and scopes from
        ``account.extra["graph_signin"]``, Microsoft's public endpoint by default)."""
        return cls(account.email, SignInSettings.from_account(account), store, **kw)

    # ---------------- MSAL, built when first needed (in a worker thread) ----------------
    def _msal(self):
        with self._lock:
            if self._app is None:
                # the authority receives the code and the refresh token: https only, except this computer
                refuse_unsafe_url(check_authority_url(self.settings.authority))
                if not self.settings.client_id:
                    raise AuthFailed(translate("MailErrors", "No application (client) id is set for Microsoft 365 "
                                               "sign-in; enter the one your organisation registered in the account "
                                               "settings."))
                import msal

                _quiet_msal()
                if self._cache is None:
                    self._cache = PersistedCache(self.email, self.store)
                self._app = self._net(lambda: msal.PublicClientApplication(
                    self.settings.client_id, authority=self.settings.authority, token_cache=self._cache.cache,
                    http_client=http_client(self.settings.authority_cert or None, pin=self.settings.authority_pin),
                    instance_discovery=self.settings.instance_discovery, timeout=self.timeout))
            return self._app

    def _net(self, fn):
        """:func:`_network`, naming the authority's certificate when TLS refused it (the fingerprint question)."""
        return _network(fn, self.settings.authority)

    def _account(self, app):
        accounts = app.get_accounts()
        mine = [a for a in accounts if (a.get("username") or "").lower() == self.email.lower()]
        if mine:
            return mine[0]
        return accounts[0] if len(accounts) == 1 else None  # a UPN that is not the mail address

    def _persist(self) -> None:
        if self._cache is not None:
            self._cache.persist()

    @property
    def in_keyring(self) -> bool:
        return bool(self._cache and self._cache.in_keyring)

    # ---------------- the token provider ----------------
    def token_provider(self, force_refresh: bool = False) -> str:
        """An access token for Graph (``force_refresh`` after a 401: a new one from the refresh token).
        AuthFailed when the user must sign in again; ConnectionFailed / TlsFailed when the authority could
        not be reached. Blocks on the network: a worker thread's call."""
        with self._lock:
            app = self._msal()
            account = self._account(app)
            if account is None:
                raise SignInNeeded(NEED_SIGN_IN.format(email=self.email) + ": Dispatch holds no sign-in for it.")
            result = self._net(lambda: app.acquire_token_silent_with_error(
                list(self.settings.scopes), account, force_refresh=force_refresh))
            self._persist()
        if result and "access_token" in result:
            return result["access_token"]
        raise SignInNeeded(NEED_SIGN_IN.format(email=self.email) + (
            f" ({_reason(result)})." if result else ": the sign-in has expired."))

    __call__ = token_provider

    # ---------------- incremental consent: a permission asked for when a feature first needs it ----------------
    def permission_token(self, permission: str, force_refresh: bool = False) -> str:
        """An access token for the sign-in's scopes and ``permission`` (the address book's User.ReadBasic.All or
        GroupMember.Read.All), got silently from the cache: the refresh token gets it where the user or an
        administrator has consented to it (learn.microsoft.com/entra/identity-platform/permissions-consent-overview,
        incremental consent). Where nobody has, DirectoryNotGranted with ``can_ask`` (the authority's
        AADSTS65001 ``consent_required``: an interactive sign-in for the permission may get it,
        :meth:`begin_asking`). The mail's own token never depends on it."""
        with self._lock:
            app = self._msal()
            account = self._account(app)
            result = None if account is None else self._net(lambda: app.acquire_token_silent_with_error(
                list(with_permission(self.settings.scopes, permission)), account, force_refresh=force_refresh))
            self._persist()
        if result and "access_token" in result:
            return result["access_token"]
        raise DirectoryNotGranted(scope=permission, code="Authorization_RequestDenied", can_ask=True)

    def begin_asking(self, permission: str, *, timeout: float = 600.0) -> "InteractiveSignIn":
        """The interactive sign-in of :meth:`begin_interactive`, asking for ``permission`` besides the
        sign-in's scopes (its consent page names it)."""
        return self.begin_interactive(timeout=timeout, scopes=with_permission(self.settings.scopes, permission))

    async def begin_asking_async(self, permission: str) -> "InteractiveSignIn":
        return await asyncio.get_running_loop().run_in_executor(_threads(), lambda: self.begin_asking(permission))

    def signed_in(self) -> bool:
        """Whether a sign-in is held for the account (no network)."""
        with self._lock:
            if self._cache is None:
                self._cache = PersistedCache(self.email, self.store)
            cache = self._cache.cache
            accounts = list(cache.search("Account")) if hasattr(cache, "search") else cache.find("Account")
        return bool(accounts)

    def sign_out(self) -> None:
        with self._lock:
            if self._cache is not None:
                self._cache.clear()
            else:
                self.store.forget(self.email)
            self._app = self._cache = None

    # ---------------- interactive: auth code + PKCE, loopback redirect ----------------
    def begin_interactive(self, *, timeout: float = 600.0, scopes: tuple[str, ...] = ()) -> InteractiveSignIn:
        """Start listening on 127.0.0.1 and return the sign-in URL for the system browser; the returned
        InteractiveSignIn completes when the browser comes back (or after ``timeout`` s, or ``cancel()``).
        ``scopes``: what to ask for (default the settings' scopes)."""
        from .loopback import LoopbackListener

        app = self._msal()
        listener = LoopbackListener(REDIRECT_HOST)
        try:
            redirect = f"http://{REDIRECT_HOST}:{listener.port}"
            flow = self._net(lambda: app.initiate_auth_code_flow(
                list(scopes or self.settings.scopes), redirect_uri=redirect, login_hint=self.email or None,
                response_mode="form_post"))  # the code never in a URL (browser history), as MSAL recommends
        except BaseException:
            listener.close()
            raise
        pending = InteractiveSignIn(url=flow["auth_uri"], redirect_uri=redirect)
        listener.expect(flow["state"], lambda params: self.complete(flow, params))

        def run():
            pending.settle(lambda: listener.serve(pending.cancel_event, timeout))

        threading.Thread(target=run, name="graph-signin-loopback", daemon=True).start()
        return pending

    def complete(self, flow: dict, params: dict) -> SignedIn:
        """Redeem what the redirect brought (``code`` and ``state``, or ``error``) for tokens."""
        app = self._msal()
        with self._lock:
            result = self._net(lambda: app.acquire_token_by_auth_code_flow(flow, dict(params)))
            self._signed_in(app, result)
            return self._who(result)

    async def begin_interactive_async(self, **kw) -> InteractiveSignIn:
        return await asyncio.get_running_loop().run_in_executor(_threads(), lambda: self.begin_interactive(**kw))

    # ---------------- device code ----------------
    def begin_device_code(self) -> DeviceCodeSignIn:
        """Ask for a device code: show ``user_code`` and ``verification_uri``; the returned DeviceCodeSignIn
        completes when the user has approved it (polled in a worker thread; ``cancel()`` stops at once)."""
        app = self._msal()
        flow = self._net(lambda: app.initiate_device_flow(scopes=list(self.settings.scopes)))
        if "user_code" not in flow:
            raise AuthFailed(translate("MailErrors", "Microsoft 365 refused to start a device sign-in ({reason}).").format(
                reason=_reason(flow)))
        pending = DeviceCodeSignIn(user_code=flow["user_code"], verification_uri=flow["verification_uri"],
                                   message=flow.get("message", ""), expires_at=float(flow.get("expires_at", 0)))
        threading.Thread(target=lambda: pending.settle(lambda: self._poll_device(app, flow, pending)),
                         name="graph-signin-device", daemon=True).start()
        return pending

    async def begin_device_code_async(self) -> DeviceCodeSignIn:
        return await asyncio.get_running_loop().run_in_executor(_threads(), self.begin_device_code)

    def _poll_device(self, app, flow: dict, pending: DeviceCodeSignIn) -> SignedIn:
        interval = max(1, int(flow.get("interval", 5)))
        while not pending.cancelled:
            if time.time() > pending.expires_at:
                raise _device_error("expired_token",
                                    "The device code expired before it was entered; start the sign-in again.")
            with self._lock:
                result = self._net(lambda: app.acquire_token_by_device_flow(flow, exit_condition=lambda f: True))
                if "access_token" in result:
                    self._signed_in(app, result)
                    return self._who(result)
            error = result.get("error")
            if error == "slow_down":
                interval += 5
            elif error != "authorization_pending":
                raise _device_error(error, f"The device sign-in did not complete ({_reason(result)}).")
            if pending.cancel_event.wait(interval):
                break
        raise SignInCancelled()

    # ---------------- after a sign-in ----------------
    def _signed_in(self, app, result: dict) -> None:
        if "access_token" not in result:
            raise AuthFailed(translate("MailErrors", "Microsoft 365 sign-in failed ({reason}).").format(
                reason=_reason(result)))
        who = (result.get("id_token_claims") or {}).get("preferred_username", "")
        for other in app.get_accounts():  # one sign-in per account: an earlier user's tokens go
            if who and (other.get("username") or "").lower() != who.lower():
                app.remove_account(other)
        self._persist()

    def _who(self, result: dict) -> SignedIn:
        claims = result.get("id_token_claims") or {}
        return SignedIn(username=claims.get("preferred_username") or self.email, name=claims.get("name") or "",
                        in_keyring=self.in_keyring, kept=self._cache.kept if self._cache else "memory")


_pool: concurrent.futures.ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _threads() -> concurrent.futures.ThreadPoolExecutor:
    """Plain Python threads for the ``*_async`` forms. Not the event loop's default executor: under qasync
    that is made of QThreads, and Qt aborts the process if one is still alive when the application ends."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="m365-signin")
        return _pool


def _quiet_msal() -> None:
    """MSAL's DEBUG records quote what it redeems (msal.token_cache logs the authorization code and the PKCE
    verifier): the ``msal`` loggers never go below INFO, whatever the app's logging asks for."""
    msal_log = logging.getLogger("msal")
    if msal_log.getEffectiveLevel() < logging.INFO:
        msal_log.setLevel(logging.INFO)


def _device_error(error, message: str) -> AuthFailed:
    """A device sign-in that ended without tokens; ``authority_error`` is the authority's error code
    (learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code: ``authorization_declined`` the user
    refused, ``expired_token`` the code expired, ``bad_verification_code`` the code is unknown)."""
    exc = AuthFailed(message)
    exc.authority_error = str(error or "")
    return exc


def _reason(result: dict | None) -> str:
    """The authority's error code and the first line of its description (never a token)."""
    if not result:
        return "no answer"
    desc = str(result.get("error_description") or "").strip().splitlines()
    return f"{result.get('error', 'error')}: {desc[0][:300]}" if desc else str(result.get("error", "error"))


def _network(fn, authority: str = ""):
    """Run an MSAL call; the HTTP client's failures become the backend-neutral errors. A certificate refused
    (not trusted by the system, or not the one pinned) is TlsFailed with the SHA-256 of the certificate the
    authority presents, for the user to decide on (never trusted here)."""
    import requests

    try:
        return fn()
    except requests.exceptions.SSLError as exc:
        fp = peer_fingerprint(authority) if authority else ""
        raise TlsFailed(translate("MailErrors", "The sign-in server's certificate could not be verified ({error}).").format(
            error=type(exc).__name__), fingerprint=fp) from None
    except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as exc:
        raise ConnectionFailed(translate("MailErrors", "Could not reach the Microsoft 365 sign-in server ({error}).").format(
            error=type(exc).__name__)) from None
    except ValueError as exc:  # MSAL: a flow whose state does not match, a malformed authority
        raise AuthFailed(translate("MailErrors", "Microsoft 365 sign-in failed ({reason}).").format(reason=str(exc))) from None
