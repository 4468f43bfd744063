"""Custom Internet headers (X-...) and the follow-up flag, per backend, against the sandbox over HTTP: set ->
saved -> reopened -> changed -> sent -> what the recipient's copy holds (the headers, in its fields and its
MIME; never the flag, which is the sender's own) and what the sender's Sent copy keeps (the flag). Graph sets
headers only on create: a change of a saved draft's headers makes a new draft (its files kept) and removes
the old one. Headers over Exchange's limits are refused by the queue before anything is sent."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.domain.errors import DraftInvalid
from app.domain.extras import FlagStatus, FollowUpFlag
from app.domain.models import Attachment, ErrorKind, Folder
from tests.helpers.backends import ALICE, BOB, every_backend, logged, settle
from tests.helpers.drafts import simple_draft

FLAG = FollowUpFlag(FlagStatus.FLAGGED, date(2026, 12, 1), date(2026, 12, 4))


def _delivered(sandbox, subject):
    return [m for m in sandbox.mailbox(BOB).items("inbox") if m["subject"] == subject]


@every_backend
def test_headers_and_flag_are_saved_reopened_changed_sent_and_delivered(svc, sandbox, backend):
    svc.connect()
    draft = simple_draft("extras").copy(headers=[("X-Project", "Nevada ✓"), ("x-group-id", "NV001")], flag=FLAG,
                                        attachments=[Attachment("a.txt", b"kept across a re-creation", "text/plain")])
    saved = svc.save_draft(draft)
    back = svc.get_message(saved.ref)
    assert back.headers == draft.headers and back.flag == FLAG

    changed = svc.save_draft(back.copy(headers=[("X-Project", "Utah")], flag=FollowUpFlag(FlagStatus.COMPLETE)))
    again = svc.get_message(changed.ref)
    assert again.headers == [("X-Project", "Utah")] and again.flag == FollowUpFlag(FlagStatus.COMPLETE)
    assert [(a.name, a.content) for a in again.attachments] == [("a.txt", b"kept across a re-creation")]
    drafts = sandbox.mailbox(ALICE).items("drafts")
    assert [d["subject"] for d in drafts] == ["extras"]  # one draft: Graph's re-created one, not two
    assert (changed.ref.id != saved.ref.id) == (backend == "graph")
    assert sandbox.mailbox(ALICE).items("deleteditems") == []  # the superseded copy is not the user's deletion

    flag_only = svc.save_draft(again.copy(flag=FLAG))  # a flag change alone is an ordinary update
    assert flag_only.ref.id == changed.ref.id and svc.get_message(flag_only.ref).flag == FLAG

    assert [o.ok for o in svc.send_drafts([flag_only.ref])] == [True]
    settle(sandbox)
    [got] = _delivered(sandbox, "extras")
    assert got["fields"]["InternetMessageHeaders"] == [{"Name": "X-Project", "Value": "Utah"}]
    assert b"\r\nX-Project: Utah\r\n" in got["mime"] and "Flag" not in got["fields"]
    [sent] = sandbox.mailbox(ALICE).items("sentitems")
    assert sent["fields"]["Flag"]["FlagStatus"] == "Flagged" and sent["fields"]["Flag"]["DueDate"][:10] == "2026-12-04"


@every_backend
def test_a_draft_without_extras_reads_back_without_them(svc, backend):
    svc.connect()
    back = svc.get_message(svc.save_draft(simple_draft("plain")).ref)
    assert back.headers == [] and not back.flag.is_set


@pytest.mark.parametrize("headers,says", [
    ([(f"X-H{i}", "v") for i in range(6)], "at most 5 custom headers"),
    ([("Received", "forged")], "must start with “x-”"),
    ([("X-Note", "two\r\nBcc: eve@example.com")], "must be one line"),
], ids=["six-headers", "not-x", "line-break"])
@every_backend
def test_headers_over_the_limits_are_refused_before_anything_is_sent(box, sandbox, headers, says, backend):
    with pytest.raises(DraftInvalid) as err:
        box.run(box.ob.submit(simple_draft("too many").copy(headers=headers)))
    assert says in err.value.message.lower() and err.value.kind == ErrorKind.INVALID_INPUT
    assert not {logged(backend, "CreateItem"), logged(backend, "SendItem")} & set(sandbox.request_log)
    assert box.journal.count() == 0


@every_backend
def test_headers_of_a_draft_saved_by_an_earlier_run_are_replaced_not_added_to(services, sandbox, backend):
    """After a restart the backend has no memory of what the server holds: it asks, so a removed header is
    removed (EWS deletes its property; Graph re-creates the draft) instead of staying on the server."""
    first = services.make()
    first.connect()
    saved = first.save_draft(simple_draft("restart").copy(headers=[("X-Old", "1"), ("X-Keep", "2")]))
    later = services.make()  # a new process: nothing remembered
    later.connect()
    again = later.save_draft(saved.copy(headers=[("X-Keep", "3")]))
    [stored] = sandbox.mailbox(ALICE).items("drafts")
    assert stored["fields"]["InternetMessageHeaders"] == [{"Name": "X-Keep", "Value": "3"}]
    assert later.get_message(again.ref).headers == [("X-Keep", "3")]


def test_graph_a_lost_answer_while_recreating_adopts_the_new_draft_not_the_old(sandbox_factory):
    """Graph only: the POST of the re-created draft is done but its answer lost. The lookup by Message-ID
    finds two drafts (the old one has the same Message-ID): it adopts the new one, and the old is removed."""
    sb = sandbox_factory(graph=True)
    from tests.helpers.mail_services import Services

    made = Services(sb, "graph")
    try:
        svc = made.make()
        saved = svc.save_draft(simple_draft("lost").copy(headers=[("X-A", "1")]))
        sb.faults.inject("CreateMessage", "drop_after_commit", count=1)
        again = svc.save_draft(saved.copy(headers=[("X-A", "2")]))
        [stored] = sb.mailbox(ALICE).items("drafts")
        assert again.ref.id != saved.ref.id and stored["fields"]["InternetMessageHeaders"] == [
            {"Name": "X-A", "Value": "2"}]
    finally:
        made.close()


# ---- the flag's days in the user's time zone (Graph only: EWS writes the MAPI task dates, extended.py) ----

def _graph(sandbox_factory, time_zone):
    from tests.helpers.mail_services import Services

    sb = sandbox_factory(graph=True)
    made = Services(sb, "graph")
    return sb, made, made.graph(time_zone=time_zone)


def test_graph_sends_a_flag_day_as_its_local_midnight_naming_the_zone(sandbox_factory):
    """West of Greenwich midnight UTC is the day before: Los Angeles' 1 December is sent as its own midnight
    with timeZone "America/Los_Angeles", which Exchange keeps as 08:00 UTC, and reads back as 1 December."""
    from zoneinfo import ZoneInfo

    sb, made, svc = _graph(sandbox_factory, ZoneInfo("America/Los_Angeles"))
    seen = []
    sb.graph_observer = lambda direction, body, **kw: seen.append((direction, kw["method"], body))
    try:
        saved = svc.save_draft(simple_draft("west").copy(flag=FLAG))
        [posted] = [json.loads(b) for d, m, b in seen if d == "request" and m == "POST" and b]
        assert posted["flag"]["startDateTime"] == {"dateTime": "2026-12-01T00:00:00", "timeZone": "America/Los_Angeles"}
        assert posted["flag"]["dueDateTime"] == {"dateTime": "2026-12-04T00:00:00", "timeZone": "America/Los_Angeles"}
        [stored] = sb.mailbox(ALICE).items("drafts")
        assert stored["fields"]["Flag"]["StartDate"][:19] == "2026-12-01T08:00:00"
        assert svc.get_message(saved.ref).flag == FLAG
        [row] = svc.list_messages(Folder.DRAFTS, 0, 10).items
        assert row.flag == FLAG
    finally:
        made.close()


def test_graph_reads_a_flag_another_client_set_as_the_same_local_day(sandbox_factory):
    """East of Greenwich a local midnight is the day before in UTC: Auckland's 1 December (Outlook's midnight,
    11:00 UTC on 30 November, which Graph answers in UTC) reads as 1 December there."""
    from zoneinfo import ZoneInfo

    import httpx

    sb, made, svc = _graph(sandbox_factory, ZoneInfo("Pacific/Auckland"))
    try:
        nz = "Pacific/Auckland"
        flag = {"flagStatus": "flagged", "startDateTime": {"dateTime": "2026-12-01T00:00:00", "timeZone": nz},
                "dueDateTime": {"dateTime": "2026-12-04T00:00:00", "timeZone": nz}}
        r = httpx.post(f"{sb.graph_url}/me/messages", trust_env=False, json={"subject": "east", "flag": flag},
                       headers={"Authorization": "Bearer " + sb.authority.access_token_for(ALICE)})
        assert r.status_code == 201
        assert r.json()["flag"]["startDateTime"] == {"dateTime": "2026-11-30T11:00:00.0000000", "timeZone": "UTC"}
        [row] = svc.list_messages(Folder.DRAFTS, 0, 10).items
        assert row.flag == FLAG
        assert svc.get_message(row.ref).flag == FLAG
    finally:
        made.close()


def test_graph_a_zone_graph_does_not_name_sends_the_same_instant_in_utc(sandbox_factory):
    """A local zone without a name Graph documents (a fixed offset here) still flags the local day: its
    midnight, given in UTC."""
    import datetime as dt

    sb, made, svc = _graph(sandbox_factory, dt.timezone(dt.timedelta(hours=-5)))
    try:
        saved = svc.save_draft(simple_draft("offset").copy(flag=FLAG))
        [stored] = sb.mailbox(ALICE).items("drafts")
        assert stored["fields"]["Flag"]["StartDate"][:19] == "2026-12-01T05:00:00"
        assert svc.get_message(saved.ref).flag == FLAG
    finally:
        made.close()


def test_graph_asks_a_drafts_headers_once_after_a_restart_and_only_when_it_has_not_read_them(sandbox_factory):
    """Graph only (its headers are create-only, so an update must know the server's: _recreate). Counted on the
    wire: a process that opened the draft (GET with its headers) asks nothing more; one that did not (a draft
    the journal resumes after a restart) asks once, on its first update, and never again."""
    from urllib.parse import unquote

    from tests.helpers.mail_services import Services

    sb = sandbox_factory(graph=True)
    made = Services(sb, "graph")
    asked = []
    sb.graph_observer = lambda direction, body, **kw: asked.append(kw["path"]) if (
        direction == "request" and kw["method"] == "GET"
        and "$select=id,internetMessageHeaders" in unquote(kw["path"])) else None
    try:
        saved = made.graph().save_draft(simple_draft("asked").copy(headers=[("X-A", "1")]))
        opened = made.graph()  # a restart, then the draft opened from Drafts: its headers came with it
        draft = opened.get_message(saved.ref)
        draft = opened.save_draft(draft.copy(subject="opened"))
        assert asked == []
        resumed = made.graph()  # a restart, then a save the journal resumes (nothing read)
        again = resumed.save_draft(saved.copy(ref=draft.ref, subject="resumed"))
        assert len(asked) == 1
        resumed.save_draft(again.copy(subject="again"))
        assert len(asked) == 1 and sb.mailbox(ALICE).items("drafts")[0]["subject"] == "again"
    finally:
        made.close()
