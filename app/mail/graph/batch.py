"""JSON batching (``POST /$batch``, at most 20 requests) and the per-item operations built on it: send and
delete many drafts with a true outcome per item, in order, whatever happens to a batch.

- An inner answer of 2xx is the item's success; any other is the item's own error, mapped like a direct
  answer (errors.from_response): ErrorInvalidRecipients, ErrorMessageSizeExceeded, ErrorSendAsDenied,
  ErrorItemNotFound... are FAILED with the server's code, an inner 5xx is UNKNOWN, an inner 429 FAILED as
  throttled (nothing was done). An inner 401 gets a direct request's rule: the token is refreshed once and
  the refused requests (with those that failed only because they depended on one) go again in a new
  batch; a second 401 is the item's AUTH failure, so one inner 401 never asks the user to sign in again
  while the token is good (tests/ui/test_keyboard_monkey.py's walks with outages check it).
- A batch whose answer is lost (dropped, timed out, unreadable) may have been served: its items are
  UNKNOWN (the core settles them by Message-ID). One that never left (ConnectionFailed), was throttled or
  refused as a whole (401 after a refresh) did nothing: its items are FAILED with that kind. Later chunks
  are still tried unless the failure says they cannot succeed either (auth, TLS, throttling, unreachable).
- When no chunk got any answer the error itself is raised: nothing can be said about any item, and the
  caller gets its Retry-After, kind and code whole.
The last three are app/mail/chunks.py's, the rule EWS follows too.

A draft from another mailbox (send as / on behalf) is the user's own draft with ``from`` set
(service.py): its send is ``/me/messages/{id}/send`` like any other, in the same batch; a refused right is that
item's FAILED ErrorSendAsDenied.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from urllib.parse import quote

from app.domain.models import ErrorKind, ItemOutcome, ItemRef, OutcomeStatus
from app.mail.chunks import chunked_outcomes, outcome_from_error
from app.mail.errors import ItemFailed, MailError, MalformedResponse
from app.mail.graph import errors
from app.mail.graph.http import PREFER, GraphHttp

log = logging.getLogger(__name__)

MAX_REQUESTS = 20


@dataclass
class Inner:
    """One inner answer of a batch."""

    status: int
    headers: dict
    body: object
    raised: MailError | None = None  # the request went again (after a 401) in a batch that failed whole

    def error(self) -> MailError | None:
        if self.raised is not None:
            return self.raised
        if self.status >= 400:
            return errors.from_response(self.status, self.headers, self.body)
        return errors.error_in_success(self.status, self.body)


def request(method: str, url: str, body: dict | None = None, depends: list[str] | None = None, *,
            immutable_ids: bool = True) -> dict:
    """An inner request (``url`` relative to the version root, e.g. ``/me/messages/{id}/send``); ``immutable_ids``
    False: its answer's ids are the regular ones (GraphHttp.call)."""
    headers = {"Prefer": PREFER} if immutable_ids else {}
    r = {"method": method, "url": url}
    if body is not None:
        r["body"] = body
        headers["Content-Type"] = "application/json"
    if headers:
        r["headers"] = headers
    if depends:
        r["dependsOn"] = list(depends)
    return r


def run(http: GraphHttp, requests: list[dict]) -> list[Inner]:
    """Send up to 20 requests in one $batch (their ids: "1".."n"; ``dependsOn`` by those ids); one answer per
    request, in order. Raises the batch's own MailError (transport, 401, 429...) or MalformedResponse. The
    requests refused with a 401 go once more with a fresh token (module docstring)."""
    answers = _run_once(http, requests)
    refused = {i for i, a in enumerate(answers) if a.status == 401}
    if not refused:
        return answers
    again = _with_dependents(requests, refused)
    log.info("Graph answered 401 to %d request(s) of a $batch: refreshing the token once", len(refused))
    try:
        http.refresh_token()
        repeated = _run_once(http, _renumbered(requests, again))
    except MailError as err:  # the others' answers stand: some may have been sent
        repeated = [Inner(0, {}, None, raised=err) for _ in again]
    for i, a in zip(again, repeated):
        answers[i] = a
    return answers


def _with_dependents(requests: list[dict], refused: set[int]) -> list[int]:
    """The positions of the refused requests and of those depending on one (they failed with it, 424), in
    order (a request depends only on earlier ones: ids are "1".."n" in order, as :func:`run` numbers them)."""
    again = set(refused)
    for i, r in enumerate(requests):
        if any(int(d) - 1 in again for d in r.get("dependsOn", ())):
            again.add(i)
    return sorted(again)


def _renumbered(requests: list[dict], again: list[int]) -> list[dict]:
    """The requests at ``again`` as a batch of their own: a dependency on one that goes again is kept (by its
    new id), one on a request answered already is dropped (it succeeded: a failed one's dependents go again
    only with it)."""
    new_id = {old: new for new, old in enumerate(again, 1)}
    out = []
    for old in again:
        r = dict(requests[old])
        depends = [str(new_id[int(d) - 1]) for d in r.pop("dependsOn", ()) if int(d) - 1 in new_id]
        if depends:
            r["dependsOn"] = depends
        out.append(r)
    return out


