"""Windows authentication in front of the EWS endpoint, as IIS serves an on-premises Exchange: Basic, NTLM and
Negotiate (Kerberos), each on or off, and Extended Protection (channel binding) off, allow or require.

- A request without credentials gets 401 with one ``WWW-Authenticate`` per offered method, in IIS's order:
  ``Negotiate``, ``NTLM``, then ``Basic realm="..."`` (IIS's Windows authentication providers are Negotiate and
  NTLM, in that order: learn.microsoft.com/iis/configuration/system.webserver/security/authentication/
  windowsauthentication/providers/).
- NTLM and Negotiate are connection-oriented: NTLM's three legs (NEGOTIATE -> 401 with the CHALLENGE ->
  AUTHENTICATE) happen on one kept-alive connection, whose state lives in a ``ConnectionAuth`` (one per HTTP
  connection, the request handler's); once a handshake completes, the connection is signed in and later
  requests on it carry no ``Authorization`` and are not challenged again (IIS caches the token for the TCP
  connection: learn.microsoft.com/iis/wmi-provider/windowsauthenticationsection-class, AuthPersistNonNTLM /
  AuthPersistSingleRequest). A new ``Authorization`` header on it starts over. Basic is per request.
- NTLM: pyspnego's acceptor (``spnego.server(protocol="ntlm")``), which reads the users' passwords from the file
  named by ``NTLM_USER_FILE`` (Heimdal's ``DOMAIN:USER:PASSWORD`` lines): see ``NtlmUserFile``.
- Negotiate: a GSSAPI acceptor (python-gssapi on MIT Kerberos) with the keys of the ``keytab`` given (else the
  default keytab, ``KRB5_KTNAME``); the client's token is SPNEGO or raw Kerberos; the answer's mutual
  authentication token goes back in ``WWW-Authenticate: Negotiate ...`` on the 200. NTLM wrapped in Negotiate is
  not accepted (no NTLM mechanism under this GSSAPI): a client that needs NTLM uses the ``NTLM`` offer.
- Extended Protection (IIS ``tokenChecking``: None, Allow, Require; learn.microsoft.com/iis/configuration/
  system.webServer/security/authentication/windowsAuthentication/extendedprotection/), over TLS only: the
  acceptor is given the ``tls-server-end-point`` binding of the sandbox's own certificate (RFC 5929 section 4.1:
  the certificate's hash, SHA-256 where it is signed with MD5 or SHA-1). ``allow``: a token that carries a
  binding must carry this one, one without is accepted; ``require``: a token without it is refused too.
  Kerberos: MIT checks a binding the client sent and reports ``channel_bound``; NTLM: pyspnego refuses a
  token without the binding when the acceptor has one, and takes an all-zero binding for none given.

The user found is the sandbox's user with that login (``Sandbox.user_by_login``): NTLM's ``DOMAIN\\user`` or
``user@domain``, Kerberos's ``user@REALM`` by its ``user`` part."""

from __future__ import annotations

import atexit
import base64
import binascii
import logging
import os
import tempfile
import threading
from dataclasses import dataclass, field

log = logging.getLogger("app.sandbox")

METHODS = ("negotiate", "ntlm", "basic")  # in the order IIS offers them
EXTENDED_PROTECTION = ("off", "allow", "require")
_NTLM_SIGNATURE = b"NTLMSSP\x00"
#: an NTLM NEGOTIATE message begins so (MS-NLMP 2.2.1.1: the signature, then MessageType 1, little-endian): a
#: client that starts over in the middle of a handshake is answered a new CHALLENGE
_NTLM_NEGOTIATE = _NTLM_SIGNATURE + (1).to_bytes(4, "little")


@dataclass(frozen=True)
class AuthConfig:
    """Which methods a sandbox offers (a subset of METHODS; "basic" alone by default) and its Extended
    Protection; ``keytab``: the Negotiate acceptor's keys (None: the default keytab)."""

    methods: tuple[str, ...] = ("basic",)
    extended_protection: str = "off"
    keytab: str | None = None

    @classmethod
    def make(cls, methods, extended_protection: str = "off", keytab: str | None = None, tls: bool = False):
        if isinstance(methods, str):
            methods = [m for m in methods.replace(",", " ").split() if m]
        wanted = {str(m).strip().lower() for m in methods or ()}
        unknown = wanted - set(METHODS)
        if unknown or not wanted:
            raise ValueError(f"auth_methods must be a non-empty subset of {', '.join(METHODS)} "
                             f"(got {', '.join(sorted(map(str, methods or ()))) or 'none'})")
        ep = str(extended_protection or "off").lower()
        if ep not in EXTENDED_PROTECTION:
            raise ValueError(f"extended_protection must be one of {', '.join(EXTENDED_PROTECTION)}")
        if ep != "off" and not tls:
            raise ValueError("extended_protection binds the TLS channel: it needs tls=True")
        if ep != "off" and not wanted & {"ntlm", "negotiate"}:
            raise ValueError("extended_protection applies to NTLM and Negotiate: offer one of them")
        return cls(tuple(m for m in METHODS if m in wanted), ep, keytab)

    @property
    def windows(self) -> bool:
        return bool({"ntlm", "negotiate"} & set(self.methods))


