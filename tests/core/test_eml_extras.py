"""Custom X- headers go into an .eml as themselves and come back; the follow-up flag is not a MIME header and
stays out; headers servers stamp (X-MS-..., X-Mailer) are not read as the author's own."""

from __future__ import annotations

import email
import email.policy
from datetime import date

from app.domain.eml import to_eml
from app.domain.eml_read import read_eml
from app.domain.extras import NO_FLAG, FlagStatus, FollowUpFlag
from tests.core.test_eml import ALICE, LIMIT, full_draft


def test_custom_headers_round_trip_and_the_flag_stays_out():
    d = full_draft(headers=[("X-Project", "Nevada 📊 Zoë"), ("x-group-id", "NV001")],
                   flag=FollowUpFlag(FlagStatus.FLAGGED, date(2026, 12, 1), date(2026, 12, 2)))
    raw = to_eml(d, sender=ALICE)
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert str(parsed["X-Project"]) == "Nevada 📊 Zoë" and parsed["x-group-id"] == "NV001"
    assert b"flag" not in raw.lower().split(b"\r\n\r\n", 1)[0]  # no flag header of any kind
    back = read_eml(raw, max_bytes=LIMIT).draft
    assert back.headers == d.headers and back.flag == NO_FLAG


def test_stamped_headers_are_not_custom_ones_and_at_most_five_are_read():
    mine = "".join(f"X-Mine-{i}: {i}\r\n" for i in range(7))
    raw = ("From: a@example.com\r\nTo: b@example.com\r\nSubject: s\r\nX-Priority: 1\r\nX-MS-Has-Attach: yes\r\n"
           "X-Mailer: Outlook\r\nX-MS-Exchange-Organization-AuthAs: Internal\r\n" + mine + "\r\nbody\r\n").encode()
    got = read_eml(raw, max_bytes=LIMIT)
    assert got.draft.headers == [(f"X-Mine-{i}", str(i)) for i in range(5)]
    assert any("2 custom header(s) were left out" in n for n in got.notes)
