"""What each account sent in the last 24 hours, on disk (``sent-ledger/<hash of the account key>.json`` beside
the journal): ``[[epoch seconds, recipients], ...]``, written all or nothing, 0600 in a 0700 folder. Only
times and counts: no address, no content. :class:`app.core.sending.limits.SentCounter` keeps it; a restart
reads it back, so today's count of recipients survives. No Qt."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from app.storage.files import replace_file
from app.storage.logfile import private_dir


class SentLedgerStore:
    """``load(account)`` -> list of [epoch, recipients]; ``save(account, entries)``. ``folder`` None: kept in
    memory only (a journal in memory keeps nothing on disk either)."""

    def __init__(self, folder: str | Path | None):
        self.folder = Path(folder) if folder is not None else None
        self._memory: dict[str, list] = {}

    def _path(self, account: str) -> Path:
        return self.folder / (hashlib.sha256(account.encode("utf-8")).hexdigest()[:32] + ".json")

    def load(self, account: str) -> list:
        if self.folder is None:
            return list(self._memory.get(account, []))
        try:
            data = json.loads(self._path(account).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        return [e for e in data if isinstance(e, list) and len(e) == 2] if isinstance(data, list) else []

    def save(self, account: str, entries: list) -> None:
        if self.folder is None:
            self._memory[account] = list(entries)
            return
        private_dir(self.folder)
        replace_file(self._path(account), json.dumps(entries).encode("utf-8"))
