"""What the reports in an account's Inbox said of its sent messages, on disk (``delivery/<hash of the account
key>.json`` beside the journal): the reports read (:class:`app.domain.delivery.Report`, by the server's id), the
ids of the items that were no readable report (so each is fetched once), and the Message-IDs whose failure the
user was told of. Written all or nothing, 0600 in a 0700 folder (it holds addresses: private, as the journal).
The window and a ``dispatch-mail status`` may both write it: each write is whole, and a report one of them lost
is read again at the next check. No Qt."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.domain.delivery import Fate, RecipientNews, Report
from app.storage.files import replace_file
from app.storage.logfile import private_dir

VERSION = 1


@dataclass
class DeliveryBook:
    """One account's book: ``reports`` by the report's server id; ``unread`` the ids of items that were no readable
    report; ``told`` the Message-IDs of the messages whose failure was told."""

    reports: dict[str, Report] = field(default_factory=dict)
    unread: dict[str, datetime] = field(default_factory=dict)  # the id, and when the item arrived
    told: set[str] = field(default_factory=set)

    def __post_init__(self):
        self._by_original: dict[str, list[Report]] | None = None  # built on the first look-up, dropped on a change

    def seen(self, report_id: str) -> bool:
        return report_id in self.reports or report_id in self.unread

    def add(self, report: Report) -> None:
        self.reports[report.report_id] = report
        self._by_original = None

    def about(self, original_id: str) -> list[Report]:
        """The reports about the message whose Message-ID is ``original_id`` (a look-up in an index: a list of
        thousands of sent messages asks for each of its rows)."""
        if self._by_original is None:
            index: dict[str, list[Report]] = {}
            for r in self.reports.values():
                index.setdefault(r.original_id, []).append(r)
            self._by_original = index
        return list(self._by_original.get(original_id.strip(), ()))

    def newest(self) -> datetime | None:
        """When the newest report read arrived (None: none yet)."""
        return max((r.received for r in self.reports.values()), default=None)

    def forget_before(self, when: datetime) -> None:
        """Drop what arrived before ``when`` (no longer followed: app.domain.delivery.FOLLOWED_DAYS)."""
        self.reports = {k: r for k, r in self.reports.items() if r.received >= when}
        self._by_original = None
        self.unread = {k: t for k, t in self.unread.items() if t >= when}


class DeliveryBookStore:
    """``load(account)`` -> :class:`DeliveryBook`; ``save(account, book)``. ``folder`` None: in memory only (a
    journal in memory keeps nothing on disk either). A damaged file reads as an empty book: its reports are read
    again from the Inbox."""

    def __init__(self, folder: str | Path | None):
        self.folder = Path(folder) if folder is not None else None
        self._memory: dict[str, bytes] = {}

    def _path(self, account: str) -> Path:
        return self.folder / (hashlib.sha256(account.encode("utf-8")).hexdigest()[:32] + ".json")

    def load(self, account: str) -> DeliveryBook:
        try:
            raw = self._memory.get(account, b"") if self.folder is None else self._path(account).read_bytes()
            return _book(json.loads(raw)) if raw else DeliveryBook()
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return DeliveryBook()

    def save(self, account: str, book: DeliveryBook) -> None:
        data = json.dumps(_json(book), sort_keys=True).encode("utf-8")
        if self.folder is None:
            self._memory[account] = data
            return
        private_dir(self.folder)
        replace_file(self._path(account), data)


def _json(book: DeliveryBook) -> dict:
    return {"version": VERSION, "unread": {k: t.isoformat() for k, t in book.unread.items()},
            "told": sorted(book.told),
            "reports": {k: _report_json(r) for k, r in book.reports.items()}}


def _report_json(r: Report) -> dict:
    return {"original": r.original_id, "received": r.received.isoformat(),
            "news": [{"address": n.address, "fate": n.fate.value, "when": n.when.isoformat() if n.when else None,
                      "status": n.status, "diagnostic": n.diagnostic} for n in r.news]}


def _book(data: dict) -> DeliveryBook:
    if data.get("version") != VERSION:
        return DeliveryBook()
    reports = {str(k): _report(str(k), v) for k, v in data["reports"].items()}
    unread = {str(k): datetime.fromisoformat(t) for k, t in data["unread"].items()}
    return DeliveryBook(reports, unread, {str(x) for x in data["told"]})


def _report(report_id: str, d: dict) -> Report:
    news = tuple(RecipientNews(str(n["address"]), Fate(n["fate"]),
                               datetime.fromisoformat(n["when"]) if n.get("when") else None,
                               str(n.get("status") or ""), str(n.get("diagnostic") or "")) for n in d["news"])
    return Report(str(d["original"]), report_id, datetime.fromisoformat(d["received"]), news)
