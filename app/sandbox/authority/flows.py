"""The sign-in state machine: pending sign-ins, authorization codes, device codes and refresh tokens, kept
in memory under one lock (a sign-in does not survive a restart, as none needs to).

What the authority checks, and what it chose where Microsoft leaves room:
- ``/authorize`` sends its answer only to a loopback ``redirect_uri`` (http://localhost, 127.0.0.1 or
  [::1], any port, as Microsoft allows for native clients); anything else is refused on a page, never
  redirected to. A client registered with ``redirect_uris`` must use one of them (the port may differ).
- PKCE is required: ``code_challenge`` with ``code_challenge_method=S256``. An authorization code is good
  for one redemption attempt within 10 minutes: a wrong ``code_verifier`` uses it up too (AADSTS501481,
  then AADSTS54005), so a verifier cannot be guessed at.
- Refresh tokens are opaque and rotated: every refresh answers a new one. Microsoft does not revoke the old
  one ("The Microsoft identity platform doesn't revoke old refresh tokens when used to fetch new access
  tokens"); neither does the sandbox unless ``single_use_refresh=True``, which refuses a used one with
  AADSTS70008 (for tests of a client that must keep the newest).
"""

from __future__ import annotations

import hmac
import re
import secrets
import threading
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from . import errors
from .errors import OAuthError
from .jws import pkce_s256
from .tokens import Scopes

CODE_LIFETIME = 600  # Microsoft: authorization codes are short lived, about 10 minutes
SIGN_IN_LIFETIME = 900
MAX_ENTRIES = 10_000  # per kind: the oldest pending entry goes when a flood of requests fills it
MAX_PASSWORD_TRIES = 5
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
DEFAULT_PERMISSIONS = ["Mail.ReadWrite", "Mail.Send", "Mail.Send.Shared", "People.Read"]  # what Dispatch asks for
_VERIFIER = re.compile(r"[A-Za-z0-9._~-]{43,128}")
_CHALLENGE = re.compile(r"[A-Za-z0-9_-]{43}")
_USER_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


class PageError(Exception):
    """A sign-in refusal shown on the page itself (never sent to a redirect_uri)."""

    def __init__(self, error: OAuthError, status: int = 400):
        super().__init__(str(error))
        self.error, self.status = error, status


@dataclass
class SignIn:
    client_id: str
    redirect_uri: str
    scopes: Scopes
    state: str | None
    nonce: str | None
    challenge: str
    response_mode: str
    login_hint: str
    expires: float
    failures: int = 0


@dataclass
class Grant:
    """What a code, a device code or a refresh token stands for."""

    client_id: str
    permissions: list[str]
    response_scope: list[str]
    offline: bool
    openid: bool
    expires: float
    email: str | None = None
    nonce: str | None = None
    redirect_uri: str | None = None
    challenge: str | None = None
    user_code: str | None = None
    status: str = "pending"  # device codes: pending, approved, declined, redeemed; codes/refresh: used
    failures: int = 0
    granted: list[str] = field(default_factory=list)


def is_loopback_redirect(uri: str) -> bool:
    try:
        parts = urlsplit(uri)
        port = parts.port
    except ValueError:
        return False
    return (parts.scheme == "http" and (parts.hostname or "") in LOOPBACK_HOSTS and not parts.username
            and not parts.password and not parts.fragment and "\\" not in uri and port != 0
            and not any(ord(c) < 33 or ord(c) == 127 for c in uri))


def response_scope(scopes: Scopes, permissions: list[str]) -> list[str]:
    """The ``scope`` of a token response: the resource scopes as asked (so a client's token cache finds the
    token by them), then the OpenID Connect ones Microsoft lists (not ``offline_access``)."""
    resource = scopes.resource_scopes or permissions
    return resource + [s for s in ("openid", "profile", "email") if s in scopes.oidc]


