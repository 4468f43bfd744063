"""A busy server never hangs the EWS connection (real exchangelib against the sandbox over HTTP).

exchangelib lowers its session pool on ErrorServerBusy, and on a connection that failed (it reads that as
a server too busy to answer), while holding the pool's lock; when every session was at work it grew the
pool under that same lock: the thread waited for itself for ever, and every request after it, and closing
the account, waited behind it (app/mail/ews/pool.py). Found by the walk with outages
(tests/ui/test_keyboard_monkey.py): the Drafts and Sent lists, saves and a send at once meeting a server
gone away. EWS only: the pool is exchangelib's."""

from __future__ import annotations

import threading

import pytest

from app.domain.models import Folder
from app.mail.errors import MailError

THREADS = 4  # the connection's pool maximum (connection.MAX_CONNECTIONS): every session at work at once
FAULTS = 300  # without the fix the threads hung after 5-45 busy replies (five runs)
PROGRESS = 10.0  # seconds without any request finishing: hung (a request here takes milliseconds)


def _unhang(pool) -> None:
    """Only when a test has failed: a thread hung waiting for the pool's lock it holds itself; the lock (a
    plain Lock, which any thread may release) is released for it, so that closing the account at teardown
    does not hang the whole run as well."""
    for _ in range(20):
        if pool._session_pool_lock.acquire(timeout=1.0):
            pool._session_pool_lock.release()
            return
        pool._session_pool_lock.release()


@pytest.mark.parametrize("kind", ["server_busy", "drop_before_commit"])
def test_four_requests_meeting_a_busy_or_gone_server_never_hang_the_connection(services, sandbox, kind):
    svc = services.ews()
    svc.list_messages(Folder.DRAFTS, 0, 10)
    pool = svc._conn.protocol
    finished = threading.Semaphore(0)
    stop = threading.Event()
    outcomes = {"failed": 0, "listed": 0}

    def work(i: int) -> None:
        while not stop.is_set():
            try:
                svc.list_messages(Folder.DRAFTS if i % 2 else Folder.SENT, 0, 10)
                outcomes["listed"] += 1
            except MailError:
                outcomes["failed"] += 1
            finished.release()

    threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(THREADS)]
    for t in threads:
        t.start()
    largest, hung = 0, ""
    try:
        while len(sandbox.faults.fired) < FAULTS and not hung:
            if not sandbox.faults.pending():
                sandbox.faults.inject("FindItem", kind, count=1, **({"backoff_ms": 0} if kind == "server_busy" else {}))
            largest = max(largest, pool.session_pool_size)
            if not finished.acquire(timeout=PROGRESS):
                hung = (f"no request finished for {PROGRESS:.0f} s after {len(sandbox.faults.fired)} faults: "
                        f"the connection hangs (pool size {pool.session_pool_size}, idle {pool._session_pool.qsize()})")
    finally:
        stop.set()
        if hung:
            _unhang(pool)
    assert not hung, hung
    for t in threads:
        t.join(timeout=PROGRESS)
    assert not any(t.is_alive() for t in threads), "every request ended"
    assert largest == THREADS, "all four sessions were at work at once"
    assert outcomes["failed"] >= FAULTS and outcomes["listed"] > 0  # each fault failed one; the others listed
    closing = threading.Thread(target=svc.close, daemon=True)  # close() takes the pool's lock
    closing.start()
    closing.join(timeout=PROGRESS)
    assert not closing.is_alive(), "the account closes"


def test_a_busy_server_lowers_the_pool_only_from_its_maximum_and_never_hangs(services):
    """What exchangelib calls on ErrorServerBusy (``decrease_poolsize``), in the state that hung it: every
    session at work and the pool below its maximum. Nothing is discarded then (and it says the pool is as
    low as it goes); at its maximum one session is, once another request gives one back."""
    from exchangelib.errors import SessionPoolMinSizeReached

    svc = services.ews()
    svc.list_messages(Folder.DRAFTS, 0, 10)
    pool = svc._conn.protocol
    at_work = [pool.get_session() for _ in range(2)]  # two requests in flight
    assert pool.session_pool_size == 2 < THREADS
    failed = []
    lowering = threading.Thread(target=lambda: _lower(pool, failed), daemon=True)
    lowering.start()
    lowering.join(timeout=PROGRESS)
    if lowering.is_alive():
        _unhang(pool)
    assert not lowering.is_alive(), "lowering the pool while every session is at work returns"
    assert failed == [SessionPoolMinSizeReached] and pool.session_pool_size == 2, "no session at work is discarded"
    at_work += [pool.get_session() for _ in range(THREADS - 2)]  # the pool grows to its maximum
    assert pool.session_pool_size == THREADS
    lowering = threading.Thread(target=lambda: _lower(pool, failed), daemon=True)
    lowering.start()  # every session at work: it waits for one to come back (the pool cannot grow)
    pool.release_session(at_work.pop())
    lowering.join(timeout=PROGRESS)
    if lowering.is_alive():
        _unhang(pool)
    assert not lowering.is_alive() and failed == [SessionPoolMinSizeReached], "the session given back is discarded"
    assert pool.session_pool_size == THREADS - 1
    for s in at_work:
        pool.release_session(s)
    assert svc.list_messages(Folder.DRAFTS, 0, 10).items == []  # and the connection works on


def _lower(pool, failed: list) -> None:
    from exchangelib.errors import SessionPoolMinSizeReached

    try:
        pool.decrease_poolsize()
    except SessionPoolMinSizeReached:
        failed.append(SessionPoolMinSizeReached)
