"""EwsMailService: the MailService contract on top of exchangelib 5.6.

Request budget per flow (bench/bench_requests.py measures it):
- connect with a cached build: 1 (GetFolder drafts); without: + the version probe
- first Drafts page: FindItem (+ GetFolder drafts if connect() did not run); + 1 GetFolder (the folder's
  TotalCount) when the page comes back full, so the folder may hold more
- save a new draft with attachments: 1 (CreateItem SaveOnly, attachments inline)
- save again: 1 UpdateItem (+ 1 CreateAttachment / DeleteAttachment when attachments changed)
- send saved drafts: 1 SendItem for up to 100 drafts (per mailbox they live in)
- the messages kept in the own Outbox (Send later on the server): 1 FindItem + 1 GetItem (their To); a take-back:
  1 MoveItem + 1 UpdateItem (the deferral deleted)
- reports in the Inbox since a time: 1 FindItem a page (a restriction on ItemClass and DateTimeReceived); a
  report's MIME: 1 GetItem
- an account that sends for principals (AccountConfig.principals): + 1 GetFolder per principal once
  (may it open the principal's Drafts?); Drafts / Sent Items pages and settle look-ups: + 1 FindItem per such
  principal; sending a draft this service did not save or read: + 1 GetItem (its From tells its mailbox)
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from datetime import datetime, timezone

from exchangelib.attachments import AttachmentId, FileAttachment
from exchangelib.errors import EWSError, ErrorBatchProcessingStopped, ErrorNameResolutionNoResults
from exchangelib.fields import FieldOrder, FieldPath
from exchangelib.folders import SHALLOW, DeletedItems, Drafts, Inbox, Outbox, Root, SentItems
from exchangelib.items import ID_ONLY, Message
from exchangelib.properties import Mailbox
from exchangelib.restriction import Q, Restriction
from exchangelib.services import CreateAttachment, DeleteAttachment, FindItem, GetAttachment, GetFolder, GetItem

from app.domain.account import AccountConfig
from app.domain.directory import DirectoryEntry, DirectoryPage
from app.domain.models import Draft, Folder, ItemOutcome, ItemRef, Page, Recipient, new_message_id
from app.domain.validation import DEFAULT_MAX_SEND_BYTES
from app.mail.chunks import outcomes_of
from app.mail.errors import EwsBlocked, ItemFailed, MailError, MalformedResponse, OutcomeUnknown
from app.mail.ews import batch, convert, directory, mime_send, reports, scheduled
from app.mail.ews.connection import DEFAULT_TIMEOUT, EwsConnection
from app.mail.ews.errors import code_and_text, kind_for_code, map_error
from app.mail.service import (DIRECTORY_PAGE_SIZE, REPORT_PAGE_SIZE, MailService, ReportItem, Scheduled, ServerInfo,
                              list_order)

# app.mail.service.list_order's keys -> exchangelib's field names
_ORDER_FIELDS = {"sent": "datetime_sent", "created": "datetime_created"}

log = logging.getLogger(__name__)


_FOLDER_CLASSES = {
    Folder.DRAFTS: Drafts,
    Folder.SENT: SentItems,
    Folder.INBOX: Inbox,
    Folder.OUTBOX: Outbox,
    Folder.DELETED: DeletedItems,
}


# a principal's folder the account may not open (no Full Access, no such mailbox, no such folder)
_NOT_OPENABLE = ("ErrorAccessDenied", "ErrorNonExistentMailbox", "ErrorFolderNotFound")


_OLDEST = datetime.min.replace(tzinfo=timezone.utc)


def _order_key(folder: Folder):
    """The sort key of a listed item, by the folder's list order (app.mail.service.list_order)."""
    names = [_ORDER_FIELDS[k] for k in list_order(folder)]
    return lambda item: tuple(getattr(item, n, None) or _OLDEST for n in names)


def _one_per_message(items: list) -> tuple[list, int]:
    """(``items`` with one item per Internet Message-ID, the first kept; how many were dropped). A message sent
    from a principal can have two copies the account sees: its own in Sent Items and the one Exchange keeps in the
    principal's when its administrator says so (MessageCopyForSentAsEnabled / MessageCopyForSendOnBehalfEnabled):
    the merged Sent list shows it once. The account's own mailbox is listed first, so its copy is the one kept."""
    seen: set[str] = set()
    out = []
    for item in items:
        mid = getattr(item, "message_id", None) or ""
        if mid and mid in seen:
            continue
        seen.add(mid)
        out.append(item)
    return out, len(items) - len(out)


