"""Microsoft's own Graph SDK for Python (msgraph-sdk, pinned in pyproject.toml's test extra) drives the sandbox
over HTTPS with a token from real MSAL sign-in (tests/helpers/graph_sdk.py): sendMail, move and createReply with
the SDK's own bodies (the CSDL's parameter names: ``Message``, ``SaveToSentItems``, ``DestinationId``,
``Comment``), a message read with ``$expand=attachments`` into the SDK's attachment models, and Graph's error as
the SDK's ODataError. Every body is checked against the CSDL by the test's wire check, as for httpx."""

from __future__ import annotations

import base64

import pytest
from kiota_abstractions.base_request_configuration import RequestConfiguration
from msgraph.generated.models.body_type import BodyType
from msgraph.generated.models.email_address import EmailAddress
from msgraph.generated.models.file_attachment import FileAttachment
from msgraph.generated.models.item_attachment import ItemAttachment
from msgraph.generated.models.item_body import ItemBody
from msgraph.generated.models.message import Message
from msgraph.generated.models.o_data_errors.o_data_error import ODataError
from msgraph.generated.models.recipient import Recipient
from msgraph.generated.users.item.mail_folders.item.messages.messages_request_builder import MessagesRequestBuilder
from msgraph.generated.users.item.messages.item.create_reply.create_reply_post_request_body import (
    CreateReplyPostRequestBody,
)
from msgraph.generated.users.item.messages.item.message_item_request_builder import MessageItemRequestBuilder
from msgraph.generated.users.item.messages.item.move.move_post_request_body import MovePostRequestBody
from msgraph.generated.users.item.send_mail.send_mail_post_request_body import SendMailPostRequestBody

from tests.helpers.aio import run
from tests.helpers.graph_sdk import MsalTokens, graph_service_client, sign_in_with_msal

NOTES = b"minutes of Monday\n"
PICTURE = bytes(range(256))


def _to(*addresses: str) -> list[Recipient]:
    return [Recipient(email_address=EmailAddress(address=a)) for a in addresses]


def _message(subject: str, text: str = "Hello Bob", to=("bob@example.com",), **extra) -> Message:
    return Message(subject=subject, body=ItemBody(content_type=BodyType.Text, content=text), to_recipients=_to(*to),
                   **extra)


def _one_message(**query) -> RequestConfiguration:
    return RequestConfiguration(query_parameters=MessageItemRequestBuilder.MessageItemRequestBuilderGetQueryParameters(
        **query))


def _messages(**query) -> RequestConfiguration:
    return RequestConfiguration(query_parameters=MessagesRequestBuilder.MessagesRequestBuilderGetQueryParameters(
        **query))


async def _in_folder(graph, folder: str, subject: str) -> list[Message]:
    page = await graph.me.mail_folders.by_mail_folder_id(folder).messages.get(
        request_configuration=_messages(filter=f"subject eq '{subject}'"))
    return page.value


def test_send_mail_with_the_sdk_body_is_sent_and_kept_in_sent_items(sdk_sandbox, graph_wire_validator):
    sb, tokens = sdk_sandbox
    checked, asked = graph_wire_validator.checked, tokens.asked

    async def flow():
        async with graph_service_client(sb, tokens) as graph:
            await graph.me.send_mail.post(SendMailPostRequestBody(
                message=_message("Numbers by the SDK", "The numbers are in."), save_to_sent_items=True))
            assert sb.outbox.wait_idle(10)
            return await _in_folder(graph, "sentitems", "Numbers by the SDK")

    [sent] = run(flow())
    assert sent.is_draft is False and sent.body.content == "The numbers are in."
    assert [r.email_address.address for r in sent.to_recipients] == ["bob@example.com"]
    assert "Numbers by the SDK" in [i["subject"] for i in sb.mailbox("bob@example.com").items("inbox")]
    assert tokens.asked > asked, "each request's token came from MSAL"
    assert graph_wire_validator.checked >= checked + 3, "the SDK's bodies went through the wire check"


def test_move_with_the_sdk_body_moves_the_message(sdk_sandbox):
    sb, tokens = sdk_sandbox

    async def flow():
        async with graph_service_client(sb, tokens) as graph:
            draft = await graph.me.messages.post(_message("Moved by the SDK"))
            moved = await graph.me.messages.by_message_id(draft.id).move.post(
                MovePostRequestBody(destination_id="deleteditems"))
            deleted = await graph.me.mail_folders.by_mail_folder_id("deleteditems").get()
            return (moved, deleted, await _in_folder(graph, "deleteditems", "Moved by the SDK"),
                    await _in_folder(graph, "drafts", "Moved by the SDK"))

    moved, deleted, in_deleted, in_drafts = run(flow())
    assert moved.parent_folder_id == deleted.id and moved.subject == "Moved by the SDK"
    assert [m.id for m in in_deleted] == [moved.id] and in_drafts == []


