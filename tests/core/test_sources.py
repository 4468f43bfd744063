"""A submission's source, read once from its stored name (the journal's ``meta["source"]``), answers every
question the queue once settled by comparing that name (app/core/outbox/sources.py). The behaviour each answer
drives is tested where it happens (tests/core/test_handover.py, test_takeback_*.py, test_quit_words.py,
tests/mail/test_send_eml_as_is.py...); here, the table itself and the reading of a stored name."""

from __future__ import annotations

import asyncio

import pytest

from app.core.outbox import mime_send
from app.core.outbox import sources
from app.core.outbox.submission import Submission
from app.domain.models import Draft

ANSWERS = ("journaled", "saved_first", "looked_up_first", "from_file", "sent_alone", "back_to_compose", "in_drafts")


@pytest.mark.parametrize("name,yes", [
    ("compose", {"journaled", "saved_first", "back_to_compose"}),
    ("server", {"in_drafts"}),
    ("mime", {"journaled", "looked_up_first", "from_file", "sent_alone"}),
])
def test_each_source_answers_as_the_queue_decided_by_its_name(name, yes):
    way = sources.named(name)
    assert way.name == name
    assert {a for a in ANSWERS if getattr(way, a)} == yes


def test_a_stored_name_is_read_once_into_its_strategy():
    assert sources.named(None) is sources.COMPOSE  # an entry journaled before sources were stored
    assert sources.named(mime_send.SOURCE) is sources.MIME
    assert sources.of(Submission(Draft(), "a")) is sources.COMPOSE  # a submission's default
    assert sources.of(Submission(Draft(), "a", source="server")) is sources.SERVER
    # a name this version does not know: never written to Drafts, never handed to Compose as the user's
    assert sources.named("from-a-newer-version") is sources.SERVER
    with pytest.raises(TypeError):  # a submission keeps the name (the journal's), never the strategy itself
        sources.of(Submission(Draft(), "a", source=sources.MIME))


def test_only_a_file_is_sent_alone():
    class Client:
        def __init__(self):
            self.sent: list[bytes] = []

        async def send_mime(self, raw: bytes) -> None:
            self.sent.append(raw)

    mime = mime_send.with_message_id(b"Subject: hi\r\n\r\nbody\r\n")
    draft = mime_send.stand_in(Draft(subject="hi"), mime)
    client = Client()
    asyncio.run(sources.MIME.send_alone(client, draft))
    assert client.sent == [mime.raw]
    with pytest.raises(TypeError):
        asyncio.run(sources.COMPOSE.send_alone(client, draft))
