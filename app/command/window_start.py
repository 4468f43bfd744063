"""One window: a start of the window (``dispatch-mail [LINK]``: a desktop link, the menu, a script) while a window
runs hands its link to that window over the account's door (:class:`app.core.scripts.door_protocol.Open`) and ends
at once, 0: to the window showing the account set up (the default account) when it runs, else to a window showing
another (the user can switch it). That window comes forward and opens the link (a new message in Compose, what was
being written going to Drafts first). Else the start goes on and opens a window (a command driving the queue
answers no: that window waits for the queue, as before).

Parsed at the edge, like every command line: the link as given (a ``mailto:`` link, read by the window that opens
it) or a file's absolute path (a relative one, or a ``file:`` URL, read against this process's folder). Nothing
heavier than ``os`` is loaded when no door is open: the first paint does not wait for sockets.
"""

from __future__ import annotations

import os


def hand_to_running_window(args) -> bool:
    """True when a running window took this start (the process then ends, 0)."""
    if args.ews_url or args.sandbox or getattr(args, "sandbox_graph", False) or args.self_test:
        return False  # an account named on the command line (or a self-test): a window of its own
    from app.core.scripts.door_paths import any_door

    if not any_door():
        return False
    link = _link(args.link or "")
    if link is None:
        return False  # not a link nor a file: the new window says so
    from app.core.scripts import door_protocol as dp
    from app.core.scripts import doors

    for route in (dp.SET_UP_WINDOW_ROUTE, dp.WINDOW_ROUTE):  # the default account's window first, else any window
        reply = doors.knock(dp.route(route), lambda _limit: dp.encode(dp.Open(link)))
        if reply is not None:
            return reply.get("exit") == 0
    return False


def _link(given: str) -> str | None:
    from app.domain.mailto import file_of, is_mailto

    if not given or is_mailto(given):
        return given
    return file_of(given, os.getcwd())
