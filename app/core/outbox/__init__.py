"""A submission's whole life, and the send queue's ONE owner, :class:`Outbox` (:mod:`app.core.outbox.owner`): only
it holds and changes submissions (:mod:`app.core.outbox.submission`'s table) and saves
(:mod:`app.core.outbox.saves`' table). Its public face is small (about 15 names, held in tests/test_rules.py);
what others read or do beyond it goes through its collaborators (:mod:`app.core.outbox.faces`).

- :mod:`~app.core.outbox.submission` — a send's ONE state table; :mod:`~app.core.outbox.policy` — the ONE retry
  policy and error classification; :mod:`~app.core.outbox.settle` — where is a send whose answer was lost;
  :mod:`~app.core.outbox.mime_send` — an ``.eml`` file's bytes sent as they are;
  :mod:`~app.core.outbox.sources` — the three sources (compose, a server draft, a MIME file) as strategies;
- :mod:`~app.core.outbox.owner` — the Outbox: the queue, submit and save, waiting, the state changes (one place);
- :mod:`~app.core.outbox.faces` — its collaborators: the queue read only, the waits, the user's hand, its parts;
- :mod:`~app.core.outbox.drive` — its steps: what is due, each attempt's verdict applied;
- :mod:`~app.core.outbox.takeback` — the user's hand (take back, delete, send again, send now);
- :mod:`~app.core.outbox.attempts` — one server call plus the policy, returning ``(event, facts)``;
- :mod:`~app.core.outbox.worker` — the task that runs the steps and sleeps on the Outbox's clock;
- :mod:`~app.core.outbox.holds` — held sends (undo send, send later): their values and words;
- :mod:`~app.core.outbox.saves`, :mod:`~app.core.outbox.rows`, :mod:`~app.core.outbox.waiters`,
  :mod:`~app.core.outbox.restore` — a save and its table, the rows and sends the views read (no state), the futures waiting for
  work, and what a new Outbox loads from the journal.
"""

from app.core.outbox.owner import SUBMIT_BATCH, Outbox
from app.core.outbox.takeback import NotCancellable

__all__ = ["SUBMIT_BATCH", "NotCancellable", "Outbox"]
