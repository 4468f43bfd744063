"""Mail merges on disk: one JSON file per merge (``merges/<merge id>.json`` beside the journal), written
atomically (a temporary file renamed over it), 0600 in a 0700 folder: the table is the user's data.

A record says, for every row, what was done with it (``app.core.merge.run``): a restart shows the same rows
and never sends a row that was sent. No Qt.
"""

from __future__ import annotations

import base64
import json
import os
import re
from pathlib import Path

from app.domain.models import Attachment, Draft, ItemRef
from app.storage.draft_codec import draft_from_json, draft_to_json
from app.storage.logfile import private_dir

_ID = re.compile(r"^[0-9a-f]{32}$")


def record_text(data: dict) -> str:
    """``json.dumps(data)``, its ``rows`` a row at a time: one call over 5,000 rows (~2 MB) holds the GIL
    ~15 ms, and the UI thread waits that long for it even though this runs on the merge's thread; between
    rows (~3 µs each) the GIL is handed over. ``rows`` may be any iterable of dicts (a generator: each row's
    dict is made as it is encoded, not 5,000 at once)."""
    rows = data.get("rows")
    if rows is None or isinstance(rows, (str, bytes, dict)):
        return json.dumps(data, ensure_ascii=False)
    head = json.dumps({k: v for k, v in data.items() if k != "rows"}, ensure_ascii=False)
    rows = ", ".join([json.dumps(row, ensure_ascii=False) for row in rows])
    sep = ", " if head != "{}" else ""
    return f'{head[:-1]}{sep}"rows": [{rows}]}}'


def template_to_dict(d: Draft) -> dict:
    return {"draft": draft_to_json(d),
            "attachments": [{"name": a.name, "type": a.content_type, "content": base64.b64encode(a.content).decode(),
                             "size": a.size, "cid": a.content_id, "inline": a.is_inline} for a in d.attachments]}


def template_from_dict(j: dict) -> Draft:
    atts = [Attachment(a["name"], base64.b64decode(a["content"]), a.get("type") or "application/octet-stream",
                       size=int(a.get("size", -1)), content_id=a.get("cid", ""), is_inline=bool(a.get("inline")))
            for a in j.get("attachments") or []]
    return draft_from_json("template", j["draft"], atts)


def ref_to_list(ref: ItemRef | None):
    return [ref.id, ref.change_key] if ref is not None else None


def ref_from_list(v) -> ItemRef | None:
    return ItemRef(str(v[0]), str(v[1] or "")) if v else None


class MergeStore:
    """``save(merge_id, dict)``; ``load(merge_id)``; ``ids(account)`` newest first."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)

    def _path(self, merge_id: str) -> Path:
        if not _ID.match(merge_id):
            raise ValueError("not a merge id")
        return self.folder / f"{merge_id}.json"

    def save(self, merge_id: str, data: dict) -> None:
        text = record_text(data)
        private_dir(self.folder)
        path = self._path(merge_id)
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        os.replace(tmp, path)

    def load(self, merge_id: str) -> dict | None:
        try:
            return json.loads(self._path(merge_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def ids(self, account: str) -> list[str]:
        """This account's merges, newest first (by the time each was started)."""
        found = []
        if not self.folder.is_dir():
            return []
        for p in self.folder.glob("*.json"):
            data = self.load(p.stem) if _ID.match(p.stem) else None
            if data and data.get("account") == account:
                found.append((data.get("created", 0), p.stem))
        return [mid for _, mid in sorted(found, reverse=True)]