def _code_of(exc: BaseException) -> str:
    return exc.code if isinstance(exc, MailError) else code_and_text(exc)[0]


def _fields(names):
    return {FieldPath(field=Message.get_field_by_fieldname(n)) for n in names}


def _raise_if_error(result):
    if isinstance(result, BaseException):
        code, text = code_and_text(result)
        raise ItemFailed(code, text, kind=kind_for_code(code))
    return result


def _attachment_contents(acct, file_atts) -> dict[str, bytes]:
    """The contents of a message's file attachments, by attachment id: one GetAttachment for all, then the
    ones a server stopped (ResponseClass Warning, ErrorBatchProcessingStopped: "subsequent items could not be
    processed", ResponseMessage reference; the sandbox's answer budget, app/sandbox/ews/budget.py) asked
    again, until a request serves none (then that warning is the message's error)."""
    contents: dict[str, bytes] = {}
    left = list(file_atts)
    while left:
        fetched = list(GetAttachment(account=acct).call(
            items=[a.attachment_id for a in left], include_mime_content=False, body_type=None,
            filter_html_content=None, additional_fields=None))
        if len(fetched) != len(left):  # an attachment unanswered would read back empty: never
            raise MalformedResponse(f"The server answered {len(fetched)} of {len(left)} attachments")
        stopped = []
        for fa, res in zip(left, fetched):
            if isinstance(res, ErrorBatchProcessingStopped):
                stopped.append((fa, res))
                continue
            _raise_if_error(res)
            contents[fa.attachment_id.id] = res.content or b""  # came with the answer: no further I/O
        if len(stopped) == len(left):
            _raise_if_error(stopped[0][1])
        left = [fa for fa, _ in stopped]
    return contents


