"""Which finished sends make a desktop notification, and in which words (app.core.outbox.notices, Qt-free): a Send
later message sent, a send failed, a command's message sent; none while the window is active, none when the user
turned them off; the subject and recipient only when chosen, never the message's body."""

from __future__ import annotations

import pytest

from app.core.outbox import holds
from app.core.outbox.notices import DEFAULT, Kind, NoticeBook, Show, show_of
from app.core.outbox.submission import SubState, Submission
from app.domain.models import Draft, Recipient

BODY = "the secret numbers are 4 8 15 16 23 42"


def _sub(state: SubState, *, lid: str = "m1", hold_kind: str = "", subject: str = "Quarterly figures",
         to=(Recipient(email="bob@example.com", name="Bob Builder"),)) -> Submission:
    draft = Draft(to=list(to), subject=subject, body=BODY, local_id=lid)
    return Submission(draft, "alice@example.com", state=state, hold_kind=hold_kind)


def _held_later(book: NoticeBook, lid: str = "m1") -> None:
    book.seen([_sub(SubState.HELD, lid=lid, hold_kind=holds.LATER), _sub(SubState.HELD, lid="undo", hold_kind=holds.UNDO)])


def test_a_scheduled_message_sent_in_the_background_is_told_in_neutral_words_by_default():
    book = NoticeBook()
    _held_later(book)
    notice = book.finished(_sub(SubState.SENT), show=DEFAULT, active=False)
    assert DEFAULT == Show.NEUTRAL
    assert (notice.kind, notice.title, notice.text, notice.local_id) == (
        Kind.LATER_SENT, "Scheduled message sent", "A message was sent.", "m1")
    assert "Quarterly" not in notice.text + notice.title and "Bob" not in notice.text


def test_the_subject_and_recipient_only_when_chosen_and_never_the_body():
    book = NoticeBook()
    _held_later(book)
    notice = book.finished(_sub(SubState.SENT), show=Show.DETAILS, active=False)
    assert notice.text == "“Quarterly figures” to Bob Builder"
    assert BODY not in notice.text + notice.title
    multi_line = book.finished(_sub(SubState.FAILED, lid="m2", subject="Line one\nline two " + "x" * 200),
                               show=Show.DETAILS, active=False)
    assert "\n" not in multi_line.text and len(multi_line.text) < 150


def test_an_undo_hold_or_a_plain_send_that_went_is_not_told():
    book = NoticeBook()
    _held_later(book)
    assert book.finished(_sub(SubState.SENT, lid="undo"), show=Show.DETAILS, active=False) is None
    assert book.finished(_sub(SubState.SENT, lid="plain"), show=Show.DETAILS, active=False) is None


def test_a_failed_send_is_told_whatever_its_face_cancelled_and_deleted_are_not():
    book = NoticeBook()
    notice = book.finished(_sub(SubState.FAILED), show=Show.NEUTRAL, active=False)
    assert (notice.kind, notice.title, notice.text) == (
        Kind.FAILED, "Message not sent", "A message could not be sent. It waits in the Outbox.")
    for state in (SubState.CANCELLED, SubState.DELETING):
        assert book.finished(_sub(state), show=Show.NEUTRAL, active=False) is None


def test_a_commands_message_sent_is_told_once():
    book = NoticeBook()
    book.handed_over("cmd")
    notice = book.finished(_sub(SubState.SENT, lid="cmd"), show=Show.NEUTRAL, active=False)
    assert (notice.kind, notice.title, notice.local_id) == (Kind.COMMAND_SENT, "Message from dispatch-mail sent", "cmd")
    assert book.finished(_sub(SubState.SENT, lid="cmd"), show=Show.NEUTRAL, active=False) is None  # forgotten


def test_a_send_later_handed_to_exchange_is_not_told_as_sent_even_a_commands():
    """Issue 79: Exchange keeps it until its time (SENT with its send_at): it has not gone out, so no "sent"."""
    from dataclasses import replace
    from datetime import datetime, timezone

    book = NoticeBook()
    book.handed_over("cmd")  # dispatch-mail send --later, through the window's door
    at = datetime(2026, 11, 30, 7, 0, tzinfo=timezone.utc)
    for lid in ("cmd", "compose"):
        sub = _sub(SubState.SENT, lid=lid)
        sub.draft = replace(sub.draft, send_at=at)
        assert book.finished(sub, show=Show.DETAILS, active=False) is None, lid
    assert book.finished(_sub(SubState.SENT, lid="cmd"), show=Show.NEUTRAL, active=False) is None  # forgotten


def test_a_failed_scheduled_message_sent_again_is_still_the_scheduled_one():
    book = NoticeBook()
    _held_later(book)
    assert book.finished(_sub(SubState.FAILED), show=Show.NEUTRAL, active=False).kind == Kind.FAILED
    assert book.finished(_sub(SubState.SENT), show=Show.NEUTRAL, active=False).kind == Kind.LATER_SENT


@pytest.mark.parametrize("show, active", [(Show.OFF, False), (Show.NEUTRAL, True), (Show.DETAILS, True)])
def test_nothing_when_off_or_while_the_window_is_active(show, active):
    book = NoticeBook()
    _held_later(book)
    book.handed_over("cmd")
    for sub in (_sub(SubState.SENT), _sub(SubState.FAILED, lid="f"), _sub(SubState.SENT, lid="cmd")):
        assert book.finished(sub, show=show, active=active) is None
    assert book.bounced("Quarterly figures", "Bob", "m1", show=show, active=active) is None