def _run_once(http: GraphHttp, requests: list[dict]) -> list[Inner]:
    assert 0 < len(requests) <= MAX_REQUESTS
    reqs = [{"id": str(i), **r} for i, r in enumerate(requests, 1)]
    doc = http.call("POST", "/$batch", json={"requests": reqs}).doc
    answers = doc.get("responses") if isinstance(doc, dict) else None
    if not isinstance(answers, list):
        raise MalformedResponse("The $batch answer has no 'responses' array")
    by_id = {}
    for a in answers:
        if not isinstance(a, dict) or not isinstance(a.get("id"), str) or not isinstance(a.get("status"), int):
            raise MalformedResponse("The $batch answer has a response without an id or a status")
        headers = a.get("headers") if isinstance(a.get("headers"), dict) else {}
        by_id[a["id"].lower()] = Inner(a["status"], headers, a.get("body"))
    missing = [r["id"] for r in reqs if r["id"] not in by_id]
    if missing:
        raise MalformedResponse(f"The $batch answer has no response for request(s) {', '.join(missing)}")
    return [by_id[r["id"]] for r in reqs]


def message_url(ref: ItemRef, suffix: str = "") -> str:
    return f"/me/messages/{quote(ref.id, safe='')}{suffix}"


# ---------------------------------------------------------------------- per item
def _direct(http: GraphHttp, ref: ItemRef, calls: list[tuple[str, str]], ok: OutcomeStatus) -> list[ItemOutcome]:
    """One item by direct requests (in order; each after the previous succeeded). A per-item error of the
    server (an error code, not a transport or whole-request failure) is the item's outcome."""
    try:
        for method, url in calls:
            http.call(method, url)
    except ItemFailed as err:
        return [outcome_from_error(ref, err)]
    return [errors.outcome_ok(ref, ok)]


def send(http: GraphHttp, refs: list[ItemRef]) -> list[ItemOutcome]:
    """POST /me/messages/{id}/send for each (202: accepted, delivered later); one item directly, more in
    $batch chunks of 20."""
    if not refs:
        return []
    if len(refs) == 1:
        out = chunked_outcomes(refs, 1, lambda c: _direct(http, c[0], [("POST", message_url(c[0], "/send"))],
                                                            OutcomeStatus.SENT))
    else:
        def chunk(c):
            answers = run(http, [request("POST", message_url(r, "/send")) for r in c])
            return [_outcome(r, a, OutcomeStatus.SENT) for r, a in zip(c, answers)]

        out = chunked_outcomes(list(refs), MAX_REQUESTS, chunk)
    return [_no_longer_a_draft(o) for o in out]


def _no_longer_a_draft(o: ItemOutcome) -> ItemOutcome:
    """"Only a draft message can be sent" (ErrorInvalidOperation): with immutable ids a draft's id names the
    message after it went out, so this says what ErrorItemNotFound says over EWS: the draft is gone - the
    core looks in Sent Items before it decides (already sent, or recreate it)."""
    if o.code == "ErrorInvalidOperation" and o.kind == ErrorKind.PERMANENT:
        return replace(o, kind=ErrorKind.NOT_FOUND)
    return o


def delete(http: GraphHttp, refs: list[ItemRef], *, to_trash: bool) -> list[ItemOutcome]:
    """DELETE moves a message to Deleted Items; for a hard delete the same (immutable) id is DELETEd again
    there, which removes it from the mailbox's folders (Graph keeps it in Recoverable Items, as EWS's
    SoftDelete does)."""
    if not refs:
        return []
    if len(refs) == 1:
        calls = [("DELETE", message_url(refs[0]))] * (1 if to_trash else 2)
        return chunked_outcomes(refs, 1, lambda c: _direct(http, c[0], calls, OutcomeStatus.DELETED))
    per_item = 1 if to_trash else 2

    def chunk(c):
        reqs = []
        for i, r in enumerate(c):
            reqs.append(request("DELETE", message_url(r)))
            if not to_trash:
                reqs.append(request("DELETE", message_url(r), depends=[str(len(reqs))]))
        answers = run(http, reqs)
        out = []
        for i, r in enumerate(c):
            first = answers[i * per_item]
            last = answers[i * per_item + per_item - 1]
            out.append(_outcome(r, first if first.status >= 400 else last, OutcomeStatus.DELETED))
        return out

    return chunked_outcomes(list(refs), MAX_REQUESTS // per_item, chunk)


def _outcome(ref: ItemRef, answer: Inner, ok: OutcomeStatus) -> ItemOutcome:
    err = answer.error()
    return errors.outcome_ok(ref, ok) if err is None else outcome_from_error(ref, err)
