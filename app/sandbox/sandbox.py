"""The in-process Sandbox: an Exchange-2016-like EWS server on loopback (see TEAM.md for the API)."""

from __future__ import annotations

import datetime as _dt
import email
import email.policy
import ipaddress
import json
import logging
import math
import os
import secrets
import shutil
import smtplib
import ssl
import tempfile
import threading

from . import wiredump
from .admin import ADMIN_PATH
from .core import directory, ids
from .core.delivery import mailbox_of
from .core.faults import FaultInjector
from .core.mime import build_mime
from .core.clock import utcnow
from .core.limits import parse as parse_limits
from .core.outbox import DeferredOutbox
from .core.permissions import norm_rights
from .core.store import Store
from .ews.blocked import ews_setting
from .ews.budget import DEFAULT_MAX_ANSWER_BYTES
from .ews import validation
from .graph.endpoint import Concurrency
from .server import EwsServer, HandlerCount
from .windows_auth import AuthConfig, WindowsAuth

log = logging.getLogger("app.sandbox")

DEFAULT_USERS = [
    {"email": "alice@example.com", "name": "Alice Anderson", "password": "alice-sandbox-pw"},
    {"email": "bob@example.com", "name": "Bob Brown", "password": "bob-sandbox-pw"},
    {"email": "carol@example.com", "name": "Carol Clark", "password": "carol-sandbox-pw"},
    {"email": "dave@example.com", "name": "Dave Davis", "password": "dave-sandbox-pw"},
    {"email": "ali.baba@example.com", "name": "Ali Baba", "password": "ali-sandbox-pw"},
    # a shared mailbox: Alice and Bob open it (Full Access); Alice sends as it, Bob on its behalf;
    # Carol and Dave hold no right on it (ErrorAccessDenied / ErrorSendAsDenied)
    {"email": "desk@example.com", "name": "Shared Desk", "password": "desk-sandbox-pw",
     "full_access": ["alice@example.com", "bob@example.com"], "send_as": ["alice@example.com"],
     "send_on_behalf": ["bob@example.com"]},
]
#: The largest HTTP request body by default: a max_send_bytes (10 MiB) message grows by 4/3 in base64, and
#: its XML around it; 64 MiB leaves room for all of that (413 beyond it).
DEFAULT_MAX_REQUEST_BYTES = 64 * 1024 * 1024


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _own_limits(spec):
    parse_limits(spec)  # ValueError for a profile or a number it does not know
    return spec


def _size(value) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"max_receive_bytes must be a number of bytes, not {value!r}")
    return value


def _norm_group(g: dict) -> dict:
    """A group of the users file: its address, name, members and the senders it accepts (lower case; none: any)."""
    addr = g["email"].strip().lower()
    members, accept = g.get("members") or [], g.get("accept_from") or []
    if not all(isinstance(a, str) for a in [*members, *accept]):
        raise ValueError(f"group {addr}: 'members' and 'accept_from' must be lists of addresses")
    return {"email": addr, "name": g.get("name") or addr.split("@")[0], "members": [a.strip().lower() for a in members],
            "accept_from": [a.strip().lower() for a in accept], "kind": "group"}


