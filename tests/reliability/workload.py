"""The fault-injection workload shared by tests/reliability/test_faults.py and bench/bench_reliability.py.

Real parts only: the sandbox server over HTTP, exchangelib through EwsMailService (``backend="ews"``) or
httpx through GraphMailService (``backend="graph"``: the sandbox's Microsoft Graph, tokens minted by its
sign-in authority), MailClient, the Outbox (the one send path: app.core.outbox / attempts / submission)
and a journal file. Faults are
injected periodically through the sandbox's fault API while N saves and N sends run; afterwards the
mailboxes and the journal are audited, and the faults that fired are counted per kind.

Post-commit faults (the server did the work, the client never learns it) are the ones that can cause
duplicates: ``drop_after_commit``, ``http_500_after_commit``, ``truncated_after_commit``,
``garbage_after_commit`` and ``delay`` (an answer later than the client's timeout).

Over Graph the same fault kinds are injected on the Graph operations doing the same work (GRAPH_OPS), in
a direct request or as a request inside a ``$batch`` (the Outbox sends a queue of drafts in one):
``garbage_xml`` is an HTML page where JSON belongs, ``server_busy`` an HTTP 429 with Retry-After, ``http_401``
an expired token (the client refreshes it once and repeats the request). A Graph send answers 202 and the
sandbox delivers it later (``graph_send_delay``): the audit starts once its outbox is idle.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections import Counter
from dataclasses import dataclass, field, replace

from app.core.accounts.mailclient import MailClient
from app.core.outbox import Outbox
from app.core.outbox.policy import RetryPolicy
from app.domain.account import AccountConfig
from app.domain.models import Attachment, Draft, Recipient
from app.storage.journal import Journal

ALICE, BOB, CAROL = "alice@example.com", "bob@example.com", "carol@example.com"
BACKENDS = ("ews", "graph")
#: EWS operation -> the Graph operation doing the same (fault injection names), as tests/mail/conftest.py
GRAPH_OPS = {"CreateItem": "CreateMessage", "UpdateItem": "UpdateMessage", "SendItem": "SendMessage"}
#: seconds a Graph service asks the core to wait before it settles a lost send (the sandbox delivers 0.3 s
#: after its 202)
GRAPH_SETTLE = 1.0

# fault name -> (the sandbox's fault kind, operations it is injected on, sandbox params)
FAULTS: dict[str, tuple[str, tuple[str, ...], dict]] = {
    "drop_before_commit": ("drop_before_commit", ("CreateItem", "UpdateItem", "SendItem"), {}),
    "drop_after_commit": ("drop_after_commit", ("CreateItem", "UpdateItem", "SendItem"), {}),
    "http_500_html": ("http_500_html", ("CreateItem", "UpdateItem", "SendItem"), {}),
    "http_500_after_commit": ("http_500_html", ("CreateItem", "UpdateItem", "SendItem"), {"commit": True}),
    "truncated_after_commit": ("truncated", ("CreateItem", "UpdateItem", "SendItem"), {"commit": True}),
    "garbage_after_commit": ("garbage_xml", ("CreateItem", "UpdateItem", "SendItem"), {"commit": True}),
    "http_503": ("http_503", ("CreateItem", "SendItem"), {"retry_after": 0.2}),
    "server_busy": ("server_busy", ("CreateItem", "SendItem"), {"backoff_ms": 150}),
    "http_401": ("http_401", ("CreateItem", "SendItem"), {}),
    "delay": ("delay", ("CreateItem", "SendItem"), {"seconds": 1.6}),
}
#: faults after which the server HAS done the work although the client saw a failure
POST_COMMIT = ("drop_after_commit", "http_500_after_commit", "truncated_after_commit", "garbage_after_commit",
               "delay")
CLIENT_TIMEOUT = 3.0  # seconds
DELAY_TIMEOUT = 1.0  # the client timeout in the "delay" run: the sandbox answers after 1.6 s, past it
EVERY = {"delay": 10}  # a fault every N operations (default 5); each late answer costs ~2 s
# settle_delay > delay - timeout: a timed-out request still commits on the server before we look it up
TEST_POLICY = RetryPolicy(max_attempts=8, base=0.05, factor=2.0, cap=0.4, jitter=0.0, settle_delay=0.2,
                          settle_lookups=4)


@dataclass
class Report:
    fault: str
    saves: int = 0
    sends: int = 0
    faults_injected: int = 0
    faults_fired: int = 0  # of the injected kind, as the sandbox recorded them
    path: str = "queue"  # "queue" (Outbox.submit) or "window" (the window's Ctrl+Return code path)
    backend: str = "ews"  # "ews" or "graph"
    lost: int = 0
    duplicates: int = 0
    failed_rows: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    requests: int = 0
    lookups: int = 0
    auth_waits: int = 0
    in_batch: int = 0  # Graph: faults that took effect on a request inside a $batch (sends of a queue)


class BatchFires:
    """Counts the faults that take effect on a request inside a Graph ``$batch``: the sandbox serves each inner
    request through the same code as a direct one (app/sandbox/graph/batch.py -> endpoint.execute), so a
    fault there is recorded by the same ``FaultInjector.fire``; this wraps it (on this sandbox object only)
    and looks whether the batch's code is on the serving thread's stack."""

    BATCH = ("graph", "batch.py")

    def __init__(self, sb):
        self.sb, self.n = sb, 0
        self._fire = sb.faults.fire
        sb.faults.fire = self._on_fire

    def _on_fire(self, operation, fault):
        f = sys._getframe(1)
        while f is not None:
            parts = f.f_code.co_filename.replace("\\", "/").split("/")
            if tuple(parts[-2:]) == self.BATCH and "sandbox" in parts:
                self.n += 1
                break
            f = f.f_back
        return self._fire(operation, fault)

    def close(self) -> None:
        self.sb.faults.__dict__.pop("fire", None)


def user(sb, email: str) -> dict:
    return next(a for a in sb.accounts if a["email"] == email)


def make_service(url: str, sb_user: dict, timeout: float = CLIENT_TIMEOUT):
    from app.mail.ews import EwsMailService

    acct = AccountConfig(email=sb_user["email"], ews_url=url, username=sb_user.get("username") or sb_user["email"])
    return EwsMailService(acct, sb_user["password"], timeout=timeout)


def make_graph_service(sb, email: str, timeout: float = CLIENT_TIMEOUT, settle: float = GRAPH_SETTLE):
    """GraphMailService for ``email`` on ``sb`` (made with graph=True), tokens minted by its authority (this
    workload is not about signing in: tests/graph and the kill soak sign in through MSAL)."""
    from app.mail.graph import GraphMailService

    def tokens(force_refresh: bool) -> str:
        return sb.authority.access_token_for(email)

    return GraphMailService(email, sb.graph_url, tokens, timeout=timeout, send_settle_seconds=settle)


def op_name(backend: str, ews_op: str) -> str:
    """The operation to inject a fault on, for the backend at hand."""
    return ews_op if backend == "ews" else GRAPH_OPS[ews_op]


def wait_delivered(sb, timeout: float = 30.0) -> bool:
    """Until the sandbox delivered every send it accepted (Graph answers 202 first and delivers after
    ``graph_send_delay``; EWS delivers before it answers, so its outbox is always idle)."""
    return sb.outbox.wait_idle(timeout)


def draft(tag: str, i: int, *, send: bool) -> Draft:
    atts = [Attachment(f"note-{i}.txt", f"attachment {tag} {i}\n".encode() * 20, "text/plain")] if i % 3 == 0 else []
    return Draft(
        to=[Recipient(BOB, "Bob")],
        cc=[Recipient(CAROL)] if send and i % 2 == 0 else [],
        subject=f"{'send' if send else 'save'} {tag} #{i}",
        body=f"Body of {tag} {i}.\n" * 3,
        attachments=atts,
    )


def subjects(sb, email: str, folder: str) -> Counter:
    return Counter(it.get("subject") for it in sb.mailbox(email).items(folder))


async def run_workload(
    get_sb,
    journal: Journal,
    fault: str,
    *,
    n_saves: int = 100,
    n_sends: int = 100,
    every: int | None = None,
    batch: int = 10,
    between_batches=None,
    policy: RetryPolicy = TEST_POLICY,
    timeout: float | None = None,
    outbox: Outbox | None = None,
    send=None,
    backend: str = "ews",
) -> Report:
    """``get_sb()`` returns the current sandbox (the restart test swaps it). ``fault`` is a FAULTS key or
    "restart" (``between_batches`` then does the restarting). ``outbox``/``send``: run the sends through
    another path (the window's: ``send(draft)`` awaits its Ctrl+Return code path) on that path's queue.
    ``backend``: "ews" or "graph" (the sandbox must then serve Graph: ``Sandbox(graph=True)``)."""
    rep = Report(fault, path="window" if send is not None else "queue", backend=backend)
    t0 = time.monotonic()
    every = every or EVERY.get(fault, 5)
    timeout = timeout or (DELAY_TIMEOUT if fault == "delay" else CLIENT_TIMEOUT)
    sb = get_sb()
    svc = (make_graph_service(sb, ALICE, timeout) if backend == "graph"
           else make_service(sb.ews_url, user(sb, ALICE), timeout))
    client = MailClient(lambda: svc, workers=2)

    async def reauth() -> bool:  # the UI's non-modal prompt, answered at once
        await asyncio.sleep(0.02)  # workload pacing, not a wait for anything: the user's moment at the prompt
        return True

    kind, ops, params = FAULTS.get(fault, ("", (), {}))
    if "seconds" in params:  # a late answer still commits: look up only after it must have landed
        policy = replace(policy, settle_delay=max(policy.settle_delay, params["seconds"] - timeout + 0.5))
    ob = outbox or Outbox(client, journal, policy=policy, reauth=reauth)
    ob.parts.policy = policy
    send = send or ob.submit
    fired_before = len(sb.faults.fired)
    batch_fires = BatchFires(sb)
    k = 0

    def maybe_inject(i: int, want: tuple[str, ...]) -> None:
        nonlocal k
        if fault in FAULTS and i % every == 0:
            candidates = [o for o in ops if o in want] or list(ops)
            get_sb().faults.inject(op_name(backend, candidates[k % len(candidates)]), kind, count=1, **params)
            rep.faults_injected += 1
            k += 1

    try:
        # ---- saves: one at a time, as a user would; every 4th is edited and saved again
        saves: list[Draft] = []
        for i in range(n_saves):
            d = draft(fault, i, send=False)
            maybe_inject(i, ("CreateItem",))
            job = await ob.save(d)
            saves.append(d)
            if i % 4 == 1:
                if i % 8 == 1 and job.saved is not None:  # the editor adopts the saved copy (the UI does)
                    saves[-1] = d = job.saved.copy()
                d.body += "edited after the first save\n"
                maybe_inject(i + 1, ("UpdateItem", "CreateItem"))
                await ob.save(d)
            rep.saves += 1
            if between_batches and i % batch == batch - 1:
                await between_batches()
        await ob.waits.drain(240)
        # ---- sends: batches of `batch`, a fault every `every` messages
        sends: list[Draft] = []
        for b in range(0, n_sends, batch):
            on_wire = len(get_sb().request_log)
            for i in range(b, min(b + batch, n_sends)):
                d = draft(fault, i, send=True)
                # over Graph the injection in mid-batch is a send's: the drafts queued behind the first one
                # of the batch go out together in one $batch, and the fault takes effect inside it
                mid_batch_graph = backend == "graph" and i % batch
                maybe_inject(i, ("SendItem",) if mid_batch_graph else ("SendItem", "CreateItem"))
                sends.append(d)
                await send(d)
                rep.sends += 1
            if between_batches:
                # restart once the batch is on the wire: the server has received a request of it
                deadline = time.monotonic() + 10
                while len(get_sb().request_log) == on_wire and time.monotonic() < deadline:
                    await asyncio.sleep(0.005)
                await between_batches()
            await ob.waits.drain(240)
        await ob.waits.drain(240)
    finally:
        if outbox is None:
            await ob.stop()
        client.close()
        batch_fires.close()
        rep.in_batch = batch_fires.n
        sb = get_sb()
        if not wait_delivered(sb):
            rep.problems.append("the sandbox's outbox did not deliver within 30 s")
            rep.lost += 1
        rep.faults_fired = sum(1 for _op, fired in sb.faults.fired[fired_before:] if fired == kind)
        sb.faults.clear()

    for r in ob.rows():
        if r.state == "failed":
            rep.failed_rows += 1
            rep.problems.append(f"failed row {r.subject!r}: {r.text}")
    rep.lookups, rep.auth_waits, rep.requests = ob.parts.stats["lookups"], ob.parts.stats["auth_waits"], ob.parts.stats["attempts"]
    audit(get_sb(), journal, saves, sends, rep)
    rep.seconds = time.monotonic() - t0
    return rep


def audit(sb, journal: Journal, saves: list[Draft], sends: list[Draft], rep: Report) -> None:
    """Every saved draft exactly once (server XOR journal); every sent message exactly once in Sent
    Items and once in each recipient's Inbox; no leftovers."""
    in_journal = Counter(e.draft.subject for e in journal.entries())
    drafts = subjects(sb, ALICE, "drafts")
    sent = subjects(sb, ALICE, "sentitems")
    inbox = {BOB: subjects(sb, BOB, "inbox"), CAROL: subjects(sb, CAROL, "inbox")}
    server_bodies = {it.get("subject"): it.get("body") for it in sb.mailbox(ALICE).items("drafts")}
    for d in saves:
        n = drafts[d.subject] + in_journal[d.subject]
        if n == 0:
            rep.lost += 1
            rep.problems.append(f"lost draft {d.subject!r}")
        elif n > 1:
            rep.duplicates += n - 1
            rep.problems.append(f"draft {d.subject!r} {drafts[d.subject]}x on server, {in_journal[d.subject]}x in journal")
        elif drafts[d.subject] == 1 and "edited" in d.body:
            body = server_bodies.get(d.subject) or ""
            if "edited after the first save" not in str(body):
                rep.lost += 1
                rep.problems.append(f"edit of {d.subject!r} lost on the server")
    for d in sends:
        places = [("Sent Items", sent[d.subject])] + [
            (f"{r.email} Inbox", inbox[r.email][d.subject]) for r in d.all_recipients()
        ]
        pending = in_journal[d.subject]
        for where, n in places:
            if n > 1:
                rep.duplicates += n - 1
                rep.problems.append(f"{d.subject!r} {n}x in {where}")
            elif n == 0 and not pending:
                rep.lost += 1
                rep.problems.append(f"{d.subject!r} missing from {where} and not in the journal")
        if drafts[d.subject]:
            rep.duplicates += drafts[d.subject]
            rep.problems.append(f"sent message {d.subject!r} also left {drafts[d.subject]}x in Drafts")