class Flows:
    def __init__(self, users: list[dict], clients: dict | None, clock, *, refresh_lifetime: int,
                 device_lifetime: int, device_interval: int, single_use_refresh: bool):
        self.users = users
        self.clients = clients
        self.clock = clock
        self.refresh_lifetime, self.single_use_refresh = refresh_lifetime, single_use_refresh
        self.device_lifetime, self.device_interval = device_lifetime, device_interval
        self.lock = threading.Lock()
        self.sign_ins: dict[str, SignIn] = {}
        self.codes: dict[str, Grant] = {}
        self.devices: dict[str, Grant] = {}
        self.user_codes: dict[str, str] = {}
        self.refresh: dict[str, Grant] = {}

    # ---------------- clients and users ----------------
    def client(self, client_id: str | None) -> dict:
        if not client_id:
            raise OAuthError(errors.MISSING_PARAM, name="client_id")
        if self.clients is None:
            return {}
        config = self.clients.get(client_id)
        if config is None:
            raise OAuthError(errors.UNKNOWN_CLIENT, client=client_id)
        return config

    def authenticate_client(self, config: dict, form: dict) -> None:
        """A public client presents no secret; a confidential one (``secret`` configured) presents its own."""
        secret = form.get("client_secret")
        if not config.get("secret"):
            if secret is not None or form.get("client_assertion") is not None:
                raise OAuthError(errors.PUBLIC_WITH_SECRET, status=401)
            return
        if secret is None:
            raise OAuthError(errors.SECRET_MISSING, status=401)
        if not hmac.compare_digest(secret.encode(), str(config["secret"]).encode()):
            raise OAuthError(errors.SECRET_WRONG, status=401, client=form.get("client_id"))

    def permissions_of(self, config: dict) -> list[str]:
        return list(config.get("permissions") or DEFAULT_PERMISSIONS)

    def user_by_login(self, login: str) -> dict | None:
        lg = (login or "").strip().lower()
        for u in self.users:
            if lg and lg in (u["username"].lower(), u["email"].lower(), u["email"].split("@")[0].lower()):
                return u
        return None

    def user_by_email(self, email: str | None) -> dict | None:
        e = (email or "").lower()
        return next((u for u in self.users if u["email"].lower() == e), None)

    def check_password(self, login: str, password: str) -> dict | None:
        user = self.user_by_login(login)
        expected = (user or {}).get("password") or secrets.token_hex(16)  # compare even for unknown users
        ok = hmac.compare_digest((password or "").encode(), expected.encode())
        return user if ok and user else None

    # ---------------- /authorize ----------------
    def begin_sign_in(self, q: dict) -> tuple[str, SignIn]:
        """Check an authorization request; a pending sign-in (its id for the consent form). PageError for
        what may not be sent back (client, redirect_uri); OAuthError (+ ``sign_in``) for what is sent back."""
        try:
            config = self.client(q.get("client_id"))
        except OAuthError as e:
            raise PageError(e) from None
        redirect_uri = q.get("redirect_uri") or ""
        if not redirect_uri:
            raise PageError(OAuthError(errors.NO_REDIRECT))
        if not self._redirect_allowed(config, redirect_uri):
            raise PageError(OAuthError(errors.BAD_REDIRECT, uri=redirect_uri, client=q["client_id"]))
        mode = q.get("response_mode") or "query"
        pending = SignIn(q["client_id"], redirect_uri, None, q.get("state"), q.get("nonce"),
                         q.get("code_challenge") or "", mode if mode in ("query", "fragment", "form_post")
                         else "query", (q.get("login_hint") or "")[:256], self.clock() + SIGN_IN_LIFETIME)
        try:
            if mode != pending.response_mode:
                raise OAuthError(errors.BAD_RESPONSE_MODE)
            if q.get("response_type") != "code":
                raise OAuthError(errors.BAD_RESPONSE_TYPE)
            pending.scopes = Scopes(q.get("scope") or "", self.permissions_of(config))
            if q.get("code_challenge_method") != "S256" or not _CHALLENGE.fullmatch(pending.challenge):
                raise OAuthError(errors.NEED_PKCE)
            if q.get("prompt") == "none":
                raise OAuthError(errors.LOGIN_REQUIRED)
        except OAuthError as e:
            e.sign_in = pending
            raise
        request_id = secrets.token_urlsafe(24)
        with self.lock:
            self._put(self.sign_ins, request_id, pending)
        return request_id, pending

    def _redirect_allowed(self, config: dict, uri: str) -> bool:
        if not is_loopback_redirect(uri):
            return False
        registered = config.get("redirect_uris")
        if not registered:
            return True
        got = urlsplit(uri)
        return any((r := urlsplit(x)).hostname == got.hostname and r.path == got.path for x in registered)

    def pending_sign_in(self, request_id: str) -> SignIn:
        with self.lock:
            pending = self.sign_ins.get(request_id or "")
            if pending is None or pending.expires <= self.clock():
                self.sign_ins.pop(request_id or "", None)
                raise PageError(OAuthError(errors.SIGN_IN_EXPIRED))
            return pending

    def pending_sign_in_or_none(self, request_id: str) -> SignIn | None:
        try:
            return self.pending_sign_in(request_id)
        except PageError:
            return None

    def finish_sign_in(self, request_id: str, login: str, password: str, approve: bool) -> tuple[SignIn, dict]:
        """The redirect's parameters (code + state, or error + state). PageError when the sign-in is gone;
        OAuthError(BAD_PASSWORD) when the form is to be shown again."""
        pending = self.pending_sign_in(request_id)
        if not approve:
            with self.lock:
                self.sign_ins.pop(request_id, None)
            err = OAuthError(errors.USER_DECLINED)
            return pending, _with_state({"error": err.error, "error_description": str(err)}, pending.state)
        user = self.check_password(login, password)
        with self.lock:
            if user is None:
                pending.failures += 1
                if pending.failures >= MAX_PASSWORD_TRIES:
                    self.sign_ins.pop(request_id, None)
                raise OAuthError(errors.BAD_PASSWORD)
            if self.sign_ins.pop(request_id, None) is None:  # submitted twice at once: one wins
                raise PageError(OAuthError(errors.SIGN_IN_EXPIRED))
            code = secrets.token_urlsafe(48)
            perms = pending.scopes.permissions or self.permissions_of(self.client(pending.client_id))
            self._put(self.codes, code, Grant(
                pending.client_id, perms, response_scope(pending.scopes, perms),
                "offline_access" in pending.scopes.oidc, "openid" in pending.scopes.oidc,
                self.clock() + CODE_LIFETIME, email=user["email"], nonce=pending.nonce,
                redirect_uri=pending.redirect_uri, challenge=pending.challenge, granted=perms))
        return pending, _with_state({"code": code, "session_state": secrets.token_hex(16)}, pending.state)

    # ---------------- /devicecode and the verification page ----------------
    def begin_device(self, form: dict) -> dict:
        config = self.client(form.get("client_id"))
        self.authenticate_client(config, form)
        if not form.get("scope"):
            raise OAuthError(errors.MISSING_PARAM, name="scope")
        scopes = Scopes(form["scope"], self.permissions_of(config))
        perms = scopes.permissions or self.permissions_of(config)
        device_code = secrets.token_urlsafe(48)
        user_code = "".join(secrets.choice(_USER_CODE_ALPHABET) for _ in range(9))
        with self.lock:
            self._put(self.devices, device_code, Grant(
                form["client_id"], perms, response_scope(scopes, perms), "offline_access" in scopes.oidc,
                "openid" in scopes.oidc, self.clock() + self.device_lifetime, user_code=user_code,
                granted=perms))
            self.user_codes[user_code] = device_code
        return {"device_code": device_code, "user_code": user_code, "expires_in": self.device_lifetime,
                "interval": self.device_interval}

    def finish_device(self, user_code: str, login: str, password: str, approve: bool) -> None:
        """Approve (or decline) a device code on the verification page; OAuthError to show on the page."""
        code = re.sub(r"[\s-]", "", user_code or "").upper()
        with self.lock:
            grant = self.devices.get(self.user_codes.get(code, ""))
            if grant is None or grant.status != "pending" or grant.expires <= self.clock():
                raise OAuthError(errors.BAD_USER_CODE)
        user = self.check_password(login, password) if approve else None
        with self.lock:
            if grant.status != "pending":
                raise OAuthError(errors.BAD_USER_CODE)
            if not approve:
                grant.status = "declined"
                return
            if user is None:
                grant.failures += 1
                if grant.failures >= MAX_PASSWORD_TRIES:
                    grant.status = "declined"
                raise OAuthError(errors.BAD_PASSWORD)
            grant.status, grant.email = "approved", user["email"]

    # ---------------- /token ----------------
    def redeem(self, form: dict) -> tuple[Grant, dict, str | None]:
        """Check a token request; the grant it redeems, its user, and the refresh token to answer (or None)."""
        grant_type = form.get("grant_type")
        if not grant_type:
            raise OAuthError(errors.MISSING_PARAM, name="grant_type")
        config = self.client(form.get("client_id"))
        self.authenticate_client(config, form)
        if grant_type == "authorization_code":
            grant = self._redeem_code(form)
        elif grant_type == "refresh_token":
            grant = self._redeem_refresh(form, config)
        elif grant_type == DEVICE_GRANT:
            grant = self._redeem_device(form)
        else:
            raise OAuthError(errors.UNSUPPORTED_GRANT, grant=grant_type)
        user = self.user_by_email(grant.email)
        if user is None:
            raise OAuthError(errors.GRANT_MALFORMED)
        refresh = None
        if grant.offline:
            refresh = secrets.token_urlsafe(64)
            with self.lock:
                self._put(self.refresh, refresh, Grant(
                    grant.client_id, grant.granted, grant.response_scope, True, grant.openid,
                    self.clock() + self.refresh_lifetime, email=grant.email, granted=grant.granted))
        return grant, user, refresh

    def _redeem_code(self, form: dict) -> Grant:
        code = form.get("code")
        if not code:
            raise OAuthError(errors.MISSING_PARAM, name="code")
        with self.lock:
            grant = self.codes.get(code)
            if grant is None:
                raise OAuthError(errors.INVALID_CODE)
            if grant.status == "used":
                raise OAuthError(errors.CODE_REDEEMED)
            if grant.expires <= self.clock():
                raise OAuthError(errors.CODE_EXPIRED)
            if grant.client_id != form.get("client_id"):
                raise OAuthError(errors.CLIENT_MISMATCH)
            grant.status = "used"  # one attempt: whatever follows, this code is spent
        if not form.get("redirect_uri"):
            raise OAuthError(errors.MISSING_PARAM, name="redirect_uri")
        if form["redirect_uri"] != grant.redirect_uri:
            raise OAuthError(errors.REPLY_MISMATCH)
        verifier = form.get("code_verifier") or ""
        if not _VERIFIER.fullmatch(verifier) or not hmac.compare_digest(pkce_s256(verifier), grant.challenge):
            raise OAuthError(errors.PKCE_MISMATCH)
        return grant

    def _redeem_refresh(self, form: dict, config: dict) -> Grant:
        token = form.get("refresh_token")
        if not token:
            raise OAuthError(errors.MISSING_PARAM, name="refresh_token")
        with self.lock:
            grant = self.refresh.get(token)
            if grant is None:
                raise OAuthError(errors.INVALID_CODE)
            if grant.client_id != form.get("client_id"):
                raise OAuthError(errors.CLIENT_MISMATCH)
            if grant.expires <= self.clock():
                raise OAuthError(errors.REFRESH_EXPIRED)
            if self.single_use_refresh and grant.status == "used":
                raise OAuthError(errors.REFRESH_USED)
            scopes = Scopes(form.get("scope") or "", self.permissions_of(config))
            if not scopes.covered_by(grant.granted):
                raise OAuthError(errors.NO_CONSENT)
            grant.status = "used"
        perms = scopes.permissions or grant.granted
        return Grant(grant.client_id, perms, response_scope(scopes, perms), True,
                     "openid" in scopes.oidc or grant.openid, grant.expires, email=grant.email,
                     granted=grant.granted)

    def _redeem_device(self, form: dict) -> Grant:
        device_code = form.get("device_code")
        if not device_code:
            raise OAuthError(errors.MISSING_PARAM, name="device_code")
        with self.lock:
            grant = self.devices.get(device_code)
            if grant is None or grant.status == "redeemed" or grant.client_id != form.get("client_id"):
                raise OAuthError(errors.BAD_DEVICE_CODE)
            if grant.expires <= self.clock():
                raise OAuthError(errors.DEVICE_EXPIRED)
            if grant.status == "declined":
                raise OAuthError(errors.DECLINED)
            if grant.status != "approved":
                raise OAuthError(errors.PENDING)
            grant.status = "redeemed"
            self.user_codes.pop(grant.user_code, None)
            return grant

    # ---------------- housekeeping ----------------
    def _put(self, table: dict, key: str, value) -> None:
        """Insert (lock held), dropping expired entries first and the oldest when the table is full."""
        if len(table) >= MAX_ENTRIES // 2:
            now = self.clock()
            for k in [k for k, v in table.items() if v.expires <= now]:
                gone = table.pop(k)
                if getattr(gone, "user_code", None):
                    self.user_codes.pop(gone.user_code, None)
        while len(table) >= MAX_ENTRIES:
            gone = table.pop(next(iter(table)))
            if getattr(gone, "user_code", None):
                self.user_codes.pop(gone.user_code, None)
        table[key] = value


def _with_state(params: dict, state: str | None) -> dict:
    return dict(params, state=state) if state is not None else params
