"""POX Autodiscover over HTTP: one request to one endpoint, its answer read; the plan (which endpoints, in
which order, what may be sent where) is app/core/accounts/autodiscover.py.

Why not exchangelib's own autodiscover (``exchangelib.autodiscover.discovery.Autodiscovery``, 5.6): it checks
every candidate and redirect host with a real DNS lookup of its own (dnspython's resolver; a test cannot map
the sandbox's names to loopback without patching it), speaks only SOAP Autodiscover (``autodiscover.svc``),
follows the http GET's redirect and the SRV record's target with the credentials as soon as the URL looks
valid (there is no point where the user is asked first), and reports nothing until it ends. Dispatch needs
each step shown as it goes, a question before the password goes to a host the user did not type, and name
resolution injected (no real DNS in tests). What is reused is its choice of library for the SRV record
(dnspython: :class:`SystemResolver`), its order of steps, and its redirect limit (10, Microsoft's).

Name resolution is a :class:`Resolver`: ``address(host, port)`` -> where to connect (the TLS certificate is
still checked against ``host``), ``srv(name)`` -> [(target, port)] in priority order. Certificates are always
verified (the ``ssl_context`` given: the system's by default; tests pass one that trusts the sandbox's own).

POX rather than SOAP Autodiscover: POX is what Outlook itself speaks, it is served by every Exchange from 2007
on (SOAP from 2010), and its redirects (redirectAddr, redirectUrl) are the ones the issue names. Microsoft
publishes no schema for it: "The POX Autodiscover service does not have a published schema" ("POX Autodiscover
XML elements for Exchange"; the XSDs of [MS-ASCMD] 6.3/6.4 are the ActiveSync flavour's), so answers are read
tolerantly by local name, with an XML parser that resolves no entities and loads nothing from the network.
"""

from __future__ import annotations

import base64
import logging
import socket
import ssl
from contextlib import contextmanager
from typing import Protocol
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

import urllib3
from lxml import etree

from app.domain.autodiscover import AlternateMailbox, PoxAnswer
from app.domain.words import translate
from app.mail.ews.kerberos import kerberos_problem

log = logging.getLogger("app.mail.ews.autodiscover")

REQUEST_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"
RESPONSE_SCHEMA = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
MAX_ANSWER = 1024 * 1024  # an Autodiscover answer is a few kB


class Resolver(Protocol):
    def address(self, host: str, port: int) -> tuple[str, int]: ...

    def srv(self, name: str) -> list[tuple[str, int]]: ...


class SystemResolver:
    """The system's name resolution (at connect time) and DNS SRV records through dnspython."""

    def address(self, host: str, port: int) -> tuple[str, int]:
        return host, port

    def srv(self, name: str) -> list[tuple[str, int]]:
        import dns.exception
        import dns.resolver

        try:
            answers = dns.resolver.resolve(name, "SRV")
        except dns.exception.DNSException:
            return []
        records = sorted(answers, key=lambda r: (r.priority, -r.weight))
        return [(str(r.target).rstrip("."), int(r.port)) for r in records if str(r.target) not in (".", "")]


class MappedResolver:
    """Names mapped by hand: ``hosts[(host, port)] = (address, port)``, ``srv_records[name] = [(target, port)]``;
    any other name does not resolve (tests and the sandbox: no real DNS)."""

    def __init__(self, hosts: dict | None = None, srv_records: dict | None = None):
        self.hosts = dict(hosts or {})
        self.srv_records = dict(srv_records or {})

    def address(self, host: str, port: int) -> tuple[str, int]:
        try:
            return self.hosts[(host.lower(), port)]
        except KeyError:
            raise socket.gaierror(socket.EAI_NONAME, f"{host} does not resolve") from None

    def srv(self, name: str) -> list[tuple[str, int]]:
        return list(self.srv_records.get(name.lower(), []))


class Unreachable(Exception):
    """No answer: the name does not resolve, the connection failed or timed out, or TLS failed."""


