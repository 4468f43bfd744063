"""The send queue and its ONE owner, :class:`Outbox` (:mod:`app.core.outbox.owner`): only it holds and changes
submissions (:mod:`app.core.outbox.submission`'s table) and saves (:mod:`app.core.outbox.saves`' table).

- :mod:`~app.core.outbox.owner` — the Outbox: the queue, submit and save, waiting, the state changes (one place);
- :mod:`~app.core.outbox.drive` — its steps: what is due, each attempt's verdict applied;
- :mod:`~app.core.outbox.takeback` — the user's hand (take back, delete, send again, send now);
- :mod:`~app.core.outbox.attempts` — one server call plus the policy, returning ``(event, facts)``;
- :mod:`~app.core.outbox.worker` — the task that runs the steps and sleeps on the Outbox's clock;
- :mod:`~app.core.outbox.holds` — held sends (undo send, send later): their values and words;
- :mod:`~app.core.outbox.saves`, :mod:`~app.core.outbox.rows`, :mod:`~app.core.outbox.waiters`,
  :mod:`~app.core.outbox.restore` — a save and its table, the rows the view shows, the futures waiting for
  work, and what a new Outbox loads from the journal.
"""

from app.core.outbox.owner import SUBMIT_BATCH, Outbox
from app.core.outbox.takeback import NotCancellable

__all__ = ["SUBMIT_BATCH", "NotCancellable", "Outbox"]
