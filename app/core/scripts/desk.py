"""What a ``dispatch-mail`` command asks of an account's queue, answered by the process that drives it. No Qt.

The same desk answers a command handed over through the account's door (the window, or another command:
:mod:`app.core.scripts.door_server`) and a command that drives the queue itself (app/command/queue.py): one way in,
whoever runs it. It takes typed requests only (:mod:`app.core.scripts.door_protocol`): the command parsed its command
line and read its files (app/command/send_args.py); ``send``'s options are made into its message here
(:mod:`app.core.scripts.send_options`); nothing here reads a command line or opens a file of the command's.

- :class:`Submit` (``send`` and ``sendmail``: one lane): its sender checked against the mailboxes the account
  sends from, then handed to the Outbox through :class:`app.core.sending.request.Sending` (one send request for every
  face), journaled before anything is said. A message whose own Message-ID is already queued is that message
  (followed, or retried when it had failed); one already sent is not sent again (:meth:`Sending.already_sent`).
- Then followed until it is sent, refused, or ``--wait`` ends; the outcome in the Outbox's own words and a
  ``sysexits.h`` code (:func:`exit_code`).
- :class:`ListQueue`: the queue in words; :class:`Retry` / :class:`Cancel` act on one entry as the Outbox view's
  buttons do.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import replace
from datetime import datetime
from typing import Callable

from app.core.delivery.outbox_news import failure_line, recent_failures, standing_in, with_news
from app.core.sending import domain_check
from app.core.scripts import exits as sc
from app.core.scheduled.held import kept_id, with_kept
from app.core.scripts import directory_check, scheduled_rows, send_options
from app.core.scripts.door_protocol import (SET_UP_WINDOW_ROUTE, WINDOW_ROUTE, Cancel, ListQueue, Open, Reply, Request, Retry, Submit,
                                            default_wait)
from app.core.outbox import NotCancellable, holds
from app.core.outbox.rows import OutboxRow
from app.core.sending.request import Answers, Result, Sending
from app.core.outbox.submission import SubState, Submission
from app.domain.account import AccountConfig, Backend
from app.domain.events import OutboxChanged
from app.domain.mime_edits import from_header, own_from
from app.domain.models import Draft, ErrorKind, Recipient
from app.domain.senders import Principal
from app.domain.validation import human_size, printable
from app.mail.errors import WRONG_AUTH_METHOD, ExtendedProtectionMismatch, MailError, NoKerberosTicket

log = logging.getLogger(__name__)

# a script cannot answer "Send anyway?" (no subject, an attachment mentioned): what it asked for is sent
SCRIPT_ANSWERS = Answers(send_anyway=True)
# refused by the server because of the message itself (sysexits: the data is bad), else a refusal (permission)
_BAD_MESSAGE = (ErrorKind.INVALID_INPUT, ErrorKind.TOO_LARGE)
# a send given up on without the server refusing it (not reached, busy, or not known to have gone): try later
_NOT_REFUSED = (ErrorKind.OUTCOME_UNKNOWN, ErrorKind.UNREACHABLE, ErrorKind.TRANSIENT, ErrorKind.THROTTLED)
NOT_AGAIN = "do not send it again: it goes out by itself"
# a refused sign-in that no password helps: its error code -> what makes the next command go through
_SIGN_IN_FIXES = {
    WRONG_AUTH_METHOD: "once the account signs in by the server's offer (dispatch-mail account add --auth "
                       "automatic, or Automatic in Dispatch's account settings)",
    NoKerberosTicket.CODE: "once you hold a Kerberos ticket",
    ExtendedProtectionMismatch.CODE: "once the server's Extended Protection matches its certificate",
}


def exit_code(sub: Submission | None, *, waited_enough: bool) -> int:
    """The ``sysexits.h`` code of a followed message: 0 sent (or queued, when the command asked not to wait),
    65/77 refused by the server (the message / anything else), 69 taken out of the queue by the user, 75 not
    sent yet (it waits in the Outbox: offline, busy, a sign-in, a later time; or given up on without a refusal:
    not reached, busy, or not known to have gone)."""
    if sub is None or sub.state in (SubState.CANCELLED, SubState.DELETING):
        return sc.EX_UNAVAILABLE
    if sub.state == SubState.SENT:
        return sc.EX_OK
    if sub.state == SubState.FAILED and sub.kind not in _NOT_REFUSED:
        return sc.EX_DATAERR if sub.kind in _BAD_MESSAGE else sc.EX_NOPERM
    return sc.EX_OK if waited_enough else sc.EX_TEMPFAIL


class ScriptDesk:
    """Answers commands for the account whose ``outbox`` this process drives. ``configured()`` gives the account
    set up in the settings now (a command without ``--account`` means it); ``principals`` the mailboxes the
    account sends from; ``now`` the wall clock Send later's words are read against; ``taken_back(draft)`` is given a
    message ``outbox cancel`` took out (a window shows it again; with none, the journal keeps it as a draft for the
    window's next start); ``opener(link)``: a window's, which comes forward and opens a link a second start gave
    (:class:`Open`); ``handed_over(local_id)`` is told of each message a command put in the queue (the window
    says when it is sent); ``password_from``: where this process's Exchange password came from, in words ("the
    environment variable PW"; "": said no more precisely), for when the server refuses it."""

    def __init__(self, outbox, account: AccountConfig, *, configured: Callable[[], AccountConfig | None],
                 principals: Callable[[], list[Principal]] = list, now: Callable[[], datetime] = datetime.now,
                 sending: Sending | None = None, taken_back: Callable[[Draft], None] | None = None,
                 password_from: str = "", opener: Callable[[str], None] | None = None,
                 handed_over: Callable[[str], None] = lambda _local_id: None, delivery=None, scheduled=None):
        self.outbox, self.account = outbox, account
        # what the server keeps for a time (app.core.scheduled.held): ``outbox`` lists it, ``cancel`` takes one back
        self.scheduled = scheduled
        # the account's delivery watch (app.core.delivery.watch): ``outbox`` lists what its book says (None: nothing)
        self.delivery = delivery
        self.opener = opener  # a window's: comes forward and opens a link (None: a command's desk, no window)
        self.handed_over = handed_over  # told the local id of each message a request put in (or found in) the queue
        self.password_from = password_from
        self.taken_back = taken_back  # a message taken out of the Outbox goes back to its writer (the window's)
        self.configured, self.principals, self.now = configured, principals, now
        self.sending = sending if sending is not None else Sending()

    # ------------------------------------------------------------------ whose command
    def is_mine(self, account: str) -> bool:
        """Whether a request for ``account`` (its ``--account``; "": the account set up; :data:`SET_UP_WINDOW_ROUTE`:
        a start of the window, for a window showing the account set up; :data:`WINDOW_ROUTE`: a start of the window,
        whatever account it shows) is this desk's."""
        if account in (SET_UP_WINDOW_ROUTE, WINDOW_ROUTE):
            return self.opener is not None and (account == WINDOW_ROUTE or self._is_set_up())
        wanted = account.strip()
        if wanted:
            return wanted.lower() == self.account.email.strip().lower()
        return self._is_set_up()

    def _is_set_up(self) -> bool:
        """Whether this desk's account is the one set up (the default account)."""
        configured = self.configured()
        return configured is not None and configured.key == self.account.key

    def too_large(self, size: int) -> Reply | None:
        """A message sent as it is larger than the server takes, refused by its announced size (65, as the command
        refuses it: app/command/send_args.py) before the door reads a byte of it."""
        limit = self.limit()
        if size <= limit:
            return None
        return Reply(sc.EX_DATAERR, err=f"The message on standard input is larger than {human_size(limit)}, the most "
                                        "the server accepts per message. Nothing was sent.\n")

    def limit(self) -> int:
        """The most bytes a message may have: the server's limit (the command reads its files against it)."""
        return self.outbox.limits.max_send_bytes

    # ------------------------------------------------------------------ a request
    async def answer(self, request: Request, recorded: Callable[[str], None] = lambda _id: None) -> Reply:
        try:
            if isinstance(request, Submit):
                return await self.submit(request, lambda local_id: (self.handed_over(local_id), recorded(local_id)))
            if isinstance(request, ListQueue):
                return await self._listed(request.json)
            if isinstance(request, Open):
                return self._open(request.link)
            if isinstance(request, Cancel) and request.id.strip().startswith("s") and self.scheduled is not None:
                return await self._take_back(request.id, request.json)
            row = _one_row(self.outbox.rows(), request.id)
            if isinstance(request, Retry):
                return await self._retry(row, request.json)
            if isinstance(request, Cancel):
                return await self._cancel(row, request.json)
            raise sc.CommandError(sc.EX_USAGE, "dispatch-mail: a request this Dispatch does not know.")
        except sc.CommandError as exc:
            return _refused(exc)

    async def _listed(self, as_json: bool) -> Reply:
        """The queue, each sent row with its delivery news, and the failures of the last days: read from the
        account's delivery book on disk (what the window or ``status`` last read; no network)."""
        rows = self.outbox.rows()
        kept, unread = await self._kept()
        if self.delivery is None:
            return _listed(rows, [], as_json, kept, unread, self._gone())
        watch = self.delivery
        book = await asyncio.to_thread(watch.store.load, watch.account)
        subjects = {r.message_id: r.subject for r in rows if r.message_id}
        return _listed(with_news(rows, standing_in(book)), recent_failures(book, watch.now(), subjects), as_json,
                       kept, unread, self._gone())

    def _gone(self) -> set[str]:
        return self.scheduled.gone if self.scheduled is not None else set()

    async def _kept(self) -> tuple[tuple, str]:
        """The server's copies kept for a time, read now, and why they could not be ("": read)."""
        if self.scheduled is None:
            return (), ""
        wait = default_wait()
        try:  # within the command's wait: a server that never answers does not hold the listing
            return await asyncio.wait_for(self.scheduled.refresh(), wait), ""
        except asyncio.TimeoutError:
            return (), f"The server's Outbox could not be read: no answer within {wait:g} s."
        except Exception as exc:  # noqa: BLE001 - the queue is listed all the same, and why the rest is not said
            return (), f"The server's Outbox could not be read: {_why(exc)}."

    async def _take_back(self, wanted: str, as_json: bool) -> Reply:
        """``outbox cancel ID`` of a server copy: moved back to Drafts, its time removed (never sent), or where it
        went when Exchange (or another computer) was first."""
        try:
            await asyncio.wait_for(self.scheduled.refresh(), default_wait())
            item = _one(self.scheduled.matching(wanted), wanted)
            out = await asyncio.wait_for(self.scheduled.take_back(item), default_wait())
        except asyncio.TimeoutError:
            return Reply(sc.EX_TEMPFAIL, err="Not taken back: the server did not answer in time. Run `dispatch-mail "
                                             "outbox` to see where it is.\n")
        except MailError as exc:
            return Reply(sc.EX_TEMPFAIL, err=f"Not taken back: {_why(exc)}. Nothing changed.\n")
        sid = kept_id(item)
        if not out.done:
            return _say(sc.EX_TEMPFAIL, as_json, {"id": sid, "result": "not taken back", "text": str(out.words)},
                        ended(str(out.words)))
        return _say(sc.EX_OK, as_json, {"id": sid, "result": "taken back"},
                    "Taken back: it is in Drafts, not sent, its time removed.")

    def _open(self, link: str) -> Reply:
        """A second start of the window: this window opens ``link`` (0), or, behind a command's door, nothing
        (69: the start opens its own window, which waits for the queue)."""
        if self.opener is None:
            return Reply(sc.EX_UNAVAILABLE, err="No window has this account open.\n")
        self.opener(link)
        return Reply(sc.EX_OK)

    def _principal(self, sender: Recipient | None, option: str) -> Principal | None:
        """The mailbox ``--from`` / ``-f`` names: None for the account's own, else one it sends from (65 when not:
        :meth:`app.core.sending.request.Sending.sender`)."""
        if sender is None:
            return None
        may = self.sending.sender(sender.email, self.account.email, self.principals())
        if not may.allowed:
            raise sc.CommandError(sc.EX_DATAERR, f"{option}: {printable(sender.email)} is not a mailbox "
                                                 f"{self.account.email} sends from (add it in Dispatch: Account → "
                                                 "Mailboxes you send from). Nothing was sent.")
        return may.principal

    # ------------------------------------------------------------------ send
    async def submit(self, asked: Submit, recorded: Callable[[str], None]) -> Reply:
        """``send`` and ``sendmail`` alike: a message built from options (a draft) or one sent as it is, checked
        and handed to the Outbox, then followed. The whole answer, a look-up in Sent Items included, takes the
        command's wait at most (``--wait``, else :func:`app.core.scripts.door_protocol.default_wait`)."""
        ends = asyncio.get_running_loop().time() + (default_wait() if asked.wait is None else asked.wait)
        check = self._directory(ends)
        asked, said, known = await _names_resolved(check, asked)  # --to Carol: the directory's address first
        asked = send_options.made(asked, self.limit())  # send's options made into its message (read at the edge)
        principal = self._principal(asked.sender, "-f" if asked.mime is not None else "--from")
        await self._domains_exist([*asked.draft.all_recipients(), *asked.envelope])
        unchecked: list[str] = []
        checked = _addresses_checked(check, asked, known, unchecked)
        return _also_said(said, await self._send(asked, principal, recorded, ends, checked), unchecked)

    def _directory(self, ends: float) -> directory_check.DirectoryCheck:
        """This message's directory look-ups, through the account's own client, within the command's wait (but
        :data:`~app.core.scripts.directory_check.CHECK_FLOOR` seconds at least)."""
        patience = max(directory_check.CHECK_FLOOR, ends - asyncio.get_running_loop().time())
        domains = directory_check.org_domains(self.account.email, [*self.account.principals, *self.principals()])
        return directory_check.DirectoryCheck(directory_check.directory_of(self.outbox.parts.client), domains,
                                              patience)

    async def _send(self, asked: Submit, principal: Principal | None, recorded, ends: float, checked) -> Reply:
        """The message handed to the Outbox, ``checked()`` (the directory's check) awaited just before."""
        if asked.mime is None:
            draft = asked.draft if principal is None else asked.draft.copy(principal=principal)
            return await self._send_draft(draft, asked, recorded, ends, checked)
        if asked.local_sender:
            asked = self._own_from(asked)
        return await self._send_mime(asked, recorded, ends, checked)

    async def _domains_exist(self, people: list[Recipient]) -> None:
        """65 before anything is queued when the DNS says a recipient's domain does not exist (a typing mistake);
        a resolver that cannot be reached or is slow says nothing (app.core.sending.domain_check)."""
        found = await domain_check.missing_addresses(people, self.account)
        if found:
            raise sc.CommandError(sc.EX_DATAERR, domain_check.command_refusal(found))

    def _own_from(self, asked: Submit) -> Submit:
        """sendmail ``-f`` with a local user's name, as cron gives it (``-f root``, ``From: root (Cron Daemon)``):
        a From that is not a mailbox the account sends from would be refused by the server (Send As) at every
        run, so it is sent from the account's own address, its name kept, and the log says so."""
        name, address = from_header(asked.mime.raw)
        if address and self.sending.sender(address, self.account.email, self.principals()).allowed:
            return asked
        raw = own_from(asked.mime.raw, name or asked.full_name, self.account.email.strip())
        log.warning("sendmail -f with a local user name: the message's From is not a mailbox this account sends "
                    "from; it is sent from the account's own address")
        return asked.changed(mime=replace(asked.mime, raw=raw))

    async def _send_draft(self, draft: Draft, asked: Submit, recorded, ends: float, checked) -> Reply:
        await checked()
        hold = None
        if asked.later is not None:
            release = asked.later.timestamp()
            hold = lambda: holds.Hold(holds.LATER, release)  # noqa: E731 - Sending asks for it when handing over
        res = await self.sending.send_draft(self.outbox, lambda: draft, SCRIPT_ANSWERS, hold=hold,
                                            first_attempt=False)
        return await self._handed(res, asked, recorded, ends)

    async def _send_mime(self, asked: Submit, recorded, ends: float, checked) -> Reply:
        if not asked.mime.added_id:  # the sender's own Message-ID: the same message handed over again?
            known = await self._known(asked, recorded, ends)
            if known is not None:
                return known
        await checked()
        res = await self.sending.send_mime(self.outbox, asked.mime.raw, asked.draft)
        return await self._handed(res, asked, recorded, ends)

    async def _handed(self, res, asked: Submit, recorded, ends: float) -> Reply:
        """What became of a message handed to the Outbox: refused before it was queued, or followed."""
        if res.result == Result.INVALID:
            why = res.reason or (res.errors[0].message if res.errors else "it cannot be sent as it is")
            return Reply(sc.EX_DATAERR, err=f"Not sent: {why}\n")
        if res.result == Result.NOT_RECORDED:
            return _not_recorded(res.reason)
        recorded(res.sub.local_id)
        return await self._follow(res.sub, asked, ends)

    async def _known(self, asked: Submit, recorded, ends: float) -> Reply | None:
        """A message whose own Message-ID this account has seen: in the queue (followed; sent again only after it
        failed without going), sent (the journal remembers it, or Sent Items holds it), or None: a new message.
        When the server cannot be asked (unreachable, or no answer within the wait), it is queued all the same:
        a message sent as it is is looked up by its Message-ID in Sent Items before each try to send it
        (:meth:`app.core.outbox.attempts.Attempts.prepare`), so it never goes twice."""
        mid = asked.mime.message_id
        same = self._queued(mid)
        if same is not None and same.state != SubState.SENT:
            if same.state == SubState.FAILED and same.kind != ErrorKind.OUTCOME_UNKNOWN:
                # handed over again after it failed (refused, or given up on before it reached the server): the
                # user's retry; one that may have gone is never sent blindly (outbox retry is the user's word)
                await _written(self.outbox.hand.resubmit(same.local_id))
            recorded(same.local_id)
            return await self._follow(same, asked, ends)
        already = _say(sc.EX_OK, asked.json, {"result": "already sent", "message_id": mid},
                       f"Already sent (Message-ID {mid}): not sent again.")
        if same is not None:
            return already
        sent = await self.sending.already_sent(
            self.outbox.parts.client, mid, patience=max(0.0, ends - asyncio.get_running_loop().time()), dated=False,
            remembered=lambda: self.outbox.parts.write(self.outbox.parts.journal.was_sent, self.outbox.account, mid))
        # not known (the server not asked, or slow): queued all the same, and its try looks in Sent Items first
        return already if sent.copy is not None else None

    def _queued(self, message_id: str) -> Submission | None:
        for sub in self.outbox.queue.submissions():
            if sub.draft.internet_message_id == message_id and sub.state != SubState.CANCELLED:
                return sub
        return None

    # ------------------------------------------------------------------ following one message
    async def _follow(self, sub: Submission, asked: Submit, ends: float) -> Reply:
        """Until it is sent, refused or taken out, parked for a sign-in, or the wait (``ends``) is over."""
        later = sub.state == SubState.HELD and sub.hold_kind == holds.LATER
        if not (asked.wait == 0 or later):
            sub = await self._settled(sub, ends, at_once_offline=asked.wait is None)
        return self._outcome(sub, waited_enough=asked.wait == 0 or later, as_json=asked.json,
                             quiet=asked.quiet)

    async def _settled(self, sub: Submission, deadline: float, *, at_once_offline: bool) -> Submission | None:
        lid = sub.local_id
        changed = asyncio.Event()
        stop = self.outbox.news.subscribe(OutboxChanged, lambda _e: changed.set())
        loop = asyncio.get_running_loop()
        try:
            while True:
                now = self.outbox.queue.submission(lid)
                if now is None or now.final or now.state == SubState.HELD or self.outbox.queue.parked(now):
                    return now if now is not None else sub
                if at_once_offline and _unreachable(now) and self.outbox.queue.is_resting(now):
                    return now  # no --wait: the server cannot be reached now; it stays queued (75)
                left = deadline - loop.time()
                if left <= 0:
                    return now
                changed.clear()
                try:
                    await asyncio.wait_for(changed.wait(), left)
                except asyncio.TimeoutError:
                    return self.outbox.queue.submission(lid) or sub
        finally:
            stop()

    def _outcome(self, sub: Submission, *, waited_enough: bool, as_json: bool, quiet: bool) -> Reply:
        code = exit_code(sub, waited_enough=waited_enough)
        row = self._row(sub)
        words = row.text if row is not None else ""
        lid, mid = sub.local_id, sub.draft.internet_message_id
        if sub.state == SubState.SENT and sub.draft.send_at is not None:
            when = holds.clock_text(sub.draft.send_at.timestamp())
            result, text = "scheduled", "" if quiet else (f"Scheduled ({mid}): it goes at {when}. Exchange keeps it "
                                                          "in its Outbox until then, with this computer on or off.")
        elif sub.state == SubState.SENT:
            result, text = "sent", "" if quiet else f"Sent ({mid})."
        elif code == sc.EX_UNAVAILABLE:
            result, text = "taken out", "Not sent: it was taken out of the Outbox in Dispatch."
        elif sub.state == SubState.FAILED:  # refused, or not known to have gone: kept in the Outbox for the user
            said = words if words.startswith("Not sent") else f"Not sent: {words}"
            result = "refused" if code != sc.EX_TEMPFAIL else "not confirmed"
            text = (f"{said}. It stays in the Outbox ({lid}): dispatch-mail outbox retry {lid[:8]} sends it again, "
                    "cancel takes it out.")
        elif sub.state == SubState.HELD:
            result, text = "held", f"Queued ({lid}): {ended(words)}"
        elif code == sc.EX_OK:
            result, text = "queued", "" if quiet else f"Queued ({lid}): {ended(words)}"
        elif sub.kind == ErrorKind.AUTH and self.outbox.queue.parked(sub):  # the sign-in failed: nothing goes by itself
            code = sc.EX_NOPERM  # refused: the queue stops for this account until the user acts (77)
            result, text = "sign-in refused", self._refused_sign_in(sub)
        else:
            result, text = "waiting", (f"Not sent yet: {ended(words)} It waits in the Outbox ({lid}); {NOT_AGAIN} "
                                       "with the next dispatch-mail command or when Dispatch starts.")
        info = {"id": lid, "message_id": mid, "result": result, "state": sub.state.value, "text": words}
        if sub.draft.send_at is not None:
            info["send_at"] = sub.draft.send_at.isoformat()
        return _say(code, as_json, info, text)

    def _refused_sign_in(self, sub: Submission) -> str:
        """The server refused this process's password (or the Microsoft 365 sign-in is missing, or the sign-in
        method): the message waits, and goes out only once the sign-in is right."""
        lid = sub.local_id
        waits = f"It waits in the Outbox ({lid}); do not send it again:"
        how = _SIGN_IN_FIXES.get(sub.code)
        if how is not None:
            return f"Not sent yet: {ended(str(sub.reason))} {waits} it goes out with the next dispatch-mail command {how}."
        if self.account.backend == Backend.GRAPH:
            return (f"Not sent yet: {self.account.email} is not signed in to Microsoft 365. {waits} it goes out once "
                    "signed in (dispatch-mail sign-in --device-code, or in Dispatch).")
        given = f" (from {self.password_from})" if self.password_from else ""
        return (f"Not sent yet: the server refused the password for {self.account.email}{given}. {waits} it goes out "
                "with the next dispatch-mail command given the right password (dispatch-mail sign-in --password-env "
                "VAR keeps it in the system keyring), or when Dispatch is signed in.")

    def _row(self, sub: Submission) -> OutboxRow | None:
        return next((r for r in self.outbox.rows() if r.local_id == sub.local_id), None)

    # ------------------------------------------------------------------ outbox
    async def _retry(self, row: OutboxRow, as_json: bool) -> Reply:
        """A failed one is sent again, one waiting for its next try tries now (the Outbox view's Retry); one that
        is being tried, or waits for its time or a sign-in, is left as it is, and that is said (0: nothing is
        wrong with the message)."""
        if not row.can_retry:
            return _say(sc.EX_OK, as_json, {"id": row.local_id, "result": "not retried", "text": row.text},
                        f"{row.local_id[:8]} is not waiting for a retry: {ended(row.text)} Nothing to do.")
        failed = row.state == SubState.FAILED.value
        await _written(self.outbox.hand.resubmit(row.local_id))
        return _say(sc.EX_OK, as_json, {"id": row.local_id, "result": "retried"},
                    "Sending it again." if failed else "Trying it now.")

    async def _cancel(self, row: OutboxRow, as_json: bool) -> Reply:
        if not row.can_cancel:
            raise sc.CommandError(sc.EX_TEMPFAIL, f"{row.local_id[:8]} cannot be taken out now: {ended(row.text)}")
        try:
            back = await self.outbox.hand.cancel(row.local_id)
        except NotCancellable:
            return Reply(sc.EX_TEMPFAIL, err=f"{row.local_id[:8]} is being sent now: it can no longer be taken "
                                             "back.\n")
        if back is not None and self.taken_back is not None:
            self.taken_back(back)
        return _say(sc.EX_OK, as_json, {"id": row.local_id, "result": "taken out"}, _TAKEN_OUT)


_TAKEN_OUT = ("Taken out of the Outbox, not sent. A message written in Dispatch or given to dispatch-mail send is "
              "kept as a draft (in Compose or Drafts when Dispatch next shows it); a file sent as it is stays "
              "where it was.")


def ended(words: str) -> str:
    """``words`` as a sentence: a full stop added, unless they end with one or an ellipsis already."""
    return words if words.endswith((".", "…", "!", "?")) else f"{words}."


def _listed(rows: list[OutboxRow], failures: list[dict], as_json: bool, kept=(), unread: str = "",
            gone=frozenset()) -> Reply:
    rows = [r for r in with_kept(rows, kept, gone) if not r.kept]  # the queue's: its sent rows the server's copy says
    if as_json:
        items = [{"id": r.local_id, "op": r.op, "state": r.state, "text": r.text, "subject": r.subject,
                  "recipients": r.recipients, "can_retry": r.can_retry, "can_cancel": r.can_cancel,
                  "message_id": r.message_id, "delivery": r.delivery, "bounced": r.bounced} for r in rows]
        listed = {"entries": items + scheduled_rows.entries(kept), "failures": failures}
        if unread:
            listed["unread"] = unread
        return Reply(sc.EX_OK, out=json.dumps(listed, ensure_ascii=False) + "\n")
    lines = [f"{r.local_id[:8]}  {printable(r.subject, 60)} → {printable(r.recipients, 60)}\n          {r.text}"
             for r in rows] + scheduled_rows.lines(kept) or ["Nothing waits in the Outbox."]
    lines += [unread] if unread else []
    lines += [printable(failure_line(f), 400) for f in failures]
    return Reply(sc.EX_OK, out="\n".join(lines) + "\n")


def _one_row(rows: list[OutboxRow], wanted: str) -> OutboxRow:
    return _one([r for r in rows if r.local_id.startswith(wanted.strip())] if len(wanted.strip()) >= 4 else [], wanted)


def _why(exc: BaseException) -> str:
    return getattr(exc, "message", "") or type(exc).__name__


def _one(found: list, wanted: str):
    if not found:
        raise sc.CommandError(sc.EX_NOINPUT, f"Nothing in the Outbox has the ID {printable(wanted)} (at least its "
                                             "first 4 characters; `dispatch-mail outbox` lists them).")
    if len(found) > 1:
        raise sc.CommandError(sc.EX_USAGE, f"{printable(wanted)} is the start of {len(found)} IDs: give more of it.")
    return found[0]


async def _names_resolved(check: directory_check.DirectoryCheck, asked: Submit):
    """``asked`` with the names its options give (``--to Carol``) made the addresses the directory has for them;
    what each became, in words; and those addresses (known to the directory: not asked again)."""
    if asked.options is None:
        return asked, [], set()
    options, said, known = await check.names(asked.options)
    return asked.changed(options=options), said, known


def _addresses_checked(check: directory_check.DirectoryCheck, asked: Submit, known: set[str], unchecked: list[str]):
    """The directory's check of ``asked``'s addresses, awaited just before the message is queued (not for one
    already sent); ``unchecked`` takes the words saying the directory could not be asked. Nothing with
    ``--no-check``."""
    async def checked() -> None:
        if not asked.no_check:
            unchecked.extend(await check.addresses(_labelled(asked), known))
    return checked


def _labelled(asked: Submit) -> list[tuple[str, Recipient]]:
    """A message's recipients, each with the option that named it (``recipient`` for a message sent as it is)."""
    d = asked.draft
    if asked.mime is not None:
        return [("recipient", r) for r in [*d.all_recipients(), *asked.envelope]]
    return [*(("--to", r) for r in d.to), *(("--cc", r) for r in d.cc), *(("--bcc", r) for r in d.bcc)]


def _also_said(before: list[str], reply: Reply, after: list[str]) -> Reply:
    """``reply`` with ``before`` (what names became) and ``after`` (that the directory could not be asked) around
    its own words on stderr, on one line: cron mails it, and the words name no recipient but a name's."""
    if not before and not after:
        return reply
    return Reply(reply.exit, reply.out, " ".join([*before, *filter(None, [reply.err.strip()]), *after]) + "\n")


def _unreachable(sub: Submission) -> bool:
    """Its last try did not reach the server (offline, the name not found, the connection refused)."""
    return sub.kind == ErrorKind.UNREACHABLE


def _refused(exc: sc.CommandError) -> Reply:
    """A command that stops before anything is queued: its words on stderr (help, code 0, on stdout)."""
    text = str(exc) if str(exc).endswith("\n") else f"{exc}\n"
    return Reply(exc.exit_code, out=text) if exc.exit_code == sc.EX_OK else Reply(exc.exit_code, err=text)


async def _written(done) -> None:
    """Until a change the Outbox handed to the journal's thread is on disk (its future; None: nothing written)."""
    if done is not None:
        await asyncio.wrap_future(done)


def _not_recorded(reason: str) -> Reply:
    return Reply(sc.EX_UNAVAILABLE, err=f"Not sent: this computer could not record it ({reason}); nothing was "
                                        "queued.\n")


def _say(code: int, as_json: bool, info: dict, text: str) -> Reply:
    if as_json:
        return Reply(code, out=json.dumps(dict(info, exit=code), ensure_ascii=False) + "\n")
    if not text:
        return Reply(code)
    return Reply(code, out=text + "\n") if code == sc.EX_OK else Reply(code, err=text + "\n")
