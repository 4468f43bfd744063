"""Custom headers and the follow-up flag survive the journal; a journal written before they existed still
loads (no headers, no flag)."""

from __future__ import annotations

import json
from datetime import date

from app.domain.extras import NO_FLAG, FlagStatus, FollowUpFlag
from app.storage.draft_codec import draft_from_json
from app.storage.journal import Journal
from tests.reliability.test_journal import full_draft


def test_headers_and_flag_round_trip_through_the_journal(tmp_path):
    j = Journal(tmp_path / "j.sqlite3")
    d = full_draft(headers=[("X-Project", "Nevada ✓"), ("x-group-id", "NV001")],
                   flag=FollowUpFlag(FlagStatus.FLAGGED, date(2026, 12, 1), date(2026, 12, 4)))
    j.record(d)
    j.close()
    back = Journal(tmp_path / "j.sqlite3").get(d.local_id).draft
    assert back.headers == d.headers and back.flag == d.flag and back == d


def test_a_journal_row_written_before_headers_and_flags_still_loads():
    old = json.dumps({"to": [["bob@example.com", ""]], "cc": [], "bcc": [], "subject": "old", "body_format": "Text",
                      "importance": "Normal", "read_receipt": False, "delivery_receipt": False, "ref": None,
                      "internet_message_id": "", "modified": None, "inline": None, "body": "hi"})
    d = draft_from_json("L1", old, [])
    assert d.subject == "old" and d.headers == [] and d.flag == NO_FLAG
