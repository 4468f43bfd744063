"""Batched SendItem / DeleteItem with a true result for every item.

``account.bulk_send`` returns per-item results only for a short list of codes
(``EWSService.ERRORS_TO_CATCH_IN_RESPONSE``); any other per-item code (ErrorInvalidRecipients,
ErrorAccessDenied, ErrorStaleObject, ErrorServerBusy...) is RAISED and the results of every other item in
the batch are thrown away, although the server did send them. The services below send the very same
request (one ``SendItem`` with many ``ItemId``s, ``SaveItemToFolder="true"``, ``SavedItemFolderId``
sentitems) but keep every per-item code as a result.

When a whole request fails:
- transport / busy / auth errors are raised as MailError (the core decides: retry, or verify by
  Internet Message-ID when the outcome is unknown). With more than one chunk (SendItem: SEND_CHUNK, DeleteItem:
  CHUNK), chunks already
  answered keep their outcomes and the rest get UNKNOWN (or FAILED if nothing was sent).
- a SOAP fault rejects a request before any item is processed; with several items the batch is retried
  one item at a time, so a fault caused by one item does not cost the others (nothing is sent twice: a
  faulted request sent nothing).
"""

from __future__ import annotations

import logging

from exchangelib.errors import EWSError, ResponseMessageError
from exchangelib.items import HARD_DELETE, MOVE_TO_DELETED_ITEMS, SEND_TO_NONE, ALL_OCCURRENCES
from exchangelib.services import DeleteItem, SendItem

from app.domain.models import ItemOutcome, ItemRef, OutcomeStatus
from app.domain.validation import SEND_BATCH_LIMIT
from app.mail.errors import (
    AuthFailed,
    ConnectionFailed,
    EwsBlocked,
    ItemFailed,
    MailError,
    OutcomeUnknown,
    ServerBusy,
    ServerFault,
    TlsFailed,
)
from app.mail.ews.errors import map_error, outcome_error, outcome_from_exception, outcome_ok

log = logging.getLogger(__name__)

CHUNK = 100  # DeleteItem
SEND_CHUNK = SEND_BATCH_LIMIT  # SendItem: see app/domain/validation.py for the number and its source
#: Whole-request errors after which the server may have done some of the work.
UNCERTAIN_FAULTS = {"ErrorTimeoutExpired", "ErrorInternalServerError"}


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


def _is_whole_request_fault(err: MailError) -> bool:
    """A coded rejection of the whole request (SOAP fault), as opposed to transport trouble."""
    return isinstance(err, (ItemFailed, ServerFault)) and not isinstance(err, ServerBusy)


def _run_chunks(refs, call_chunk, ok_status, endpoint, *, verb: str, size: int = CHUNK) -> list[ItemOutcome]:
    outcomes: list[ItemOutcome] = []
    for start in range(0, len(refs), size):
        chunk = refs[start : start + size]
        try:
            outcomes.extend(_outcomes(chunk, list(call_chunk(chunk)), ok_status))
            continue
        except Exception as exc:  # noqa: BLE001 - everything is mapped
            err = map_error(exc, endpoint)
        if isinstance(err, ItemFailed) and err.code in UNCERTAIN_FAULTS:
            err = OutcomeUnknown(f"{err.code}: {err.message}")  # may have been processed: never resend blindly
        if _is_whole_request_fault(err) and len(chunk) > 1:
            log.info("%s of %d items rejected as a whole (%s); retrying one at a time", verb, len(chunk), err.code)
            outcomes.extend(_one_by_one(chunk, call_chunk, ok_status, endpoint))
            continue
        if _is_whole_request_fault(err):
            outcomes.append(outcome_error(chunk[0], err.code, err.message, kind=err.kind))
            continue
        if not outcomes:
            raise err  # nothing can be said about any item: the caller decides (retry / verify)
        # Later chunk failed after earlier ones were answered: keep what we know.
        for ref in refs[start:]:
            if isinstance(err, (ConnectionFailed, AuthFailed, EwsBlocked, TlsFailed, ServerBusy)):
                outcomes.append(outcome_error(ref, err.code, err.message, kind=err.kind))
            else:
                outcomes.append(outcome_error(ref, err.code, err.message, status=OutcomeStatus.UNKNOWN))
        break
    return outcomes


def _one_by_one(chunk, call_chunk, ok_status, endpoint) -> list[ItemOutcome]:
    out = []
    for ref in chunk:
        try:
            out.extend(_outcomes([ref], list(call_chunk([ref])), ok_status))
        except Exception as exc:  # noqa: BLE001
            err = map_error(exc, endpoint)
            status = OutcomeStatus.FAILED
            if err.code in UNCERTAIN_FAULTS or (
                not _is_whole_request_fault(err)
                and not isinstance(err, (ConnectionFailed, AuthFailed, EwsBlocked, TlsFailed, ServerBusy))
            ):
                status = OutcomeStatus.UNKNOWN
            out.append(outcome_error(ref, err.code, err.message, status=status, kind=err.kind))
    return out


def send_items(account, refs: list[ItemRef], *, sent_folder, endpoint: str) -> list[ItemOutcome]:
    """``sent_folder``: where the copy goes (SaveItemToFolder + SavedItemFolderId), None for no copy."""
    if not refs:
        return []
    folder = sent_folder

    def call_chunk(chunk):
        svc = PerItemSendItem(account=account, chunk_size=SEND_CHUNK)
        return svc.call(items=_ids(chunk), saved_item_folder=folder)

    try:
        return _run_chunks(list(refs), call_chunk, OutcomeStatus.SENT, endpoint, verb="SendItem", size=SEND_CHUNK)
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

    return _run_chunks(list(refs), call_chunk, OutcomeStatus.DELETED, endpoint, verb="DeleteItem")
