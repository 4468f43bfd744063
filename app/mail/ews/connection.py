"""Building an exchangelib Account for one AccountConfig, without sharing state with anyone else.

What this module takes care of (exchangelib 5.6 behaviour, observed on the wire and in its source):

- exchangelib caches ``Protocol`` objects process-wide per (endpoint, credentials). Two services with the
  same pair would silently share auth type, retry policy, pool size and TLS settings. Every connection here
  gets credentials with a private token (so its own cache key) and its own Protocol subclass carrying its
  HTTP adapter (TLS policy) and timeout. ``close()`` closes its sessions and removes it from the cache.
- The pool defaults to 1 connection (everything serialised): we use ``max_connections=4``, and lower it
  on a busy server without exchangelib's deadlock (pool.py).
- Retry policy: fail fast (our core does the retrying), but keep the server's ``Retry-After`` (HTTP 503)
  and never turn an HTML error page into "server busy" (for a send that would invite a duplicate).
  Its look at every reply also refuses a damaged one that exchangelib would read as good (replies.py).
- TLS: verification on. With ``pinned_cert_sha256`` exactly that certificate is accepted (urllib3's
  ``assert_fingerprint``), nothing else. ``verify_tls=False`` without a pin is an explicit user choice.
- A cached ``server_build`` becomes ``Configuration(version=...)``: no version probe on later starts.
- The endpoint passes :func:`app.domain.validation.check_ews_url` before anything is built: never Basic or
  NTLM over plain ``http://`` to another computer, whatever let the URL in (an edited settings file, a
  caller that skipped the dialog). Redirects are not followed (exchangelib posts with
  ``allow_redirects=False``), so an https server cannot move us to http either.
"""

from __future__ import annotations

import logging
import re
import uuid
from contextlib import suppress

import requests.adapters
from exchangelib import BASIC, DELEGATE, GSSAPI, NTLM, Account, Build, Configuration, Credentials, Version
from exchangelib.errors import ErrorServerBusy, MalformedResponseError
from exchangelib.protocol import FailFast, Protocol
from exchangelib.transport import DEFAULT_HEADERS, NOAUTH
from exchangelib.util import is_xml

from app.domain.account import AccountConfig, AuthType
from app.domain.models import ErrorKind
from app.domain.validation import check_ews_url
from app.mail.errors import MailError
from app.mail.ews import auth
from app.mail.ews.kerberos import kerberos_principal
from app.mail.ews.pool import SafePoolProtocol
from app.mail.ews.replies import damage
from app.mail.ews.retirement import EwsPolicyRefusal, policy_reason

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 60.0
_AUTH_RE = re.compile(r"(authorization['\"]?\s*[:=]\s*['\"]?)(basic|ntlm|negotiate|bearer|digest)\s+[^'\",}\s]+", re.I)