class EwsMailService(MailService):
    """One mailbox over EWS. Thread-safe for the calls MailClient makes from its worker pool."""

    def __init__(self, account: AccountConfig, password: str, *, timeout: float = DEFAULT_TIMEOUT):
        self.email = account.email
        self.settings = account
        self._conn = EwsConnection(account, password, timeout=timeout)
        self._lock = threading.Lock()
        self._roots: dict = {}  # mailbox ("" own) -> its Root
        self._folders: dict = {}  # (Folder, mailbox) -> the folder
        # Attachment ids the server holds per item id, as of our last save/read (to reconcile removals).
        # item id -> its attachments' ids: a tuple of str, which the cyclic GC stops tracking (a set per saved
        # draft was 5,000 more objects each full collection scanned after a mail merge)
        self._server_attachments: dict[str, tuple[str, ...]] = {}
        self._server_mids: dict[str, str] = {}  # item id -> Internet Message-ID (set at creation, read-only)
        # item id -> its custom headers as of our last save/read (an update deletes the ones no longer there)
        self._server_headers: dict[str, tuple[tuple[str, str], ...]] = {}
        # item id -> the mailbox it lives in: "" for the account's own, else a principal's address (a
        # draft from a principal is saved in the principal's Drafts and its copy goes to its Sent Items)
        self._server_boxes: dict[str, str] = {}
        self._accounts: dict[str, object] = {}  # principal's address -> its exchangelib Account (no I/O)
        self._openable: dict[str, bool] = {}  # principal's address -> whether this account opens its folders

    def account_changed(self, account: AccountConfig) -> None:
        """The list of mailboxes it sends from (and where their copies go) as changed; read at each use."""
        self.settings = account

    # ------------------------------------------------------------------ plumbing
    @property
    def account(self):
        """The exchangelib Account (for the bench's baseline and tests; app code never needs it)."""
        return self._conn.account

    def _call(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except EwsBlocked as exc:
            if exc.address:
                raise
            raise EwsBlocked(self.email, exc.reason) from exc  # mapped where the address was not known
        except MailError:
            raise
        except Exception as exc:  # noqa: BLE001 - every failure becomes a MailError
            raise map_error(exc, self._conn.endpoint, self.email) from exc

    def _box(self, draft: Draft) -> str:
        """The mailbox a draft lives in, and so where its sent copy goes: the account's own ("") by
        default, as Outlook does; its principal's (address, lower-case) when the account's settings say "keep
        the copy in its Sent Items" for that mailbox and this account may open its folders (Full Access).

        SendItem saves the copy by moving the draft, which it cannot do across mailboxes, silently (SendItem's
        reference page, "Remarks": a principal's draft with its copy to the delegate's own Sent Items stays in
        the principal's Drafts; a delegate's own draft with its copy to the principal's Sent Items leaves no copy
        anywhere). So the draft lives where its copy is to go: own Drafts -> own Sent Items; the principal's
        Drafts -> its Sent Items, named WITH its Mailbox."""
        return self._home_for(draft.principal.email if draft.principal is not None else "")

    def _home_for(self, address: str) -> str:
        """The mailbox a draft from ``address`` lives in (see :meth:`_box`)."""
        box = (address or "").strip().lower()
        keep = any(p.keep_copy and p.email.strip().lower() == box for p in self.settings.principals)
        return self._box_for(box) if keep else ""

    def _box_for(self, address: str) -> str:
        """``address``'s mailbox when this account opens its folders (Full Access), else "" (its own)."""
        box = (address or "").strip().lower()
        return box if box and box != self.email.lower() and self._opens(box) else ""

    def _opens(self, box: str) -> bool:
        """Whether this account opens principal ``box``'s Drafts: asked once per service (one GetFolder)."""
        with self._lock:
            known = self._openable.get(box)
        if known is None:
            drafts = self._folder(Folder.DRAFTS, box)
            try:
                type(drafts).resolve(account=self._account_of(box), folder=drafts)
                known = True
            except Exception as exc:  # noqa: BLE001 - a refusal is an answer; anything else is raised
                if _code_of(exc) not in _NOT_OPENABLE:
                    raise
                known = False
            with self._lock:
                self._openable[box] = known
        return known

    def _account_of(self, box: str):
        """The exchangelib Account whose folders are ``box``'s ("" = the account's own)."""
        if not box:
            return self._conn.account
        with self._lock:
            acct = self._accounts.get(box)
            if acct is None:
                acct = self._accounts[box] = self._conn.account_for(box)
        return acct

    def _folder(self, folder: Folder, box: str = ""):
        """A folder addressed by its distinguished id (drafts, sentitems...), in the account's own mailbox or
        in principal ``box``'s (its DistinguishedFolderId names that Mailbox). No I/O: ``account.drafts``
        would cost a GetFolder for root plus one for the folder before the first listing. A folder made with
        neither id gets, from its public ``to_id()``, its class's DISTINGUISHED_FOLDER_ID in the account's
        mailbox, which it keeps: asked for here, once, so the folder is the same (equal, same hash) before and
        after a request names it (exchangelib keys a FindItem's paging by the folder)."""
        folder = Folder(folder)
        acct = self._account_of(box)
        with self._lock:
            f = self._folders.get((folder, box))
            if f is None:
                root = self._roots.get(box)
                if root is None:
                    root = self._roots[box] = Root(account=acct)
                    root.to_id()
                f = self._folders[(folder, box)] = _FOLDER_CLASSES[folder](root=root)
                f.to_id()
        return f

    # ------------------------------------------------------------------ connect
    def connect(self) -> ServerInfo:
        def run():
            drafts = self._folder(Folder.DRAFTS)
            # ONE GetFolder (after the version probe when no build is cached)
            type(drafts).resolve(account=self._conn.account, folder=drafts)
            return ServerInfo(
                build=self._conn.build,
                version_name=self._conn.version_name,
                max_send_bytes=DEFAULT_MAX_SEND_BYTES,
                auth_used=self._conn.auth_used,
                signed_in_as=self._conn.signed_in_as,
            )

        return self._call(run)

    # ------------------------------------------------------------------ save
    def save_draft(self, draft: Draft) -> Draft:
        if draft.ref is None:
            return self._call(self._create, draft)
        try:
            return self._call(self._update, draft)
        except MailError:
            # Whatever happened half-way (a CreateAttachment whose answer was lost...), the next save must
            # start from the server's state, not from our cache.
            with self._lock:
                self._server_attachments.pop(draft.ref.id, None)
            raise

    def _create(self, draft: Draft) -> Draft:
        mid = draft.internet_message_id or new_message_id()
        draft = draft.copy(internet_message_id=mid)
        box = self._box(draft)
        # a principal's draft: in its Drafts, by an Account of its mailbox (exchangelib wants the folder's own)
        msg = convert.new_message(self._account_of(box), self._folder(Folder.DRAFTS, box), draft)
        try:
            msg.save()  # CreateItem SaveOnly into Drafts, attachments in the same request
        except Exception as exc:  # noqa: BLE001
            err = map_error(exc, self._conn.endpoint, self.email)
            if isinstance(err, (OutcomeUnknown, MalformedResponse)):
                found = self._adopt_after_unknown_create(draft)
                if found is not None:
                    return found
            raise err from exc
        atts = [
            replace(a, attachment_id=fa.attachment_id.id if fa.attachment_id else "", size=len(a.content or b""))
            for a, fa in zip(draft.attachments, msg.attachments)
        ]
        self._remember(msg.id, {a.attachment_id for a in atts if a.attachment_id}, mid, draft.headers, box)
        return replace(draft, ref=ItemRef(msg.id, msg.changekey or ""), attachments=atts)

    def _adopt_after_unknown_create(self, draft: Draft) -> Draft | None:
        """The CreateItem may have happened: find it by Message-ID instead of creating a duplicate."""
        try:
            refs = [r for _, r in self._find_in(Folder.DRAFTS, [draft.internet_message_id], self._box(draft))]
        except Exception:  # noqa: BLE001
            return None
        if len(refs) != 1:
            return None
        server = self._read(refs[0], with_content=False)
        by_name = {}
        for a in server.attachments:
            by_name.setdefault(a.name, []).append(a.attachment_id)
        atts = [replace(a, attachment_id=(by_name.get(a.name) or [""]).pop(0)) for a in draft.attachments]
        return replace(draft, ref=server.ref, attachments=atts)

    def _update(self, draft: Draft) -> Draft:
        acct = self._conn.account
        ref = draft.ref
        server_atts, fresh_ck = self._known_attachments(ref)
        box = self._box(draft)
        with self._lock:
            was = self._server_boxes.get(ref.id, "")
        if was != box:
            return self._move_to_box(draft)
        if not draft.internet_message_id:
            with self._lock:
                mid = self._server_mids.get(ref.id, "")
            draft = replace(draft, internet_message_id=mid)
        if not ref.change_key:  # e.g. after a lost reply: save over the server's current version
            ref = ItemRef(ref.id, fresh_ck) if fresh_ck else self._current_ref(ref)
        with self._lock:
            old_headers = self._server_headers.get(ref.id, ())
        msg, fields = convert.existing_message(self._account_of(box), self._folder(Folder.DRAFTS, box),
                                               draft.copy(ref=ref), old_headers)
        msg.save(update_fields=fields)  # UpdateItem with SetItemField/DeleteItemField for each
        changekey = msg.changekey
        keep = {a.attachment_id for a in draft.attachments if a.attachment_id}
        removed = sorted(server_atts - keep)
        if removed:
            results = list(DeleteAttachment(account=acct).call(items=[AttachmentId(id=i) for i in removed]))
            for res in results:
                _raise_if_error(res)
                if getattr(res, "changekey", None):
                    changekey = res.changekey
        attachments = list(draft.attachments)
        new = [(i, a) for i, a in enumerate(attachments) if not a.attachment_id]
        if new:
            parent = Message(account=acct, id=msg.id, changekey=changekey)
            created = list(
                CreateAttachment(account=acct).call(parent_item=parent, items=[convert.file_attachment(a) for _, a in new])
            )
            if len(created) != len(new):
                raise MalformedResponse(f"{len(created)} attachment ids for {len(new)} attachments")
            for (i, a), res in zip(new, created):
                _raise_if_error(res)
                att_id = res.attachment_id
                attachments[i] = replace(a, attachment_id=att_id.id, size=len(a.content or b""))
                if att_id.root_changekey:
                    changekey = att_id.root_changekey
        self._remember(msg.id, {a.attachment_id for a in attachments if a.attachment_id}, draft.internet_message_id,
                       draft.headers)
        return replace(draft, ref=ItemRef(msg.id, changekey or ""), attachments=attachments)

    def _move_to_box(self, draft: Draft) -> Draft:
        """A saved draft whose From changed to another mailbox: EWS cannot move an item across mailboxes
        (ErrorCrossMailboxMoveCopy), so it is created anew in the new From's Drafts (same Message-ID, its
        attachments with it), then the old one is deleted (a failure there is logged: the new draft stands)."""
        old = draft.ref
        fresh = self._create(draft.copy(ref=None, attachments=[replace(a, attachment_id="") for a in draft.attachments]))
        gone = batch.delete_items(self._conn.account, [old], to_trash=False, endpoint=self._conn.endpoint)
        if not gone[0].ok:
            log.warning("the draft's copy in its former mailbox could not be deleted (%s)", gone[0].code)
        with self._lock:
            for cache in (self._server_attachments, self._server_mids, self._server_headers, self._server_boxes):
                cache.pop(old.id, None)
        return fresh

    def _remember(self, item_id: str, att_ids: set[str], mid: str = "", headers=None, box: str | None = None) -> None:
        with self._lock:
            self._server_attachments[item_id] = tuple(att_ids)
            if mid:
                self._server_mids[item_id] = mid
            if headers is not None:
                self._server_headers[item_id] = tuple(headers)
            if box is not None:
                self._server_boxes[item_id] = box

    def _known_attachments(self, ref: ItemRef) -> tuple[set[str], str]:
        """(attachment ids on the server, the current ChangeKey if we had to ask: else '')."""
        with self._lock:
            known = self._server_attachments.get(ref.id)
        if known is not None:
            return set(known), ""
        # Not saved by this process (e.g. restored from the journal), or the last save broke half-way:
        # one GetItem tells.
        item = self._get_items([ref], ["attachments", "message_id", convert.extended.HEADER_LIST, "author"])[0]
        # Only file attachments: the composer does not show attached items (forwarded mails), so it
        # must never delete them either.
        ids = {a.attachment_id.id for a in (item.attachments or []) if a.attachment_id and isinstance(a, FileAttachment)}
        self._remember(ref.id, ids, item.message_id or "", convert.extended.headers_of(item), self._box_of(item))
        return ids, item.changekey or ""

    def _box_of(self, item) -> str:
        """The mailbox of a draft read with its From ("author"), by the rule :meth:`_box` saved it with."""
        p = convert.principal_from(item.author, self.email)
        return self._home_for(p.email) if p is not None else ""

    def _current_ref(self, ref: ItemRef) -> ItemRef:
        item = self._get_items([ref], ["subject"])[0]
        return ItemRef(item.id, item.changekey or "")

    def _get_items(self, refs: list[ItemRef], field_names):
        acct = self._conn.account
        res = list(
            GetItem(account=acct).call(items=[(r.id, None) for r in refs], additional_fields=_fields(field_names), shape=ID_ONLY)
        )
        return [_raise_if_error(r) for r in res]

    # ------------------------------------------------------------------ send / delete
    def send_drafts(self, refs: list[ItemRef], *, save_copy: bool = True) -> list[ItemOutcome]:
        """One SendItem per mailbox the drafts live in (:meth:`_box`), the copy to that mailbox's Sent Items: the
        account's own "sentitems" (no Mailbox), or a principal's WITH its Mailbox (SendItem's reference page:
        without it, the copy silently stays in the principal's Drafts; a copy across mailboxes is silently
        lost)."""
        return self._call(self._send, list(refs), save_copy)

    def _send(self, refs: list[ItemRef], save_copy: bool) -> list[ItemOutcome]:
        """SendItem chunks per mailbox, under the one rule of app/mail/chunks.py (every item gets an outcome;
        raised only when no request got an answer); the outcomes in the order of ``refs``."""
        boxes = self._boxes_of(refs)
        places = [[i for i, b in enumerate(boxes) if b == box] for box in dict.fromkeys(boxes)]
        places = [idx[s : s + batch.SEND_CHUNK] for idx in places for s in range(0, len(idx), batch.SEND_CHUNK)]
        box_of = {id(refs[i]): boxes[i] for i in range(len(refs))}

        def run_chunk(chunk: list[ItemRef]) -> list[ItemOutcome]:
            sent = self._folder(Folder.SENT, box_of[id(chunk[0])]) if save_copy else None
            return batch.send_items(self._conn.account, chunk, sent_folder=sent, endpoint=self._conn.endpoint)

        outcomes = outcomes_of([[refs[i] for i in idx] for idx in places], run_chunk)
        by_place = dict(zip((i for idx in places for i in idx), outcomes))
        return [by_place[i] for i in range(len(refs))]

    def _boxes_of(self, refs: list[ItemRef]) -> list[str]:
        """The mailbox of each draft: as saved or read by this service; else, when the account sends for
        principals at all, one GetItem of their From (a draft restored from the journal after a restart)."""
        with self._lock:
            boxes = [self._server_boxes.get(r.id) for r in refs]
        unknown = [r for r, b in zip(refs, boxes) if b is None]
        if unknown and self.settings.principals:
            res = GetItem(account=self._conn.account).call(items=[(r.id, None) for r in unknown],
                                                           additional_fields=_fields(["author"]), shape=ID_ONLY)
            found = {r.id: self._box_of(item) for r, item in zip(unknown, res) if not isinstance(item, BaseException)}
            boxes = [found.get(r.id, "") if b is None else b for r, b in zip(refs, boxes)]
        return [b or "" for b in boxes]

    def send_mime(self, mime: bytes) -> None:
        """ONE CreateItem (SendAndSaveCopy into Sent Items) whose only field is MimeContent: the server reads
        every field, Bcc included, from the bytes (app/mail/ews/mime_send.py)."""
        self._call(mime_send.send, self._conn.account, bytes(mime), sent_folder=self._folder(Folder.SENT))

    def delete_items(self, refs: list[ItemRef], *, to_trash: bool = True) -> list[ItemOutcome]:
        outcomes = self._call(
            batch.delete_items, self._conn.account, list(refs), to_trash=to_trash, endpoint=self._conn.endpoint
        )
        with self._lock:
            for o in outcomes:
                if o.ok and o.ref is not None:
                    self._server_attachments.pop(o.ref.id, None)
        return outcomes

    # ------------------------------------------------------------------ read
    def list_messages(self, folder: Folder, offset: int, limit: int) -> Page:
        """One FindItem page; Drafts and Sent Items of an account that sends for principals it opens also list
        theirs (where its drafts from them and their copies are), merged newest first: one FindItem per
        mailbox, each of the first ``offset + limit`` items. A mailbox whose FindItem came back full may hold
        more: its folder's TotalCount says how many (:meth:`_totals`, one GetFolder for all such mailboxes)."""
        def run():
            offset_, limit_ = max(0, int(offset)), max(1, int(limit))
            boxes = self._principal_boxes() if Folder(folder) in (Folder.DRAFTS, Folder.SENT) else [""]
            if len(boxes) == 1:
                items = self._find_page(folder, "", offset_, limit_)
                total = self._totals(folder, {"": offset_ + len(items)}, full=[""] if len(items) >= limit_ else [])[""]
                rows = [convert.summary_from(i) for i in items]
                return Page(items=rows, offset=offset, total=total, includes_last=offset_ + len(rows) >= total)
            pages = {box: self._find_page(folder, box, 0, offset_ + limit_) for box in boxes}
            full = [box for box, items in pages.items() if len(items) >= offset_ + limit_]
            totals = self._totals(folder, {box: len(items) for box, items in pages.items()}, full=full)
            merged = sorted((i for items in pages.values() for i in items), key=_order_key(folder), reverse=True)
            merged, twins = _one_per_message(merged)
            rows = [convert.summary_from(i) for i in merged[offset_ : offset_ + limit_]]
            total = max(sum(totals.values()) - twins, offset + len(rows))
            return Page(items=rows, offset=offset, total=total, includes_last=offset_ + len(rows) >= total)

        return self._call(run)

    def _find_page(self, folder: Folder, box: str, offset: int, limit: int) -> list:
        """The items of one FindItem page of ``box``'s folder: ``limit`` from ``offset``, in the list order,
        each with its ID and the list's fields (convert.LIST_FIELDS)."""
        order = [FieldOrder(field_path=FieldPath(field=Message.get_field_by_fieldname(_ORDER_FIELDS[k])), reverse=True)
                 for k in list_order(folder)]
        items = self._find_items(self._folder(folder, box), convert.LIST_FIELDS, order=order, limit=limit,
                                 offset=offset)
        return [_raise_if_error(i) for i in items]

    def _find_items(self, folder, fields, *, restriction=None, order=None, limit: int | None = None,
                    offset: int = 0):
        """exchangelib's FindItem on one folder (shallow, IDs and ``fields``): the items from ``offset``, at most
        ``limit`` (None: all, a page of 100 at a time)."""
        return FindItem(account=self._conn.account, page_size=limit or 100).call(
            folders=[folder], additional_fields=_fields(fields), restriction=restriction, order_fields=order,
            shape=ID_ONLY, query_string=None, depth=SHALLOW, calendar_view=None, max_items=limit, offset=offset)

    def _totals(self, folder: Folder, seen: dict[str, int], *, full: list[str]) -> dict[str, int]:
        """How many items each mailbox's folder holds: ``seen`` (the items up to the end of its page) where its
        page came back short, so the page was its last; where it came back full (the mailboxes ``full``), the
        folder's TotalCount ("the total count of items within a given folder", Microsoft's TotalCount
        reference), in ONE GetFolder for them all. exchangelib keeps FindItem's TotalItemsInView to itself; an
        unrestricted Shallow FindItem's view is the folder's items, so the two counts agree."""
        if not full:
            return dict(seen)
        cls = _FOLDER_CLASSES[Folder(folder)]
        found = GetFolder(account=self._conn.account).call(
            folders=[self._folder(folder, box) for box in full],
            additional_fields={FieldPath(field=cls.get_field_by_fieldname("total_count"))},
            shape=ID_ONLY,
        )
        counts = {box: _raise_if_error(f).total_count or 0 for box, f in zip(full, found)}
        return {box: max(n, counts.get(box, n)) for box, n in seen.items()}

    def get_message(self, ref: ItemRef) -> Draft:
        return self._call(self._read, ref, True)

    def _read(self, ref: ItemRef, with_content: bool = True) -> Draft:
        acct = self._conn.account
        msg = self._get_items([ref], convert.READ_FIELDS)[0]
        file_atts = [a for a in (msg.attachments or []) if a.attachment_id is not None and isinstance(a, FileAttachment)]
        contents = _attachment_contents(acct, file_atts) if with_content and file_atts else {}
        atts = [
            convert.attachment_from(fa, contents.get(fa.attachment_id.id, b"") if with_content else b"") for fa in file_atts
        ]
        draft = convert.draft_from_message(msg, atts, own=self.email, principals=self.settings.principals)
        self._remember(msg.id, {a.attachment_id for a in atts if a.attachment_id}, msg.message_id or "", draft.headers,
                       self._box(draft))
        return draft

    # ------------------------------------------------------------------ names / lookup
    def resolve_names(self, text: str) -> list[Recipient]:
        text = (text or "").strip()
        if not text:
            return []

        def run():
            acct = self._conn.account
            _ = acct.version  # resolve_names as the very first call with no version crashes otherwise
            out, seen = [], set()
            for res in acct.protocol.resolve_names([text]):
                if isinstance(res, ErrorNameResolutionNoResults):
                    continue
                if isinstance(res, EWSError):
                    code, msg = code_and_text(res)
                    raise ItemFailed(code, msg, kind=kind_for_code(code))
                mb = res[0] if isinstance(res, tuple) else res
                if isinstance(mb, Mailbox) and mb.email_address and mb.email_address.lower() not in seen:
                    seen.add(mb.email_address.lower())
                    out.append(Recipient(email=mb.email_address, name=mb.name or ""))
            return out

        return self._call(run)

    def search_directory(self, text: str, *, limit: int = DIRECTORY_PAGE_SIZE, page: str = "") -> DirectoryPage:
        """ResolveNames with contact data, cut into pages here (app/mail/ews/directory.py)."""
        text = (text or "").strip()
        directory.offset_of(page)  # a page this backend did not write: ValueError, before the network
        if not text:
            return DirectoryPage()
        return self._call(directory.search, self._conn.account, text, limit=limit, page=page)

    def group_members(self, group: DirectoryEntry, *, limit: int = DIRECTORY_PAGE_SIZE, page: str = "") -> DirectoryPage:
        """ExpandDL, one level, cut into pages here (app/mail/ews/directory.py)."""
        directory.offset_of(page)
        return self._call(directory.members, self._conn.account, group, limit=limit, page=page)

    def find_by_message_ids(self, mids: list[str]) -> dict[str, dict[Folder, list[ItemRef]]]:
        """Many lookups in three FindItems (Drafts, Sent Items, the own Outbox: a message Exchange keeps to send
        later), restriction = OR of IsEqualTo; and two more per principal the account sends for (a principal's
        draft and its copy live in the principal's folders; a message waits in the Outbox of the mailbox that sent
        it, the account's own)."""
        mids = list(dict.fromkeys(m for m in mids if m))
        out = {m: {Folder.DRAFTS: [], Folder.SENT: [], Folder.OUTBOX: []} for m in mids}

        def run():
            for box in self._principal_boxes():
                for folder in (Folder.DRAFTS, Folder.SENT, *((Folder.OUTBOX,) if not box else ())):
                    for start in range(0, len(mids), 50):
                        for mid, ref in self._find_in(folder, mids[start : start + 50], box):
                            if mid in out:
                                out[mid][folder].append(ref)
            return out

        return self._call(run) if mids else out

    def _principal_boxes(self) -> list[str]:
        """"" (the account's own mailbox) and each configured principal's that this account opens (a draft from
        one it does not open was saved, and its copy kept, in the account's own folders)."""
        return ["", *dict.fromkeys(b for b in (self._box_for(p.email) for p in self.settings.principals) if b)]

    def _find_in(self, folder: Folder, mids: list[str], box: str = "") -> list[tuple[str, ItemRef]]:
        f = self._folder(folder, box)
        q = Q(message_id=mids[0]) if len(mids) == 1 else Q(message_id__in=list(mids))
        restriction = Restriction(q, folders=[f], applies_to=Restriction.ITEMS)
        res = self._find_items(f, ["message_id"], restriction=restriction)
        return [(item.message_id or "", ItemRef(item.id, item.changekey or "")) for item in map(_raise_if_error, res)]

    # ------------------------------------------------------------------ Send later kept on the server
    def list_scheduled(self, limit: int = 200) -> list[Scheduled]:
        """The own Outbox: one FindItem, one GetItem (app/mail/ews/scheduled.py)."""
        return self._call(scheduled.find, self._conn.account, self._folder(Folder.OUTBOX), limit=limit,
                          check=_raise_if_error)

    def take_back(self, ref: ItemRef) -> ItemRef:
        """MoveItem to the own Drafts, then UpdateItem DeleteItemField of the deferral (app/mail/ews/scheduled.py)."""
        moved = self._call(scheduled.take_back, self._conn.account, ref, self._folder(Folder.DRAFTS),
                           check=_raise_if_error)
        with self._lock:  # the Outbox id names nothing now; the copy in Drafts is the account's own
            for cache in (self._server_attachments, self._server_mids, self._server_headers, self._server_boxes):
                cache.pop(ref.id, None)
            self._server_boxes[moved.id] = ""
        return moved

    # ------------------------------------------------------------------ reports
    def find_reports(self, since: datetime, *, limit: int = 200, page_size: int = REPORT_PAGE_SIZE) -> list[ReportItem]:
        """The account's own Inbox: one restricted FindItem a page (app/mail/ews/reports.py)."""
        return self._call(reports.find, self._conn.account, self._folder(Folder.INBOX), since, limit=limit,
                          page_size=page_size, check=_raise_if_error)

    def report_mime(self, ref: ItemRef) -> bytes:
        """One GetItem of the report's MimeContent, cut at MAX_REPORT_BYTES."""
        return self._call(reports.mime, self._conn.account, ref, check=_raise_if_error)

    def close(self) -> None:
        self._conn.close()
