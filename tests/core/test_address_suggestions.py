"""What an address field offers, in which order, and what it never offers (app/domain/suggestions.py); how the
settings file keeps the people written to and how often (app/storage/settings.py). No Qt."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.domain.delivery import Fate, RecipientNews, Report
from app.domain.suggestions import Suggestions, bounced
from app.domain.validation import sendable
from app.storage.settings import Settings

pytestmark = pytest.mark.unit
T0 = datetime(2026, 11, 29, 8, 0, tzinfo=timezone.utc)
CAROL, CARL = "Carol Clark <carol@example.com>", "Carl Carter <carl@example.com>"


def _report(minutes: int, address: str, fate: Fate, status: str = "") -> Report:
    news = (RecipientNews(address, fate, status=status),)
    return Report(f"<m{minutes}@example.com>", f"r{minutes}", T0 + timedelta(minutes=minutes), news)


def test_the_people_written_to_come_before_the_directory_and_each_address_once():
    s = Suggestions()
    s.set_written_to([CAROL])
    s.add_directory([CARL, "Carol C. <Carol@Example.com>", "Cathy Cole <cathy@example.com>"])
    assert s.matches("ca") == [CAROL, CARL, "Cathy Cole <cathy@example.com>"]
    assert s.matches("carl") == [CARL] and s.matches("") == []


def test_the_most_written_to_first_between_equals_the_newest():
    s = Suggestions()
    newest_first = ["dan@example.com", CAROL, CARL, "cathy@example.com"]
    s.set_written_to(newest_first, {"carl@example.com": 3, "cathy@example.com": 3, "carol@example.com": 1})
    assert s.offered() == [CARL, "cathy@example.com", CAROL, "dan@example.com"]


@pytest.mark.parametrize("entry", ["cathy@example", "Cathy <cathy@@example.com>", "cathy", "a@b.c, d@e.f",
                                   "cat\x07hy@example.com", ""])
def test_what_the_address_check_refuses_is_never_offered_from_drafts_or_the_directory(entry):
    assert not sendable(entry)
    s = Suggestions()
    s.set_written_to([entry, CAROL])
    s.add_directory([entry, CARL])
    assert s.offered() == [CAROL, CARL]


def test_a_failure_hides_an_address_until_a_later_report_says_a_message_reached_it():
    nobody = "nobody@example.com"
    failed = _report(10, "Nobody@Example.com", Fate.FAILED, "5.1.1")
    assert bounced([failed]) == {nobody}
    assert bounced([failed, _report(5, nobody, Fate.DELIVERED)]) == {nobody}, "news from before the failure"
    assert bounced([failed, _report(20, nobody, Fate.DELAYED)]) == {nobody}, "a delay says nothing arrived"
    for fate in (Fate.DELIVERED, Fate.READ, Fate.NOT_READ):
        assert bounced([failed, _report(20, nobody, fate)]) == set(), fate
    assert bounced([_report(30, nobody, Fate.FAILED), failed, _report(20, nobody, Fate.READ)]) == {nobody}
    assert bounced([_report(1, nobody, Fate.DELAYED)]) == set(), "a delay is no bounce"


def test_a_bounced_address_is_offered_from_nowhere():
    s = Suggestions()
    s.set_written_to(["Nobody <nobody@example.com>", CAROL])
    s.add_directory(["nobody@example.com", CARL])
    s.set_bounced(["NOBODY@example.com"])
    assert s.offered() == [CAROL, CARL]
    s.set_bounced([])
    assert s.matches("nobody") == ["Nobody <nobody@example.com>"]


def test_settings_count_the_messages_sent_not_the_drafts_saved(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    for _ in range(3):
        settings.add_recent_recipients([CARL, "cathy@example"], "acc")  # a draft saved three times
    settings.add_recent_recipients([CAROL], "acc")
    assert settings.recent_recipients("acc") == [CAROL, CARL], "the invalid address is not learned"
    assert settings.sent_counts("acc") == {}
    settings.add_recent_recipients([CARL], "acc", sent=True)
    settings.add_recent_recipients([CARL, CAROL], "acc", sent=True)
    again = Settings(tmp_path / "settings.json")
    assert again.sent_counts("acc") == {"carl@example.com": 2, "carol@example.com": 1}
    assert again.sent_counts("other") == {}
    assert again.forget_recent_recipients(["carl@example.com"], "acc") == 1
    assert again.sent_counts("acc") == {"carol@example.com": 1} and again.recent_recipients("acc") == [CAROL]
