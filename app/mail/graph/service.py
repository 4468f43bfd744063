"""GraphMailService: the MailService contract on Microsoft Graph v1.0 (REST by hand over httpx).

Request budget per flow:
- connect: 1 (GET /me/mailFolders/drafts)
- first Drafts page: 1 (GET .../messages with $select, $orderby, $top, $skip, $count)
- save a new draft: 1 POST /me/messages (small attachments inline) + 1 GET of the attachment ids when it
  has any; a file of 3 MB or more: createUploadSession + 1 PUT per 4 MiB piece, then 1 GET of the change key
- save again: 1 PATCH (+ 1 DELETE / POST per attachment removed / added, then 1 GET of the change key)
- send: 1 POST .../send for one draft; many: 1 $batch per 20
- find by Message-ID: 1 $batch (Drafts, Sent Items and the Outbox, 15 Message-IDs per $filter)
- the messages kept in the Outbox (Send later on the server): 1 GET a page; a take-back: 1 POST move + 1 PATCH
- reports in the Inbox since a time: 1 $batch (one $filter per report class) + 1 GET per further page; a report's
  MIME: 1 GET of its $value, streamed

Send as / on behalf: a draft with a ``principal`` is the user's own draft (``/me/messages``) with
``from`` = the principal, for both rights, as Microsoft documents (learn.microsoft.com/graph/
outlook-send-mail-from-other-user: "set the from property ... Microsoft Graph sets [sender] appropriately,
based on the mailbox permissions"; Example 1 sends through /me). Sending through ``/users/{principal}`` would
also need Full Access on it (and Mail.ReadWrite.Shared), and its ids and Sent copy would be in another
mailbox; through /me every id, the copy in Sent Items and the exactly-once look-up stay in the user's own
mailbox, and the principal's mailbox gets its copy too when Exchange keeps one there (MessageCopyForSentAs /
SendOnBehalfEnabled).

Exactly once: a send answers 202 and no id, and delivery (the move to Sent Items) happens later. Every draft
is created with its Internet Message-ID (the core's, or one made here, as EWS does), so an unknown outcome
is settled by looking it up (find_by_message_ids) after ``send_settle_seconds``; ``Prefer:
IdType="ImmutableId"`` keeps a draft's id valid after the move.
"""

from __future__ import annotations

import base64
import datetime as _dt
import logging
import threading
from dataclasses import replace
from typing import Callable
from urllib.parse import quote

from app.domain.directory import DirectoryEntry, DirectoryPage
from app.domain.models import Draft, ErrorKind, Folder, ItemOutcome, ItemRef, Page, Recipient, new_message_id
from app.domain.validation import DEFAULT_MAX_SEND_BYTES
from app.domain.words import translate
from app.mail.errors import MailError, MalformedResponse, OutcomeUnknown, ServerFault
from app.mail.graph import attachments, batch, convert, directory, reports, scheduled, timezones
from app.mail.graph.directory_access import DirectoryAccess
from app.mail.graph.http import DEFAULT_TIMEOUT, GraphHttp
from app.mail.service import (DIRECTORY_PAGE_SIZE, REPORT_PAGE_SIZE, MailService,
                              ReportItem, Scheduled, ServerInfo, list_order)

log = logging.getLogger(__name__)

GRAPH_BUILD = "graph-v1.0"
GRAPH_VERSION_NAME = "Microsoft Graph v1.0"
# Seconds the core waits after a lost send answer before it looks the Message-ID up: Graph accepts a send
# (202) before the message moves from Drafts through the Outbox to Sent Items, which takes seconds.
DEFAULT_SEND_SETTLE = 10.0
MIDS_PER_FILTER = 15
_MAX_TOP = 1000
# app.mail.service.list_order's keys -> Graph's message properties
_ORDER_FIELDS = {"sent": "sentDateTime", "created": "createdDateTime"}
# the kinds of failure that say a request did nothing, so that the core repeats the whole save as it was
_NOTHING_DONE = frozenset({ErrorKind.UNREACHABLE, ErrorKind.TRANSIENT, ErrorKind.THROTTLED, ErrorKind.AUTH,
                           ErrorKind.TLS, ErrorKind.LOCAL})