class BadCertificate(Unreachable):
    """The server's certificate is not trusted (or not for this name): nothing was sent."""


class SignInRefused(Exception):
    """Windows sign-in could not go through for a reason no password changes (no or an expired Kerberos ticket, the
    ticket refused, the KDC knowing no key for the host): ``words`` say which, for the step's line."""

    def __init__(self, words):
        super().__init__("sign-in refused")
        self.words = words


class HttpStatus(Exception):
    """An answer that is no Autodiscover answer: ``status`` (401: the password was refused)."""

    def __init__(self, status: int, location: str = ""):
        super().__init__(f"HTTP {status}")
        self.status = status
        self.location = location


class AutodiscoverTransport:
    """The HTTP side of Autodiscover: :meth:`pox` (the POX POST, with Basic credentials; a 401 offering Negotiate or
    NTLM, as on-premises Autodiscover answers, is signed in to as EWS is: :meth:`_windows_sign_in`), :meth:`http_redirect`
    (the unauthenticated GET: only a redirect's Location is taken) and :meth:`srv`."""

    def __init__(self, resolver: Resolver | None = None, ssl_context: ssl.SSLContext | None = None,
                 timeout: float = 15.0):
        self.resolver = resolver or SystemResolver()
        self.ssl_context = ssl_context or ssl.create_default_context()
        self.timeout = timeout

    def srv(self, name: str) -> list[tuple[str, int]]:
        return self.resolver.srv(name)

    def pox(self, url: str, email: str, username: str, password: str) -> PoxAnswer:
        """POST the POX request for ``email`` to the https ``url``; raises Unreachable / HttpStatus."""
        parts = urlsplit(url)
        if parts.scheme != "https":
            raise ValueError(f"Autodiscover with a password is https only: {url}")
        body = pox_request(email)
        token = base64.b64encode(f"{username}:{password}".encode()).decode()
        headers = {"Content-Type": "text/xml; charset=utf-8", "Authorization": f"Basic {token}"}
        with self._pool(parts, self.ssl_context) as pool:
            status, location, raw, answer = self._send(pool, "POST", parts, body, headers)
            if status == 401:  # on-premises Autodiscover sits behind the same Windows sign-in as EWS
                status, location, raw = self._windows_sign_in(pool, parts, body, answer, username, password) or (
                    status, location, raw)
        if status in (301, 302, 307, 308):
            raise HttpStatus(status, location)
        if status != 200:
            raise HttpStatus(status)
        return parse_pox(raw)

    def http_redirect(self, url: str) -> str:
        """GET the http ``url`` without credentials; the redirect's Location ('' for any other answer)."""
        parts = urlsplit(url)
        if parts.scheme != "http":
            raise ValueError(f"not an http URL: {url}")
        status, location, _ = self._exchange("GET", parts, None, {}, None)
        return location if status in (301, 302, 307, 308) else ""

    def _exchange(self, method, parts, body, headers, context):
        """One request to the URL ``parts`` names, connected where the resolver says, through urllib3's public
        pool API: ``server_hostname`` makes TLS ask for and check the URL's host name (SNI and the certificate),
        whatever address the resolver gave; ``Host`` names it too. -> (status, Location, at most MAX_ANSWER bytes)."""
        with self._pool(parts, context) as pool:
            return self._send(pool, method, parts, body, headers)[:3]

    @contextmanager
    def _pool(self, parts, context):
        """One connection to the URL ``parts`` names (kept for NTLM's and Kerberos's legs), closed at the end."""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            address, at = self.resolver.address(parts.hostname.lower(), port)
        except OSError as exc:
            raise Unreachable(type(exc).__name__) from None
        if context is not None:
            pool = urllib3.HTTPSConnectionPool(address, at, ssl_context=context, server_hostname=parts.hostname,
                                               timeout=self.timeout, retries=False, maxsize=1, block=True)
        else:
            pool = urllib3.HTTPConnectionPool(address, at, timeout=self.timeout, retries=False, maxsize=1,
                                              block=True)
        try:
            yield pool
        finally:
            pool.close()

    def _send(self, pool, method, parts, body, headers):
        """-> (status, Location, at most MAX_ANSWER bytes, the answer's WWW-Authenticate and peer certificate)."""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        default = 443 if parts.scheme == "https" else 80
        host = parts.hostname + ("" if port == default else f":{port}")
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            resp = pool.urlopen(method, path, body=body, headers={**headers, "Host": host}, redirect=False,
                                retries=False, preload_content=False)
            try:
                sock = getattr(resp.connection, "sock", None)  # urllib3's public connection of the answer
                cert = sock.getpeercert(binary_form=True) if isinstance(sock, ssl.SSLSocket) else None
                offers = resp.headers.getlist("WWW-Authenticate")
                return resp.status, resp.headers.get("Location") or "", resp.read(MAX_ANSWER), (offers, cert)
            finally:
                resp.release_conn()
        except urllib3.exceptions.SSLError as exc:
            verify = next((e for e in _causes(exc) if isinstance(e, ssl.SSLCertVerificationError)), None)
            if verify is not None:
                raise BadCertificate(verify.verify_message or "certificate not trusted") from None
            raise Unreachable("SSLError") from None
        except (OSError, urllib3.exceptions.HTTPError) as exc:
            raise Unreachable(type(exc).__name__) from None

    def _windows_sign_in(self, pool, parts, body, answer, username: str, password: str):
        """The 401 offers Negotiate (with the user's Kerberos ticket) or NTLM: their legs on the same connection
        (pyspnego, bound to the server's certificate: Extended Protection), as EWS signs in (auth.py). -> the
        last answer's (status, Location, body), or None when neither is offered or can be used."""
        import spnego

        offers, cert = answer
        schemes = [o.split(" ", 1)[0].lower() for value in offers for o in value.split(",")]
        ntlm = "ntlm" in schemes and bool(password)
        if "negotiate" in schemes:
            problem = kerberos_problem()
            if problem is not None:
                refused = problem.message
            else:
                try:
                    got = self._legs(pool, parts, body, cert, "Negotiate", "kerberos", None, None)
                except spnego.exceptions.SpnegoError as exc:  # no key for this host at the KDC, the KDC away...
                    refused = _kerberos_failed(parts.hostname, exc)
                else:
                    if got[0] != 401:
                        return got
                    refused = translate("Autodiscover", "refused your Kerberos ticket (401)")
            if not ntlm:  # else NTLM, as EWS falls back to it
                raise SignInRefused(refused)
        if ntlm:
            return self._legs(pool, parts, body, cert, "NTLM", "ntlm", username, password)
        return None

    def _legs(self, pool, parts, body, cert, scheme: str, protocol: str, username, password):
        """A sign-in's legs on the connection (NTLM: NEGOTIATE, AUTHENTICATE; Kerberos: one token), bound to the
        server's certificate. -> the last answer's (status, Location, body)."""
        import spnego

        ctx = spnego.client(username, password, hostname=parts.hostname, service="HTTP", protocol=protocol,
                            channel_bindings=_binding(cert))
        token, got = None, None
        for _ in range(3):
            out = ctx.step(token)
            if not out:
                break
            headers = {"Content-Type": "text/xml; charset=utf-8",
                       "Authorization": f"{scheme} {base64.b64encode(out).decode()}"}
            status, location, raw, (offers, _) = self._send(pool, "POST", parts, body, headers)
            got = (status, location, raw)
            token = _token_of(offers, scheme)
            if status != 401 or token is None:
                break
        return got


