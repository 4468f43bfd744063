"""Data on disk: restart keeps mailboxes; concurrent writers (threads and a second process) do not corrupt."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from exchangelib import Message
from exchangelib.protocol import close_connections

from app.sandbox import Sandbox
from tests.ews_wire import CAPTURES_DIR
from tests.helpers.ews_accounts import make_account

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def disk_sandbox(wire_validator, tmp_path):
    started = []

    def start():
        sb = Sandbox(data=str(tmp_path / "data"), port=0)
        started.append(sb.start())
        return sb

    yield start
    for sb in started:
        sb.stop()
    close_connections()
    failures = wire_validator.reset()
    assert not failures, failures[:1]


def test_restart_keeps_drafts_and_ids(disk_sandbox, tmp_path):
    sb = disk_sandbox()
    alice = make_account(sb, "alice@example.com")
    m = Message(account=alice, folder=alice.drafts, subject="survives", to_recipients=["bob@example.com"])
    m.save()
    sb.stop()
    close_connections()
    assert (tmp_path / "data" / "sandbox.sqlite3").exists()

    sb2 = disk_sandbox()
    alice2 = make_account(sb2, "alice@example.com")
    got = alice2.drafts.get(id=m.id)
    assert got.subject == "survives" and got.changekey == m.changekey
    got.send()
    assert [i["subject"] for i in sb2.mailbox("bob@example.com").items("inbox")] == ["survives"]


def test_restart_keeps_user_configurations_and_their_types(disk_sandbox):
    sb = disk_sandbox()
    alice = make_account(sb, "alice@example.com")
    values = {"count": 3, "on": True, "raw": b"\x00\x01", "names": ("a", "b")}
    alice.inbox.create_user_configuration(name="Dispatch.Prefs", dictionary=values, xml_data=b"<x/>")
    sb.stop()
    close_connections()

    alice2 = make_account(disk_sandbox(), "alice@example.com")
    config = alice2.inbox.get_user_configuration(name="Dispatch.Prefs")
    assert (config.dictionary, config.xml_data) == (values, b"<x/>")


def test_concurrent_writers_threads_and_process(disk_sandbox, tmp_path):
    sb = disk_sandbox()
    errors = []
    # A second process writes into the same database through the Store at the same time.
    proc = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; sys.path.insert(0, sys.argv[1]);"
         "from app.sandbox.core.store import Store;"
         "s = Store(sys.argv[2]);"
         "[s.insert('carol@example.com', 'inbox', {'DateTimeCreated': f'2026-01-01T00:00:{i:02d}.000000Z',"
         " 'LastModifiedTime': '2026-01-01T00:00:00.000000Z', 'Subject': f'proc {i}'}) for i in range(60)];"
         "s.close()",
         str(ROOT), str(tmp_path / "data")],
    )

    def writer(n):
        try:
            acct = make_account(sb, "alice@example.com" if n % 2 else "bob@example.com", max_connections=4)
            for i in range(8):
                Message(account=acct, folder=acct.drafts, subject=f"t{n}-{i}",
                        to_recipients=["dave@example.com"]).save()
        except Exception as e:  # noqa: BLE001 - collected and asserted below
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert proc.wait(60) == 0
    assert not errors, errors[:3]
    assert sb.mailbox("alice@example.com").count("drafts") == 24
    assert sb.mailbox("bob@example.com").count("drafts") == 24
    assert sb.mailbox("carol@example.com").count("inbox") == 60
    sb.stop()
    db = sqlite3.connect(tmp_path / "data" / "sandbox.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_data_may_name_the_database_file(tmp_path):
    db = tmp_path / "nested" / "mail.sqlite3"
    sb = Sandbox(data=str(db)).start()
    try:
        sb.store.insert("bob@example.com", "inbox", {"DateTimeCreated": "2026-01-01T00:00:00.000000Z",
                                                     "LastModifiedTime": "2026-01-01T00:00:00.000000Z",
                                                     "Subject": "on disk"})
    finally:
        sb.stop()
    assert db.is_file()
    sb = Sandbox(data=str(db)).start()
    try:
        assert [i["subject"] for i in sb.mailbox("bob@example.com").items("inbox")] == ["on disk"]
    finally:
        sb.stop()


def test_request_in_flight_during_stop_gets_503_or_a_drop_never_a_crash(tmp_path, caplog):
    """Stopping the sandbox under a request answers like an IIS app pool going down (503 Retry-After)
    or drops the connection; it never logs a traceback or answers 500."""
    import logging

    import requests

    sb = Sandbox(data=str(tmp_path / "stopping"), port=0).start()
    alice = sb.accounts[0]
    sb.faults.inject("GetFolder", "delay", count=1, seconds=0.6)
    body = (CAPTURES_DIR / "03_GetFolder_drafts.request.xml").read_bytes()
    result = {}

    def call():
        try:
            r = requests.post(sb.ews_url, data=body, auth=(alice["username"], alice["password"]),
                              headers={"Content-Type": "text/xml; charset=utf-8"}, timeout=10)
            result["status"] = r.status_code
            result["retry_after"] = r.headers.get("Retry-After")
        except requests.ConnectionError:
            result["status"] = "dropped"

    caplog.set_level(logging.ERROR, logger="app.sandbox")
    t = threading.Thread(target=call)
    t.start()
    import time

    deadline = time.monotonic() + 10
    while ("GetFolder", "delay") not in sb.faults.fired and time.monotonic() < deadline:
        time.sleep(0.01)
    assert sb.faults.fired == [("GetFolder", "delay")]  # the request is in its delay, on the server
    assert sb.active_handlers == 1
    sb.stop()
    t.join(10)
    # its handler wakes from the delay and finishes against the stopped store: only then are the logs complete
    assert sb.wait_handlers(10) and sb.active_handlers == 0
    assert result["status"] in (503, "dropped"), result
    if result["status"] == 503:
        assert result["retry_after"] == "1"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