def test_the_bounce_hook_follows_the_same_privacy_rules():
    book = NoticeBook()
    neutral = book.bounced("Quarterly figures", "Bob", "m1", show=Show.NEUTRAL, active=False)
    assert (neutral.kind, neutral.title, neutral.text) == (
        Kind.BOUNCED, "Message not delivered", "A message you sent did not arrive.")
    assert NoticeBook().bounced("Quarterly figures", "Bob", "m1", show=Show.DETAILS, active=False).text == \
        "“Quarterly figures” to Bob"


def test_an_unknown_stored_choice_is_the_default():
    assert [show_of(v) for v in ("off", "details", "neutral", "loud", None, 3)] == [
        Show.OFF, Show.DETAILS, Show.NEUTRAL, DEFAULT, DEFAULT, DEFAULT]


def test_many_of_a_kind_while_away_are_counted_in_one_notification_until_the_user_is_back():
    book = NoticeBook()
    one = book.finished(_sub(SubState.FAILED, lid="a"), show=Show.DETAILS, active=False)
    two = book.finished(_sub(SubState.FAILED, lid="b"), show=Show.DETAILS, active=False)
    three = book.finished(_sub(SubState.FAILED, lid="c"), show=Show.DETAILS, active=False)
    assert (one.replaces, one.text) == (False, "“Quarterly figures” to Bob Builder")
    assert (two.replaces, two.text, two.local_id) == (
        True, "2 messages could not be sent. They wait in the Outbox.", "b")
    assert (three.replaces, three.text) == (True, "3 messages could not be sent. They wait in the Outbox.")
    book.handed_over("cmd")  # another kind: a count of its own
    assert book.finished(_sub(SubState.SENT, lid="cmd"), show=Show.NEUTRAL, active=False).replaces is False
    book.attended()  # back in the window: the next one is a notification of its own again
    again = book.finished(_sub(SubState.FAILED, lid="d"), show=Show.NEUTRAL, active=False)
    assert (again.replaces, again.text) == (False, "A message could not be sent. It waits in the Outbox.")
    assert book.finished(_sub(SubState.FAILED, lid="e"), show=Show.NEUTRAL, active=True) is None  # in the window
    assert book.finished(_sub(SubState.FAILED, lid="f"), show=Show.NEUTRAL, active=False).replaces is False


def test_a_bounce_only_for_a_known_recent_message_a_report_says_failed_never_for_a_receipt():
    """:func:`bounces`: of the reports just read, the messages the window sent in the last 7 days that a
    non-delivery report names; a delivery or read receipt, a message from another program, an old one: nothing."""
    from datetime import datetime, timedelta, timezone

    from app.core.outbox.notices import bounces
    from app.domain.delivery import Fate, RecipientNews, Report

    now = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)

    def report(mid: str, *news) -> Report:
        return Report(mid, f"r-{mid}-{len(news)}", now, tuple(RecipientNews(a, f, status=s) for a, f, s in news))

    known = {"<new>": ("Quarterly figures", now - timedelta(days=1)),
             "<receipts>": ("Minutes", now - timedelta(hours=1)),
             "<old>": ("Last month", now - timedelta(days=8))}
    reports = [report("<new>", ("bob@example.com", Fate.DELIVERED, ""), ("nobody@example.com", Fate.FAILED, "5.1.1")),
               report("<new>", ("dave@example.com", Fate.FAILED, "5.2.2"), ("nobody@example.com", Fate.FAILED, "")),
               report("<receipts>", ("bob@example.com", Fate.READ, ""), ("carol@example.com", Fate.DELIVERED, "")),
               report("<old>", ("nobody@example.com", Fate.FAILED, "5.1.1")),
               report("<another program's>", ("nobody@example.com", Fate.FAILED, "5.1.1"))]
    assert bounces(reports, known.get, now) == [
        ("<new>", "Quarterly figures", "nobody@example.com, dave@example.com")]
    notice = NoticeBook().bounced("Quarterly figures", "nobody@example.com", "<new>", show=Show.NEUTRAL, active=False)
    assert (notice.message_id, notice.local_id, notice.text) == ("<new>", "", "A message you sent did not arrive.")


def test_a_sent_outbox_rows_news_in_words():
    """app.core.delivery.outbox_news: "Sent — 1 failed", "Sent — all delivered"; no news, no claim; a row not sent
    is never marked."""
    from app.core.delivery.outbox_news import with_news
    from app.core.outbox.rows import row_for
    from app.domain.delivery import Fate, RecipientNews

    def sub(state, mid):
        draft = Draft(to=[Recipient(email="bob@example.com"), Recipient(email="carol@example.com")],
                      subject="s", local_id=mid, internet_message_id=mid)
        return row_for(Submission(draft, "alice@example.com", state=state), 0.0)

    news = {"<f>": {"carol@example.com": RecipientNews("carol@example.com", Fate.FAILED, status="5.1.1")},
            "<d>": {a: RecipientNews(a, Fate.DELIVERED) for a in ("bob@example.com", "carol@example.com")},
            "<q>": {"carol@example.com": RecipientNews("carol@example.com", Fate.FAILED)}}
    rows = with_news([sub(SubState.SENT, "<f>"), sub(SubState.SENT, "<d>"), sub(SubState.SENT, "<n>"),
                      sub(SubState.QUEUED, "<q>")], lambda mid: news.get(mid, {}))
    assert [(r.text, r.delivery, r.bounced) for r in rows] == [
        ("Sent — 1 failed", "1 failed", True), ("Sent — all delivered", "all delivered", False),
        ("Sent", "", False), ("Waiting to send", "", False)]
