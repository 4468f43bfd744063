"""The account's sending limits and a batch's plan against them (app/core/sending/limits.py): nothing over a
limit goes blindly, nothing is lost (every message is sent now, kept for later, or said to be refused)."""

from __future__ import annotations

import pytest

from app.core.sending.limits import (DAY, EXCHANGE_ONLINE, RecipientLedger, ServerLimits, limits_for, parse,
                                  plan_batch)
from app.domain.account import AccountConfig, Backend

NOW = 1_790_000_000.0


def _account(**kw):
    return AccountConfig(email="a@example.com", ews_url="https://x/EWS/Exchange.asmx", username="a", **kw)


def test_microsoft_365_accounts_get_exchange_onlines_limits_others_none_unless_configured():
    assert limits_for(_account(backend=Backend.GRAPH)) == EXCHANGE_ONLINE
    assert limits_for(_account()) is None  # an Exchange Server sets its own
    assert limits_for(_account(backend=Backend.GRAPH, sandbox=True)) is None  # the sandbox: off by default
    sandboxed = _account(backend=Backend.EWS, sandbox=True, extra={"send_limits": "exchange-online"})
    assert limits_for(sandboxed) == EXCHANGE_ONLINE
    own = limits_for(_account(extra={"send_limits": {"name": "Contoso", "recipients_per_day": 2000}}))
    assert own == ServerLimits("Contoso", recipients_per_day=2000)
    assert limits_for(_account(backend=Backend.GRAPH, extra={"send_limits": "none"})) is None
    with pytest.raises(ValueError):
        parse({"recipients_per_day": 0})


def test_a_merge_over_the_day_says_so_and_keeps_the_rest_for_when_the_day_has_room():
    ledger = RecipientLedger()
    ledger.add(NOW - 3600, 2200)  # sent an hour ago
    plan = plan_batch([1] * 12_000, ledger, EXCHANGE_ONLINE, NOW)
    assert plan.warning().startswith(
        "4,200 of these 12,000 recipients would be refused today by Exchange Online's 10,000-a-day limit.")
    assert len(plan.send_now) == 7_800 and len(plan.later) == 4_200 and not plan.too_many
    assert plan.send_now == list(range(7_800)) and [i for i, _ in plan.later] == list(range(7_800, 12_000))
    # 2,200 free up 24 hours after they were sent, the 7,800 sent now 24 hours from now
    times = sorted({at for _, at in plan.later})
    assert times[0] == NOW - 3600 + DAY and times[-1] == NOW + DAY
    assert sum(1 for _, at in plan.later if at == NOW - 3600 + DAY) == 2200
    assert not plan.blind_ok


def test_the_message_rate_says_when_the_last_one_goes():
    plan = plan_batch([1] * 80, RecipientLedger(), EXCHANGE_ONLINE, NOW)
    assert plan.blind_ok and plan.warning() == ""
    assert plan.last_goes_at == NOW + 120  # 30 at once, 30 a minute later, the last 20 two minutes later
    assert plan_batch([1] * 30, RecipientLedger(), EXCHANGE_ONLINE, NOW).last_goes_at is None


def test_too_many_recipients_for_one_message_are_said_and_not_sent():
    plan = plan_batch([3, 501, 2], RecipientLedger(), EXCHANGE_ONLINE, NOW)
    assert plan.send_now == [0, 2] and plan.too_many == [1] and not plan.later
    assert "1 message has more than 500 recipients, which Exchange Online refuses" in plan.warning()


def test_no_known_limits_send_everything_now():
    plan = plan_batch([600] * 30, RecipientLedger(), None, NOW)
    assert plan.blind_ok and len(plan.send_now) == 30


def test_the_ledger_counts_a_rolling_day_and_round_trips():
    ledger = RecipientLedger()
    ledger.add(NOW - DAY, 5)  # exactly a day ago: out of the window
    ledger.add(NOW - 10, 7)
    assert ledger.used(NOW) == 7
    ledger.prune(NOW)
    assert RecipientLedger.from_json(ledger.to_json()).entries == [(NOW - 10, 7)]


