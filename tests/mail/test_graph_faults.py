"""GraphMailService under the sandbox's injected faults and refusals: every failure is one neutral MailError
(or one outcome per item), each fault asserted to have fired. The core's handling of the same faults over
both backends is in test_submission_path.py / test_submission_saves.py."""

from __future__ import annotations

import pytest

from app.core.outbox.submission import SubState
from app.domain.models import ErrorKind, Folder, ItemRef, OutcomeStatus
from app.mail.errors import AuthFailed, ConnectionFailed, MalformedResponse, OutcomeUnknown, ServerBusy, ServerFault
from tests.helpers.backends import BOB, settle
from tests.helpers.drafts import simple_draft
from tests.helpers.mail_services import Tokens, ops
from tests.mail.outbox_harness import Box, count

pytestmark = pytest.mark.parametrize("backend", ["graph"], indirect=True)


def test_a_send_answer_lost_after_the_commit_is_unknown_then_settled_by_message_id_once(svc, sandbox):
    saved = svc.save_draft(simple_draft("lost answer"))
    sandbox.faults.inject("SendMessage", "drop_after_commit", count=1)
    with pytest.raises(OutcomeUnknown):
        svc.send_drafts([saved.ref])
    assert ("SendMessage", "drop_after_commit") in sandbox.faults.fired
    settle(sandbox)  # what the core's settle delay (svc.send_settle_seconds) allows for
    where = svc.find_by_message_id(saved.internet_message_id)
    assert len(where[Folder.SENT]) == 1 and where[Folder.DRAFTS] == []
    assert count(sandbox, "inbox", email=BOB, subject="lost answer") == 1
    assert svc.send_settle_seconds > sandbox.outbox.delay  # the core waits longer than Graph's move takes


def test_the_core_waits_the_backends_settle_before_it_looks(box, sandbox):
    """The queue's own settle delay is 0.05 s here; Graph asks for more (the message is in the Outbox for
    0.3 s after the 202): the single look-up finds it in Sent Items."""
    saved = box.save(simple_draft("settled late"))
    sandbox.faults.inject("SendMessage", "drop_after_commit", count=1)
    sub = box.send(saved)
    assert ("SendMessage", "drop_after_commit") in sandbox.faults.fired
    assert sub.state == SubState.SENT and box.ob.parts.stats["lookups"] == 1 and box.ob.parts.stats["settled_sent"] == 1
    assert sandbox.request_log.count("graph:SendMessage") == 1


@pytest.mark.parametrize("fault,params,status_wait", [("server_busy", {"backoff_ms": 2500}, 3.0),
                                                      ("http_503", {"retry_after": 7}, 7.0)])
def test_throttling_is_server_busy_with_the_servers_retry_after(svc, sandbox, fault, params, status_wait):
    saved = svc.save_draft(simple_draft("busy"))
    sandbox.faults.inject("SendMessage", fault, count=1, **params)
    with pytest.raises(ServerBusy) as err:
        svc.send_drafts([saved.ref])
    assert ("SendMessage", fault) in sandbox.faults.fired
    assert err.value.retry_after == status_wait and err.value.kind == ErrorKind.THROTTLED
    settle(sandbox)
    assert count(sandbox, "inbox", email=BOB) == 0


def test_a_throttled_batch_item_is_its_own_failure(svc, sandbox):
    drafts = [svc.save_draft(simple_draft(f"t{i}")) for i in range(3)]
    sandbox.faults.inject("SendMessage", "delay", count=1, seconds=0)
    sandbox.faults.inject("SendMessage", "server_busy", count=1, backoff_ms=1000)
    out = svc.send_drafts([d.ref for d in drafts])
    assert ("SendMessage", "server_busy") in sandbox.faults.fired
    assert [o.status for o in out] == [OutcomeStatus.SENT, OutcomeStatus.FAILED, OutcomeStatus.SENT]
    assert out[1].kind == ErrorKind.THROTTLED and out[1].code == "ApplicationThrottled"


def test_a_401_is_refreshed_once_and_the_request_repeated(services, sandbox):
    tokens = Tokens(sandbox, "alice@example.com")
    svc = services.graph(tokens=tokens)
    saved = svc.save_draft(simple_draft("after a refresh"))
    sandbox.faults.inject("SendMessage", "http_401", count=1)
    out = svc.send_drafts([saved.ref])
    assert ("SendMessage", "http_401") in sandbox.faults.fired
    assert out[0].status == OutcomeStatus.SENT and tokens.calls == [False, True]
    assert sandbox.request_log.count("graph:SendMessage") == 2
    settle(sandbox)
    assert count(sandbox, "inbox", email=BOB, subject="after a refresh") == 1


