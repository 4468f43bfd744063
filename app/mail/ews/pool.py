"""exchangelib's session pool without its deadlock on a busy server.

On ErrorServerBusy, and on a connection that failed or timed out (which it takes for a server too busy to
answer), exchangelib lowers the pool by one (``Protocol.decrease_poolsize``): holding the pool's lock it
takes a session out with ``get_session()``. When every session is in use by other threads at that
moment and the pool is below its maximum, ``get_session()`` grows the pool first (``increase_poolsize``),
which takes the same lock again: a plain ``Lock``, so the thread waits for itself for ever, and every
other thread that meets a busy server, and the connection's ``close()``, wait behind it. Four requests at
once (the Drafts and Sent lists, a save, a send) meeting a throttling server, or a server gone away, are
enough: the account then answered nothing more until the app was killed (exchangelib 5.6;
``tests/mail/test_ews_pool.py``).

Here a busy server lowers the pool only by a session that is idle in it; with none idle, nothing is
discarded (exchangelib grows a pool that runs empty again anyway, up to its maximum, so its lowering only
ever lasted until the next busy moment)."""

from __future__ import annotations

from queue import Empty

from exchangelib.errors import SessionPoolMinSizeReached
from exchangelib.protocol import Protocol


class SafePoolProtocol(Protocol):
    def decrease_poolsize(self):
        with self._session_pool_lock:
            if self._session_pool_size <= 1:
                raise SessionPoolMinSizeReached("Session pool size cannot be decreased further")
            try:
                session = self._session_pool.get(block=False)
            except Empty:
                return  # every session is at work: none to discard (never wait or grow under the lock)
            self.close_session(session)
            self._session_pool_size -= 1
