"""POX Autodiscover for the sandbox's domains, on two loopback listeners of its own: https (a
self-made certificate for ``<domain>``, ``autodiscover.<domain>`` and any ``names`` given, so a client checks
the host name as it would in production) and plain http (only the unauthenticated GET that may answer a 302,
as ``http://autodiscover.<domain>/autodiscover/autodiscover.xml`` does). Which host a request was for is its
``Host`` header: tests map every name to these ports with their own resolver (no real DNS).

``POST /autodiscover/autodiscover.xml`` (https) is behind the sandbox's auth methods like EWS (windows_auth.py:
Basic, NTLM, Negotiate; Extended Protection binds to this listener's own certificate); the default answer for
``autodiscover.<domain>`` is the user's settings: Action "settings", EXCH and EXPR protocols whose EwsUrl is
the sandbox's ``ews_url``, and AlternateMailboxes (type "Delegate") for the mailboxes the user has Full Access
to (core/permissions.py). Any other host answers 404 unless a case is set for it with :meth:`set_case`:

- ``"settings"``: the default answer above; ``"exchange_online"``: the settings of an Exchange Online
  mailbox (EwsUrl ``https://outlook.office365.com/EWS/Exchange.asmx``);
- ``"redirect_addr"`` (``to=`` an address; with ``when=`` an address, only for a request for that one),
  ``"redirect_url"`` (``to=`` a URL): Action redirectAddr/redirectUrl;
- ``"status"`` (``code=`` 401, 404, 500 ...; 302 with ``to=``: Exchange 2007 SP2's redirect of the POST itself),
  ``"garbage"`` (a body that is not XML);
- ``"http_redirect"`` (``to=`` a URL): the http listener's GET answers 302 with that Location.

Every request is kept in :attr:`requests` (host, method, whether it carried an Authorization header, the user
it authenticated or None): what a client sent where can be asserted. Microsoft publishes no schema for POX
Autodiscover ("The POX Autodiscover service does not have a published schema": "POX Autodiscover XML elements
for Exchange"; [MS-ASCMD]'s AutodiscoverResponse.xsd is the ActiveSync flavour's), so there is nothing to
validate these answers against; they follow the element reference pages and Exchange's own answers.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import logging
import os
import ssl
import tempfile
import threading
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from lxml import etree

from .core.permissions import has_right
from .http_framing import DISCARD_LIMIT, FramingError, discard, read_body, request_framing
from .http_server import HttpHandler, TrackingServer
from .windows_auth import AuthenticatingHandler

log = logging.getLogger("app.sandbox")

PATH = "/autodiscover/autodiscover.xml"
RESPONSE_NS = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"
OUTLOOK_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
EXCHANGE_ONLINE_EWS = "https://outlook.office365.com/EWS/Exchange.asmx"
MAX_BODY = 64 * 1024
CASES = ("settings", "exchange_online", "redirect_addr", "redirect_url", "status", "garbage", "http_redirect")


@dataclass(frozen=True)
class Seen:
    host: str
    method: str
    authorization: bool  # the request carried an Authorization header (a password, for Basic)
    user: str | None  # the user it authenticated as


class AutodiscoverServer:
    """The sandbox's Autodiscover (start/stop with the Sandbox when it is made with ``autodiscover=True``)."""

    def __init__(self, sandbox, names=()):
        self.sb = sandbox
        self.extra_names = tuple(n.lower() for n in names)
        self.cases: dict[str, tuple[str, dict]] = {}
        self.requests: list[Seen] = []
        self.cert_path = self.key_path = None
        self.https_port = self.http_port = None
        self._lock = threading.Lock()
        self._servers = []
        self._tmpdir = None

    @property
    def names(self) -> tuple[str, ...]:
        out = []
        for d in sorted(self.sb.domains):
            out += [d, f"autodiscover.{d}"]
        return tuple(dict.fromkeys([*out, *self.extra_names]))

    def set_case(self, host: str, case: str, **params) -> None:
        if case not in CASES:
            raise ValueError(f"unknown Autodiscover case {case!r} (one of {', '.join(CASES)})")
        with self._lock:
            self.cases[host.lower()] = (case, params)

    def case_for(self, host: str) -> tuple[str, dict] | None:
        with self._lock:
            if host in self.cases:
                return self.cases[host]
        if any(host == f"autodiscover.{d}" for d in self.sb.domains):
            return ("settings", {})
        return None

    def seen(self, **kw) -> None:
        with self._lock:
            self.requests.append(Seen(**kw))

    def start(self):
        from .tlscert import AUTODISCOVER, make_self_signed

        self._tmpdir = tempfile.mkdtemp(prefix="ews-sandbox-autodiscover-")
        self.cert_path, self.key_path, _ = make_self_signed(self._tmpdir, self.sb.host, self.names,
                                                            stem="autodiscover", common_name=AUTODISCOVER)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(self.cert_path, self.key_path)
        for context in (ctx, None):
            httpd = _Server((self.sb.host, 0), self, context)
            threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": self.sb.poll_interval},
                             name=f"sandbox-autodiscover-{httpd.server_address[1]}", daemon=True).start()
            self._servers.append(httpd)
        self.https_port = self._servers[0].server_address[1]
        self.http_port = self._servers[1].server_address[1]
        return self

    def stop(self):
        for httpd in self._servers:
            httpd.shutdown()
            httpd.close_connections()
            httpd.server_close()
        self._servers = []
        if self._tmpdir:
            for name in os.listdir(self._tmpdir):
                os.unlink(os.path.join(self._tmpdir, name))
            os.rmdir(self._tmpdir)
            self._tmpdir = None

    def hosts(self, address: str = "127.0.0.1") -> dict:
        """Every name on these listeners, for a client's resolver: {(name, 443): (address, https port),
        (name, 80): (address, http port)}."""
        out = {}
        for n in self.names:
            out[(n, 443)] = (address, self.https_port)
            out[(n, 80)] = (address, self.http_port)
        return out