def test_a_401_inside_a_batch_is_refreshed_once_and_only_the_refused_request_goes_again(services, sandbox):
    """An inner 401 did nothing; before, it asked the user to sign in again at once (the walks with outages
    met it: the queue waited for a sign-in with a good token)."""
    tokens = Tokens(sandbox, "alice@example.com")
    svc = services.graph(tokens=tokens)
    drafts = [svc.save_draft(simple_draft(f"batch 401 {i}")) for i in range(3)]
    sandbox.faults.inject("SendMessage", "delay", count=1, seconds=0)  # the first goes through
    sandbox.faults.inject("SendMessage", "http_401", count=1)  # the second is refused
    out = svc.send_drafts([d.ref for d in drafts])
    assert ("SendMessage", "http_401") in sandbox.faults.fired
    assert [o.status for o in out] == [OutcomeStatus.SENT] * 3 and tokens.calls == [False, True]
    assert sandbox.request_log.count("graph:Batch") == 2 and sandbox.request_log.count("graph:SendMessage") == 4
    settle(sandbox)
    for i in range(3):
        assert count(sandbox, "inbox", email=BOB, subject=f"batch 401 {i}") == 1


def test_a_second_401_inside_a_batch_is_that_items_sign_in_failure_only(services, sandbox):
    tokens = Tokens(sandbox, "alice@example.com")
    svc = services.graph(tokens=tokens)
    drafts = [svc.save_draft(simple_draft(f"twice refused {i}")) for i in range(3)]
    for kind, params in [("delay", {"seconds": 0}), ("http_401", {}), ("delay", {"seconds": 0}), ("http_401", {})]:
        sandbox.faults.inject("SendMessage", kind, count=1, **params)  # taken in this order
    out = svc.send_drafts([d.ref for d in drafts])
    assert [o.status for o in out] == [OutcomeStatus.SENT, OutcomeStatus.FAILED, OutcomeStatus.SENT]
    assert out[1].kind == ErrorKind.AUTH and tokens.calls == [False, True]
    assert sandbox.faults.fired.count(("SendMessage", "http_401")) == 2 and sandbox.faults.pending() == []
    settle(sandbox)
    assert count(sandbox, "inbox", email=BOB, subject="twice refused 1") == 0


class _RefreshUnreachable(Tokens):
    """MSAL cannot reach the sign-in server when asked for a fresh token (what the app's provider raises)."""

    def __call__(self, force_refresh: bool) -> str:
        if force_refresh:
            self.calls.append(True)
            raise ConnectionFailed("Could not reach the Microsoft 365 sign-in server (ConnectError).")
        return super().__call__(False)


def test_a_refresh_that_fails_after_a_401_inside_a_batch_leaves_the_others_sent(services, sandbox):
    """The other messages of the batch went out: they must stay SENT (said failed, the queue would send
    them again), and only the refused one carries the refresh's failure."""
    tokens = _RefreshUnreachable(sandbox, "alice@example.com")
    svc = services.graph(tokens=tokens)
    drafts = [svc.save_draft(simple_draft(f"no refresh {i}")) for i in range(3)]
    sandbox.faults.inject("SendMessage", "delay", count=1, seconds=0)
    sandbox.faults.inject("SendMessage", "http_401", count=1)
    out = svc.send_drafts([d.ref for d in drafts])
    assert [o.status for o in out] == [OutcomeStatus.SENT, OutcomeStatus.FAILED, OutcomeStatus.SENT]
    assert out[1].kind == ErrorKind.UNREACHABLE and tokens.calls == [False, True]
    settle(sandbox)
    assert [count(sandbox, "inbox", email=BOB, subject=f"no refresh {i}") for i in range(3)] == [1, 0, 1]


