"""The backend contract against the sandbox over HTTP: save, read, list, delete, names - each ``@both`` test
once with EwsMailService (real exchangelib) and once with GraphMailService (real httpx), same assertions;
the request each flow costs is the backend's own. The others are about exchangelib and say so."""

from __future__ import annotations

from dataclasses import replace

from app.domain.models import Attachment, BodyFormat, Folder, Importance, OutcomeStatus, Recipient
from tests.helpers.backends import ALICE, BOB, every_backend, protocol, settle
from tests.helpers.drafts import full_draft, simple_draft
from tests.helpers.mail_services import ops


def _mailbox_item(sb, email, folder, mid):
    return next(i for i in sb.mailbox(email).items(folder) if i["internet_message_id"] == mid)


def test_connect_reports_build_and_cached_build_skips_version_probe(services, sandbox):
    """EWS only: the version probe and its cached build are exchangelib's (Graph has one version, v1.0:
    tests/mail/test_graph_backend.py)."""
    first = services.make()
    info = first.connect()
    assert info.build.count(".") == 3 and info.build.startswith("15.")
    assert info.max_send_bytes > 0
    assert "ConvertId" in sandbox.request_log  # the version probe happened once

    n = len(sandbox.request_log)
    second = services.make(server_build=info.build)
    info2 = second.connect()
    assert ops(sandbox, n) == ["GetFolder"], "a cached build must skip the version probe"
    assert info2.build == info.build


@every_backend
def test_save_every_field_with_two_attachments_in_one_request_then_read_back(svc, sandbox, backend):
    svc.connect()
    draft = full_draft()
    n = len(sandbox.request_log)
    saved = svc.save_draft(draft)
    # first save = ONE create with the attachments inline (Graph: + one listing for their ids)
    assert ops(sandbox, n) == {"ews": ["CreateItem"],
                               "graph": ["graph:CreateMessage", "graph:ListAttachments"]}[protocol(backend)]
    assert saved.ref and saved.ref.id and saved.ref.change_key
    assert all(a.attachment_id for a in saved.attachments)

    back = svc.get_message(saved.ref)
    # the server names a mailbox of its directory given only by address (issue 51); given names are kept
    assert back.to == [Recipient(BOB, "Bob Builder"), Recipient("carol@example.com", "Carol Clark")]
    assert back.cc == draft.cc and back.bcc == draft.bcc
    assert back.subject == draft.subject
    assert back.body_format == BodyFormat.HTML and "Hello <b>Bob</b>" in back.body and "ünïcode" in back.body
    assert back.importance == Importance.HIGH
    assert back.read_receipt is True and back.delivery_receipt is True
    assert back.internet_message_id == draft.internet_message_id
    assert [(a.name, a.content, a.content_type) for a in back.attachments] == [
        (a.name, a.content, a.content_type) for a in draft.attachments
    ]
    assert {a.attachment_id for a in back.attachments} == {a.attachment_id for a in saved.attachments}


@every_backend
def test_text_body_and_defaults_round_trip(svc):
    saved = svc.save_draft(simple_draft("plain", body_format=BodyFormat.TEXT))
    back = svc.get_message(saved.ref)
    assert back.body_format == BodyFormat.TEXT and back.body.strip() == "body of plain"
    assert back.importance == Importance.NORMAL and not back.read_receipt and not back.delivery_receipt
    assert back.internet_message_id, "the backend gives every draft a Message-ID"


@every_backend
def test_changed_recipients_and_receipts_really_reach_the_server_on_resave(svc, sandbox, backend):
    """The trap: exchangelib's plain save() after the first save leaves To/Cc/Bcc and receipts out."""
    saved = svc.save_draft(full_draft())
    edited = replace(saved, 
        to=[Recipient("frank@example.com", "Frank")],
        cc=[],
        bcc=[Recipient(BOB)],
        subject="v2",
        body="now plain",
        body_format=BodyFormat.TEXT,
        importance=Importance.LOW,
        read_receipt=False,
        delivery_receipt=False,
    )
    n = len(sandbox.request_log)
    resaved = svc.save_draft(edited)
    assert ops(sandbox, n) == {"ews": ["UpdateItem"], "graph": ["graph:UpdateMessage"]}[protocol(backend)]
    assert resaved.ref.id == saved.ref.id and resaved.ref.change_key != saved.ref.change_key

    back = svc.get_message(resaved.ref)
    assert back.to == [Recipient("frank@example.com", "Frank")]
    assert back.cc == [] and back.bcc == [Recipient(BOB, "Bob Brown")]  # named by the server (issue 51)
    assert (back.subject, back.body.strip(), back.body_format) == ("v2", "now plain", BodyFormat.TEXT)
    assert back.importance == Importance.LOW and back.read_receipt is False and back.delivery_receipt is False
    raw = _mailbox_item(sandbox, ALICE, "drafts", saved.internet_message_id)
    assert "frank@example.com" in str(raw.get("to")) and "carol@example.com" not in str(raw.get("to"))


