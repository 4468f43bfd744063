"""Each recipient's standing news from every report about one message (app/domain/delivery.py)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.domain.delivery import Fate, RecipientNews, Report, failed, fates, report_kind

pytestmark = pytest.mark.unit
T0 = datetime(2026, 11, 29, 8, 0, tzinfo=timezone.utc)


def _report(minutes, *news):
    return Report("<m1@example.com>", f"r{minutes}", T0 + timedelta(minutes=minutes), tuple(news))


def test_a_read_beats_the_delivery_before_it_and_a_failure_beats_a_later_delay():
    bob_delivered = RecipientNews("bob@example.com", Fate.DELIVERED)
    bob_read = RecipientNews("Bob@Example.com", Fate.READ, when=T0)
    carol_failed = RecipientNews("carol@example.com", Fate.FAILED, status="5.1.1")
    carol_delayed = RecipientNews("carol@example.com", Fate.DELAYED)
    standing = fates([_report(5, bob_read, carol_delayed), _report(1, bob_delivered, carol_failed)])
    assert standing["bob@example.com"] is bob_read
    assert standing["carol@example.com"] is carol_failed
    assert failed(standing) == [carol_failed]


def test_between_equals_the_later_report_stands():
    first = RecipientNews("bob@example.com", Fate.NOT_READ)
    then = RecipientNews("bob@example.com", Fate.READ)
    assert fates([_report(9, then), _report(2, first)])["bob@example.com"] is then


@pytest.mark.parametrize("item_class, kind", [
    ("REPORT.IPM.Note.NDR", "NDR"), ("report.ipm.note.dr", "DR"), ("REPORT.IPM.Note.SMIME.IPNRN", "IPNRN"),
    ("REPORT.IPM.Note.IPNNRN", "IPNNRN"), ("IPM.Note", ""), ("REPORT.IPM.Note.Other", ""), ("IPM.Note.NDR", "")])
def test_the_kind_of_report_is_read_from_its_item_class(item_class, kind):
    assert report_kind(item_class) == kind
