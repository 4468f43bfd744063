"""Finding reports in the Inbox over Graph (httpx): ``$filter`` with
``singleValueExtendedProperties/Any(ep: ep/id eq 'String 0x001A' and ep/value eq '…')`` and the message class read
back with ``$expand=singleValueExtendedProperties($filter=id eq 'String 0x001A')``, as
learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get documents them. The report here is the one a
message beyond the recipients a day gets (5.1.90, core/limits.py): the quickest report to cause."""

from __future__ import annotations

import pytest

from tests.helpers.graph_clients import client

CLASS_ID = "String 0x001A"
EXPAND = {"$expand": f"singleValueExtendedProperties($filter=id eq '{CLASS_ID}')"}


def _by_class(value: str, op: str = "eq") -> str:
    return f"singleValueExtendedProperties/Any(ep: ep/id eq '{CLASS_ID}' and ep/value {op} '{value}')"


@pytest.fixture
def with_report(sandbox_factory):
    users = [{"email": "alice@example.com", "password": "alice-sandbox-pw", "name": "Alice Example",
              "limits": {"profile": "exchange-online", "recipient_rate": 1}},
             {"email": "bob@example.com", "password": "bob-sandbox-pw", "name": "Bob Brown"}]
    sb = sandbox_factory(graph=True, users=users, graph_send_delay=0)
    with client(sb) as alice, client(sb, "bob@example.com") as bob:
        for subject, to in (("first", ["bob@example.com"]), ("second", ["bob@example.com"])):
            r = alice.post("/me/sendMail", json={"message": {
                "subject": subject, "body": {"contentType": "text", "content": "hi"},
                "toRecipients": [{"emailAddress": {"address": a}} for a in to]}})
            assert r.status_code == 202, r.text
        assert sb.outbox.wait_idle(10)
        r = bob.post("/me/sendMail", json={"message": {
            "subject": "to Alice", "body": {"contentType": "text", "content": "hi"},
            "toRecipients": [{"emailAddress": {"address": "alice@example.com"}}]}})
        assert r.status_code == 202, r.text
        assert sb.outbox.wait_idle(10)
        yield alice


def _subjects(alice, filt: str, **extra) -> list[str]:
    r = alice.get("/me/mailFolders/inbox/messages", params={"$filter": filt, **extra})
    assert r.status_code == 200, r.text
    return sorted(m["subject"] for m in r.json()["value"])


def test_the_inbox_filtered_by_message_class_finds_the_report_and_only_it(with_report):
    alice = with_report
    assert _subjects(alice, _by_class("REPORT.IPM.Note.NDR")) == ["Undeliverable: second"]
    assert _subjects(alice, _by_class("report.ipm.note.ndr")) == ["Undeliverable: second"], "value: any case"
    assert _subjects(alice, _by_class("REPORT.IPM.Note.DR")) == []
    assert _subjects(alice, _by_class("IPM.Note")) == ["to Alice"], "a message naming no class is IPM.Note"
    assert _subjects(alice, _by_class("IPM.Note", "ne")) == ["Undeliverable: second"]
    starts = f"singleValueExtendedProperties/Any(ep: ep/id eq '{CLASS_ID}' and startswith(ep/value, 'REPORT.'))"
    assert _subjects(alice, starts) == ["Undeliverable: second"]
    dated = f"receivedDateTime ge 2000-01-01T00:00:00Z and {_by_class('REPORT.IPM.Note.NDR')}"
    assert _subjects(alice, dated) == ["Undeliverable: second"]
    assert _subjects(alice, f"receivedDateTime ge 2999-01-01T00:00:00Z and {_by_class('REPORT.IPM.Note.NDR')}") == []


def test_the_message_class_is_expanded_on_lists_and_on_one_message(with_report):
    alice = with_report
    r = alice.get("/me/mailFolders/inbox/messages", params={"$filter": _by_class("REPORT.IPM.Note.NDR"), **EXPAND})
    [report] = r.json()["value"]
    assert report["singleValueExtendedProperties"] == [{"id": "String 0x1a", "value": "REPORT.IPM.Note.NDR"}]
    one = alice.get(f"/me/messages/{report['id']}", params=EXPAND).json()
    assert one["singleValueExtendedProperties"] == report["singleValueExtendedProperties"]
    plain = alice.get("/me/mailFolders/inbox/messages", params={"$filter": _by_class("IPM.Note"), **EXPAND})
    assert plain.json()["value"][0]["singleValueExtendedProperties"] == [{"id": "String 0x1a", "value": "IPM.Note"}]


@pytest.mark.parametrize("filt", [
    "singleValueExtendedProperties/Any(ep: ep/id eq 'String 0x0E1D' and ep/value eq 'x')",  # not one it keeps
    "singleValueExtendedProperties/Any(ep: ep/value eq 'x')",  # no id
    "singleValueExtendedProperties/Any(ep: ep/id eq 'String 0x001A' and ep/value gt 'x')",
    "singleValueExtendedProperties/Any(ep: ep/id eq 'String 0x001A' and other/value eq 'x')",
    "singleValueExtendedProperties/Any(ep ep/id eq 'String 0x001A')",
])
def test_what_the_sandbox_cannot_filter_is_refused(graph_sandbox, alice, filt):
    r = alice.get("/me/mailFolders/inbox/messages", params={"$filter": filt})
    assert r.status_code == 400 and r.json()["error"]["code"] == "ErrorInvalidUrlQueryFilter", r.text
