"""What a new Outbox loads from the journal at start: the account's unfinished sends and saves, each
resumed in the state :data:`app.core.outbox.submission.RESTART` gives it. No Qt, no network."""

from __future__ import annotations

import logging
import time

from app.core.outbox import holds, sources
from app.core.outbox.policy import RetryPolicy
from app.core.outbox.saves import SaveJob
from app.core.outbox.submission import RESTART, SubState, Submission
from app.domain.models import ErrorKind
from app.domain.words import Words, from_data
from app.storage.journal import Journal, State

log = logging.getLogger(__name__)


def _reason(meta: dict, stored: str):
    """A send's last reason as it was: its Words (translated in the window) when the journal kept them and they
    still read as the stored English, else the English text itself."""
    try:
        words = from_data(meta.get("reason_words", ""))
    except ValueError:
        return stored
    return words if isinstance(words, Words) and str(words) == stored else stored


def restore_work(journal: Journal, account: str, policy: RetryPolicy, now: float, meta_of, *,
                 wall: float | None = None):
    """``(submissions, save jobs, report)``; the report has one ``(local_id, was, resumes)`` per send.
    A restarted state that differs from the stored one is written back (``meta_of(sub)`` gives its
    bookkeeping). A send held in its undo window never resumes: it becomes a message being written
    again (reported as resuming ``editing``); a send-later one stays held (``now``/``wall``: the
    monotonic and wall clocks of this start, to put its release time on the Outbox's clock)."""
    subs, saves, report = [], [], []
    wall = time.time() if wall is None else wall
    for e in journal.entries(account=account):
        if (e.op == "send" and holds.is_undo(e.state, e.meta)
                and not sources.named((e.meta or {}).get("source")).back_to_compose):
            # a draft of Send selected (or a mail merge) in its undo window: it stays in Drafts, unsent
            journal.discard(e.local_id)
            report.append((e.local_id, SubState.HELD.value, "drafts"))
            log.info("recovery: send %s of a batch was held for undo, stays in Drafts (not sent)", e.local_id[:8])
        elif e.op == "send" and holds.is_undo(e.state, e.meta):
            holds.undo_to_editing(journal, e.local_id)
            report.append((e.local_id, SubState.HELD.value, "editing"))
            log.info("recovery: send %s was held for undo, resumes as a message in Compose (not sent)",
                     e.local_id[:8])
        elif e.op == "send":
            meta = e.meta or {}
            sub = Submission(e.draft, account, SubState(e.state), source=meta.get("source", sources.COMPOSE.name),
                             display_to=meta.get("display_to", ""), attempts=e.attempts,
                             reason=_reason(meta, e.last_error),
                             kind=_kind(meta), adopt=bool(meta.get("adopt")),
                             recipients=int(meta.get("recipients") or 0))
            was = sub.state
            resumes = RESTART[was]
            if resumes == SubState.HELD:  # send later: held again until its time
                facts = holds.restored_facts(meta, now, wall)
            elif resumes == SubState.UNKNOWN:  # the lost request may still be committing
                facts = {"retry_at": now + policy.settle_delay}
            else:
                facts = {}
            sub.restarted(**facts)
            if sub.state != was or sub.adopt != bool(meta.get("adopt")):
                journal.set_state(e.local_id, sub.state.value, meta=meta_of(sub))
            subs.append(sub)
            report.append((e.local_id, was.value, sub.state.value))
            log.info("recovery: send %s was %s, resumes %s", e.local_id[:8], was.value, sub.state.value)
        elif e.op == "save":
            job = SaveJob(e.draft, account, adopt=e.state == State.SAVING.value, version=e.version)
            saves.append(job)
            log.info("recovery: save %s was %s, resumes %s", e.local_id[:8], getattr(e.state, "value", e.state),
                     "adopt" if job.adopt else "waiting")
    return subs, saves, report


def _kind(meta: dict) -> ErrorKind | None:
    """The kind of its last failure, as the Outbox journaled it (``meta_of``): a refused send stays one
    that must be fixed first after a restart (a mail merge's row reads it: :func:`app.core.merge.run.row_verdict`)."""
    try:
        return ErrorKind(meta["kind"]) if meta.get("kind") else None
    except ValueError:  # a kind this version does not know
        return None
