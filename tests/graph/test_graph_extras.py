"""The sandbox's Graph rules for custom headers and the follow-up flag, over real HTTP: at most 5 headers
(Graph's InvalidInternetMessageHeaderCollection), headers only when a message is created, a flag's dates kept
(a due date only with a start date, as followupFlag documents), and the flag never delivered while the headers
are."""

from __future__ import annotations

from tests.helpers.graph_clients import draft_body

START = {"dateTime": "2026-12-01T00:00:00", "timeZone": "UTC"}
DUE = {"dateTime": "2026-12-04T00:00:00", "timeZone": "UTC"}


def test_a_sixth_header_is_refused_with_graphs_code(graph_sandbox, alice):
    six = [{"name": f"x-h{i}", "value": "v"} for i in range(6)]
    r = alice.post("/me/messages", json=draft_body(internetMessageHeaders=six))
    assert r.status_code == 400 and r.json()["error"]["code"] == "InvalidInternetMessageHeaderCollection"
    assert "less than or equal to 5" in r.json()["error"]["message"]
    assert alice.post("/me/messages", json=draft_body(internetMessageHeaders=six[:5])).status_code == 201


def test_headers_are_set_only_when_the_message_is_created(graph_sandbox, alice):
    made = alice.post("/me/messages", json=draft_body(internetMessageHeaders=[{"name": "x-a", "value": "1"}])).json()
    r = alice.patch(f"/me/messages/{made['id']}", json={"internetMessageHeaders": [{"name": "x-a", "value": "2"}]})
    assert r.status_code == 400
    got = alice.get(f"/me/messages/{made['id']}", params={"$select": "internetMessageHeaders"}).json()
    assert got["internetMessageHeaders"] == [{"name": "x-a", "value": "1"}]


def test_the_flag_keeps_its_dates_and_a_due_date_needs_a_start(graph_sandbox, alice):
    r = alice.post("/me/messages", json=draft_body(flag={"flagStatus": "flagged", "dueDateTime": DUE}))
    assert r.status_code == 400
    made = alice.post("/me/messages", json=draft_body(flag={"flagStatus": "flagged", "startDateTime": START,
                                                            "dueDateTime": DUE})).json()
    assert made["flag"]["flagStatus"] == "flagged"
    assert made["flag"]["dueDateTime"]["dateTime"].startswith("2026-12-04T00:00:00")
    r = alice.patch(f"/me/messages/{made['id']}", json={"flag": {"flagStatus": "complete"}})
    assert r.status_code == 200 and r.json()["flag"]["flagStatus"] == "complete"
    assert "completedDateTime" in r.json()["flag"]


def test_the_recipient_gets_the_headers_and_not_the_flag(graph_sandbox, alice):
    r = alice.post("/me/sendMail", json={"message": draft_body(
        subject="flagged mail", internetMessageHeaders=[{"name": "x-project", "value": "Nevada"}],
        flag={"flagStatus": "flagged", "startDateTime": START, "dueDateTime": DUE})})
    assert r.status_code == 202
    assert graph_sandbox.outbox.wait_idle(10)
    [got] = graph_sandbox.mailbox("bob@example.com").items("inbox")
    assert got["fields"]["InternetMessageHeaders"] == [{"Name": "x-project", "Value": "Nevada"}]
    assert "Flag" not in got["fields"] and b"\r\nx-project: Nevada\r\n" in got["mime"]
    [mine] = graph_sandbox.mailbox("alice@example.com").items("sentitems")
    assert mine["fields"]["Flag"]["FlagStatus"] == "Flagged"