def load_users(path: str) -> list[dict]:
    """--users FILE: a JSON list of {"email", "password", "name"?, "username"?, "graph"?, "ews"?} (or
    {"users": [...]}); "graph": false makes a mailbox that Graph refuses (MailboxNotEnabledForRESTAPI, as one
    hosted on-premises); "ews": false (or "policy") one whose EWS requests Exchange Online refuses (HTTP 403,
    X-EWS-Policy-Reason: ews/blocked.py). Delegate rights live on the principal's mailbox, as in Exchange
    (core/permissions.py): "full_access", "send_as" and "send_on_behalf" are lists of the addresses of the users
    who may open this mailbox, send as it, or send on its behalf, e.g. {"email": "desk@example.com", ...,
    "full_access": ["alice@example.com"], "send_as": ["alice@example.com"], "send_on_behalf": ["bob@example.com"]};
    "copy_sent": true keeps a copy of what a delegate sends from this mailbox in its own Sent Items too
    (Exchange's MessageCopyForSentAsEnabled and MessageCopyForSendOnBehalfEnabled, core/delivery.py);
    "limits": "exchange-online" (or {"recipient_rate": 100, ...}) gives the mailbox its own sending limits
    (core/limits.py). Reports (core/bounces.py): "mailbox_full": true bounces what is sent to the mailbox (5.2.2);
    "max_receive_bytes": N bounces a message larger than N bytes (5.3.4). A group is an entry with "members" (a
    list of addresses) and no password: {"email": "team@example.com", "name": "Team", "members": [...],
    "accept_from": [...]}; mail to it goes to each member, and only from the senders of "accept_from" when it is
    given (else 5.7.1); a member may be another group (nested: ExpandDL lists it as a group, one level).
    Directory fields (core/directory.py): "kind" ("person", "room" or "shared"), "title", "department",
    "office", "phone", "mobile", "company", and "contacts" (the user's own contacts: [{"email", "name"?, and
    the same fields}]), served by ResolveNames, FindPeople and Graph's /users and /groups."""
    return load_directory(path)[0]


def load_directory(path: str) -> tuple[list[dict], list[str]]:
    """--users FILE: its users and groups (load_users), and the domains it names unreachable (an object's
    "unreachable_domains": mail to them bounces with 5.4.310, core/bounces.py)."""
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    users = doc["users"] if isinstance(doc, dict) else doc
    if not isinstance(users, list) or not all(isinstance(u, dict) and u.get("email") and
                                              (u.get("password") or isinstance(u.get("members"), list))
                                              for u in users):
        raise ValueError(f"{path}: expected a JSON list of objects with 'email' and 'password' (or 'members')")
    unreachable = doc.get("unreachable_domains", []) if isinstance(doc, dict) else []
    if not isinstance(unreachable, list) or not all(isinstance(d, str) for d in unreachable):
        raise ValueError(f"{path}: 'unreachable_domains' must be a list of domain names")
    return users, unreachable


class MailboxView:
    """Test/inspection access to one mailbox: ``sb.mailbox("bob@example.com").items("inbox")``."""

    def __init__(self, sandbox: "Sandbox", address: str):
        self.sandbox = sandbox
        self.address = address.lower()

    def items(self, folder: str | None = "inbox") -> list[dict]:
        store = self.sandbox.store
        out = []
        for it in store.all_in(self.address, folder):
            d = it["data"]
            atts = store.attachments(it["key"], content=True)
            body = d.get("Body") or {}
            addrs = lambda key: [r.get("EmailAddress") for r in d.get(key) or []]  # noqa: E731
            out.append({
                "id": ids.item_id(it["key"]), "change_key": it["change_key"], "folder": it["folder"],
                "subject": d.get("Subject"), "from": (d.get("From") or {}).get("EmailAddress"),
                "sender": (d.get("Sender") or {}).get("EmailAddress"),
                "to": addrs("ToRecipients"), "cc": addrs("CcRecipients"), "bcc": addrs("BccRecipients"),
                "reply_to": addrs("ReplyTo"), "internet_message_id": d.get("InternetMessageId"),
                "body": body.get("text"), "body_type": body.get("BodyType"), "importance": d.get("Importance"),
                "sensitivity": d.get("Sensitivity"), "categories": d.get("Categories") or [],
                "is_read": d.get("IsRead"), "is_draft": d.get("IsDraft"), "created": d.get("DateTimeCreated"),
                "sent": d.get("DateTimeSent"), "received": d.get("DateTimeReceived"),
                "modified": d.get("LastModifiedTime"),
                "attachments": [{"id": ids.attachment_id(it["key"], a["key"]), "name": a["name"],
                                 "content_type": a["content_type"], "content": a["content"], "size": a["size"],
                                 "is_inline": a["is_inline"], "content_id": a["content_id"]} for a in atts],
                "mime": self.sandbox.item_mime(it, atts),
                "fields": {k: v for k, v in d.items() if not k.startswith("_")},
            })
        return out

    def count(self, folder: str = "inbox") -> int:
        return self.sandbox.store.count(self.address, folder)[0]