class _RedactCredentials(logging.Filter):
    """exchangelib logs request headers (Authorization: Basic <user:password in base64>) at DEBUG, and at
    ERROR for unexpected transport exceptions. Passwords never reach a log: redact every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            text = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken record is not our business
            return True
        if "uthorization" in text:
            record.msg, record.args = _AUTH_RE.sub(r"\1\2 [redacted]", text), ()
        return True


def _guard_exchangelib_logging() -> None:
    flt = _RedactCredentials()
    for name in list(logging.root.manager.loggerDict) + ["exchangelib"]:
        if name == "exchangelib" or name.startswith("exchangelib."):
            lg = logging.getLogger(name)
            if not any(isinstance(f, _RedactCredentials) for f in lg.filters):
                lg.addFilter(flt)
    top = logging.getLogger("exchangelib")
    if top.level == logging.NOTSET:  # its DEBUG output holds whole messages; opt in explicitly
        top.setLevel(logging.INFO)


_guard_exchangelib_logging()
# requests_gssapi logs a failed token (no ticket: its GSSAPI message, with a traceback) at ERROR through
# log.exception; the refusal is said in words by auth.py, and the log keeps states and codes only
logging.getLogger("requests_gssapi").setLevel(logging.CRITICAL)
MAX_CONNECTIONS = 4
# the code of the error raised for an endpoint that must not be used (plain http:// to another host...)
INSECURE_URL_CODE = "ErrorInvalidEwsUrl"


def refuse_unsafe_endpoint(url: str) -> None:
    """Raise MailError (kind INVALID_INPUT: the account's settings, not the network) for an endpoint that
    must not receive the password. Nothing is resolved or connected before this check."""
    problem = check_ews_url(url)
    if problem is not None:
        raise MailError(INSECURE_URL_CODE, problem, kind=ErrorKind.INVALID_INPUT)


def normalize_fingerprint(fp: str) -> str:
    """'AB:cd:..' or 'abcd..' -> 'abcd...' (lower-case hex, no separators)."""
    return "".join(c for c in (fp or "").lower() if c in "0123456789abcdef")


def parse_build(text: str) -> Build | None:
    """'15.1.2507.6' -> Build(15, 1, 2507, 6); None if it does not parse."""
    try:
        parts = [int(p) for p in (text or "").strip().split(".")]
    except ValueError:
        return None
    if len(parts) < 2 or len(parts) > 4:
        return None
    parts += [0] * (4 - len(parts))
    try:
        build = Build(*parts)
        build.api_version()  # raises ValueError for builds exchangelib does not know
    except (ValueError, TypeError):
        return None
    return build


class _PrivateCredentials(Credentials):
    """Credentials that compare equal only to themselves: a private Protocol cache entry per service."""

    def __init__(self, username: str, password: str):
        super().__init__(username=username, password=password)
        self.instance_token = uuid.uuid4().hex


class DispatchRetryPolicy(FailFast):
    """FailFast, with clearer mapping of HTTP statuses than exchangelib's default.

    - 401 -> :class:`app.mail.ews.auth.Refused` (an UnauthorizedError: a login failure, never "busy"), with
      the scheme sent and the server's offers.
    - 403 with Exchange Online's ``X-EWS-Policy-Reason`` -> EwsPolicyRefusal (EWS is blocked for this
      mailbox: retirement.py), mapped to EwsBlocked: the user is offered Graph, nothing is failed.
    - 503 / 429 -> ErrorServerBusy with ``back_off`` = Retry-After seconds (None if absent): the request was
      not processed, retrying later is safe.
    - any other non-200 without a SOAP body (HTML error page...) -> MalformedResponseError: the server may or
      may not have done the work, so a send must be verified, not retried.
    - a SOAP reply (HTTP 200, or a fault's 500) cut off before its end or naming a result class EWS does not
      have (:func:`app.mail.ews.replies.damage`) -> MalformedResponseError.
    """

    def __init__(self, address: str = ""):
        self.address = address  # the mailbox, for the EWS-blocked message

    def raise_response_errors(self, response):
        status = response.status_code
        if status in (200, 500) and _read_whole(response):
            why = damage(response.content)
            if why is not None:
                raise MalformedResponseError(why)
        if status == 200:
            return
        reason = policy_reason(status, response.headers)
        if reason is not None:
            raise EwsPolicyRefusal(reason, self.address)
        if status == 500 and response.content and is_xml(response.content):
            return  # a SOAP fault comes as HTTP 500
        if status == 401:  # what was sent and what the server offers: auth.refusal says what it means
            raise auth.refused(response)
        if status in (503, 429):
            retry_after = None
            raw = response.headers.get("Retry-After", "")
            with suppress(ValueError):
                retry_after = float(raw) if raw else None
            raise ErrorServerBusy(f"HTTP {status} from the server", back_off=retry_after)
        if status in (301, 302, 307, 308):
            return super().raise_response_errors(response)
        snippet = (response.text or "")[:200].replace("\n", " ")
        raise MalformedResponseError(f"HTTP {status} with a non-EWS body: {snippet}")


def _read_whole(response) -> bool:
    """The reply was read into memory (exchangelib posts with ``stream=False``): reading it costs nothing
    more. Known from the request itself (:func:`in_chunks`); a streamed reply is never read here."""
    return isinstance(response, InMemoryResponse) and response.in_memory


class InMemoryResponse:
    """requests' reply as the connection's sessions hand it on (:func:`in_chunks`). exchangelib parses every
    reply with ``to_xml(response.iter_content())``: requests' default chunk size of 1 byte, so lxml pulls a
    reply through Python one byte at a time (1 MB: ~0.4 s of CPU; 10 MB: ~4 s, in the mail engine's process).
    A reply already read into memory is handed over in 64 KB chunks instead; streamed replies are untouched.

    It wraps the reply rather than copying it into a subclass: every other attribute and method is the
    reply's own, read from it and set on it (requests sets ``history`` and the next redirect on the reply a
    hook returns), and the few that Python looks up on the class (truth, iteration, ``with``, repr) are
    passed on as well; so a requests that adds an attribute leaves nothing behind."""

    __slots__ = ("reply", "in_memory")

    def __init__(self, reply: requests.Response, in_memory: bool):
        super().__setattr__("reply", reply)
        super().__setattr__("in_memory", in_memory)

    def iter_content(self, chunk_size=1, decode_unicode=False):
        if chunk_size == 1 and self.in_memory:
            chunk_size = 64 * 1024
        return self.reply.iter_content(chunk_size, decode_unicode)

    def __getattr__(self, name):  # only for names this class does not have
        if name in InMemoryResponse.__slots__:  # not set yet (a copy being made): no endless look-up
            raise AttributeError(name)
        return getattr(self.reply, name)

    def __setattr__(self, name, value):
        setattr(self.reply, name, value)

    def __bool__(self):
        return bool(self.reply)

    def __iter__(self):
        return iter(self.reply)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.reply.close()

    def __repr__(self):
        return repr(self.reply)


def in_chunks(response: requests.Response, *, stream: bool = False, **_send_options) -> InMemoryResponse:
    """requests' response hook (``Session.hooks["response"]``: a hook's return value replaces the reply):
    the same reply, wrapped in an :class:`InMemoryResponse` that knows whether requests will read it whole
    (it does right after the hooks when the request was not streamed)."""
    return InMemoryResponse(response, in_memory=not stream)


class _Protocol(SafePoolProtocol):
    """The pool without its deadlock (pool.py), every session's replies in 64 KB chunks (:func:`in_chunks`), the
    sign-in method of an Automatic account read from the server's offer (:meth:`get_auth_type`), and Kerberos
    bound to the TLS channel (:meth:`create_session`)."""

    def get_auth_type(self):
        """exchangelib asks this (once, under its lock) when the Configuration has no auth type: one POST without
        credentials, its 401's offers, then :func:`app.mail.ews.auth.choose`."""
        with self.raw_session(self.service_endpoint) as session:
            response = session.post(self.service_endpoint, data=b"", headers=DEFAULT_HEADERS, allow_redirects=False,
                                    timeout=self.TIMEOUT)
            response.close()
        if response.status_code == 200:
            return NOAUTH
        if response.status_code != 401:
            self.retry_policy.raise_response_errors(response)
            raise MalformedResponseError(f"HTTP {response.status_code} to a request without credentials")
        return auth.choose(auth.offered(response), self.credentials.password if self.credentials else "")

    def create_session(self):
        session = super().create_session()
        if self.auth_type == GSSAPI:  # exchangelib's instance sends no channel binding
            session.auth = auth.kerberos_session_auth(self.service_endpoint)
        return session

    @classmethod
    def raw_session(cls, prefix, *args, **kwargs):
        session = super().raw_session(prefix, *args, **kwargs)
        session.hooks["response"].append(in_chunks)
        return session


