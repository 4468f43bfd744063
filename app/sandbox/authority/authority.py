"""The Authority object: configuration, lifecycle, metadata, and the token check Graph calls."""

from __future__ import annotations

import logging
import os
import shutil
import ssl
import tempfile
import threading
import time

from ..tlscert import AUTHORITY, fingerprint, make_self_signed
from .flows import DEFAULT_PERMISSIONS, DEVICE_GRANT, Flows
from .jws import SigningKey
from .server import AuthorityServer
from .tokens import GRAPH_APP_ID, AccessTokenError, Tokens, user_oid

log = logging.getLogger("app.sandbox.authority")

DEFAULT_TENANT_ID = "5a4d6c1e-0d15-4a7c-9e55-d150a7c40000"  # the sandbox tenant (any GUID would do)
NINETY_DAYS = 90 * 24 * 3600


class Authority:
    """A Microsoft-identity-platform-like OAuth 2.0 / OpenID Connect authority on loopback HTTPS.
    See the package docstring for the API."""

    def __init__(self, users: list[dict], host: str = "127.0.0.1", port: int = 0, cert_dir: str | None = None,
                 token_lifetime: int = 3600, refresh_lifetime: int = NINETY_DAYS, clients: dict | None = None,
                 *, tenant_id: str = DEFAULT_TENANT_ID, clock=time.time, device_lifetime: int = 900,
                 device_interval: int = 5, single_use_refresh: bool = False, cert_path: str | None = None,
                 key_path: str | None = None, max_body: int = 64 * 1024, signing_key: SigningKey | None = None,
                 poll_interval: float = 0.1):
        if not users:
            raise ValueError("an authority needs at least one user")
        self.users = [_norm_user(u) for u in users]
        self.host, self.port, self.cert_dir = host, port, cert_dir
        self.cert_path, self.key_path, self.cert_sha256 = cert_path, key_path, None
        self.tenant_id, self.clock, self.max_body = tenant_id.lower(), clock, max_body
        self.token_lifetime = token_lifetime
        self.poll_interval = poll_interval  # how often its loop looks for a stop request (stop() waits that long)
        self.domains = sorted({u["email"].split("@", 1)[1].lower() for u in self.users})
        self.flows = Flows(self.users, clients, clock, refresh_lifetime=refresh_lifetime,
                           device_lifetime=device_lifetime, device_interval=device_interval,
                           single_use_refresh=single_use_refresh)
        # per run: tokens of another run are not this authority's. A caller may hand in a key it made earlier
        # (a 2048-bit key takes 0.05-0.5 s to make): the test suite reuses a few across its many sandboxes
        self._key = signing_key or SigningKey()
        self.request_log: list[str] = []
        self._log_lock = threading.Lock()
        self._server = self._thread = self._tmpdir = None
        self.url = self.authority_url = self.issuer = self.tokens = None

    # ---------------- lifecycle ----------------
    def start(self) -> "Authority":
        if self._server is not None:
            return self
        if not (self.cert_path and self.key_path):
            where = self.cert_dir or tempfile.mkdtemp(prefix="sandbox-authority-tls-")
            self._tmpdir = None if self.cert_dir else where
            cert, key = os.path.join(where, "sandbox-cert.pem"), os.path.join(where, "sandbox-key.pem")
            if not (os.path.exists(cert) and os.path.exists(key)):  # a cert_dir keeps its certificate
                cert, key, _ = make_self_signed(where, self.host, common_name=AUTHORITY)
            self.cert_path, self.key_path = cert, key
        self.cert_sha256 = fingerprint(self.cert_path)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        ctx.load_cert_chain(self.cert_path, self.key_path)
        self._server = AuthorityServer((self.host, self.port), self, ctx)
        self.port = self._server.server_address[1]
        host = f"[{self.host}]" if ":" in self.host else self.host
        self.url = f"https://{host}:{self.port}"
        self.authority_url = f"{self.url}/{self.tenant_id}"
        self.issuer = f"{self.url}/{self.tenant_id}/v2.0"
        self.tokens = Tokens(self._key, self.issuer, self.tenant_id, self.clock, self.token_lifetime)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": self.poll_interval},
                                        name=f"sandbox-authority-{self.port}", daemon=True)
        self._thread.start()
        log.info("authority: serving %s", self.url)
        return self

    def stop(self):
        if self._server is not None:
            self._server.shutdown()
            self._server.close_connections()
            self._server.server_close()
            self._thread.join(timeout=5)
            self._server = self._thread = None
        if self._tmpdir:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None
            self.cert_path = self.key_path = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # ---------------- what the Graph front end calls ----------------
    def verify_access_token(self, token: str | None) -> dict:
        """The claims of a valid access token for Graph; AccessTokenError(kind, message) otherwise, with
        ``kind`` MISSING / INVALID / EXPIRED and Graph's message (expired: "Lifetime validation failed, the
        token is expired.")."""
        if self.tokens is None:
            raise AccessTokenError(AccessTokenError.INVALID, "Access token validation failure.")
        return self.tokens.verify(token)

    def verify_authorization(self, header: str | None) -> dict:
        """``verify_access_token`` for an ``Authorization`` header value (``Bearer <token>``)."""
        scheme, _, token = (header or "").strip().partition(" ")
        if not header or scheme.lower() != "bearer":
            raise AccessTokenError(AccessTokenError.MISSING, "Access token is empty.")
        return self.verify_access_token(token.strip())

    def access_token_for(self, email: str, permissions: list[str] | None = None,
                         client_id: str = "sandbox-tests") -> str:
        """A Graph access token for a sandbox user, minted in-process (for Graph tests that are not about
        signing in); it expires after ``token_lifetime`` like any other."""
        user = self.flows.user_by_email(email)
        if user is None or self.tokens is None:
            raise KeyError(f"no sandbox user {email!r} (or the authority is not started)")
        perms = list(permissions or DEFAULT_PERMISSIONS)
        return self.tokens.issue(user, client_id, perms, perms, client_info=False, id_token=False)["access_token"]

    def www_authenticate(self) -> str:
        """The ``WWW-Authenticate`` header Graph sends with a 401, pointing at this authority (Graph names
        login.microsoftonline.com's v1 ``/common/oauth2/authorize``; here the v2.0 endpoint that is served)."""
        return (f'Bearer realm="", authorization_uri="{self.url}/common/oauth2/v2.0/authorize", '
                f'client_id="{GRAPH_APP_ID}"')

    def user_for(self, claims: dict) -> dict | None:
        """The sandbox user a token's claims name (by ``upn``), or None."""
        return self.flows.user_by_email(claims.get("upn"))

    def json_info(self) -> dict:
        """What ``python -m app.sandbox`` prints about the authority in its JSON line."""
        return {"authority_url": self.authority_url, "authority_cert": self.cert_path,
                "authority_cert_sha256": self.cert_sha256, "tenant_id": self.tenant_id}

    # ---------------- served documents ----------------
    def knows_tenant(self, tenant: str) -> bool:
        t = (tenant or "").lower()
        return t in (self.tenant_id, "common", "organizations") or t in self.domains

    def metadata(self, tenant: str) -> dict:
        """OpenID Provider metadata as Microsoft serves it for ``/{tenant}/v2.0``: the endpoints under the
        tenant as given, the issuer with the tenant id (``{tenantid}`` verbatim for common/organizations)."""
        base = f"{self.url}/{tenant}"
        multi = tenant.lower() in ("common", "organizations")
        return {
            "token_endpoint": f"{base}/oauth2/v2.0/token",
            "token_endpoint_auth_methods_supported": ["client_secret_post", "none"],
            "jwks_uri": f"{self.url}/{self.tenant_id}/discovery/v2.0/keys",
            "response_modes_supported": ["query", "fragment", "form_post"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "response_types_supported": ["code"],
            "scopes_supported": ["openid", "profile", "email", "offline_access"],
            "issuer": f"{self.url}/{{tenantid}}/v2.0" if multi else self.issuer,
            "request_uri_parameter_supported": False,
            "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
            "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
            "http_logout_supported": False,
            "frontchannel_logout_supported": False,
            "claims_supported": ["sub", "iss", "aud", "exp", "iat", "nbf", "nonce", "name", "oid", "tid", "ver",
                                 "preferred_username"],
            "code_challenge_methods_supported": ["S256"],
            "grant_types_supported": ["authorization_code", "refresh_token", DEVICE_GRANT],
            "tenant_region_scope": "WW",
            "cloud_instance_name": "sandbox.invalid",
        }

    def jwks(self) -> dict:
        return self._key.jwks(self.issuer)

    def token(self, form: dict) -> dict:
        grant, user, refresh = self.flows.redeem(form)
        return self.tokens.issue(user, grant.client_id, grant.permissions, grant.response_scope,
                                 nonce=grant.nonce, refresh_token=refresh, client_info=form.get("client_info") == "1",
                                 id_token=grant.openid)

    def device_code(self, form: dict) -> dict:
        flow = self.flows.begin_device(form)
        flow["verification_uri"] = f"{self.url}/devicelogin"
        flow["message"] = (f"To sign in, use a web browser to open the page {flow['verification_uri']} and enter "
                           f"the code {flow['user_code']} to authenticate.")
        return flow

    def note_request(self, name: str):
        with self._log_lock:
            self.request_log.append(name)


def _norm_user(u: dict) -> dict:
    addr = u["email"].strip()
    return {"email": addr, "username": u.get("username") or addr, "password": u["password"],
            "name": u.get("name") or addr.split("@")[0].replace(".", " ").title(), "oid": user_oid(addr)}
