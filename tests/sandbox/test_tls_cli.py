"""TLS mode with exchangelib trusting the generated certificate; the command-line server."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from exchangelib import Message
from exchangelib.protocol import BaseProtocol, close_connections

from app.sandbox import Sandbox
from tests.helpers.ews_accounts import make_account

ROOT = Path(__file__).resolve().parents[2]


def _trusting_adapter(cert_path):
    class TrustSandboxCert(requests.adapters.HTTPAdapter):
        def send(self, request, **kwargs):
            kwargs["verify"] = cert_path
            return super().send(request, **kwargs)
    return TrustSandboxCert


@pytest.fixture
def tls_sandbox(wire_validator, tmp_path):
    sb = Sandbox(data=str(tmp_path / "tlsdata"), tls=True)
    sb.start()
    saved = BaseProtocol.HTTP_ADAPTER_CLS
    yield sb
    BaseProtocol.HTTP_ADAPTER_CLS = saved
    sb.stop()
    close_connections()
    assert not wire_validator.reset()


def test_tls_with_trusted_certificate(tls_sandbox):
    sb = tls_sandbox
    assert sb.ews_url.startswith("https://127.0.0.1:") and len(sb.cert_sha256) == 64
    BaseProtocol.HTTP_ADAPTER_CLS = _trusting_adapter(sb.cert_path)
    alice = make_account(sb, "alice@example.com")
    Message(account=alice, subject="over tls", body="x", to_recipients=["bob@example.com"]).send()
    assert [i["subject"] for i in sb.mailbox("bob@example.com").items("inbox")] == ["over tls"]


def test_tls_untrusted_certificate_is_refused(tls_sandbox):
    with pytest.raises(requests.exceptions.SSLError):
        requests.post(tls_sandbox.ews_url, data=b"<x/>", timeout=10)


def test_remote_bind_needs_allow_remote():
    with pytest.raises(ValueError):
        Sandbox(host="0.0.0.0")


def _start_cli(*args):
    proc = subprocess.Popen([sys.executable, "-m", "app.sandbox", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    return proc, json.loads(line)


def test_cli_prints_one_json_line_serves_and_shuts_down_cleanly(tmp_path):
    users = tmp_path / "users.json"
    users.write_text(json.dumps([{"email": "erin@corp.test", "password": "pw-erin", "name": "Erin Example"},
                                 {"email": "frank@corp.test", "password": "pw-frank"}]))
    data = tmp_path / "cli-data"
    proc, info = _start_cli("--data", str(data), "--users", str(users), "--tls")
    try:
        assert info["ews_url"].startswith("https://127.0.0.1:")
        assert info["accounts"][0] == {"email": "erin@corp.test", "username": "erin@corp.test", "password": "pw-erin"}
        assert len(info["cert_sha256"]) == 64
        body = ('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
                'xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><s:Body>'
                '<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>fra</m:UnresolvedEntry>'
                "</m:ResolveNames></s:Body></s:Envelope>")
        r = requests.post(info["ews_url"], data=body, auth=("erin@corp.test", "pw-erin"), verify=info["cert_path"],
                          timeout=10)
        assert r.status_code == 200 and b"frank@corp.test" in r.content
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0
        err = proc.stderr.read()
    assert "stopped" in err and "Traceback" not in err
    assert proc.stdout.read() == ""  # exactly one line on stdout
    assert (data / "sandbox.sqlite3").exists() and not (data / "sandbox.sqlite3-wal").exists() or \
        os.path.getsize(data / "sandbox.sqlite3-wal") == 0


def test_cli_refuses_remote_bind_without_flag():
    proc = subprocess.run([sys.executable, "-m", "app.sandbox", "--host", "0.0.0.0"], cwd=ROOT,
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2 and "loopback" in proc.stderr and proc.stdout == ""


def test_one_ca_bundle_trusts_every_listener(tmp_path, sandbox_factory):
    """The Graph listener's and the sign-in authority's certificates in one CA bundle, as most clients keep the
    certificates they trust: TLS succeeds on both origins. Each self-signed certificate is its own issuer, found
    by its subject; with one subject for both, OpenSSL picks one of the two and the other origin fails."""
    import ssl

    import httpx

    sb = sandbox_factory(data=str(tmp_path / "data"), tls=True, graph=True)
    bundle = tmp_path / "bundle.pem"
    bundle.write_text(Path(sb.cert_path).read_text() + Path(sb.authority.cert_path).read_text())
    ctx = ssl.create_default_context(cafile=str(bundle))
    with httpx.Client(verify=ctx, timeout=10) as client:
        graph = client.get(sb.graph_url + "/me")  # 401 without a token: TLS is what is checked here
        sign_in = client.get(sb.authority.authority_url + "/v2.0/.well-known/openid-configuration")
    assert graph.status_code == 401 and sign_in.status_code == 200