def _adapter_class(account: AccountConfig) -> type[requests.adapters.HTTPAdapter]:
    pin = normalize_fingerprint(account.pinned_cert_sha256)
    if pin:
        if len(pin) != 64:
            raise ValueError("pinned_cert_sha256 must be a SHA-256 fingerprint (64 hex digits)")

        class PinnedAdapter(requests.adapters.HTTPAdapter):
            """Accept exactly one certificate: the one whose SHA-256 is pinned (CA checks are replaced by it)."""

            def init_poolmanager(self, *args, **kwargs):
                kwargs["assert_fingerprint"] = pin
                return super().init_poolmanager(*args, **kwargs)

            def cert_verify(self, conn, url, verify, cert):
                super().cert_verify(conn=conn, url=url, verify=False, cert=cert)

            def get_connection_with_tls_context(self, request, verify, proxies=None, cert=None):
                return super().get_connection_with_tls_context(request, verify=False, proxies=proxies, cert=cert)

        return PinnedAdapter
    if not account.verify_tls:
        log.warning("TLS verification is switched off for %s by the account settings", account.ews_url)

        class NoVerifyAdapter(requests.adapters.HTTPAdapter):
            def cert_verify(self, conn, url, verify, cert):
                super().cert_verify(conn=conn, url=url, verify=False, cert=cert)

            def get_connection_with_tls_context(self, request, verify, proxies=None, cert=None):
                return super().get_connection_with_tls_context(request, verify=False, proxies=proxies, cert=cert)

        return NoVerifyAdapter
    return requests.adapters.HTTPAdapter


