"""What is Graph's own in GraphMailService (the shared contract runs in test_ews_backend.py / test_ews_send.py
with ``@every_backend``): one version, immutable ids, an httpx.Client that ignores the environment, upload sessions
without the token, $batch chunks of 20 with an outcome per item whatever happens to a chunk."""

from __future__ import annotations

import pytest

from app.domain.models import Attachment, Folder, OutcomeStatus
from app.mail.errors import ServerFault
from tests.helpers.backends import BOB, settle
from tests.helpers.drafts import simple_draft
from tests.helpers.mail_services import ops

pytestmark = pytest.mark.parametrize("backend", ["graph"], indirect=True)


def test_connect_is_one_cheap_request_and_names_graph_v1(svc, sandbox):
    n = len(sandbox.request_log)
    info = svc.connect()
    assert ops(sandbox, n) == ["graph:GetFolder"]
    assert (info.build, info.version_name) == ("graph-v1.0", "Microsoft Graph v1.0") and info.max_send_bytes > 0


def test_the_environment_never_changes_where_requests_go(svc, monkeypatch):
    """This machine (and many a user's) sets proxies and CA bundles in the environment: ignored."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # a proxy nobody listens on
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SSL_CERT_FILE", "/nonexistent/ca.pem")
    assert svc.connect().build == "graph-v1.0"


def test_immutable_ids_name_the_sent_copy(svc, sandbox):
    """Prefer: IdType="ImmutableId" on every request: the draft's id still names the message in Sent Items."""
    saved = svc.save_draft(simple_draft("immutable"))
    assert svc.send_drafts([saved.ref])[0].ok
    settle(sandbox)
    where = svc.find_by_message_id(saved.internet_message_id)
    assert [r.id for r in where[Folder.SENT]] == [saved.ref.id] and where[Folder.DRAFTS] == []
    assert svc.get_message(saved.ref).subject == "immutable"


def test_a_large_file_goes_up_in_4_mib_pieces_without_the_token_and_resumes_after_a_lost_answer(svc, sandbox):
    big = bytes(range(256)) * (9 * 4096 + 17)  # ~9.4 MB: three pieces
    sandbox.faults.inject("UploadAttachmentPiece", "drop_after_commit", count=1)  # the first piece's answer
    n = len(sandbox.request_log)
    saved = svc.save_draft(simple_draft("big one", attachments=[Attachment("small.txt", b"s"),
                                                                 Attachment("big.bin", big)]))
    assert ("UploadAttachmentPiece", "drop_after_commit") in sandbox.faults.fired
    log = ops(sandbox, n)
    assert log[:3] == ["graph:CreateMessage", "graph:ListAttachments", "graph:CreateUploadSession"], log
    assert log[-1] == "graph:GetMessage"  # the change key after the upload
    assert all(a.attachment_id for a in saved.attachments)
    back = svc.get_message(saved.ref)
    assert [(a.name, a.content) for a in back.attachments] == [("small.txt", b"s"), ("big.bin", big)]
    assert back.ref.change_key == saved.ref.change_key


def test_sending_without_a_copy_is_refused_before_anything_is_sent(svc, sandbox):
    saved = svc.save_draft(simple_draft("keep a copy"))
    n = len(sandbox.request_log)
    with pytest.raises(ServerFault) as err:
        svc.send_drafts([saved.ref], save_copy=False)
    assert err.value.code == "ErrorNotSupported" and ops(sandbox, n) == []


def test_many_drafts_go_in_batches_of_20_with_an_outcome_each_in_order(svc, sandbox):
    drafts = [svc.save_draft(simple_draft(f"many {i}", to=None if i == 22 else BOB)) for i in range(25)]
    n = len(sandbox.request_log)
    out = svc.send_drafts([d.ref for d in drafts])
    assert ops(sandbox, n).count("graph:Batch") == 2 and ops(sandbox, n).count("graph:SendMessage") == 25
    assert [o.ref for o in out] == [d.ref for d in drafts]
    assert [o.status for o in out] == [OutcomeStatus.FAILED if i == 22 else OutcomeStatus.SENT for i in range(25)]
    assert out[22].code == "ErrorInvalidRecipients"
    settle(sandbox)
    assert sandbox.mailbox(BOB).count("inbox") == 24


def test_a_lost_batch_answer_is_unknown_for_its_own_items_only(svc, sandbox):
    drafts = [svc.save_draft(simple_draft(f"lost {i}")) for i in range(25)]
    sandbox.faults.inject("SendMessage", "delay", count=21, seconds=0)
    sandbox.faults.inject("SendMessage", "drop_after_commit", count=1)  # the 22nd: in the second batch
    out = svc.send_drafts([d.ref for d in drafts])
    assert ("SendMessage", "drop_after_commit") in sandbox.faults.fired
    assert [o.status for o in out] == [OutcomeStatus.SENT] * 20 + [OutcomeStatus.UNKNOWN] * 5
    assert [o.ref for o in out] == [d.ref for d in drafts]
    settle(sandbox)
    found = svc.find_by_message_ids([d.internet_message_id for d in drafts[20:]])
    where = [("sent" if f[Folder.SENT] else "") + ("draft" if f[Folder.DRAFTS] else "") for f in found.values()]
    # the batch stopped where its connection dropped: two went out, three are still drafts - settled, not guessed
    assert where == ["sent", "sent", "draft", "draft", "draft"]
    assert sandbox.mailbox(BOB).count("inbox") == 22


