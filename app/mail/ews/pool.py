"""exchangelib's session pool without its deadlock on a busy server, through its public methods only.

On ErrorServerBusy, and on a connection that failed or timed out (which it takes for a server too busy to
answer), exchangelib lowers the pool by one (``Protocol.decrease_poolsize``): holding the pool's lock it
takes a session out with ``get_session()``. When every session is in use by other threads at that
moment and the pool is below its maximum, ``get_session()`` grows the pool first (``increase_poolsize``),
which takes the same lock again: a plain ``Lock``, so the thread waits for itself for ever, and every
other thread that meets a busy server, and the connection's ``close()``, wait behind it. Four requests at
once (the Drafts and Sent lists, a save, a send) meeting a throttling server, or a server gone away, are
enough: the account then answered nothing more until the app was killed (exchangelib 5.6;
``tests/mail/test_ews_pool.py``).

At its maximum the pool cannot grow, so there exchangelib's own lowering is safe: ``increase_poolsize``
refuses before it takes the lock, and ``get_session()`` waits for a session another thread gives back
(giving one back takes no lock; a thread that lowers the pool holds none: exchangelib gives a request's
session back before the error reaches it). So a busy server lowers the pool here only from its maximum,
one lowering at a time; below it, nothing is discarded and the caller hears the pool is as low as it goes
(``SessionPoolMinSizeReached``: a busy server is then only waited for, and too many connections are told
to the user rather than retried at once). exchangelib grows a pool that runs empty again anyway, up to its
maximum, so its lowering only ever lasted until the next busy moment."""

from __future__ import annotations

import threading

from exchangelib.errors import SessionPoolMinSizeReached
from exchangelib.protocol import Protocol


class SafePoolProtocol(Protocol):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._one_lowering = threading.Lock()  # the pool stays at its maximum from the check to the lowering

    def decrease_poolsize(self):
        with self._one_lowering:
            if self.session_pool_size < self.max_connections:
                raise SessionPoolMinSizeReached("The session pool is lowered only from its maximum")
            super().decrease_poolsize()