@every_backend
def test_attachments_removed_and_added_on_resave(svc, sandbox, backend):
    saved = svc.save_draft(full_draft())
    keep = saved.attachments[1]
    edited = replace(saved, attachments=[keep, Attachment("new.bin", b"\x00\x01\x02" * 100)])
    n = len(sandbox.request_log)
    resaved = svc.save_draft(edited)
    assert ops(sandbox, n) == {  # Graph: + the message's change key after its attachments changed
        "ews": ["UpdateItem", "DeleteAttachment", "CreateAttachment"],
        "graph": ["graph:UpdateMessage", "graph:DeleteAttachment", "graph:CreateAttachment", "graph:GetMessage"],
    }[protocol(backend)]
    back = svc.get_message(resaved.ref)
    assert [(a.name, a.content) for a in back.attachments] == [(keep.name, keep.content), ("new.bin", b"\x00\x01\x02" * 100)]

    # and again with the ChangeKey returned by the previous save (no stale-object error)
    again = svc.save_draft(replace(resaved, attachments=[], subject="no attachments"))
    back = svc.get_message(again.ref)
    assert back.attachments == [] and back.subject == "no attachments"


@every_backend
def test_resave_of_a_draft_this_process_did_not_save_reconciles_attachments(services, sandbox):
    """E.g. after a restart: the service learns the server's attachments with one request."""
    saved = services.make().save_draft(full_draft())
    other = services.make()
    resaved = other.save_draft(replace(saved, attachments=saved.attachments[:1]))
    assert [a.name for a in other.get_message(resaved.ref).attachments] == ["report.pdf"]


@every_backend
def test_list_drafts_newest_first_with_paging_and_the_folders_total(services, sandbox, backend):
    writer = services.make()
    info = writer.connect()
    for i in range(7):
        writer.save_draft(simple_draft(f"draft {i}", attachments=[Attachment("a.txt", b"x")] if i == 6 else []))
    reader = services.make(server_build=info.build)
    n = len(sandbox.request_log)
    page = reader.list_messages(Folder.DRAFTS, 0, 3)
    # a full first Drafts page (the folder addressed by its distinguished / well-known name): EWS asks the
    # folder's TotalCount as well (exchangelib keeps FindItem's own total to itself); Graph counts in the list
    assert ops(sandbox, n) == {"ews": ["FindItem", "GetFolder"], "graph": ["graph:ListMessages"]}[protocol(backend)]
    assert [s.subject for s in page.items] == ["draft 6", "draft 5", "draft 4"]
    assert page.total == 7 and page.includes_last is False and page.offset == 0
    assert page.items[0].has_attachments and not page.items[1].has_attachments
    assert page.items[0].display_to and page.items[0].internet_message_id
    n = len(sandbox.request_log)
    last = reader.list_messages(Folder.DRAFTS, 6, 3)
    assert [s.subject for s in last.items] == ["draft 0"] and last.includes_last is True and last.total == 7
    # a page that comes back short is the last: ONE request, its total known from it
    assert ops(sandbox, n) == {"ews": ["FindItem"], "graph": ["graph:ListMessages"]}[protocol(backend)]
    exact = reader.list_messages(Folder.DRAFTS, 4, 3)  # full, and the last: the count says so
    assert [s.subject for s in exact.items] == ["draft 2", "draft 1", "draft 0"]
    assert exact.total == 7 and exact.includes_last is True


@every_backend
def test_delete_moves_to_trash_or_hard_deletes_with_per_item_outcomes(svc, sandbox):
    a = svc.save_draft(simple_draft("to trash"))
    b = svc.save_draft(simple_draft("hard"))
    out = svc.delete_items([a.ref, replace(a.ref, id="I-doesnotexist")])
    assert [o.status for o in out] == [OutcomeStatus.DELETED, OutcomeStatus.FAILED]
    assert out[1].code in ("ErrorItemNotFound", "ErrorInvalidIdMalformed") and out[1].explanation
    assert [s.subject for s in svc.list_messages(Folder.DELETED, 0, 10).items] == ["to trash"]
    assert svc.delete_items([b.ref], to_trash=False)[0].ok
    assert svc.list_messages(Folder.DRAFTS, 0, 10).items == []
    assert [s.subject for s in svc.list_messages(Folder.DELETED, 0, 10).items] == ["to trash"]