def _odata_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _error_code_of(exc: BaseException) -> str:
    return getattr(exc, "code", "") or type(exc).__name__


class GraphMailService(MailService):
    """One mailbox over Graph. Thread-safe for the calls MailClient makes from its worker pool."""

    backend_name = "graph"

    def __init__(self, email: str, graph_url: str, token_provider: Callable[[bool], str], *,
                 timeout: float = DEFAULT_TIMEOUT, verify=True, send_settle_seconds: float = DEFAULT_SEND_SETTLE,
                 time_zone: _dt.tzinfo | None = None, principals=(), permission_token=None):
        """``permission_token(permission, force_refresh) -> str``: a token for the sign-in's scopes plus an address
        book permission (GraphSignIn.permission_token; app/mail/graph/directory_access.py), None: none asked."""
        self.email = email
        # the user's time zone: a flag's days are its midnights (app/mail/graph/timezones.py); None: this computer's
        self.time_zone = time_zone or timezones.local_zone()
        # the mailboxes the account may send from (AccountConfig.principals): the right a reopened draft's
        # ``from`` has
        self.principals = tuple(principals)
        self.graph_url = graph_url.rstrip("/")
        self.send_settle_seconds = float(send_settle_seconds)
        self._http = GraphHttp(self.graph_url, token_provider, timeout=timeout, verify=verify)
        self._directory = DirectoryAccess(self._http, permission_token, lambda tokens: GraphHttp(
            self.graph_url, tokens, timeout=timeout, verify=verify))
        self._lock = threading.Lock()
        # Attachment ids the server holds per item id, as of our last save/read (to reconcile removals).
        # item id -> its attachments' ids: a tuple of str, which the cyclic GC stops tracking (a set per saved
        # draft was 5,000 more objects each full collection scanned after a mail merge)
        self._server_attachments: dict[str, tuple[str, ...]] = {}
        self._server_mids: dict[str, str] = {}
        # item id -> its custom headers as of our last save/read (Graph cannot change them: see _recreate)
        self._server_headers: dict[str, tuple[tuple[str, str], ...]] = {}

    # ------------------------------------------------------------------ plumbing
    def _call(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except MailError:
            raise
        except Exception as exc:  # noqa: BLE001 - every failure becomes a MailError
            log.exception("Unexpected %s in the Graph backend", type(exc).__name__, exc_info=exc)
            raise MalformedResponse(f"The server's reply did not have the structure Graph documents "
                                    f"({type(exc).__name__})") from exc

    def _remember(self, item_id: str, att_ids, mid: str = "") -> None:
        with self._lock:
            self._server_attachments[item_id] = tuple(att_ids)
            if mid:
                self._server_mids[item_id] = mid

    def _forget(self, item_id: str) -> None:
        with self._lock:
            self._server_attachments.pop(item_id, None)
            self._server_headers.pop(item_id, None)

    def _current_ref(self, ref: ItemRef) -> ItemRef:
        doc = self._http.call("GET", batch.message_url(ref), params={"$select": "id,changeKey"}).doc
        return convert.ref_of(doc)

    # ------------------------------------------------------------------ connect
    def connect(self) -> ServerInfo:
        def run():
            doc = self._http.call("GET", "/me/mailFolders/drafts", params={"$select": "id"}).doc
            if not isinstance(doc, dict) or not isinstance(doc.get("id"), str):
                raise MalformedResponse("The Drafts folder's answer has no id")
            return ServerInfo(build=GRAPH_BUILD, version_name=GRAPH_VERSION_NAME, max_send_bytes=DEFAULT_MAX_SEND_BYTES)

        return self._call(run)

    # ------------------------------------------------------------------ save
    def save_draft(self, draft: Draft) -> Draft:
        if draft.ref is None:
            return self._call(self._create, draft)
        try:
            return self._call(self._update, draft)
        except MailError:
            self._forget(draft.ref.id)  # the next save starts from the server's state, not our cache
            raise

    def _create(self, draft: Draft, *, superseded: str = "") -> Draft:
        mid = draft.internet_message_id or new_message_id()
        draft = draft.copy(internet_message_id=mid)
        atts = list(draft.attachments)
        inline, later = attachments.split_for_create(atts)
        body = {**convert.message_fields(draft, self.time_zone), "internetMessageId": mid}
        if draft.headers:
            body["internetMessageHeaders"] = convert.headers_json(draft)
        if inline:
            body["attachments"] = [convert.file_attachment(atts[i]) for i in inline]
        try:
            doc = self._http.call("POST", "/me/messages", json=body).doc
        except (OutcomeUnknown, MalformedResponse) as err:
            found = self._adopt_after_unknown_create(draft, superseded)
            if found is not None:
                return found
            raise err
        ref = convert.ref_of(doc)
        try:
            ref = self._after_create(ref, inline, later, atts)
        except MailError as err:
            # The POST was answered: the draft is in Drafts, whatever failed after it (the server gone between
            # the two requests, busy, a sign-in lapsed...). A kind that says nothing was done would have the core
            # create it a second time; as an unknown outcome it finds this one by its Message-ID and saves over
            # it. A refusal (invalid, too large, an unsafe upload address) stays what it is: never repeated.
            if err.kind in _NOTHING_DONE:
                raise OutcomeUnknown(f"The draft was created, but completing it failed: {err.message}") from err
            raise
        self._remember(ref.id, {a.attachment_id for a in atts if a.attachment_id}, mid)
        with self._lock:
            self._server_headers[ref.id] = tuple(draft.headers)
        return replace(draft, ref=ref, attachments=atts)

    def _after_create(self, ref: ItemRef, inline: list[int], later: list[int], atts: list) -> ItemRef:
        """A new draft's files: the ids of those sent inline (``atts`` updated in place), the larger ones
        uploaded; the draft's current ref."""
        if inline:  # their ids: one listing (POST /messages answers without its attachments)
            on_server = attachments.server_files(self._http, ref)
            by_name: dict[str, list[str]] = {}
            for a in on_server:
                by_name.setdefault(a.name, []).append(a.attachment_id)
            for i in inline:
                ids = by_name.get(convert.file_attachment(atts[i])["name"]) or by_name.get(atts[i].name) or [""]
                atts[i] = replace(atts[i], attachment_id=ids.pop(0), size=len(atts[i].content or b""))
        for i in later:
            atts[i] = replace(atts[i], attachment_id=attachments.add(self._http, ref, atts[i]),
                              size=len(atts[i].content or b""))
        return self._current_ref(ref) if later else ref

    def _adopt_after_unknown_create(self, draft: Draft, superseded: str = "") -> Draft | None:
        """The POST may have happened: find the draft by its Message-ID instead of creating a second one
        (``superseded``: the id of the draft it replaces, which has the same Message-ID: not it)."""
        try:
            refs = self.find_by_message_ids([draft.internet_message_id])[draft.internet_message_id][Folder.DRAFTS]
            refs = [r for r in refs if r.id != superseded]
            if len(refs) != 1:
                return None
            ref = self._current_ref(refs[0])
            on_server = attachments.server_files(self._http, ref)
        except MailError:
            return None
        by_name: dict[str, list[str]] = {}
        for a in on_server:
            by_name.setdefault(a.name, []).append(a.attachment_id)
        atts = [replace(a, attachment_id=(by_name.get(a.name) or [""]).pop(0)) for a in draft.attachments]
        self._remember(ref.id, {a.attachment_id for a in on_server}, draft.internet_message_id)
        return replace(draft, ref=ref, attachments=atts)

    def _update(self, draft: Draft) -> Draft:
        ref = draft.ref
        if self._headers_on_server(ref) != tuple(draft.headers):
            return self._recreate(draft)
        server_atts = self._known_attachments(ref)
        if not draft.internet_message_id:
            with self._lock:
                draft = replace(draft, internet_message_id=self._server_mids.get(ref.id, ""))
        headers = {"If-Match": f'W/"{ref.change_key}"'} if ref.change_key else None
        doc = self._http.call("PATCH", batch.message_url(ref),
                              json=convert.message_fields(draft, self.time_zone, creating=False),
                              headers=headers).doc
        new_ref = convert.ref_of(doc) if doc is not None else ref
        keep = {a.attachment_id for a in draft.attachments if a.attachment_id}
        removed = sorted(server_atts - keep)
        for att_id in removed:
            attachments.remove(self._http, ref, att_id)
        atts = list(draft.attachments)
        added = False
        for i, a in enumerate(atts):
            if not a.attachment_id:
                atts[i] = replace(a, attachment_id=attachments.add(self._http, ref, a), size=len(a.content or b""))
                added = True
        if removed or added:
            new_ref = self._current_ref(ref)
        self._remember(ref.id, {a.attachment_id for a in atts if a.attachment_id}, draft.internet_message_id)
        return replace(draft, ref=ItemRef(ref.id, new_ref.change_key), attachments=atts)

    def _headers_on_server(self, ref: ItemRef) -> tuple[tuple[str, str], ...]:
        with self._lock:
            known = self._server_headers.get(ref.id)
        # Not saved or read by this process (a draft the journal resumes after a restart): ask, once. The
        # journal cannot answer instead: it keeps the ref, not the headers the server got with it (an entry
        # edited since its save holds the newer, unsaved headers), and after a lost answer nobody knows them.
        if known is None:
            doc = self._http.call("GET", batch.message_url(ref), params={"$select": "id,internetMessageHeaders"}).doc
            known = tuple(convert.headers_from(doc.get("internetMessageHeaders") if isinstance(doc, dict) else None))
            with self._lock:
                self._server_headers[ref.id] = known
        return known

    def _recreate(self, draft: Draft) -> Draft:
        """Graph sets internetMessageHeaders only when a message is created ("Add custom headers only when
        creating a message", message resource): a saved draft whose headers changed is created anew (every
        field, every file, the same Message-ID), then the old one is deleted. Created first, deleted after: a
        failure in between leaves a second copy in Drafts, never none."""
        old = draft.ref
        atts = self._with_contents(old, draft.attachments)
        new = self._create(draft.copy(ref=None, attachments=atts), superseded=old.id)
        try:
            batch.delete(self._http, [old], to_trash=False)  # a superseded copy, not the user's deletion
        except MailError as exc:
            log.warning("graph: the draft's old copy could not be deleted after its headers changed (%s)",
                        type(exc).__name__)
        self._forget(old.id)
        return new

    def _with_contents(self, ref: ItemRef, atts) -> list:
        """``atts`` with their bytes (fetched from the old draft for those saved without them) and no ids."""
        if any(a.attachment_id and not a.content for a in atts):
            held = {a.attachment_id: a.content for a in attachments.server_files(self._http, ref, content=True)}
        else:
            held = {}
        return [replace(a, attachment_id="", content=a.content or held.get(a.attachment_id, b"")) for a in atts]

    def _known_attachments(self, ref: ItemRef) -> set[str]:
        with self._lock:
            known = self._server_attachments.get(ref.id)
        if known is not None:
            return set(known)
        # Not saved by this process (a restart, another client) or the last save broke half-way: ask.
        ids = {a.attachment_id for a in attachments.server_files(self._http, ref)}
        self._remember(ref.id, ids)
        return ids

    # ------------------------------------------------------------------ send / delete
    def send_drafts(self, refs: list[ItemRef], *, save_copy: bool = True) -> list[ItemOutcome]:
        if not save_copy:
            # Graph's send of a saved draft always keeps a copy in Sent Items (saveToSentItems is sendMail's
            # only); the core never asks for no copy. Refused before anything is sent.
            raise ServerFault("ErrorNotSupported", translate("MailErrors", "Sending a saved draft without a copy in "
                                                             "Sent Items is not available over Microsoft Graph."))
        return self._call(batch.send, self._http, list(refs))

    def send_mime(self, mime: bytes) -> None:
        """``POST /me/sendMail`` with the MIME in base64 as ``text/plain`` (Microsoft's "send a message in MIME
        format"); Graph keeps a copy in Sent Items and reads the recipients, Bcc included, from the bytes."""
        body = base64.b64encode(bytes(mime))
        self._call(self._http.call, "POST", "/me/sendMail", content=body, headers={"Content-Type": "text/plain"})

    def delete_items(self, refs: list[ItemRef], *, to_trash: bool = True) -> list[ItemOutcome]:
        outcomes = self._call(batch.delete, self._http, list(refs), to_trash=to_trash)
        for o in outcomes:
            if o.ok and o.ref is not None:
                self._forget(o.ref.id)
        return outcomes

    # ------------------------------------------------------------------ read
    def list_messages(self, folder: Folder, offset: int, limit: int) -> Page:
        def run():
            offset_, want = max(0, int(offset)), max(1, int(limit))
            order = ",".join(f"{_ORDER_FIELDS[k]} desc" for k in list_order(folder))
            params = {"$select": convert.LIST_SELECT, "$orderby": order,
                      "$top": str(min(want, _MAX_TOP)), "$skip": str(offset_), "$count": "true"}
            doc = self._http.call("GET", f"/me/mailFolders/{Folder(folder).value}/messages", params=params).doc
            total = doc.get("@odata.count") if isinstance(doc, dict) else None
            rows = [convert.summary_from(d, self.time_zone) for d in convert.values(doc)]
            link = doc.get("@odata.nextLink")
            while isinstance(link, str) and len(rows) < want:  # a server page smaller than asked
                doc = self._http.call("GET", link).doc
                rows.extend(convert.summary_from(d, self.time_zone) for d in convert.values(doc))
                link = doc.get("@odata.nextLink")
            rows = rows[:want]
            if not isinstance(total, int) or isinstance(total, bool):
                total = offset_ + len(rows) + (1 if isinstance(link, str) else 0)
            total = max(total, offset_ + len(rows))
            return Page(items=rows, offset=offset_, total=total, includes_last=offset_ + len(rows) >= total)

        return self._call(run)

    def get_message(self, ref: ItemRef) -> Draft:
        def run():
            doc = self._http.call("GET", batch.message_url(ref), params=convert.READ_PARAMS).doc
            current = convert.ref_of(doc)
            files = attachments.server_files(self._http, current, content=True)
            self._remember(current.id, {a.attachment_id for a in files}, doc.get("internetMessageId") or "")
            draft = convert.draft_from(doc, files, self.time_zone, self.email, self.principals)
            with self._lock:
                self._server_headers[current.id] = tuple(draft.headers)
            return draft

        return self._call(run)

    # ------------------------------------------------------------------ names / lookup
    def resolve_names(self, text: str) -> list[Recipient]:
        text = (text or "").strip()
        if not text:
            return []

        def run():
            search = '"' + text.replace('"', "") + '"'
            doc = self._http.call("GET", "/me/people", params={
                "$search": search, "$top": "25", "$select": "displayName,scoredEmailAddresses"}).doc
            out, seen = [], set()
            for person in convert.values(doc):
                if not isinstance(person, dict):
                    raise MalformedResponse("A person in the answer is not an object")
                name = person.get("displayName") if isinstance(person.get("displayName"), str) else ""
                for scored in person.get("scoredEmailAddresses") or []:
                    address = scored.get("address") if isinstance(scored, dict) else None
                    if isinstance(address, str) and address and address.lower() not in seen:
                        seen.add(address.lower())
                        out.append(Recipient(email=address, name=name if name.lower() != address.lower() else ""))
            return out

        return self._call(run)

    def search_directory(self, text: str, *, limit: int = DIRECTORY_PAGE_SIZE, page: str = "") -> DirectoryPage:
        """/me/people, then /users and /groups with $search (app/mail/graph/directory.py)."""
        text = (text or "").strip()
        if page:
            directory.decode_search(self._http, page)  # a page this backend did not write: ValueError, at once
        if not text:
            return DirectoryPage()
        return self._call(directory.search, self._directory, text, limit=limit, page=page)

    def group_members(self, group: DirectoryEntry, *, limit: int = DIRECTORY_PAGE_SIZE, page: str = "") -> DirectoryPage:
        """/groups/{id}/members, its next links followed page by page (app/mail/graph/directory.py)."""
        if page:
            directory.check_link(self._http, page, "/groups/")  # ValueError, before the network
        return self._call(directory.members, self._directory, group, limit=limit, page=page)

    def find_by_message_ids(self, mids: list[str]) -> dict[str, dict[Folder, list[ItemRef]]]:
        """Every look-up in ONE $batch (up to 20 inner requests: Drafts, Sent Items and the Outbox, where a message
        Exchange keeps to send later waits; 15 Message-IDs each)."""
        mids = list(dict.fromkeys(m for m in mids if m))
        out = {m: {Folder.DRAFTS: [], Folder.SENT: [], Folder.OUTBOX: []} for m in mids}
        if not mids:
            return out

        def run():
            queries = []
            for folder in (Folder.DRAFTS, Folder.SENT, Folder.OUTBOX):
                for start in range(0, len(mids), MIDS_PER_FILTER):
                    part = mids[start: start + MIDS_PER_FILTER]
                    flt = " or ".join(f"internetMessageId eq {_odata_string(m)}" for m in part)
                    url = (f"/me/mailFolders/{folder.value}/messages?$filter={quote(flt, safe='')}"
                           f"&$select=id,changeKey,internetMessageId&$top=100")
                    queries.append((folder, url))
            pending = list(queries)
            while pending:
                chunk, pending = pending[: batch.MAX_REQUESTS], pending[batch.MAX_REQUESTS:]
                # an Outbox message by its regular id, which names nothing once Exchange has sent it (scheduled.py)
                answers = batch.run(self._http, [batch.request("GET", url, immutable_ids=folder != Folder.OUTBOX)
                                                 for folder, url in chunk])
                for (folder, _), answer in zip(chunk, answers):
                    err = answer.error()
                    if err is not None:
                        raise err
                    self._collect(folder, answer.body, out)
            return out

        return self._call(run)

    def _collect(self, folder: Folder, doc, out: dict) -> None:
        while True:
            for d in convert.values(doc):
                mid = d.get("internetMessageId") if isinstance(d, dict) else None
                if mid in out:
                    out[mid][folder].append(convert.ref_of(d))
            link = doc.get("@odata.nextLink")
            if not isinstance(link, str):
                return
            doc = self._http.call("GET", link, immutable_ids=folder != Folder.OUTBOX).doc

    # ------------------------------------------------------------------ Send later kept on the server
    def list_scheduled(self, limit: int = 200) -> list[Scheduled]:
        """``/me/mailFolders/outbox/messages``, its pages followed up to ``limit`` (app/mail/graph/scheduled.py)."""
        return self._call(scheduled.find, self._http, limit=limit)

    def take_back(self, ref: ItemRef) -> ItemRef:
        """``move`` to Drafts, then the deferral undone by a PATCH (app/mail/graph/scheduled.py)."""
        moved = self._call(scheduled.take_back, self._http, ref)
        self._forget(ref.id)
        return moved

    # ------------------------------------------------------------------ reports
    def find_reports(self, since: _dt.datetime, *, limit: int = 200,
                     page_size: int = REPORT_PAGE_SIZE) -> list[ReportItem]:
        """The Inbox's reports by the server's $filter on the item class (app/mail/graph/reports.py)."""
        return self._call(reports.find, self._http, since, limit=limit, page_size=page_size)

    def report_mime(self, ref: ItemRef) -> bytes:
        """``/$value``, streamed and cut at MAX_REPORT_BYTES."""
        return self._call(reports.mime, self._http, ref)

    def account_changed(self, account) -> None:
        """The list of mailboxes it sends from as changed (the right a reopened draft's ``from`` has)."""
        self.principals = tuple(getattr(account, "principals", None) or ())

    def close(self) -> None:
        self._http.close()
        self._directory.close()