def _kerberos_failed(host: str, exc) -> str:
    """The Kerberos library's own reason (its minor status names what is missing: the host's key at the KDC, the
    KDC itself) in the step's line."""
    import gssapi

    base = getattr(exc, "base_error", None)
    reason = type(exc).__name__
    if isinstance(base, gssapi.exceptions.GSSError):
        reason = "; ".join(base.get_all_statuses(base.min_code, False)) or reason
    return translate("Autodiscover", "Kerberos sign-in to {host} failed: {reason}").format(host=host, reason=reason)


def _binding(cert: bytes | None):
    """RFC 5929's tls-server-end-point binding of the server's certificate (SHA-256 for MD5 and SHA-1, else its
    signature's hash), as requests_ntlm and requests_gssapi send it; None without TLS. Written here: pyspnego
    takes the binding's bytes, and neither requests library offers the computation publicly."""
    if cert is None:
        return None
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from spnego.channel_bindings import GssChannelBindings

    parsed = x509.load_der_x509_certificate(cert)
    algorithm = parsed.signature_hash_algorithm
    if algorithm is None or isinstance(algorithm, (hashes.MD5, hashes.SHA1)):
        algorithm = hashes.SHA256()
    return GssChannelBindings(application_data=b"tls-server-end-point:" + parsed.fingerprint(algorithm))


