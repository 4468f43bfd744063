"""One httpx.Client per GraphMailService: the bearer token, ``Prefer: IdType="ImmutableId"``, timeouts, the
401 -> refresh -> retry once rule, and every answer or exception turned into JSON or a MailError.

- ``trust_env=False``: this machine (and many a user's) sets REQUESTS_CA_BUNDLE, SSL_CERT_FILE, proxies...;
  none of them may silently change where requests go or how TLS is verified.
- The token comes from the injected ``token_provider(force_refresh) -> str`` (MSAL in the app, the sandbox
  authority in tests); it is never logged. A 401 asks it once for a fresh token (``force_refresh=True``)
  and repeats the request once (a 401 means nothing was done); a second 401 is AuthFailed.
- A link the server hands back (``@odata.nextLink``) is followed only on the Graph origin the account
  names: the token never goes anywhere else. Upload URLs (pre-authenticated) get no token at all.
- No secret in clear text: the Graph URL and every upload URL pass the one rule of
  :func:`app.domain.validation.check_secret_url` (``https://``, or ``http://`` to this computer only) before
  anything is built or sent; a refused one is a MailError of kind INVALID_INPUT (the settings, not the
  network), raised before the token provider is ever asked.
"""

from __future__ import annotations

import json as _json
import logging
import threading
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

import httpx

from app.domain.validation import check_graph_url, check_upload_url
from app.domain.words import translate
from app.mail.errors import MailError, MalformedResponse, SignInNeeded
from app.mail.graph import errors
from app.mail.graph.errors import refuse_unsafe_url

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 60.0
CONNECT_TIMEOUT = 15.0
MAX_CONNECTIONS = 4  # Exchange Online allows 4 concurrent requests per app and mailbox
PREFER = 'IdType="ImmutableId"'
# the most of an error answer's body :meth:`GraphHttp.download` reads (Graph's error JSON is a few hundred bytes)
ERROR_BODY_BYTES = 64 * 1024


@dataclass
class Reply:
    status: int
    headers: httpx.Headers
    doc: object  # the parsed JSON body; None for an empty one (202, 204)