class _Server(TrackingServer):
    log_name = "sandbox autodiscover"

    def __init__(self, address, service: AutodiscoverServer, ssl_context=None):
        self.service = service
        self.https = ssl_context is not None
        super().__init__(address, _Handler, ssl_context)


class _Handler(AuthenticatingHandler, HttpHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Microsoft-IIS/10.0"
    sys_version = ""
    timeout = 30

    def log_message(self, fmt, *args):
        log.debug("sandbox autodiscover: " + fmt, *args)

    @property
    def service(self) -> AutodiscoverServer:
        return self.server.service

    def _host(self) -> str:
        return (urlsplit("//" + (self.headers.get("Host") or "")).hostname or "").lower()

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/xml; charset=utf-8", headers=()):
        self.send_response(status)
        for k, v in [("Content-Type", ctype), ("Content-Length", str(len(body))), *headers, *self.reply_headers()]:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _user(self):
        """Who sends this POST (https only), by the sandbox's methods; None: answered 401 (challenge())."""
        sb = self.service.sb
        return self.authenticate(sb.auth, self.service.cert_path, self._basic_user)

    def _basic_user(self):
        h = self.headers.get("Authorization") or ""
        if not h.lower().startswith("basic "):
            return None
        try:
            login, _, password = base64.b64decode(h[6:].strip(), validate=True).decode().partition(":")
        except (binascii.Error, ValueError, UnicodeDecodeError):
            return None
        user = self.service.sb.user_by_login(login)
        if user is None or not hmac.compare_digest(password.encode(), user["password"].encode()):
            return None
        return user

    def do_GET(self):
        host = self._host()
        self.service.seen(host=host, method="GET", authorization="Authorization" in self.headers, user=None)
        case = self.service.case_for(host)
        if not self.server.https and case is not None and case[0] == "http_redirect" \
                and urlsplit(self.path).path.lower() == PATH:
            return self._send(302, b"", "text/html", [("Location", case[1]["to"])])
        self._send(404, b"Not Found", "text/plain")

    def do_POST(self):
        host = self._host()
        user = self._user() if self.server.https else None
        self.service.seen(host=host, method="POST", authorization="Authorization" in self.headers,
                          user=user["email"] if user else None)
        case = self.service.case_for(host)
        if not self.server.https or urlsplit(self.path).path.lower() != PATH or case is None \
                or case[0] == "http_redirect":
            self.close_connection = True
            return self._send(404, b"Not Found", "text/plain")
        try:
            framing = request_framing(self.headers)
            if user is None:
                return self._refuse_unread(framing, self.challenge(self.service.sb.auth, host))
            raw = read_body(self.rfile, framing, MAX_BODY)
        except FramingError as e:
            self.close_connection = True
            return self._send(e.status, e.reason.encode(), "text/plain")
        self._answer(case, user, raw)

    def _refuse_unread(self, framing, challenge) -> None:
        """401 before the body is read (as EWS, server.py): a small declared body is then read and dropped, so
        that the connection stays open for NTLM's next leg; a large, chunked or awaited ("100-continue") one
        closes it."""
        expect = (self.headers.get("Expect") or "").lower() == "100-continue"
        close = framing.chunked or framing.length > DISCARD_LIMIT or (expect and framing.has_body)
        self._send(401, b"401 - Unauthorized", "text/html", [*challenge, *([("Connection", "close")] if close else [])])
        self.close_connection = close or not discard(self.rfile, framing.length)

    def _answer(self, case, user, raw: bytes):
        kind, params = case
        if kind == "status":
            where = [("Location", params["to"])] if params.get("to") else []
            return self._send(int(params.get("code", 500)), b"error", "text/plain", where)
        if kind == "garbage":
            return self._send(200, b"<Autodiscover><Response>not closed")
        address = requested_address(raw)
        if kind == "redirect_addr" and params.get("when", address) == address:
            return self._send(200, account_xml(f"<Action>redirectAddr</Action><RedirectAddr>{escape(params['to'])}"
                                               "</RedirectAddr>"))
        if kind == "redirect_url":
            return self._send(200, account_xml(f"<Action>redirectUrl</Action><RedirectUrl>{escape(params['to'])}"
                                               "</RedirectUrl>"))
        if address is None or address.lower() != user["email"].lower():
            return self._send(200, error_xml("The email address can't be found."))
        ews = EXCHANGE_ONLINE_EWS if kind == "exchange_online" else self.service.sb.ews_url
        self._send(200, settings_xml(user, ews, self._alternates(user)))

    def _alternates(self, user) -> list[dict]:
        return [u for u in self.service.sb.users if u is not user and has_right(u, user["email"], "full_access")]


def requested_address(raw: bytes) -> str | None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError:
        return None
    for el in root.iter():
        if isinstance(el.tag, str) and etree.QName(el).localname == "EMailAddress":
            return (el.text or "").strip()
    return None


def account_xml(inner: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<Autodiscover xmlns="{RESPONSE_NS}">'
            f'<Response xmlns="{OUTLOOK_NS}"><Account><AccountType>email</AccountType>{inner}</Account>'
            "</Response></Autodiscover>").encode()


def settings_xml(user: dict, ews_url: str, alternates: list[dict]) -> bytes:
    server = urlsplit(ews_url).hostname or ""
    protocols = "".join(f"<Protocol><Type>{t}</Type><Server>{escape(server)}</Server><SSL>On</SSL>"
                        f"<AuthPackage>basic</AuthPackage><EwsUrl>{escape(ews_url)}</EwsUrl></Protocol>"
                        for t in ("EXCH", "EXPR"))
    alts = "".join(f"<AlternateMailbox><Type>Delegate</Type><DisplayName>{escape(u['name'])}</DisplayName>"
                   f"<SmtpAddress>{escape(u['email'])}</SmtpAddress>"
                   f"<OwnerSmtpAddress>{escape(user['email'])}</OwnerSmtpAddress></AlternateMailbox>"
                   for u in alternates)
    user_xml = (f"<User><DisplayName>{escape(user['name'])}</DisplayName>"
                f"<AutoDiscoverSMTPAddress>{escape(user['email'])}</AutoDiscoverSMTPAddress></User>")
    body = (f"<Action>settings</Action>{protocols}"
            + (f"<AlternateMailboxes>{alts}</AlternateMailboxes>" if alts else ""))
    return account_xml(body).replace(b"<Account>", user_xml.encode() + b"<Account>", 1)


def error_xml(message: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<Autodiscover xmlns="{RESPONSE_NS}"><Response>'
            f'<Error Time="00:00:00" Id="0"><ErrorCode>500</ErrorCode><Message>{escape(message)}</Message>'
            "<DebugData /></Error></Response></Autodiscover>").encode()