# the account's method -> exchangelib's auth type (None: exchangelib asks :meth:`_Protocol.get_auth_type`)
_AUTH_TYPES = {AuthType.AUTOMATIC: None, AuthType.BASIC: BASIC, AuthType.NTLM: NTLM, AuthType.KERBEROS: GSSAPI}


class EwsConnection:
    """One exchangelib Account + its private Protocol. Building it does no I/O."""

    def __init__(self, account: AccountConfig, password: str, *, timeout: float = DEFAULT_TIMEOUT):
        refuse_unsafe_endpoint(account.ews_url)  # first: no credentials object exists for a refused URL
        self.settings = account
        self.endpoint = account.ews_url
        build = parse_build(account.server_build)
        version = Version(build=build) if build else None
        self.credentials = _PrivateCredentials(account.username or account.email, password)
        self.config = Configuration(
            service_endpoint=account.ews_url,
            credentials=self.credentials,
            auth_type=_AUTH_TYPES[AuthType(account.auth_type)],
            version=version,
            retry_policy=DispatchRetryPolicy(account.email),
            max_connections=MAX_CONNECTIONS,
        )
        protocol_cls = type(
            "DispatchProtocol",
            (_Protocol,),
            {
                "HTTP_ADAPTER_CLS": _adapter_class(account),
                "TIMEOUT": timeout,
                "RETRY_WAIT": 0,  # back_off 0 == "the server did not say"; our core chooses the wait
                "USERAGENT": "Dispatch/0.1 (exchangelib)",
            },
        )
        # Creating our subclass first puts it in exchangelib's protocol cache under our private key, so
        # Account(...) below picks up exactly this instance.
        self.protocol = protocol_cls(config=self.config)
        self.account = Account(
            primary_smtp_address=account.email,
            config=self.config,
            autodiscover=False,
            access_type=DELEGATE,
        )
        if self.account.protocol is not self.protocol:  # pragma: no cover - exchangelib changed its caching
            raise RuntimeError("exchangelib did not reuse the prepared protocol")

    def account_for(self, mailbox: str) -> Account:
        """An exchangelib Account for another mailbox this one opens as a delegate (a shared mailbox, a
        principal), on the very same Protocol (our private credentials are its cache key): its
        folders are named with that mailbox (DistinguishedFolderId + Mailbox). No I/O."""
        other = Account(primary_smtp_address=mailbox, config=self.config, autodiscover=False, access_type=DELEGATE)
        if other.protocol is not self.protocol:  # pragma: no cover - exchangelib changed its caching
            raise RuntimeError("exchangelib did not reuse the prepared protocol")
        return other

    @property
    def auth_used(self) -> str:
        """The method this connection signs in with ("kerberos", "ntlm", "basic"; "" not known yet)."""
        return auth.USED_NAMES.get(self.config.auth_type, "")

    @property
    def signed_in_as(self) -> str:
        """Whom the server knows this connection as: the Kerberos principal, else the user name."""
        if self.config.auth_type == GSSAPI:
            return kerberos_principal() or self.credentials.username
        return self.credentials.username

    @property
    def build(self) -> str:
        v = self.config.version
        return str(v.build) if v is not None and v.build is not None else ""

    @property
    def version_name(self) -> str:
        v = self.config.version
        if v is None:
            return ""
        try:
            return v.fullname
        except Exception:  # pragma: no cover - unknown build
            return v.api_version or ""

    def close(self) -> None:
        with suppress(Exception):
            self.protocol.close()  # its idle sessions (one at work comes back to the pool and goes with it)
        with suppress(Exception):
            del Protocol[self.config]
