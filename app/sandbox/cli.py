"""``python -m app.sandbox``: run the EWS sandbox until SIGINT/SIGTERM.

Prints ONE JSON line on stdout: {"ews_url": ..., "accounts": [{"email", "username", "password"}, ...],
"admin_url": ..., "admin_token": ...} (+ "cert_sha256" and "cert_path" with --tls). The fault-injection
endpoint at admin_url needs ``Authorization: Bearer <admin_token>`` (a new token every run). Logs go to stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading

from .ews.budget import DEFAULT_MAX_ANSWER_BYTES
from .sandbox import DEFAULT_MAX_REQUEST_BYTES, Sandbox, load_directory

log = logging.getLogger("app.sandbox")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m app.sandbox",
                                description="Exchange sandbox (EWS and Microsoft Graph) on loopback")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (loopback unless --allow-remote)")
    p.add_argument("--port", type=int, default=0, help="TCP port (0 = any free port)")
    p.add_argument("--data", default=":memory:", help="data directory, or :memory: (default)")
    p.add_argument("--tls", action="store_true", help="serve HTTPS (self-signed certificate unless --cert/--key)")
    p.add_argument("--cert", help="PEM certificate for --tls")
    p.add_argument("--key", help="PEM private key for --tls")
    p.add_argument("--users", help="JSON file: list of {email, password, name?, username?, graph?, ews?, "
                   "full_access?, send_as?, send_on_behalf?} (the last three: lists of the addresses of the users "
                   "holding that right on this mailbox), mailbox_full?, max_receive_bytes?; a group: {email, name?, "
                   "members, accept_from?}; or {users: [...], unreachable_domains: [...]}; directory fields: kind?, "
                   "title?, department?, office?, phone?, mobile?, company?, contacts?")
    p.add_argument("--directory", action="store_true",
                   help="serve the sample organisation (people, rooms, groups: app/sandbox/directory_seed.py) "
                   "instead of the default users (ignored with --users)")
    p.add_argument("--unreachable-domain", action="append", default=[], metavar="DOMAIN",
                   help="mail to this domain bounces as a domain DNS does not know (5.4.310); any domain under "
                   ".invalid always does (repeat for more)")
    p.add_argument("--smtp-relay", metavar="HOST:PORT", help="hand mail for outside recipients to this SMTP server")
    p.add_argument("--allow-remote", action="store_true", help="allow binding a non-loopback address")
    p.add_argument("--max-send-bytes", type=int, default=10 * 1024 * 1024, help="largest message accepted for sending")
    p.add_argument("--max-request-bytes", type=int, default=DEFAULT_MAX_REQUEST_BYTES,
                   help="largest HTTP request body accepted (413 beyond it)")
    p.add_argument("--max-answer-bytes", type=int, default=DEFAULT_MAX_ANSWER_BYTES,
                   help="bytes of an EWS answer's per-id responses after which the rest are stopped "
                        "(ErrorBatchProcessingStopped), and of a Graph $batch's responses after which the rest "
                        "are 429")
    p.add_argument("--schema-dir", help="validate requests against the EWS XSDs in this directory (default: the copy shipped with the sandbox)")
    p.add_argument("--no-graph", action="store_true",
                   help="serve EWS only (no Microsoft Graph endpoint and no sign-in authority)")
    p.add_argument("--graph-send-delay", type=float, default=0.3, metavar="SECONDS",
                   help="how long a message sent over Graph waits in the Outbox before delivery (default 0.3)")
    p.add_argument("--token-lifetime", type=int, default=3600, metavar="SECONDS",
                   help="lifetime of the sign-in authority's access tokens (default 3600)")
    p.add_argument("--device-interval", type=int, default=5, metavar="SECONDS",
                   help="how often a device-code sign-in may poll the authority (default 5, as Microsoft answers)")
    p.add_argument("--device-lifetime", type=int, default=900, metavar="SECONDS",
                   help="how long a device code stays valid (default 900)")
    p.add_argument("--limits", choices=("none", "exchange-online"), default="none",
                   help="sending limits for every mailbox (a user's own \"limits\" in --users overrides them): "
                        "exchange-online is 30 messages a minute (beyond: they wait in the Outbox), 10,000 "
                        "recipients a day (beyond: a non-delivery report), 500 recipients a message, 35 MB")
    p.add_argument("--auth", default="basic", metavar="METHODS",
                   help="how clients sign in to EWS, as IIS in front of Exchange: a comma-separated subset of "
                        "basic, ntlm, negotiate (default basic); ntlm and negotiate sign in a connection once")
    p.add_argument("--extended-protection", choices=("off", "allow", "require"), default="off",
                   help="Extended Protection for NTLM and Negotiate over --tls: the client's token must carry (allow: "
                        "when it has one) the channel binding of this server's certificate (default off)")
    p.add_argument("--keytab", help="the keytab of the HTTP/<host> service for --auth negotiate "
                                    "(default: KRB5_KTNAME, then the system's)")
    p.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    return p


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(stream=sys.stderr, level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(message)s")
    if bool(args.cert) != bool(args.key):
        print("error: --cert and --key go together", file=sys.stderr)
        return 2
    try:
        users, unreachable = load_directory(args.users) if args.users else (None, [])
        if users is None and args.directory:
            from .directory_seed import DIRECTORY_USERS

            users = DIRECTORY_USERS
        sb = Sandbox(data=args.data, port=args.port, host=args.host, tls=args.tls or bool(args.cert), users=users,
                     max_send_bytes=args.max_send_bytes, smtp_relay=args.smtp_relay, cert=args.cert, key=args.key,
                     schema_dir=args.schema_dir, allow_remote=args.allow_remote,
                     max_request_bytes=args.max_request_bytes,
                     max_answer_bytes=args.max_answer_bytes, graph=not args.no_graph,
                     graph_send_delay=args.graph_send_delay, token_lifetime=args.token_lifetime,
                     device_interval=args.device_interval, device_lifetime=args.device_lifetime,
                     limits=None if args.limits == "none" else args.limits, auth_methods=args.auth,
                     extended_protection=args.extended_protection, keytab=args.keytab,
                     unreachable_domains=[*unreachable, *args.unreachable_domain])
        sb.start()
    except (OSError, ValueError, KeyError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    stop = threading.Event()

    def on_signal(signum, _frame):
        log.info("sandbox: signal %s, shutting down", signum)
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    info = {"ews_url": sb.ews_url,
            "accounts": [{"email": u["email"], "username": u["username"], "password": u["password"]}
                         for u in sb.accounts],
            "admin_url": sb.admin_url, "admin_token": sb.admin_token, "auth": list(sb.auth.config.methods)}
    if sb.tls:
        info["cert_sha256"] = sb.cert_sha256
        info["cert_path"] = sb.cert_path
    if sb.graph:
        info["graph_url"] = sb.graph_url
        info.update(sb.authority.json_info())
    sys.stdout.write(json.dumps(info) + "\n")
    sys.stdout.flush()
    try:
        while not stop.wait(0.5):
            pass
    finally:
        sb.stop()
        log.info("sandbox: stopped, data flushed")
    return 0
