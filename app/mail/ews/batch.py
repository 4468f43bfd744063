"""Batched SendItem / DeleteItem with a true result for every item.

``account.bulk_send`` returns per-item results only for a short list of codes
(``EWSService.ERRORS_TO_CATCH_IN_RESPONSE``); any other per-item code (ErrorInvalidRecipients,
ErrorAccessDenied, ErrorStaleObject, ErrorServerBusy...) is RAISED and the results of every other item in
the batch are thrown away, although the server did send them. The services below send the very same
request (one ``SendItem`` with many ``ItemId``s, ``SaveItemToFolder="true"``, ``SavedItemFolderId``
sentitems) but keep every per-item code as a result.

When a request fails as a whole (transport, busy, auth, a SOAP fault), app/mail/chunks.py's rule holds, the
same as Graph's: the chunk's items get its error as their outcome (UNKNOWN when the server may have done
the work, else FAILED with its kind), the rest are not tried after an auth / TLS / throttling /
unreachable failure, and the error itself is raised when no chunk got an answer (the core decides: retry,
or verify by Internet Message-ID when the outcome is unknown). Nothing is sent again here, not one item at
a time either: a faulted request sent nothing, and what follows is the core's decision, by the kind.
"""

from __future__ import annotations

from exchangelib.errors import EWSError, ResponseMessageError
from exchangelib.items import HARD_DELETE, MOVE_TO_DELETED_ITEMS, SEND_TO_NONE, ALL_OCCURRENCES
from exchangelib.services import DeleteItem, SendItem

from app.domain.models import ItemOutcome, ItemRef, OutcomeStatus
from app.domain.validation import SEND_BATCH_LIMIT
from app.mail.chunks import chunked_outcomes
from app.mail.ews.errors import map_error, outcome_from_exception, outcome_ok

CHUNK = 100  # DeleteItem
SEND_CHUNK = SEND_BATCH_LIMIT  # SendItem: see app/domain/validation.py for the number and its source


class PerItemSendItem(SendItem):
    """SendItem that returns every per-item error as an instance instead of raising it."""

    ERRORS_TO_CATCH_IN_RESPONSE = (EWSError,)
    WARNINGS_TO_CATCH_IN_RESPONSE = (EWSError,)


class PerItemDeleteItem(DeleteItem):
    ERRORS_TO_CATCH_IN_RESPONSE = (EWSError,)
    WARNINGS_TO_CATCH_IN_RESPONSE = (EWSError,)


def _ids(refs: list[ItemRef]):
    return [(r.id, r.change_key or None) for r in refs]


def _outcomes(refs: list[ItemRef], results: list, ok_status: OutcomeStatus) -> list[ItemOutcome]:
    if len(results) != len(refs):
        raise map_error(
            ValueError(f"the server answered {len(results)} results for {len(refs)} items"),
        )
    out = []
    for ref, res in zip(refs, results):
        if res is True:
            out.append(outcome_ok(ref, ok_status))
        elif isinstance(res, BaseException):
            out.append(outcome_from_exception(ref, res))
        else:  # pragma: no cover - a service returning something else
            out.append(outcome_ok(ref, ok_status))
    return out


def _run_chunks(refs, call_chunk, ok_status, endpoint, *, size: int = CHUNK) -> list[ItemOutcome]:
    """``call_chunk(chunk)`` (one request) for each chunk of ``size``: every item's outcome, by the one rule
    of app/mail/chunks.py."""
    def run_chunk(chunk):
        try:
            return _outcomes(chunk, list(call_chunk(chunk)), ok_status)
        except Exception as exc:  # noqa: BLE001 - everything is mapped
            err = map_error(exc, endpoint)
        raise err

    return chunked_outcomes(refs, size, run_chunk)


def send_items(account, refs: list[ItemRef], *, sent_folder, endpoint: str) -> list[ItemOutcome]:
    """``sent_folder``: where the copy goes (SaveItemToFolder + SavedItemFolderId), None for no copy."""
    if not refs:
        return []
    folder = sent_folder

    def call_chunk(chunk):
        svc = PerItemSendItem(account=account, chunk_size=SEND_CHUNK)
        return svc.call(items=_ids(chunk), saved_item_folder=folder)

    try:
        return _run_chunks(list(refs), call_chunk, OutcomeStatus.SENT, endpoint, size=SEND_CHUNK)
    except ResponseMessageError as exc:  # pragma: no cover - mapped inside; belt and braces
        raise map_error(exc, endpoint)


def delete_items(account, refs: list[ItemRef], *, to_trash: bool, endpoint: str) -> list[ItemOutcome]:
    if not refs:
        return []
    delete_type = MOVE_TO_DELETED_ITEMS if to_trash else HARD_DELETE

    def call_chunk(chunk):
        svc = PerItemDeleteItem(account=account, chunk_size=CHUNK)
        # ChangeKeys are left out on purpose: deleting should not fail because the draft was re-saved.
        return svc.call(
            items=[(r.id, None) for r in chunk],
            delete_type=delete_type,
            send_meeting_cancellations=SEND_TO_NONE,
            affected_task_occurrences=ALL_OCCURRENCES,
            suppress_read_receipts=True,
        )

    return _run_chunks(list(refs), call_chunk, OutcomeStatus.DELETED, endpoint)
