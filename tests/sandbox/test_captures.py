"""Replay every request exchangelib 5.6 sent in the reference captures (tests/resources/ews-captures/)
against the sandbox, in flow order, and hold every answer to Microsoft's schema.

In-process, the autouse wire validator checks both directions. The CLI sandbox runs in a subprocess the
validator cannot see, so its answers are fed to the validator here: subprocess traffic is schema-checked
too. Ids in the captures belong to the capturing server, so some answers are per-item errors
(ErrorInvalidIdMalformed / ErrorItemNotFound): those must be schema-valid as well.
"""

from __future__ import annotations

import requests

from tests.ews_wire import CAPTURES_DIR
from tests.helpers.sandbox_cli import start_cli

CAPTURES = sorted(CAPTURES_DIR.glob("*.request.xml"))
HEADERS = {"Content-Type": "text/xml; charset=utf-8"}

def _replay(url: str, account: dict) -> list[tuple[str, int, bytes]]:
    out = []
    with requests.Session() as http:
        http.auth = (account["username"], account["password"])
        for path in CAPTURES:
            r = http.post(url, data=path.read_bytes(), headers=HEADERS, timeout=30)
            out.append((path.name, r.status_code, r.content))
    return out

def _check(answers):
    assert len(answers) >= 25, "the captures are missing"
    for name, status, body in answers:
        assert status in (200, 500), (name, status, body[:300])  # 500 carries a SOAP fault, as EWS does
        assert body.lstrip().startswith((b"<?xml", b"<s:Envelope", b"<soap:Envelope")), (name, body[:300])

def test_every_captured_request_gets_a_schema_valid_answer_in_process(sandbox, wire_validator):
    alice = sandbox.accounts[0]
    answers = _replay(sandbox.ews_url, alice)
    _check(answers)
    assert wire_validator.checked >= 2 * len(CAPTURES)  # both directions of every exchange were validated
    ok = {name: b'ResponseClass="Success"' in body for name, _, body in answers}
    assert ok["05_CreateItem_SaveOnly_with_attachment.request.xml"]
    assert ok["28_CreateItem_SendAndSaveCopy.request.xml"]
    assert [m["subject"] for m in sandbox.mailbox("bob@example.com").items("inbox")] == ["direct", "direct2"]

def test_the_cli_sandbox_answers_every_captured_request_schema_valid(wire_validator):
    proc, info = start_cli("--data", ":memory:")
    try:
        alice = next(a for a in info["accounts"] if a["email"] == "alice@example.com")
        answers = _replay(info["ews_url"], alice)
    finally:
        proc.terminate()
        proc.wait(10)
    _check(answers)
    before = wire_validator.checked
    for _name, _status, body in answers:
        wire_validator.observe("response", body)
    assert wire_validator.checked - before == len(answers)  # failures, if any, fail the test at teardown
