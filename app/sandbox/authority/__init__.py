"""The sandbox's sign-in authority: OAuth 2.0 + OpenID Connect as the Microsoft identity platform speaks
them, over HTTPS on loopback (MSAL refuses ``http://`` authorities), for the Graph front end's tokens.

Wiring (what ``Sandbox`` and ``python -m app.sandbox`` need)::

    from app.sandbox.authority import Authority, AccessTokenError

    auth = Authority(users, host="127.0.0.1", port=0, cert_dir=None, token_lifetime=3600,
                     refresh_lifetime=90 * 86400, clients=None).start()   # or: with Authority(...) as auth:
    auth.url              # https://127.0.0.1:PORT
    auth.authority_url    # https://127.0.0.1:PORT/<tenant id>: MSAL's ``authority=``
    auth.cert_path, auth.cert_sha256   # the self-signed certificate (PEM) and its SHA-256 (hex, of the DER)
    auth.json_info()      # {"authority_url", "authority_cert", "authority_cert_sha256", "tenant_id"}
    auth.request_log      # ["metadata", "authorize", "authorize:submit", "authorize:code",
                          #  "token:authorization_code", "token:refresh_token", "token:device_code",
                          #  "devicecode", "devicelogin", "devicelogin:approved", "keys", ...]
    claims = auth.verify_access_token(token)          # or auth.verify_authorization("Bearer ...")
    auth.user_for(claims)                             # the user dict the token is for (by its upn)
    auth.www_authenticate()                           # the WWW-Authenticate value for Graph's 401
    auth.access_token_for("bob@example.com")          # a token minted in-process, for Graph tests
    auth.stop()

- ``users``: the sandbox's user dicts ({email, password, name?, username?}); a user signs in on the consent
  page with a login (email, username or the address's local part) and their sandbox password.
- ``verify_access_token`` raises ``AccessTokenError`` with ``.kind`` = ``AccessTokenError.MISSING`` /
  ``INVALID`` / ``EXPIRED`` and ``.message`` = what Graph says (answer 401 ``InvalidAuthenticationToken``
  with it; expired: "Lifetime validation failed, the token is expired."). No clock skew is allowed.
- MSAL treats an access token with less than 5 minutes left as expired: with a short ``token_lifetime``
  every ``acquire_token_silent`` refreshes (a client holding a token still meets Graph's 401 once it
  expires, which is what the short lifetime is for).
- ``clock``: a callable returning seconds since the epoch (default ``time.time``); tests pass one they
  can advance, to expire access tokens, codes and device codes without sleeping.
- ``clients``: None accepts any client id as a public client with any loopback redirect; a dict
  ``{client_id: {"redirect_uris": [...]?, "secret": "..."?, "permissions": [...]?}}`` registers some (others
  get AADSTS700016); ``permissions`` is what ``.default`` grants (default Mail.ReadWrite, Mail.Send,
  Mail.Send.Shared, People.Read: what Dispatch's sign-in asks for). The Graph endpoint enforces each token's ``scp``
  per operation (app/sandbox/graph/permissions.py).
- ``cert_dir``: where the certificate is made (its ``sandbox-cert.pem``/``sandbox-key.pem`` are reused if
  there, so a sandbox data directory shares one certificate); None: a temporary directory removed by
  ``stop()``. ``cert_path``/``key_path`` use given files.
- Others: ``tenant_id``, ``device_lifetime`` (900 s), ``device_interval`` (5 s), ``single_use_refresh``
  (False: as Microsoft, a used refresh token stays valid; True refuses it with AADSTS70008),
  ``max_body`` (64 KiB).

Endpoints (``{tenant}`` = the tenant id, ``common``, ``organizations`` or a users' domain):
``/{tenant}/v2.0/.well-known/openid-configuration``, ``/{tenant}/discovery/v2.0/keys``,
``/{tenant}/oauth2/v2.0/authorize`` (GET: the consent page; POST: its form), ``/{tenant}/oauth2/v2.0/token``
(authorization_code with PKCE S256, refresh_token, device_code), ``/{tenant}/oauth2/v2.0/devicecode``,
``/devicelogin`` (the device code verification page). Tokens are RS256 JWTs signed with a per-run RSA key;
access tokens are for ``aud`` https://graph.microsoft.com with ``scp``, ``oid``, ``tid``, ``upn``.

A client must trust ``cert_path`` explicitly (MSAL: ``instance_discovery=False`` and an HTTP client
whose verify is the certificate and which ignores ``REQUESTS_CA_BUNDLE``/``CURL_CA_BUNDLE``, e.g. a
``requests.Session`` with ``trust_env = False``). This package uses only the standard library and
``cryptography``.
"""

from .authority import DEFAULT_TENANT_ID, Authority
from .tokens import GRAPH_APP_ID, GRAPH_RESOURCE, AccessTokenError, user_oid

__all__ = ["Authority", "AccessTokenError", "DEFAULT_TENANT_ID", "GRAPH_RESOURCE", "GRAPH_APP_ID", "user_oid"]