def test_a_401_inside_a_hard_delete_batch_repeats_the_refused_request_with_what_depended_on_it(services, sandbox):
    """A hard delete is two requests per message, the second depending on the first: the first refused, the
    second failed with it (424); both go again, the dependency kept."""
    tokens = Tokens(sandbox, "alice@example.com")
    svc = services.graph(tokens=tokens)
    drafts = [svc.save_draft(simple_draft(f"hard delete {i}")) for i in range(2)]
    sandbox.faults.inject("DeleteMessage", "http_401", count=1)
    out = svc.delete_items([d.ref for d in drafts], to_trash=False)
    assert ("DeleteMessage", "http_401") in sandbox.faults.fired
    assert [o.status for o in out] == [OutcomeStatus.DELETED] * 2 and tokens.calls == [False, True]
    # served: the refused one and the other message's two, then the refused one and its dependent again (the
    # dependent's 424 is the batch's own answer, never served)
    assert sandbox.request_log.count("graph:DeleteMessage") == 3 + 2
    for folder in ("drafts", "deleteditems"):
        assert count(sandbox, folder) == 0


def test_a_401_after_the_refresh_is_auth_failed_and_not_retried_again(services, sandbox):
    tokens = Tokens(sandbox, "alice@example.com", bad=True)
    svc = services.graph(tokens=tokens)
    with pytest.raises(AuthFailed) as err:
        svc.connect()
    assert err.value.kind == ErrorKind.AUTH and tokens.calls == [False, True]
    assert sandbox.request_log.count("graph:GetFolder") == 0  # refused before it was routed to the mailbox


def test_a_sign_in_that_cannot_refresh_parks_the_queue_until_signed_in(services, sandbox, tmp_path):
    """MSAL cannot refresh (the refresh token expired): AuthFailed parks the queue, nothing is sent; after the
    sign-in the message goes out once."""
    state = {"signed_in": True}

    def provider(force_refresh):
        if force_refresh and not state["signed_in"]:
            raise AuthFailed("Sign in to Microsoft 365 again")
        return sandbox.authority.access_token_for("alice@example.com")

    b = Box(services.graph(tokens=provider), tmp_path / "j.sqlite3")
    try:
        saved = b.save(simple_draft("parked"))
        state["signed_in"] = False
        sandbox.faults.inject("SendMessage", "http_401", count=1)
        sub = b.send(saved, final=False)
        assert ("SendMessage", "http_401") in sandbox.faults.fired
        assert sub.state == SubState.QUEUED and b.ob.queue.parked(sub) and b.ob.queue.needs_sign_in
        state["signed_in"] = True
        b.ob.hand.signed_in()
        assert b.run(b.ob.wait(sub.local_id)).state == SubState.SENT
        settle(sandbox)
        assert count(sandbox, "inbox", email=BOB, subject="parked") == 1
    finally:
        b.close()


def test_a_mailbox_graph_cannot_serve_is_an_account_error(sandbox_factory, backend):
    from tests.helpers.mail_services import Services

    sb = sandbox_factory(graph=True, users=[{"email": "onprem@example.com", "password": "pw", "graph": False}])
    services = Services(sb, "graph")
    try:
        with pytest.raises(ServerFault) as err:
            services.graph("onprem@example.com").connect()
    finally:
        services.close()
    assert err.value.code == "MailboxNotEnabledForRESTAPI" and err.value.kind == ErrorKind.PERMANENT


@pytest.mark.parametrize("fault,params", [
    ("truncated", {}), ("unexpected_element", {"variant": "container"}), ("garbage_xml", {"variant": "html"}),
    ("garbage_xml", {"variant": "not_xml"}), ("wrong_encoding", {}),
], ids=["truncated", "value-renamed", "html", "text", "bad-encoding"])
def test_an_answer_graph_would_never_give_is_malformed(svc, sandbox, fault, params):
    svc.save_draft(simple_draft("listed"))
    sandbox.faults.inject("ListMessages", fault, count=1, **params)
    with pytest.raises(MalformedResponse) as err:
        svc.list_messages(Folder.DRAFTS, 0, 10)
    assert (("ListMessages", fault)) in sandbox.faults.fired
    assert err.value.kind == ErrorKind.OUTCOME_UNKNOWN
    assert [s.subject for s in svc.list_messages(Folder.DRAFTS, 0, 10).items] == ["listed"]