class GraphHttp:
    def __init__(self, graph_url: str, token_provider: Callable[[bool], str], *, timeout: float = DEFAULT_TIMEOUT,
                 verify=True):
        refuse_unsafe_url(check_graph_url(graph_url))  # first: nothing is built for a refused URL
        self.base = graph_url.rstrip("/")
        self._origin = _origin(self.base)
        self._token_provider = token_provider
        self._token: str | None = None
        self._token_lock = threading.Lock()
        self._timeout, self._verify = timeout, verify
        self._client: httpx.Client | None = None
        self._client_lock = threading.Lock()

    @property
    def client(self) -> httpx.Client:
        """The service's one httpx.Client (made again after close(), as exchangelib reconnects)."""
        with self._client_lock:
            if self._client is None or self._client.is_closed:
                self._client = httpx.Client(
                    trust_env=False, verify=self._verify, follow_redirects=False,
                    timeout=httpx.Timeout(self._timeout, connect=min(self._timeout, CONNECT_TIMEOUT)),
                    limits=httpx.Limits(max_connections=MAX_CONNECTIONS, max_keepalive_connections=MAX_CONNECTIONS),
                )
            return self._client

    # ------------------------------------------------------------------ token
    def _bearer(self, force: bool) -> str:
        with self._token_lock:
            if force or not self._token:
                try:
                    token = self._token_provider(bool(force))
                except MailError:
                    raise
                except Exception as exc:  # noqa: BLE001 - whatever sign-in raised: the user signs in again
                    raise SignInNeeded(translate("MailErrors", "Could not get a Microsoft 365 sign-in token "
                                                 "({error})").format(error=type(exc).__name__)) from exc
                if not token or not isinstance(token, str):
                    raise SignInNeeded(translate("MailErrors", "No Microsoft 365 sign-in token: sign in again"))
                self._token = token
            return self._token

    def refresh_token(self) -> None:
        """A fresh token for the next requests (the 401 rule for a request refused inside a $batch)."""
        self._bearer(True)

    # ------------------------------------------------------------------ requests
    def url(self, path: str) -> str:
        if path.startswith(("http://", "https://")):
            if _origin(path) != self._origin or not path.startswith(self.base + "/"):
                raise MalformedResponse(f"The server pointed to another address ({_origin(path)}); not followed")
            return path
        return self.base + "/" + path.lstrip("/")

    def call(self, method: str, path: str, *, json=None, params=None, headers=None,
             content: bytes | None = None, immutable_ids: bool = True) -> Reply:
        """One Graph request; the parsed answer, or a MailError (the 401 rule applied). ``content``: a body
        that is not JSON (its Content-Type in ``headers``). ``immutable_ids`` False: the answer's ids are the
        regular ones, which change when the item moves (no ``Prefer: IdType``: Graph's default)."""
        url = self.url(path)
        resp = self._send(method, url, json, params, headers, force=False, content=content, immutable=immutable_ids)
        if resp.status_code == 401:
            log.info("Graph answered 401 to %s %s: refreshing the token once", method, urlsplit(url).path)
            resp.close()
            resp = self._send(method, url, json, params, headers, force=True, content=content,
                              immutable=immutable_ids)
        return parse(resp)

    def _send(self, method, url, json, params, headers, *, force: bool, content: bytes | None = None,
              immutable: bool = True) -> httpx.Response:
        h = {"Authorization": "Bearer " + self._bearer(force), "Accept": "application/json",
             **({"Prefer": PREFER} if immutable else {})}
        h.update(headers or {})
        kw = {}
        if content is not None:
            kw["content"] = content
        elif json is not None:
            kw["content"] = _json.dumps(json, ensure_ascii=False).encode("utf-8")
            h["Content-Type"] = "application/json"
        try:
            return self.client.request(method, url, params=params, headers=h, **kw)
        except httpx.HTTPError as exc:
            raise errors.transport_error(exc) from exc

    def download(self, path: str, *, max_bytes: int) -> bytes:
        """A GET whose answer is not JSON (a message's MIME, ``/$value``), streamed and cut at ``max_bytes``: no more
        than that is ever read into memory, however much the server sends (the rest of the answer is dropped with
        its connection). The 401 rule as for :meth:`call`; an error answer is the MailError its status and body
        (its first :data:`ERROR_BODY_BYTES`) mean."""
        url = self.url(path)
        for force in (False, True):
            # identity: a compressed answer would be inflated a network chunk at a time, each maybe far bigger
            headers = {"Authorization": "Bearer " + self._bearer(force), "Prefer": PREFER, "Accept-Encoding": "identity"}
            try:
                with self.client.stream("GET", url, headers=headers) as resp:
                    if resp.status_code == 401 and not force:
                        log.info("Graph answered 401 to GET %s: refreshing the token once", urlsplit(url).path)
                        continue
                    if resp.status_code >= 400:
                        raise errors.from_response(resp.status_code, resp.headers,
                                                   _read_at_most(resp, ERROR_BODY_BYTES))
                    if resp.status_code >= 300:
                        raise MalformedResponse(f"Unexpected redirect (HTTP {resp.status_code}); not followed")
                    return _read_at_most(resp, max_bytes)
            except httpx.HTTPError as exc:
                raise errors.transport_error(exc) from exc
        raise AssertionError("unreachable: the second try returns or raises")  # pragma: no cover

    def upload(self, method: str, url: str, *, content: bytes = b"", headers=None) -> Reply:
        """A request to a pre-authenticated upload URL: no token, no Prefer (it is not Graph's origin)."""
        problem = check_upload_url(url)  # the URL is the key: never in clear text to another host
        if problem is not None:
            raise MalformedResponse(problem)
        try:
            resp = self.client.request(method, url, content=content, headers=dict(headers or {}))
        except httpx.HTTPError as exc:
            raise errors.transport_error(exc) from exc
        return parse(resp)

    def close(self) -> None:
        """Close the connections; a later request opens new ones."""
        with self._client_lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()


def parse(resp: httpx.Response) -> Reply:
    """The answer as JSON (None when empty), or the MailError its status and body mean."""
    try:
        body = resp.content
    except httpx.HTTPError as exc:
        raise errors.transport_error(exc) from exc
    if resp.status_code >= 400:
        raise errors.from_response(resp.status_code, resp.headers, body)
    if resp.status_code >= 300:
        raise MalformedResponse(f"Unexpected redirect (HTTP {resp.status_code}); not followed")
    if not body.strip():
        return Reply(resp.status_code, resp.headers, None)
    ctype = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise MalformedResponse(f"The server answered {ctype or 'no content type'} instead of JSON")
    try:
        doc = _json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise MalformedResponse(f"The server's answer is not valid JSON ({exc})") from exc
    if not isinstance(doc, dict):
        raise MalformedResponse("The server's answer is not a JSON object")
    damaged = errors.error_in_success(resp.status_code, doc)
    if damaged is not None:
        raise damaged
    return Reply(resp.status_code, resp.headers, doc)


def _read_at_most(resp: httpx.Response, limit: int) -> bytes:
    """The first ``limit`` bytes of a streamed answer's body (decoded as its Content-Encoding says); the rest is
    never read."""
    out = bytearray()
    for chunk in resp.iter_bytes():
        out += chunk[: limit - len(out)]
        if len(out) >= limit:
            break
    return bytes(out)


def _origin(url: str) -> str:
    p = urlsplit(url)
    return f"{p.scheme}://{p.netloc}".lower()
