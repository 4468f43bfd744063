"""Drafts marks each server draft whose newer version is on this computer: edits typed or restored
and not yet saved to the server. The look is :func:`app.core.compose.recovery.newer_local_versions`, made on the
journal's thread each time Drafts is shown and after each save; a mark whose version has reached the server
since is cleared. Wiring only."""

from __future__ import annotations

import asyncio

from app.core.compose import recovery
from app.domain import words
from app.ui.common.port import ShellPort

#: a Drafts row's Status when this computer holds a newer version of it than the server (Words: the row shows it
#: in the user's language, and it is found again by what it is, whatever the language)
NEWER_HERE = words.translate("NewerMarks", "Newer version on this computer, not yet saved to the server: Enter opens it")


class NewerMarks:
    def __init__(self, port: ShellPort, drafts, bridge):
        """``port``: the shell's (app.ui.common.port); ``drafts``: the Drafts view; ``bridge``: the journal's."""
        self.port, self.drafts, self.bridge = port, drafts, bridge
        self._marked: set[str] = set()  # Drafts rows marked NEWER_HERE
        self._tasks: set[asyncio.Task] = set()
        port.view_changed.connect(self.refresh)

    async def newer_local(self) -> dict:
        """Server drafts (by item id) whose newer version is on this computer only. The look waits on the
        journal's thread behind every write handed to it (leaving Compose hands over what was typed; a draft
        in Compose is looked at there, by ``Workflows``)."""
        b = self.bridge
        return await b.writer(recovery.newer_local_versions, b.journal, b.account)

    def refresh(self, *_a) -> None:
        if self.port.showing(self.drafts) and self.port.session is not None:
            task = asyncio.ensure_future(self._mark())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _mark(self) -> None:
        newer = await self.newer_local()
        model = self.drafts.model
        stale = {ref_id: ("", False) for ref_id in self._marked - newer.keys() if model.status(ref_id) == NEWER_HERE}
        fresh = {ref_id: (NEWER_HERE, False) for ref_id in newer if not model.status(ref_id)}
        self._marked = set(newer)
        model.set_statuses({**stale, **fresh})