@every_backend
def test_resolve_names(svc):
    bob = svc.resolve_names("bob")
    assert any(r.email.lower() == BOB for r in bob)
    assert svc.resolve_names("zzqx-nobody-here") == []
    assert svc.resolve_names("   ") == []
    several = svc.resolve_names("ali")  # alice@ and ali.baba@
    assert {r.email for r in several} >= {"alice@example.com", "ali.baba@example.com"}
    assert all(r.name for r in several)


@every_backend
def test_resolve_names_as_the_very_first_call_without_cached_version(services):
    assert any(r.email.lower() == BOB for r in services.make().resolve_names("bob"))


@every_backend
def test_find_by_message_id_in_drafts_then_sent(svc, sandbox):
    saved = svc.save_draft(simple_draft("find me", internet_message_id="<find-me@dispatch>"))
    where = svc.find_by_message_id("<find-me@dispatch>")
    assert where[Folder.DRAFTS] == [saved.ref] or [r.id for r in where[Folder.DRAFTS]] == [saved.ref.id]
    assert where[Folder.SENT] == []
    assert svc.send_drafts([saved.ref])[0].status == OutcomeStatus.SENT
    settle(sandbox)
    where = svc.find_by_message_id("<find-me@dispatch>")
    assert where[Folder.DRAFTS] == [] and len(where[Folder.SENT]) == 1
    assert svc.find_by_message_id("<nothing@dispatch>") == {Folder.DRAFTS: [], Folder.SENT: [], Folder.OUTBOX: []}


def test_two_services_never_share_exchangelib_state(services):
    """EWS only: exchangelib's process-wide Protocol cache (Graph: one httpx.Client per service)."""
    a = services.make(timeout=5)
    b = services.make(timeout=30, pinned_cert_sha256="AB" * 32)
    assert a._conn.protocol is not b._conn.protocol
    assert a._conn.protocol.TIMEOUT == 5 and b._conn.protocol.TIMEOUT == 30
    assert a._conn.protocol.HTTP_ADAPTER_CLS is not b._conn.protocol.HTTP_ADAPTER_CLS
    a.connect()
    assert a._conn.protocol._session_pool_maxsize == 4


@every_backend
def test_find_many_message_ids_in_one_request_per_folder(svc, sandbox, backend):
    a = svc.save_draft(simple_draft("a", internet_message_id="<a@dispatch>"))
    b = svc.save_draft(simple_draft("b", internet_message_id="<b@dispatch>"))
    svc.send_drafts([b.ref])
    settle(sandbox)
    n = len(sandbox.request_log)
    found = svc.find_by_message_ids(["<a@dispatch>", "<b@dispatch>", "<c@dispatch>"])
    # Drafts, Sent Items and the own Outbox (a message Exchange keeps to send later); Graph: the three in ONE $batch
    assert ops(sandbox, n) == {"ews": ["FindItem"] * 3,
                               "graph": ["graph:Batch"] + ["graph:ListMessages"] * 3}[protocol(backend)]
    assert [r.id for r in found["<a@dispatch>"][Folder.DRAFTS]] == [a.ref.id] and found["<a@dispatch>"][Folder.SENT] == []
    assert found["<b@dispatch>"][Folder.DRAFTS] == [] and len(found["<b@dispatch>"][Folder.SENT]) == 1
    assert found["<c@dispatch>"] == {Folder.DRAFTS: [], Folder.SENT: [], Folder.OUTBOX: []}


def test_concurrent_calls_use_several_connections_and_stay_correct(svc, sandbox):
    """MailClient runs calls in worker threads; the service must be safe for that and not serialise
    everything on exchangelib's default pool of one connection. (EWS only: it reads exchangelib's pool;
    Graph's counterpart is in tests/mail/test_graph_backend.py.)"""
    import asyncio

    from app.core.accounts.mailclient import MailClient
    from tests.helpers.aio import run

    svc.connect()
    client = MailClient(lambda: svc, workers=4)
    sandbox.faults.inject("FindItem", "delay", count=4, seconds=0.4)  # keep 4 requests in flight together

    async def main():
        saves = [client.save_draft(simple_draft(f"c{i}")) for i in range(6)]
        lists = [client.list_messages(Folder.DRAFTS, 0, 50) for _ in range(4)]
        return await asyncio.gather(*saves, *lists)

    try:
        results = run(main())
        pool = svc._conn.protocol.session_pool_size  # before close(): closing the client closes the sessions
    finally:
        client.close()
    assert pool >= 2, "several connections in use at once"
    saved = results[:6]
    assert len({d.ref.id for d in saved}) == 6
    assert sorted(s.subject for s in svc.list_messages(Folder.DRAFTS, 0, 50).items) == [f"c{i}" for i in range(6)]
