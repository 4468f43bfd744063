"""``python -m app.sandbox`` as a user runs it: the printed TLS fingerprint is the certificate actually served,
--cert/--key are used as given, SIGINT shuts down cleanly, --smtp-relay hands outside mail to SMTP, --users groups and unreachable domains bounce.

The CLI runs in a subprocess, so the in-process wire validator cannot see its traffic; --schema-dir makes
the sandbox itself validate every request against the XSDs instead."""

from __future__ import annotations

import email
import email.policy
import json
import signal
import socketserver
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import requests
from exchangelib import Message
from exchangelib.protocol import close_connections

from app.sandbox.tlscert import make_self_signed
from tests.helpers.sandbox_cli import served_sha256, start_cli, stop_cli
from tests.helpers.smtp import SMTPHandler
from tests.helpers.ews_accounts import make_account

ROOT = Path(__file__).resolve().parents[2]
RESOLVE = ('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
           'xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><s:Body>'
           '<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>bob</m:UnresolvedEntry>'
           "</m:ResolveNames></s:Body></s:Envelope>")


def _alice(info):
    return next(a for a in info["accounts"] if a["email"] == "alice@example.com")


def test_printed_fingerprint_is_the_served_certificate_and_sigint_stops_cleanly():
    proc, info = start_cli("--tls")
    try:
        assert len(info["cert_sha256"]) == 64
        assert info["cert_sha256"].lower() == served_sha256(info["ews_url"])
        a = _alice(info)
        r = requests.post(info["ews_url"], data=RESOLVE, auth=(a["username"], a["password"]),
                          verify=info["cert_path"], timeout=10)
        assert r.status_code == 200 and b"bob@example.com" in r.content
    finally:
        err = stop_cli(proc, signal.SIGINT)
    assert "signal 2" in err  # it was SIGINT that stopped it, handled, not a KeyboardInterrupt


def test_cert_and_key_from_files_are_the_ones_served(tmp_path):
    cert, key, sha = make_self_signed(str(tmp_path / "pki"))
    proc, info = start_cli("--cert", cert, "--key", key)  # --cert implies --tls
    try:
        assert info["ews_url"].startswith("https://127.0.0.1:")
        assert info["cert_sha256"].lower() == sha == served_sha256(info["ews_url"])
        a = _alice(info)
        r = requests.post(info["ews_url"], data=RESOLVE, auth=(a["username"], a["password"]), verify=cert, timeout=10)
        assert r.status_code == 200
    finally:
        stop_cli(proc)


def test_cert_without_key_is_refused(tmp_path):
    cert, _key, _ = make_self_signed(str(tmp_path / "pki"))
    proc = subprocess.run([sys.executable, "-m", "app.sandbox", "--cert", cert], cwd=ROOT, capture_output=True,
                          text=True, timeout=30)
    assert proc.returncode == 2 and "--cert and --key" in proc.stderr and proc.stdout == ""


def test_smtp_relay_from_the_command_line():
    smtp = socketserver.ThreadingTCPServer(("127.0.0.1", 0), SMTPHandler)
    smtp.received = []
    threading.Thread(target=smtp.serve_forever, daemon=True).start()
    proc, info = start_cli("--smtp-relay", f"127.0.0.1:{smtp.server_address[1]}")
    try:
        sb = SimpleNamespace(ews_url=info["ews_url"], accounts=info["accounts"])
        alice = make_account(sb, "alice@example.com")
        Message(account=alice, subject="via cli", body="out", to_recipients=["x@outside.test", "bob@example.com"]).send()
        (env,) = smtp.received
        assert env["from"] == "alice@example.com" and env["rcpts"] == ["x@outside.test"]
        assert b"Subject: via cli" in env["data"]
    finally:
        close_connections()
        stop_cli(proc)
        smtp.shutdown()
        smtp.server_close()


def test_groups_and_unreachable_domains_from_the_users_file_and_the_command_line(tmp_path):
    """--users FILE with a group (members, accept_from) and "unreachable_domains", and --unreachable-domain: a
    message to a group Alice may not write to and to both domains gets one non-delivery report naming the three
    (core/bounces.py), read back over EWS."""
    users = tmp_path / "users.json"
    users.write_text(json.dumps({"users": [
        {"email": "alice@example.com", "password": "alice-pw"}, {"email": "bob@example.com", "password": "bob-pw"},
        {"email": "team@example.com", "members": ["bob@example.com"], "accept_from": ["carol@example.com"]}],
        "unreachable_domains": ["gone.test"]}))
    proc, info = start_cli("--users", str(users), "--unreachable-domain", "lost.test")
    try:
        assert sorted(a["email"] for a in info["accounts"]) == ["alice@example.com", "bob@example.com"]
        sb = SimpleNamespace(ews_url=info["ews_url"], accounts=info["accounts"])
        alice = make_account(sb, "alice@example.com")
        Message(account=alice, subject="to all", body="x",
                to_recipients=["team@example.com", "x@gone.test", "y@lost.test", "bob@example.com"]).send()
        [ndr] = alice.inbox.filter(item_class="REPORT.IPM.Note.NDR").only("mime_content")
        report = email.message_from_bytes(ndr.mime_content, policy=email.policy.default)
        [status] = [p for p in report.walk() if p.get_content_type() == "message/delivery-status"]
        got = {b["Final-Recipient"]: b["Status"] for b in status.get_payload()[1:]}
        assert got == {"rfc822;team@example.com": "5.7.1", "rfc822;x@gone.test": "5.4.310",
                       "rfc822;y@lost.test": "5.4.310"}
        assert make_account(sb, "bob@example.com").inbox.filter(subject="to all").count() == 1
    finally:
        close_connections()
        stop_cli(proc)


def test_directory_flag_serves_the_sample_organisation():
    """--directory: the sample organisation (app/sandbox/directory_seed.py) over EWS; "car" names Carl and Carol."""
    proc, info = start_cli("--directory")
    try:
        emails = {a["email"] for a in info["accounts"]}
        assert {"carl@example.com", "room.thames@example.com", "staff500@example.com"} <= emails
        alice = make_account(SimpleNamespace(ews_url=info["ews_url"], accounts=info["accounts"]), "alice@example.com")
        found = alice.protocol.resolve_names(["car"], search_scope="ActiveDirectory")
        assert [mb.email_address for mb in found] == ["carl@example.com", "carol@example.com"]
    finally:
        close_connections()
        stop_cli(proc)
