"""``python -m app.sandbox`` in a subprocess, as a user runs it: start (its first line, JSON), stop (SIGINT,
a clean shutdown), and the certificate it actually serves."""

from __future__ import annotations

import hashlib
import json
import signal
import ssl
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from tests.ews_wire import SCHEMA_DIR

ROOT = Path(__file__).resolve().parents[2]


def start_cli(*args):
    proc = subprocess.Popen([sys.executable, "-m", "app.sandbox", "--schema-dir", str(SCHEMA_DIR), *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if not line:
        proc.kill()
        raise AssertionError(f"sandbox CLI printed nothing: {proc.stderr.read()}")
    return proc, json.loads(line)


def stop_cli(proc, sig=signal.SIGINT) -> str:
    proc.send_signal(sig)
    try:
        rc = proc.wait(20)
    finally:
        if proc.poll() is None:
            proc.kill()
    err = proc.stderr.read()
    assert rc == 0, err
    assert "stopped" in err and "Traceback" not in err and "KeyboardInterrupt" not in err
    assert proc.stdout.read() == ""
    return err


def served_sha256(url: str) -> str:
    parts = urlsplit(url)
    pem = ssl.get_server_certificate((parts.hostname, parts.port), timeout=10)
    return hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest()
