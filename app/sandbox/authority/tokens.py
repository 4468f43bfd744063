"""What the authority signs: access tokens for Microsoft Graph, ID tokens for the client, client_info;
and the check the Graph front end runs on every bearer token (``Tokens.verify``)."""

from __future__ import annotations

import json
import math
import re
import secrets
import uuid

from . import errors
from .jws import BadToken, SigningKey, b64url

GRAPH_RESOURCE = "https://graph.microsoft.com"
GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000"
GRAPH_AUDIENCES = frozenset({GRAPH_RESOURCE, GRAPH_RESOURCE + "/", GRAPH_APP_ID})
OIDC_SCOPES = frozenset({"openid", "profile", "email", "offline_access"})
_PERMISSION = re.compile(r"[A-Za-z][A-Za-z0-9._-]{0,63}")
_GRAPH_PREFIXES = (GRAPH_RESOURCE + "/", GRAPH_APP_ID + "/")
MAX_SCOPES = 50


class AccessTokenError(Exception):
    """A bearer token Graph must refuse with 401 InvalidAuthenticationToken; ``kind`` is one of MISSING,
    INVALID, EXPIRED and ``message`` is what Graph says for it."""

    MISSING, INVALID, EXPIRED = "missing", "invalid", "expired"

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind, self.message = kind, message


def user_oid(email: str) -> str:
    """A user's object id: stable for an address (the same on every run of the sandbox)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "dispatch-sandbox-user:" + email.lower()))


class Scopes:
    """A ``scope`` parameter: the OpenID Connect scopes and the Graph permissions it names.

    Graph permissions may be written bare (``Mail.Send``, as Microsoft's default resource is Graph) or with
    the resource (``https://graph.microsoft.com/Mail.Send``, ``00000003-…/Mail.Send``); ``.default`` stands
    for the client's configured permissions. Any other resource is ``invalid_scope``."""

    def __init__(self, text: str, default_permissions: list[str]):
        names = (text or "").split()
        if len(names) > MAX_SCOPES:
            raise errors.OAuthError(errors.INVALID_SCOPE, scope="(too many scopes)")
        self.oidc = [n for n in names if n in OIDC_SCOPES]
        self.resource_scopes: list[str] = []  # as the client wrote them (echoed in the token response)
        self.permissions: list[str] = []
        for name in names:
            if name in OIDC_SCOPES:
                continue
            bare = next((name[len(p):] for p in _GRAPH_PREFIXES if name.lower().startswith(p.lower())), name)
            if bare == ".default":
                perms = list(default_permissions)
            elif _PERMISSION.fullmatch(bare):
                perms = [bare]
            else:
                raise errors.OAuthError(errors.INVALID_SCOPE, scope=name)
            self.resource_scopes.append(name)
            self.permissions += [p for p in perms if p.lower() not in {q.lower() for q in self.permissions}]

    def covered_by(self, granted: list[str]) -> bool:
        have = {g.lower() for g in granted}
        return all(p.lower() in have for p in self.permissions)


class Tokens:
    """Signs and checks tokens for one tenant. ``clock()`` is the authority's time (seconds since the epoch)."""

    def __init__(self, key: SigningKey, issuer: str, tenant_id: str, clock, token_lifetime: int):
        self.key = key
        self.issuer, self.tenant_id, self.clock = issuer, tenant_id, clock
        self.token_lifetime = token_lifetime

    def issue(self, user: dict, client_id: str, permissions: list[str], response_scope: list[str], *,
              nonce: str | None = None, refresh_token: str | None = None, client_info: bool = True,
              id_token: bool = True) -> dict:
        """The token endpoint's success body (RFC 6749 5.1 plus Microsoft's ``ext_expires_in``, ``id_token``
        and ``client_info``)."""
        clock = self.clock()
        now = int(clock)
        exp = math.ceil(clock) + self.token_lifetime  # never before ``expires_in`` seconds have passed
        oid = user_oid(user["email"])
        access = {
            "aud": GRAPH_RESOURCE, "iss": self.issuer, "iat": now, "nbf": now, "exp": exp,
            "ver": "2.0", "tid": self.tenant_id, "oid": oid, "sub": _pairwise(oid, GRAPH_APP_ID),
            "azp": client_id, "appid": client_id, "name": user["name"], "upn": user["email"],
            "preferred_username": user["email"], "unique_name": user["email"], "scp": " ".join(permissions),
            "uti": secrets.token_urlsafe(16),
        }
        body = {"token_type": "Bearer", "scope": " ".join(response_scope), "expires_in": self.token_lifetime,
                "ext_expires_in": self.token_lifetime, "access_token": self.key.sign(access)}
        if refresh_token:
            body["refresh_token"] = refresh_token
        if id_token:
            claims = {"aud": client_id, "iss": self.issuer, "iat": now, "nbf": now, "exp": now + 3600,
                      "name": user["name"], "oid": oid, "preferred_username": user["email"],
                      "sub": _pairwise(oid, client_id), "tid": self.tenant_id, "ver": "2.0",
                      "uti": secrets.token_urlsafe(16)}
            if nonce is not None:
                claims["nonce"] = nonce
            body["id_token"] = self.key.sign(claims)
        if client_info:
            body["client_info"] = b64url(json.dumps({"uid": oid, "utid": self.tenant_id},
                                                    separators=(",", ":")).encode())
        return body

    def verify(self, token: str | None) -> dict:
        """The claims of a valid Graph access token; AccessTokenError(kind, Graph's message) otherwise."""
        if not token:
            raise AccessTokenError(AccessTokenError.MISSING, "Access token is empty.")
        if not isinstance(token, str) or token.count(".") != 2:
            raise AccessTokenError(AccessTokenError.INVALID,
                                   "IDX14100: JWT is not well formed, there are no dots (.).")
        try:
            claims = self.key.verify(token)
        except BadToken as e:
            raise AccessTokenError(AccessTokenError.INVALID, f"Access token validation failure: {e}.") from None
        if claims.get("iss") != self.issuer or claims.get("tid") != self.tenant_id:
            raise AccessTokenError(AccessTokenError.INVALID, "Access token validation failure. Invalid issuer.")
        if claims.get("aud") not in GRAPH_AUDIENCES:
            raise AccessTokenError(AccessTokenError.INVALID, "Access token validation failure. Invalid audience.")
        exp, nbf = claims.get("exp"), claims.get("nbf")
        if not isinstance(exp, int) or not isinstance(nbf, int):
            raise AccessTokenError(AccessTokenError.INVALID, "Access token validation failure.")
        now = self.clock()
        if now >= exp:
            raise AccessTokenError(AccessTokenError.EXPIRED, "Lifetime validation failed, the token is expired.")
        if now < nbf:
            raise AccessTokenError(AccessTokenError.INVALID,
                                   "Lifetime validation failed, the token is not yet valid.")
        return claims


def _pairwise(oid: str, client_id: str) -> str:
    """``sub``: a per-application identifier of the user, as Microsoft makes it (not the oid)."""
    import hashlib

    return b64url(hashlib.sha256(f"{oid}:{client_id}".encode()).digest())[:43]