def test_a_success_status_with_an_error_in_it_is_a_damaged_answer_and_the_queue_finds_it_sent(svc, sandbox, box):
    """HTTP 202 to a send, its body Graph's error object (a mangling proxy; the sandbox did send it). Graph
    answers a send with an empty 202, and the backend did not read the body: the send passed as done, as
    one that failed would have. Like EWS's unknown result class, it is a damaged answer now: the outcome
    unknown, and the Outbox looks the message up and finds it sent, once."""
    saved = svc.save_draft(simple_draft("contradiction"))
    sandbox.faults.inject("SendMessage", "unexpected_element", count=1, variant="response_class")
    with pytest.raises(MalformedResponse) as err:
        svc.send_drafts([saved.ref])
    assert err.value.kind == ErrorKind.OUTCOME_UNKNOWN and "generalException" in err.value.message
    settle(sandbox)  # Graph delivers after its 202
    assert count(sandbox, "inbox", email=BOB, subject="contradiction") == 1

    queued = box.save(simple_draft("contradiction, queued"))
    sandbox.faults.inject("SendMessage", "unexpected_element", count=1, variant="response_class")
    sub = box.send(queued)
    assert sandbox.faults.fired.count(("SendMessage", "unexpected_element")) == 2
    assert sub.state == SubState.SENT and box.ob.parts.stats["lookups"] == 1
    settle(sandbox)
    assert count(sandbox, "inbox", email=BOB, subject="contradiction, queued") == 1


def test_a_success_with_an_error_in_it_inside_a_batch_is_that_items_unknown_outcome(svc, sandbox):
    """The same answer for one send of a $batch: that item's outcome is unknown (to be looked up), the
    other's is sent; neither is taken as done on the status alone."""
    a, b = svc.save_draft(simple_draft("batched one")), svc.save_draft(simple_draft("batched two"))
    sandbox.faults.inject("SendMessage", "unexpected_element", count=1, variant="response_class")
    outcomes = svc.send_drafts([a.ref, b.ref])
    assert ("SendMessage", "unexpected_element") in sandbox.faults.fired
    assert sorted(o.status.value for o in outcomes) == sorted([OutcomeStatus.SENT.value, OutcomeStatus.UNKNOWN.value])
    assert "graph:Batch" in sandbox.request_log, sandbox.request_log


def test_an_html_page_from_a_gateway_is_malformed_not_a_crash(svc, sandbox):
    saved = svc.save_draft(simple_draft("gateway"))
    sandbox.faults.inject("SendMessage", "http_500_html", count=1, commit=True)
    with pytest.raises(MalformedResponse):
        svc.send_drafts([saved.ref])
    assert ("SendMessage", "http_500_html") in sandbox.faults.fired


def test_transport_errors_before_and_after_sending(services, sandbox):
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    down = services.graph(url=f"http://127.0.0.1:{port}/v1.0", timeout=3)
    with pytest.raises(ConnectionFailed) as err:
        down.send_drafts([ItemRef("AAA", "")])
    assert err.value.kind == ErrorKind.UNREACHABLE  # nothing left: safe to try again
    slow = services.graph(timeout=0.5)
    saved = slow.save_draft(simple_draft("slow"))
    sandbox.faults.inject("SendMessage", "delay", count=1, seconds=1.0)
    with pytest.raises(OutcomeUnknown):  # it left: a send must be looked up, never repeated blindly
        slow.send_drafts([saved.ref])
    assert ("SendMessage", "delay") in sandbox.faults.fired
    assert sandbox.wait_handlers(10)


def test_per_item_refusals_keep_the_servers_code(svc, sandbox):
    from tests.helpers.graph_clients import client, draft_body

    sb = sandbox
    good = svc.save_draft(simple_draft("fine"))
    nobody = svc.save_draft(simple_draft("nobody", to=None))
    with client(sb, token=sb.authority.access_token_for("alice@example.com"), immutable=True) as raw:
        spoof = raw.post("/me/messages", json=draft_body(**{"from": {"emailAddress": {"address": BOB}}})).json()
    out = svc.send_drafts([good.ref, nobody.ref, ItemRef(spoof["id"], ""), ItemRef(good.ref.id, "")])
    assert [o.status for o in out] == [OutcomeStatus.SENT] + [OutcomeStatus.FAILED] * 3
    assert [o.code for o in out[1:]] == ["ErrorInvalidRecipients", "ErrorSendAsDenied", "ErrorInvalidOperation"]
    assert [o.kind for o in out[1:]] == [ErrorKind.INVALID_INPUT, ErrorKind.PERMANENT, ErrorKind.NOT_FOUND]
    assert out[1].explanation == "No valid recipients" and out[2].explanation
    assert ops(sb).count("graph:Batch") == 1
