"""Dispatch's Qt-free core (asyncio, no Qt), grouped by what Dispatch does.

- :mod:`app.core.account_queue` — an account's queue in this process, built one way for the window and for
  ``dispatch-mail``: its lock, the journal's unfinished work restored, its door opened, then Sending, the Outbox
  and autosave;
- :mod:`app.core.scripts` — the door a ``dispatch-mail`` command knocks at and the desk that answers its typed
  requests;
- :mod:`app.core.merge` — a mail merge run: its rows, its record, its send;
- :mod:`app.core.sending` — one send request for every face (Compose, Send selected, merge, a script) and the
  decisions made before the queue (already sent?, a newer local version?, allowed senders, sending limits);
- :mod:`app.core.compose` — what the user writes is kept: autosave, crash recovery, the editor's text mirror,
  spelling, ``.eml`` files;
- :mod:`app.core.outbox` — a submission's whole life: the queue and its one owner, the state table, the retry
  policy, settle, holds (undo send, send later), what the Outbox says;
- :mod:`app.core.accounts` — an account's mail service: which backend, sign-in, Find server, the session and
  its client, the built-in sandbox;
- :mod:`app.core.common` — small tools the others share (a daemon thread, the journal's writer, sentences from
  words).

Each folder imports only the ones below it in that list (import-linter's "Core by capability" contract;
accounts and common are at the bottom, outbox never reaches up into sending, merge or the scripts).
"""