def test_concurrent_calls_stay_correct_within_the_mailboxs_limit(svc, sandbox):
    """MailClient's workers call at once; Exchange Online allows 4 requests in flight per mailbox, and the
    service's pool holds 4 connections: nothing is throttled, every answer is right."""
    import asyncio

    from app.core.accounts.mailclient import MailClient
    from tests.helpers.aio import run

    svc.connect()
    client = MailClient(lambda: svc, workers=6)
    sandbox.faults.inject("ListMessages", "delay", count=4, seconds=0.3)

    async def main():
        saves = [client.save_draft(simple_draft(f"c{i}")) for i in range(6)]
        lists = [client.list_messages(Folder.DRAFTS, 0, 50) for _ in range(4)]
        return await asyncio.gather(*saves, *lists)

    try:
        results = run(main())
    finally:
        client.close()
    assert len({d.ref.id for d in results[:6]}) == 6
    assert "ApplicationThrottled" not in str(results)
    assert sorted(s.subject for s in svc.list_messages(Folder.DRAFTS, 0, 50).items) == [f"c{i}" for i in range(6)]


def test_an_upload_url_in_clear_text_to_another_host_is_refused_before_any_byte(svc, sandbox):
    """Issue 46: the upload URL is pre-authenticated (the URL is the key) and carries the file: a server that
    hands back ``http://`` to another host gets nothing; the save fails saying why."""
    from app.mail.errors import MalformedResponse

    real = sandbox.uploads.origin
    sandbox.uploads.origin = "http://upload.evil.invalid" + real[real.rindex(":"):]  # what it advertises
    try:
        n = len(sandbox.request_log)
        with pytest.raises(MalformedResponse) as exc:
            svc.save_draft(simple_draft("big one", attachments=[Attachment("big.bin", b"x" * (4 << 20))]))
    finally:
        sandbox.uploads.origin = real
    assert "clear text" in exc.value.message and "upload.evil.invalid" in exc.value.message
    assert "graph:CreateUploadSession" in ops(sandbox, n) and "UploadAttachmentPiece" not in str(ops(sandbox, n))


def test_the_app_asks_for_exactly_the_scopes_its_graph_calls_need(services, sandbox):
    """Dispatch's Graph backend, on the sandbox with a token of exactly its sign-in's scopes, through what it
    does (connect, drafts with a small and an upload-session attachment, list, read, resolve names, send,
    find by Message-ID in a $batch): it all works, and each of its scopes is the only one some call takes.
    Mail.Send.Shared is what a send from another mailbox takes (issue 49): without it that send is refused."""
    import dataclasses

    from app.mail.graph.signin import DEFAULT_SCOPES
    from app.sandbox.graph import permissions

    asked = [s.rsplit("/", 1)[1] for s in DEFAULT_SCOPES]  # https://graph.microsoft.com/Mail.Send -> Mail.Send
    svc = services.graph(tokens=lambda force=False: sandbox.authority.access_token_for("alice@example.com", asked))
    n = len(sandbox.request_log)
    svc.connect()
    saved = svc.save_draft(simple_draft("scopes", attachments=[Attachment("a.txt", b"a"),
                                                               Attachment("big.bin", b"b" * (4 << 20))]))
    saved = svc.save_draft(dataclasses.replace(saved, subject="scopes, again", attachments=saved.attachments[:1]))
    assert svc.list_messages(Folder.DRAFTS, 0, 10).items and svc.get_message(saved.ref).subject == "scopes, again"
    assert svc.resolve_names("bob")
    assert svc.send_drafts([saved.ref])[0].ok
    settle(sandbox)
    assert svc.find_by_message_ids([saved.internet_message_id])
    from app.sandbox.graph.upload_server import OPS as UPLOAD_OPS  # the upload origin: its URL is its key

    used = {op.split(":", 1)[1] for op in sandbox.request_log[n:] if op.startswith("graph:")}
    used -= {"Batch", *UPLOAD_OPS.values()}
    assert {"CreateMessage", "CreateUploadSession", "SendMessage", "ListPeople"} <= used, used
    grants = {p.lower() for p in asked}
    assert all(grants & {p.lower() for p in permissions.NEEDS[op]} for op in used), used
    from app.domain.senders import Principal

    other = svc.save_draft(simple_draft("from bob", principal=Principal("bob@example.com")))
    assert svc.send_drafts([other.ref])[0].code == "ErrorSendAsDenied"  # past the scope; Bob granted nothing
    shared = [p for p in asked if p != "Mail.Send.Shared"]
    without = services.graph(tokens=lambda force=False: sandbox.authority.access_token_for("alice@example.com", shared))
    assert without.send_drafts([other.ref])[0].code == "ErrorAccessDenied"  # the permission is missing
    for scope in shared:  # none is spare: without it some call the app makes is refused
        rest = grants - {scope.lower()}
        assert any(not rest & {p.lower() for p in permissions.NEEDS[op]} for op in used), scope