class Sandbox:
    """An Exchange 2016-like EWS server (``/EWS/Exchange.asmx``, Basic, NTLM or Kerberos, SOAP 1.1, SQLite), loopback.

    Sandbox(data=":memory:" | DIR | FILE.sqlite3, port=0, host="127.0.0.1", tls=False, users=None,
            max_send_bytes=10 MiB, smtp_relay="HOST:PORT", cert=None, key=None, schema_dir=None,
            allow_remote=False, max_request_bytes=64 MiB, max_answer_bytes=64 MiB)

    start() -> self (listening when it returns); stop() (idempotent; start() again reopens the data);
    also a context manager. Attributes: ews_url, port, accounts ([{email, username, password, name}]),
    wire_observer (fn(direction, body, injected=False); called after the process's wire check),
    faults (FaultInjector: inject/clear/pending/fired),
    request_log (operation names in order; "(invalid)" for unparseable requests), max_send_bytes (mutable),
    active_handlers / wait_handlers(timeout=10) -> bool (connections being served; a request a stop() cut
    off counts until its handler ends; a kept-alive connection counts until its client closes it),
    autodiscover=True (with autodiscover_names=(more host names,)): POX Autodiscover for its domains on its own
    https + http listeners, ``autodiscover`` (autodiscover.py: set_case, requests, hosts(), cert_path),
    max_request_bytes (mutable: a larger HTTP request body is refused with 413; the default leaves room for
    a max_send_bytes message in base64 inside its XML), max_answer_bytes (mutable: ews/budget.py, the
    bytes of an EWS answer's per-id responses after which the rest are ErrorBatchProcessingStopped; of a
    Graph $batch's response bodies after which its remaining requests are 429, graph/batch.py),
    cert_path / key_path / cert_sha256 (TLS; sha256 hex of the DER certificate), store (the SQLite Store).
    auth_methods (a subset of "basic", "ntlm", "negotiate"; Basic alone by default), extended_protection ("off",
    "allow", "require"; TLS only), keytab (Negotiate's keys; default: KRB5_KTNAME): windows_auth.py, ``auth``.
    mailbox(email).items(folder="inbox" | None for all) -> list of dicts; mailbox(email).count(folder).
    set_ews(email, False | "policy" | True): Exchange Online's EWS block for one mailbox (ews/blocked.py).
    Reports (core/bounces.py): users with "mailbox_full" / "max_receive_bytes", groups (entries with "members",
    ``groups``, ``group_by_email(address)``), ``unreachable_domains`` (besides every domain under .invalid).
    relay_queue() -> email.message.EmailMessage objects with .envelope_from, .envelope_to, .relayed.
    Admin HTTP endpoint ``admin_url`` (admin.py: loopback clients, a loopback Host header, and the per-run
    ``admin_token`` as ``Authorization: Bearer``; ``admin_headers()`` gives both headers): POST JSON
    {"operation": "SendItem" | "*", "kind": ..., "count": 1, ...params} or {"clear": true}; GET lists them.
    """

    #: The wire check of this process, called for every body of every instance before its own
    #: ``wire_observer`` (the test suite sets it so that every SOAP body of every sandbox, fixture-made
    #: or not, is checked against the schema). Unset, ``DISPATCH_SANDBOX_WIRE_DUMP`` (see wiredump.py)
    #: writes the bodies out for a check in the test process.
    default_wire_observer = None
    #: The same for Graph bodies (tests/graph_wire.py), called with the request's method, path, status and
    #: content type as keywords.
    default_graph_observer = None

    def __init__(self, data: str = ":memory:", port: int = 0, host: str = "127.0.0.1", tls: bool = False,
                 users: list[dict] | None = None, max_send_bytes: int = 10 * 1024 * 1024,
                 smtp_relay: str | None = None, cert: str | None = None, key: str | None = None,
                 schema_dir: str | None = None, allow_remote: bool = False,
                 max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES, max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
                 graph: bool = False,
                 graph_send_delay: float = 0.3, token_lifetime: int = 3600, authority_clock=None,
                 device_interval: int = 5, device_lifetime: int = 900,
                 autodiscover: bool = False, autodiscover_names=(), limits=None, clock=None, signing_key=None,
                 poll_interval: float = 0.1, auth_methods=("basic",), extended_protection: str = "off",
                 keytab: str | None = None, unreachable_domains=()):
        if not allow_remote and not _is_loopback(host):
            raise ValueError(f"refusing to bind {host}: the sandbox binds loopback only unless allow_remote=True")
        self.data, self.host, self.port, self.tls = data, host, port, tls
        self.cert_path, self.key_path, self.cert_sha256 = cert, key, None
        self.max_send_bytes = int(max_send_bytes)
        self.limits = parse_limits(limits)  # core/limits.py: None, "exchange-online" or numbers; users may override
        # the sandbox's own time (sending limits, deferred sends): the injected clock (or UTC now) plus an offset
        # that advance_clock (or the admin endpoint) moves forward, so nothing waits in real time
        self._base_clock = clock or utcnow
        self._clock_offset = _dt.timedelta(0)
        self.clock = self._now
        self.max_request_bytes = int(max_request_bytes)
        if self.max_request_bytes < 1:
            raise ValueError("max_request_bytes must be at least 1")
        self.max_answer_bytes = int(max_answer_bytes)  # ews/budget.py: per-id responses past it are stopped
        self.admin_token = secrets.token_urlsafe(24)  # per run: the admin endpoint refuses requests without it
        self.admin_url = None
        self.smtp_relay = smtp_relay
        # every EWS request is checked against this schema (ews/validation.py); None (no schema library
        # installed, e.g. in Dispatch's installed self-test): not checked
        self.schema_dir = schema_dir or validation.default_dir()
        entries = users or DEFAULT_USERS
        self.users = [self._norm_user(u) for u in entries if "members" not in u]
        self.groups = [_norm_group(g) for g in entries if "members" in g]  # core/bounces.py
        self.domains = {u["email"].split("@", 1)[1].lower() for u in [*self.users, *self.groups]}
        # mail to these (and to any domain under .invalid) bounces: 5.4.310 (core/bounces.py)
        self.unreachable_domains = {d.strip().lower().rstrip(".") for d in unreachable_domains}
        self.realm = host
        # who may sign in, and how (windows_auth.py): Basic alone by default; NTLM and Negotiate as IIS serves them
        self.auth = WindowsAuth(AuthConfig.make(auth_methods, extended_protection, keytab, tls=tls), self)
        self.wire_observer = None
        self.faults = FaultInjector()
        self.request_log: list[str] = []
        self._log_lock = threading.Lock()
        self.handlers = HandlerCount()  # connections being served (server.py), kept across stop()
        self.store = Store(data)
        self.graph = bool(graph)  # also serve Microsoft Graph (/v1.0) with a sign-in authority
        self.graph_url = None
        self.graph_observer = None  # fn(direction, body, *, method, path, status, content_type, injected)
        self.graph_concurrency = Concurrency()
        self.outbox = DeferredOutbox(self, graph_send_delay)  # Graph's sends: delivered after a delay
        self.token_lifetime = int(token_lifetime)
        self.device_interval, self.device_lifetime = int(device_interval), int(device_lifetime)  # device codes
        self.authority_clock = authority_clock
        self.signing_key = signing_key  # the authority's token-signing key (authority/jws.py); None: a new one
        # how often each listener's loop looks for a stop request: stop() waits up to this long per listener
        # (the test suite, starting and stopping thousands of sandboxes, asks for 10 ms)
        self.poll_interval = float(poll_interval)
        self.authority = None
        self.uploads = None  # graph/upload_server.py: the upload sessions' own loopback origin
        self._autodiscover_names = tuple(autodiscover_names) if autodiscover else None
        self.autodiscover = None  # autodiscover.py: POX Autodiscover on its own https + http listeners
        self._server = None
        self._thread = None
        self._tmpdir = None
        self.ews_url = None

    @staticmethod
    def _norm_user(u: dict) -> dict:
        addr = u["email"].strip()
        return {"email": addr, "username": u.get("username") or addr, "password": u["password"],
                "name": u.get("name") or addr.split("@")[0].replace(".", " ").title(),
                "graph": u.get("graph", True) is not False,  # False: on-premises, EWS only
                "ews": ews_setting(u.get("ews", True)),  # False / "policy": EWS refused (ews/blocked.py)
                **norm_rights(u),  # delegates: full_access, send_as, send_on_behalf (core/permissions.py)
                "copy_sent": u.get("copy_sent", False) is True,  # a copy of what delegates send from it
                "limits": _own_limits(u.get("limits")),  # core/limits.py: this mailbox's sending limits
                "mailbox_full": u.get("mailbox_full", False) is True,  # what is sent to it bounces (5.2.2)
                "max_receive_bytes": _size(u.get("max_receive_bytes")),  # larger messages bounce (5.3.4)
                **directory.fields_of(u),  # kind, title, department, office, phone, mobile, company
                "contacts": directory.contacts_of(u)}  # the user's own contacts (ResolveNames' Contacts scope)

    def set_ews(self, address: str, value) -> None:
        """Block or allow EWS for one mailbox while running (takes effect from its next request): True
        allows; False answers as Exchange Online with EwsEnabled false; "policy" as an EWS application
        policy (EwsAllowedAppIDs / allow list) would. KeyError for an unknown mailbox."""
        user = self.user_by_email(address)
        if user is None:
            raise KeyError(f"no sandbox mailbox {address}")
        user["ews"] = ews_setting(value)

    # ---------------- lifecycle ----------------
    def start(self) -> "Sandbox":
        if self.store is None:  # started again after stop(): reopen (":memory:" starts empty)
            self.store = Store(self.data)
        if self.schema_dir:
            validation.warm(self.schema_dir)
        ctx = None
        if self.tls:
            from .tlscert import fingerprint, make_self_signed

            if not (self.cert_path and self.key_path):
                where = os.path.dirname(self.store.path)
                if self.data == ":memory:":
                    where = self._tmpdir = tempfile.mkdtemp(prefix="ews-sandbox-tls-")
                cert, key = os.path.join(where, "sandbox-cert.pem"), os.path.join(where, "sandbox-key.pem")
                if not (os.path.exists(cert) and os.path.exists(key)):  # a data dir keeps its certificate
                    cert, key, _ = make_self_signed(where, self.host)
                self.cert_path, self.key_path = cert, key
            self.cert_sha256 = fingerprint(self.cert_path)
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(self.cert_path, self.key_path)
        self.auth.start()
        self._server = EwsServer((self.host, self.port), self, ctx)
        self.port = self._server.server_address[1]
        host = f"[{self.host}]" if ":" in self.host else self.host
        self.ews_url = f"{'https' if self.tls else 'http'}://{host}:{self.port}/EWS/Exchange.asmx"
        self.admin_url = self.ews_url.replace("/EWS/Exchange.asmx", ADMIN_PATH)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": self.poll_interval},
                                        name=f"ews-sandbox-{self.port}", daemon=True)
        self._thread.start()
        self.outbox.start()  # Graph's sends, and what waits for the message rate (core/limits.py) over either
        if self.graph:
            self._start_graph(host)
        if self._autodiscover_names is not None:
            from .autodiscover import AutodiscoverServer

            self.autodiscover = AutodiscoverServer(self, self._autodiscover_names).start()
        log.info("sandbox: serving %s", self.ews_url)
        return self

    def _start_graph(self, host: str):
        from .authority import Authority

        self.graph_url = self.ews_url.replace("/EWS/Exchange.asmx", "/v1.0")
        if self.authority is None:
            kw = {"clock": self.authority_clock} if self.authority_clock else {}
            where = None if self.data == ":memory:" else os.path.join(os.path.dirname(self.store.path), "authority")
            if where:
                os.makedirs(where, mode=0o700, exist_ok=True)
            self.authority = Authority(self.users, host=self.host, cert_dir=where,
                                       token_lifetime=self.token_lifetime, signing_key=self.signing_key,
                                       device_interval=self.device_interval, device_lifetime=self.device_lifetime,
                                       poll_interval=self.poll_interval, **kw)
        self.authority.start()
        from .graph.upload_server import UploadServer

        self.uploads = UploadServer(self).start()

    def stop(self):
        self.faults.release_held()  # a reply held by hold_after_commit must not keep the server up
        self.outbox.stop()
        if self.autodiscover is not None:
            self.autodiscover.stop()
            self.autodiscover = None
        if self.uploads is not None:
            self.uploads.stop()
        if self.authority is not None:
            self.authority.stop()
        if self._server is not None:
            self._server.shutdown()
            self._server.close_connections()
            self._server.server_close()
            self._thread.join(timeout=5)
            self._server = None
        self.auth.stop()
        if self.store is not None:
            with self.store.tx():
                pass  # wait for in-flight requests
            self.store.close()
            self.store = None
        if self._tmpdir:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # ---------------- public helpers ----------------
    def _now(self) -> _dt.datetime:
        return self._base_clock() + self._clock_offset

    def advance_clock(self, seconds: float) -> _dt.datetime:
        """Move the sandbox's clock ``seconds`` forward and release what is now due in the Outboxes (deferred
        sends, messages waiting for the message rate). Returns the new time."""
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not math.isfinite(seconds) \
                or seconds < 0:
            raise ValueError("advance_clock takes a number of seconds, 0 or more")
        self._clock_offset += _dt.timedelta(seconds=seconds)
        self.outbox.release_due()
        return self.clock()

    def admin_headers(self) -> dict:
        """The headers a request to ``admin_url`` needs (the token; JSON for a POST)."""
        return {"Authorization": f"Bearer {self.admin_token}", "Content-Type": "application/json"}

    @property
    def active_handlers(self) -> int:
        """How many connections are being served: waiting to be accepted, or accepted and their handler
        not finished (also after stop(): a request it cut off, e.g. one in a ``delay``, until it ends)."""
        return self.handlers.active(self._listener)

    def wait_handlers(self, timeout: float = 10.0) -> bool:
        """Wait until no connection is being served (see ``active_handlers``): True, or False after
        ``timeout`` seconds. Close the clients first: a kept-alive connection is served until it closes."""
        return self.handlers.wait(timeout, self._listener)

    def _listener(self):
        server = self._server
        return None if server is None else server.socket

    @property
    def accounts(self) -> list[dict]:
        return [dict(u) for u in self.users]

    def mailbox(self, address: str) -> MailboxView:
        if self.user_by_email(address) is None:
            raise KeyError(f"no sandbox mailbox {address}")
        return MailboxView(self, address)

    def relay_queue(self) -> list:
        out = []
        for seq, mail_from, rcpts, raw, delivered in self.store.relay_rows():
            msg = email.message_from_bytes(bytes(raw), policy=email.policy.default)
            msg.envelope_from, msg.envelope_to, msg.relayed = mail_from, json.loads(rcpts), bool(delivered)
            out.append(msg)
        return out

    def user_by_email(self, address: str | None) -> dict | None:
        a = (address or "").strip().lower()
        return next((u for u in self.users if u["email"].lower() == a), None)

    def group_by_email(self, address: str | None) -> dict | None:
        a = (address or "").strip().lower()
        return next((g for g in self.groups if g["email"] == a), None)

    def user_by_login(self, login: str) -> dict | None:
        lg = login.strip().lower()
        if "\\" in lg:
            lg = lg.split("\\", 1)[1]
        for u in self.users:
            if lg in (u["username"].lower(), u["email"].lower(), u["email"].split("@")[0].lower()):
                return u
        return None

    def is_inside(self, address: str) -> bool:
        return address.rsplit("@", 1)[-1].lower() in self.domains

    def item_mime(self, item: dict, atts: list[dict]) -> bytes:
        """The item's stored MIME (as sent or uploaded), else the message built from its fields."""
        stored = self.store.mime(item["key"])
        if stored:  # an empty stored MIME counts as none
            return stored
        d = item["data"]
        owner = self.user_by_email(item["mailbox"]) or {"email": item["mailbox"], "name": item["mailbox"]}
        if atts and "content" not in atts[0]:
            atts = self.store.attachments(item["key"], content=True)
        when = _dt.datetime.fromisoformat((d.get("DateTimeSent") or d["LastModifiedTime"]).replace("Z", "+00:00"))
        mid = d.get("InternetMessageId") or f"<{item['key']}@{owner['email'].split('@')[-1]}>"
        return build_mime(d, atts, sender=d.get("From") or mailbox_of(owner), message_id=mid, date=when,
                          include_bcc=bool(d.get("IsDraft")))

    # ---------------- hooks used by the server ----------------
    def observe(self, direction: str, body: bytes, injected: bool = False):
        """The process's wire check first (the suite's validator, or the test-mode dump), then this
        instance's own observer: a test's observer is chained after the check, never instead of it."""
        check = Sandbox.default_wire_observer or wiredump.from_environment()
        for fn in (check, self.wire_observer):
            if fn is None:
                continue
            try:
                fn(direction, body, injected=injected)
            except Exception:  # noqa: BLE001 - an observer must not break the server
                log.exception("sandbox: wire observer failed")

    def observe_graph(self, direction: str, body: bytes, *, method: str, path: str, status: int | None = None,
                       content_type: str = "", injected: bool = False):
        """Graph's counterpart of ``observe``: the process's Graph wire check first, then this instance's
        ``graph_observer``."""
        check = Sandbox.default_graph_observer or wiredump.graph_from_environment()
        for fn in (check, self.graph_observer):
            if fn is None:
                continue
            try:
                fn(direction, body, method=method, path=path, status=status, content_type=content_type,
                   injected=injected)
            except Exception:  # noqa: BLE001 - an observer must not break the server
                log.exception("sandbox: graph wire observer failed")

    def log_op(self, op: str):
        with self._log_lock:
            self.request_log.append(op)

    def validate_request(self, raw: bytes, header, req):
        """Refuse (ErrorSchemaValidation, as Exchange does) a request that breaks the EWS schema."""
        if self.schema_dir:
            validation.validate(self.schema_dir, raw, header, req)

    def after_commit(self):
        if not self.smtp_relay:
            return
        host, _, port = self.smtp_relay.rpartition(":")
        for seq, mail_from, rcpts, raw, delivered in self.store.relay_rows():
            if delivered:
                continue
            rcpts = json.loads(rcpts)
            # an internationalised address (RFC 6531), in the envelope or the headers, goes only to a server
            # that says SMTPUTF8
            head = bytes(raw).partition(b"\r\n\r\n")[0]
            utf8 = not (mail_from.isascii() and all(r.isascii() for r in rcpts) and head.isascii())
            try:
                with smtplib.SMTP(host or "127.0.0.1", int(port or 25), timeout=10) as smtp:
                    smtp.sendmail(mail_from, rcpts, bytes(raw), mail_options=["SMTPUTF8"] if utf8 else [])
                self.store.mark_relayed(seq)
            except smtplib.SMTPNotSupportedError as e:  # this message cannot go this way; the next may
                log.warning("sandbox: SMTP relay to %s refused a message: %s", self.smtp_relay, e)
            except (OSError, smtplib.SMTPException) as e:
                log.warning("sandbox: SMTP relay to %s failed: %s", self.smtp_relay, e)
                return


__all__ = ["Sandbox", "MailboxView", "DEFAULT_USERS", "load_users"]