def _token_of(offers: list[str], scheme: str) -> bytes | None:
    """The server's token in a ``WWW-Authenticate: <scheme> <base64>`` (None: none)."""
    for value in offers:
        name, _, data = value.strip().partition(" ")
        if name.lower() == scheme.lower() and data.strip():
            try:
                return base64.b64decode(data.strip())
            except ValueError:
                return None
    return None


def _causes(exc: BaseException):
    """``exc`` and the exceptions it was raised from (urllib3 wraps ssl's own in its SSLError)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        yield from (a for a in exc.args if isinstance(a, BaseException))
        exc = exc.__cause__ or exc.__context__


def pox_request(email: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<Autodiscover xmlns="{REQUEST_NS}"><Request>'
            f"<EMailAddress>{escape(email)}</EMailAddress>"
            f"<AcceptableResponseSchema>{RESPONSE_SCHEMA}</AcceptableResponseSchema>"
            "</Request></Autodiscover>").encode()


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _child(el, name):
    for c in el:
        if _local(c) == name:
            return c
    return None


def _text(el, name) -> str:
    c = None if el is None else _child(el, name)
    return (c.text or "").strip() if c is not None else ""


def parse_pox(raw: bytes) -> PoxAnswer:
    """Read a POX Autodiscover answer (Account's Action and Protocols, AlternateMailboxes, or Error)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError:
        return PoxAnswer("error", error="the answer is not XML")
    response = _child(root, "Response") if _local(root) == "Autodiscover" else None
    if response is None:
        return PoxAnswer("error", error="the answer is no Autodiscover answer")
    error = _child(response, "Error")
    if error is not None:
        return PoxAnswer("error", error=_text(error, "Message") or _text(error, "ErrorCode") or "error")
    account = _child(response, "Account")
    if account is None:
        return PoxAnswer("error", error="the answer names no account")
    action = _text(account, "Action")
    if action == "redirectAddr":
        return PoxAnswer(action, redirect=_text(account, "RedirectAddr"))
    if action == "redirectUrl":
        return PoxAnswer(action, redirect=_text(account, "RedirectUrl"))
    urls = {_text(p, "Type"): _text(p, "EwsUrl") for p in account if _local(p) == "Protocol"}
    ews_url = urls.get("EXCH") or urls.get("EXPR") or ""
    if not ews_url:
        return PoxAnswer("error", error="the answer names no EWS URL")
    return PoxAnswer("settings", ews_url=ews_url, alternate_mailboxes=_alternates(account))


def _alternates(account) -> tuple[AlternateMailbox, ...]:
    box = _child(account, "AlternateMailboxes")
    out = []
    for m in box if box is not None else ():
        address = _text(m, "SmtpAddress")
        if _local(m) == "AlternateMailbox" and address:
            out.append(AlternateMailbox(address, _text(m, "DisplayName"), _text(m, "Type") or "Delegate"))
    return tuple(out)