def test_create_reply_with_the_sdk_body_keeps_the_comment(sdk_sandbox):
    sb, tokens = sdk_sandbox
    bob = MsalTokens(sign_in_with_msal(sb, "bob@example.com"), sb.graph_url)

    async def flow():
        async with graph_service_client(sb, bob) as graph:
            await graph.me.send_mail.post(SendMailPostRequestBody(
                message=_message("Lunch on Friday?", "Shall we?", to=("alice@example.com",))))
        assert sb.outbox.wait_idle(10)
        async with graph_service_client(sb, tokens) as graph:
            [received] = await _in_folder(graph, "inbox", "Lunch on Friday?")
            reply = await graph.me.messages.by_message_id(received.id).create_reply.post(
                CreateReplyPostRequestBody(comment="Yes, at noon."))
            return await graph.me.messages.by_message_id(reply.id).get()

    reply = run(flow())
    assert reply.is_draft is True and reply.subject == "RE: Lunch on Friday?"
    assert "Yes, at noon." in reply.body.content and "Shall we?" in reply.body.content
    assert [r.email_address.address for r in reply.to_recipients] == ["bob@example.com"]


def test_expanded_attachments_come_back_as_the_sdk_models(sdk_sandbox):
    sb, tokens = sdk_sandbox
    subject = "Attachments by the SDK"

    async def flow():
        async with graph_service_client(sb, tokens) as graph:
            draft = await graph.me.messages.post(_message(subject, attachments=[
                FileAttachment(name="notes.txt", content_type="text/plain", content_bytes=NOTES)]))
            one = graph.me.messages.by_message_id(draft.id)
            await one.attachments.post(FileAttachment(name="picture.bin", content_type="application/octet-stream",
                                                      content_bytes=PICTURE))
            await one.attachments.post(ItemAttachment(name="the agenda", item=_message("Agenda", "1. Numbers")))
            full = await one.get(request_configuration=_one_message(expand=["attachments"]))
            chosen = await one.get(request_configuration=_one_message(
                select=["subject"], expand=["attachments($select=name,size)"]))
            listed = await graph.me.mail_folders.by_mail_folder_id("drafts").messages.get(
                request_configuration=_messages(filter=f"subject eq '{subject}'", expand=["attachments($select=name)"]))
            return full, chosen, listed.value

    full, chosen, [row] = run(flow())
    notes, picture, agenda = full.attachments
    assert isinstance(notes, FileAttachment) and isinstance(picture, FileAttachment)
    assert (notes.name, notes.content_type, notes.content_bytes) == ("notes.txt", "text/plain", NOTES)
    assert (picture.name, picture.content_bytes, picture.size) == ("picture.bin", PICTURE, len(PICTURE))
    assert isinstance(agenda, ItemAttachment) and agenda.name == "the agenda"
    assert full.has_attachments is True and full.subject == subject
    assert chosen.subject == subject and chosen.body is None, "only the selected properties"
    assert [(type(a), a.name) for a in chosen.attachments] == [
        (FileAttachment, "notes.txt"), (FileAttachment, "picture.bin"), (ItemAttachment, "the agenda")]
    assert all(a.id and a.size for a in chosen.attachments)
    assert all(a.content_bytes is None for a in chosen.attachments[:2]), "contentBytes not selected"
    assert [a.name for a in row.attachments] == ["notes.txt", "picture.bin", "the agenda"]
    assert base64.b64encode(notes.content_bytes).decode() == base64.b64encode(NOTES).decode()


@pytest.mark.parametrize("expand", ["event", "attachments($top=1)", "extensions"])
def test_an_expansion_the_sandbox_does_not_serve_is_the_sdk_odata_error(sdk_sandbox, expand):
    sb, tokens = sdk_sandbox

    async def flow():
        async with graph_service_client(sb, tokens) as graph:
            draft = await graph.me.messages.post(_message("Not expanded"))
            with pytest.raises(ODataError) as raised:
                await graph.me.messages.by_message_id(draft.id).get(request_configuration=_one_message(
                    expand=[expand]))
            return raised.value

    error = run(flow())
    assert error.response_status_code == 400
    assert error.error.code == "BadRequest"
    assert error.error.message.startswith("Parsing OData Select and Expand failed: ")
