"""Where a submission's content comes from, and so how it goes out: one strategy per source.

- :data:`COMPOSE` (``"compose"``) — the user's message, journaled: written to the server's Drafts before it is
  sent (and again when it is gone there), and the user's message in Compose again when taken back;
- :data:`SERVER` (``"server"``) — a draft already in the server's Drafts (Send selected, a mail merge): sent as
  it is there, never written; taken back, it simply stays in Drafts;
- :data:`MIME` (``"mime"``) — an ``.eml`` file's bytes (:mod:`app.core.outbox.mime_send`), journaled: sent as they
  are, in a request of their own, looked up by the file's Message-ID before every attempt; taken back, they
  stay in the file.

A submission and the journal keep the source's name (``Submission.source``, the journal's ``meta["source"]``):
:func:`of` and :func:`named` give its strategy, and the queue asks the strategy, never the name. This is the
one module that reads a source by its name (tests/test_rules.py holds the rest of app/ to that).
No Qt, no I/O.
"""

from __future__ import annotations

from app.core.outbox import mime_send


class Source:
    """What the queue's steps ask of a source. Each answer is one decision, named for it."""

    name = ""
    # its content is in the journal (the user's message, a file's bytes), so it can go out without the server's
    # copy: moved to another account, it is found by Message-ID and written or sent again from there
    journaled = False
    # written to the server's Drafts before it is sent, the journal told where (its server identity); gone
    # from Drafts, it is written again; moved to another account while it waits, it goes on as it is
    saved_first = False
    # looked up in Sent Items by its Message-ID before every attempt, not only after a lost answer (a file's
    # own Message-ID: a copy already there is that message sent)
    looked_up_first = False
    # a file's bytes, named by the file's own Message-ID: the same file sent again while its send is under
    # way (the same Message-ID) is that send, not a second one
    from_file = False
    # sent in a request of its own (:meth:`send_alone`), not in the one send request of saved drafts
    sent_alone = False
    # taken back (or cut off in its undo window by a quit), it is the user's message in Compose again; else
    # it stays where it was (in Drafts, in the file) and the journal forgets it
    back_to_compose = False
    # its content lives in the server's Drafts (sent as it is there)
    in_drafts = False

    async def send_alone(self, client, draft) -> None:
        """Send ``draft`` by itself (raises the backend's error); only for a source :attr:`sent_alone`."""
        raise TypeError(f"a {self.name} send goes in the one send request")

    def __repr__(self) -> str:
        return f"<source {self.name}>"


class Compose(Source):
    name = "compose"
    journaled = True
    saved_first = True
    back_to_compose = True


class ServerDraft(Source):
    name = "server"
    in_drafts = True


class MimeFile(Source):
    name = mime_send.SOURCE
    journaled = True
    looked_up_first = True
    from_file = True
    sent_alone = True

    async def send_alone(self, client, draft) -> None:
        await client.send_mime(mime_send.mime_of(draft))


COMPOSE, SERVER, MIME = Compose(), ServerDraft(), MimeFile()
_BY_NAME = {s.name: s for s in (COMPOSE, SERVER, MIME)}


def named(name: str | None) -> Source:
    """The strategy of a stored name: none stored (an older journal's entry) is a compose send; a name this
    version does not know is never written to Drafts nor given back to Compose (as a server draft), the careful
    reading of content the queue cannot tell. TypeError for anything but a name (a strategy is not stored: the
    journal keeps the name)."""
    if name is not None and not isinstance(name, str):
        raise TypeError(f"a source is stored by its name, not as {type(name).__name__}")
    return _BY_NAME.get(name or COMPOSE.name, SERVER)


def of(sub) -> Source:
    """The strategy of a submission's source."""
    return named(sub.source)
