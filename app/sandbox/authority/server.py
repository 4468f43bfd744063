"""HTTPS front end of the sign-in authority (stdlib ``http.server`` + ``ssl``), hardened as the EWS front
end is: framing checked first (``http_framing``), bodies read only when wanted and up to a small limit,
anything ambiguous answered ``Connection: close``. Nothing it logs carries a query string, a form value,
a code or a token: a request is logged as its method, route name and status."""

from __future__ import annotations

import logging
import secrets
from urllib.parse import parse_qsl, urlencode, urlsplit

from .. import http_framing as framing
from ..http_server import HttpHandler, TrackingServer
from . import errors, pages
from .errors import OAuthError
from .flows import PageError

log = logging.getLogger("app.sandbox.authority")

JSON_HEADERS = [("Cache-Control", "no-store, no-cache"), ("Pragma", "no-cache"),
                ("X-Content-Type-Options", "nosniff")]
PAGE_HEADERS = [("Cache-Control", "no-store, no-cache"), ("Pragma", "no-cache"), ("X-Frame-Options", "DENY"),
                ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer")]
MAX_FIELDS = 64


class AuthorityServer(TrackingServer):
    log_name = "authority"

    def __init__(self, address, authority, ssl_context):
        self.authority = authority
        super().__init__(address, AuthorityHandler, ssl_context)


def _single(pairs: list[tuple[str, str]]) -> dict:
    """Parameters as a dict; a repeated one makes the request malformed (as Microsoft answers it)."""
    if len(pairs) > MAX_FIELDS:
        raise OAuthError(errors.MALFORMED)
    out: dict[str, str] = {}
    for k, v in pairs:
        if k in out:
            raise OAuthError(errors.MALFORMED)
        out[k] = v
    return out


class AuthorityHandler(HttpHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Dispatch-Sandbox-Authority"
    sys_version = ""
    timeout = 30
    disable_nagle_algorithm = True
    _closing = False
    _route = "-"
    _body_done = False  # this request's body was read (a refusal before that closes the connection)

    def parse_request(self):
        self._route, self._body_done = "-", False  # per request: a kept-alive connection reuses the handler
        return super().parse_request()

    # ---------------- logging: no query strings, no values ----------------
    def log_request(self, code="-", size="-"):
        log.debug("authority http: %s %s -> %s", self.command, self._route, code)

    def log_message(self, fmt, *args):
        log.debug("authority http: %s", "request refused" if args else fmt)

    # ---------------- plumbing ----------------
    @property
    def auth(self):
        return self.server.authority

    def handle_expect_100(self):
        return True  # "100 Continue" only once the body is wanted (_form)

    def finish(self):
        super().finish()
        if self._closing:
            framing.linger(self.connection)

    def send_error(self, code, message=None, explain=None):
        self._closing = True  # a bad request line or method: its body is never read
        super().send_error(code)  # the standard reason only: never the request line echoed back

    def _send(self, status: int, body: bytes, ctype: str, headers=()):
        headers = [("Content-Type", ctype), ("Content-Length", str(len(body))), *headers]
        if not self._body_done and (self.headers.get("Transfer-Encoding") or
                                    (self.headers.get("Content-Length") or "0").strip() not in ("", "0")):
            self._closing = True  # answered without reading its body: nothing after it may be read as a request
        if self._closing:
            headers.append(("Connection", "close"))
        try:
            for k, v in headers:
                framing.check_header(k, v)
        except ValueError:
            log.error("authority: refusing to send a header with control characters")
            self._closing = True
            status, body = 500, b"Internal Server Error"
            headers = [("Content-Type", "text/plain"), ("Content-Length", str(len(body))), ("Connection", "close")]
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, doc: dict):
        import json

        self._send(status, json.dumps(doc).encode(), "application/json; charset=utf-8", JSON_HEADERS)

    def _oauth_error(self, e: OAuthError):
        self._json(e.status, e.body(self.headers.get("client-request-id")))

    def _page(self, status: int, body: bytes, csp: str = pages.CSP):
        self._send(status, body, "text/html; charset=utf-8", [*PAGE_HEADERS, ("Content-Security-Policy", csp)])

    def _error_page(self, e: OAuthError, status: int = 400):
        self._page(status, pages.error(str(e)))

    def _form(self) -> dict | None:
        """The urlencoded body as a dict; None when refused (answered, the connection closing if needed)."""
        try:
            how = framing.request_framing(self.headers)
            limit = self.auth.max_body
            framing.check_declared(how, limit)
        except framing.FramingError as e:
            self._closing = True
            self._send(e.status, e.reason.encode(), "text/plain")
            return None
        ctype = (self.headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()
        if ctype != "application/x-www-form-urlencoded":
            self._closing = how.has_body  # its body is never read
            raise OAuthError(errors.BAD_BODY)
        try:
            if how.has_body and (self.headers.get("Expect") or "").lower() == "100-continue":
                self.send_response_only(100)
                self.end_headers()
            raw = framing.read_body(self.rfile, how, limit)
            self._body_done = True
        except framing.FramingError as e:
            self._closing = True
            self._send(e.status, e.reason.encode(), "text/plain")
            return None
        try:
            return _single(parse_qsl(raw.decode("utf-8"), keep_blank_values=True, strict_parsing=False,
                                     max_num_fields=MAX_FIELDS))
        except (UnicodeDecodeError, ValueError):
            raise OAuthError(errors.MALFORMED) from None

    # ---------------- routing ----------------
    def do_GET(self):
        self._dispatch("GET")

    def do_POST(self):
        self._dispatch("POST")

    def _dispatch(self, method: str):
        parts = urlsplit(self.path)
        segs = parts.path.split("/")
        try:
            query = _single(parse_qsl(parts.query, keep_blank_values=True, max_num_fields=MAX_FIELDS))
        except (OAuthError, ValueError):
            query = None
        if segs == ["", "devicelogin"]:
            return self._run("devicelogin", self._devicelogin_post if method == "POST" else self._devicelogin_get)
        if len(segs) != 5 or segs[0] != "":
            return self._not_found(method)
        tenant, rest = segs[1], tuple(segs[2:])
        routes = {("v2.0", ".well-known", "openid-configuration"): ("metadata", "GET"),
                  ("discovery", "v2.0", "keys"): ("keys", "GET"),
                  ("oauth2", "v2.0", "authorize"): ("authorize", None),
                  ("oauth2", "v2.0", "token"): ("token", "POST"),
                  ("oauth2", "v2.0", "devicecode"): ("devicecode", "POST")}
        if rest not in routes:
            return self._not_found(method)
        name, only = routes[rest]
        if only and method != only:
            if only == "POST":
                return self._run(name, lambda: self._oauth_error(OAuthError(errors.POST_ONLY, verb=method)))
            return self._not_found(method)
        if not self.auth.knows_tenant(tenant):
            err = OAuthError(errors.TENANT_NOT_FOUND, tenant=tenant)
            return self._run(name, lambda: self._error_page(err) if name == "authorize" else self._oauth_error(err))
        if query is None:
            return self._run(name, lambda: self._oauth_error(OAuthError(errors.MALFORMED)))
        handler = {"metadata": lambda: self._json(200, self.auth.metadata(tenant)),
                   "keys": lambda: self._json(200, self.auth.jwks()),
                   "authorize": lambda: self._authorize_post() if method == "POST" else self._authorize_get(query),
                   "token": self._token, "devicecode": self._devicecode}[name]
        self._run(name + (":submit" if name == "authorize" and method == "POST" else ""), handler)

    def _not_found(self, method: str):
        self._route = "(unknown)"
        self._send(404, b"Not Found", "text/plain")

    def _run(self, name: str, fn):
        self._route = name
        if name != "token":
            self.auth.note_request(name)
        try:
            fn()
        except OAuthError as e:  # refusals of JSON endpoints not answered inside
            self._oauth_error(e)
        except Exception:  # noqa: BLE001 - an answer for the client, the details in the log (no values)
            log.error("authority: %s failed", name, exc_info=True)
            self._closing = True
            self._json(500, {"error": "server_error", "error_description": "AADSTS50000: There was an error "
                                                                            "issuing a token."})

    # ---------------- endpoints ----------------
    def _token(self):
        form = self._form()
        if form is None:
            return
        grant = form.get("grant_type") or ""
        short = {"authorization_code": "authorization_code", "refresh_token": "refresh_token",
                 "urn:ietf:params:oauth:grant-type:device_code": "device_code"}.get(grant, "unsupported")
        self._route = f"token:{short}"
        self.auth.note_request(self._route)
        self._json(200, self.auth.token(form))

    def _devicecode(self):
        form = self._form()
        if form is not None:
            self._json(200, self.auth.device_code(form))

    def _authorize_get(self, query: dict):
        try:
            request_id, pending = self.auth.flows.begin_sign_in(query)
        except PageError as e:
            return self._error_page(e.error, e.status)
        except OAuthError as e:
            if getattr(e, "sign_in", None) is None:
                return self._error_page(e)
            return self._answer(e.sign_in, {"error": e.error, "error_description": str(e),
                                            **({"state": e.sign_in.state} if e.sign_in.state is not None else {})})
        self._page(200, pages.sign_in(self.path.split("?", 1)[0], request_id, pending, pending.login_hint))

    def _authorize_post(self):
        try:
            form = self._form()
        except OAuthError as e:
            return self._error_page(e)
        if form is None:
            return
        try:
            pending, params = self.auth.flows.finish_sign_in(form.get("request", ""), form.get("login", ""),
                                                              form.get("password", ""),
                                                              form.get("action") == "approve")
        except PageError as e:
            return self._error_page(e.error, e.status)
        except OAuthError as e:  # wrong password: the form again, the sign-in still pending
            pending = self.auth.flows.pending_sign_in_or_none(form.get("request", ""))
            if pending is None:
                return self._error_page(e)
            return self._page(200, pages.sign_in(self.path.split("?", 1)[0], form["request"], pending,
                                                 form.get("login", "")[:256], str(e)))
        self.auth.note_request("authorize:" + ("code" if "code" in params else "error"))
        self._answer(pending, params)

    def _answer(self, pending, params: dict):
        """Send the sign-in's answer to its (checked, loopback) redirect_uri, in its response mode."""
        uri = pending.redirect_uri
        if pending.response_mode == "form_post":
            nonce = secrets.token_urlsafe(16)
            return self._page(200, pages.form_post(uri, params, nonce), pages.form_post_csp(uri, nonce))
        sep = "#" if pending.response_mode == "fragment" else ("&" if "?" in uri else "?")
        self._send(302, b"", "text/html; charset=utf-8", [("Location", uri + sep + urlencode(params)),
                                                          ("Cache-Control", "no-store"), ("Pragma", "no-cache")])

    def _devicelogin_get(self):
        self._page(200, pages.device("/devicelogin"))

    def _devicelogin_post(self):
        try:
            form = self._form()
        except OAuthError as e:
            return self._error_page(e)
        if form is None:
            return
        approve = form.get("action") == "approve"
        try:
            self.auth.flows.finish_device(form.get("user_code", ""), form.get("login", ""),
                                          form.get("password", ""), approve)
        except OAuthError as e:
            return self._page(200, pages.device("/devicelogin", str(e)))
        self.auth.note_request("devicelogin:" + ("approved" if approve else "declined"))
        self._page(200, pages.device_done(approve))
