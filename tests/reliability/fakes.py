"""An in-memory MailService with scripted faults — ONLY for fast logic tests of the outbox state
machine (retry timing, 401 parking, restore after a crash). It stands in for the network, which the
sandbox tests (test_faults.py) then exercise for real with exchangelib over HTTP."""

from __future__ import annotations

import itertools
import threading

from app.domain.models import Draft, Folder, ItemOutcome, ItemRef, OutcomeStatus
from app.mail.errors import AuthFailed, ConnectionFailed, OutcomeUnknown, ServerBusy
from app.mail.service import MailService, ServerInfo


class FlakyService(MailService):
    email = "alice@example.com"

    def __init__(self):
        self.drafts: dict[str, Draft] = {}
        self.sent: list[Draft] = []
        self.faults: list[tuple[str, str, dict]] = []  # (op, kind, kw)
        self.calls: list[str] = []
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def inject(self, op: str, kind: str, count: int = 1, **kw) -> None:
        self.faults.extend([(op, kind, kw)] * count)

    def _fault(self, op: str):
        with self._lock:
            self.calls.append(op)
            for i, (fop, kind, kw) in enumerate(self.faults):
                if fop == op:
                    del self.faults[i]
                    return kind, kw
        return None, {}

    @staticmethod
    def _before(kind, kw):
        if kind == "offline":
            raise ConnectionFailed()
        if kind == "drop_before_commit":
            raise OutcomeUnknown()
        if kind == "busy":
            raise ServerBusy(retry_after=kw.get("retry_after", 0.05))
        if kind == "http_401":
            raise AuthFailed()

    def connect(self) -> ServerInfo:
        return ServerInfo("15.1", "Exchange2016", 10 << 20)

    def save_draft(self, draft: Draft) -> Draft:
        kind, kw = self._fault("save")
        self._before(kind, kw)
        with self._lock:
            ref = draft.ref or ItemRef(f"id{next(self._ids)}", "ck")
            saved = draft.copy(ref=ItemRef(ref.id, f"ck{next(self._ids)}"))
            self.drafts[ref.id] = saved
        if kind == "drop_after_commit":
            raise OutcomeUnknown()
        return saved

    def send_drafts(self, refs, *, save_copy=True):
        kind, kw = self._fault("send")
        self._before(kind, kw)
        out = []
        with self._lock:
            for r in refs:
                d = self.drafts.pop(r.id, None)
                if d is None:
                    out.append(ItemOutcome(r, OutcomeStatus.FAILED, "ErrorItemNotFound"))
                else:
                    self.sent.append(d)
                    out.append(ItemOutcome(r, OutcomeStatus.SENT))
        if kind == "drop_after_commit":
            raise OutcomeUnknown()
        return out

    def find_by_message_id(self, mid):
        self._fault("find")
        with self._lock:
            return {
                Folder.DRAFTS: [d.ref for d in self.drafts.values() if d.internet_message_id == mid],
                Folder.SENT: [ItemRef("s" + d.ref.id) for d in self.sent if d.internet_message_id == mid],
            }

    def list_messages(self, folder, offset, limit):  # pragma: no cover - not used
        raise NotImplementedError

    def get_message(self, ref):  # pragma: no cover
        raise NotImplementedError

    def delete_items(self, refs, *, to_trash=True):  # pragma: no cover
        raise NotImplementedError

    def resolve_names(self, text):  # pragma: no cover
        return []