def tls_server_end_point(cert_path: str) -> bytes:
    """The ``tls-server-end-point`` channel binding data of the certificate at ``cert_path`` (RFC 5929 4.1)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.serialization import Encoding

    with open(cert_path, "rb") as f:
        cert = x509.load_pem_x509_certificate(f.read())
    algorithm = cert.signature_hash_algorithm
    if algorithm is None or isinstance(algorithm, (hashes.MD5, hashes.SHA1)):
        algorithm = hashes.SHA256()
    digest = hashes.Hash(algorithm)
    digest.update(cert.public_bytes(Encoding.DER))
    return b"tls-server-end-point:" + digest.finalize()


class NtlmUserFile:
    """The one NTLM user file of this process (pyspnego's acceptor reads ``NTLM_USER_FILE`` from the environment,
    a process-wide setting): the lines of every running sandbox that speaks NTLM, written again when one starts
    or stops. Each user is listed as ``:login:password``, ``:email:password`` and ``DOMAIN:name:password`` (DOMAIN:
    the first label of the mail domain in capitals, name: the address's local part). A password with a colon
    cannot be written in this format: that user cannot sign in with NTLM (logged). When two sandboxes of one
    process have a login in common with different passwords, the first started wins."""

    _lock = threading.Lock()
    _owners: dict[int, list[str]] = {}
    _path: str | None = None
    _previous: str | None = None

    @classmethod
    def add(cls, owner, users) -> None:
        lines = []
        for u in users:
            if ":" in u["password"]:
                log.warning("sandbox: %s has a colon in its password: NTLM cannot sign it in", u["email"])
                continue
            local, _, domain = u["email"].partition("@")
            logins = [("", u["username"]), ("", u["email"]), (domain.split(".")[0].upper(), local)]
            lines.extend(f"{d}:{n}:{u['password']}" for d, n in dict.fromkeys(logins))
        with cls._lock:
            cls._owners[id(owner)] = lines
            cls._write()

    @classmethod
    def remove(cls, owner) -> None:
        with cls._lock:
            if cls._owners.pop(id(owner), None) is not None:
                cls._write()

    @classmethod
    def _forget(cls) -> None:
        """At exit, with sandboxes never stopped: the file goes all the same (it holds their passwords)."""
        with cls._lock:
            cls._owners.clear()
            cls._write()

    @classmethod
    def _write(cls) -> None:
        if not cls._owners:
            if cls._path:
                atexit.unregister(cls._forget)
                os.unlink(cls._path)
                if cls._previous is None:
                    os.environ.pop("NTLM_USER_FILE", None)
                else:
                    os.environ["NTLM_USER_FILE"] = cls._previous
            cls._path = cls._previous = None
            return
        if cls._path is None:
            fd, cls._path = tempfile.mkstemp(prefix="dispatch-sandbox-ntlm-", suffix=".txt")  # 0600
            os.close(fd)
            cls._previous = os.environ.get("NTLM_USER_FILE")
            atexit.register(cls._forget)
        text = "".join(line + "\n" for lines in cls._owners.values() for line in lines)
        # written aside and renamed: an acceptor of another sandbox reading it meanwhile never sees it half written
        fd, fresh = tempfile.mkstemp(prefix="dispatch-sandbox-ntlm-", suffix=".txt", dir=os.path.dirname(cls._path))
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(fresh, cls._path)
        os.environ["NTLM_USER_FILE"] = cls._path


class WindowsAuth:
    """A sandbox's authentication settings while it runs: its offers, the channel binding of its certificate,
    the Negotiate acceptor's credentials, its lines in the NTLM user file."""

    def __init__(self, config: AuthConfig, sandbox):
        self.config = config
        self.sandbox = sandbox
        self._bindings: dict[str, bytes] = {}  # certificate path -> its tls-server-end-point binding
        self.accept_creds = None

    def start(self) -> "WindowsAuth":
        """ValueError when a method cannot be served here (its library missing, the keytab unreadable)."""
        cfg = self.config
        self._bindings = {}
        if "negotiate" in cfg.methods:
            self.accept_creds = _acceptor_credentials(cfg.keytab)
        if "ntlm" in cfg.methods:
            try:
                import spnego  # noqa: F401  (fail at start, not on a request)
            except ImportError as e:
                raise ValueError(f"auth ntlm needs pyspnego: {e}") from e
            NtlmUserFile.add(self, self.sandbox.users)
        return self

    def stop(self) -> None:
        NtlmUserFile.remove(self)

    def binding(self, cert_path: str | None) -> bytes | None:
        """What a token on a TLS connection with this certificate must be bound to (None: nothing is checked)."""
        if self.config.extended_protection == "off" or not cert_path:
            return None
        if cert_path not in self._bindings:
            self._bindings[cert_path] = tls_server_end_point(cert_path)
        return self._bindings[cert_path]

    def offers(self, realm: str) -> list[tuple[str, str]]:
        """The ``WWW-Authenticate`` headers of a 401 that asks for credentials."""
        words = {"negotiate": "Negotiate", "ntlm": "NTLM", "basic": f'Basic realm="{realm}"'}
        return [("WWW-Authenticate", words[m]) for m in self.config.methods]


def _acceptor_credentials(keytab: str | None):
    """The Negotiate acceptor's credentials: the keys of ``keytab`` (None: the default keytab)."""
    try:
        import gssapi
    except ImportError as e:
        raise ValueError(f"auth negotiate needs the Python gssapi package (the kerberos extra): {e}") from e
    store = {"keytab": keytab} if keytab else None
    try:
        creds = gssapi.Credentials(usage="accept", store=store)
        creds.inquire()  # reads the keytab now: a missing one is said at start
    except gssapi.exceptions.GSSError as e:
        raise ValueError(f"auth negotiate: no service key in {keytab or 'the default keytab'}: {e}") from e
    return creds


@dataclass
class Verdict:
    """``user``: who sent the request (None: answer 401 with ``headers``); ``headers``: for the answer."""

    user: dict | None
    headers: list[tuple[str, str]] = field(default_factory=list)


class ConnectionAuth:
    """The authentication state of one HTTP connection (see the module's docstring)."""

    def __init__(self, auth: WindowsAuth, cert_path: str | None):
        """``cert_path``: the certificate of this TLS connection's listener (None: plain HTTP)."""
        self.auth = auth
        self.tls = cert_path is not None
        self.binding = auth.binding(cert_path)
        self.user: dict | None = None  # signed in by NTLM or Negotiate
        self._ntlm = None  # an NTLM handshake under way (pyspnego acceptor after the NEGOTIATE message)

    def check(self, authorization: str | None, basic_user) -> Verdict:
        """The verdict on a request with this ``Authorization`` header (None: absent); ``basic_user()``: the
        sandbox's Basic check of it (the user or None)."""
        if not authorization:
            return Verdict(self.user) if self.user else self.refuse()
        scheme, _, token = authorization.strip().partition(" ")
        scheme = scheme.lower()
        methods = self.auth.config.methods
        self.user = None  # new credentials on this connection: it is signed in again, or not at all
        if scheme == "basic" and "basic" in methods:
            user = basic_user()
            return Verdict(user) if user else self.refuse()
        if scheme not in ("ntlm", "negotiate") or scheme not in methods:
            return self.refuse()
        try:
            data = base64.b64decode(token.strip(), validate=True)
        except (binascii.Error, ValueError):
            return self.refuse()
        if scheme == "ntlm":
            return self._ntlm_step(data)
        if data.startswith(_NTLM_SIGNATURE):
            log.debug("sandbox: NTLM inside Negotiate is not accepted here")
            return self.refuse()
        return self._negotiate(data)

    def refuse(self) -> Verdict:
        self._ntlm = None
        return Verdict(None, self.auth.offers(self.auth.sandbox.realm))

    # ---------------- NTLM ----------------
    def _channel(self):
        if not self.binding:
            return None
        from spnego.channel_bindings import GssChannelBindings

        return GssChannelBindings(application_data=self.binding)

    def _ntlm_step(self, data: bytes) -> Verdict:
        """One leg of NTLM. pyspnego refuses a bad token with SpnegoError, but a malformed one (cut short, bad
        offsets or lengths) raises what its parsing meets: struct.error, KeyError, ValueError, OverflowError,
        UnicodeDecodeError (a fuzz of 2,000 tokens met all five). Any of them is the token refused: a 401, never
        a dropped connection."""
        import spnego
        from spnego.exceptions import BadBindingsError

        ctx = self._ntlm
        if ctx is None or data.startswith(_NTLM_NEGOTIATE):  # (again) the NEGOTIATE message: answer the CHALLENGE
            try:
                ctx = spnego.server(protocol="ntlm")
                challenge = ctx.step(data)
            except Exception as e:  # noqa: BLE001 - a malformed token (see the docstring)
                log.debug("sandbox: NTLM negotiate refused: %s", type(e).__name__)
                return self.refuse()
            self._ntlm = ctx
            return Verdict(None, [("WWW-Authenticate", "NTLM " + base64.b64encode(challenge).decode())])
        self._ntlm = None
        try:
            try:
                ctx.step(data, channel_bindings=self._channel())
            except BadBindingsError as e:
                if not self._binding_absent_allowed(e):
                    raise
                ctx.step(data)  # allow: a token without a binding is taken as it is
        except Exception as e:  # noqa: BLE001 - a malformed token (see the docstring)
            log.debug("sandbox: NTLM authenticate refused: %s", type(e).__name__)
            return self.refuse()
        return self._signed_in(ctx.client_principal)

    def _binding_absent_allowed(self, error) -> bool:
        """Under ``allow``, pyspnego's refusal of a token that carries no binding at all (not of a wrong one):
        pyspnego tells the two apart only in its message."""
        return self.auth.config.extended_protection == "allow" and "not present" in str(error)

    # ---------------- Negotiate (Kerberos) ----------------
    def _negotiate(self, data: bytes) -> Verdict:
        import gssapi
        from gssapi.raw import ChannelBindings

        kw = {}
        if self.binding:
            kw["channel_bindings"] = ChannelBindings(application_data=self.binding)
        try:
            ctx = gssapi.SecurityContext(creds=self.auth.accept_creds, usage="accept", **kw)
            out = ctx.step(data)
            # SPNEGO hands back an error token instead of raising; python-gssapi raises the error on the next
            # look at the context (a wrong channel binding is found so)
            complete, flags = ctx.complete, ctx.actual_flags
        except gssapi.exceptions.GSSError as e:
            log.debug("sandbox: Negotiate refused: %s", e)
            return self.refuse()
        if not complete:  # a mechanism that wants more legs (none that is accepted here)
            return self.refuse()
        if (self.auth.config.extended_protection == "require" and self.tls
                and gssapi.RequirementFlag.channel_bound not in flags):
            log.debug("sandbox: Negotiate refused: no channel binding (Extended Protection: require)")
            return self.refuse()
        verdict = self._signed_in(str(ctx.initiator_name))
        if verdict.user and out:
            verdict.headers.append(("WWW-Authenticate", "Negotiate " + base64.b64encode(out).decode()))
        return verdict

    def _signed_in(self, principal: str | None) -> Verdict:
        sb = self.auth.sandbox
        name = principal or ""
        user = sb.user_by_login(name) or sb.user_by_login(name.rpartition("@")[0] if "\\" not in name else name)
        if user is None:
            log.debug("sandbox: %s signed in but has no mailbox here", name)
            return self.refuse()
        self.user = user
        return Verdict(user)



class AuthenticatingHandler:
    """For a request handler (one per HTTP connection): ``authenticate`` says who sends the request by the
    sandbox's methods, keeping the connection's state; ``challenge()`` is the WWW-Authenticate headers of the
    401 to answer when it said None; ``reply_headers()`` what the next answer carries (Negotiate's token)."""

    _conn_auth = None
    _challenge: list = []
    _auth_reply: list = []

    def authenticate(self, auth: WindowsAuth, cert_path: str | None, basic_user):
        if self._conn_auth is None:
            self._conn_auth = ConnectionAuth(auth, cert_path)
        verdict = self._conn_auth.check(self.headers.get("Authorization"), basic_user)
        if verdict.user is None:
            self._challenge = verdict.headers
        else:
            self._auth_reply = verdict.headers
        return verdict.user

    def challenge(self, auth: WindowsAuth, realm: str) -> list[tuple[str, str]]:
        headers, self._challenge = self._challenge or auth.offers(realm), []
        return headers

    def reply_headers(self) -> list[tuple[str, str]]:
        headers, self._auth_reply = self._auth_reply, []
        return headers
