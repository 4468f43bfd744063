"""A typed request handed through an account's real door (app/core/scripts/doors.py ``knock``), as ``dispatch-mail`` hands
the request it built (app/command/queue.py): the door's limit is given to ``limits`` when one is passed."""

from __future__ import annotations

from app.core.scripts import door_protocol as dp
from app.core.scripts import doors


def knock(request: dp.Request, limits: list | None = None) -> dict | None:
    def build(limit: int):
        if limits is not None:
            limits.append(limit)
        return dp.encode(request)

    return doors.knock(dp.route(request.account), build)
