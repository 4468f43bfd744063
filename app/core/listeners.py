"""Who is told of a core object's news, and how: the one way core events leave the core.

A listener subscribes to a topic and gets back the call that unsubscribes it; nobody reassigns
another object's callback attribute. A listener that raises is logged and the others are still told:
a view must not break the queue. No Qt: the window bridges these calls to signals in one place
(``app.ui.outbox.outbox_signals``).
"""

from __future__ import annotations

import logging
from typing import Callable

log = logging.getLogger(__name__)


class Listeners:
    def __init__(self, *topics: str):
        self._by_topic: dict[str, list[Callable]] = {t: [] for t in topics}

    def subscribe(self, topic: str, fn: Callable) -> Callable[[], None]:
        """Call ``fn`` on each ``topic`` news, until the returned call is made."""
        fns = self._by_topic[topic]  # an unknown topic is a programming error: KeyError
        fns.append(fn)

        def unsubscribe() -> None:
            if fn in fns:
                fns.remove(fn)
        return unsubscribe

    def tell(self, topic: str, *args) -> None:
        for fn in list(self._by_topic[topic]):
            try:
                fn(*args)
            except Exception:  # noqa: BLE001 - a listener must not break the teller
                log.exception("%s listener failed", topic)

    def clear(self) -> None:
        for fns in self._by_topic.values():
            fns.clear()
