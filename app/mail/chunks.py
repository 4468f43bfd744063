"""Many items in chunks of requests, with a true outcome for every item whatever happens to a chunk: the ONE
rule both backends follow (EWS SendItem / DeleteItem: app/mail/ews/batch.py; Graph $batch:
app/mail/graph/batch.py).

- A chunk that raised gets its error as every item's outcome (:func:`outcome_from_error`: UNKNOWN when it
  may have been done, else FAILED with its kind). Nothing is tried again here, not even one item at a
  time: what follows a failure is the core's decision, by the kind (app/core/outbox/policy.py).
- After an error of a :data:`STOP_KINDS` kind the next chunk would fail the same way: the rest are not
  tried, and get that error.
- When no chunk got an answer the error itself is raised: nothing can be said about any item, and the
  caller gets its Retry-After, kind and code whole.
"""

from __future__ import annotations

from typing import Callable, Sequence

from app.domain.errors import MailError
from app.domain.explain import explain
from app.domain.models import ErrorKind, ItemOutcome, ItemRef, OutcomeStatus

# after a request failed with one of these the next would fail the same way (signed out, the certificate
# refused, throttled, the server out of reach): the rest of the items are not tried
STOP_KINDS = frozenset({ErrorKind.AUTH, ErrorKind.TLS, ErrorKind.THROTTLED, ErrorKind.UNREACHABLE})


def outcome_from_error(ref: ItemRef | None, err: MailError) -> ItemOutcome:
    """One item's outcome after ``err``: UNKNOWN when it may have been done, else FAILED with its kind."""
    status = OutcomeStatus.UNKNOWN if err.kind == ErrorKind.OUTCOME_UNKNOWN else OutcomeStatus.FAILED
    return ItemOutcome(ref=ref, status=status, code=err.code, message=err.message,
                       explanation=explain(err.code, err.message), kind=err.kind)


def chunked_outcomes(refs: Sequence[ItemRef], size: int,
                     run_chunk: Callable[[list[ItemRef]], list[ItemOutcome]]) -> list[ItemOutcome]:
    """``run_chunk(chunk)`` (its items' outcomes, in order, or a MailError) for each chunk of ``size`` items;
    the outcomes of all, in order (module docstring). Raises when no chunk got an answer."""
    return outcomes_of([list(refs[start: start + size]) for start in range(0, len(refs), size)], run_chunk)


def outcomes_of(chunks: Sequence[list[ItemRef]],
                run_chunk: Callable[[list[ItemRef]], list[ItemOutcome]]) -> list[ItemOutcome]:
    """:func:`chunked_outcomes` for chunks made by the caller (e.g. one per mailbox the items live in): the
    outcomes of all, chunk after chunk. Raises when no chunk got an answer."""
    outcomes: list[ItemOutcome] = []
    answered, first_error, stop = False, None, None
    for chunk in chunks:
        if stop is not None:
            outcomes.extend(outcome_from_error(r, stop) for r in chunk)
            continue
        try:
            outcomes.extend(run_chunk(chunk))
            answered = True
        except MailError as err:
            first_error = first_error or err
            outcomes.extend(outcome_from_error(r, err) for r in chunk)
            if err.kind in STOP_KINDS:
                stop = err
    if not answered and first_error is not None:
        raise first_error
    return outcomes