def test_the_count_of_sent_recipients_survives_a_restart(tmp_path):
    from app.core.sending.limits import SentCounter
    from app.core.outbox.submission import Submission, SubState
    from app.domain.models import Draft, Recipient
    from app.storage.sent_ledger import SentLedgerStore

    clock = [NOW]
    counter = SentCounter(SentLedgerStore(tmp_path / "sent-ledger"), "graph:a@example.com", wall=lambda: clock[0])
    draft = Draft(to=[Recipient("b@example.com")], cc=[Recipient("c@example.com")], subject="s")
    counter.record(Submission(draft=draft, account="graph:a@example.com", state=SubState.SENT))
    counter.record(Submission(draft=draft, account="graph:a@example.com", state=SubState.FAILED))  # not sent
    again = SentCounter(SentLedgerStore(tmp_path / "sent-ledger"), "graph:a@example.com", wall=lambda: clock[0])
    assert again.ledger().used(NOW) == 2
    assert SentCounter(SentLedgerStore(tmp_path / "sent-ledger"), "other").ledger().used(NOW) == 0
    text = next((tmp_path / "sent-ledger").iterdir()).read_text()
    assert "example.com" not in text  # times and counts only
    clock[0] = NOW + DAY
    assert again.ledger().used(clock[0]) == 0


def test_the_question_before_a_batch_offers_the_part_that_fits_and_says_when_the_last_goes():
    from app.core.merge.send import limits_question

    ledger = RecipientLedger()
    ledger.add(NOW - 3600, 2200)
    when = lambda t: f"T+{int(t - NOW)}"  # noqa: E731 - the UI renders local times
    text = limits_question(plan_batch([1] * 12_000, ledger, EXCHANGE_ONLINE, NOW), when)
    assert text.startswith("4,200 of these 12,000 recipients would be refused today by Exchange Online's "
                           "10,000-a-day limit. Send the 7,800 that fit now and keep the other 4,200 in the "
                           f"Outbox, to go from T+{int(DAY - 3600)}?")
    assert text.endswith("At 30 messages a minute, the last one goes out at about T+15540.")  # (7,800-1)//30 min
    assert limits_question(plan_batch([1] * 10, RecipientLedger(), EXCHANGE_ONLINE, NOW), when) == ""


def test_sends_finishing_in_one_turn_are_written_once(tmp_path):
    import asyncio

    from app.core.sending.limits import SentCounter
    from app.core.outbox.submission import Submission, SubState
    from app.domain.models import Draft, Recipient
    from app.storage.sent_ledger import SentLedgerStore

    class Counting(SentLedgerStore):
        writes = 0

        def save(self, account, entries):
            Counting.writes += 1
            super().save(account, entries)

    counter = SentCounter(Counting(tmp_path / "sent-ledger"), "acct", wall=lambda: NOW)
    sent = Submission(draft=Draft(to=[Recipient("b@example.com")]), account="acct", state=SubState.SENT)

    async def main():
        for _ in range(500):
            counter.record(sent)
        assert counter.ledger().used(NOW) == 500  # counted at once, in memory
        await asyncio.sleep(0)

    asyncio.run(main())
    assert Counting.writes == 1
    assert SentCounter(SentLedgerStore(tmp_path / "sent-ledger"), "acct").ledger().used(NOW) == 500


def test_the_answer_to_the_limits_question_is_said_as_the_plan_now_goes():
    from app.core.merge.send import limits_answer

    ledger = RecipientLedger()
    ledger.add(NOW - 3600, 2200)
    when = lambda t: f"T+{int(t - NOW)}"  # noqa: E731 - the UI renders local times
    plan = plan_batch([1] * 12_000, ledger, EXCHANGE_ONLINE, NOW)
    assert limits_answer(plan, when, True) == f"Sending 7,800 now; 4,200 kept in the Outbox, to go from T+{int(DAY - 3600)}."
    assert limits_answer(plan, when, False) == "Nothing sent: kept in Drafts."
    too_many = plan_batch([3, 501, 2], RecipientLedger(), EXCHANGE_ONLINE, NOW)
    assert limits_answer(too_many, when, True) == "Sending 2 now; 1 not sent (more than 500 recipients)."
